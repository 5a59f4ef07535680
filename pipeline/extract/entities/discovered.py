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

from pipeline.facts import Sentence

from .model import ORG_TYPES, WorkingMention, overlapping
from .table import EntityTable, has_cjk, load_rules

_OPEN = re.compile(r"^\s*[（(]\s*$")
_CLOSE = re.compile(r"^\s*[)）]")
# "Cai Hongbo (蔡洪波)": the Chinese name in brackets right after a name of an English text.
_BRACKETED_CHINESE = re.compile(r"\s*[（(]\s*([\u4e00-\u9fff·]{2,24})\s*[)）]")


def type_by_name(mentions: list[WorkingMention], table: EntityTable) -> None:
    """Give unknown English names the type their last word says."""
    types: dict[str, str] = {k.lower(): v for k, v in (load_rules("entity_rules_en").get("name_types") or {}).items()}
    for mention in mentions:
        if mention.entity_id or mention.curated or has_cjk(mention.text) or mention.type == "document":
            continue
        words = mention.text.replace(".", " ").split()
        if len(words) < 2:
            continue
        found = types.get(words[-1].lower())
        if found:
            mention.type = found


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
    for entity_type, words in labels.items():
        label = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out.append((entity_type, re.compile(rf"(?:^|(?<=\s))(?:{label})\s*:[ \t]*(?P<name>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,4}})")))
    return tuple(out)
