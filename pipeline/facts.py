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
    extracted_entity_id: str | None = None  # before an analyst's judgement changed it (else None)


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
    date_source: str | None = None  # metadata | html | url | dateline | text | inferred
    date_evidence: str | None = None  # the words or the field the date rests on, or why undated
    date_confidence: float | None = None  # 1.0 a file's own field ... 0.4 inferred from the text
    date_yearless: str | None = None  # undated: the day its dateline states without a year (XXXX-07-01)
    lang: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    key: str | None = None  # identity across re-ingests: the url, else the file (and item)
    author: str | None = None  # a web page's byline, kept with its page


@dataclass(frozen=True, slots=True)
class PageCapture:
    """A web page as served (kb fetch) or archived (a WARC record), kept beside its article."""

    url: str  # as asked for
    final_url: str  # after redirects
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    captured_at: str | None = None  # an archive's capture date (ISO 8601)


@dataclass(slots=True)
class EventMention:
    """One event as one sentence tells it. Timeline entries gather the mentions of one event."""

    sentence_idx: int
    type: str
    category: str  # regulatory | industry | commentary
    trigger: str
    start: int  # the trigger's offsets in the article text
    end: int
    factuality: str = "asserted"  # asserted | reported | denied | required | planned | speculative
    actors: list[str] = field(default_factory=list)  # entity ids
    targets: list[str] = field(default_factory=list)
    document: str | None = None  # entity id of the regulation concerned
    theme: str | None = None  # what the event is about, as written, when no entity names it
    date: str | None = None  # TIMEX3 value
    date_text: str | None = None
    date_source: str | None = None  # sentence | inherited | None
    date_mod: str | None = None  # AFTER: "later" than the date given
    deadline: str | None = None  # the "from/by" date of a requirement
    # A day the article leaves without a year ("XXXX-06-30": an undated page's "June 30"): the
    # store dates the event with the year other sources give that day, when they give one.
    yearless: str | None = None
    later_deadlines: list[str] = field(default_factory=list)  # further steps: "from July 9 …, 100% by January 14"
    refers_to: int | None = None  # index, in the article's events, of the event it denies or retracts
    object_type: str | None = None  # the kind of event acted on: "deleted the announcement" -> announce
    back_reference: str | None = None  # the subject stands for an institution named before: "the platform", "it"
    target_back_reference: str | None = None  # ... or the object does: "connected to the platform"
    # The act is on a document told as new, by no name ("circulated a work plan"): not the one named before.
    unnamed_document: str | None = None
    # The kind of document the act names without naming which (下发通知: a notice): only a
    # document of that kind named before may be it.
    document_kind: str | None = None
    # Told in a clause of its own joined to a demand's ("requires …, and NetsUnion was registered
    # in the same month"): beside the demand, not what it demands.
    beside_a_demand: bool = False


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
    # Filled by the extract stages; each fact names the sentence (idx) it comes from.
    mentions: list[tuple[int, Mention]] = field(default_factory=list)
    discovered: list[dict] = field(default_factory=list)  # names the entity table does not know
    roles: list[dict] = field(default_factory=list)  # {"entity_id", "role", "affiliation", "sentence_idx"}
    timexes: list[tuple[int, Timex]] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    sentence_terms: dict[int, str] = field(default_factory=dict)  # idx -> words for full-text search


def main_participant(event: EventMention) -> str:
    """Whom a timeline entry is about: its first actor, else its document, target or theme.
    Targets in any order are the same ("payment institutions and banks", "banks and payment
    institutions"): the first in sorted order stands for them."""
    for candidate in (event.actors[:1], [event.document] if event.document else [], sorted(event.targets)[:1]):
        if candidate:
            return candidate[0]
    return f"theme:{(event.theme or '').lower()}"


def same_time(a: str | None, b: str | None) -> bool:
    """Two TIMEX3 values can be the same moment: equal, or one a coarser reading of the other
    ("2018-04" and "2018-04-27"); undated matches undated only."""
    if a is None or b is None:
        return a is None and b is None
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith(short) and not long[len(short)].isdigit()
