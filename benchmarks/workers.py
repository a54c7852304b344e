"""One measurement per process, so sizes and engines do not pollute each other's memory and caches.

    python -m benchmarks.workers load FOLDER
        time KnowledgeBase.load(dirs=[FOLDER]) (cold or warm: the parent sets KB_CACHE_DIR) and memory
    python -m benchmarks.workers tui FOLDER --started EPOCH
        start the TUI headless (App.run_test) on FOLDER; seconds from EPOCH (the parent's clock when it
        started this process) to the first frame and to the screen that shows the articles loaded
    python -m benchmarks.workers queries SIZE --seed S --queries N [--wratio-cap C] [--wratio-budget SECONDS]
        build the index with KnowledgeBase.from_articles, run the noisy queries on kb, bm25s and WRatio

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.noisy import KINDS, Query, make_queries


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure_load(folder: Path) -> dict:
    from kb import KnowledgeBase, cache

    cached_before = set(cache.cache_dir().glob("index-*"))
    before = rss_mb()
    started = time.perf_counter()
    knowledge_base = KnowledgeBase.load(dirs=[folder])
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        # A load that wrote a new cache file did not use one (e.g. the engine's files changed meanwhile).
        "cache_hit": set(cache.cache_dir().glob("index-*")) <= cached_before,
        "articles": len(knowledge_base),
        "problems": len(knowledge_base.problems),
        "rss_before_mb": before,
        "rss_after_mb": rss_mb(),
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_tui(folder: Path, started: float) -> dict:
    import asyncio

    from kb.tui.app import KbApp

    async def first_screen() -> dict:
        app = KbApp([folder])
        async with app.run_test(size=(120, 36)) as pilot:
            first_frame = time.time() - started
            while not app.sub_title.endswith("articles"):  # "10,000 articles" once they are loaded
                await pilot.pause(0.005)
            await pilot.pause()  # the frame that shows them
            return {
                "first_frame_seconds": first_frame,
                "loaded_seconds": time.time() - started,
                "articles": len(app.knowledge_base or ()),
            }

    return asyncio.run(first_screen())


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_engine(
    best: Callable[[str], str | None], queries: Sequence[Query], budget: float | None = None
) -> dict:
    """Latency and top-1 accuracy of one engine; stops early once `budget` seconds are spent."""
    latencies_ms: list[float] = []
    correct = 0
    spent = 0.0
    for query in queries:
        started = time.perf_counter()
        found = best(query.text)
        elapsed = time.perf_counter() - started
        spent += elapsed
        latencies_ms.append(elapsed * 1000)
        correct += found == query.truth
        if budget is not None and spent > budget:
            break
    return {
        "n": len(latencies_ms),
        "median_ms": statistics.median(latencies_ms),
        "p95_ms": percentile(latencies_ms, 0.95),
        "top1": correct / len(latencies_ms),
    }


def measure_queries(size: int, seed: int, count: int, wratio_cap: int, wratio_budget: float) -> dict:
    from benchmarks.baselines import BM25_DOCUMENTS, BM25Baseline, WRatioBaseline
    from benchmarks.synthetic import generate_articles
    from kb import KnowledgeBase

    articles = generate_articles(size, seed)
    before = rss_mb()
    started = time.perf_counter()
    knowledge_base = KnowledgeBase.from_articles(articles)
    build_seconds = time.perf_counter() - started
    index_rss = rss_mb() - before

    def kb_best(text: str) -> str | None:
        matches = knowledge_base.search(text, limit=1)
        return matches[0].article.id if matches else None

    started = time.perf_counter()
    bm25 = BM25Baseline(articles)
    bm25_build = time.perf_counter() - started
    wratio = WRatioBaseline(articles)
    engines: dict[str, dict] = {"kb": {}, "bm25s": {}, "wratio": {}}
    for kind in KINDS:
        queries = make_queries(articles, count, kind, seed)
        kb_best(queries[0].text)  # first-call costs (lazy imports, caches) are start-up, not latency
        engines["kb"][kind] = run_engine(kb_best, queries)
        engines["bm25s"][kind] = run_engine(bm25.best, queries)
        engines["wratio"][kind] = run_engine(wratio.best, queries[:wratio_cap], budget=wratio_budget)
    return {
        "size": size,
        "build_seconds": build_seconds,
        "index_rss_mb": index_rss,
        "bm25_build_seconds": bm25_build,
        "bm25_documents": BM25_DOCUMENTS,
        "wratio_strings": len(wratio.strings),
        "engines": engines,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers")
    tasks = parser.add_subparsers(dest="task", required=True)
    load = tasks.add_parser("load")
    load.add_argument("folder", type=Path)
    tui = tasks.add_parser("tui")
    tui.add_argument("folder", type=Path)
    tui.add_argument("--started", type=float, required=True)
    queries = tasks.add_parser("queries")
    queries.add_argument("size", type=int)
    queries.add_argument("--seed", type=int, required=True)
    queries.add_argument("--queries", type=int, required=True)
    queries.add_argument("--wratio-cap", type=int, required=True)
    queries.add_argument("--wratio-budget", type=float, required=True)
    args = parser.parse_args(argv)
    if args.task == "load":
        result = measure_load(args.folder)
    elif args.task == "tui":
        result = measure_tui(args.folder, args.started)
    else:
        result = measure_queries(args.size, args.seed, args.queries, args.wratio_cap, args.wratio_budget)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
