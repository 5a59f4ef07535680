"""What an answer is: the direct answer first, then the sentences it rests on."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from pipeline.views.questions.sentences import readable


@dataclass
class Answer:
    answer: str
    answer_type: str  # date | entities | events | profile | definition | relation | yes_no | count | refused
    confidence: float
    evidence: list[dict] = field(default_factory=list)  # article_id, title, date, sentence, highlights
    events: list[int] = field(default_factory=list)  # timeline entry ids
    entities: list[str] = field(default_factory=list)
    factuality: str | None = None
    dates: list[str] = field(default_factory=list)  # TIMEX3 values the answer gives
    yes_no: str | bool | None = None
    count: int | None = None
    question: dict = field(default_factory=dict)  # how the question was read

    def to_dict(self) -> dict:
        return asdict(self)


def terms_told(entry, terms: list[str]) -> int:
    """How many of the question's words a timeline entry's source sentences hold."""
    told = " ".join(readable(source["sentence"]) for source in entry.sources).lower()
    return sum(1 for term in set(terms) if term.lower() in told)


def marked_words(reading) -> list[str]:
    """The words of a sentence that match the question, to mark, as the sentence writes them
    (記者會 for the question's 记者会: the Simplified view has the same length)."""
    written = reading.sentence["sentence"]
    seen = readable(written).lower()
    found = []
    for variant in (v for c in reading.covered for v in c.variants if v):
        at = seen.find(variant.lower())
        if at != -1:
            found.append(written[at:at + len(variant)])
    return found


def evidence(source: dict, words: list[str]) -> dict:
    sentence = source.get("sentence") or ""
    highlights = []
    for word in {w for w in words if w and len(w) > 1}:
        for m in re.finditer(re.escape(word), sentence, flags=re.I):
            highlights.append([m.start(), m.end()])
    return {
        "article_id": source.get("article_id"),
        "title": source.get("title"),
        "date": source.get("date"),
        "sentence": sentence,
        "highlights": sorted(highlights),
    }

