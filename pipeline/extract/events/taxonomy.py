"""The event taxonomy and its cue words, read from pipeline/data/events.yaml.

The code knows the *roles* an event can have; which words trigger which event, and which
cues make it reported or planned, is data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "events.yaml"
CATEGORIES = {"regulatory", "industry", "commentary"}
FACTUALITY_ORDER = ["denied", "reported", "required", "planned", "speculative"]
# The kinds of entity that are institutions: they act, speak and stand behind "the platform", "it".
INSTITUTION_TYPES = frozenset({"regulator", "clearing_house", "payment_institution", "company", "bank", "association"})
SPEAKING_TYPES = INSTITUTION_TYPES | {"product"}  # whose statements are an institution's own
# The back reference of a subject naming a pair ("both sides", "the two companies"): the two
# institutions named last before it.
PAIR_REFERENCE = "the two"
# An act told without the party it needs at its other end ("the first batch of access is …"):
# that party is the one of its kind the passage is about.
IMPLIED_TARGET = "(implied)"


def last_pair(named: list[str]) -> list[str]:
    """The last two different ids of those named in order, in that order; none if fewer."""
    distinct = list(dict.fromkeys(reversed(named)))[:2][::-1]
    return distinct if len(distinct) == 2 else []


class TaxonomyError(ValueError):
    """events.yaml is malformed; the message names the entry and the fix."""


@dataclass(frozen=True)
class EventType:
    id: str
    category: str
    verb: str
    noun: str | None
    relation: str | None
    en_lemmas: tuple[str, ...]
    en_phrases: tuple[str, ...]
    zh: tuple[str, ...]
    passive: str = "target"
    date_from_deadline: bool = False
    # Words after the verb that put a date as where it moves a time to (延后至年底): that date is
    # a new limit, never the act's own.
    moved_to: dict[str, tuple[str, ...]] = field(default_factory=dict)
    zh_after: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 起 -> 实施: a trigger only after that word
    not_by: frozenset[str] = frozenset()  # kinds of party that never do it alone (a company issues no rule)
    refers_back: bool = False
    speaker_only: bool = False
    positional_actor: bool = True
    actor_order: tuple[str, ...] = ()
    clause_may_be_bare: bool = False
    attributive_is_event: bool = True
    described_is_event: bool = False  # (zh) 监管划定的最后期限: after 的, the noun still tells it
    needs: tuple[str, ...] = ()
    verb_with_targets: str | None = None  # when the targets are no object of the verb ("took effect for")
    summary_zh: dict[str, str] = field(default_factory=dict)  # with_targets, alone, noun
    # verbs that tell this type only with one of the objects: lang -> (verbs, objects)
    with_object: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    positional_target: tuple[str, ...] = ()  # entity types a target may be taken from before the trigger
    zh_modals: tuple[str, ...] = ()  # triggers whose subject is the one bound (不得)
    not_with_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> objects that make it another act
    # an act whose object must be a party when it has one (a founding of a party, not of "a data centre"):
    # the words that may follow the Chinese verb without being its object (成立于, 成立以来)
    object_named: tuple[str, ...] | None = None
    # type -> lang -> words after the trigger in its clause that make the act that type
    becomes: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class EntityInfo:
    """What the events stage needs to know of the entities its mentions name."""

    types: dict[str, str]  # id -> type
    parents: dict[str, str] = field(default_factory=dict)  # a department -> its bank
    issuers: dict[str, str] = field(default_factory=dict)  # a document -> the body that issued it
    collectives: frozenset[str] = frozenset()  # "payment institutions" as a whole
    numbered_in: dict[str, int] = field(default_factory=dict)  # a document -> the year its number carries
    newsroom: frozenset[str] = frozenset()  # the people the page names as its reporters and editors
    called: dict[str, frozenset[str]] = field(default_factory=dict)  # id -> the words of its names ("platform")
    curated: frozenset[str] = frozenset()  # the entity table's own ids (not those discovered in a page)

    def are_bodies(self, ids: list[str]) -> bool:
        """Whether every one of `ids` (at least one) is an institution of its own, not a whole
        industry: what such speakers say of their acts is told as fact. (A product speaks for
        the company behind it: "JD Pay said it had completed the migration".)"""
        return bool(ids) and all(self.types.get(i) in SPEAKING_TYPES and i not in self.collectives for i in ids)


@dataclass(frozen=True)
class Routing:
    """Payments handled through a clearing house (events.yaml `routing`)."""

    type: str
    to: frozenset[str]  # entity types that make the construction: clearing houses
    en_verbs: frozenset[str]
    en_prepositions: frozenset[str]
    zh_markers: tuple[str, ...]
    zh_verbs: tuple[str, ...]
    # verbs of moving traffic, with the prepositions that name where it goes ("moved onto NetsUnion")
    en_motion_verbs: frozenset[str] = frozenset()
    en_motion_prepositions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class InstitutionStatements:
    """What an institution itself says, dated: its announcement, or denial (events.yaml)."""

    type: str
    untrue_type: str
    verbs: dict[str, frozenset[str]]  # lang -> speech verbs that tell
    untrue: dict[str, tuple[str, ...]]  # lang -> words after the verb that deny

    def type_of(self, lang: str, verb: str, what_follows: str) -> str | None:
        """The event type of an institution's statement with this verb, or None (no statement)."""
        if verb.lower() not in self.verbs.get(lang, ()):
            return None
        return self.untrue_type if self.calls_untrue(lang, what_follows) else self.type

    def calls_untrue(self, lang: str, what_follows: str) -> bool:
        """Whether the words say that something told is untrue (不实, "groundless")."""
        lowered = what_follows.lower()
        return any((re.search(rf"\b{re.escape(w)}\b", lowered) if lang == "en" else w in lowered) for w in self.untrue.get(lang, ()))


