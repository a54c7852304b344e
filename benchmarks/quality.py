"""Retrieval quality report: top-1, top-3 and false positives of the knowledge base on the evaluation set.

    python -m benchmarks.quality [--set PATH] [--search-only] [--verbose]
                                 [--fail-under 0.95] [--fail-under-top3 1.0] [--max-false-positives 0]

By default every paste goes through `kb.answer.answer` (the diagnoser's findings boost their articles),
which is what users get; `--search-only` measures `KnowledgeBase.search` alone. It is a report: the exit
status is 0 unless a threshold option is given and not met (then 1); 2 for a bad evaluation set.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as `python benchmarks/quality.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_set import DEFAULT_SET, KINDS, EvalCase, EvalSetError, load_eval_set

LIMIT = 5
PASTE_PREVIEW = 80


@dataclass(frozen=True)
class Got:
    article_id: str
    score: float
    why: str


@dataclass(frozen=True)
class Outcome:
    case: EvalCase
    got: list[Got]
    seconds: float

    @property
    def rank(self) -> int | None:
        """1-based position of the expected article among the matches, None when absent."""
        ids = [hit.article_id for hit in self.got]
        return ids.index(self.case.expect) + 1 if self.case.expect in ids else None

    @property
    def passed(self) -> bool:
        return not self.got if self.case.expect is None else self.rank == 1


@dataclass(frozen=True)
class Summary:
    expected: int
    top1: int
    top3: int
    no_match_cases: int
    false_positives: int

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.expected if self.expected else 1.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.expected if self.expected else 1.0


def make_matcher(search_only: bool) -> tuple[Callable[[str], list[Got]], str]:
    """A function from paste to matches over the bundled knowledge base, and what it measures."""
    from kb import KnowledgeBase

    knowledge_base = KnowledgeBase.load()
    answer = None if search_only else _answer_function()

    def match(text: str) -> list[Got]:
        if answer is None:
            matches = knowledge_base.search(text, limit=LIMIT)
        else:
            matches = answer(knowledge_base, text, limit=LIMIT).matches
        return [Got(match.article.id, float(match.score), match.why) for match in matches]

    mode = "KnowledgeBase.search only" if answer is None else "answer path (search + findings' boosts)"
    return match, mode


def _answer_function():
    try:
        from kb.answer import answer
    except ImportError:  # the answer layer is not there yet: measure the search alone
        print("note: kb.answer not available, measuring KnowledgeBase.search", file=sys.stderr)
        return None
    return answer


def evaluate(cases: Sequence[EvalCase], match: Callable[[str], list[Got]]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        started = time.perf_counter()
        got = match(case.paste)
        outcomes.append(Outcome(case, got, time.perf_counter() - started))
    return outcomes


def summarise(outcomes: Sequence[Outcome]) -> Summary:
    expecting = [outcome for outcome in outcomes if outcome.case.expect is not None]
    no_match = [outcome for outcome in outcomes if outcome.case.expect is None]
    return Summary(
        expected=len(expecting),
        top1=sum(1 for outcome in expecting if outcome.rank == 1),
        top3=sum(1 for outcome in expecting if outcome.rank is not None and outcome.rank <= 3),
        no_match_cases=len(no_match),
        false_positives=sum(1 for outcome in no_match if outcome.got),
    )


def report(outcomes: Sequence[Outcome], *, mode: str, set_path: Path, verbose: bool) -> str:
    summary = summarise(outcomes)
    timings_ms = sorted(outcome.seconds * 1000 for outcome in outcomes)
    lines = [
        f"Retrieval quality: {len(outcomes)} pastes from {set_path.name}, {mode}",
        "",
        f"  top-1            {summary.top1_rate:6.3f}  ({summary.top1}/{summary.expected})",
        f"  top-3            {summary.top3_rate:6.3f}  ({summary.top3}/{summary.expected})",
        f"  false positives  {summary.false_positives:6d}  (of {summary.no_match_cases} no-match pastes)",
        f"  time per paste   median {statistics.median(timings_ms):.2f} ms, max {timings_ms[-1]:.2f} ms",
        "",
        "  kind          cases  top-1   top-3   no match",
    ]
    for kind in KINDS:
        of_kind = [outcome for outcome in outcomes if outcome.case.kind == kind]
        if of_kind:
            lines.append(_kind_row(kind, of_kind))
    misses = [outcome for outcome in outcomes if not outcome.passed]
    lines += ["", f"Misses ({len(misses)}):" if misses else "No misses."]
    for outcome in misses:
        lines += _describe(outcome)
    if verbose:
        lines += ["", "All pastes:"]
        for outcome in outcomes:
            lines += _describe(outcome, mark="ok  " if outcome.passed else "MISS")
    return "\n".join(lines)


def _kind_row(kind: str, outcomes: Sequence[Outcome]) -> str:
    summary = summarise(outcomes)
    if summary.expected:
        return f"  {kind:12s} {len(outcomes):6d}  {summary.top1_rate:6.3f}  {summary.top3_rate:6.3f}        -"
    clean = summary.no_match_cases - summary.false_positives
    return f"  {kind:12s} {len(outcomes):6d}       -       -   {clean}/{summary.no_match_cases}"


def _describe(outcome: Outcome, mark: str = "-") -> list[str]:
    case = outcome.case
    preview = " ".join(case.paste.split())[:PASTE_PREVIEW]
    lines = [
        f"  {mark} #{case.number} [{case.kind}] {preview!r}",
        f"      expected: {case.expect or 'no match'}"
        + (f" (rank {outcome.rank})" if case.expect and outcome.rank else ""),
    ]
    if not outcome.got:
        lines.append("      got:      no match")
    for position, hit in enumerate(outcome.got[:3], start=1):
        label = "got:" if position == 1 else ""
        lines.append(f"      {label:9s} {hit.article_id} {hit.score:.1f} ({hit.why})")
    return lines


def thresholds_failed(summary: Summary, args: argparse.Namespace) -> list[str]:
    failed = []
    if args.fail_under is not None and summary.top1_rate < args.fail_under:
        failed.append(f"top-1 {summary.top1_rate:.3f} < {args.fail_under}")
    if args.fail_under_top3 is not None and summary.top3_rate < args.fail_under_top3:
        failed.append(f"top-3 {summary.top3_rate:.3f} < {args.fail_under_top3}")
    if args.max_false_positives is not None and summary.false_positives > args.max_false_positives:
        failed.append(f"false positives {summary.false_positives} > {args.max_false_positives}")
    return failed


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="evaluation set YAML")
    parser.add_argument("--search-only", action="store_true", help="KnowledgeBase.search without findings")
    parser.add_argument("--verbose", action="store_true", help="list every paste, not only the misses")
    parser.add_argument("--fail-under", type=float, metavar="RATE", help="exit 1 if top-1 is below RATE")
    parser.add_argument("--fail-under-top3", type=float, metavar="RATE", help="exit 1 if top-3 is below RATE")
    parser.add_argument("--max-false-positives", type=int, metavar="N", help="exit 1 above N false positives")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        cases = load_eval_set(args.set)
    except EvalSetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    match, mode = make_matcher(args.search_only)
    outcomes = evaluate(cases, match)
    print(report(outcomes, mode=mode, set_path=args.set, verbose=args.verbose))
    failed = thresholds_failed(summarise(outcomes), args)
    for reason in failed:
        print(f"FAILED: {reason}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
