"""What a sentence leaves to its neighbours: the event a denial points back at, the document a
"which shall take effect" means, the date shared by verbs of one sentence.

Runs over one article's events in text order, after each sentence has been read on its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from pipeline.extract.events.taxonomy import (
    IMPLIED_TARGET, INSTITUTION_TYPES, PAIR_REFERENCE, EntityInfo, Taxonomy, last_pair, told_by_its_object,
)
from pipeline.facts import EventMention, Mention, Sentence

REGULATORY_NEEDING_DOCUMENT = {"issue", "require", "take_effect", "deadline", "prohibit"}
LOOK_BACK_SENTENCES = 2
# Events a page may leave without a subject when it is about one institution.
TOPIC_TYPES = {"launch", "found", "complete"}
# Joining a platform (connect) told right after the platform's start (launch) joined it then.
JOINING_TYPES = {"connect"}
JOINED = "connect"  # the type of a joining this module tells itself
JOINING_PARTY_TYPES = {"bank", "payment_institution"}  # who joins a clearing house
STARTING_TYPES = {"launch"}
# Acts whose partners are the same kind of party (a clearing house joined, worked with, moved
# to): one partner list serves them all in a sentence. A deposit is made with the central bank.
PARTNERING_TYPES = {"connect", "switch_traffic", "cooperate", "launch", "complete"}
ISSUED_BY_TYPES = {"require", "prohibit", "deadline", "issue"}
REQUIRING_TYPES = {"require", "prohibit"}
PENALISING = "penalise"
DOCUMENT_NUMBER_END = "号"  # 银发〔2017〕296号: a name that is only the document's number
TOPIC_ENTITY_TYPES = {"clearing_house", "payment_institution", "company", "bank"}
BARE_ATTRIBUTION_CHARS = 30  # "Xue Hongyan said." attributes the sentence before it
# A requirement told as beginning ("began requiring", 开始要求): its date is when it applied.
_BEGUN = re.compile(r"(?:\b(?:began|begun|begins|begin|started|starts|start)\s+(?:to\s+)?|开始)$", re.I)


def resolve(
    events: list[EventMention],
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    entities: EntityInfo,
    taxonomy: Taxonomy,
) -> list[EventMention]:
    paragraph_of = {s.idx: s.paragraph for s in sentences}
    _resolve_back_actors(events, sentences, mentions, entities, taxonomy)
    _resolve_back_targets(events, mentions, entities, taxonomy)
    # (what an issuing of a sentence, and what it requires, is in: not a document issued another day)
    other_days: dict[int, set[str]] = defaultdict(set)
    for event in events:
        other_days[event.sentence_idx] |= _issued_on_other_days(event, events)
    for event in events:
        if event.document is None and not event.unnamed_document and event.type in REGULATORY_NEEDING_DOCUMENT:
            event.document = _recent_document(event, mentions, paragraph_of, entities, other_days[event.sentence_idx])
    _share_sentence_targets(events)
    _mark_commentary(events, sentences, entities)
    for event in events:
        event.actors = _most_specific(event.actors, entities)
        event.targets = [t for t in _most_specific(event.targets, entities) if t not in event.actors]
    for event in events:
        if event.type == "issue" and any(a in entities.collectives for a in event.actors):
            # "payment institutions must …, under a notice issued at the end of June": a whole
            # group of institutions issues no rule; it is whom the rule is for
            event.targets = [*event.targets, *(a for a in event.actors if a in entities.collectives and a not in event.targets)]
            event.actors = [a for a in event.actors if a not in entities.collectives]
        if (event.type == "issue" and event.actors and event.document in entities.issuers
                and all(a in entities.curated for a in event.actors) and not any(
                _top_regulator(a, entities) == _top_regulator(entities.issuers[event.document], entities) for a in event.actors)):
            # "NetsUnion also issued a letter on channel access": a rule whose issuer is known was
            # not issued by another known body; the document nearest before is not this one (one
            # found only in this page, "The General Office issued …", may be its issuer unlinked)
            event.document = None
        if not event.actors and event.document in entities.issuers and event.type in ISSUED_BY_TYPES:
            event.actors = [_top_regulator(entities.issuers[event.document], entities)]  # "the guideline reiterates"
        _order_actors(event, taxonomy, entities)
        if not (event.actors or event.targets or event.document or event.theme) and event.type in TOPIC_TYPES:
            # (a subject of its own in words, "firms had finished", is no act of the article's topic)
            # ("the company had finished": one institution, never the group the page names most)
            event.actors = _topic(mentions, entities, groups=not event.back_reference)
        if not (event.actors or event.targets or event.document) and event.type == "deadline" and event.date:
            # 距离6月30日“断直连”大限只剩50天: the deadline of the industry the article is about
            # (a group its own sentence names first: 离明年6月30日的最后期限还有八个多月，大部分中小支付机构…)
            event.targets = (_most_named_collective({event.sentence_idx: mentions.get(event.sentence_idx, [])}, entities)
                             or _most_named_collective(mentions, entities))
        if event.type != "statistic" and (event.actors or event.targets):  # (a statistic's theme is its figures)
            # The words a theme keeps stand in for parties no name gave (a Chinese one is what
            # follows the trigger: 大限仅剩十天); parties found since make it no subject of the act.
            event.theme = None
    _required_under_the_rule_issued(events, entities)
    _penalised_by_the_regulator_named(events, mentions, entities)
    events = _absorb_required(events, entities, taxonomy)
    # (a denial or deletion told with nobody, "the notice was deleted on the 27th", waits for the
    # act it answers to name its parties)
    kept = _merge_repeats([e for e in events if e.category != "claim" and _has_what_it_needs(e, taxonomy)
                           and (_has_parties(e) or taxonomy.types[e.type].refers_back)
                           and not _done_by_those_who_never_do_it(e, entities, taxonomy)])
    kept = _with_deadline_entries(kept, entities)
    kept = _with_issuing_acts(kept, sentences, mentions, entities, taxonomy)
    kept = _with_those_joined_at_the_launch(kept, entities)
    _date_joining_by_the_launch(kept, paragraph_of)
    for i, event in enumerate(kept):
        if taxonomy.types[event.type].refers_back:
            _point_back(i, kept, paragraph_of, entities)
    return _without_unanswered(kept, taxonomy)


def _without_unanswered(events: list[EventMention], taxonomy: Taxonomy) -> list[EventMention]:
    """The events, less a partyless denial or deletion that answers no act; the indexes other
    events point back by are kept true."""
    dropped = {i for i, e in enumerate(events) if taxonomy.types[e.type].refers_back and not _has_parties(e)}
    if not dropped:
        return events
    new_index = {old: old - sum(1 for d in dropped if d < old) for old in range(len(events)) if old not in dropped}
    for event in events:
        if event.refers_to is not None:
            event.refers_to = new_index.get(event.refers_to)
    return [e for i, e in enumerate(events) if i not in dropped]


def _with_those_joined_at_the_launch(events: list[EventMention], entities: EntityInfo) -> list[EventMention]:
    """"The platform began trial operation at the end of March 2017, with a first batch of four
    banks and three payment institutions": the institutions a clearing house started with joined
    it then; a connection of theirs beside the launch, unless the sentence tells one already."""
    out = []
    for event in events:
        out.append(event)
        if event.type not in STARTING_TYPES or not event.date:
            continue
        houses = [a for a in event.actors if entities.types.get(a) == "clearing_house"]
        joined = [t for t in event.targets if entities.types.get(t) in JOINING_PARTY_TYPES]
        if not houses or not joined or any(e.type in JOINING_TYPES and e.sentence_idx == event.sentence_idx for e in events):
            continue
        out.append(EventMention(
            sentence_idx=event.sentence_idx, type=JOINED, category=event.category,
            trigger=event.trigger, start=event.start, end=event.end, factuality=event.factuality,
            actors=joined, targets=houses, date=event.date, date_text=event.date_text,
            date_source=event.date_source, date_mod=event.date_mod,
        ))  # fmt: skip
    return out


def _date_joining_by_the_launch(events: list[EventMention], paragraph_of: dict[int, int]) -> None:
    """"On March 31 the platform started trial operation. The first batch of access is four banks
    and …": an undated connection to a platform whose start the same sentence or the one before
    it (in its paragraph) dates joined it then."""
    for i, event in enumerate(events):
        if event.type not in JOINING_TYPES or event.date or event.deadline or not event.targets:
            continue
        for earlier in reversed(events[:i]):
            if event.sentence_idx - earlier.sentence_idx > 1 or paragraph_of[earlier.sentence_idx] != paragraph_of[event.sentence_idx]:
                break
            if earlier.type in STARTING_TYPES and earlier.date and set(earlier.actors) & set(event.targets):
                event.date, event.date_text, event.date_source, event.date_mod = earlier.date, earlier.date_text, "inherited", earlier.date_mod
                break


def _share_sentence_targets(events: list[EventMention]) -> None:
    """"X connected to Y and Z, launched cooperation and began to cut the volume": one partner
    list (not for a deposit after them: "…经由银联或网联处理，备付金亦会…集中交存")."""
    for i, event in enumerate(events):
        if event.targets or event.category != "industry" or not event.actors or event.type not in PARTNERING_TYPES:
            continue
        for earlier in reversed(events[:i]):
            if earlier.sentence_idx != event.sentence_idx:
                break
            if (earlier.targets and earlier.actors[:1] == event.actors[:1] and earlier.category == "industry"
                    and earlier.type in PARTNERING_TYPES):
                event.targets = [t for t in earlier.targets if t not in event.actors]
                break


def _mark_commentary(events: list[EventMention], sentences: list[Sentence], entities: EntityInfo) -> None:
    """What an expert says is commentary, not fact: events in the sentence of an assessment,
    and in the sentence before a bare "Xue Hongyan said.", are the expert's claims. They stay
    out of the timeline; the assessment entry carries those sentences."""
    by_idx = {s.idx: s for s in sentences}
    spoken: set[int] = set()
    for event in events:
        if event.type != "assessment" or entities.are_bodies(event.actors):
            continue  # a body telling its own acts (网联表示，已与财付通签署…) is no expert's view
        spoken.add(event.sentence_idx)
        sentence = by_idx[event.sentence_idx]
        previous = by_idx.get(event.sentence_idx - 1)
        if len(sentence.text) <= BARE_ATTRIBUTION_CHARS and previous and previous.paragraph == sentence.paragraph:
            spoken.add(previous.idx)
    for event in events:
        if event.sentence_idx in spoken and event.type != "assessment":
            event.category = "claim"


def _point_back(i: int, events: list[EventMention], paragraph_of: dict[int, int], entities: EntityInfo) -> None:
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
        if not _speaks_of(event, earlier, entities):
            continue  # "JD said it had finished. Lakala has not connected, people said. Lakala denied that."
        event.refers_to = j
        if not event.targets:
            event.targets = [x for x in earlier.actors + earlier.targets if x not in event.actors]
        if event.date is None and earlier.date:
            event.date, event.date_text, event.date_source = earlier.date, earlier.date_text, "inherited"
            event.date_mod = event.date_mod or "AFTER"
        return


def _speaks_of(event: EventMention, earlier: EventMention, entities: EntityInfo) -> bool:
    """Whether a denial or deletion may answer an act told in an earlier sentence: an institution
    answers for an act it (or the body it belongs to, or one of its own) took part in. A person's
    or an industry's answer, and one in the act's own sentence, may answer any act."""
    if earlier.sentence_idx == event.sentence_idx or not entities.are_bodies(event.actors):
        return True

    def family(entity_id: str) -> set[str]:
        return {entity_id, entities.parents.get(entity_id, entity_id)}

    parties = {kin for party in earlier.actors + earlier.targets for kin in family(party)}
    return any(family(actor) & parties for actor in event.actors)


def _issued_on_other_days(event: EventMention, events: list[EventMention]) -> set[str]:
    """The documents the article tells issued on another day than this issuing's ("the General
    Office issued the notice on January 13, 2017 … On June 29 it issued a notice again": not that
    one)."""
    if event.type != "issue" or not event.date:
        return set()
    return {e.document for e in events if e.type == "issue" and e.document and e.date and e is not event
            and not (e.date.startswith(event.date) or event.date.startswith(e.date))}


def _recent_document(event, mentions, paragraph_of, entities, not_these: set[str] = frozenset()) -> str | None:
    """"which shall take effect", 政策...正式开始: the regulation named just before; not one whose
    number carries a later year than the act's date (the notice of January 2017 is not the one
    numbered [2018] named in the paragraph before), nor one issued on another day (not_these)."""
    year = int(event.date[:4]) if event.date and event.date[:4].isdigit() else None
    for idx in range(event.sentence_idx, event.sentence_idx - LOOK_BACK_SENTENCES - 1, -1):
        docs = [m.entity_id for m in mentions.get(idx, []) if entities.types.get(m.entity_id) == "document" and m.entity_id not in not_these]
        docs = [d for d in docs if (year is None or entities.numbered_in.get(d, year) <= year) and _issued_by_one_of(d, event.actors, entities)
                and _of_the_kind(d, event.document_kind, mentions)]
        if docs:
            # "issued the Specification (No. 296), at the same time two technical standards. The
            # documents take effect …": the rule known to the table, not an attachment found in the page
            known = [d for d in docs if d in entities.curated]
            return (known or docs)[-1]
    return None


def _of_the_kind(document: str, kind: str | None, mentions: dict[int, list[Mention]]) -> bool:
    """Whether a document named in the article may be of the kind an act names (下发通知: a
    notice): one of its names there says that kind, or only its number names it (银支付〔2017〕209号
    says no kind). 《条码支付业务规范》 is no 通知."""
    if kind is None:
        return True
    names = {m.text for ms in mentions.values() for m in ms if m.entity_id == document}
    return any(kind in name for name in names) or all(DOCUMENT_NUMBER_END in name for name in names)


def _issued_by_one_of(document: str, actors: list[str], entities: EntityInfo) -> bool:
    """Whether the document may be the act's: its issuer is unknown, the act names no regulator,
    or a regulator it names is that issuer or above or below it (the General Office's notice 114
    is no notice the Payment and Settlement Department sent a month before the sentence)."""
    issuer = entities.issuers.get(document)
    regulators = [a for a in actors if entities.types.get(a) == "regulator"]
    if issuer is None or not regulators:
        return True

    def line(entity_id: str) -> set[str]:
        chain = {entity_id}
        while entity_id in entities.parents and entities.parents[entity_id] not in chain:
            entity_id = entities.parents[entity_id]
            chain.add(entity_id)
        return chain

    return any(a in line(issuer) or issuer in line(a) for a in regulators)


def _has_parties(event: EventMention) -> bool:
    """An event nobody does, to nobody, under no rule tells an analyst nothing to follow."""
    return bool(event.actors or event.targets or event.document)


def _done_by_those_who_never_do_it(event: EventMention, entities: EntityInfo, taxonomy: Taxonomy) -> bool:
    """"JD Finance put forward the plan", "UnionPay's WeChat account published an article": acts
    whose every doer is of a kind that never does them (events.yaml not_by)."""
    kinds = taxonomy.types[event.type].not_by
    return bool(kinds and event.actors) and all(entities.types.get(a) in kinds for a in event.actors)


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


def _resolve_back_actors(events, sentences, mentions, entities, taxonomy) -> None:
    """该平台将于本月底进行灰度上线测试, "The platform began trial operation": "the platform" is
    the institution of its kind named last before it, in its sentence or the two before."""
    by_idx = {s.idx: s for s in sentences}
    for event in events:
        if event.actors:
            continue
        if event.back_reference == PAIR_REFERENCE:
            # "Alipay has signed with UnionPay … The two companies held a signing ceremony on Monday"
            event.actors = last_pair(_named_before(event, mentions, entities, INSTITUTION_TYPES, set(event.targets), skip_groups=True))
            continue
        if event.back_reference:
            kinds = set(taxonomy.back_actors_en.get(event.back_reference) or taxonomy.back_nouns_zh.get(event.back_reference)
                        or taxonomy.narrowing_openers_zh.get(event.back_reference, ()))
        else:
            sentence = by_idx[event.sentence_idx]
            if not any(ref in sentence.text[: event.start - sentence.start] for ref in taxonomy.back_actors_zh):
                continue
            kinds = INSTITUTION_TYPES
        # "it" is one institution, not a whole group
        named = _named_before_by_sentence(event, mentions, entities, kinds, set(event.targets), skip_groups=bool(event.back_reference))
        window = [entity_id for _, entity_id in named]
        if window:
            # "it" is the one named last in its sentence, or the subject of the sentence before
            # ("NetsUnion began a trial run with four banks and Alipay. It was registered …" is
            # NetsUnion); "the platform" the one the passage is about, named most ("… through
            # NetsUnion or UnionPay. The platform …" is NetsUnion's), the last of those
            nominal = event.back_reference not in (None, "it")
            if nominal:
                event.actors = _most_named_of(_called(window, event.back_reference, entities))
            elif event.back_reference == "it":
                event.actors = _it_stands_for(named, event.sentence_idx, _last_doers(event, events, kinds, entities))
            else:
                event.actors = window[-1:]
        if not event.actors and event.back_reference and event.back_reference != "it":
            # "31 March 2017: The platform begins trial operation", pages after the platform was
            # named: the one of its kind the article names most.
            event.actors = _most_named(mentions, entities, kinds)


def _resolve_back_targets(events, mentions, entities, taxonomy) -> None:
    """"Alipay connected to the platform": the institution of the kind the type's targets are
    (events.yaml positional_target) the passage is about, as for a subject "the platform"."""
    for event in events:
        if event.targets or not event.target_back_reference:
            continue
        kinds = set(taxonomy.types[event.type].positional_target)
        if event.target_back_reference != IMPLIED_TARGET:
            kinds &= set(taxonomy.back_actors_en.get(event.target_back_reference, ()))
        window = _named_before(event, mentions, entities, kinds, set(event.actors), skip_groups=False)
        if window:
            event.targets = _most_named_of(_called(window, event.target_back_reference, entities))
        else:
            event.targets = [i for i in _most_named(mentions, entities, kinds) if i not in event.actors]


def _named_before(event, mentions, entities, kinds, others: set[str], *, skip_groups: bool) -> list[str]:
    """The entities of these kinds named before the event, in its sentence or the two before,
    nearest last; not its other parties, nor whole groups when asked."""
    return [entity_id for _, entity_id in _named_before_by_sentence(event, mentions, entities, kinds, others, skip_groups=skip_groups)]


def _named_before_by_sentence(event, mentions, entities, kinds, others: set[str], *, skip_groups: bool) -> list[tuple[int, str]]:
    """As _named_before, each with the index of the sentence that names it."""
    return [
        (idx, m.entity_id) for idx in range(event.sentence_idx - LOOK_BACK_SENTENCES - 1, event.sentence_idx + 1)
        for m in mentions.get(idx, [])
        if entities.types.get(m.entity_id) in kinds and (idx < event.sentence_idx or m.end <= event.start)
        and m.entity_id not in others and not (skip_groups and m.entity_id in entities.collectives)
    ]  # fmt: skip


def _last_doers(event: EventMention, events: list[EventMention], kinds: set[str], entities: EntityInfo) -> list[str]:
    """The one of these kinds who did the last act told in the sentence before the event's."""
    before = [e for e in events if e.sentence_idx == event.sentence_idx - 1 and e.actors]
    for earlier in reversed(before):
        doers = [a for a in earlier.actors if entities.types.get(a) in kinds and a not in entities.collectives]
        if doers:
            return doers[:1]
    return []