@dataclass(frozen=True, eq=False)  # hashed by identity: one loaded taxonomy keys the caches
class Taxonomy:
    types: dict[str, EventType]
    deadline_cues_en: tuple[str, ...]
    deadline_before_zh: tuple[str, ...]
    deadline_after_zh: tuple[str, ...]
    factuality: dict[str, dict[str, tuple[str, ...]]]
    back_actors_zh: tuple[str, ...]
    back_documents_zh: tuple[str, ...] = ()  # 该规范, 上述通知: a rule named before
    document_kinds_zh: tuple[str, ...] = ()  # 通知, 规范: alone as a clause's whole subject, the rule named before
    deadline_nouns_zh: tuple[str, ...] = ()  # 6月30日的期限: nouns whose date is a limit
    back_nouns_zh: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 公司 as a whole subject -> entity types
    narrowing_openers_zh: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 其中 (part of the sentence before) -> entity types
    back_actors_en: dict[str, tuple[str, ...]] = field(default_factory=dict)  # anaphor -> entity types
    pair_nouns_en: frozenset[str] = frozenset()  # "both sides": the two institutions named last
    after_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    recent_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "recently", 近日
    recent_within_days: int = 10
    date_joiners: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "from January to April"
    not_events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reporting_verbs_en: frozenset[str] = frozenset()
    order_clauses_en: frozenset[str] = frozenset()  # "before", "after": a clause of another time
    ending_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 终止, "stop": the act's end
    topic_verbs_en: frozenset[str] = frozenset()  # "discuss": its object is a topic, no act
    topic_nouns_en: frozenset[str] = frozenset()  # "a notice on …": its phrase is a topic, no act
    topic_prepositions_en: frozenset[str] = frozenset()
    complying_verbs_en: frozenset[str] = frozenset()  # "supports the requirements": another's demand
    site_notices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 本文系转载: no story sentence
    newsroom_roles: frozenset[str] = frozenset()  # 记者, editor: a byline's people are never parties
    oblique_markers_zh: tuple[str, ...] = ()
    not_oblique_markers_zh: tuple[str, ...] = ()  # words ending with a marker that are none (根据)
    framing_zh: tuple[str, ...] = ()  # words opening a clause whose names are no subject of the next (根据)
    target_markers_zh: tuple[str, ...] = ()  # 向, 对: the name after them is whom the act is aimed at
    target_verbs_zh: tuple[str, ...] = ()  # 作出, 进行: what may stand between that name and the act
    guide_nouns_en: frozenset[str] = frozenset()  # "under the guidance of X": X is no party of the act
    particular_markers_zh: tuple[str, ...] = ()
    particular_markers_en: frozenset[str] = frozenset()
    verbal_markers_zh: tuple[str, ...] = ()
    official_speakers_zh: tuple[str, ...] = ()
    answering_zh: tuple[str, ...] = ()  # 回应称: the answering verb before the speech verb
    false_friends_zh: tuple[str, ...] = ()  # words holding a factuality cue that are none (回应)
    official_speakers_en: tuple[str, ...] = ()  # "a spokesman said": the body the act is told of speaks
    agent_markers_zh: tuple[str, ...] = ()
    nominal_heads_zh: tuple[str, ...] = ()
    agreement_nouns_zh: tuple[str, ...] = ()  # 签署业务合作协议: what a verb signs, however long its name
    figures: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang -> scales, units
    figure_owner: str | None = None  # whose a partyless figure told with figures' owner_words is
    figure_owner_acts: frozenset[str] = frozenset()  # types only figure_owner does (deposit)
    nominal_modifiers_zh: tuple[str, ...] = ()
    verb_object_types_zh: frozenset[str] = frozenset()  # 下发通知: the head is the verb's object
    purpose_markers_zh: tuple[str, ...] = ()  # 为集中存管做准备: the trigger is the purpose
    governors_zh: tuple[str, ...] = ()  # 违反…规定: the trigger ending the object is a noun
    frames_zh: tuple[str, ...] = ()  # 显示, 获悉: a clause ending so frames the next, it is no subject
    plan_nouns_zh: tuple[str, ...] = ()  # 设立网联平台的方案: the trigger is what a plan proposes
    plan_nouns_en: frozenset[str] = frozenset()  # "a plan for moving the business": the same
    directive_verbs_zh: tuple[str, ...] = ()  # 央行通知支付机构，须…: those told are who must act
    learned_from: dict[str, tuple[str, ...]] = field(default_factory=dict)  # en, zh: "learned from X" verbs
    discourse_openers_zh: tuple[str, ...] = ()  # 这意味着: links the sentence to the one before, says no time
    routing: Routing | None = None  # "processed through NetsUnion": the switch-over
    institution_statements: InstitutionStatements | None = None  # "CITIC Bank said on July 31 …"
    anonymous_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "people familiar with the matter"
    unnamed_institutions_en: tuple[str, ...] = ()  # "one of the participating payment firms said": a body nobody names
    opinion_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 认为: what follows is a guess

    @cache  # read once per loaded taxonomy (it hashes by identity), not per sentence
    def zh_triggers(self) -> tuple[tuple[str, str], ...]:
        """(word, type id), longest words first so that 正式开始 wins over 开始."""
        pairs = [(word, t.id) for t in self.types.values() for word in t.zh]
        return tuple(sorted(pairs, key=lambda p: -len(p[0])))

    @cache
    def zh_trigger_words(self) -> tuple[str, ...]:
        return tuple(word for word, _ in self.zh_triggers())

    def figure_owner_words(self, lang: str) -> tuple[str, ...]:
        """The words of what figure_owner has (备付金, 比例, "reserves": figures' owner_words in
        events.yaml); none when no owner is set."""
        return tuple(self.figures.get(lang, {}).get("owner_words", ())) if self.figure_owner else ()


