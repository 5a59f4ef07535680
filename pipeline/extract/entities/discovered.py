"""Names the table does not know: a type from the shape of the name, and one entity per
organisation where the text itself links two spellings.

- "Ping An Bank" is a bank and "Sino Finance Daily" a newspaper whatever the statistical model
  called them (a person, a place): the last word of an English name, like the suffix of a Chinese
  one (X银行, X日报), says what it is (name_types in entity_rules_en.yaml);
- "China CITIC Bank (中信银行)", "Bank of Communications (交通银行)": a name followed by another in
  brackets is one entity, the first one's (and a known entity's, when the first is curated);
  in an English text the Chinese in those brackets is a mention of it even when nothing else
  recognised it ("Cai Hongbo (蔡洪波)", "Wutongshu Investment Platform (梧桐树投资平台)").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.facts import Sentence

from .model import ORG_TYPES, WorkingMention, overlapping
from .table import EntityTable, has_cjk, load_rules

_OPEN = re.compile(r"^\s*[（(]\s*$")
_CLOSE = re.compile(r"^\s*[)）]")
# "Cai Hongbo (蔡洪波)": the Chinese name in brackets right after a name of an English text.
_BRACKETED_CHINESE = re.compile(r"\s*[（(]\s*([\u4e00-\u9fff·]{2,24})\s*[)）]")


def type_by_name(mentions: list[WorkingMention], table: EntityTable) -> None:
    """Give unknown English names the type their last word says."""
    types = name_types()
    for mention in mentions:
        if mention.entity_id or mention.curated or has_cjk(mention.text) or mention.type == "document":
            continue
        words = mention.text.replace(".", " ").split()
        if len(words) < 2:
            continue
        found = types.get(words[-1].lower())
        if found:
            mention.type = found


# A line this share of whose words are capitalised is a headline (or a menu): its capitals say nothing.
HEADLINE_CAPITALISED_SHARE = 0.6
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def add_headed_names(mentions: list[WorkingMention], docs: list[Doc], sentences: list[Sentence],
                     ordinary: set[str], table: EntityTable, *, skip_repeats: bool = True) -> list[WorkingMention]:
    """"Guotai Junan Securities", "Su Ning Payment": proper nouns the statistical model left out,
    followed by the word that says what an organisation is (name_types in entity_rules_en.yaml),
    are a name of that type. Only outside headlines, only proper nouns the article never writes
    in lower case ("Reserve Accounts" is no name), and not a place alone ("China Payments")."""
    types = name_types()
    found = list(mentions)
    for doc, sentence in zip(docs, sentences, strict=True):
        if skip_repeats and sentence.repeat_of is not None or _title_case(doc):
            continue
        for head in doc:
            org_type = types.get(head.text.lower())
            if org_type is None or not head.text[:1].isupper():
                continue
            first = head.i
            while first > 0 and _proper_word(doc[first - 1], ordinary):
                first -= 1
            # "China Payments": a place and what it has is no name
            if all(t.ent_type_ in _PLACE_LABELS or _is_a_place(t.text, table) for t in doc[first:head.i]):
                continue
            start, end = sentence.start + doc[first].idx, sentence.start + head.idx + len(head)
            if overlapping(found, start, end):
                continue
            found.append(WorkingMention(start, end, doc.text[doc[first].idx:head.idx + len(head)], org_type,
                                        sentence.idx, sentence.start))
    return sorted(found, key=lambda m: m.start)


def _is_a_place(word: str, table: EntityTable) -> bool:
    entity = table.get(table.lookup(word))
    return entity is not None and entity.type == "place"


def _proper_word(token, ordinary: set[str]) -> bool:
    return (token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper()
            and token.lower_ not in ordinary and token.lemma_.lower() not in ordinary)


def _title_case(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= HEADLINE_CAPITALISED_SHARE * len(words)


@lru_cache(maxsize=1)
def name_types() -> dict[str, str]:
    """The word that ends an organisation's name -> the kind of organisation it names."""
    return {k.lower(): v for k, v in (load_rules("entity_rules_en").get("name_types") or {}).items()}


