"""One article's entity mentions: recognition output -> resolved mentions + discovered names.

Order matters and is the whole algorithm:
1. read the spans the pipeline recognised (curated ruler ids, statistical NER, Chinese patterns);
2. resolve the ones without an id against the table (normalised alias, then strict fuzzy);
3. context rules for ambiguous garbles and "X and X" coordinations;
4. names the table does not know get stable discovered ids;
5. short forms and repeats inside the article (coreference);
6. roles and affiliations of people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.chinese_script import simplified_view
from pipeline.facts import Sentence

from . import context, coref, discovered, documents
from .english_names import chinese_family_names_latin, id_spelling
from .model import DiscoveredEntity, EntityResult, WorkingMention, discovered_id
from .resolve import resolver_for, similarity
from .roles import RoleFinder
from .ruler_zh import SPANS_ATTR, add_chinese_names, add_latin_names
from .table import ENTITY_TYPES, EntityTable, has_cjk, load_entity_table, load_rules


def _ordinary_words(docs: list[Doc]) -> set[str]:
    """The words an English article writes in lower case: one of them capitalised alone
    ("Reserve" at a heading, "Manage" on a button) is that ordinary word, not a name."""
    return {form for doc in docs for t in doc if t.is_lower and t.is_alpha for form in (t.lower_, t.lemma_.lower())}


def _recognised(docs: list[Doc], sentences: list[Sentence], lang: str, table: EntityTable,
                skip_repeats: bool, ordinary: set[str]) -> list[WorkingMention]:
    ner_types: dict[str, str] = load_rules("entity_rules_en").get("ner_labels", {})
    found: list[WorkingMention] = []
    for doc, sentence in zip(docs, sentences, strict=True):
        if skip_repeats and sentence.repeat_of is not None:
            continue
        menu = _is_a_menu(sentence.text)
        text = doc.text  # (Doc.text joins its tokens each time it is read)
        if lang == "zh" and doc.has_extension(SPANS_ATTR) and doc._.get(SPANS_ATTR) is not None:
            spans = [(s, e, label, eid or None) for s, e, label, eid in doc._.get(SPANS_ATTR)]
        else:
            spans = [(ent.start_char, ent.end_char, ent.label_, ent.id_ or None) for ent in doc.ents]
        for start, end, label, entity_id in spans:
            entity = table.get(entity_id)
            how, score = _how_recognised(text[start:end], entity, table)
            if entity is not None:
                entity_type = entity.type
            elif label in ENTITY_TYPES:
                entity_type = label
            elif label in ner_types:
                entity_type = ner_types[label]
            else:
                continue  # DATE, MONEY, ...: not entities
            if entity is None and lang != "zh" and not _reads_as_a_name(doc, start, end, ordinary, menu=menu and entity_type != "place"):
                continue
            if entity is None and lang != "zh" and entity_type == "document" and not _names_a_document(text[start:end]):
                continue  # "The Direct Connection Era": no notice, rules or number names it
            # The Doc may read a Simplified view of a Traditional sentence (same offsets): the
            # mention keeps the characters as written.
            written = sentence.text[start:end] if len(sentence.text) == len(text) else text[start:end]
            found.append(WorkingMention(
                start=sentence.start + start, end=sentence.start + end, text=written,
                type=entity_type, sentence_idx=sentence.idx, sent_start=sentence.start,
                entity_id=entity.id if entity else None, resolved_by=how, score=score,
                curated=entity is not None))
    return found


_WEB_ADDRESS = re.compile(r"(?:https?://)?[\w.-]+@?[\w-]+(?:\.[A-Za-z]{2,})+(?:/\S*)?", re.ASCII)
MENU_MIN_ITEMS = 3  # "PayLines Asia | Singapore | Unsubscribe | Manage preferences"
MENU_MAX_WORDS = 4


def _is_a_menu(text: str) -> bool:
    """A line of short items between bars, a page's menu or footer: its single capitalised
    words ("Unsubscribe", "Manage") are buttons, not names; the publisher's name and its city
    there are."""
    items = [item.strip() for item in re.split(r"\s[|·•]\s", text)]
    return len(items) >= MENU_MIN_ITEMS and all(0 < len(item.split()) <= MENU_MAX_WORDS for item in items)


# Words a name never ends with: "congress of the" is a name cut short, not a name.
_NOT_NAME_END = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}


def _names_a_document(text: str) -> bool:
    heads = document_heads()
    return any(word in heads for word in re.findall(r"[a-z]+", text.lower()))


@lru_cache(maxsize=1)
def document_heads() -> frozenset[str]:
    """The English words a document's name or mention ends on (notice, rules, specification)."""
    return frozenset(w.lower() for w in load_rules("entity_rules_en").get("document_heads", []))


