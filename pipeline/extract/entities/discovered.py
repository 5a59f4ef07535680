"""Names the table does not know: a type from the shape of the name, and one entity per
organisation where the text itself links two spellings.

- "Ping An Bank" is a bank and "Sino Finance Daily" a newspaper whatever the statistical model
  called them (a person, a place): the last word of an English name, like the suffix of a Chinese
  one (X银行, X日报), says what it is (name_types in entity_rules_en.yaml);
- "China CITIC Bank (中信银行)", "Bank of Communications (交通银行)": a name followed by another in
  brackets is one entity, the first one's (and a known entity's, when the first is curated).
"""

from __future__ import annotations

import re

from .model import ORG_TYPES, WorkingMention
from .table import EntityTable, has_cjk, load_rules

_OPEN = re.compile(r"^\s*[（(]\s*$")
_CLOSE = re.compile(r"^\s*[)）]")


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
