"""English events: triggers by lemma or phrase (taxonomy words), roles from the dependency parse.

Machine-translated sentences parse imperfectly, so every role has a plain fallback: when
the parse gives no subject, the nearest organisation before the trigger acts.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

from spacy.tokens import Doc, Span, Token

from pipeline.extract.entities.documents import QUOTED
from pipeline.extract.entities.extract import document_heads
from pipeline.extract.events.dating import attach_dates, date_of_span, dates_as_recent, limit_date, point_date
from pipeline.extract.events.taxonomy import (
    FACTUALITY_ORDER, IMPLIED_TARGET, INSTITUTION_TYPES, PAIR_REFERENCE, EntityInfo, EventType, Taxonomy, last_pair, told_by_its_object,
)
from pipeline.extract.time.parsed_tense import governing_verb
from pipeline.facts import EventMention, Mention, Sentence, Timex

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# A verb without a subject shares the one of the verb it hangs from: "X have chosen to access Y
# and are carrying out the work of cutting ..." (cutting -> work -> carrying -> chosen: X).
CLIMB_FOR_SUBJECT = {"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acl"}
# Dependencies a nominal trigger climbs to reach the verb that carries it.
CARRIED = {"dobj", "pobj", "prep", "attr", "compound", "conj", "appos", "acl", "npadvmod", "oprd"}
# Modifiers of a nominal trigger that name its actor: "the UnionPay statement", "Alipay's access".
NOUN_ACTORS = {"compound", "poss", "nmod", "amod"}
# Types that take another event as their object and stay events themselves ("announced the cooperation").
EVENT_OBJECT_TYPES = {"postpone", "complete", "require", "prohibit"}
CLAUSE_WINDOW = 8  # tokens before a trigger that its modal phrases ("expected to") may stand in
# Words before a subject that deny the act it does ("neither A nor B had issued", "no bank").
NEGATING_DETERMINERS = {"neither", "no", "none"}
# Factuality families a type expresses by itself.
SELF_CUED = {"deny": ("denied",), "retract": ("denied",), "require": ("required",), "prohibit": ("required", "denied")}
# Types whose object noun is what they act on, not a second event ("deleted the announcement";
# "approved the establishment": the founding is approved, not yet done; "delay the access to
# NetsUnion": the access is put off, and NetsUnion is what the delay is about).
OBJECT_SWALLOWING_TYPES = {"issue", "deny", "retract", "announce", "approve", "postpone"}


# Nouns for a rule that may speak for itself ("the notice said").
RULE_NOUNS = {"notice", "circular", "rule", "rules", "document", "regulation", "guideline", "guidelines", "specification", "measure"}
# What makes the noun after it a time ("before the deadline", "on the day of the deadline").
TIME_PREPOSITIONS = {"before", "after", "by", "until", "till", "since", "on", "at"}
TIME_HEADS = {"day", "date", "eve", "ahead", "week", "month", "end"}
# What an act is done "according to" when no one reports it: a rule's own terms.
PLAN_NOUNS = {"requirement", "requirements", "provision", "provisions", "arrangement", "deployment", "plan", "schedule"}
# Words opening the list of the members of a group just counted ("3 payment institutions, namely …").
ENUMERATION_CUES = {"namely", "including", "i.e."}
# "…, but the PBOC later said": a turn to another speaker (whose saying tells the rest itself).
_SAYING_AFTER_A_TURN = re.compile(r"\b(?:but|however|while)\b(?=[^.;]*\b(?:said|says|say|told|tells|stated|states|announced|added)\b)")
# Possessives before an act noun that point back to its doer ("its switch-over").
POSSESSIVE_PRONOUNS = {"its"}
# Modals that make the verb they govern a requirement.
REQUIRING_MODALS = {"must", "shall", "should"}

SENTENCE_END = (".", "?", "!", "…")
MAX_QUOTED_NAME_WORDS = 30  # a longer quote is speech, whatever its end
# A quote ended by a comma and followed by who says it ('"We have not signed it," a spokesman
# said'; '", said …'): speech, as a quote ending in a full stop is.
_ATTRIBUTED_AFTER = re.compile(r"\s*(?:said|says|added|told)\b|\s*[^.,;:\"“”]{1,60}?\b(?:said|says|added|told)\b", re.I)

# Speech verbs (events.yaml's assessment) that, with an object told to do something, require it:
# "told payment institutions to close …".
DIRECTIVE_VERBS = {"tell"}
# A rule told by its maker is made when it is said: "The central bank told payment firms in August
# that payments must go through a clearing house from mid-2018" requires in August, to mid-2018.
RULES_MADE_BY_SAYING = {"require", "prohibit"}

# Adjectives and adverbs are no events: "a complete disconnection", "formally".
NOT_TRIGGER_POS = {"ADJ", "ADV", "ADP", "DET", "AUX"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}  # where a word stands as a noun
END_LIMIT_CUES = {"by", "before", "until", "till", "ahead of"}  # a limit an act is done by (not "from")
SINCE = {"since"}  # a start an act told done began on, no limit
START_CUES = {"from", "starting"}  # the start of what a rule sets going
NEW_THING_WORDS = frozenset({"a", "an", "new", "another", "several", "some"})  # "set up a new data centre"
# Acts a noun undergoes when a past participle describes it ("NetsUnion, set up in August 2017",
# "the notice, issued in August"); not those a translation writes so of the noun's own act
# ("115 payment institutions accessed to the platform" connected).
UNDERGONE_BY_THE_NOUN = {"found", "issue", "approve", "penalise", "launch"}
# Acts told of whoever underwent them when nobody is named doing them ("It was registered"):
# a founding or a launch is the thing's own, not so an approval or a penalty.
TOLD_OF_THE_UNDERGOER = {"found", "launch"}


@cache
def _trigger_index(taxonomy: Taxonomy) -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """lemma -> type, and first word -> [(words of a phrase, type)]. Looked up token by token:
    spaCy's Matcher with a set of lemmas per type took a tenth of ingest time for the same."""
    lemmas = {lemma: t.id for t in taxonomy.types.values() for lemma in t.en_lemmas}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for t in taxonomy.types.values():
        for phrase in t.en_phrases:
            words = tuple(phrase.split())
            phrases.setdefault(words[0], []).append((words, t.id))
    return lemmas, phrases