def _it_stands_for(named: list[tuple[int, str]], idx: int, last_doers: list[str] = ()) -> list[str]:
    """Of those named before (sentence index, id), the one "it" in sentence `idx` stands for: the
    last named before it in its own sentence, else the doer of the last act of the sentence before
    ("The central bank floated the idea in 2016, and NetsUnion began trial operations in March 2017.
    It was registered in August": NetsUnion), else the first named in the nearest of the two
    sentences before."""
    same = [entity_id for at, entity_id in named if at == idx]
    if same:
        return same[-1:]
    if last_doers:
        return list(last_doers)
    before = [(at, entity_id) for at, entity_id in named if at >= idx - LOOK_BACK_SENTENCES]
    nearest = max((at for at, _ in before), default=None)
    return [next(entity_id for at, entity_id in before if at == nearest)] if nearest is not None else []


def _called(window: list[str], reference: str | None, entities: EntityInfo) -> list[str]:
    """Those of the window one of whose names holds the referring noun ("the platform": NetsUnion,
    named a platform, before the clearing centre that owns part of it); all of them if none is."""
    head = (reference or "").split()[-1:]
    called = [i for i in window if head and head[0] in entities.called.get(i, ())]
    return called or window


def _most_named_of(window: list[str]) -> list[str]:
    """The one named most among them, the last named of those."""
    counts = Counter(window)
    most = max(counts.values())
    return [next(i for i in reversed(window) if counts[i] == most)]