def _reads_as_a_name(doc: Doc, start: int, end: int, ordinary: set[str] = frozenset(), *, menu: bool = False) -> bool:
    """Whether an unknown span the statistical model called a name reads as one: a single word
    tagged as no proper noun, or one the article writes in lower case elsewhere, or one alone on
    a menu line, is an ordinary word; a web address is none; a span ending on a function word
    ("congress of the") is a name cut short. Acronyms stay (CNCC)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    if _WEB_ADDRESS.fullmatch(span.text) and not span.text[0].isupper():
        return False  # paylines.asia, news@site.com: where to read or write, not who (JD.com is a name)
    if span[-1].pos_ in _NOT_NAME_END:
        return False
    word = span[0]
    if len(span) > 1 or word.text.isupper():
        return True
    if menu:
        return False  # a button of a menu line
    return word.pos_ == "PROPN" and word.lower_ not in ordinary and word.lemma_.lower() not in ordinary


def _how_recognised(text: str, entity, table: EntityTable) -> tuple[str | None, float | None]:
    """A curated span is an "alias" match when its text normalises to one of the entity's
    names; else a "fuzzy" one (near-miss component) scored against its closest name, or in
    Chinese a "context" one (a place abbreviation in a list)."""
    if entity is None:
        return None, None
    if table.lookup(text) == entity.id:
        return "alias", 1.0
    if has_cjk(text):
        return "context", 1.0  # 京 in "京、沪、深": recognised by the list it stands in
    best = max((similarity(text, name) for name in entity.all_names() if not has_cjk(name)), default=0.0)
    return "fuzzy", round(best / 100.0, 3) if best else None


def _resolve(mentions: list[WorkingMention], table: EntityTable,
             extra_names: dict[str, str] | None) -> None:
    resolver = resolver_for(table, extra_names)
    for mention in mentions:
        if mention.entity_id:
            continue
        found = resolver.resolve(simplified_view(mention.text) if has_cjk(mention.text) else mention.text)
        if found is None:
            continue
        entity_id, score, how = found
        mention.entity_id, mention.score, mention.resolved_by = entity_id, score, how
        entity = table.get(entity_id)
        if entity is not None:
            mention.type = entity.type


def _discover(mentions: list[WorkingMention]) -> None:
    # Within one article one normalised name is one new entity; the id is the same in every
    # article, so the store can count the articles a name appears in. A Chinese name takes the
    # id of its sure English spelling (范一飞 is "Fan Yifei"): one entity in both languages.
    for mention in mentions:
        if not mention.entity_id:
            mention.entity_id = discovered_id(mention.type, id_spelling(mention.text, mention.type))
            mention.resolved_by = "new"
            mention.score = None


def _one_word_people_are_organisations(mentions: list[WorkingMention]) -> None:
    """"Caixin reported", "Tianyi": the English model reads a lone capitalised name as a person.
    A person is named by a family and a given name, or alone by a family name: one the article
    gives in full ("Li" after "Li Wei", "Crane" after "Simon Crane") or a Chinese family name
    ("Wang said"). Any other one-word name of a person is an organisation's."""
    named_people = {w for m in mentions if m.type == "person" and " " in m.text.strip() for w in m.text.split()}
    for mention in mentions:
        word = mention.text.strip()
        if (mention.type == "person" and not mention.entity_id and " " not in word
                and word not in named_people and word.lower() not in chinese_family_names_latin()):
            mention.type = "organization"