@cache
def _with_object_index(taxonomy: Taxonomy) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(type, verbs, objects) of the types told by a verb only with one of its objects."""
    return [(t.id, *t.with_object["en"]) for t in taxonomy.types.values() if "en" in t.with_object]


def _matches(doc: Doc, taxonomy: Taxonomy) -> list[tuple[str, int, int]]:
    """(type, start, end) of every trigger: a lemma of a type (not as an adjective, adverb…), or a
    phrase of a type, its words as written or as lemmas."""
    lemmas, phrases = _trigger_index(taxonomy)
    with_object = _with_object_index(taxonomy)
    found = []
    for token in doc:
        type_id = lemmas.get(_lemma(token, lemmas))
        if type_id and (token.pos_ not in NOT_TRIGGER_POS or _determined(token) or _a_predicate(token)) and not _object_makes_another_act(token, taxonomy.types[type_id]):
            found.append((type_id, token.i, token.i + 1))
        for type_id, verbs, objects in with_object if token.pos_ == "VERB" else ():
            # "raised the deposit ratio", "the share … has been raised": the verb and its object,
            # or a subject the parse hung on a clause below it (nearby, in its subtree)
            # ("the ratio is increased month by month": a parse making the participle the
            # complement of "is" hangs the object on "is")
            around = [*token.subtree, *(c for c in token.head.children if c.dep_ == "nsubj")] if token.dep_ == "acomp" else token.subtree
            described = _described_by(token)  # ("a work plan, circulated in March")
            # (a subject or object of the verb itself is its own at any length: "the share of
            # client reserves of payment institutions kept in centralised deposit will be raised")
            if token.lemma_ in verbs and any((c.dep_ in ("dobj", "nsubjpass", "nsubj") or _part_of_object(c) or c in described)
                                             and c.lemma_ in objects and (abs(c.i - token.i) <= 10 or _argument_of(c, token))
                                             for c in [*around, *described]):
                found.append((type_id, token.i, token.i + 1))
        for type_id, verbs, objects in with_object if token.pos_ == "NOUN" and _determined_noun(token) else ():
            # the verb as a noun with what it acts on after "of": "completed the transfer of 100
            # percent of their customers' reserve funds", "the shift of traffic to NetsUnion"
            if token.lemma_ in verbs and any(c.lemma_ in objects and abs(c.i - token.i) <= 10 for c in _of_objects(token)):
                found.append((type_id, token.i, token.i + 1))
        for words, type_id in {*phrases.get(token.lower_, ()), *phrases.get(token.lemma_, ())}:
            span = doc[token.i : token.i + len(words)]
            if len(span) == len(words) and (all(t.lower_ == w for t, w in zip(span, words))
                                            or all(t.lemma_ == w for t, w in zip(span, words))):  # fmt: skip
                found.append((type_id, span.start, span.end))
    return found


def _object_makes_another_act(token: Token, spec: EventType) -> bool:
    """"the bank that issued the customer's card": an object that makes the verb an act of
    another kind (events.yaml not_with_objects)."""
    objects = spec.not_with_objects.get("en", ())
    # ("the data released last week"; "issued the first batch of payment licences": what the
    # object is a part of)
    direct = [*(c for c in token.children if c.dep_ == "dobj"), *_described_by(token)]
    return any(c.lemma_.lower() in objects for c in [*direct, *(o for c in direct for o in _of_objects(c))])


def _described_by(token: Token) -> list[Token]:
    """The noun a past participle describes, which is what it acts on ("the data released last
    week", "a work plan, circulated in March"); none for another verb."""
    return [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []


def _unnamed_object(head: Token, carrier: Token, name_tokens: set[int], taxonomy: Taxonomy) -> bool:
    """The verb's object is something new and unnamed ("set up new data centres", "established a
    working group"), or no institution at all ("set up the centralised deposit system"), not a
    name, a word standing for an institution named before ("set up the platform", "the
    company") or what a literal translation makes of 注册成立 ("registered capital")."""
    objects = [c for t in {head, carrier} for c in t.children if c.dep_ == "dobj"]
    institutions = {*taxonomy.back_actors_en, *taxonomy.unnamed_institutions_en}
    return any(o.i not in name_tokens and o.lemma_.lower() not in institutions and o.lower_ not in institutions
               and (o.tag_ in ("NN", "NNS") or any(c.lower_ in NEW_THING_WORDS for c in o.children if c.i < o.i))
               for o in objects)


def _determined_noun(token: Token) -> bool:
    """A noun with an article or a possessor: "the transfer", "their move"."""
    return any(c.dep_ in ("det", "poss") for c in token.children)


def _of_objects(noun: Token) -> list[Token]:
    """What an act noun is of: the object of its "of", and of an "of" under that ("the transfer of
    100 percent of their reserve funds")."""
    found, frontier = [], [noun]
    while frontier:
        head = frontier.pop()
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                found += objects
                frontier += objects
    return found


def _argument_of(noun: Token, verb: Token) -> bool:
    """Whether the noun is the verb's subject or object, directly or as the subject of a clause
    that is the verb's subject (the parser reads "the share … kept in centralised deposit will be
    raised" as a clause "share kept" subject of "raised")."""
    if noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return False
    head = noun.head
    while head.i != verb.i and head.dep_ in ("csubj", "csubjpass"):
        head = head.head
    return head.i == verb.i


def _part_of_object(token: Token) -> bool:
    """"moved all of their reserve funds", "the first batch of provisions was handed in": the noun
    a part of the object is of."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in ("dobj", "nsubjpass")


def _lemma(token: Token, vocabulary: Container[str]) -> str:
    """The token's lemma, or for a verb the lemmatiser got wrong ("fined" -> "fin", "routed" ->
    "rout") the word of `vocabulary` its regular inflection (-ed, -d, -ied, a doubled consonant,
    -ing, -s, -es) comes from."""
    if token.lemma_ in vocabulary or token.pos_ != "VERB":
        return token.lemma_
    word = token.lower_
    for suffix, endings in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates = [stem + e for e in endings] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
            found = next((c for c in candidates if c in vocabulary), None)
            if found:
                return found
    return token.lemma_


# Words a translation leaves as the verb of its clause in adverb form (上线 as "formally online",
# "will online", "since it online", "the business was online"): the act, when nothing else is.
PREDICATE_ADVERBS = {"online"}
PREDICATE_MARKERS = {"formally", "officially", "will", "would", "shall", "to", "successfully", "finally"}


PLANNING_HEADS = {"plan", "expect", "schedule", "aim", "strive", "prepare", "intend"}  # a plan's verb in a translation


def _a_predicate(token: Token) -> bool:
    """The adverb stands as its clause's verb: its root, the complement of "be", or right after a
    modal, "formally", or its own subject ("since it online"); never when it says how another verb
    is done ("pay online")."""
    if token.lower_ not in PREDICATE_ADVERBS or token.pos_ not in ("ADV", "ADJ"):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.head.lemma_ in PLANNING_HEADS:
        return True  # "plan at this year first half year online", "is expected … online": 计划…上线 word by word
    return token.dep_ in ("ROOT", "acomp") or token.head.lemma_ == "be" or before is not None and (
        before.lower_ in PREDICATE_MARKERS or before.dep_ in ("nsubj", "nsubjpass") and before.head.i == token.i)


def _determined(token: Token) -> bool:
    """A word with a determiner is a noun whatever its tag says ("What fine did the PBOC impose",
    tagged an adverb)."""
    return token.pos_ in ("ADJ", "ADV") and token.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in token.children)


def _tokens(doc: Doc, sentence: Sentence, start: int, end: int) -> Span | None:
    return doc.char_span(start - sentence.start, end - sentence.start, alignment_mode="expand")


def trigger_spans(doc: Doc, taxonomy: Taxonomy) -> list[tuple[str, Span]]:
    """Trigger spans, longest first where they overlap (a phrase beats its own lemma); words
    inside a not-an-event phrase ("direct connection") are no triggers."""
    found = sorted(_matches(doc, taxonomy), key=lambda m: (-(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    lowered = doc.text.lower()
    for phrase in taxonomy.not_events.get("en", ()):
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                taken |= set(range(span.start, span.end))
    out = []
    for type_id, start, end in found:
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        out.append((type_id, doc[start:end]))
    return sorted(out, key=lambda m: m[1].start)


_WH_TAGS = {"WDT", "WP", "WP$"}  # which, what, who, whose
# "that" also takes the WDT tag, and a translation's "learned that, the central bank issued …" can
# parse it as the subject: it asks nothing.
_NOT_ASKING = {"that"}
SPEAKER_PRONOUNS = {"it", "they", "we"}  # in what an institution says, itself


def _carrier(token: Token) -> Token:
    """The verb that carries a nominal trigger ("announced the cooperation" -> announced)."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ in CARRIED and token.head.i != token.i:
        token = token.head
    return token


def _subject(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb, climbing conjoined and embedded verbs; and whether it is passive."""
    seen = set()
    token = verb
    raised = False  # "NetsUnion is expected to go online": the passive is "expected"'s, not the trigger's
    while token.i not in seen:
        seen.add(token.i)
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            voice_of = verb if raised else token
            return [_after_but(s) for s in subjects], any(c.dep_ in ("nsubjpass", "auxpass") for c in voice_of.children)
        # "Fiscal has been connected to X, formally launched Y": the advcl holds the subject.
        for child in token.children:
            if child.dep_ == "advcl" and child.i < token.i:
                inner = [c for c in child.children if c.dep_ in SUBJECTS]
                if inner:
                    return inner, False
        if token.dep_ in CLIMB_FOR_SUBJECT and token.head.i != token.i:
            raised = raised or token.dep_ == "xcomp"
            token = token.head
        else:
            break
    return [], False


def _after_but(subject: Token) -> Token:
    """The subject a translation's "X and Y announced …, but Z deleted …" gives the last verb: the
    parser joins Z to X as one more conjunct; after "but" it is a clause of its own."""
    contrast = next((c.i for c in subject.children if c.dep_ == "cc" and c.lower_ == "but"), None)
    if contrast is None:
        return subject
    return next((c for c in subject.children if c.dep_ == "conj" and c.i > contrast), subject)


def _ended(head: Token, carrier: Token, taxonomy: Taxonomy) -> bool:
    """The act is what a verb of ending governs: "terminated its cooperation", "stopped
    cooperating with" (events.yaml ending_words)."""
    ending = taxonomy.ending_words.get("en", ())
    if carrier is not head and carrier.lemma_.lower() in ending:
        return True
    return head.dep_ in ("xcomp", "dobj", "ccomp") and head.head.lemma_.lower() in ending


def _asked_subject(verb: Token, subjects: list[Token]) -> bool:
    """The act's subject is what an embedded question asks ("confirm which body issued it", "it is
    unclear who issued the notice"): the sentence names no one who did it, and neither may the
    reader (a document's usual issuer, a party named before). A relative pronoun ("NetsUnion,
    which issued the notice", "which began trial operations … and was formally launched …")
    stands for its noun and is no question."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl":
        return False
    def asks(token: Token) -> bool:
        return token.tag_ in _WH_TAGS and token.lower_ not in _NOT_ASKING

    return any(asks(t) or any(c.dep_ == "det" and asks(c) for c in t.children) for t in subjects)


def _relative_antecedent(verb: Token, subjects: list[Token]) -> set[int]:
    """"NetsUnion, which started test runs in March": the relative pronoun stands for the noun
    the clause describes (the noun and the words before it that are its own)."""
    if verb.dep_ != "relcl" or not any(s.tag_ in _WH_TAGS for s in subjects):
        return set()
    return {t.i for t in verb.head.subtree if t.i <= verb.head.i}


ISSUED_AS_WHOSE = {"issue"}  # acts a document undergoes, whose owner named before the noun did them
NO_ISSUER_TYPES = {"place", "person", "media", "document"}
# Prepositions that put the other end of an act after it ("connected to the bank", "signed with …")
OTHER_END_PREPOSITIONS = {"to", "into", "onto", "with", "through", "via"}

# Verbs whose subject is named by their complement ("the first batch of access is/includes Alipay, …"),
# with the dependencies of that complement.
NAMING_VERBS = {"be": ("attr", "acomp", "appos"), "include": ("dobj",), "comprise": ("dobj",)}


def _named_by_copula(head: Token) -> set[int]:
    """"The first batch of access is 4 banks and 3 payment institutions, namely Alipay …", "the
    first institutions connected to NetsUnion were Alipay and Tenpay": an act inside the subject
    of "be" is done by those its complement names. Token indexes of that complement."""
    for token in [head, *head.ancestors]:
        if token.dep_ == "nsubj" and token.head.lemma_ in NAMING_VERBS:
            named = _within([c for c in token.head.children if c.dep_ in NAMING_VERBS[token.head.lemma_]])
            return named | _listed_after_namely(head.doc, named)
        if token.pos_ in ("VERB", "AUX") and token is not head:
            return set()  # the act's own clause ends here
    return set()


def _listed_after_namely(doc: Doc, named: set[int]) -> set[int]:
    """"…, namely Pay treasure, Cai Fu Tong and Net silver online": a list opened by "namely"
    inside the complement runs to the end of its clause, however the parse hung its names."""
    cue = next((i for i in sorted(named) if doc[i].lower_ in ENUMERATION_CUES), None)
    if cue is None:
        return set()
    end = next((t.i for t in doc[cue:] if t.text in (";", ":", ".")), len(doc))
    return set(range(cue, end))


def _relative_of_a_plain_noun(verb: Token, subjects: list[Token]) -> bool:
    """"firms that could not finish the work": the relative pronoun's noun is the subject, and it
    names no one; the nearest name before is not it."""
    return verb.dep_ == "relcl" and any(s.tag_ in _WH_TAGS for s in subjects)


def _agent(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _within(tokens: list[Token]) -> set[int]:
    out: set[int] = set()
    for token in tokens:
        out |= {t.i for t in token.subtree}
    return out


def _factuality(doc: Doc, trigger: Span, carrier: Token, taxonomy: Taxonomy, event_type: str) -> str:
    """How sure the sentence is of the event: reporting cues anywhere before the trigger,
    negation and modals on the trigger's own verb, phrases within its clause."""
    before = doc.text[: trigger.start_char].lower()
    # "…, according to people familiar with the matter": a trailing attribution reports it too
    attributed = doc.text[trigger.end_char :].lower()
    clause = re.split(r"[,;:]", doc[max(0, trigger.start - CLAUSE_WINDOW) : trigger.end].text.lower())[-1]
    near = {c.lower_ for t in (trigger.root, carrier) for c in t.children if c.dep_ in ("aux", "neg", "auxpass")}
    if carrier.tag_ == "MD":
        near.add(carrier.lower_)  # "must by the platform processing": the modal heads the clause
    # "NetsUnion plans to set up data centres": the verb the act is the complement of cues it too
    near |= {t.head.lower_ for t in (trigger.root, carrier) if t.dep_ == "xcomp"}
    # "plan at this year first half year online": a translation's act hung on the verb of planning
    near |= {"plan" for t in (trigger.root, carrier) if t.dep_ == "advmod" and t.head.lemma_ in PLANNING_HEADS}
    for family in FACTUALITY_ORDER:
        if family in SELF_CUED.get(event_type, ()):
            continue  # a denial is asserted as a denial; a requirement as a requirement
        cues = taxonomy.factuality.get(family, {}).get("en", ())
        if family == "denied":
            # "did not connect", "no bank has connected", "can no longer connect" (a phrase of the clause)
            hit = (any(c.dep_ == "neg" for t in (trigger.root, carrier) for c in t.children) or _nobody_did(carrier)
                   or any(" " in cue and re.search(rf"\b{re.escape(cue)}\b", clause) for cue in cues)
                   or _denied_above(trigger.root, taxonomy))
        elif family == "reported":
            # "according to the document requirement": what a rule lays down is nobody's report
            per_rule = _per_rule(doc)
            told = before if not per_rule else before.replace("according to", "")
            if per_rule:  # ("…, according to a notice published on June 29": trailing, the same)
                attributed = attributed.replace("according to", "")
            if taxonomy.types[event_type].refers_back:
                # "The rumour said Tenpay would delay access, the Tenpay official denied it": the
                # report is what is denied; the denial is told as fact unless its own clause reports it
                # (and "The rumour that Alipay had connected was denied by UnionPay": the report is
                # the denial's subject, what is denied, not who tells of the denial).
                for phrase in (c for head in {trigger.root, carrier} for c in head.children if c.dep_ in ("nsubjpass", "dobj")):
                    start, end = phrase.left_edge.idx, min(phrase.right_edge.idx + len(phrase.right_edge), len(told))
                    if start < end:
                        told = told[:start] + " " * (end - start) + told[end:]
                told = re.split(r"[,;:]", told)[-1]
            turn = [m for m in _SAYING_AFTER_A_TURN.finditer(doc.text[: trigger.end_char].lower()) if m.start() < len(told)]
            if turn:
                # "People familiar said in May that …, but the PBOC later said it would not delay
                # the deadline": a speaker after the turn tells what follows, not the sources before
                told = told[turn[-1].start() :]
            hit = any(re.search(rf"\b{re.escape(cue)}\b", told) or re.search(rf",[^,]*\b{re.escape(cue)}\b", attributed) for cue in cues)
        else:
            hit = any(cue in near if " " not in cue else cue in clause for cue in cues)
        if hit:
            # "shall take effect from April 1": a rule's schedule, not an obligation.
            return "planned" if family == "required" and taxonomy.types[event_type].date_from_deadline else family
    return "asserted"


def _per_rule(doc: Doc) -> bool:
    """Whether the sentence's "according to" names a rule ("according to the notice", "according
    to the document requirement"): what follows is what the rule lays down, not a report."""
    return any(t.lower_ == "according" and any(g.lemma_.lower() in RULE_NOUNS | PLAN_NOUNS
                                                for c in t.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj")
               for t in doc)


def _denied_above(token: Token, taxonomy: Taxonomy) -> bool:
    """"Alipay denied reports that it had connected to UnionPay": the act is what a denial
    above it is about."""
    denials = set(taxonomy.types["deny"].en_lemmas) if "deny" in taxonomy.types else set()
    return any(a.lemma_.lower() in denials for a in token.ancestors)


def _topic_of_talk(noun: Token, verbs: Container[str]) -> bool:
    """Whether the noun is in what one of these verbs has as its object ("discuss a pilot for full
    deposits", "supports the requirements"), up to the first verb above it."""
    token = noun
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token.pos_ == "VERB" and token.lemma_.lower() in verbs


def _topic_of_a_document(noun: Token, taxonomy: Taxonomy) -> bool:
    """Whether the act noun is what a document is about ("a notice on the full deposit of
    reserves", "rules about the migration of online payments"), the phrase on the document or,
    as the parse often hangs it, on the verb right after the document as its object."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in taxonomy.topic_prepositions_en:
        return False
    held_by = preposition.head
    if held_by.lemma_.lower() in taxonomy.topic_nouns_en:
        return True
    return held_by.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in taxonomy.topic_nouns_en
                                          and c.i < preposition.i for c in held_by.children)


def _planned_by_noun(factuality: str, head: Token, spec: EventType, taxonomy: Taxonomy) -> str:
    """What a plan proposes is planned, not done ("a plan for moving the barcode business onto
    UnionPay"); a rule's plan is left to the rule's own reading."""
    if factuality == "asserted" and spec.category != "regulatory" and _proposed_by_plan(head, taxonomy):
        return "planned"
    return factuality


def _proposed_by_plan(verb: Token, taxonomy: Taxonomy) -> bool:
    """Whether the verb is what a plan noun proposes: "a plan for moving …" (for + gerund), "a
    proposal to set up …" (to + verb describing the noun)."""
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        noun = verb.head.head
        # ("followed a work plan, circulated in March, for moving …": the parse may hang the
        # phrase on the verb whose object the plan is)
        noun = next((c for c in noun.children if c.dep_ == "dobj" and c.i < verb.i and c.lemma_.lower() in taxonomy.plan_nouns_en), noun)
    elif verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        noun = verb.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in taxonomy.plan_nouns_en


def _nobody_did(verb: Token) -> bool:
    """"Neither Alipay nor UnionPay had issued a statement", "no bank has connected": the
    subject denies the act."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(w.lower_ in NEGATING_DETERMINERS for s in subjects for w in s.children if w.dep_ in ("preconj", "det"))


def find_events(
    doc: Doc,
    sentence: Sentence,
    mentions: list[Mention],
    timexes: list[Timex],
    entities: EntityInfo,
    taxonomy: Taxonomy,
) -> list[EventMention]:
    """The events one English sentence tells, with their roles, date cues and factuality."""
    spans = [(m, _tokens(doc, sentence, m.start, m.end)) for m in mentions if m.entity_id]
    # "some payment institution's head", "a payment institution": one of the group, not the group
    unnamed_ones = [span.start for m, span in spans if m.entity_id in entities.collectives and span is not None and span.start > 0
                    # "the largest payment provider" (not "most payment institutions": the bulk of the group)
                    and any(t.lower_ in taxonomy.particular_markers_en or t.tag_ == "JJS" and t.lower_ not in ("most", "least")
                            for t in doc[min(span.root.left_edge.i, span.start - 1) : span.start])]
    spans = [(m, span) for m, span in spans if span is None or span.start not in unnamed_ones]
    spans = [(m, s) for m, s in spans if s is not None]
    documents = [m for m, _ in spans if entities.types.get(m.entity_id) == "document"]
    named_roots = {span.root.i for _, span in spans}
    name_tokens = {i for _, span in spans for i in range(span.start, span.end)}
    # A trigger word inside a name ("Internet connection platform") is part of the name.
    # ... and so is one inside a quoted title or term ("Notice on ... centralized deposit ...").
    quoted = _quoted_names(doc.text)
    matches = [
        (t, span) for t, span in trigger_spans(doc, taxonomy)
        if span.root.i not in name_tokens and not any(s <= span.start_char and span.end_char <= e for s, e in quoted)
    ]  # fmt: skip
    speech = {span.root.i for t, span in matches if taxonomy.types[t].speaker_only}
    routed = _routed_through(doc, spans, matches, speech, entities, taxonomy)
    routed_heads = {span.root.i for _, span in routed}
    issued_from = _rules_from(doc, spans, matches, entities)
    # Requirements are read before the switch-overs join the triggers: "must be processed through
    # NetsUnion" is both the switch-over and the requirement to make it.
    modal_matches = _modal_requirements(doc, matches, name_tokens, speech)
    matches = sorted(matches + routed + [("issue", doc[i : i + 1]) for i in issued_from], key=lambda m: m[1].start)
    modal = {span.root.i for _, span in modal_matches}
    matches = sorted(matches + modal_matches, key=lambda m: m[1].start)
    trigger_tokens = {span.root.i: type_id for type_id, span in matches}
    speech_lemmas = {lemma for t in taxonomy.types.values() if t.speaker_only for lemma in t.en_lemmas}
    # "…, according to the central bank": whose word it is, no party of the act
    attribution = _within([t for t in doc if t.lower_ == "according" and t.dep_ == "prep"])
    events = []
    dated_only: set[int] = set()  # indexes of events kept only with a date of the sentence
    rule_tellers: set[int] = set()  # tokens of verbs by which a regulator tells a rule ("has told firms that … must")
    timed_only: set[int] = set()  # ... or with a deadline it sets ("from that date")
    for type_id, trigger in matches:
        if taxonomy.types[type_id].speaker_only and _directs(trigger.root):
            type_id = "require"  # "the department told payment institutions to close their accounts"
        spec = taxonomy.types[type_id]
        head = trigger.root
        carrier = head if head.i in issued_from else _carrier(head)  # a rule from X: the noun tells the act
        if (
            _is_carrier_of_other(head, trigger_tokens, type_id) and not _told_with_its_object(head, spec)
            or _is_subject_of_trigger(head, trigger_tokens)
            or _is_object_of_swallower(head, trigger_tokens)
            or _part_of_a_demand(head, type_id, trigger_tokens)
        ):
            continue
        if _ended(head, carrier, taxonomy):
            continue  # "Bank of China terminated its cooperation with Alipay": not a cooperation
        if (head.dep_ == "dobj" and head.head.i in trigger_tokens and _told_with_its_object(head.head, taxonomy.types[trigger_tokens[head.head.i]])
                and not _set_of_its_own(head, sentence, timexes)):
            continue  # "met the deadline": the deadline is what was met, no act of the one who met it
        if type_id == "deadline" and _a_time_told_by(head) and not _set_of_its_own(head, sentence, timexes):
            continue  # "handled 1.3 billion transactions on the day of the deadline": when, not a deadline set
        misread_subjects = []
        if (head.dep_ == "amod" and head.i < head.head.i and head.tag_ in ("VBN", "VBD") and len(trigger) == 1
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent", "dobj") for c in head.children)):
            # "the Net Union and the Wealth Pay Through signed bar code … agreement": a translated
            # clause the parser read as a noun phrase; the names right before the verb are its subject
            misread_subjects = _names_just_before(head, spans, entities)
            if not misread_subjects:
                continue  # "licensed payment firms", "the registered capital": a participle describing a noun
        if head.pos_ in ("NOUN", "PROPN") and _topic_of_talk(head, taxonomy.topic_verbs_en):
            continue  # "met to discuss a pilot for full deposits": a topic, no launch, no deposit
        if head.pos_ == "NOUN" and _topic_of_a_document(head, taxonomy):
            continue  # "issued a notice on the full deposit of reserves": what the notice is about
        if (head.pos_ == "NOUN" and spec.category == "regulatory" and _topic_of_talk(head, taxonomy.complying_verbs_en)
                and not _set_of_its_own(head, sentence, timexes)):
            # "the company fully supports the regulatory requirements": no one's demand told here
            # ("met a June 30 deadline set by the central bank" tells the deadline's own setting)
            continue
        subjects, passive = (misread_subjects, False) if misread_subjects else _subject(carrier)
        if (not subjects and type_id in UNDERGONE_BY_THE_NOUN and carrier.dep_ == "acl" and carrier.tag_ == "VBN"
                and carrier.head.pos_ in ("NOUN", "PROPN")):
            # "NetsUnion, set up in August 2017, …": the noun a past participle describes underwent it
            subjects, passive = [carrier.head], True
        if _asked_subject(carrier, subjects):
            continue  # "We have not been able to confirm which body issued it": nobody is told
        # ("NetsUnion, which was set up by the PBOC's clearing center, said …", "Alipay, operated
        # by Ant Financial, moved …": a clause describing a named subject names no one else who
        # did the act, unless the act is told in it; "the payments that payment institutions
        # handle" are told by whose they are)
        describing = [c for s in subjects if s.i in named_roots for c in s.children
                      if c.dep_ in ("relcl", "acl") and head not in c.subtree]
        subject_ids = (_within(subjects) - _within(describing)) | _relative_antecedent(carrier, subjects)
        actor_tokens = subject_ids | _within(_agent(carrier))
        setters: list[str] = []
        if head.pos_ in ("NOUN", "PROPN"):
            actor_tokens |= _within([c for c in head.children if c.dep_ in NOUN_ACTORS])
            # "a June 30 deadline set by the central bank": the agent of the participle describing the act noun
            setter_tokens = _within([g for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in _agent(c)])
            actor_tokens |= setter_tokens
            setters = _ids(spans, setter_tokens, entities) if carrier is not head else []
        actors = _ids(spans, actor_tokens, entities) or _they(subjects, spans, entities) or _ids(spans, _named_by_copula(head), entities)
        held = []
        if setters:
            # ("payment firms met a June 30 deadline set by the central bank": the bank set it, for
            # the firms the verb carrying it is told of)
            actors, held = setters, [a for a in actors if a not in setters]
        if type_id in ISSUED_AS_WHOSE and carrier.dep_ == "acl" and carrier.tag_ == "VBN" and carrier.head.pos_ in ("NOUN", "PROPN"):
            # "under a central bank notice issued at the end of June, payment institutions must …":
            # the body the notice is told as being of issued it, not the subject of the clause
            owners = _within([c for c in carrier.head.children if c.dep_ in ("compound", "poss", "nmod", "amod")])
            actors = [i for i in _ids(spans, owners, entities) if entities.types.get(i) not in NO_ISSUER_TYPES and i not in entities.collectives] or actors
        teller = _teller(head, spans, entities) if head.i in modal and type_id == "require" else []
        # "Earlier this year, it told payment firms that all transactions must be processed …": the
        # teller is a regulator named before, found as "it" is (narrative.py)
        teller_reference = (back_reference_of(_teller_subjects(head), taxonomy)
                            if head.i in modal and type_id == "require" and not teller else None)
        if teller or teller_reference:
            rule_tellers.add(head.head.i)
        if head.i in modal and type_id == "require" and (teller or teller_reference or not passive):
            # "payment institutions must route …": they are required; the rule's issuer requires,
            # or the regulator that tells it ("the department notified them that they must …",
            # "told payment firms that transactions must be routed …": the agent of a passive
            # verb under "must" does that act, the regulator telling it requires it).
            actors, targets = teller, actors or _told(head, spans, entities)
        elif type_id == "deadline" and trigger[0].lemma_ in ("have", "give") and not passive:
            # "told banks and payment firms that they had until June 30 to move …": those who have
            # until a day are bound by the limit; who set it is the regulator telling them
            actors, targets = _teller(head, spans, entities), list(dict.fromkeys(actors + held + _told(head, spans, entities)))
        elif (not passive and told_by_its_object(spec, head.text)
              and any(c.dep_ == "aux" and c.lower_ in REQUIRING_MODALS for c in head.children)):
            # "payment institutions must raise the share …": those who must raise it are bound;
            # who demands it is the rule's issuer (narrative.py), as for "must route"
            actors, targets = [], actors + [t for t in held if t not in actors]
        elif passive and spec.passive == "target":
            agents = _ids(spans, _within(_agent(carrier)), entities)
            actors, targets = agents, [a for a in actors if a not in agents]
        elif head.i in routed_heads:
            # "must through the NetsUnion platform processing": the house that handles the payments
            # is where the traffic goes, not who moves it.
            houses = [a for a in actors if entities.types.get(a) in taxonomy.routing.to]
            actors, targets = [a for a in actors if a not in houses], houses
        else:
            targets = list(held)
        scope = _within([head]) | (_within([carrier]) if carrier is not head else set())
        # An event nested below this one keeps its own participants.
        swallowed = {c.i for c in head.children if c.dep_ == "dobj"} if type_id in OBJECT_SWALLOWING_TYPES else set()
        nested = _within([doc[i] for i in trigger_tokens if i not in swallowed | {head.i} and i in scope and doc[i] not in subjects])
        scope = scope - actor_tokens - nested - _guiding(head, taxonomy) - attribution - _clauses_joined(head) - _clauses_within(head)
        if head.i not in modal or type_id != "require":  # who must act is the subject; what follows is what they must do
            targets += [e for e in _ids(spans, {i for i in scope if i >= trigger.start}, entities) if e not in actors and e not in targets]
        if head.i in issued_from:  # "a notice from the PBOC General Office": the office issued it
            actors, targets = issued_from[head.i], []
        actors = [a for a in actors if entities.types.get(a) != "document"]
        targets = [t for t in targets if entities.types.get(t) != "document"]
        needs_date = head.i in issued_from  # undated, "rules from the PBOC" tells no act
        if head.pos_ == "NOUN" and not actors and not targets and type_id == "deadline":
            # "The deadline for the whole industry fell on June 30, when direct connections between
            # payment institutions and banks were cut": the deadline of the sentence's parties, if dated.
            targets = [i for i in _ids(spans, set(range(len(doc))), entities) if entities.types.get(i) in INSTITUTION_TYPES]
            # ("distance June 30 big limit only left 20 days": a dated deadline naming no one is the
            # industry's the article is about; narrative.py finds whose)
            needs_date = partyless_deadline = True
        else:
            partyless_deadline = False
        # "The platform begins trial operation": the noun is what a verb's subject, pointing back
        # to an institution, does; "it is a big migration" (a copula) tells nothing was done.
        # "its switch-over had been completed": the act of the one "its" points back to
        possessed = head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for t in trigger for c in t.children)
        if (head.pos_ == "NOUN" and head.dep_ not in ("compound", "amod", "nmod") and head.head.lemma_ != "be" and not actors and not possessed
                and type_id in taxonomy.figure_owner_acts and taxonomy.figure_owner):
            # "the first deposit was made": only the institutions deposit reserves ("the deposit
            # ratio" names a share, "the deposit is important" no act)
            actors = [taxonomy.figure_owner]
        if head.pos_ == "NOUN" and not actors and not targets and not partyless_deadline and not possessed and not (
            carrier.pos_ == "VERB" and carrier.lemma_ != "be" and not passive
            and (back_reference_of(subjects, taxonomy) or _pair_reference(subjects, taxonomy))
        ):
            continue  # "a clear requirement", "the completion": a noun with nobody attached says no event
        if spec.speaker_only:
            people = [a for a in actors if entities.types.get(a) == "person"]
            statement = _institution_statement(head, actors, doc, entities, taxonomy)
            if not people and statement:
                # "CITIC Bank said on July 31 that …": the bank's announcement, if the day is told.
                type_id, spec, people, needs_date = statement, taxonomy.types[statement], actors, True
            if not people:
                continue
            actors, targets = people, []
        # What someone says ("a payment institution told the reporter that ...") is a claim;
        # what an institution or anonymous sources say of an act is told as fact, or as reported.
        speech_above = [a for a in head.ancestors if a.lemma_.lower() in speech_lemmas and a.pos_ == "VERB" and a.i not in name_tokens
                        and not _rule_speaks(a, spans, entities) and not _nobody_speaks(a)]
        # ("NetsUnion, which began trial operations in March 2017, said …": a clause describing
        # the speaker tells its own act, neither said nor the saying)
        speech_above = [a for a in speech_above if not _describes_the_speaker(a, head)]
        if head.pos_ == "NOUN" and speech_above and not _says(speech_above[0], head):
            continue  # "said in a statement": the statement is the saying, told by the speech verb
        speakers = [a for a in speech_above if _says(a, head)]  # nearest first
        if not actors and not passive and speakers and any(s.lower_ in SPEAKER_PRONOUNS for s in subjects):
            actors = _speaker_of(speakers[0], spans, entities)  # "Tenpay said it had finished …": it is Tenpay
        pair_reference = not actors and not passive and _pair_reference(subjects, taxonomy)
        pair = _last_two_named(spans, trigger.start, entities) if pair_reference else []
        if pair:
            actors = pair  # (a pair named in the sentences before is found there: narrative.py)
        elif not actors and passive and spec.category != "regulatory" and _owned_by_the_figure_owner(subjects, taxonomy):
            # "reserves would be fully deposited with the PBOC": the institutions' reserves, their
            # act; not that of a body named before ("a briefing held by the State Council …")
            actors = [taxonomy.figure_owner]
        elif (not actors and spec.positional_actor and head.i not in modal | routed_heads and not _relative_of_a_plain_noun(carrier, subjects)
              and not (passive and spec.refers_back)):
            # ("a bank had published the notice …, but the notice was deleted on the 27th": who
            # deleted it is who published it, the act it answers tells; not the name nearest before)
            nearest = _nearest_before(spans, trigger.start, entities, exclude=set(targets))
            if type_id in RULES_MADE_BY_SAYING and told_by_its_object(spec, head.text):
                # "the share of client reserves of payment institutions … will be raised": the
                # name before a raised ratio is whose ratio it is, bound by the rule, no doer
                targets += [n for n in nearest if entities.types.get(n) != "regulator"]
                actors = [n for n in nearest if entities.types.get(n) == "regulator"]
            else:
                actors = nearest
        target_reference = None
        if actors and not targets and spec.positional_target:
            targets = [i for i in _nearest_before(spans, trigger.start, entities, exclude=set(actors))
                       if entities.types.get(i) in spec.positional_target]
            # "Alipay connected to the platform": the clearing house named in the sentences before
            objects = [g for c in carrier.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            objects += [c for c in carrier.children if c.dep_ == "dobj"]
            reference = back_reference_of(objects, taxonomy) if not targets else None
            if reference and set(taxonomy.back_actors_en.get(reference, ())) & set(spec.positional_target):
                target_reference = reference
            elif (not targets and not any(o.head.lower_ in OTHER_END_PREPOSITIONS or o.dep_ == "dobj" for o in objects if o not in trigger)
                  and not any(entities.types.get(a) in spec.positional_target for a in actors)):
                # "the first batch of access is four banks and …", "Tenpay has also connected": a
                # connection told without its other end is to the house the passage is about (not
                # when a house is among its doers: "the two sides completed the connection")
                target_reference = IMPLIED_TARGET
        if spec.object_named is not None and not passive and not targets and _unnamed_object(head, carrier, name_tokens, taxonomy):
            continue  # "NetsUnion will set up new data centres": no founding of a party
        own_thing = _thing_of_its_own(head, spans) if type_id in DOCUMENT_OBJECT_TYPES else None
        document = _document(documents, spans, scope, trigger.start, own_thing)
        back_reference = teller_reference or (None if actors or passive else back_reference_of(subjects, taxonomy))
        if pair_reference and not actors:
            back_reference = PAIR_REFERENCE
        elif possessed and not actors and not back_reference:
            back_reference = "it"
        elif passive and not actors and not back_reference and type_id in TOLD_OF_THE_UNDERGOER and any(t.lower_ == "it" for t in subjects):
            # "It was formally registered in Beijing the following August": what was founded (or
            # launched) is the one "it" points back to, whose founding it is ("the company was
            # registered" is left to the page's topic)
            back_reference = "it"
        if back_reference and any(at < trigger.start for at in unnamed_ones):
            continue  # "Some payment institution's head said the company had finished": that one, unnamed
        theme = None if actors or targets or document or back_reference else _theme(subjects, head)
        # (a speaker before a turn to another speaker, "…, but the PBOC later said …", tells none of what follows it)
        speakers = [a for a in speakers if not _SAYING_AFTER_A_TURN.search(doc.text[a.idx : trigger.end_char].lower())]
        stances = [_stance(a, spans, doc, entities, taxonomy) for a in speakers] if not spec.speaker_only else []
        if spec.refers_back:
            stances = [s for s in stances if s != "reported"]  # a rumour does not deny itself: the parse hung the denial on it
        claimed = any(stance is None for stance in stances)
        if needs_date:
            dated_only.add(len(events))
        if head.i in routed_heads and type_id != "require":
            # "Barcode payments are cleared through UnionPay": how payments run, no event, unless timed.
            timed_only.add(len(events))
        events.append(
            EventMention(
                sentence_idx=sentence.idx,
                type=type_id,
                category="claim" if claimed else spec.category,
                trigger=trigger.text,
                start=sentence.start + trigger.start_char,
                end=sentence.start + trigger.end_char,
                factuality=_reported_by(stances, _planned_by_noun(_factuality(doc, trigger, carrier, taxonomy, type_id), head, spec, taxonomy)),
                actors=actors,
                targets=targets,
                document=document,
                theme=theme,
                # (a verb told by its object, "met the deadline", does not act on it: no "completed the deadline")
                object_type=None if _told_with_its_object(head, spec) else next(
                    (trigger_tokens[c.i] for c in head.children if c.dep_ == "dobj" and c.i in trigger_tokens), None),
                back_reference=back_reference,
                target_back_reference=target_reference,
                unnamed_document=None if document else _new_unnamed_document(head) or own_thing,
                beside_a_demand=_joined_to_a_demand(carrier, trigger_tokens),
            )
        )
    events += _told_by_source(doc, sentence, spans, entities, taxonomy)
    _attach_dates(events, doc, sentence, timexes, taxonomy)
    _limited_by_the_deadline_met(events, doc, sentence, taxonomy)
    # The regulator's telling is the rule it tells, not an announcement of its own beside it.
    told_rules = {sentence.start + doc[i].idx for i in rule_tellers}
    announcing = taxonomy.institution_statements.type if taxonomy.institution_statements else None
    return [e for i, e in enumerate(events) if (i not in dated_only or e.date) and (i not in timed_only or e.date or e.deadline)
            and not (e.type == announcing and e.start in told_rules)]


def _institution_statement(verb: Token, actors: list[str], doc: Doc, entities: EntityInfo, taxonomy: Taxonomy) -> str | None:
    """The type of what institutions themselves say with this verb (an announcement, a denial),
    or None: a person's words, a whole industry's, or an opinion."""
    statements = taxonomy.institution_statements
    if not statements or not entities.are_bodies(actors):
        return None
    return statements.type_of("en", verb.lemma_, doc[verb.i + 1 :].text)


def _stance(verb: Token, spans, doc: Doc, entities: EntityInfo, taxonomy: Taxonomy) -> str | None:
    """How an act told in what `verb` says stands: "asserted" when an institution says it
    ("NetsUnion said it had signed an agreement with Tenpay"), "denied" when it says it is
    untrue, "reported" when anonymous sources tell it ("..., people familiar with the matter
    said"), None when it is someone's claim (a person's words, an opinion: "analysts expect")."""
    statements = taxonomy.institution_statements
    speakers = _said_by(verb, spans, entities)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.i > 0 and doc[verb.i - 1].pos_ == "NOUN":
        subjects = [doc[verb.i - 1]]  # a translation's "there was news said that …": the noun before it
    phrase = " ".join(t.lower_ for s in subjects for t in s.subtree)
    if not speakers and any(re.search(rf"\b{re.escape(cue)}\b", phrase) for cue in taxonomy.anonymous_sources.get("en", ())):
        return "reported"  # whatever the verb: "sources said", "a report claimed"
    # "…, the company said": an institution named before speaks of its own act, as a named one does
    speaks_back = not speakers and back_reference_of(subjects, taxonomy)
    if not speaks_back and not entities.are_bodies(speakers) and _an_unnamed_institution(subjects, taxonomy):
        return "reported"  # "…, one of the participating payment firms said in a statement" (a member of a group)
    if statements is None or verb.lemma_.lower() not in statements.verbs.get("en", ()):
        return None
    # ("a number of commercial banks including ICBC said": the named members speak for the group)
    named_speakers = [s for s in speakers if s not in entities.collectives]
    if entities.are_bodies(named_speakers) or speaks_back:
        # "UnionPay said reports that it had signed an agreement with Alipay were untrue"
        untrue = statements.type_of("en", verb.lemma_, doc[verb.i + 1 :].text) == statements.untrue_type
        return "denied" if untrue else "asserted"
    if not speakers and any(re.search(rf"\b{re.escape(word)}\b", phrase) for word in taxonomy.official_speakers_en):
        return "asserted"
    return None


def _owned_by_the_figure_owner(subjects: list[Token], taxonomy: Taxonomy) -> bool:
    """Whether a passive subject is a thing figure_owner has ("reserves", "100% of client
    reserves"), with no name in it."""
    words = taxonomy.figure_owner_words("en")
    return any(s.dep_ == "nsubjpass" and any(t.lower_ in words for t in s.subtree) and not any(t.pos_ == "PROPN" for t in s.subtree)
               for s in subjects)


def _an_unnamed_institution(subjects: list[Token], taxonomy: Taxonomy) -> bool:
    """Whether the speaker is an institution of a kind, unnamed: "a payment company", "two
    banks", "one of the participating firms" (the noun after "of" when the head is a number)."""
    for subject in subjects:
        heads = [subject] + [g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                             if g.dep_ == "pobj" and subject.pos_ in ("NUM", "PRON", "DET", "ADJ")]
        if any(h.lemma_.lower() in taxonomy.unnamed_institutions_en for h in heads):
            return True
    return False


def _said_by(verb: Token, spans, entities: EntityInfo) -> list[str]:
    """Who a speech verb's subject names: "Tenpay, Tencent's payment unit, said" and "Tenpay,
    which runs WeChat Pay, said" are Tenpay's (an apposition or a relative clause describes the
    speaker, it is no other). A translation's "Many banks issued an announcement, said that …"
    (发布公告称) leaves the saying without a subject: the clause before it, with its own, tells who."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        before = [c for c in verb.children if c.dep_ in ("ccomp", "advcl", "conj") and c.i < verb.i]
        if verb.dep_ == "conj":
            before.append(verb.head)
        subjects = [g for c in before[-1:] for g in c.children if g.dep_ == "nsubj"]
    described = _within([a for s in subjects for a in s.children if a.dep_ in ("appos", "relcl", "acl")])
    return _ids(spans, _within(subjects) - described, entities)


def _speaker_of(verb: Token, spans, entities: EntityInfo) -> list[str]:
    """The institutions (or groups of them) whose words the speech verb tells, else none."""
    said_by = _said_by(verb, spans, entities)
    return said_by if said_by and all(entities.types.get(i) in INSTITUTION_TYPES for i in said_by) else []


def _describes_the_speaker(verb: Token, head: Token) -> bool:
    """Whether `head` is in a clause describing the speech verb's subject ("NetsUnion, which began
    trial operations in March 2017, said …")."""
    below = next(t for t in [head, *head.ancestors] if t.head.i == verb.i)
    between = [t for t in [head, *head.ancestors] if below in t.ancestors]  # from the act up to the subject
    return below.dep_ in ("nsubj", "nsubjpass") and any(t.dep_ in ("relcl", "acl", "appos") for t in between)


def _says(verb: Token, head: Token) -> bool:
    """Whether `head` is in what `verb` says, not in how it is said ("In a statement, UnionPay
    said …": the statement is the saying itself)."""
    below = next(t for t in [head, *head.ancestors] if t.head.i == verb.i)
    return below.dep_ not in ("prep", "npadvmod", "advmod", "nsubj", "dobj", "dative")


def _reported_by(stances: list[str | None], factuality: str) -> str:
    """An act its speaker calls untrue is denied; one the sentence tells as fact is only
    reported when anonymous sources tell it."""
    if "denied" in stances:
        return "denied"
    return "reported" if factuality == "asserted" and "reported" in stances else factuality


def _directs(verb: Token) -> bool:
    """"told payment institutions to close …": a speech verb with an object and what that object
    is to do directs it; it is no one's comment."""
    # ... and "payment firms were told (by the central bank) to deposit …": the subject is told
    return verb.pos_ == "VERB" and verb.lemma_.lower() in DIRECTIVE_VERBS and (
        any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _teller(verb: Token, spans, entities: EntityInfo) -> list[str]:
    """The regulator whose words a clause is ("X notified them that they must ..."): the subject
    of the verb the clause completes."""
    return [i for i in _ids(spans, _within(_teller_subjects(verb)), entities) if entities.types.get(i) == "regulator"]


def _teller_subjects(verb: Token) -> list[Token]:
    """The subject of the verb a clause completes ("X notified them that …"), if it completes one."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _told(verb: Token, spans, entities: EntityInfo) -> list[str]:
    """The institutions a regulator's clause is told to ("told payment firms that payments must
    ..."): the object of the verb the clause completes."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return []
    told = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    return [i for i in _ids(spans, _within(told), entities) if entities.types.get(i) in INSTITUTION_TYPES]


def _pair_reference(subjects: list[Token], taxonomy: Taxonomy) -> bool:
    """"both sides", "the two parties": a subject naming the pair told just before."""
    return any(s.lemma_.lower() in taxonomy.pair_nouns_en and any(c.lower_ in ("both", "two") for c in s.children) for s in subjects)


def _last_two_named(spans, start: int, entities: EntityInfo) -> list[str]:
    """The last two institutions named before a token, in the order they were named."""
    return last_pair([m.entity_id for m, s in spans if s.end <= start and entities.types.get(m.entity_id) in INSTITUTION_TYPES])


def _names_just_before(verb: Token, spans, entities: EntityInfo) -> list[Token]:
    """The roots of the institutions named right before a verb, joined by "and" or commas ("the
    Net Union and the Wealth Pay Through signed"); none when a word of another kind stands between."""
    found, at = [], verb.i - 1
    by_end = {span.end - 1: span for m, span in spans if entities.types.get(m.entity_id) in INSTITUTION_TYPES}
    while at >= 0:
        if at in by_end:
            span = by_end[at]
            found.append(span.root)
            at = span.start - 1
        elif found and verb.doc[at].lower_ in ("and", ",", "the", "、"):
            at -= 1
        else:
            break
    return found


def _they(subjects: list[Token], spans, entities: EntityInfo) -> list[str]:
    """"notified payment institutions that they must close ...": "they" is the group named last
    before it in the sentence."""
    if not any(s.lower_ == "they" for s in subjects):
        return []
    before = [m.entity_id for m, span in spans if span.end <= subjects[0].i and m.entity_id in entities.collectives]
    return before[-1:]


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted words that name rather than tell: a title a translation leaves
    unlinked ("Notice on the implementation of ... centralized deposit ...") or a term ("one point
    access"). A quoted sentence (speech, ending in its own full stop or in a comma before its
    speaker, or long) still tells events.
    English only: Chinese news quotes the words of its events (将“断直连”…), and its titles stand
    in 《》, which the entity stage reads as names."""
    found = []
    for match in QUOTED.finditer(text):
        inner = next(g for g in match.groups() if g is not None).strip()
        spoken = inner.endswith(",") and _ATTRIBUTED_AFTER.match(text, match.end()) is not None
        if not inner.endswith(SENTENCE_END) and not spoken and len(inner.split()) <= MAX_QUOTED_NAME_WORDS:
            found.append((match.start(), match.end()))
    return found


def back_reference_of(subjects: list[Token], taxonomy: Taxonomy) -> str | None:
    """The anaphor a subject is ("the platform", "this company", "it"), if it is one of those
    events.yaml lists; the institution it stands for is found among the sentences before."""
    # "the association's member congress approved": a body of the institution acts for it
    owners = [c for subject in subjects for c in subject.children if c.dep_ == "poss"]
    for subject in [*subjects, *owners]:
        if subject.lower_ == "it" and "it" in taxonomy.back_actors_en:
            return "it"
        words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "case"]
        if not words or words[0].lower_ not in ("the", "this", "that"):
            continue
        phrase = " ".join(t.lemma_.lower() for t in words[1:])
        if phrase in taxonomy.back_actors_en:
            return phrase
    return None


def _told_by_source(doc: Doc, sentence: Sentence, spans, entities: EntityInfo, taxonomy: Taxonomy) -> list[EventMention]:
    """"The reporter learned from NetsUnion that ...": the organisation after "from" told it."""
    out = []
    for token in doc:
        if token.lemma_.lower() not in taxonomy.learned_from.get("en", ()) or token.pos_ != "VERB":
            continue
        sources = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        # The source's own noun phrase ("from the China Payment Clearing Association"), not what
        # hangs on it ("from people close to the matter that Alipay and UnionPay ...").
        phrase = {i for g in sources for i in range(g.left_edge.i, g.i + 1)}
        # A named organisation; "several payment institutions" (a group) tells as no one does.
        actors = [i for i in _ids(spans, phrase, entities)
                  if entities.types.get(i) not in ("person", "document", "place", "media") and i not in entities.collectives]
        if actors:
            out.append(EventMention(sentence_idx=sentence.idx, type="announce", category=taxonomy.types["announce"].category,
                                    trigger=token.text, start=sentence.start + token.idx, end=sentence.start + token.idx + len(token.text),
                                    actors=actors))  # fmt: skip
    return out


def _nobody_speaks(verb: Token) -> bool:
    """"NetsUnion is expected to go online", "is said to": a passive speech verb with no agent
    names no speaker; it hedges the event (its factuality), it does not make it a claim."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not _agent(verb)


def _rule_speaks(verb: Token, spans: list[tuple[Mention, Span]], entities: EntityInfo) -> bool:
    """"…, the notice said", "the central bank said": a rule or a regulator states what it
    requires; that is the rule itself, not someone's claim about it."""
    for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
        if subject.lemma_.lower() in RULE_NOUNS:
            return True
        named = _ids(spans, {t.i for t in subject.subtree}, entities)
        if any(entities.types.get(i) in ("document", "regulator") for i in named):
            return True
    return False


def _routed_through(doc: Doc, spans, matches: list[tuple[str, Span]], speech: set[int], entities: EntityInfo,
                    taxonomy: Taxonomy) -> list[tuple[str, Span]]:
    """A verb of handling with a clearing house after through/via ("payments must be processed
    through NetsUnion or UnionPay"): the switch-over to the house, whatever the verb; unless it
    tells what another event is about ("requested that all payments be processed through …":
    the request's content, its parties the request's), as for a modal requirement."""
    routing = taxonomy.routing
    if routing is None:
        return []
    houses = {span.root.i for m, span in spans if entities.types.get(m.entity_id) in routing.to}
    triggers = {i for _, span in matches for i in range(span.start, span.end)}
    found = []
    for token in doc:
        if token.i in triggers or any(a.i in triggers and a.i not in speech for a in token.ancestors):
            continue
        if token.pos_ == "VERB" and _lemma(token, routing.en_motion_verbs) in routing.en_motion_verbs and any(
                c.dep_ == "prep" and c.lower_ in routing.en_motion_prepositions for c in token.children):
            through = [c for c in token.children if c.dep_ == "prep" and c.lower_ in routing.en_prepositions | routing.en_motion_prepositions]
        elif token.pos_ == "VERB" and _lemma(token, routing.en_verbs) in routing.en_verbs:
            # "processed through NetsUnion"; "handled by NetsUnion since last June" too, unless a
            # modal makes it what a rule requires (that is read as the requirement)
            through = [c for c in token.children if c.dep_ == "prep" and c.lower_ in routing.en_prepositions
                       or c.dep_ == "agent" and not any(a.dep_ == "aux" and a.lower_ in REQUIRING_MODALS for a in token.children)]
        elif token.pos_ == "NOUN" and _ROUTING_NOUN.get(token.lower_) in routing.en_verbs and token.dep_ == "pobj":
            # A word-by-word translation of 必须通过网联平台处理: "must by the network connection
            # platform processing", "through the Internet Union platform processing": the house
            # names the noun of handling that the preposition governs.
            through = [token.head] if token.head.lower_ in routing.en_prepositions | {"by"} else []
        else:
            continue
        if any(t.i in houses for prep in through for t in prep.subtree):
            found.append((routing.type, doc[token.i : token.i + 1]))
    return found


# Nouns of handling as a literal translation writes them, and the verb they stand for.
_ROUTING_NOUN = {"processing": "process", "handling": "handle", "clearing": "clear", "settlement": "settle"}


def _rules_from(doc: Doc, spans, matches: list[tuple[str, Span]], entities: EntityInfo) -> dict[int, list[str]]:
    """"A notice from the PBOC General Office in January 2017", "last August's notice from the
    central bank's Payment and Settlement Department": a rule noun with a regulator after "from"
    tells its issue by that regulator. Rule noun index -> the regulators."""
    triggers = {i for _, span in matches for i in range(span.start, span.end)}
    names = [(m, span) for m, span in spans if entities.types.get(m.entity_id) == "regulator"]
    found = {}
    for token in doc:
        if token.lemma_.lower() not in RULE_NOUNS or token.pos_ != "NOUN" or token.i in triggers:
            continue
        heads = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        inside = {t.i for g in heads for t in g.subtree}
        # The body the phrase is about: "the central bank's Payment and Settlement Department" is the department's.
        regulators = [m.entity_id for m, span in names if span.root.i in inside]
        headed = [m.entity_id for m, span in names if span.root in heads]
        if regulators:
            found[token.i] = (headed or regulators[-1:])[:1]
    return found


def _modal_requirements(doc: Doc, matches: list[tuple[str, Span]], name_tokens: set[int], speech: set[int]) -> list[tuple[str, Span]]:
    """A verb under "must", "shall" or "should" is a requirement ("all payments must be processed
    through the platform from June 30"), unless it is an event of its own (its modal then only
    marks it required), tells what another event is about (what someone says still counts: "…,
    the notice said"), or sits inside a name."""
    triggers = {i for _, span in matches for i in range(span.start, span.end)}
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.i in triggers or token.i in name_tokens:
            continue
        if any(a.i in triggers and a.i not in speech for a in token.ancestors):
            continue  # "requested that all payments should be processed …": the content of that event
        if any(c.dep_ == "aux" and c.lower_ in REQUIRING_MODALS for c in token.children):
            found.append(("require", doc[token.i : token.i + 1]))
        elif token.dep_ == "ccomp" and _has_to(token) and not any(c.i in triggers for c in token.children if c.dep_ == "xcomp"):
            found.append(("require", doc[token.i : token.i + 1]))  # "told them links had to be cut by June"
    return found


def _has_to(token: Token) -> bool:
    """"have to" and "had to" as a modal: "have" completed by a "to" verb ("firms have to route
    payments through NetsUnion", "told them their links had to be cut")."""
    return token.lemma_.lower() == "have" and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in token.children
    )


def _is_carrier_of_other(head: Token, triggers: dict[int, str], type_id: str) -> bool:
    """A verb whose object is another trigger only carries it ("launched cooperation")."""
    if type_id in EVENT_OBJECT_TYPES or type_id in OBJECT_SWALLOWING_TYPES:
        return False
    return any(c.i in triggers and c.dep_ in ("dobj", "attr", "oprd") for c in head.children)


def _limited_by_the_deadline_met(events: list[EventMention], doc: Doc, sentence: Sentence, taxonomy: Taxonomy) -> None:
    """"…, meeting a June 30 deadline set by the central bank": an undated act told by meeting a
    deadline that has its own day was done by that day. The day is its limit, not its date: the
    source says only that it was done in time."""
    days = {e.start: e.date for e in events if e.type == "deadline" and e.date}  # where each deadline is told
    for event in events:
        if event.date or event.deadline:
            continue
        token = doc.char_span(event.start - sentence.start, event.end - sentence.start, alignment_mode="expand")
        if token is None or not _told_with_its_object(token.root, taxonomy.types[event.type]):
            continue
        met = [days[sentence.start + c.idx] for c in token.root.children if c.dep_ == "dobj" and sentence.start + c.idx in days]
        if met:
            event.deadline = met[0]


def _a_time_told_by(noun: Token) -> bool:
    """Whether a noun only tells when something else happened: "before the deadline", "on the day
    of the deadline", "ahead of the deadline"."""
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ in TIME_PREPOSITIONS:
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in TIME_HEADS


def _set_of_its_own(noun: Token, sentence: Sentence, timexes: list[Timex]) -> bool:
    """Whether the object met tells its own setting: "meeting a June 30 deadline set by the
    central bank" (a day or a setter of its own), not just "met the deadline"."""
    by_someone = any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in noun.children)
    dated = any(t.start <= sentence.start + w.idx < t.end for w in noun.subtree if w.i < noun.i for t in timexes)
    return by_someone or dated


def _told_with_its_object(head: Token, spec: EventType) -> bool:
    """A verb that tells its type with that object ("met the deadline": a completion), even when
    the object is a trigger of its own: the verb carries no other act."""
    verbs, objects = spec.with_object.get("en", ((), ()))
    return head.lemma_ in verbs and any(c.dep_ == "dobj" and c.lemma_ in objects for c in head.children)


def _is_object_of_swallower(head: Token, triggers: dict[int, str]) -> bool:
    """"deleted the announcement", "issued the requirements": the noun is the thing acted on."""
    return head.dep_ in ("dobj", "nsubjpass") and triggers.get(head.head.i) in OBJECT_SWALLOWING_TYPES


def _part_of_a_demand(head: Token, type_id: str, triggers: dict[int, str]) -> bool:
    """"requiring payment institutions to gradually increase the proportion of centralized
    deposit": raising the share is what is demanded, the demand's own content, not a second
    demand by the institutions asked to raise it."""
    return type_id == "require" and any(triggers.get(a.i) == "require" and a.pos_ == "VERB" for a in head.ancestors)


def _is_subject_of_trigger(head: Token, triggers: dict[int, str]) -> bool:
    """"the UnionPay statement denied": the statement carries the denial; it is no event itself.
    (The passive subject of a completion, "its switch-over had been completed", is what was done.)"""
    if head.dep_ == "nsubjpass" and triggers.get(head.head.i) in EVENT_OBJECT_TYPES:
        return False
    return head.dep_ in SUBJECTS and head.head.i in triggers


def _joined_to_a_demand(verb: Token, triggers: dict[int, str]) -> bool:
    """Whether the verb heads a clause with its own subject joined to a demanding verb ("requires
    the business to go through the platform, and NetsUnion was also registered …"): a
    coordinate act, not part of what is demanded."""
    return verb.dep_ == "conj" and triggers.get(verb.head.i) == "require" and verb.head.pos_ == "VERB" and _has_its_own_subject(verb)


def _has_its_own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _clauses_joined(head: Token) -> set[int]:
    """Tokens of a clause with its own subject joined to the trigger's ("Tenpay completed the
    migration, and it is the first payment institution to do so"): none of its names is a party
    of the trigger's act."""
    return _within([c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                    and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)])


def _clauses_within(head: Token) -> set[int]:
    """Tokens of a relative clause with its own subject inside the act's phrase ("set up a
    clearing house in 2016, after years in which payment firms routed transactions through
    banks"): the firms and banks there are no parties of the setting up."""
    return _within([t for t in head.subtree if t.i != head.i and t.dep_ == "relcl"
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in _WH_TAGS for c in t.children)])


def _guiding(head: Token, taxonomy: Taxonomy) -> set[int]:
    """Tokens of the phrases under a trigger naming whoever guided or allowed the act ("set up
    under the guidance of the PBOC"): that body is no target of it."""
    return _within([t for t in head.subtree if t.lemma_.lower() in taxonomy.guide_nouns_en and t.dep_ == "pobj"])


def _ids(spans: list[tuple[Mention, Span]], tokens: set[int], entities: EntityInfo) -> list[str]:
    out: list[str] = []
    named_at = {s.root.i for m, s in spans if m.entity_id not in entities.collectives}
    named_from = {s.start for m, s in spans if m.entity_id not in entities.collectives}
    for mention, span in spans:
        # A place is where, an outlet who wrote it ("(Xinhua) --"): neither takes part in the event.
        if span.root.i in tokens and mention.entity_id not in out and entities.types.get(mention.entity_id) not in ("place", "media"):
            if _describes(span.root, named_at - {span.root.i}) or _owner_of_next_name(span, named_from):
                # "Lakala, a Shenzhen-based payment company, …", "Alipay, the payment arm of Ant
                # Financial", "Tencent's Tenpay": what the named party is or whose, no other party
                continue
            out.append(mention.entity_id)
    return out


def _owner_of_next_name(span: Span, named_from: set[int]) -> bool:
    """"Alipay and Tencent's WeChat Pay": a name whose "'s" a name follows owns that one, however
    the parse hung it (here as one more of a list)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].tag_ == "POS" and span.end + 1 in named_from


def _describes(token: Token, named_at: set[int]) -> bool:
    """Whether a name stands in an apposition to a named party (or is that apposition's head),
    or is the owner a named party is told as ("Tencent's Tenpay")."""
    if token.dep_ == "poss" and token.head.i in named_at:
        return True
    for t in [token, *token.ancestors]:
        if t.dep_ == "appos":
            return t.head.i in named_at
        if t.dep_ == "conj":
            return False  # "Alipay, the arm of Ant Financial, and Tenpay": a party the parse hung inside the apposition
    return False


def _document(documents: list[Mention], spans, scope: set[int], start_char: int, own_thing: str | None) -> str | None:
    """The regulation an event concerns: one named in its clause, else the nearest before it,
    unless the act names a thing of its own that is no kind of document ("had issued the
    relevant self-discipline convention" is not the specification named before)."""
    span_of = {id(m): s for m, s in spans}
    inside = [m for m in documents if span_of[id(m)].root.i in scope]
    if not inside and own_thing:
        return None
    before = [m for m in documents if span_of[id(m)].end_char <= start_char]
    chosen = (inside or before[-1:] or documents)[:1]
    return chosen[0].entity_id if chosen else None


def _nearest_before(spans, start: int, entities: EntityInfo, *, exclude: set[str]) -> list[str]:
    before = [
        m.entity_id for m, s in spans
        if s.end <= start and m.entity_id not in exclude
        and entities.types.get(m.entity_id) not in ("document", "place", "media", "person")
    ]  # fmt: skip
    return before[-1:]


def _thing_of_its_own(head: Token, spans) -> str | None:
    """The unnamed object of the act when it is no kind of document ("issued the relevant
    self-discipline convention"): the act is on that, not on a document named before. (A passive
    participle has no object: "The rules, issued by the central bank on …, cap payments" is a
    parse that hung the main clause's object on it.)"""
    if any(c.dep_ in ("agent", "auxpass") for c in head.children):
        return None
    named = {t.i for _, s in spans for t in s}
    for noun in head.children:
        if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.i not in named and not {noun.lemma_.lower(), noun.lower_} & document_heads():
            return " ".join(t.text for t in noun.subtree if t.i <= noun.i)
    return None


def _new_unnamed_document(head: Token) -> str | None:
    """"issued a new notice", "a work plan, circulated in March": what the act is on, when it is
    told as new ("a", "an") and by no name: another document than any named before."""
    acted_on = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + _described_by(head)
    for noun in acted_on:
        if noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            return " ".join(t.text for t in noun.subtree if t.i <= noun.i)
    return None


def _theme(subjects: list[Token], head: Token) -> str | None:
    """What a role-less event is about, as written: "the disconnection" (has been postponed)."""
    for token in subjects + [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]:
        words = [t.text for t in token.subtree]
        if 0 < len(words) <= 6 and token.pos_ in ("NOUN", "PROPN"):
            return " ".join(words)
    return None


def _attach_dates(events: list[EventMention], doc: Doc, sentence: Sentence, timexes: list[Timex], taxonomy: Taxonomy) -> None:
    """Give each event the date its sentence says, and the deadline a "from/by" date sets; an
    event whose day the article leaves without a year keeps that day as `yearless`."""
    takers = _date_takers(doc, sentence, timexes, taxonomy)
    attach_dates(events, timexes, lambda some, dated: _attach(some, doc, sentence, dated, takers, taxonomy))


def _date_takers(doc: Doc, sentence: Sentence, timexes: list[Timex], taxonomy: Taxonomy) -> list[int]:
    """Where a word stands that takes a date before it for itself, leaving the acts after it
    without: "On 16th the reporter learned that the central bank has recently approved the plan"
    (the 16th is the day of the learning; "recently" says the approval came before it)."""
    recent = [t.start for t in timexes if dates_as_recent(t, taxonomy.recent_words.get("en", ()))]
    learned = [sentence.start + t.idx for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in taxonomy.learned_from.get("en", ())]
    return recent + learned


def _attach(events: list[EventMention], doc: Doc, sentence: Sentence, dated: list[Timex], takers: list[int],
            taxonomy: Taxonomy) -> None:  # fmt: skip
    if not dated:
        return
    cues = taxonomy.deadline_cues_en
    after_cues = taxonomy.after_cues.get("en", ())
    text = sentence.text

    def limit_cue(t: Timex) -> str | None:
        # "by June 30", and "ahead of a June 30 deadline", "by the June 30 deadline": the article
        # of the noun the date names stands between
        before = re.sub(r"\s+(?:the|a|an|its|their|this)$", "", text[: t.start - sentence.start].lower().rstrip())
        return next((cue for cue in cues if before.endswith(" " + cue) or before == cue), None)

    # The tokens of each date and the sentence's before/after clauses, read once for all its events.
    tokens_of = {(t.start, t.end): _tokens(doc, sentence, t.start, t.end) for t in dated}
    # "…raised month by month, until it reaches 100 percent on January 14": the day of an until-
    # clause's act is a limit, as "until January 14" is
    until_cues = {(t.start, t.end): _until_clause(tokens_of[(t.start, t.end)]) for t in dated}

    def until_cue(t: Timex, trigger: Span | None) -> str | None:
        until = until_cues[(t.start, t.end)]
        return until[0] if until and trigger is not None and trigger.start <= until[1] < trigger.end else None

    def is_deadline(t: Timex, trigger: Span | None) -> bool:
        return limit_cue(t) is not None or until_cue(t, trigger) is not None

    clauses = _order_clauses(doc, taxonomy)
    for event in events:
        spec = taxonomy.types[event.type]
        trigger = _tokens(doc, sentence, event.start, event.end)
        deadlines = [t for t in dated if is_deadline(t, trigger)]
        if event.factuality == "asserted" and event.type not in RULES_MADE_BY_SAYING:
            # "the platform has started trial operation since March 31": what was done since a
            # day began that day; "since" limits nothing
            deadlines = [t for t in deadlines if limit_cue(t) not in SINCE]
        plain = [t for t in dated if t not in deadlines]
        if spec.date_from_deadline:
            plain, deadlines = deadlines or plain, []
        learning = [t for t in plain if _dates_the_learning(event, trigger, t, text, sentence, taxonomy)]
        plain = [t for t in plain if _date_reaches(trigger, tokens_of[(t.start, t.end)], clauses, taxonomy)
                 and not _compared_with(text[: t.start - sentence.start])] or learning
        # "…under notice 114, issued by the General Office on 29 June 2018": a date the trigger
        # itself governs is its date, however near another date of the sentence stands.
        plain = [t for t in plain if _governed_by(trigger, tokens_of[(t.start, t.end)])] or plain
        # "The reporter learned yesterday that the platform started …": the day of the learning.
        plain = [t for t in plain if not _dates_a_verb_above(trigger, tokens_of[(t.start, t.end)], taxonomy.learned_from.get("en", ()))]
        if event.type not in RULES_MADE_BY_SAYING and any(
            _in_reach(trigger, tokens_of[(t.start, t.end)], taxonomy) for t in deadlines
        ):
            # "A spokeswoman said on Tuesday that payments had been handled by NetsUnion since last
            # June", "By the end of May, 424 banks had connected, NetsUnion said on Friday": an act
            # with its own start or limit is not dated by the saying.
            plain = [t for t in plain if not _dates_a_verb_above(trigger, tokens_of[(t.start, t.end)], taxonomy.reporting_verbs_en)]
        if event.factuality == "required" and trigger is not None:
            # "…issued the notice on the 13th, clearly that from April 17 payment institutions shall
            # deposit …": what must be done from a limit of its own clause is not done on a date
            # outside that clause
            verb = next((t for t in [trigger.root, *trigger.root.ancestors] if t.pos_ in ("VERB", "AUX")), trigger.root)
            clause = {t.i for t in verb.subtree}
            if any(tokens_of[(t.start, t.end)] is not None and tokens_of[(t.start, t.end)].root.i in clause for t in deadlines):
                plain = [t for t in plain if tokens_of[(t.start, t.end)] is not None and tokens_of[(t.start, t.end)].root.i in clause]
        before = [t for t in plain if t.end <= event.start]
        if before and any(before[-1].end <= at < event.start for at in takers):
            before = []
        after = [t for t in plain if t.start >= event.end]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen:
            event.date, event.date_text = point_date(chosen), chosen.text
            if before:
                event.date, event.date_text = date_of_span(plain, chosen, text, sentence.start, taxonomy.date_joiners.get("en", ()))
            event.date_source = "sentence"
            between = text[chosen.end - sentence.start : event.start - sentence.start].lower()
            if any(re.search(rf"\b{re.escape(c)}\b", between) for c in after_cues):
                event.date_mod = "AFTER"
        later = [t for t in deadlines if t.start >= event.end and not _aside_apart(trigger, tokens_of[(t.start, t.end)])]
        if spec.category != "regulatory" and trigger is not None:
            # "officials said that by the end of 2018, 99 percent … was processed": a limit inside
            # what is said is the said act's, no limit of the saying (a rule's limit, inside what it
            # orders, is the rule's)
            later = [t for t in later if tokens_of[(t.start, t.end)] is None or not _dates_what_it_says(trigger, tokens_of[(t.start, t.end)])]
        # "From June 30, all payments must go through NetsUnion": the cue may open the sentence.
        earlier = [t for t in deadlines if t.end <= event.start and _in_reach(trigger, tokens_of[(t.start, t.end)], taxonomy)
                   and not (event.factuality in ("asserted", "reported") and spec.category != "regulatory"
                            and _in_the_clause_joined_before(trigger, tokens_of[(t.start, t.end)]))]
        if later or earlier:
            limit = (later or earlier[-1:])[0]
            cue = limit_cue(limit) or until_cue(limit, trigger)
            event.deadline = limit_date(limit)
            event.later_deadlines = [limit_date(t) for t in later[1:]]
            if later and earlier and limit_cue(earlier[-1]) in START_CUES:
                # "from July 9 the ratio is increased month by month, to January 14 to reach
                # 100%": the start before the act and the end after it are both its steps
                event.deadline, event.later_deadlines = limit_date(earlier[-1]), [limit_date(t) for t in later]
            if (event.factuality == "asserted" and cue in END_LIMIT_CUES
                    and all(re.match(r"\d{4}-\d\d", d or "") for d in (event.date, event.deadline))
                    and event.date[:10] > event.deadline[:10] and not event.date.startswith(event.deadline)):
                # "SHANGHAI, July 2 (Meridian) - … finished before a June 30 deadline": what was done
                # by a limit was not done on a later day the sentence names (the dateline's)
                event.date, event.date_text, event.date_source, event.date_mod = None, None, None, None


def _until_clause(when: Span | None) -> tuple[str, int] | None:
    """"until" or "till", and the verb the clause joins, when the date is in a clause they open
    ("raise … until it reaches 100 percent on January 14"): the day that clause's act happens is
    the limit of the act it joins."""
    if when is None:
        return None
    verb = governing_verb(when.root)
    if verb.dep_ != "advcl":
        return None
    mark = next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in ("until", "till")), None)
    return (mark, verb.head.i) if mark else None


_COMPANY_FORM = re.compile(r",(?=\s*(?:ltd|limited|inc)\b)|\b(?:co|ltd|inc|corp)\.", re.I)  # "Co., Ltd." is one name


def _dates_the_learning(event: EventMention, trigger: Span | None, when: Timex, text: str, sentence: Sentence,
                        taxonomy: Taxonomy) -> bool:  # fmt: skip
    """"Reporter learned from NetsUnion yesterday, …": a date in the learning's own words, before
    the clause after them, dates the source's telling however the parse hung it."""
    if trigger is None or trigger.root.lemma_.lower() not in taxonomy.learned_from.get("en", ()) or when.start < event.end:
        return False
    between = _COMPANY_FORM.sub(" ", text[event.end - sentence.start : when.start - sentence.start])
    return not re.search(r"[,;:.]\s|\bthat\b", between)


# ("up" and "down" opening the clause or after a figure only: "teamed up with NetsUnion on May 11"
# compares nothing)
_COMPARED_WITH = re.compile(r"(?:^\s*|[\d%]\s*|\b(?:percent|cent|points|yuan)\s+)(?:up|down)\s+(?:from|with|to)\b"
                            r"|\b(?:rising|falling|increased|decreased|compared)\s+(?:from|with|to)\b|\bthan\b", re.I)


def _compared_with(before: str) -> bool:
    """"424 banks by the end of June, up from 389 banks at the end of March": a date the clause
    measures a change from dates no act of the sentence."""
    clause = re.split(r"[,;:]\s|\.\s", before)[-1]
    return bool(_COMPARED_WITH.search(clause))


def _date_reaches(trigger: Span | None, when: Span | None, clauses: list[tuple[int, int]], taxonomy: Taxonomy) -> bool:
    """Whether a date of the sentence may date the act (both as tokens; when either does not
    line up with tokens, nothing is ruled out)."""
    if trigger is None or when is None:
        return True
    return (_in_reach(trigger, when, taxonomy) and not _dates_a_noun(trigger, when) and not _dates_what_it_says(trigger, when)
            and _same_side_of_order_clauses(trigger, when, clauses) and not _inside_another_relative_clause(trigger, when)
            and not _a_party_of_it(trigger, when) and not _in_a_narrowing_clause(trigger, when)
            and not _outside_the_participle_it_is(trigger, when))


def _outside_the_participle_it_is(trigger: Span, when: Span) -> bool:
    """On April 1, the "Specification" issued by the central bank was formally implemented: an act
    told by a participle with its agent, describing a noun, is background; the sentence's date is
    the main clause's, not the describing act's (a date inside the participle's phrase is its own).
    Without its agent ("Under a notice published on its website, the PBOC said the share must rise
    starting on July 9"), a date after the phrase is still another clause's."""
    verb = trigger.root
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or when.root in verb.subtree:
        return False
    return any(c.dep_ == "agent" for c in verb.children) or when.root.i > verb.i


def _in_a_narrowing_clause(trigger: Span, when: Span) -> bool:
    """"Alipay and Tenpay reached cooperation with UnionPay, among them Alipay and UnionPay signed
    on September 10": a clause opened by "among them" (其中, as translation writes it) tells of some
    of those named before; its date is its own act's, not the act of the clause before."""
    governor = _date_governor(trigger, when)
    if governor is None or governor.i in {t.i for t in trigger} or trigger.root in governor.subtree:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("among", "of") and any(g.lower_ == "them" for g in c.children)
               for c in governor.children)


def _a_party_of_it(trigger: Span, when: Span) -> bool:
    """"The central bank said the deadline will not be delayed": a date that is the act's subject
    or object ("the deadline" names June 30) is what the act is done to, not when."""
    return when.root.dep_ in ("nsubj", "nsubjpass", "dobj") and when.root.head.i in {t.i for t in trigger}


def _inside_another_relative_clause(trigger: Span, when: Span) -> bool:
    """"NetsUnion, which was set up in August 2017, started test runs in March": a date inside a
    relative clause dates what that clause tells, not an act outside it (a noun's own clause, "a
    deadline that falls on June 30", still dates the noun)."""
    token = when.root
    while token.head.i != token.i:
        if token.dep_ == "relcl":  # (not "acl": the parse makes a translation's main clauses so)
            return trigger.root not in token.subtree and token.head.i != trigger.root.i
        token = token.head
    return False


def _dates_a_noun(trigger: Span, when: Span) -> bool:
    """"Under last August's notice, payments must be handled through NetsUnion": a date that
    modifies a noun other than the trigger (its possessor, "the January 2017 notice") dates
    that thing, not the event."""
    root = when.root
    return root.dep_ in ("poss", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in {t.i for t in trigger}


def _dates_what_it_says(trigger: Span, when: Span) -> bool:
    """"The central bank issued the guidelines, clearly that payment institutions shall on April 17
    deposit ...": a date whose nearest verb is another one below the trigger dates what the act
    says (the deposit), not the act."""
    governor = _date_governor(trigger, when)
    if governor is not None and governor.dep_ == "xcomp" and governor.head.i in {t.i for t in trigger}:
        return False  # "began requiring payment firms to deposit funds in April": the requiring's April
    if (governor is not None and governor.dep_ == "advcl" and governor.i < trigger.start and when.root.dep_ == "npadvmod"
            and not any(c.dep_ in SUBJECTS for c in governor.children)):
        # "Review this process, 2017 year January 13 day, the central bank issued …": a bare date
        # the parse hung on a translation's opening words (回顾…) is the main clause's
        return False
    if governor is not None and governor.dep_ == "acl" and _a_setting_of(governor.head, trigger):
        return False  # "At a press briefing held by the SCIO on Jan 9, officials said …": the briefing's day is the saying's
    if (governor is not None and governor.dep_ == "advcl" and governor.lemma_.lower() in STARTING_VERBS
            and governor.head.i in {t.i for t in trigger}):
        return False  # "the share must rise 10 points a month starting on July 9": when the act itself starts
    return governor is not None and governor.i not in {t.i for t in trigger} and trigger.root in governor.ancestors


QUOTE_MARKS = {'"', "\u201c", "\u201d"}  # straight and curly double quotes
STARTING_VERBS = {"start", "begin"}  # a participle of these after an act tells when the act starts
# Acts whose object is the document itself: what else they are done to is a thing of its own.
DOCUMENT_OBJECT_TYPES = {"issue"}
OPENING_BRACKETS, CLOSING_BRACKETS = {"(", "\uff08"}, {")", "\uff09"}  # ASCII and full-width
# Prepositions opening the occasion an act took place at ("at a press briefing", "during a meeting").
SETTING_PREPOSITIONS = {"at", "during"}


def _a_setting_of(noun: Token, trigger: Span) -> bool:
    """Whether the noun is the occasion of the trigger's act: the object of "at" or "during"
    hung on the trigger itself."""
    return noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS and noun.head.head.i in {t.i for t in trigger}


def _dates_a_verb_above(trigger: Span | None, when: Span | None, verbs) -> bool:
    """Whether the date hangs on one of these verbs above the trigger: the day of the learning
    ("learned yesterday that …") or of the saying ("said on Tuesday that …")."""
    if trigger is None or when is None:
        return False
    governor = _date_governor(trigger, when)
    return governor is not None and governor.lemma_.lower() in verbs and governor in trigger.root.ancestors


def _governed_by(trigger: Span | None, when: Span | None) -> bool:
    """Whether the first verb or trigger above the date is the event's trigger: the date is an
    argument of the trigger itself, not of another clause of the sentence."""
    if trigger is None or when is None:
        return False
    governor = _date_governor(trigger, when)
    if governor is None:
        return False
    if governor.i in {t.i for t in trigger}:
        return True
    # "payment institutions made their first deposits on April 17": the verb that carries a
    # noun's act governs its date too
    carrier = next((t for t in trigger.root.ancestors if t.pos_ in ("VERB", "AUX")), None) if trigger.root.pos_ in ("NOUN", "PROPN") else None
    return carrier is not None and governor.i == carrier.i


def _date_governor(trigger: Span, when: Span) -> Token | None:
    """The first token above the date that is one of the trigger's or a verb (None when the
    date's parse reaches neither). A date outside quotes or brackets is no argument of a word
    inside them: issued the "notice on further strengthening the rectification …" in November
    is the issuing's November, however the parse hung it on "strengthening"; issued the rules
    yesterday (hereinafter referred to as …) is the issuing's yesterday, not the referring's."""
    trigger_tokens = {t.i for t in trigger}
    enclosed = _quoted_spans(when.doc) + _bracketed_spans(when.doc)
    outside = [span for span in enclosed if not span[0] <= when.root.i < span[1]]
    token = when.root
    while token.head.i != token.i:
        token = token.head
        if any(start <= token.i < end for start, end in outside) and token.i not in trigger_tokens:
            continue
        if token.i in trigger_tokens or token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the words between each pair of quotation marks."""
    marks = [t.i for t in doc if t.tag_ in ("``", "''") or t.text in QUOTE_MARKS]
    return [(opening + 1, closing) for opening, closing in zip(marks[::2], marks[1::2])]


def _bracketed_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the words inside each outermost pair of round brackets."""
    spans, opened, depth = [], 0, 0
    for token in doc:
        if token.text in OPENING_BRACKETS:
            if depth == 0:
                opened = token.i + 1
            depth += 1
        elif token.text in CLOSING_BRACKETS and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, token.i))
    return spans


