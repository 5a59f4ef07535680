"""What a sentence leaves to its neighbours: the event a denial points back at, the document a
"which shall take effect" means, the date shared by verbs of one sentence.

Runs over one article's events in text order, after each sentence has been read on its own.
"""

from __future__ import annotations

from pipeline.extract.events.taxonomy import Taxonomy
from pipeline.facts import EventMention, Mention, Sentence

REGULATORY_NEEDING_DOCUMENT = {"issue", "require", "take_effect", "deadline", "prohibit"}
LOOK_BACK_SENTENCES = 2
INSTITUTIONS = {"regulator", "clearing_house", "payment_institution", "company", "bank", "association"}
BARE_ATTRIBUTION_CHARS = 30  # "Xue Hongyan said." attributes the sentence before it


def resolve(
    events: list[EventMention],
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    entity_types: dict[str, str],
    taxonomy: Taxonomy,
    parents: dict[str, str] | None = None,
) -> list[EventMention]:
    parents = parents or {}
    paragraph_of = {s.idx: s.paragraph for s in sentences}
    _resolve_back_actors(events, sentences, mentions, entity_types, taxonomy)
    for i, event in enumerate(events):
        if event.document is None and event.type in REGULATORY_NEEDING_DOCUMENT:
            event.document = _recent_document(event, mentions, paragraph_of, entity_types)
        if event.date is None:
            _share_sentence_date(i, events)
    _share_sentence_targets(events)
    _mark_commentary(events, sentences)
    for event in events:
        event.actors = _most_specific(event.actors, parents, entity_types)
        event.targets = [t for t in _most_specific(event.targets, parents, entity_types) if t not in event.actors]
    kept = _merge_repeats([e for e in events if _has_what_it_needs(e, taxonomy)])
    kept = _with_deadline_entries(kept)
    for i, event in enumerate(kept):
        if taxonomy.types[event.type].refers_back:
            _point_back(i, kept, paragraph_of)
    return kept


def _share_sentence_targets(events: list[EventMention]) -> None:
    """"X connected to Y and Z, launched cooperation and began to cut the volume": one partner list."""
    for i, event in enumerate(events):
        if event.targets or event.category != "industry" or not event.actors:
            continue
        for earlier in reversed(events[:i]):
            if earlier.sentence_idx != event.sentence_idx:
                break
            if earlier.targets and earlier.actors[:1] == event.actors[:1] and earlier.category == "industry":
                event.targets = [t for t in earlier.targets if t not in event.actors]
                break


def _mark_commentary(events: list[EventMention], sentences: list[Sentence]) -> None:
    """What an expert says is commentary, not fact: events in the sentence of an assessment,
    and in the sentence before a bare "Xue Hongyan said."."""
    by_idx = {s.idx: s for s in sentences}
    spoken: set[int] = set()
    for event in events:
        if event.type != "assessment":
            continue
        spoken.add(event.sentence_idx)
        sentence = by_idx[event.sentence_idx]
        previous = by_idx.get(event.sentence_idx - 1)
        if len(sentence.text) <= BARE_ATTRIBUTION_CHARS and previous and previous.paragraph == sentence.paragraph:
            spoken.add(previous.idx)
    for event in events:
        if event.sentence_idx in spoken:
            event.category = "commentary"


def _point_back(i: int, events: list[EventMention], paragraph_of: dict[int, int]) -> None:
    """A denial or a deletion answers the latest event before it, in its sentence or just before."""
    event = events[i]
    for j in range(i - 1, -1, -1):
        earlier = events[j]
        if event.sentence_idx - earlier.sentence_idx > LOOK_BACK_SENTENCES:
            break
        if paragraph_of[earlier.sentence_idx] != paragraph_of[event.sentence_idx]:
            break
        if earlier.type in ("deny", "retract", "assessment"):
            continue
        if event.object_type and earlier.type != event.object_type:
            continue  # "deleted the announcement" answers the announcement, not the cooperation
        event.refers_to = j
        if not event.targets:
            event.targets = [x for x in earlier.actors + earlier.targets if x not in event.actors]
        if event.date is None and earlier.date:
            event.date, event.date_text, event.date_source = earlier.date, earlier.date_text, "inherited"
            event.date_mod = event.date_mod or "AFTER"
        return


