"""Reposts: articles that are exact or near copies of one already stored.

A 64-bit simhash over word (English) or character (Chinese) shingles finds candidates
through four 16-bit bands indexed in the store, so a new article is compared with a handful
of stored ones, not all of them; rapidfuzz then confirms on the texts themselves.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from rapidfuzz import fuzz

from pipeline.facts import ArticleRecord
from pipeline.settings import SETTINGS
from pipeline.store import Store


def _shingles(text: str, lang: str) -> list[str]:
    if lang == "zh":
        chars = re.sub(r"\s+", "", text)
        return [chars[i : i + 4] for i in range(max(1, len(chars) - 3))]
    words = re.findall(r"\w+", text.lower())
    return [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]


def simhash(text: str, lang: str) -> int:
    """Charikar's simhash: near texts get hashes that differ in few bits."""
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in _shingles(text, lang)],
        dtype=np.uint64,
    )
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - len(hashes)
    return sum(1 << bit for bit in range(64) if votes[bit] > 0)


def find_original(record: ArticleRecord, store: Store) -> None:
    """Set record.duplicate_of (and its score) when a stored article says the same."""
    key = record.article.key
    exact = store.original_with_text(record.text_hash, exclude_key=key)
    if exact is not None:
        record.duplicate_of, record.duplicate_score = exact, 100.0
        return
    max_bits = SETTINGS["near_duplicate_bits"].default
    threshold = SETTINGS["near_duplicate_ratio"].default
    scored = []
    for row in store.near_duplicate_candidates(record.article.lang, record.simhash, exclude_key=key):
        if bin((row["simhash"] & (2**64 - 1)) ^ record.simhash).count("1") > max_bits:
            continue
        score = fuzz.ratio(record.article.text, store.article_text(row["id"]), score_cutoff=threshold)
        if score:
            scored.append((score, -row["id"]))
    if scored:  # the closest; of equals, the earliest stored
        score, negative_id = max(scored)
        record.duplicate_score, record.duplicate_of = score, -negative_id