def _order_clauses(doc: Doc, taxonomy: Taxonomy) -> list[tuple[int, int]]:
    """Token ranges of the clauses a "before"/"after"/"until" opens: from the marker to the
    clause's last token (words the parse hung on the clause before its marker are not in it)."""
    ranges = []
    for token in doc:
        if token.dep_ == "mark" and token.lower_ in taxonomy.order_clauses_en:
            ranges.append((token.i, max(t.i for t in token.head.subtree)))
    return ranges


def _same_side_of_order_clauses(trigger: Span, when: Span, clauses: list[tuple[int, int]]) -> bool:
    """A date and an act on the same side of every "before/after/until" clause's edge: "held at
    the end of September 2016, shortly before the central bank announced the plan" dates the
    holding, not the announcement; "two months after UnionPay launched it" dates neither."""
    return all((start <= trigger.root.i <= end) == (start <= when.root.i <= end) for start, end in clauses)


def _aside_apart(trigger: Span | None, when: Span | None) -> bool:
    """Whether the act or the date stands in a clause describing an apposition the other is outside of."""
    if trigger is None or when is None:
        return False
    for inner, outer in ((when.root, trigger.root), (trigger.root, when.root)):
        describing = _describing_an_apposition(inner)
        if describing is not None and outer.i not in {t.i for t in describing.subtree}:
            return True
    return False