def _most_named(mentions: dict[int, list[Mention]], entities: EntityInfo, kinds: set[str]) -> list[str]:
    counts = Counter(m.entity_id for ms in mentions.values() for m in ms
                     if entities.types.get(m.entity_id) in kinds and m.entity_id not in entities.collectives)
    return [counts.most_common(1)[0][0]] if counts else []


def _most_named_collective(mentions: dict[int, list[Mention]], entities: EntityInfo) -> list[str]:
    """The group of institutions (payment institutions, banks) the article names most."""
    counts = Counter(m.entity_id for ms in mentions.values() for m in ms if m.entity_id in entities.collectives)
    return [counts.most_common(1)[0][0]] if counts else []


def _top_regulator(entity_id: str, entities: EntityInfo) -> str:
    """The body analysts name for a rule: the PBOC for a notice of its General Office."""
    while entities.types.get(entities.parents.get(entity_id)) == "regulator":
        entity_id = entities.parents[entity_id]
    return entity_id


def _most_specific(ids: list[str], entities: EntityInfo) -> list[str]:
    """中国人民银行支付结算司 names the department; the bank beside it adds nothing. Only a
    parent of the same type folds in: Tenpay stays beside its product WeChat Pay."""

    def ancestors(entity_id: str) -> set[str]:
        out, seen = set(), entity_id
        parents = entities.parents
        while seen in parents and parents[seen] not in out and entities.types.get(parents[seen]) == entities.types.get(seen):
            seen = parents[seen]
            out.add(seen)
        return out

    covered = set().union(*(ancestors(i) for i in ids)) if ids else set()
    return [i for i in ids if i not in covered]


