"""Export cost against building the graph it exports, on a synthetic store, in one process.

    .venv/bin/python benchmarks/bench_export.py                  # 300 synthetic articles
    .venv/bin/python benchmarks/bench_export.py --size 10000     # the issue's 10k store (slow to build)

Goal (issue 6): writing every format takes a small multiple of building the graph.
Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import shared_dir, synthetic_store  # noqa: E402

from pipeline.export import EXPORTERS  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.views.graph import build_graph  # noqa: E402
from pipeline.views.timeline import build_entries  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Store(tmp / "kb.sqlite") as store:
            synthetic_store(store, tmp / "c", args.size, shared, workers=args.workers)
            started = time.perf_counter()
            graph, entries = build_graph(store), build_entries(store)
            build = time.perf_counter() - started
        print(f"{args.size} synthetic articles: graph of {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
              f"{len(entries)} timeline entries, built in {build:.2f} s")  # fmt: skip
        total = 0.0
        for name, write in EXPORTERS.items():
            started = time.perf_counter()
            write(graph, entries, tmp)
            took = time.perf_counter() - started
            total += took
            print(f"  {name:<11} {took:6.2f} s  {took / build:5.2f}x the build")
        print(f"  all formats {total:6.2f} s  {total / build:5.2f}x the build (goal: a small multiple)")


if __name__ == "__main__":
    main()
