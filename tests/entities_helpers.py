"""Shared by the test_entities_* modules: run the entity stage on a short text of our own."""

from __future__ import annotations

import sys
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
if str(GOLD_DIR) not in sys.path:
    sys.path.insert(0, str(GOLD_DIR))

from score_entities import load_article, shared_dir, split_sentences  # noqa: E402

from pipeline.extract.entities import extract_entities  # noqa: E402
from pipeline.extract.chinese_script import simplified_view  # noqa: E402

__all__ = ["load_article", "run_text", "shared_dir", "split_sentences", "by_text"]


def run_text(nlp, text: str, lang: str):
    sentences = split_sentences(text, lang)
    # as pipeline.extract.article does: Chinese is read on a Simplified view of the same length
    docs = list(nlp.pipe([simplified_view(s.text) if lang == "zh" else s.text for s in sentences]))
    return extract_entities(docs, sentences, lang)


def by_text(result) -> dict[str, list[str | None]]:
    """Mention text -> entity ids of its mentions, in order."""
    found: dict[str, list[str | None]] = {}
    for mention in result.mentions:
        found.setdefault(mention.text, []).append(mention.entity_id)
    return found
