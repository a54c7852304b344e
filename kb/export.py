"""A conversation as Markdown, with secrets redacted: what `kb` writes when the user exports.

Plain Python (no Textual): the TUI hands over its answers and connection checks in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from diagnoser import Finding
from kb.answer import Answer
from kb.extract import SHORT_PASTE_LINES
from kb.render import MARKS, kind_label, problem_summary

# A paste longer than this is cut in the export: the answer, not the raw log, is what is shared.
MAX_PASTE_LINES = 400
KEY_LINES = 5


class ExportError(Exception):
    """The conversation cannot be exported safely."""


@dataclass(frozen=True)
class ConnectionCheckEntry:
    url: str
    finding: Finding
    result: dict = field(default_factory=dict)  # ConnectionResult.to_dict()


Entry = Answer | ConnectionCheckEntry


def conversation_markdown(
    entries: Sequence[Entry], *, exported_at: datetime, redact: Callable[[str], str] | None = None
) -> str:
    """The whole conversation; every secret the redactor knows is replaced, in pastes and answers alike."""
    redact = redact or _default_redactor()
    parts = [
        "# kb conversation",
        "",
        f"Exported {exported_at:%Y-%m-%d %H:%M}. Serial numbers, control numbers, key signatures and "
        "checksums are redacted.",
        "",
    ]
    if not entries:
        parts += ["Nothing was asked yet.", ""]
    paste_number = 0
    for entry in entries:
        if isinstance(entry, ConnectionCheckEntry):
            parts += _connection_section(entry)
        else:
            paste_number += 1
            parts += _answer_section(paste_number, entry)
    return redact("\n".join(parts).rstrip() + "\n")


def _default_redactor() -> Callable[[str], str]:
    try:
        from diagnoser.redact import redact
    except ImportError:
        raise ExportError("the redaction of secrets is not available, so nothing was exported") from None
    return redact


def _answer_section(number: int, answer: Answer) -> list[str]:
    lines = answer.text.rstrip("\n").splitlines()
    shown = lines[:MAX_PASTE_LINES]
    parts = [f"## {number}. Pasted: {kind_label(answer.input_kind)} ({len(lines):,} lines)", ""]
    parts += [*_fenced("\n".join(shown)), ""]
    if len(lines) > len(shown):
        parts += [f"*… {len(lines) - len(shown):,} more lines not included.*", ""]
    if len(lines) > SHORT_PASTE_LINES:
        key_lines = answer.lines_that_stand_out(KEY_LINES)
        if key_lines:
            width = len(str(max(line.number for line in key_lines)))
            parts += ["Lines that stand out:", ""]
            parts += [*_fenced("\n".join(f"{line.number:>{width}}  {line.text}" for line in key_lines)), ""]
    if answer.findings:
        parts += ["### Checks", ""]
        for finding in answer.findings:
            parts += _finding_lines(finding)
        parts += ["", problem_summary(len(answer.problems)), ""]
    best = answer.best
    if best is None:
        parts += ["### No matching article", "", "No article matches this paste confidently.", ""]
        if answer.no_match_reason:
            parts += [answer.no_match_reason, ""]
        if answer.closest:
            parts += ["Closest articles, not confident enough to be the answer:", ""]
            parts += [
                f"- {match.article.title} (`{match.article.id}`, score {match.score:.1f})"
                for match in answer.closest
            ]
            parts.append("")
        return parts
    article = best.article
    parts += [
        f"### Best match: {article.title}",
        "",
        f"Article `{article.id}`, score {best.score:.1f}. Why: {best.why}",
        "",
        "#### Resolution",
        "",
        article.resolution.strip(),
        "",
    ]
    others = answer.matches[1:]
    if others:
        parts += ["### Other matches", ""]
        parts += [
            f"- {match.article.title} (`{match.article.id}`, score {match.score:.1f})" for match in others
        ]
        parts.append("")
    return parts


def _connection_section(entry: ConnectionCheckEntry) -> list[str]:
    parts = [f"## Connection check: {entry.url}", ""]
    parts += _finding_lines(entry.finding)
    facts = [f"{key}: {value}" for key, value in entry.result.items() if value not in (None, "")]
    if facts:
        parts += ["", *_fenced("\n".join(facts))]
    parts.append("")
    return parts


def _finding_lines(finding: Finding) -> list[str]:
    parts = [
        f"- {MARKS.get(finding.severity, '?')} **{finding.title}** (`{finding.check}`, {finding.severity})"
    ]
    if finding.detail.strip():
        parts += [f"  {line}" if line.strip() else "" for line in finding.detail.strip().splitlines()]
    if finding.fix.strip():
        fix_lines = finding.fix.strip().splitlines()
        parts.append(f"  Fix: {fix_lines[0]}")
        parts += [f"  {line}" for line in fix_lines[1:]]
    return parts


def _fenced(text: str) -> list[str]:
    """A code fence longer than any run of backticks inside, so pasted text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", text, fence]
