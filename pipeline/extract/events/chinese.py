"""Chinese events: trigger words on jieba's word boundaries, roles by position in the clause.

Chinese news puts the actor before the verb and the object after it within a clause
(人民银行在今年1月13日印发《通知》), and 被 turns that round; without a parser for Chinese
here, clause and word order carry the roles.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract.events.taxonomy import FACTUALITY_ORDER, Taxonomy
from pipeline.facts import EventMention, Mention, Sentence, Timex

CLAUSE_BREAKS = "，,；;：:。！？!?"
ACTOR_TYPES_EXCLUDED = {"document", "place", "media"}


def _clause(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in CLAUSE_BREAKS) + 1
    ends = [i for i in (text.find(ch, pos) for ch in CLAUSE_BREAKS) if i != -1]
    return start, min(ends) if ends else len(text)


def _triggers(doc: Doc, taxonomy: Taxonomy) -> list[tuple[str, int, int]]:
    """(type, start, end) in sentence offsets; a trigger must start and end on word boundaries."""
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    text = doc.text
    taken: set[int] = set()
    found = []
    for word, type_id in taxonomy.zh_triggers():
        for m in re.finditer(re.escape(word), text):
            span = set(range(m.start(), m.end()))
            if m.start() in starts and m.end() in ends and not span & taken:
                taken |= span
                found.append((type_id, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def _factuality(text: str, clause_start: int, trigger_start: int, type_id: str, taxonomy: Taxonomy) -> str:
    before_clause = text[clause_start:trigger_start]
    for family in FACTUALITY_ORDER:
        cues = taxonomy.factuality.get(family, {}).get("zh", ())
        if family == "denied" and type_id in ("deny", "retract"):
            continue
        # Reporting cues open the sentence (据悉，...); the others sit right before the verb.
        window = text[:trigger_start] if family == "reported" else before_clause
        if any(cue in window for cue in cues):
            return family
    return "asserted"


def find_events(
    doc: Doc,
    sentence: Sentence,
    mentions: list[Mention],
    timexes: list[Timex],
    entity_types: dict[str, str],
    taxonomy: Taxonomy,
) -> list[EventMention]:
    """The events one Chinese sentence tells."""
    text = sentence.text
    local = [(m, m.start - sentence.start, m.end - sentence.start) for m in mentions if m.entity_id]
    documents = [m for m, _, _ in local if entity_types.get(m.entity_id) == "document"]
    events = []
    for type_id, start, end in _triggers(doc, taxonomy):
        spec = taxonomy.types[type_id]
        if any(s <= start < e for _, s, e in local):
            continue  # inside a name: 网联清算有限公司 is no 清算 event, 《...通知》 no 通知
        c_start, c_end = _clause(text, start)
        passive = "被" in text[c_start:start]
        before = [m.entity_id for m, s, e in local if c_start <= s and e <= start and _actor_like(m, entity_types)]
        after = [m.entity_id for m, s, e in local if start <= s and e <= c_end and _actor_like(m, entity_types)]
        if not (before or after or any(c_start <= t.start - sentence.start < c_end for t in timexes)):
            if not any(ref in text[c_start:start] for ref in taxonomy.back_actors_zh):
                continue  # nothing of its own in the clause: a noun use (集中存管工作要求), no event
        if not before:
            # The actor of a clause is often named in an earlier clause of the sentence.
            before = [m.entity_id for m, s, e in local if e <= c_start and _actor_like(m, entity_types)][-1:]
        actors, targets = (after, before) if passive and spec.passive == "target" else (before[-2:], after)
        if spec.speaker_only:
            actors = [a for a in actors if entity_types.get(a) == "person"][-1:]
            if not actors:
                continue
            targets = []
        docs_after = [m for m, s, _ in local if s >= start and entity_types.get(m.entity_id) == "document"]
        document = (docs_after or documents or [None])[0]
        events.append(
            EventMention(
                sentence_idx=sentence.idx,
                type=type_id,
                category=spec.category,
                trigger=text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                factuality=_factuality(text, c_start, start, type_id, taxonomy),
                actors=_unique(actors),
                targets=[t for t in _unique(targets) if t not in actors],
                document=document.entity_id if document else None,
                theme=None if actors or targets else _theme(text, start, end, c_end),
            )
        )
    _attach_dates(events, sentence, timexes, taxonomy)
    return events


def _actor_like(mention: Mention, entity_types: dict[str, str]) -> bool:
    return entity_types.get(mention.entity_id) not in ACTOR_TYPES_EXCLUDED


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _theme(text: str, start: int, end: int, clause_end: int) -> str | None:
    """The object as written, when no entity names it: 上线测试 (of) 灰度."""
    rest = text[end:clause_end].strip("了的地得 ")
    return rest[:20] or None


def _attach_dates(events: list[EventMention], sentence: Sentence, timexes: list[Timex], taxonomy: Taxonomy) -> None:
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value)]
    if not dated:
        return
    text = sentence.text

    def is_deadline(t: Timex) -> bool:
        s, e = t.start - sentence.start, t.end - sentence.start
        follows = text[e : e + 3]
        precedes = text[max(0, s - 2) : s]
        return any(follows.startswith(c) for c in taxonomy.deadline_after_zh) or (
            any(precedes.endswith(c) for c in taxonomy.deadline_before_zh) and not precedes.endswith("于")
        )

    after_cues = taxonomy.after_cues.get("zh", ())
    for event in events:
        spec = taxonomy.types[event.type]
        deadlines = [t for t in dated if is_deadline(t)]
        plain = [t for t in dated if not is_deadline(t)]
        if spec.date_from_deadline or event.type in ("deposit",) and not plain:
            plain, deadlines = deadlines or plain, []
        local = event.start - sentence.start
        clause = _clause(text, local)
        in_clause = [t for t in plain if clause[0] <= t.start - sentence.start < clause[1]]
        before = [t for t in plain if t.end - sentence.start <= local]
        after = [t for t in plain if t.start - sentence.start >= local]
        chosen = (in_clause or before[-1:] or after[:1] or [None])[0]
        if in_clause:
            chosen = in_clause[0]
        if chosen:
            event.date, event.date_text, event.date_source = chosen.value, chosen.text, "sentence"
            between = text[chosen.end - sentence.start : local]
            if any(c in between for c in after_cues):
                event.date_mod = "AFTER"
        later = [t for t in deadlines if t.start - sentence.start >= local]
        if later:
            event.deadline = later[0].value
