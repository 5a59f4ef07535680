"""Events and regulatory actions: who did what, when, to whom, under which document, and how
sure the source is. Trigger words, cues and roles come from pipeline/data/events.yaml.

    extract_events(docs, sentences, lang, mentions, timexes, entities) -> [EventMention]
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.extract.entities.table import has_cjk
from pipeline.extract.events import chinese, english, narrative
from pipeline.extract.events.dating import date_by_line_headings, date_recent_acts
from pipeline.extract.events.figures import find_figures
from pipeline.extract.events.taxonomy import EntityInfo, EventType, Taxonomy, TaxonomyError, load_taxonomy
from pipeline.facts import EventMention, Mention, Sentence, Timex

__all__ = ["EntityInfo", "EventType", "Taxonomy", "TaxonomyError", "extract_events", "load_taxonomy"]

FINDERS = {"en": english.find_events, "zh": chinese.find_events}


def extract_events(
    docs: list[Doc],
    sentences: list[Sentence],
    lang: str,
    mentions: dict[int, list[Mention]],
    timexes: dict[int, list[Timex]],
    entities: EntityInfo,
    taxonomy: Taxonomy | None = None,
    dct: str | None = None,
) -> list[EventMention]:
    """The events of one article, in text order.

    docs/sentences: parallel lists (the sentences that were parsed).
    mentions, timexes: by sentence idx, offsets into the article text.
    entities: types of every id the mentions use, with parents, issuers and collectives.
    dct: the article's publication date, for the acts it dates only as recent and the figures
         it tells as holding now.
    """
    taxonomy = taxonomy or load_taxonomy()
    find = FINDERS[lang]
    notices = [words.lower() for words in taxonomy.site_notices.get(lang, ())]
    events: list[EventMention] = []
    for doc, sentence in zip(docs, sentences, strict=True):
        lowered = doc.text.lower()  # (Doc.text joins its tokens each time it is read)
        if any(words in lowered for words in notices):  # (Chinese: on its Simplified view)
            continue  # a repost disclaimer or a copyright line tells nothing of the story
        if _asks_yes_or_no(doc.text):
            continue  # "Will NetsUnion charge fees?" asks whether; it tells nothing happened
        here, dates = mentions.get(sentence.idx, []), timexes.get(sentence.idx, [])
        here = [m for m in here if m.entity_id not in entities.newsroom]  # the byline's reporter acts in no story
        # Traditional characters are read on the Simplified view the parse was made of (the cue
        # words are written in Simplified: 與 is 与, 於 is 于); the trigger keeps its characters.
        reading = replace(sentence, text=doc.text) if lang == "zh" and len(doc.text) == len(sentence.text) else sentence
        found = find(doc, reading, here, dates, entities, taxonomy)
        found += find_figures(doc, reading, here, dates, entities, taxonomy, lang, dct)
        for event in found:
            event.trigger = sentence.text[event.start - sentence.start : event.end - sentence.start] or event.trigger
        events += _as_what_they_become(found, reading.text, sentence.start, lang, taxonomy)
    events = narrative.resolve(events, sentences, mentions, entities, taxonomy)
    date_by_line_headings(events, sentences, timexes)
    date_recent_acts(events, timexes, dct, taxonomy.recent_words.get(lang, ()), taxonomy.recent_within_days)
    return events


BECOMES_REACH = 80  # characters after a trigger where the words that make it another act may stand
_CLAUSE_BREAK = re.compile(f"[{re.escape(chinese.CLAUSE_BREAKS)}]")  # (the same marks end an English clause)
_INDEFINITE = re.compile(r"\s+(?:a|an|new)\b")


def _as_what_they_become(events: list[EventMention], text: str, offset: int, lang: str, taxonomy: Taxonomy) -> list[EventMention]:
    """Acts that words after their trigger make another type (events.yaml `becomes`): "signed the
    agreement to set up NetsUnion" is a founding. The act goes when the sentence tells that type
    already, and becomes it otherwise, unless what those words are about is something new and
    unnamed ("a cooperation agreement to establish a joint lab" founds no party: a cooperation)."""
    kept = []
    for event in events:
        spec = taxonomy.types.get(event.type)
        becoming = _what_it_becomes(event, spec.becomes, text, offset, lang, taxonomy) if spec and spec.becomes else None
        if becoming is not None:
            other, of_a_new_thing = becoming
            if any(e.type == other for e in events):
                continue
            if not of_a_new_thing:
                event.type, event.category = other, taxonomy.types[other].category
        kept.append(event)
    return kept


def _what_it_becomes(event: EventMention, becomes: dict[str, dict[str, tuple[str, ...]]], text: str, offset: int, lang: str,
                     taxonomy: Taxonomy) -> tuple[str, bool] | None:
    """The first type whose words stand after the trigger in its clause (English words in order,
    others between: "an agreement on July 28 with 44 other institutions to establish …"; Chinese
    ones as written), and whether an English phrase of it is followed by an indefinite noun ("to
    establish a joint lab": a thing of its own, no party named)."""
    after = _CLAUSE_BREAK.split(text[event.end - offset : event.end - offset + BECOMES_REACH], maxsplit=1)[0].lower()
    for other, words in becomes.items():
        if other not in taxonomy.types:
            continue
        if lang != "en":
            if any(w.lower() in after for w in words.get(lang, ())):
                return other, False
            continue
        found = [m for m in (_words_in_order(w.lower(), after) for w in words.get(lang, ())) if m]
        if found:
            return other, any(_INDEFINITE.match(after, m.end()) for m in found)
    return None


def _words_in_order(words: str, text: str) -> re.Match | None:
    return re.search(r"\b" + r"\b.*?\b".join(map(re.escape, words.split())) + r"\b", text)


_YES_NO_EN = re.compile(r"^\W*(?:is|are|was|were|do|does|did|will|would|can|could|has|have|had|should|shall|may)\b", re.I)
_YES_NO_ZH = re.compile(r"吗|是否|能否|可否|会不会|是不是|有没有")


def _asks_yes_or_no(text: str) -> bool:
    """A yes/no question ("Will NetsUnion charge fees?", 网联会收费吗？) asserts none of its acts; a
    wh-question ("Why did Alipay sign on September 10?") presupposes its act and stays read."""
    text = text.strip()
    if not text.endswith(("?", "？")):
        return False
    return bool(_YES_NO_ZH.search(text)) if has_cjk(text) else bool(_YES_NO_EN.match(text))
