"""benchmarks/RESULTS.md from the numbers of one `python -m benchmarks.run`."""

from __future__ import annotations

import os
import platform
from datetime import date
from pathlib import Path

KIND_NAMES = {"single": "single line", "log20": "20-line log", "log500": "500-line log"}
ENGINE_NAMES = {"kb": "kb", "bm25s": "bm25s", "wratio": "WRatio"}


def machine() -> dict[str, str]:
    import psutil

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "CPU": cpu,
        "Cores": f"{os.cpu_count()} logical (shared with other work)",
        "RAM": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "Python": platform.python_version(),
        "OS": f"{platform.system()} {platform.release()}",
    }


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}x" if denominator else "-"


def _load_table(sizes: dict) -> list[str]:
    lines = [
        "| articles | cold load (s) | warm load (s) | index build (s) | peak RSS, cold load (MiB) | RSS, warm-loaded (MiB) | index share of RSS (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, result in sizes.items():
        loads = result["loads"]
        misses = loads.get("warm_cache_misses", 0)
        warm = f"{loads['warm_seconds']:.3f}" + (f" ({misses} cache misses!)" if misses else "")
        lines.append(
            f"| {int(size):,} | {loads['cold']['seconds']:.2f} | {warm} | "
            f"{result['build_seconds']:.2f} | {loads['cold']['peak_rss_mb']:.0f} | {loads['warm_rss_mb']:.0f} | "
            f"{loads['warm_rss_mb'] - loads['baseline_rss_mb']:.0f} |"
        )
    return lines


def _query_table(sizes: dict) -> list[str]:
    lines = [
        "| articles | paste | engine | queries | median (ms) | p95 (ms) | top-1 | median vs kb |",
        "|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for size, result in sizes.items():
        engines = result["engines"]
        for kind, kind_name in KIND_NAMES.items():
            kb_median = engines["kb"][kind]["median_ms"]
            for engine, engine_name in ENGINE_NAMES.items():
                row = engines[engine][kind]
                versus = "1x" if engine == "kb" else _ratio(row["median_ms"], kb_median)
                name = f"**{engine_name}**" if engine == "kb" else engine_name
                lines.append(
                    f"| {int(size):,} | {kind_name} | {name} | {row['n']} | {_ms(row['median_ms'])} | "
                    f"{_ms(row['p95_ms'])} | {row['top1']:.3f} | {versus} |"
                )
    return lines


def _targets(run: dict) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for the targets of issue 5 that this run measured."""
    sizes = {int(size): result for size, result in run["sizes"].items()}
    checks: list[tuple[str, str, bool]] = []
    if 10_000 in sizes:
        kb = sizes[10_000]["engines"]["kb"]
        single, log500 = kb["single"], kb["log500"]
        checks += [
            ("10,000: single-line median <= 1 ms", f"{single['median_ms']:.2f} ms", single["median_ms"] <= 1),
            ("10,000: single-line p95 <= 5 ms", f"{single['p95_ms']:.2f} ms", single["p95_ms"] <= 5),
            ("10,000: single-line top-1 >= 0.99", f"{single['top1']:.3f}", single["top1"] >= 0.99),
            (
                "10,000: 500-line log median <= 30 ms",
                f"{log500['median_ms']:.1f} ms",
                log500["median_ms"] <= 30,
            ),
        ]
        warm = sizes[10_000]["loads"]["warm_seconds"]
        checks.append(("10,000: warm load <= 0.5 s", f"{warm:.3f} s", warm <= 0.5))
        tui = sizes[10_000].get("tui")
        if tui:
            loaded = tui["loaded_seconds"]
            checks.append(
                ("10,000: TUI first screen, articles loaded <= 1.5 s", f"{loaded:.2f} s", loaded <= 1.5)
            )
    if 100_000 in sizes:
        single = sizes[100_000]["engines"]["kb"]["single"]
        checks += [
            (
                "100,000: single-line median <= 5 ms",
                f"{single['median_ms']:.2f} ms",
                single["median_ms"] <= 5,
            ),
            ("100,000: single-line top-1 >= 0.97", f"{single['top1']:.3f}", single["top1"] >= 0.97),
        ]
        resident = sizes[100_000]["loads"]["warm_rss_mb"]
        checks.append(("100,000: indexed in <= 1 GiB resident", f"{resident:.0f} MiB", resident <= 1024))
    for size, result in sizes.items():
        engines = result["engines"]
        for kind, kind_name in KIND_NAMES.items():
            kb, bm25 = engines["kb"][kind], engines["bm25s"][kind]
            checks.append(
                (
                    f"{size:,} {kind_name}: top-1 >= bm25s's",
                    f"{kb['top1']:.3f} vs {bm25['top1']:.3f}",
                    kb["top1"] >= bm25["top1"],
                )
            )
            checks.append(
                (
                    f"{size:,} {kind_name}: median within 2x of bm25s's",
                    f"{kb['median_ms']:.2f} vs {bm25['median_ms']:.2f} ms",
                    kb["median_ms"] <= 2 * bm25["median_ms"],
                )
            )
    ask = run["kb_ask"]["median_seconds"]
    checks.append(("`kb ask` whole process, bundled articles <= 0.4 s", f"{ask:.3f} s", ask <= 0.4))
    return checks


def render(run: dict, today: date | None = None) -> str:
    today = today or date.today()
    sizes = run["sizes"]
    first = next(iter(sizes.values()))
    lines = [
        "# Scale benchmark results",
        "",
        f"Measured {today.isoformat()} with `{run['command'].strip()}` (seed {run['seed']}, "
        f"{run['queries']} queries per paste kind and size; total run {run['total_seconds'] / 60:.1f} min), "
        f"engine at commit {run.get('engine', 'unknown')}.",
        "Regenerate with the same command; the numbers below are one run's, medians quoted.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in machine().items()],
        *(
            [
                f"- 1-minute load average at start / end of the run: {run['load_average'][0]:.1f} / "
                f"{run['load_average'][1]:.1f}"
            ]
            if "load_average" in run
            else []
        ),
        "",
        "## Targets (issue 5)",
        "",
        "| target | measured | met |",
        "|---|---|:---:|",
        *[
            f"| {target} | {measured} | {'yes' if met else '**no**'} |"
            for target, measured, met in _targets(run)
        ],
        "",
        "## Load, index build and memory",
        "",
        *_load_table(sizes),
        "",
        "- cold load: `KnowledgeBase.load(dirs=[folder])` with an empty cache (`KB_CACHE_DIR`), YAML parsed,",
        "  index built, cache written; warm load: the same call in a fresh process, median of "
        "3 runs, cache present.",
        "- index build: `KnowledgeBase.from_articles(articles)` on Article objects already in memory (no YAML).",
        "- memory: RSS of the measuring process (psutil; peak from getrusage), one process per measurement;",
        "  the last column is the warm-loaded RSS minus the RSS of the same process before loading.",
        "",
        "## Per-query latency and top-1 accuracy",
        "",
        *_query_table(sizes),
        "",
        "- kb: `KnowledgeBase.search(paste, limit=1)` (the diagnoser of `kb ask` is not included). "
        "One query at a time, single thread.",
        f"- bm25s: {first['bm25_documents']}, `bm25s.tokenize(..., stopwords='en')`, the whole paste as the "
        "query, top-1 of `retrieve(k=1)`; a zero score counts as no answer.",
        "- WRatio: `rapidfuzz.process.extractOne(paste, all_strings, scorer=fuzz.WRatio)` over every error, "
        "symptom and title (e.g. "
        f"{first['wratio_strings']:,} strings at {int(next(iter(sizes))):,} articles), the whole paste as "
        "the query.",
        f"- WRatio's queries are capped (100 at 10,000, 30 at 100,000 articles) and stop after "
        f"{run['wratio_budget_seconds']:.0f} s of query time per size and paste kind: "
        "the `queries` column gives the number run. Its top-1 on so few queries is a rough figure.",
        "- 'median vs kb': the engine's median latency divided by kb's (above 1x: kb is faster).",
        "- Queries (benchmarks/noisy.py): single line = an article's error string with at least one of: "
        "inside a log line (timestamp, host, GUID, thread; Qlik Repository trace, JSON or plain format), "
        "a changed or dropped word plus an appended value (host, GUID, path, number), one or two typos. "
        "Logs = the error inside a log line among 19 or 499 unrelated INFO/DEBUG/WARN lines of the same "
        "format.",
        "- Articles (benchmarks/synthetic.py): composed from shared vocabularies (products, services, "
        "objects, verbs, reasons, .NET/Java exceptions, error codes on 40% of errors), one to three "
        "unique error strings and two to four symptoms each.",
        "",
        "## Start-up",
        "",
        f"- `{run['kb_ask']['command']}` as a whole process on the bundled articles, warm cache: median "
        f"{run['kb_ask']['median_seconds']:.3f} s over {run['kb_ask']['runs']} runs.",
    ]
    if "10000" in sizes or 10_000 in sizes:
        warm = sizes.get("10000", sizes.get(10_000))["loads"]["warm_seconds"]
        lines.append(f"- Warm load of 10,000 articles: {warm:.3f} s.")
    for size, result in sizes.items():
        tui = result.get("tui")
        if tui:
            lines.append(
                f"- TUI (`KbApp` headless, `App.run_test`, 120x36) on {int(size):,} articles, warm cache, a fresh "
                f"process each run, median of {tui['runs']}: first frame {tui['first_frame_seconds']:.2f} s, "
                f"the screen showing the {tui['articles']:,} articles loaded {tui['loaded_seconds']:.2f} s "
                "after the process was started."
            )
    lines.append("")
    return "\n".join(lines)


def write_results(run: dict, path: Path) -> None:
    path.write_text(render(run), encoding="utf-8")