def link_bracketed(mentions: list[WorkingMention], text_of, table: EntityTable) -> None:
    """"X (Y)": Y is another name of X, when at least one of them is a name the table does not know."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:]):
        if first.sentence_idx != second.sentence_idx or first.entity_id == second.entity_id:
            continue
        if not _OPEN.match(text_of(first.end, second.start)) or not _CLOSE.match(text_of(second.end, second.end + 2)):
            continue
        if first.entity_id in table and second.entity_id in table:
            continue  # two known entities: never merged by the text's brackets
        if (first.type in ORG_TYPES) != (second.type in ORG_TYPES) or "person" in (first.type, second.type):
            continue
        keep, fold = (second, first) if second.entity_id in table else (first, second)
        for mention in mentions:
            if mention.entity_id == fold.entity_id and mention.entity_id not in table:
                mention.entity_id, mention.type = keep.entity_id, keep.type
                mention.resolved_by, mention.score = "coref", 1.0


def add_bracketed_chinese(mentions: list[WorkingMention], sentences: list[Sentence]) -> list[WorkingMention]:
    """In an English text, the Chinese name in brackets right after a mention, where no mention
    holds it yet, is another mention of the same entity ("Fan Yifei (范一飞)")."""
    by_idx = {s.idx: s for s in sentences}
    added = []
    for mention in mentions:
        sentence = by_idx.get(mention.sentence_idx)
        if sentence is None or mention.entity_id is None:
            continue
        found = _BRACKETED_CHINESE.match(sentence.text, mention.end - sentence.start)
        if not found:
            continue
        start, end = sentence.start + found.start(1), sentence.start + found.end(1)
        if overlapping((*mentions, *added), start, end):
            continue
        added.append(WorkingMention(start, end, found.group(1), mention.type, mention.sentence_idx, sentence.start,
                                    mention.entity_id, "coref", 1.0))
    return sorted([*mentions, *added], key=lambda m: m.start)


def add_labelled_names(mentions: list[WorkingMention], sentences: list[Sentence]) -> list[WorkingMention]:
    """"Source: Securities Daily", "Responsible editor: Zhao Min": the capitalised name after a
    label of the page (labelled_names in entity_rules_en.yaml) is a medium or a person: a new
    mention where none holds those words yet, else the type of the one that holds them all."""
    found = list(mentions)
    for entity_type, pattern in _label_patterns():
        for sentence in sentences:
            for match in pattern.finditer(sentence.text):
                start, end = sentence.start + match.start("name"), sentence.start + match.end("name")
                clashes = overlapping(found, start, end)
                for same in clashes:
                    if same.start == start and same.end > end and not same.curated and _runs_into_next_label(
                            sentence.text[end - sentence.start:same.end - sentence.start + 1]):
                        # "Source: China Business Network Author: Li Ming": the model ran the
                        # name on into the next field's label
                        same.end, same.text = end, match.group("name")
                    if (same.start, same.end) == (start, end) and not same.curated:
                        same.type = entity_type  # the label, not the statistical model, says what it is
                if not clashes:
                    found.append(WorkingMention(start, end, match.group("name"), entity_type, sentence.idx, sentence.start))
    return sorted(found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(entity type, the pattern of a name after one of its labels), compiled once."""
    labels: dict[str, list[str]] = load_rules("entity_rules_en").get("labelled_names") or {}
    out = []
    # a name's words run up to the next label of the line ("China Business Network Author: Li Ming")
    word = rf"(?!(?:{_any_label()})\s*:)[A-Z][\w.&'-]*"
    for entity_type, words in labels.items():
        label = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out.append((entity_type, re.compile(rf"(?:^|(?<=\s))(?:{label})\s*:[ \t]*(?P<name>{word}(?: {word}){{0,4}})")))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_label() -> str:
    labels: dict[str, list[str]] = load_rules("entity_rules_en").get("labelled_names") or {}
    return "|".join(re.escape(w) for w in sorted({w for ws in labels.values() for w in ws}, key=len, reverse=True))


def _runs_into_next_label(text: str) -> bool:
    """The words after a labelled name, up to the end of the model's longer span and one more
    character: the next field's label and its colon (" Author:")."""
    return re.fullmatch(rf"\s+(?:{_any_label()})\s*:", text, flags=re.IGNORECASE) is not None
