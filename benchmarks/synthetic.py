"""Synthetic corpora for the scale benchmarks, built from the real corpus's sentences.

Each generated article is a shuffle of real sentences with the curated names swapped for
others of the same type, years and days shifted and numbers changed, so that the pipeline
meets realistic text without any article being a copy. Every article says it is synthetic
(title, source) and is written to a temporary folder: none is shipped or taken for news.
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def real_sentences(shared: Path) -> dict[str, list[str]]:
    import sys

    sys.path.insert(0, str(ROOT))
    from pipeline.ingest.readers import READERS
    from pipeline.ingest.segment import split

    files = [ROOT / "corpus" / "en" / "alipay-unionpay-netsunion-clearing-2018-09.txt", *sorted((shared / "corpus" / "zh").glob("*.txt"))]
    out: dict[str, list[str]] = {"en": [], "zh": []}
    for path in files:
        for article in READERS[".txt"](path, path.read_bytes()):
            _, sentences = split(article.text, article.lang)
            out[article.lang] += [s.text for s in sentences if s.repeat_of is None and len(s.text) > 20]
    return out


SWAPS = {
    "en": [["Alipay", "Tenpay", "JD Pay", "Lakala", "YeePay"], ["UnionPay", "NetsUnion"]],
    "zh": [["支付宝", "财付通", "拉卡拉", "易宝支付", "快钱"], ["银联", "网联"]],
}


def vary(sentence: str, lang: str, rng: random.Random) -> str:
    for group in SWAPS[lang]:
        for name in group:
            if name in sentence and rng.random() < 0.5:
                sentence = sentence.replace(name, rng.choice(group))
    sentence = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(2014, 2020)), sentence)
    sentence = re.sub(r"(?<!\d)(\d{1,2})(?=日|th\b)", lambda m: str(rng.randint(1, 28)), sentence)
    return re.sub(r"\d+(\.\d+)?%", lambda m: f"{rng.randint(1, 99)}%", sentence)


def shared_dir() -> Path | None:
    """The shared folder beside the checkout (or KB_SHARED); None, after saying so, when absent."""
    shared = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
    if (shared / "corpus").is_dir():
        return shared
    print(f"skipped: needs the shared folder at {shared} (set KB_SHARED)")
    return None


def synthetic_store(store, folder: Path, size: int, shared: Path, *, workers: int = 2):
    """Ingest the real corpus and `size` synthetic articles into `store`; say what went in."""
    import sys

    sys.path.insert(0, str(ROOT))
    from pipeline.ingest import ingest

    report = ingest([ROOT / "corpus", shared / "corpus" / "zh", write_corpus(folder, size, shared)], store, workers=workers)
    print(f"ingest: {report.ingested} stored, {report.duplicates} reposts, {len(report.failed)} failed")
    return report


PER_FILE = 1000  # articles per JSON-lines file: a large corpus comes as many files, none over the size limit


def write_corpus(folder: Path, count: int, shared: Path, *, seed: int = 7, sentences_per_article: int = 12) -> Path:
    """Write `count` synthetic articles as JSON-lines files in `folder`; returns the folder."""
    rng = random.Random(seed)
    pool = real_sentences(shared)
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, count, PER_FILE):
        with (folder / f"synthetic-{first:06d}.jsonl").open("w", encoding="utf-8") as f:
            for i in range(first, min(count, first + PER_FILE)):
                f.write(_article(i, pool, rng, sentences_per_article) + "\n")
    return folder


def _article(i: int, pool: dict[str, list[str]], rng: random.Random, sentences_per_article: int) -> str:
    lang = "en" if i % 2 == 0 else "zh"
    chosen = rng.sample(pool[lang], min(sentences_per_article, len(pool[lang])))
    joiner = " " if lang == "en" else ""
    text = joiner.join(vary(s, lang, rng) for s in chosen)
    record = {
        "title": f"SYNTHETIC benchmark article {i}",
        "source": "synthetic benchmark corpus (generated from the real corpus's sentences; not news)",
        "date": f"{rng.randint(2016, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "lang": lang,
        "text": text,
    }
    return json.dumps(record, ensure_ascii=False)