def _recent_document(event, mentions, paragraph_of, entity_types) -> str | None:
    for idx in range(event.sentence_idx, event.sentence_idx - LOOK_BACK_SENTENCES - 1, -1):
        if paragraph_of.get(idx) != paragraph_of[event.sentence_idx]:
            break
        docs = [m.entity_id for m in mentions.get(idx, []) if entity_types.get(m.entity_id) == "document"]
        if docs:
            return docs[-1]
    return None


def _share_sentence_date(i: int, events: list[EventMention]) -> None:
    """Verbs of one sentence share its one date: "In April, X connected to Y and began to cut"."""
    same = [e for e in events if e.sentence_idx == events[i].sentence_idx and e.date and e is not events[i]]
    if same and len({e.date for e in same}) == 1:
        source = same[0]
        events[i].date, events[i].date_text, events[i].date_source = source.date, source.date_text, "inherited"
        events[i].date_mod = source.date_mod


def _has_what_it_needs(event: EventMention, taxonomy: Taxonomy) -> bool:
    for need in taxonomy.types[event.type].needs:
        if need == "actor" and not event.actors:
            return False
        if need == "target" and not event.targets:
            return False
        if need == "document" and not event.document:
            return False
        if need == "actor_or_document" and not (event.actors or event.document):
            return False
    return True


def _resolve_back_actors(events, sentences, mentions, entity_types, taxonomy) -> None:
    """该平台将于本月底进行灰度上线测试: "the platform" is the institution named just before."""
    by_idx = {s.idx: s for s in sentences}
    for event in events:
        sentence = by_idx[event.sentence_idx]
        lead = sentence.text[: event.start - sentence.start]
        if event.actors or not any(ref in lead for ref in taxonomy.back_actors_zh):
            continue
        for idx in range(event.sentence_idx - 1, event.sentence_idx - 1 - LOOK_BACK_SENTENCES - 1, -1):
            named = [m.entity_id for m in mentions.get(idx, []) if entity_types.get(m.entity_id) in INSTITUTIONS]
            if named:
                event.actors = named[-1:]
                break


def _most_specific(ids: list[str], parents: dict[str, str], entity_types: dict[str, str]) -> list[str]:
    """中国人民银行支付结算司 names the department; the bank beside it adds nothing. Only a
    parent of the same type folds in: Tenpay stays beside its product WeChat Pay."""

    def ancestors(entity_id: str) -> set[str]:
        out, seen = set(), entity_id
        while seen in parents and parents[seen] not in out and entity_types.get(parents[seen]) == entity_types.get(seen):
            seen = parents[seen]
            out.add(seen)
        return out

    covered = set().union(*(ancestors(i) for i in ids)) if ids else set()
    return [i for i in ids if i not in covered]


def _merge_repeats(events: list[EventMention]) -> list[EventMention]:
    """Several trigger words for one event in one sentence (灰度上线测试) make one mention."""
    out: list[EventMention] = []
    for event in events:
        key = (event.sentence_idx, event.type, tuple(event.actors), tuple(event.targets), event.document, event.date)
        if out and any(
            (o.sentence_idx, o.type, tuple(o.actors), tuple(o.targets), o.document, o.date) == key for o in out[-3:]
        ):
            continue
        out.append(event)
    return out


def _with_deadline_entries(events: list[EventMention]) -> list[EventMention]:
    """A requirement's "from/by" date is a moment of its own on the timeline: add it as a
    deadline event with the same parties and document."""
    out = []
    for event in events:
        out.append(event)
        if not event.deadline or not (event.type in ("require", "prohibit") or event.factuality == "required"):
            continue
        if any(o.type == "deadline" and o.sentence_idx == event.sentence_idx and o.date == event.deadline for o in out):
            continue
        out.append(
            EventMention(
                sentence_idx=event.sentence_idx, type="deadline", category="regulatory",
                trigger=event.trigger, start=event.start, end=event.end,
                factuality="required", actors=list(event.actors), targets=list(event.targets),
                document=event.document, date=event.deadline, date_source="sentence",
            )  # fmt: skip
        )
    return out
