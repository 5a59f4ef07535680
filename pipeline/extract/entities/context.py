"""Context rules for garbles that are ambiguous on their own (entity_context.yaml).

"Fiscal", "ants", "Networking", "the Union", "the Internet" are institutions only in an article
about them; "UnionPay and UnionPay" names two institutions. The rules look at the article's
other mentions, which is why they run after recognition and not inside the spaCy pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.facts import Sentence

from .model import WorkingMention
from .table import EntityTable, load_rules


@dataclass(frozen=True, slots=True)
class _NameRule:
    regex: re.Pattern
    entity: str
    article_requires_any: frozenset[str]
    sentence_requires_any: frozenset[str]
    overrides: bool


@dataclass(frozen=True, slots=True)
class ContextRules:
    names: tuple[_NameRule, ...]
    duplicates: dict[str, str]
    conjunction: re.Pattern


def load_context_rules() -> ContextRules:
    data = load_rules("entity_context")
    names = tuple(
        _NameRule(
            regex=re.compile(rule["pattern"]),
            entity=rule["entity"],
            article_requires_any=frozenset(rule.get("article_requires_any", [])),
            sentence_requires_any=frozenset(rule.get("sentence_requires_any", [])),
            overrides=bool(rule.get("overrides", False)),
        )
        for rule in data.get("ambiguous_names", [])
    )
    duplicates = {r["entity"]: r["second_is"] for r in data.get("coordinated_duplicates", [])}
    conjunctions = data.get("conjunctions") or [r"\s+and\s+"]
    conjunction = re.compile("(?:" + "|".join(conjunctions) + ")")
    return ContextRules(names, duplicates, conjunction)


def apply_ambiguous_names(mentions: list[WorkingMention], sentences: list[Sentence],
                          rules: ContextRules, table: EntityTable) -> list[WorkingMention]:
    """Add (or re-resolve) mentions of ambiguous garbles where their context allows."""
    article_ids = {m.entity_id for m in mentions if m.entity_id}
    by_sentence: dict[int, list[WorkingMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_idx, []).append(mention)
    result = list(mentions)
    for rule in rules.names:
        if rule.article_requires_any and not (rule.article_requires_any & article_ids):
            continue
        entity = table.get(rule.entity)
        if entity is None:
            continue
        for sentence in sentences:
            sentence_mentions = by_sentence.get(sentence.idx, [])
            if rule.sentence_requires_any and not (
                    rule.sentence_requires_any & {m.entity_id for m in sentence_mentions}):
                continue
            for match in rule.regex.finditer(sentence.text):
                group = "name" if "name" in rule.regex.groupindex else 0
                start = sentence.start + match.start(group)
                end = sentence.start + match.end(group)
                clashes = [m for m in result if m.start < end and start < m.end]
                if any(m.curated or m.entity_id in (table.entities.keys()) for m in clashes):
                    continue
                if clashes and not rule.overrides:
                    continue
                for clash in clashes:
                    result.remove(clash)
                    if clash in sentence_mentions:
                        sentence_mentions.remove(clash)
                added = WorkingMention(start, end, match.group(group), entity.type, sentence.idx,
                                       sentence.start, entity.id, "context", 1.0)
                result.append(added)
                sentence_mentions.append(added)
    result.sort(key=lambda m: m.start)
    return result


def apply_coordinated_duplicates(mentions: list[WorkingMention], article_text_of,
                                 rules: ContextRules, table: EntityTable) -> None:
    """In "UnionPay and UnionPay" the second mention is the other clearing house."""
    for first, second in zip(mentions, mentions[1:]):
        if first.sentence_idx != second.sentence_idx or first.entity_id != second.entity_id:
            continue
        target = rules.duplicates.get(first.entity_id or "")
        if not target or target not in table:
            continue
        if rules.conjunction.fullmatch(article_text_of(first.end, second.start)):
            second.entity_id = target
            second.type = table.entities[target].type
            second.resolved_by = "context"
            second.score = 1.0