def _merge_repeats(events: list[EventMention]) -> list[EventMention]:
    """Several trigger words of one type in one sentence (灰度上线测试, 交存…交存) tell one event:
    keep the mention that says most (parties, document, date). Different actors doing the same
    are different events ("Alipay completed the switch late last month, while Tenpay finished
    earlier in June")."""
    best: dict[tuple, EventMention] = {}
    # One trigger told of several speakers (孙爽和郭竞指出) is one event each, not repeats.
    shared = Counter((e.sentence_idx, e.type, e.start) for e in events)

    def repeat_key(event: EventMention) -> tuple:
        speakers = tuple(event.actors) if shared[(event.sentence_idx, event.type, event.start)] > 1 else ()
        return (event.sentence_idx, event.type, event.document, speakers)

    # Acts of one type told with different dates are different acts (去年8月，人民银行批复…；去年10月
    # 20日，人民银行正式批准…): each date keeps its own; an undated mention repeats one of them.
    dates = defaultdict(set)
    for event in events:
        if event.date:
            dates[repeat_key(event)].add(event.date)
    for event in events:
        key = repeat_key(event)
        if len(dates[key]) > 1:
            if not event.date:
                continue
            key += (event.date,)
        while key in best and event.actors and best[key].actors and not set(event.actors) & set(best[key].actors):
            key += ("other actors",)
        if key not in best or _richness(event) > _richness(best[key]):
            best[key] = event
    kept = {id(e) for e in best.values()}
    return [e for e in events if id(e) in kept]