def _describing_an_apposition(token: Token) -> Token | None:
    """The verb of a clause describing a noun in apposition ("…, the platform launched last year,
    …") that the token is in, if any."""
    clause = next((t for t in [token, *token.ancestors] if t.dep_ in ("acl", "relcl") and t.pos_ in ("VERB", "AUX")), None)
    return clause if clause is not None and clause.head.dep_ == "appos" else None


def _in_the_clause_joined_before(trigger: Span | None, when: Span | None) -> bool:
    """Whether the date stands in the clause an act's own clause (with a subject of its own) is
    joined to: "requires the business from June 30 next year all through the platform, and
    NetsUnion was also registered in the same month" sets no limit on the registering (a demand
    joined to another keeps its limit: "… are to close after June 30, and such payments must go
    through the platform from then on")."""
    if trigger is None or when is None:
        return False
    verb = next((t for t in [trigger.root, *trigger.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ != "conj" or not _has_its_own_subject(verb):
        return False
    own = {t.i for t in verb.subtree}
    return when.root.i in {t.i for t in verb.head.subtree} - own


def _in_reach(trigger: Span | None, when: Span | None, taxonomy: Taxonomy) -> bool:
    """A date reaches an event unless the event sits in the complement of a verb that is not
    one of reporting: in "On 13 September reporters approached them to verify that UnionPay
    and Alipay have carried out cooperation" the date is the visit's, not the cooperation's;
    in "On April 27, it was reported that Alipay had access" it dates the report, and the
    reported event with it."""
    if trigger is None or when is None:
        return True
    if _aside_apart(trigger, when):
        # "NetsUnion Clearing Corp, the state-backed platform launched last year, said that 462
        # banks had connected by the June 30 deadline": the aside's date is its own, and none of
        # the sentence's others is the aside's
        return False
    token = trigger.root
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() not in taxonomy.reporting_verbs_en:
            return when.root.i in {t.i for t in token.subtree}
        token = token.head
    return True
