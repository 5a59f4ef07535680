"""Plain data passed between the stages: ingest -> extract -> store.

Every fact carries character offsets into its article's stored text, so any view can show
the sentence it came from. The store (pipeline/store.py) persists exactly these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; offsets index the article's stored text."""

    idx: int
    paragraph: int
    start: int
    end: int
    text: str
    # Index of an earlier sentence of the same article that says the same thing (a repeated
    # paragraph); facts are not extracted twice from it.
    repeat_of: int | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    idx: int
    start: int
    end: int
    repeat_of: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as written in the text, and the entity it was resolved to (if any)."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None = None
    resolved_by: str | None = None  # "alias", "fuzzy", "context", "coref", "analyst", "new"
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A date or time expression and its TIMEX3 normalisation."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granularity: str | None = None  # day, month, year, week, quarter, half, season, decade, ...
    modifier: str | None = None  # START, MID, END, APPROX, ...
    anchor: str | None = None  # what the value was computed from: "dct", "previous:<value>", "absolute"


@dataclass(slots=True)
class Article:
    """An article as read and cleaned by ingest, before extraction."""

    text: str
    title: str | None = None
    date: str | None = None
    date_source: str | None = None  # "metadata" or "inferred"
    date_evidence: str | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    key: str | None = None  # identity across re-ingests: the url, else the file (and item)
    meta: dict = field(default_factory=dict)


@dataclass(slots=True)
class ArticleRecord:
    """An article with everything derived from it: written to the store in one transaction."""

    article: Article
    content_hash: str  # identity of this version: text and metadata
    text_hash: str  # the words alone: equal text under another key is an exact repost
    simhash: int
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    duplicate_of: int | None = None
    duplicate_score: float | None = None