def _richness(event: EventMention) -> tuple:
    # a date before more parties: of "reached cooperation …, among them Alipay and UnionPay signed
    # on September 10", the dated signing is the act to keep, not the undated one naming more
    return (bool(event.actors), bool(event.date), len(event.actors) + len(event.targets), bool(event.document))


def _order_actors(event: EventMention, taxonomy: Taxonomy, entities: EntityInfo) -> None:
    """Mutual events name their parties in a fixed order of types (Alipay before UnionPay)."""
    order = taxonomy.types[event.type].actor_order
    if order and len(event.actors) > 1:
        rank = {t: i for i, t in enumerate(order)}
        event.actors.sort(key=lambda a: rank.get(entities.types.get(a, ""), len(rank)))


def _topic(mentions: dict[int, list[Mention]], entities: EntityInfo, *, groups: bool = True) -> list[str]:
    """The institution an article is about: the one it names most (2017年3月开始试运营 has no
    subject in a page about NetsUnion); a group of institutions too unless `groups` is False."""
    counts: dict[str, int] = {}
    for items in mentions.values():
        for m in items:
            if entities.types.get(m.entity_id) in TOPIC_ENTITY_TYPES and (groups or m.entity_id not in entities.collectives):
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    return [max(counts, key=counts.get)] if counts else []


