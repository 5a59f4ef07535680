"""Question latency: p50 and p95 of `ask` on the shipped corpus and on a larger synthetic store,
with a plain full-text query of the same store as the in-process baseline.

    .venv/bin/python benchmarks/bench_questions.py                 # shipped corpus + 1,000 articles
    .venv/bin/python benchmarks/bench_questions.py --size 10000    # the issue's 10k store (slow to build)
    .venv/bin/python benchmarks/bench_questions.py --store PATH    # a store built before (say by bench_app.py)

Goal (issue 7): p95 < 100 ms on 10k articles. The first question after a change of the store
builds the answerable facts once (reported apart as "warm-up"). Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import shared_dir, synthetic_store  # noqa: E402

from pipeline.ingest import ingest  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.views.questions import ask  # noqa: E402


def questions() -> list[str]:
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "questions.yaml").read_text(encoding="utf-8"))["questions"]
    return [q["question"] for q in gold]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def measure(store: Store, asked: list[str]) -> None:
    started = time.perf_counter()
    english = next(q for q in asked if q.isascii())
    chinese = next(q for q in asked if not q.isascii())
    for first in (english, chinese):
        ask(store, first)  # loads each language's pipeline once, as an app does on its first question
    warm = time.perf_counter() - started
    ours, base = [], []
    for question in asked:
        t = time.perf_counter()
        ask(store, question)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.search_sentences(question.split(), limit=10)
        base.append(time.perf_counter() - t)
    p50, p95 = percentiles(ours)
    b50, b95 = percentiles(base)
    print(f"  warm-up {warm * 1000:.0f} ms; ask p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (goal p95 < 100 ms)")
    print(f"  full-text query baseline p50 {b50 * 1000:.2f} ms; ask/baseline at p50 {p50 / b50:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="synthetic store size")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", type=Path, help="measure this existing store instead of building one (read only)")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        return
    asked = questions()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Store(tmp / "shipped.sqlite") as store:
            ingest([ROOT / "corpus", shared / "corpus" / "zh"], store)
            print(f"shipped corpus + Chinese articles ({store.counts()['articles']} articles), {len(asked)} questions:")
            measure(store, asked)
        if args.store:
            with Store(args.store, readonly=True) as store:
                print(f"store {args.store} ({store.counts()['articles']} articles):")
                measure(store, asked)
            return
        with Store(tmp / "big.sqlite") as store:
            started = time.perf_counter()
            synthetic_store(store, tmp / "c", args.size, shared, workers=args.workers)
            print(f"synthetic store of {store.counts()['articles']} articles (built in {time.perf_counter() - started:.0f} s):")
            measure(store, asked)


if __name__ == "__main__":
    main()
