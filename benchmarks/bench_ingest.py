"""Ingest at scale: throughput against spaCy's own nlp.pipe, scaling with workers, the cost
of re-ingesting, and peak memory. Ratios are measured in one process, against baselines run
right beside them, because the machines are noisy.

    .venv/bin/python benchmarks/bench_ingest.py                       # 200 synthetic articles
    .venv/bin/python benchmarks/bench_ingest.py --articles 1000 --memory 1000 10000
    .venv/bin/python benchmarks/bench_ingest.py --articles 10 --memory 100000 --memory-workers 2   # ~1 h here

Goals (issue 9): throughput >= 0.8x nlp.pipe; 2 workers >= 1.7x one; re-ingest < 5% of the
first ingest; peak memory flat with corpus size (< 2 GB). Corpora are synthetic (see
synthetic.py), generated into a temporary folder. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")


def baseline_seconds(corpus: Path) -> tuple[float, int]:
    """spaCy's own nlp.pipe over the same texts: en_core_web_sm for English, the bare jieba
    pipeline for Chinese. Returns (seconds, words)."""
    from pipeline.extract.nlp import get_plain_nlp

    texts = {"en": [], "zh": []}
    for path in sorted(corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[record["lang"]].append(record["text"])
    words = 0
    started = time.perf_counter()
    for lang, batch in texts.items():
        for doc in get_plain_nlp(lang).pipe(batch):
            words += len(doc)
    return time.perf_counter() - started, words


def ingest_seconds(corpus: Path, db: Path, workers: int = 1) -> tuple[float, dict]:
    from pipeline.ingest import ingest
    from pipeline.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        report = ingest([corpus], store, workers=workers)
        return time.perf_counter() - started, report.to_dict()


PEAK = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "pipeline", "ingest", sys.argv[1], "--db", sys.argv[2], "--quiet", "--workers", sys.argv[3]])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def peak_memory_mb(corpus: Path, db: Path, workers: int = 1) -> float:
    """Peak RSS of a fresh `kb ingest` over the corpus, read in a process of its own (the
    children's peak is per parent, so each size gets a new parent): the largest of the writer
    and its workers."""
    out = subprocess.run([sys.executable, "-c", PEAK, str(corpus), str(db), str(workers)], capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="size of the synthetic corpus for the ratios")
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="corpus sizes to measure peak memory at")
    parser.add_argument("--memory-workers", type=int, default=1, help="workers of the memory runs (2 halves a 100k run)")
    args = parser.parse_args()
    shared = shared_dir()
    if not (shared / "corpus").is_dir():
        print(f"skipped: needs the shared folder at {shared} (set KB_SHARED)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_corpus(tmp / "corpus", args.articles, shared)
        warm = write_corpus(tmp / "warm", 4, shared, seed=1)
        ingest_seconds(warm, tmp / "warm.sqlite")  # load the models once, outside the timings
        base, words = baseline_seconds(corpus)
        one, report = ingest_seconds(corpus, tmp / "one.sqlite")
        again, second = ingest_seconds(corpus, tmp / "one.sqlite")
        two, _ = ingest_seconds(corpus, tmp / "two.sqlite", workers=2)
        print(f"synthetic corpus: {args.articles} articles, {words} words; first ingest {report['ingested']} stored")
        print(f"baseline nlp.pipe        {words / base:8.0f} words/s")
        print(f"ingest, 1 process        {words / one:8.0f} words/s   ratio to nlp.pipe {base / one:.2f}x  (goal >= 0.8)")
        print(f"ingest, 2 workers        {words / two:8.0f} words/s   speed-up {one / two:.2f}x  (goal >= 1.7)")
        print(f"re-ingest, unchanged     {again:8.2f} s         {again / one:.1%} of the first ({second['unchanged']} unchanged; goal < 5%)")
        for size in args.memory:
            big = write_corpus(tmp / f"m{size}", size, shared, seed=size)
            peak = peak_memory_mb(big, tmp / f"m{size}.sqlite", args.memory_workers)
            print(f"peak memory, {size:>6} articles: {peak:.0f} MB (goal < 2048, flat; {args.memory_workers} worker(s))")


if __name__ == "__main__":
    main()