def _required_under_the_rule_issued(events: list[EventMention], entities: EntityInfo) -> None:
    """"Under rules issued by the People's Bank of China last August, all online payments must be
    routed through NetsUnion from July 1": a demand nobody is told to make, in the sentence of a
    regulator's issuing, is that regulator's, under that rule."""
    for event in events:
        if event.type not in REQUIRING_TYPES or event.actors or event.back_reference:
            continue
        issuing = next((e for e in events if e.sentence_idx == event.sentence_idx and e.type == "issue" and e.actors
                        and all(entities.types.get(a) == "regulator" for a in e.actors)), None)
        if issuing is not None:
            event.actors = list(issuing.actors)
            event.document = event.document or issuing.document


def _penalised_by_the_regulator_named(events: list[EventMention], mentions: dict[int, list[Mention]], entities: EntityInfo) -> None:
    """人民银行官网公布的行政处罚信息显示，易宝支付…被罚款100万元: a penalty told with nobody
    imposing it is the regulator's its sentence names (only a regulator penalises)."""
    for event in events:
        if event.type != PENALISING or event.actors or not event.targets or any(entities.types.get(t) == "regulator" for t in event.targets):
            continue  # (a regulator "penalised" is a clause read wrong, no penalty of another regulator's)
        regulators = [m.entity_id for m in mentions.get(event.sentence_idx, []) if entities.types.get(m.entity_id) == "regulator"]
        event.actors = list(dict.fromkeys(regulators))


