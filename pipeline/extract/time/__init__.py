"""Temporal tagging: find date and time expressions in English and Chinese news and
normalise them to TIMEX3 values anchored to the article's date and its narrative.

    >>> [t.value for t in tag("In August 2017 ... in December of the same year", "2018-09-13")]
    ['2017-08', '2017-12']

The words and patterns live in pipeline/data/time/<lang>.yaml; this package holds the
normaliser. No spaCy model is needed.
"""

from __future__ import annotations

from pipeline.extract.time.pubdate import PublicationDate, find_publication_date, infer_publication_date
from pipeline.extract.time.resources import GrammarError, load_grammar
from pipeline.extract.time.parsed_tense import TenseAt
from pipeline.extract.time.tagger import tag_document
from pipeline.facts import Timex

__all__ = ["tag", "find_publication_date", "infer_publication_date", "PublicationDate", "GrammarError", "load_grammar"]


def tag(text: str, dct: str | None, lang: str = "en",
        sentences: list[tuple[int, int]] | None = None, tense_at: TenseAt | None = None) -> list[Timex]:
    """Every temporal expression in `text`, in order, with offsets into `text`.

    dct: the document's creation (publication) date, "YYYY-MM-DD", "YYYY-MM" or None;
        parts that depend on a missing date are written as X ("XXXX-04-27").
    lang: "en" or "zh".
    sentences: optional (start, end) sentence spans; a rough splitter is used otherwise.
        They decide which dates share a sentence (narrative anchoring) and the tense window.
    tense_at: optional (start, end) -> "past" | "future" | None, the tense of the verb the
        words there hang on (parsed_tense.tense_reader): heard when no cue word is near.
    """
    return tag_document(text, dct, lang, sentences, tense_at)