@cache
def load_taxonomy(path: str | None = None) -> Taxonomy:
    data = yaml.safe_load(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
    types = {}
    for type_id, spec in (data.get("types") or {}).items():
        if spec.get("category") not in CATEGORIES:
            raise TaxonomyError(f"events.yaml: type {type_id!r} needs a category, one of {sorted(CATEGORIES)}")
        en = spec.get("en") or {}
        types[type_id] = EventType(
            id=type_id,
            category=spec["category"],
            verb=spec.get("verb", type_id),
            verb_with_targets=spec.get("verb_with_targets"),
            noun=spec.get("noun"),
            relation=spec.get("relation"),
            en_lemmas=tuple(w.lower() for w in en.get("lemmas") or []),
            en_phrases=tuple(p.lower() for p in en.get("phrases") or []),
            zh=tuple(spec.get("zh") or []),
            zh_after={lead: tuple(words) for lead, words in (spec.get("zh_after") or {}).items()},
            not_by=frozenset(spec.get("not_by") or ()),
            passive=spec.get("passive", "target"),
            date_from_deadline=bool(spec.get("date_from_deadline")),
            moved_to={lang: tuple(words) for lang, words in (spec.get("moved_to") or {}).items()},
            refers_back=bool(spec.get("refers_back")),
            speaker_only=bool(spec.get("speaker_only")),
            positional_actor=spec.get("positional_actor", not spec.get("speaker_only")),
            needs=tuple(spec.get("needs") or []),
            actor_order=tuple(spec.get("actor_order") or []),
            clause_may_be_bare=bool(spec.get("clause_may_be_bare")),
            attributive_is_event=spec.get("attributive_is_event", True),
            described_is_event=bool(spec.get("described_is_event")),
            summary_zh=dict(spec.get("summary_zh") or {}),
            with_object={lang: (tuple(words.get("verbs") or []), tuple(words.get("objects") or []))
                         for lang, words in (spec.get("with_object") or {}).items()},
            positional_target=tuple(spec.get("positional_target") or []),
            zh_modals=tuple(spec.get("zh_modals") or []),
            not_with_objects={lang: frozenset(words) for lang, words in (spec.get("not_with_objects") or {}).items()},
            object_named=tuple((spec["object_named"] or {}).get("zh_not_objects") or []) if "object_named" in spec else None,
            becomes={other: {lang: tuple(words) for lang, words in langs.items()} for other, langs in (spec.get("becomes") or {}).items()},
        )
    cues = data.get("deadline_cues") or {}
    factuality = {
        family: {lang: tuple(words) for lang, words in langs.items()}
        for family, langs in (data.get("factuality") or {}).items()
    }
    unknown = set(factuality) - set(FACTUALITY_ORDER)
    if unknown:
        raise TaxonomyError(f"events.yaml: unknown factuality families {sorted(unknown)}; use {FACTUALITY_ORDER}")
    refs = data.get("back_references") or {}
    routing = data.get("routing")
    statements = data.get("institution_statements")
    for key in ("type", "untrue_type") if statements else ():
        if statements.get(key) not in types:
            raise TaxonomyError(f"events.yaml: institution_statements' {key} {statements.get(key)!r} is not among the types")
    if routing and routing.get("type") not in types:
        raise TaxonomyError(f"events.yaml: routing names type {routing.get('type')!r}, which is not among the types")
    return Taxonomy(
        types=types,
        deadline_cues_en=tuple(cues.get("en") or []),
        deadline_before_zh=tuple(cues.get("zh_before") or []),
        deadline_after_zh=tuple(cues.get("zh_after") or []),
        deadline_nouns_zh=tuple(cues.get("zh_nouns") or []),
        factuality=factuality,
        back_actors_zh=tuple(refs.get("zh_actors") or []),
        back_documents_zh=_document_references(refs.get("zh_documents") or {}),
        document_kinds_zh=tuple((refs.get("zh_documents") or {}).get("nouns") or ()),
        back_nouns_zh={word: tuple(kinds) for word, kinds in (refs.get("zh_bare_actors") or {}).items()},
        narrowing_openers_zh={word: tuple(kinds) for word, kinds in (refs.get("zh_narrowing") or {}).items()},
        back_actors_en={word: tuple(kinds) for word, kinds in (refs.get("en_actors") or {}).items()},
        after_cues={lang: tuple(words) for lang, words in (data.get("after_cues") or {}).items()},
        recent_words={lang: tuple(words) for lang, words in (data.get("recent") or {}).items() if lang in ("en", "zh")},
        recent_within_days=int((data.get("recent") or {}).get("within_days", 10)),
        date_joiners={lang: tuple(words) for lang, words in (data.get("date_joiners") or {}).items()},
        not_events={lang: tuple(words) for lang, words in (data.get("not_events") or {}).items()},
        reporting_verbs_en=frozenset((data.get("reporting_verbs") or {}).get("en") or []),
        order_clauses_en=frozenset((data.get("order_clauses") or {}).get("en") or []),
        ending_words={lang: tuple(words) for lang, words in (data.get("ending_words") or {}).items() if lang in ("en", "zh")},
        topic_verbs_en=frozenset((data.get("topic_verbs") or {}).get("en") or []),
        topic_nouns_en=frozenset((data.get("topic_nouns") or {}).get("en") or []),
        topic_prepositions_en=frozenset((data.get("topic_nouns") or {}).get("en_prepositions") or []),
        complying_verbs_en=frozenset((data.get("complying_verbs") or {}).get("en") or []),
        site_notices={lang: tuple(words) for lang, words in (data.get("site_notices") or {}).items()},
        newsroom_roles=frozenset(str(w).lower() for w in data.get("newsroom_roles") or ()),
        oblique_markers_zh=tuple((data.get("oblique_markers") or {}).get("zh") or []),
        not_oblique_markers_zh=tuple((data.get("oblique_markers") or {}).get("zh_not_markers") or []),
        framing_zh=tuple((data.get("oblique_markers") or {}).get("zh_framing") or []),
        target_markers_zh=tuple((data.get("oblique_markers") or {}).get("zh_targets") or []),
        target_verbs_zh=tuple((data.get("oblique_markers") or {}).get("zh_target_verbs") or []),
        guide_nouns_en=frozenset((data.get("oblique_markers") or {}).get("en_guides") or []),
        particular_markers_zh=tuple(refs.get("zh_particular") or []),
        particular_markers_en=frozenset(w.lower() for w in refs.get("en_particular") or []),
        pair_nouns_en=frozenset(w.lower() for w in refs.get("en_pairs") or []),
        verbal_markers_zh=tuple((data.get("verbal_markers") or {}).get("zh") or []),
        official_speakers_zh=tuple((data.get("official_speakers") or {}).get("zh") or [""]),
        answering_zh=tuple((data.get("official_speakers") or {}).get("zh_answering") or []),
        false_friends_zh=tuple((data.get("factuality_false_friends") or {}).get("zh") or []),
        official_speakers_en=tuple((data.get("official_speakers") or {}).get("en") or []),
        agent_markers_zh=tuple((data.get("agent_markers") or {}).get("zh") or []),
        nominal_heads_zh=tuple((data.get("nominal_uses") or {}).get("zh_heads") or []),
        agreement_nouns_zh=tuple((data.get("nominal_uses") or {}).get("zh_agreements") or []),
        figures={lang: {k: tuple(map(str, v)) for k, v in words.items()} for lang, words in (data.get("figures") or {}).items()},
        figure_owner=data.get("figure_owner"),
        figure_owner_acts=frozenset(data.get("figure_owner_acts") or ()),
        nominal_modifiers_zh=tuple((data.get("nominal_uses") or {}).get("zh_modifiers") or []),
        verb_object_types_zh=frozenset((data.get("nominal_uses") or {}).get("zh_verb_object_types") or []),
        purpose_markers_zh=tuple((data.get("nominal_uses") or {}).get("zh_purpose") or []),
        governors_zh=tuple((data.get("nominal_uses") or {}).get("zh_governors") or []),
        frames_zh=tuple(data.get("zh_frames") or []),
        plan_nouns_zh=tuple((data.get("nominal_uses") or {}).get("zh_plan_nouns") or []),
        plan_nouns_en=frozenset((data.get("nominal_uses") or {}).get("en_plan_nouns") or []),
        directive_verbs_zh=tuple((data.get("directive_verbs") or {}).get("zh") or []),
        learned_from={lang: tuple(words) for lang, words in (data.get("learned_from") or {}).items()},
        discourse_openers_zh=tuple(sorted((data.get("discourse_openers") or {}).get("zh") or (), key=len, reverse=True)),
        anonymous_sources={lang: tuple(words) for lang, words in (data.get("anonymous_sources") or {}).items()},
        unnamed_institutions_en=tuple((data.get("unnamed_institutions") or {}).get("en") or []),
        opinion_verbs={lang: tuple(words) for lang, words in (data.get("opinion_verbs") or {}).items()},
        routing=Routing(
            type=routing["type"],
            to=frozenset(routing.get("to") or []),
            en_verbs=frozenset((routing.get("en") or {}).get("verbs") or []),
            en_prepositions=frozenset((routing.get("en") or {}).get("prepositions") or []),
            zh_markers=tuple((routing.get("zh") or {}).get("markers") or []),
            zh_verbs=tuple((routing.get("zh") or {}).get("verbs") or []),
            en_motion_verbs=frozenset((routing.get("en") or {}).get("motion_verbs") or []),
            en_motion_prepositions=frozenset((routing.get("en") or {}).get("motion_prepositions") or []),
        ) if routing else None,
        institution_statements=InstitutionStatements(
            type=statements["type"],
            untrue_type=statements["untrue_type"],
            verbs={lang: frozenset(w.lower() for w in (statements.get(lang) or {}).get("verbs") or []) for lang in ("en", "zh")},
            untrue={lang: tuple(map(str, (statements.get(lang) or {}).get("untrue") or [])) for lang in ("en", "zh")},
        ) if statements else None,
    )


def _document_references(spec: dict) -> tuple[str, ...]:
    """该规范, 上述通知, 新规: every determiner before every kind of document, and the words alone."""
    pairs = [d + n for d in spec.get("determiners") or [] for n in spec.get("nouns") or []]
    return tuple(dict.fromkeys([*pairs, *(spec.get("alone") or [])]))


def told_by_its_object(spec: EventType, written: str) -> bool:
    """Whether a trigger as written is one of the verbs that tell the type only with their object
    (events.yaml with_object: 提高, "raised", "lifts"), not a word of the type itself."""
    verbs = {v.lower() for lang_verbs, _ in spec.with_object.values() for v in lang_verbs}
    written = written.lower()
    # (English as written: "raised", "raises", "raising", "lifted" of raise and lift)
    return written in verbs or any(written.startswith(v.removesuffix("e")) and len(written) - len(v) <= 3 for v in verbs if v.isascii())