def _absorb_required(events: list[EventMention], entities: EntityInfo, taxonomy: Taxonomy) -> list[EventMention]:
    """What a requirement demands is its content, not events of their own: in 要求各银行和支付机构
    于2017年10月15日前完成接入网联平台…；自2018年6月30日起…通过网联平台处理 the connection and
    migration are what is required. They fold into the requirement; their dates become its
    deadlines, and a deadline word (大限) in it becomes a deadline of the requirement's parties."""
    out: list[EventMention] = []
    requirement: EventMention | None = None
    for event in events:
        if requirement is None or event.sentence_idx != requirement.sentence_idx:
            requirement = None
        if event.type in REQUIRING_TYPES and event.category == "regulatory" and not _has_parties(event) and not event.back_reference:
            out.append(event)  # "the ratio was raised …": a requirement by no one (dropped later) holds nothing of the sentence's
            continue
        if event.type in REQUIRING_TYPES and event.category == "regulatory":
            if requirement is not None and requirement.type == "require" and event.type == "prohibit":
                out.remove(requirement)  # 提出，不得挪用…: the ban is what was put forward
                event.actors = event.actors or requirement.actors
                event.date = event.date or requirement.date
            requirement = event
            out.append(event)
            continue
        if requirement is not None and event.category == "regulatory" and event.type != "deadline":
            out.append(event)  # another act of the regulator ("... ; in December it issued ...")
            continue
        if requirement is not None and event.type == "deadline":
            event.actors = event.actors or list(requirement.actors)
            event.document = event.document or requirement.document
            if requirement.date == event.date:
                requirement.date = requirement.date_text = requirement.date_source = None  # "the deadline is April 17"
            out.append(event)
            continue
        if requirement is not None and event.type == "statistic" and event.factuality == "asserted" and _raises_a_figure(requirement, taxonomy):
            # 比例每月提高10个百分点，4月已达到50%左右: what a raising told done reached is a figure
            # measured, not the content of a demand ("must raise the share … until it reaches
            # 100 percent in January" is)
            out.append(event)
            continue
        if requirement is not None and event.type != "assessment" and (event.beside_a_demand or _told_apart_from(requirement, event)):
            # "ordered that payments must go through NetsUnion, which began trial operations in
            # March 2017": an act told as done, on a day of its own, is no content of the demand,
            # nor one told in a clause of its own beside it ("…, and NetsUnion was registered")
            out.append(event)
            continue
        if requirement is not None and event.type != "assessment":
            if event.deadline:
                out.append(_deadline_of(requirement, event.deadline, entities))
            if not requirement.targets and requirement.actors and all(entities.types.get(a) == "regulator" for a in requirement.actors):
                # 人民银行要求，由6月30日起，支付机构…须全部通过网联或银联处理: those who must act,
                # and the houses they must go through, are whom the regulator's requirement concerns
                requirement.targets = [p for p in event.actors + event.targets if entities.types.get(p) != "regulator"]
            continue
        out.append(event)
    return out


def _told_apart_from(requirement: EventMention, event: EventMention) -> bool:
    """Whether an act of the requirement's sentence is told as done, dated on a day of its own
    before the requirement's, with no limit: a fact beside the demand, not what it demands."""
    return (event.type != "statistic" and event.factuality in ("asserted", "reported") and event.date is not None and not event.deadline
            and requirement.date is not None and event.date < requirement.date[: len(event.date)])


def _raises_a_figure(requirement: EventMention, taxonomy: Taxonomy) -> bool:
    """Whether a requirement is told by a verb that raises a figure (提高比例, "raised the
    ratio": events.yaml's with_object verbs), not by one of demanding (要求, "required")."""
    return told_by_its_object(taxonomy.types[requirement.type], requirement.trigger)


