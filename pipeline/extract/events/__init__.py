"""Events and regulatory actions: who did what, when, to whom, under which document, and how
sure the source is. Trigger words, cues and roles come from pipeline/data/events.yaml.

    extract_events(docs, sentences, lang, mentions, timexes, entities) -> [EventMention]
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.events import chinese, english, narrative
from pipeline.extract.events.dating import date_recent_acts
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
    dct: the article's publication date, for the acts it dates only as recent.
    """
    taxonomy = taxonomy or load_taxonomy()
    find = FINDERS[lang]
    notices = [words.lower() for words in taxonomy.site_notices.get(lang, ())]
    events: list[EventMention] = []
    for doc, sentence in zip(docs, sentences, strict=True):
        if any(words in doc.text.lower() for words in notices):  # (Chinese: on its Simplified view)
            continue  # a repost disclaimer or a copyright line tells nothing of the story
        here, dates = mentions.get(sentence.idx, []), timexes.get(sentence.idx, [])
        events += find(doc, sentence, here, dates, entities, taxonomy)
        events += find_figures(doc, sentence, here, dates, entities, taxonomy, lang)
    events = narrative.resolve(events, sentences, mentions, entities, taxonomy)
    date_recent_acts(events, timexes, dct, taxonomy.recent_words.get(lang, ()), taxonomy.recent_within_days)
    return events
