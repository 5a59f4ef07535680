"""Runs every extraction stage over one article: a pure function from record to record.

    publication date (when the file gave none: URL, dateline, inference) -> spaCy over the sentences -> entities
    -> dates -> events

Pure, so that worker processes (or a Dask cluster) can run it and one writer stores the result.
"""

from __future__ import annotations

import re

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from pipeline.extract.entities import EntityResult, apply_judgements, extract_entities, load_entity_table
from pipeline.extract.events import EntityInfo, extract_events, load_taxonomy
from pipeline.extract.chinese_script import simplified_view
from pipeline.extract.nlp import get_nlp
from pipeline.extract.time import find_publication_date, tag
from pipeline.extract.time.parsed_tense import tense_reader
from pipeline.facts import ArticleRecord, Mention, Sentence, Timex

PIPE_BATCH = 256  # sentences per spaCy batch


def extract(record: ArticleRecord, judgements: list[dict] | None = None) -> ArticleRecord:
    """Fill record's facts: mentions, discovered names, roles, dates and events.

    judgements: the analysts' log (merge, split, assign, reject), applied to the mentions
    before events are read, so events follow the analysts too.
    """
    return extract_batch([record], judgements)[0]


def extract_batch(records: list[ArticleRecord], judgements: list[dict] | None = None) -> list[ArticleRecord]:
    """extract() for several articles at once: their sentences go through spaCy in one stream,
    which is where spaCy is fast (measured: per-article streams of a dozen sentences cost about
    a third of ingest time in overhead)."""
    parsed: dict[int, list] = {}
    for lang in {r.article.lang for r in records}:
        batch = [r for r in records if r.article.lang == lang]
        texts = [s.text for r in batch for s in r.sentences if s.repeat_of is None]
        if lang == "zh":
            # Traditional characters are read on a Simplified view of the same length; mentions
            # keep the characters as written (entities.extract_entities reads them back).
            texts = [simplified_view(t) for t in texts]
        docs = iter(get_nlp(lang).pipe(texts, batch_size=PIPE_BATCH))
        for r in batch:
            parsed[id(r)] = [next(docs) for s in r.sentences if s.repeat_of is None]
    for record in records:
        _extract_parsed(record, parsed[id(record)], judgements)
    return records


def _extract_parsed(record: ArticleRecord, docs: list, judgements: list[dict] | None) -> None:
    article = record.article
    if article.date is None:
        found = find_publication_date(article.text, article.lang, article.url)
        article.date, article.date_source = found.value, found.source if found.value else None
        article.date_confidence = found.confidence if found.value else None
        article.date_yearless = found.yearless
        if found.value or not article.date_evidence:
            article.date_evidence = found.evidence
    sentences = [s for s in record.sentences if s.repeat_of is None]
    table = load_entity_table()
    found = extract_entities(docs, sentences, article.lang, table)
    record.mentions = _judged(found, judgements or [], article.key, sentences)
    record.sentence_terms = {s.idx: search_terms(doc) for s, doc in zip(sentences, docs)}
    record.discovered = [
        {"id": d.id, "name": d.name, "type": d.type, "aliases": list(d.aliases)} for d in found.discovered
    ]
    record.roles = _roles(found)
    record.timexes = _timexes(record, found.mentions, docs, sentences)

    entity_types = {e.id: e.type for e in table} | {d["id"]: d["type"] for d in record.discovered}
    entity_types |= {m.entity_id: entity_types.get(m.extracted_entity_id, m.label) for _, m in record.mentions if m.entity_id}
    mentions_by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for idx, mention in record.mentions:
        mentions_by_sentence[idx].append(mention)
    timexes_by_sentence: dict[int, list[Timex]] = defaultdict(list)
    for idx, timex in record.timexes:
        timexes_by_sentence[idx].append(timex)
    entities = EntityInfo(
        types=entity_types,
        parents={e.id: e.parent for e in table if e.parent},
        issuers={e.id: e.issuer for e in table if e.issuer},
        collectives=frozenset(e.id for e in table if e.collective),
        numbered_in={e.id: year for e in table if e.type == "document" and (year := document_number_year(e.all_names()))},
        newsroom=frozenset(r["entity_id"] for r in record.roles if str(r.get("role", "")).lower() in load_taxonomy().newsroom_roles),
        called=_words_of_names(table),
        curated=frozenset(e.id for e in table),
    )
    record.events = extract_events(docs, sentences, article.lang, mentions_by_sentence, timexes_by_sentence, entities,
                                   dct=article.date)


@lru_cache(maxsize=4)
def _words_of_names(table) -> dict[str, frozenset[str]]:
    """Each curated entity's English name words, lower case: "the platform" points back to one
    called a platform (NetsUnion, "network union platform"), not to any clearing house."""
    return {e.id: frozenset(w for name in e.all_names() for w in re.findall(r"[a-z]+", name.lower())) for e in table}


_NUMBER_YEAR = re.compile(r"[\[〔【(（]\s*((?:19|20)\d\d)\s*[\]〕】)）]")


def document_number_year(names) -> int | None:
    """The year a document's number carries ("Yinbanfa [2018] No. 114", 银发〔2017〕296号): it
    was issued that year. None when no name holds a number."""
    for name in names:
        found = _NUMBER_YEAR.search(name)
        if found:
            return int(found.group(1))
    return None


def search_terms(doc) -> str:
    """The words of a parsed sentence for full-text search: lemmas in English, jieba's words in
    Chinese, so that "required" finds "require" and 接入网联 finds 网联."""
    return " ".join((t.lemma_ or t.text).lower() for t in doc if not (t.is_punct or t.is_space))


def _judged(found: EntityResult, judgements: list[dict], key: str | None, sentences) -> list[tuple[int, Mention]]:
    """(sentence idx, mention) after the analysts' judgements; a changed mention remembers what
    the pipeline had said."""
    extracted = {(m.start, m.end): (idx, m.entity_id) for idx, m in zip(found.sentence_idx, found.mentions)}
    out = []
    for mention in apply_judgements(found.mentions, judgements, article=key, sentences=sentences):
        idx, entity_id = extracted[(mention.start, mention.end)]
        if mention.entity_id != entity_id:
            mention = replace(mention, extracted_entity_id=entity_id)
        out.append((idx, mention))
    return out


def _roles(found: EntityResult) -> list[dict]:
    roles = {d.id: d.roles for d in found.discovered} | found.roles
    return [{"entity_id": entity_id, **role} for entity_id, items in roles.items() for role in items]


def _timexes(record: ArticleRecord, mentions: list[Mention], docs: list, parsed: list[Sentence]) -> list[tuple[int, Timex]]:
    """Dates in the article's own sentences, minus those inside a name.

    A name wins over a date reading of its words: "twenty-first Century" is the newspaper
    (21st Century Business Herald), not the century.
    """
    article = record.article
    spans = [(s.start, s.end) for s in record.sentences]
    # English sentences are parsed: a date's verb tells its side of the publication date
    tense_at = tense_reader(docs, [s.start for s in parsed]) if article.lang == "en" else None
    found = tag(article.text, article.date, article.lang, spans, tense_at)
    sentence_at = {}
    for s in record.sentences:
        if s.repeat_of is None:
            sentence_at[(s.start, s.end)] = s.idx
    names = [(m.start, m.end) for m in mentions]
    out = []
    for timex in found:
        idx = next((i for (start, end), i in sentence_at.items() if start <= timex.start < end), None)
        if idx is None or any(s < timex.end and timex.start < e for s, e in names):
            continue
        out.append((idx, timex))
    return out