def _with_issuing_acts(
    events: list[EventMention], sentences: list[Sentence], mentions: dict[int, list[Mention]], entities: EntityInfo,
    taxonomy: Taxonomy,
) -> list[EventMention]:
    """A regulator's requirement told with the day it was made ("On Dec 5, the department told
    payment institutions to close their accounts by January 14", 12月5日，支付结算司要求…) is
    also the regulator issuing that order on that day: an issue event beside the requirement,
    whose own dates are the obligation's. Not when the sentence already tells the issuing, nor
    when the day is the requirement's deadline, nor when the requiring verb only describes a
    document (本月15日是209号文规定的截止日: what notice 209 lays down), nor when a figure is
    raised (今年1月至4月，交存比例逐月提高: the months it rose in). What was issued is
    the document the sentence names, never one a requirement took from the sentences before.
    """
    by_idx = {s.idx: s for s in sentences}
    in_sentence: dict[int, list[EventMention]] = {}
    for event in events:
        in_sentence.setdefault(event.sentence_idx, []).append(event)
    out = []
    for event in events:
        out.append(event)
        if event.type != "require" or not event.date or len(event.date) < 7 or event.date_source != "sentence":
            continue
        if not any(entities.types.get(a) == "regulator" for a in event.actors) or _raises_a_figure(event, taxonomy):
            continue
        same_sentence = in_sentence[event.sentence_idx]
        if any(e.type == "issue" for e in same_sentence) or any(e.type == "deadline" and e.date == event.date for e in same_sentence):
            continue
        if event.deadline and event.deadline <= event.date:
            continue
        sentence = by_idx[event.sentence_idx]
        if sentence.text[event.end - sentence.start :].startswith("的"):
            continue
        if _BEGUN.search(sentence.text[: event.start - sentence.start]):
            continue  # "began requiring payment companies in April to deposit …": when it applied, not when it was made
        named = {m.entity_id for m in mentions.get(event.sentence_idx, [])}
        out.append(EventMention(
            sentence_idx=event.sentence_idx, type="issue", category="regulatory",
            trigger=event.trigger, start=event.start, end=event.end,
            factuality=event.factuality if event.factuality in ("reported", "denied", "speculative", "planned") else "asserted",
            actors=list(event.actors), targets=list(event.targets), document=event.document if event.document in named else None,
            date=event.date, date_text=event.date_text, date_source=event.date_source, date_mod=event.date_mod,
        ))  # fmt: skip
    return out


def _deadline_of(event: EventMention, date: str, entities: EntityInfo) -> EventMention:
    """The deadline a requirement (or a required act) sets on that date: who sets it, for whom."""
    actors, targets = list(event.actors), list(event.targets)
    if event.type not in ("require", "prohibit"):
        # A required act ("payments must go through NetsUnion from June 30"): its doers are the
        # ones the deadline binds, and the house they go to none of them; who sets it is a
        # regulator named with them, else the issuer of the rule it is under.
        bound = [a for a in event.actors if entities.types.get(a) != "regulator"]
        setters = [a for a in event.actors if entities.types.get(a) == "regulator"]
        if not setters and event.document in entities.issuers:
            setters = [_top_regulator(entities.issuers[event.document], entities)]
        if bound:  # (nobody told as bound: the parties the act names, as they stand)
            actors, targets = setters, bound
    return EventMention(
        sentence_idx=event.sentence_idx, type="deadline", category="regulatory",
        trigger=event.trigger, start=event.start, end=event.end,
        factuality="required", actors=actors, targets=targets,
        document=event.document, date=date, date_source="sentence",
    )  # fmt: skip


def _with_deadline_entries(events: list[EventMention], entities: EntityInfo) -> list[EventMention]:
    """A requirement's "from/by" dates are moments of their own on the timeline: add each as a
    deadline event with its parties (_deadline_of) and document ("from July 9, the ratio rises
    each month, reaching 100% by January 14": two steps, two deadlines)."""
    out = []
    for event in events:
        out.append(event)
        if not event.deadline or not (event.type in ("require", "prohibit") or event.factuality == "required"):
            continue
        for date in [event.deadline, *event.later_deadlines]:
            if not any(o.type == "deadline" and o.sentence_idx == event.sentence_idx and o.date == date for o in out):
                out.append(_deadline_of(event, date, entities))
    return out
