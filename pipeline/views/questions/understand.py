"""Reading a question: its shape, the entities and dates it names, the events and kinds of
thing it asks about. Uses the same entity and time stages as the articles, so any alias, a
garble or a near spelling links the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from pipeline.extract.entities import extract_entities, find_entity, load_entity_table
from pipeline.extract.events import load_taxonomy
from pipeline.extract.events.english import trigger_spans
from pipeline.extract.nlp import get_nlp
from pipeline.extract.time import tag
from pipeline.facts import Sentence, Timex
from pipeline.ingest.clean import detect_lang

DATA = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"


@dataclass(frozen=True, eq=False)
class Grammar:
    shapes: list[tuple[str, re.Pattern, re.Pattern]]
    type_words: dict[str, tuple[str, ...]]
    role_words: dict[str, tuple[str, ...]]
    definition_cues: dict[str, tuple[str, ...]]
    stop_words: dict[str, frozenset[str]]
    relevance_floor: float
    glossary: list[tuple[tuple[str, ...], tuple[str, ...]]]


@cache
def grammar() -> Grammar:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return Grammar(
        shapes=[(s["shape"], re.compile(s["en"], re.I), re.compile(s["zh"])) for s in data["shapes"]],
        type_words={k: tuple(v) for k, v in data["type_words"].items()},
        role_words={k: tuple(v) for k, v in data["role_words"].items()},
        definition_cues={k: tuple(v) for k, v in data["definition_cues"].items()},
        stop_words={k: frozenset(v) for k, v in data["stop_words"].items()},
        relevance_floor=float(data["relevance_floor"]),
        glossary=[(tuple(t.lower() for t in g["terms"]), tuple(g["search"])) for g in data.get("glossary") or []],
    )


@dataclass
class Question:
    text: str
    lang: str
    shape: str
    entities: list[str] = field(default_factory=list)  # linked ids, in the order they are named
    names: dict[str, str] = field(default_factory=dict)  # id -> the words that named it
    types: list[str] = field(default_factory=list)  # event types the question names
    kinds: list[str] = field(default_factory=list)  # kinds of entity it asks for ("clearing houses")
    roles: list[str] = field(default_factory=list)  # role families ("CEO" -> head)
    dates: list[Timex] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # content words, for full-text search


def understand(text: str, known_names: dict[str, str]) -> Question:
    """known_names: spellings seen in the store -> entity id (people and names not in the table)."""
    text = text.strip()
    lang = detect_lang(text)
    g = grammar()
    shape = next((name for name, en, zh in g.shapes if (zh if lang == "zh" else en).search(text)), "search")
    question = Question(text=text, lang=lang, shape=shape)
    doc = get_nlp(lang)(text)
    _link_entities(question, doc, known_names)
    question.types = _event_types(doc, lang)
    lowered = text.lower()
    question.kinds = _asked_kinds(lowered, lang, g)
    question.roles = [role for role, words in g.role_words.items() if any(_has_word(lowered, w) for w in words)]
    question.dates = [t for t in tag(text, None, lang) if re.match(r"\d{4}", t.value)]
    question.terms = _terms(doc, lang, g)
    for terms, search in g.glossary:
        if any(term in lowered for term in terms):
            question.terms += [w for w in search if w not in question.terms]
    return question


def _asked_kinds(lowered: str, lang: str, g: Grammar) -> list[str]:
    """The kind of thing a which-question asks for: "which clearing houses", 哪些支付机构. Kind
    words elsewhere ("Who issued Document 209?") ask for nothing."""
    if lang == "zh":
        wh = re.search(r"(哪些|哪个|哪家|哪几家|哪几个|哪位)(.{0,6})", lowered)
    else:
        wh = re.search(r"\b(which|what)\s+((?:[\w-]+\s+){0,3}[\w-]+)", lowered)
    if not wh:
        return []
    phrase = wh.group(2)
    return [kind for kind, words in g.type_words.items() if any(_has_word(phrase, w) for w in words)]


def _has_word(text: str, word: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", word):
        return word in text
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _link_entities(question: Question, doc, known_names: dict[str, str]) -> None:
    """Names through the entity stage, then near spellings of the words it left ("Netsunoin")."""
    sentence = Sentence(0, 0, 0, len(question.text), question.text)
    found = extract_entities([doc], [sentence], question.lang, load_entity_table())
    covered: set[int] = set()
    for mention in found.mentions:
        entity_id = known_names.get(mention.text) or mention.entity_id
        if entity_id:
            question.names.setdefault(entity_id, mention.text)
            covered |= set(range(mention.start, mention.end))
    if question.lang == "en":
        stop = grammar().stop_words["en"]
        words = [t for t in doc if t.idx not in covered and not t.is_punct and t.lower_ not in stop]
        for n in (6, 5, 4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                span = words[i : i + n]
                if any(t.idx in covered for t in span) or any(b.i - a.i != 1 for a, b in zip(span, span[1:])):
                    continue
                phrase = question.text[span[0].idx : span[-1].idx + len(span[-1].text)]
                if len(phrase) < 4 or (n == 1 and not phrase[0].isupper()):
                    continue
                hit = find_entity(phrase, load_entity_table(), known_names)
                if hit and hit[1] >= 0.85:
                    question.names.setdefault(hit[0], phrase)
                    covered |= set(range(span[0].idx, span[-1].idx + len(span[-1].text)))
    order = {eid: question.text.find(name) for eid, name in question.names.items()}
    question.entities = sorted(question.names, key=lambda eid: order[eid])


def _event_types(doc, lang: str) -> list[str]:
    taxonomy = load_taxonomy()
    if lang == "zh":
        return list(dict.fromkeys(type_id for word, type_id in taxonomy.zh_triggers() if word in doc.text))
    return list(dict.fromkeys(type_id for type_id, _ in trigger_spans(doc, taxonomy)))


def _terms(doc, lang: str, g: Grammar) -> list[str]:
    stop = g.stop_words[lang]
    return [
        (t.lemma_ or t.text).lower() for t in doc
        if not (t.is_punct or t.is_space) and (t.lemma_ or t.text).lower() not in stop and t.text.lower() not in stop
    ]  # fmt: skip
