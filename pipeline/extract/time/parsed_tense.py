"""The tense of the verb a date hangs on, read off spaCy's parse.

The tagger guesses a month's year from cue words near it ("was", "will", "since"); a cue
further off than its window is missed: "In January the customer reserve funds centralised
deposit notice was issued", written in December, is last January, not the next one. The
parse joins "January" to "issued" however many words lie between. Only English: the Chinese
pipeline has no parser, and Chinese marks time with words the tagger reads already (将, 已).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the tagger itself needs no spaCy
    from spacy.tokens import Doc

# "wo" of "won't"; "must" orders what is still to be done ("all payments must be processed
# through NetsUnion from June 30", written in March, is the coming June).
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "must"})
PERFECT_OR_PAST_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "'s", "'ve", "'d"})

TEMPORAL_MARKS = frozenset({"until", "till", "when", "once", "before", "after", "as"})

TenseAt = Callable[[int, int], "str | None"]


def governing_verb(token):
    """The verb `token` depends on (itself, if it is one); the root of its sentence when it
    hangs on no verb."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def governing_tense(token) -> str | None:
    """"past", "future" or None for the verb `token` depends on (itself, if it is one)."""
    verb = governing_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.tag_ == "MD" and verb.lower_ in FUTURE_AUXILIARIES:
        return "future"  # a translation's "must through the platform processing": the modal heads it
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if any(a.tag_ == "MD" or a.tag_ == "TO" for a in auxiliaries):
        return None  # "could be issued", "to be issued": not told as done
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in verb.children):
        # "must raise the share until it reaches 100 percent in January": a present tense in a
        # clause of time tells the time of the clause it joins
        return governing_tense(verb.head)
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lower_ in PERFECT_OR_PAST_AUXILIARIES for a in auxiliaries):
        return "past"  # "was issued", "has connected"
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # "Tenpay connected to NetsUnion by June 30": a main verb with a subject, tagged as a participle
    return None


def tense_reader(docs: Iterable[Doc], starts: Iterable[int]) -> TenseAt:
    """A function (start, end) -> tense of the verb the words at those article offsets hang on.

    docs: parsed sentences; starts: where each begins in the article text. The parse is read only
    for the dates the tagger asks about (few), not for every word."""
    parsed = [(start, doc) for doc, start in zip(docs, starts, strict=True) if doc.has_annotation("DEP")]
    parsed.sort(key=lambda pair: pair[0])
    offsets = [start for start, _ in parsed]

    def read(start: int, end: int) -> str | None:
        i = bisect.bisect_right(offsets, start) - 1
        if i < 0:
            return None
        sentence_start, doc = parsed[i]
        # from the expression's last word: its head in English ("last January", "April 17")
        span = doc.char_span(start - sentence_start, end - sentence_start, alignment_mode="expand")
        return governing_tense(span[-1]) if span is not None and len(span) else None

    return read