def _discovered_entities(mentions: list[WorkingMention], roles: dict[str, list[dict]], lang: str,
                         table: EntityTable) -> list[DiscoveredEntity]:
    entities: dict[str, DiscoveredEntity] = {}
    for mention in mentions:
        if mention.entity_id in table or not mention.entity_id:
            continue
        entity = entities.get(mention.entity_id)
        if entity is None:
            entity = entities[mention.entity_id] = DiscoveredEntity(
                id=mention.entity_id, name=mention.text, type=mention.type, lang=lang)
        if mention.text not in entity.aliases:
            entity.aliases.append(mention.text)
        if len(mention.text) > len(entity.name):
            entity.name = mention.text
        entity.mentions += 1
    for entity_id, entity_roles in roles.items():
        if entity_id in entities:
            entities[entity_id].roles = list(entity_roles)
    return list(entities.values())


def extract_entities(docs: list[Doc], sentences: list[Sentence], lang: str,
                     table: EntityTable | None = None, *, extra_names: dict[str, str] | None = None,
                     skip_repeats: bool = True) -> EntityResult:
    """Resolve the entity mentions of one article.

    docs: the pipeline's Docs, one per sentence (from get_nlp(lang).pipe(sentence texts)).
    sentences: the article's sentences; offsets index the article text. Sentences marked as
        repeating an earlier one are skipped unless skip_repeats is False.
    extra_names: other known names (discovered entities in the store) -> their ids, searched
        after the table.
    """
    if table is None:
        table = load_entity_table()

    def text_of(start: int, end: int) -> str:
        # Article text between two offsets, read from the sentences (no article text needed);
        # Chinese on its Simplified view, as the role words (法定代表人为) are written.
        parts = []
        for sentence in sentences:
            if sentence.end <= start or sentence.start >= end:
                continue
            lo, hi = max(start, sentence.start), min(end, sentence.end)
            parts.append(sentence.text[lo - sentence.start : hi - sentence.start])
        return simplified_view(" ".join(parts)) if lang == "zh" else " ".join(parts)

    kept = [s for s in sentences if not (skip_repeats and s.repeat_of is not None)]
    ordinary = _ordinary_words(docs) if lang == "en" else set()
    mentions = _recognised(docs, sentences, lang, table, skip_repeats, ordinary)
    if lang == "en":
        mentions = discovered.add_labelled_names(mentions, kept)  # before resolving: "Source: Xinhua" is the agency
        mentions = discovered.add_headed_names(mentions, docs, sentences, ordinary, table, skip_repeats=skip_repeats)
        _one_word_people_are_organisations(mentions)
    _resolve(mentions, table, extra_names)
    mentions = documents.add_cited_documents(mentions, kept, table)
    if lang == "en":
        mentions = documents.add_quoted_titles(mentions, kept)
    if lang == "zh":
        mentions = add_latin_names(mentions, kept, table)
    if lang == "en":
        mentions = add_chinese_names(mentions, kept, table)
        mentions = context.add_rendered_names(mentions, docs, sentences, table, skip_repeats=skip_repeats)
        mentions = context.resolve_short_forms(mentions, docs, sentences, table, skip_repeats=skip_repeats)
    discovered.type_by_name(mentions, table)
    if lang == "en":
        documents.link_written_titles(mentions, table)
        documents.link_titles_to_their_numbers(mentions, kept)
    _discover(mentions)
    if lang == "en":
        mentions = discovered.add_bracketed_chinese(mentions, kept)
    discovered.link_bracketed(mentions, text_of, table)
    coref.link_person_short_forms(mentions)
    if lang == "en":
        coref.link_shortened_names(mentions, table)
    mentions = coref.add_person_repeats(mentions, kept)
    mentions = coref.link_defined_short_names(mentions, kept)
    roles = RoleFinder().find(mentions, text_of, lang, {s.idx: s.end for s in sentences})
    return EntityResult(
        mentions=[m.to_mention() for m in mentions],
        sentence_idx=[m.sentence_idx for m in mentions],
        discovered=_discovered_entities(mentions, roles, lang, table),
        roles=roles,
    )
