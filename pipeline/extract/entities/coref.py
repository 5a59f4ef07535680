"""Within one article, short forms point to the full name.

- a later "Xue" is the "Xue Hongyan" named in the same article (English, one candidate only);
- a person's full name found once (by role or by the NER) is a mention wherever it recurs;
- "(以下简称《指引》)" makes 《指引》 a name of the document just before it.
"Central bank" after "People's Bank of China" needs no rule here: it is a curated alias.
"""

from __future__ import annotations

import re

from pipeline.extract.chinese_script import simplified_view
from pipeline.facts import Sentence

from .model import WorkingMention, overlapping
from .table import has_cjk, load_rules


def link_person_short_forms(mentions: list[WorkingMention]) -> None:
    full = [m for m in mentions if m.type == "person" and len(m.text.split()) >= 2]
    for mention in mentions:
        if mention.type != "person" or len(mention.text.split()) != 1 or has_cjk(mention.text):
            continue
        owners = {m.entity_id for m in full if mention.text in m.text.split()}
        if len(owners) == 1:
            mention.entity_id = owners.pop()
            mention.resolved_by = "coref"
            mention.score = 1.0


def link_shortened_names(mentions: list[WorkingMention], table) -> None:
    """"The General Office" after "the PBOC General Office": an English organisation the table
    does not know whose words (two or more) run inside the name of exactly one known entity the
    article named before it is that entity, shortened."""
    seen: list[str] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.entity_id in table.entities:
            if mention.entity_id not in seen:
                seen.append(mention.entity_id)
            continue
        if mention.type in ("person", "place", "document") or has_cjk(mention.text):
            continue
        words = re.sub(r"^(?:the|its|their)\s+", "", mention.text, flags=re.I).lower().split()
        if len(words) < 2:
            continue
        owners = {e for e in seen if not table.entities[e].collective and any(_runs_inside(words, name) for name in table.entities[e].all_names())}
        if len(owners) == 1:
            entity = table.entities[owners.pop()]
            mention.entity_id, mention.type, mention.resolved_by, mention.score = entity.id, entity.type, "coref", 0.9


def _runs_inside(words: list[str], name: str) -> bool:
    named = name.lower().split()
    return any(named[i : i + len(words)] == words for i in range(len(named) - len(words) + 1))


def add_person_repeats(mentions: list[WorkingMention], sentences: list[Sentence]) -> list[WorkingMention]:
    """Every other occurrence of a person's full name in the article is a mention of them."""
    people = {}
    for m in mentions:
        if m.type == "person" and m.entity_id and (has_cjk(m.text) or " " in m.text):
            people.setdefault(m.text, m.entity_id)
    added: list[WorkingMention] = []
    for name, entity_id in people.items():
        pattern = re.compile(re.escape(name) if has_cjk(name) else rf"\b{re.escape(name)}\b")
        for sentence in sentences:
            for match in pattern.finditer(sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if not overlapping(mentions, start, end) and not overlapping(added, start, end):
                    added.append(WorkingMention(start, end, name, "person", sentence.idx,
                                                sentence.start, entity_id, "coref", 1.0))
    return sorted(mentions + added, key=lambda m: m.start)


def link_defined_short_names(mentions: list[WorkingMention], sentences: list[Sentence]
                             ) -> list[WorkingMention]:
    """《通知》 after "…的通知》（以下简称《通知》）" is that notice; so is the definition itself."""
    rules = load_rules("entity_patterns_zh")
    regex = re.compile(rules.get("short_name_regex") or r"(?!)")
    short_names: dict[str, tuple[str, str]] = {}
    added: list[WorkingMention] = []
    for sentence in sentences:
        for match in regex.finditer(simplified_view(sentence.text)):  # 以下簡稱 is 以下简称
            at = sentence.start + match.start()
            name = match.group("name")
            written = sentence.text[match.start("name") : match.end("name")]
            before = [m for m in mentions if m.end <= at and m.type == "document" and m.entity_id
                      and m.sentence_idx == sentence.idx and m.text != written]
            if not before:
                continue
            owner = max(before, key=lambda m: m.end)
            short_names.setdefault(name, (owner.entity_id, owner.type))
            start, end = sentence.start + match.start("name"), sentence.start + match.end("name")
            if not overlapping(mentions, start, end):
                added.append(WorkingMention(start, end, written, owner.type, sentence.idx,
                                            sentence.start, owner.entity_id, "coref", 1.0))
    for mention in mentions:
        target = short_names.get(simplified_view(mention.text))
        if target and mention.resolved_by in (None, "new"):
            mention.entity_id, mention.type = target
            mention.resolved_by = "coref"
            mention.score = 1.0
    return sorted(mentions + added, key=lambda m: m.start)
