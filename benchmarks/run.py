"""Scale benchmarks (issue 5): one command, writes benchmarks/RESULTS.md.

    python -m benchmarks.run [--sizes 1000,10000,100000] [--queries N] [--seed S] [--out PATH]

For each size: synthetic articles written as YAML (cached under KB_BENCH_DIR, default /tmp/kb-bench),
cold and warm load of that folder, index build from Article objects, memory, and per-query latency and
top-1 accuracy of kb, bm25s and rapidfuzz WRatio on the same noisy queries. Every measurement runs in
its own subprocess. Only local files are touched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import write_results
from benchmarks.synthetic import DEFAULT_SEED, data_root, write_knowledge_base

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(__file__).resolve().parent / "RESULTS.md"
WARM_LOAD_RUNS = 3
ASK_RUNS = 10
TUI_RUNS = 3
ASK_PASTE = "Only one license per product level is allowed"
# WRatio scans every string per query: seconds per query at 100,000 articles. Capped, and said so.
WRATIO_CAPS = {1_000: None, 10_000: 100, 100_000: 30}
WRATIO_BUDGET_SECONDS = 60.0


def _worker(args: Sequence[str], env: dict[str, str]) -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.workers", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"worker {' '.join(args)} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _env(cache_dir: Path) -> dict[str, str]:
    env = dict(os.environ, KB_CACHE_DIR=str(cache_dir), PYTHONPATH=str(REPO))
    env.pop("KB_NO_CACHE", None)
    env.pop("KB_ARTICLES", None)
    return env


def measure_loads(folder: Path, cache_dir: Path) -> dict:
    """Cold (cache cleared) then warm loads of one folder, each in a fresh process."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache_dir.mkdir(parents=True)
    cold = _worker(["load", str(folder)], _env(cache_dir))
    warm = [_worker(["load", str(folder)], _env(cache_dir)) for _ in range(WARM_LOAD_RUNS)]
    return {
        "cold": cold,
        "warm_seconds": statistics.median(run["seconds"] for run in warm),
        "warm_cache_misses": sum(1 for run in warm if not run["cache_hit"]),
        "warm_rss_mb": statistics.median(run["rss_after_mb"] for run in warm),
        "warm_peak_rss_mb": max(run["peak_rss_mb"] for run in warm),
        "baseline_rss_mb": statistics.median(run["rss_before_mb"] for run in warm),
    }


def measure_size(size: int, seed: int, queries: int, progress) -> dict:
    progress(f"{size}: writing articles")
    folder = write_knowledge_base(size, seed)
    progress(f"{size}: cold and warm load")
    loads = measure_loads(folder, data_root() / f"cache-{size}")
    cap = WRATIO_CAPS.get(size, 30 if size > 10_000 else None) or queries
    progress(f"{size}: index build and queries")
    result = _worker(
        [
            "queries",
            str(size),
            f"--seed={seed}",
            f"--queries={queries}",
            f"--wratio-cap={min(cap, queries)}",
            f"--wratio-budget={WRATIO_BUDGET_SECONDS}",
        ],
        _env(data_root() / f"cache-{size}"),
    )
    progress(f"{size}: TUI first screen")
    result["loads"] = loads
    result["tui"] = measure_tui(folder, data_root() / f"cache-{size}")
    result["folder"] = str(folder)
    return result


def measure_tui(folder: Path, cache_dir: Path, runs: int = TUI_RUNS) -> dict:
    """The TUI started headless on one folder, warm cache, each run a fresh process; medians."""
    starts = [
        _worker(["tui", str(folder), f"--started={time.time()!r}"], _env(cache_dir)) for _ in range(runs)
    ]
    return {
        "runs": runs,
        "first_frame_seconds": statistics.median(run["first_frame_seconds"] for run in starts),
        "loaded_seconds": statistics.median(run["loaded_seconds"] for run in starts),
        "articles": starts[0]["articles"],
    }


def _kb_command() -> list[str]:
    # `python -m kb.cli` with PYTHONPATH=REPO: the engine measured is this source tree's, like the rest.
    return [sys.executable, "-m", "kb.cli"]


def measure_kb_ask(runs: int = ASK_RUNS) -> dict:
    """`kb ask` as a whole process on the bundled articles, warm cache, median of `runs`."""
    cache_dir = data_root() / "cache-ask"
    env = _env(cache_dir)
    command = [*_kb_command(), "ask", ASK_PASTE]
    subprocess.run(command, capture_output=True, env=env, check=True, cwd=REPO)  # warms the cache
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True, cwd=REPO)
        seconds.append(time.perf_counter() - started)
    return {
        "command": " ".join(["kb", "ask", repr(ASK_PASTE)]),
        "runs": runs,
        "median_seconds": statistics.median(seconds),
    }


def engine_version() -> str:
    """The commit measured, and whether the engine's files differ from it."""

    def git(*args: str) -> str:
        completed = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return completed.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:  # an exported snapshot (git archive): the exporter says which commit it is
        return os.environ.get("KB_BENCH_COMMIT", "unknown")
    dirty = git("status", "--porcelain", "--", "kb", "diagnoser")
    return f"{commit} (kb/ or diagnoser/ modified after it)" if dirty else commit


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind and size")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the Markdown report")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated numbers, not {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1 or args.queries < 1:
        parser.error("sizes and --queries must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    engine = engine_version()
    load_before = os.getloadavg()

    def progress(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", file=sys.stderr, flush=True)

    sizes = {size: measure_size(size, args.seed, args.queries, progress) for size in args.sizes}
    progress("kb ask on the bundled articles")
    ask = measure_kb_ask()
    run = {
        "sizes": sizes,
        "kb_ask": ask,
        "seed": args.seed,
        "queries": args.queries,
        "wratio_budget_seconds": WRATIO_BUDGET_SECONDS,
        "engine": engine,
        "load_average": [load_before[0], os.getloadavg()[0]],
        "command": "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:]),
        "total_seconds": time.perf_counter() - started,
    }
    raw = data_root() / "results.json"
    raw.write_text(json.dumps(run, indent=2))
    write_results(run, args.out)
    progress(f"wrote {args.out} (raw numbers: {raw})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
