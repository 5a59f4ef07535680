"""Paragraphs and sentences with character offsets, and repeats inside one article.

Sentences are the unit of evidence: every fact points at one. spaCy's rule-based
sentencizer is used on a blank pipeline, so splitting needs no model and is the same for
every later stage.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language

from pipeline.facts import Paragraph, Sentence

# Sentence-final marks; closing quotes after them stay with the sentence (the sentencizer
# keeps trailing punctuation on the left).
_PUNCT = {
    "en": [".", "!", "?", "。", "！", "？"],
    "zh": ["。", "！", "？", "!", "?", "…"],  # ；joins clauses of one statement: keep them together
}
_OPENERS = "([{（【“‘《「『"
# A repeat must be long enough that saying the same thing twice is not a coincidence.
_MIN_REPEAT_CHARS = 40
# A full stop of an abbreviation before a number ends no sentence: "Yinfa [2017] No. 296".
_NUMBERED_ABBREVIATION = re.compile(r"\b(?:No|Nos|Art|Vol|Fig|Sec|pp?)\.\s*$", re.IGNORECASE)


@cache
def sentencizer(lang: str) -> Language:
    nlp = spacy.blank(lang if lang in ("en", "zh") else "en")
    # The sentencizer is rule-based and light: the model's memory limit does not apply.
    nlp.max_length = 10**9
    nlp.add_pipe("sentencizer", config={"punct_chars": _PUNCT.get(lang, _PUNCT["en"])})
    return nlp


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks separated by blank lines (normalise_text leaves exactly those)."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        out.append(Paragraph(idx=len(out), start=m.start(), end=m.end()))
    return out


def split(text: str, lang: str) -> tuple[list[Paragraph], list[Sentence]]:
    """Split an article's stored text; mark repeated paragraphs and their sentences."""
    paras = _mark_repeated_paragraphs(text, paragraphs(text))
    nlp = sentencizer(lang)
    sentences: list[Sentence] = []
    for para, doc in zip(paras, nlp.pipe(text[p.start : p.end] for p in paras)):
        cuts = [para.start + sent.start_char for sent in doc.sents] + [para.end]
        for i in range(1, len(cuts) - 1):
            # An opening bracket or quote after a full stop opens the next sentence.
            while cuts[i] > cuts[i - 1] + 1 and text[cuts[i] - 1] in _OPENERS + " ":
                cuts[i] -= 1
        cuts = [cut for i, cut in enumerate(cuts)
                if i in (0, len(cuts) - 1) or not (_NUMBERED_ABBREVIATION.search(text[cuts[i - 1]:cut])
                                                   and text[cut:cut + 8].lstrip()[:1].isdigit())]
        for start, end in zip(cuts, cuts[1:]):
            raw = text[start:end]
            # Trim spaces at the edges, so offsets hug the words.
            start += len(raw) - len(raw.lstrip())
            end -= len(raw) - len(raw.rstrip())
            if end > start:
                sentences.append(Sentence(len(sentences), para.idx, start, end, text[start:end]))
    return paras, _mark_repeated_sentences(sentences, paras)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _mark_repeated_paragraphs(text: str, paras: list[Paragraph]) -> list[Paragraph]:
    """A paragraph whose words all stand, in order, in an earlier one is a repeat of it."""
    out: list[Paragraph] = []
    for para in paras:
        key = _key(text[para.start : para.end])
        earlier = None
        if len(key) >= _MIN_REPEAT_CHARS:
            earlier = next((p.idx for p in out if p.repeat_of is None and key in _key(text[p.start : p.end])), None)
        out.append(Paragraph(para.idx, para.start, para.end, repeat_of=earlier))
    return out


def _mark_repeated_sentences(sentences: list[Sentence], paras: list[Paragraph]) -> list[Sentence]:
    repeated_paragraph = {p.idx for p in paras if p.repeat_of is not None}
    seen: list[tuple[str, int]] = []
    out = []
    for s in sentences:
        key = _key(s.text)
        repeat_of = None
        if s.paragraph in repeated_paragraph:
            repeat_of = next((i for k, i in seen if k == key), None)
            if repeat_of is None:
                repeat_of = next((i for k, i in seen if key and key in k), None)
        elif len(key) >= _MIN_REPEAT_CHARS:
            repeat_of = next((i for k, i in seen if k == key), None)
        if repeat_of is None:
            seen.append((key, s.idx))
        out.append(Sentence(s.idx, s.paragraph, s.start, s.end, s.text, repeat_of))
    return out
