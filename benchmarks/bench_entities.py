"""What entity recognition and resolution add to spaCy's own processing time.

    .venv/bin/python benchmarks/bench_entities.py [--repeat 20] [--rounds 3]

English: ratio = time(our pipeline's nlp.pipe + extract_entities) / time(plain en_core_web_sm
nlp.pipe), on the same sentences (the founding article, repeated), in one process; goal <= 1.25.
Chinese: the same against a plain jieba-segmented blank pipeline. jieba does nothing but
segment, so our components are most of that pipeline's work and the ratio is large by nature;
it is printed with characters per second, which is the figure that matters there.
Each measurement is the best of --rounds, plain and ours alternating, to damp noise from other
processes on the machine. Skips when ../shared (or $KB_SHARED) is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "gold"))

ARTICLES = {
    "en": ["en/alipay-unionpay-netsunion-clearing-2018-09.txt"],
    "zh": ["zh/netsunion-grey-launch-test-2017-03.txt", "zh/reserve-deposit-countdown-2017-03.txt",
           "zh/wiki-netsunion-platform.txt"],
}


def shared_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")


def _articles(lang: str):
    from score_entities import load_article

    return [load_article(relative)[1] for relative in ARTICLES[lang]]


def _time_plain(nlp, batches) -> float:
    started = time.perf_counter()
    for sentences in batches:
        list(nlp.pipe([s.text for s in sentences]))
    return time.perf_counter() - started


def _time_ours(nlp, batches, lang: str, table) -> float:
    from pipeline.extract.entities import extract_entities

    started = time.perf_counter()
    for sentences in batches:
        docs = list(nlp.pipe([s.text for s in sentences]))
        extract_entities(docs, sentences, lang, table)
    return time.perf_counter() - started


def bench(lang: str, repeat: int, rounds: int) -> tuple[float, float, int]:
    from pipeline.extract.entities import load_entity_table
    from pipeline.extract.nlp import get_nlp, get_plain_nlp

    batches = _articles(lang) * repeat
    chars = sum(len(s.text) for sentences in batches for s in sentences)
    plain, ours, table = get_plain_nlp(lang), get_nlp(lang), load_entity_table()
    warm = batches[: len(ARTICLES[lang])]
    _time_plain(plain, warm)
    _time_ours(ours, warm, lang, table)
    best_plain = best_ours = float("inf")
    for _ in range(rounds):
        best_plain = min(best_plain, _time_plain(plain, batches))
        best_ours = min(best_ours, _time_ours(ours, batches, lang, table))
    return best_plain, best_ours, chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="entity stage overhead over plain spaCy")
    parser.add_argument("--repeat", type=int, default=20, help="copies of the articles per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", choices=["en", "zh"], action="append")
    args = parser.parse_args(argv)
    if not (shared_dir() / "corpus").is_dir():
        print(f"skipped: shared corpus not found at {shared_dir()} (set KB_SHARED)")
        return 0
    for lang in args.lang or ["en", "zh"]:
        plain, ours, chars = bench(lang, args.repeat, args.rounds)
        baseline = "plain en_core_web_sm" if lang == "en" else "plain jieba blank pipeline"
        print(f"[{lang}] {chars} chars x best of {args.rounds}: {baseline} {plain:.3f}s "
              f"({chars / plain:,.0f} chars/s); with entities {ours:.3f}s ({chars / ours:,.0f} chars/s)")
        goal = "  (goal <= 1.25)" if lang == "en" else ""
        print(f"[{lang}] ratio {ours / plain:.3f}{goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
