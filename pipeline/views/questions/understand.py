"""Reading a question: its shape, the entities and dates it names, the events and kinds of
thing it asks about. Uses the same entity and time stages as the articles, so any alias, a
garble or a near spelling links the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process

from pipeline.extract.entities import extract_entities, find_entity, load_entity_table
from pipeline.extract.entities.renderings import english_vocabulary
from pipeline.extract.entities.table import has_cjk
from pipeline.extract.events import load_taxonomy
from pipeline.extract.events.english import trigger_spans
from pipeline.extract.nlp import get_nlp
from pipeline.extract.time import tag
from pipeline.facts import Sentence, Timex
from pipeline.ingest.clean import detect_lang
from pipeline.views.figures import amounts_at

DATA = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"
NEAR = 85  # rapidfuzz ratio for a misspelt event word


# Days of the week as questions name them, Monday first (周日 and 星期天 are Sunday).
WEEKDAYS = [
    ("monday", "星期一", "周一"), ("tuesday", "星期二", "周二"), ("wednesday", "星期三", "周三"),
    ("thursday", "星期四", "周四"), ("friday", "星期五", "周五"), ("saturday", "星期六", "周六"),
    ("sunday", "星期日", "星期天", "周日"),
]

# Parts of speech a counted noun phrase is made of ("payment institutions", "large banks"); a
# finite verb tag ends it even when the tagger calls the word a noun.
NOUN_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "NUM", "X"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}
LIGHT_VERBS = {"be", "have", "do"}  # a question's main verb that tells nothing of what is asked
CURRENCIES = ("yuan", "renminbi", "rmb", "dollars")  # a count asked in these asks for a sum of money


@dataclass(frozen=True, eq=False)
class Grammar:
    shapes: list[tuple[str, re.Pattern, re.Pattern]]
    type_words: dict[str, tuple[str, ...]]
    role_words: dict[str, tuple[str, ...]]
    definition_cues: dict[str, tuple[str, ...]]
    stop_words: dict[str, frozenset[str]]
    relevance_floor: float
    glossary: list[tuple[tuple[str, ...], tuple[str, ...]]]
    what_is_words: frozenset[str]
    event_words: dict[str, tuple[str, ...]]
    negations: dict[str, tuple[str, ...]]
    count_targets: dict[str, tuple[str, ...]]
    synonyms: list[tuple[str, ...]]
    mention_words: tuple[str, ...]
    hedges: tuple[str, ...]
    superlatives: tuple[str, ...]
    contraries: list[tuple[tuple[str, ...], tuple[str, ...]]]
    count_words: dict[str, str]  # parties / things / places -> their measure words, as one string
    amount_words: tuple[str, ...]  # 多少钱: the amount of the noun before
    amount_nouns: dict[str, tuple[str, ...]]  # en / zh -> nouns naming a sum of money ("balance", 余额)
    sum_words: dict[str, tuple[str, ...]]  # en / zh -> those saying only "a sum" ("total amount")
    share_words: dict[str, tuple[str, ...]]  # en / zh -> words that ask for a percentage
    order_words: dict[str, tuple[str, ...]]  # first / last -> the words that ask for it
    part_words: dict[str, tuple[str, ...]]  # en / zh -> words that ask for a part of an entity
    chinese_phrases: tuple[tuple[str, str], ...]  # the answers' own English phrases and their Chinese, longest first
    title_kinds: frozenset[str] = frozenset()  # notice, letter: a question naming one describes a title
    title_stop_words: frozenset[str] = frozenset()  # on, of: words of a title that tell no document

    def measure_words(self, *groups: str) -> str:
        """The measure words of these groups, for a regex character class."""
        return "".join(self.count_words[g] for g in groups)


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
        what_is_words=frozenset(data.get("what_is_words") or []),
        event_words={k: tuple(v) for k, v in (data.get("event_words") or {}).items()},
        negations={k: tuple(v) for k, v in (data.get("negations") or {}).items()},
        count_targets={k: tuple(v) for k, v in (data.get("count_targets") or {}).items()},
        synonyms=[tuple(group) for group in data.get("synonyms") or []],
        mention_words=tuple(data.get("mention_words") or []),
        hedges=tuple(data.get("hedges") or []),
        superlatives=tuple(data.get("superlatives") or []),
        contraries=[(tuple(c["asked"]), tuple(c["told"])) for c in data.get("contraries") or []],
        count_words={group: "".join(words) for group, words in data["count_words"].items()},
        amount_words=tuple(data.get("amount_words") or []),
        amount_nouns={k: tuple(v) for k, v in (data.get("amount_nouns") or {}).items()},
        sum_words={k: tuple(v) for k, v in (data.get("sum_words") or {}).items()},
        share_words={k: tuple(v) for k, v in (data.get("share_words") or {}).items()},
        order_words={k: tuple(v) for k, v in (data.get("order_words") or {}).items()},
        part_words={k: tuple(v) for k, v in (data.get("part_words") or {}).items()},
        chinese_phrases=tuple(sorted((data.get("chinese_phrases") or {}).items(), key=lambda kv: -len(kv[0]))),
        title_kinds=frozenset(data.get("title_kinds") or ()),
        title_stop_words=frozenset(data.get("title_stop_words") or ()),
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
    terms: list[str] = field(default_factory=list)  # its content words
    expansions: list[str] = field(default_factory=list)  # glossary words that find its subject in the articles
    subjects: list[str] = field(default_factory=list)  # the glossary terms it asks about (断直连 for 断直联)
    counted: str | None = None  # what a count asks the number of ("data centres", 支付机构, 亿元)
    actor: str | None = None  # who the question says did it ("issued by UnionPay", 是人民银行下发的吗)
    month_days: list[str] = field(default_factory=list)  # dates asked without a year: "07-31" for "July 31"
    months: list[str] = field(default_factory=list)  # months asked without a year: "06" for "in June"
    date_side: str | None = None  # "before" or "after": the date asked is a limit ("before June 30")
    asks_end_limit: bool = False  # "By what date must …", 最晚哪天: the limit an act is done by
    figures: list[float] = field(default_factory=list)  # amounts it names outside its dates: 30亿元 -> 3e9
    weekdays: list[int] = field(default_factory=list)  # days of the week asked (Monday 0): "on Saturday" -> 5
    unknown_names: list[str] = field(default_factory=list)  # proper names no entity of the store answers to: "France"
    asks_for_one: bool = False  # "which department", 哪个部门: one answer, not every party of the kind
    order: str | None = None  # "first" or "last": the earliest or latest of several ("the first deposit")
    part_of: str | None = None  # "which unit of the central bank": the entity whose part is asked
    asks_share: bool = False  # "what percentage", 持股比例是多少: a percentage is the answer
    asks_amount: bool = False  # "how much", "what was the balance", 余额是多少: a sum of money is the answer
    present: bool = False  # asked of the present ("currently", 目前): what holds as the sources are written
    verb: str | None = None  # the lemma of its main verb, when that is no auxiliary ("fall" in "How much did … fall")
    ends: bool = False  # asks of an act's end ("stop trial operation", 终止合作): no act's entry affirms it
    defined: str | None = None  # the noun a what-is question asks to define ("address" in "What is the registered address …")
    measure: str | None = None  # the measure word of things a Chinese count asks in (笔 in 多少笔业务)


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
    if lang == "en":
        # The act of the main verb first: "Who issued the notice on migrating payments?" asks of the issue.
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        main = next((type_id for type_id, span in trigger_spans(doc, load_taxonomy()) if root is not None and root in span), None)
        question.types.sort(key=lambda t: t != main)
    lowered = text.lower()
    question.types += [t for t, words in g.event_words.items() if t not in question.types and any(has_word(lowered, w) for w in words)]
    question.kinds = _asked_kinds(lowered, lang, g, doc)
    question.asks_for_one = _asks_for_one(lowered, lang, doc)
    question.roles = [role for role, words in g.role_words.items() if any(has_word(lowered, w) for w in words)]
    timexes = _tag_months_spelled_right(text) if lang == "en" else tag(_months_typed_by_sound(text), None, lang)
    question.dates = [t for t in timexes if re.match(r"\d{4}", t.value)] or _numeric_dates(text)
    question.present = any(t.value == "PRESENT_REF" for t in timexes)
    # "the first deposit" asks for the earliest; "the first quarter" is a date
    dates = [t for t in timexes if t.type in ("DATE", "TIME")]
    undated = "".join(" " if any(t.start <= i < t.end for t in dates) else ch for i, ch in enumerate(lowered))
    question.order = next((o for o, words in g.order_words.items() if any(has_word(undated, w) for w in words)), None)
    question.month_days = [m.group(1) for t in timexes if (m := re.match(r"XXXX-(\d{2}-\d{2})", t.value))]
    question.months = [m.group(1) for t in timexes if (m := re.fullmatch(r"XXXX-(\d{2})", t.value))]
    question.date_side = _date_side(text, dates[0]) if dates else None
    question.asks_end_limit = shape == "when" and bool(_END_LIMIT_ASKED.search(lowered))
    if shape in ("what_is", "search") and question.dates and lang == "en" and lowered.startswith("what"):
        question.shape = "what_happened"  # "What were Tenpay's moves in April 2018?"
    # The words of a date ("2016年9月底", "April 27") are asked as the date, not as words.
    question.terms = _terms(doc, lang, g, [(t.start, t.end) for t in dates])
    undated_text = "".join(" " if any(t.start <= i < t.end for t in dates) else ch for i, ch in enumerate(text))
    question.figures = sorted(amount for amount, at in amounts_at(undated_text) if _UNIT_AFTER.match(undated_text, at))
    question.counted = _counted(text, doc, lang)
    asked_in = re.search(rf"(?:多少|几)([{g.measure_words('things')}])", text) if lang == "zh" else None
    question.measure = asked_in.group(1) if asked_in else None
    question.defined = _defined(doc) if question.shape == "what_is" and lang == "en" else None
    question.verb = next((t.lemma_.lower() for t in doc if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.lemma_.lower() not in LIGHT_VERBS), None)
    if lang == "en" and question.shape != "count" and _names_an_amount(lowered, g):
        question.shape = "count"  # "What was the reserve balance at the end of January 2019?"
    question.asks_share = question.shape == "count" and _asks_share(lowered, question.counted, lang, g)
    question.asks_amount = question.shape == "count" and not question.asks_share and _asks_amount(lowered, question.counted, lang, g)
    question.actor = _asked_actor(question)
    question.part_of = _whole_asked(question)
    question.unknown_names = _unknown_names(question, doc, [(t.start, t.end) for t in timexes])
    question.weekdays = [i for i, names in enumerate(WEEKDAYS) if any(n in lowered for n in names)]
    # (the words of a date are no end of an act: "at the end of March")
    words = {form for t in doc if not any(d.start <= t.idx < d.end for d in dates) for form in (t.lower_, t.lemma_.lower())}
    question.ends = any(w in undated if lang == "zh" else w in words for w in load_taxonomy().ending_words.get(lang, ()))
    sounds = "".join(lazy_pinyin(lowered)).replace(" ", "")
    for terms, search in g.glossary:
        # Also by sound: 断直联 or "duan zhilian" for 断直连, 备附金 for 备付金.
        if any(term in lowered or (len(term) >= 3 and has_cjk(term) and "".join(_syllables(term)) in sounds)
               for term in terms):  # fmt: skip
            question.subjects += [t for t in terms if t not in question.subjects]
            question.expansions += [w for w in search if w not in question.terms + question.expansions]
    return question


# A counted thing read up to the next verb-like word is a noun phrase only up to this length
# (央行下属机构); longer, it ran over a verb (支付机构讨论备付金集中交存试点).
MAX_COUNTED_CHARS = 6


def _counted(text: str, doc, lang: str) -> str | None:
    """The thing a count asks about: "how many [data centres] is …", "有几家[央行下属机构]持有…",
    "超过多少[亿元]", "首次交存的[平均比例]是多少"."""
    if lang == "zh":
        measure = grammar().measure_words("parties", "things")
        m = re.search(rf"(?:多少|几)([{measure}]?)([\u4e00-\u9fff]*?)(?=持有|是|在|有|的|被|因|[，,?？吗]|$)", text)
        read = m.group(2) if m and m.group(2) and m.group(2) not in grammar().amount_words else None
        if read and len(read) <= MAX_COUNTED_CHARS:
            return read
        counted = re.search(rf"(?:多少|几)([{measure}])(?=[\u4e00-\u9fff])", text)
        # 召集了多少家支付机构讨论…: the word jieba reads right after the measure word, when it is a
        # word of its own (not 已 of 几家已通过…)
        after = [t.text for t in doc if counted and t.idx == counted.end() and len(t.text) > 1]
        if after and after[0] not in grammar().amount_words:
            return after[0]
        if read:
            return read
        # 央行对财付通罚款多少, 首批接入网联的银行有几家: the noun before the question word
        before = re.search(rf"([\u4e00-\u9fff]+?)(?:大约|约|一共|总共|共)?(?:是|为|有)?(?:多少|几(?=[{measure}]))", text)
        noun = re.split(r"[的，,]", before.group(1))[-1] if before else ""
        if len(noun) > 4 and re.match(rf"多少[{measure}]", text[before.end() - 2 :] if before else ""):
            # 银行将达到多少家: counted in parties, the noun the clause opens with, not its verb
            start = before.start(1) + before.group(1).rfind(noun)
            first = [t.text for t in doc if t.idx >= start][:1]
            return first[0] if first else None
        return (noun if len(noun) <= 4 else noun[-2:]) or None  # 央行对财付通罚款多少: 罚款
    # "What is the daily cap, in yuan?", "What was the balance …, in billion yuan?", "the maximum
    # amount in yuan for …": the unit asked in.
    unit = re.search(r"(?:,\s*in|\b(?:amount|cap|limit|balance|total|sum|value)s? in) "
                     r"((?:billion |million |trillion )?(?:yuan|renminbi|rmb|dollars|us dollars))\b", text, re.I)
    if unit:
        return unit.group(1).lower()
    # "How many [large payment institutions] lost …", "how much [registered capital]": the words
    # after "many" or "much" up to the first that is no part of a noun phrase (a verb, a
    # preposition), as the tagger reads them.
    for token in doc:
        if token.lower_ in ("many", "much") and token.i > 0 and doc[token.i - 1].lower_ == "how":
            words = []
            for word in doc[token.i + 1 : token.i + 5]:
                # "licensed" in "how many licensed payment institutions" modifies the noun, whatever its tag
                modifies_noun = word.dep_ in ("amod", "compound") and word.head.i > word.i
                if (word.pos_ not in NOUN_PHRASE_POS or word.tag_ in FINITE_VERB_TAGS) and not modifies_noun:
                    break
                words.append(word.text)
            return " ".join(words).lower() or None
    return None


def _unknown_names(question: Question, doc, dates: list[tuple[int, int]]) -> list[str]:
    """The proper names of an English question that link to no entity ("the capital of France"):
    what the question is about, whatever its other words match. Capitalised words only, and none
    of a date ("Aprl 2018")."""
    if question.lang != "en":
        return []
    linked = " ".join(question.names.values())
    stop = grammar().stop_words["en"]
    return [
        t.text for t in doc
        if t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME")
        and t.text not in linked and t.lower_ not in stop
        and not any(start <= t.idx < end for start, end in dates)
        and not (t.i + 1 < len(doc) and re.fullmatch(r"\d{4}", doc[t.i + 1].text))  # "Aprl 2018": a month, misspelt
    ]  # fmt: skip


def _whole_asked(question: Question) -> str | None:
    """The entity a part of which is asked: "unit of the central bank", 央行哪个部门 / 央行的哪个部门."""
    words = grammar().part_words.get(question.lang, ())
    if not words:
        return None
    part = "|".join(map(re.escape, words))
    for entity_id in question.entities:
        name = re.escape(question.names.get(entity_id, ""))
        if not name:
            continue
        pattern = (rf"\b(?:{part})\s+of\s+(?:the\s+)?{name}" if question.lang == "en"
                   else rf"{name}的?(?:哪个|哪一个|哪家|什么|哪些)?(?:{part})")
        if re.search(pattern, question.text, re.I):
            return entity_id
    return None


def _defined(doc) -> str | None:
    """The head noun of the first noun phrase that is no wh-word: what "What is the registered
    address of the company?" asks to define (address)."""
    chunk = next((c for c in doc.noun_chunks if c.root.tag_ not in ("WP", "WDT", "WP$") and c.root.pos_ in ("NOUN", "PROPN")), None)
    return _term(chunk.root) if chunk is not None else None


def _asked_actor(question: Question) -> str | None:
    """Who the question says acted: the agent of a passive ("was issued by UnionPay"), the one
    a cleft names (网联函是人民银行办公厅下发的吗), else the first entity named (the subject of "Did
    NetsUnion deny …", 银联是否证实…)."""
    text = question.text
    for entity_id in question.entities:
        name = re.escape(question.names.get(entity_id, ""))
        if name and (re.search(rf"\bby (?:the )?{name}", text, re.I) or re.search(rf"是{name}[\u4e00-\u9fff]{{0,6}}的", text)):
            return entity_id
    first = question.entities[0] if question.entities else None
    return _part_named_with(first, question) or first


def _part_named_with(whole: str | None, question: Question) -> str | None:
    """The unit named right after its organisation ("the PBOC's Payment and Settlement
    Department", 央行的支付结算司): the unit is who acted, its organisation only says whose it is."""
    text, whole_name = question.text, question.names.get(whole or "", "")
    if not whole_name or text.find(whole_name) < 0:
        return None
    after_whole = text.find(whole_name) + len(whole_name)
    table = load_entity_table()
    for part in question.entities:
        part_at = text.find(question.names.get(part) or "\0")
        if part_at >= after_whole and whole in table.ancestors(part) and re.fullmatch(r"(?:['’]s)?\s*|的", text[after_whole:part_at]):
            return part
    return None


def _numeric_dates(text: str) -> list[Timex]:
    """27/4/2018 or 2018/4/27 in a question: day first when the first number cannot be a month."""
    found = []
    for m in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{4})/(\d{1,2})/(\d{1,2})\b", text):
        if m.group(4):
            year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
        else:
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            day, month = (a, b) if a > 12 else (b, a)
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(Timex(m.start(), m.end(), m.group(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", "day"))
    return found


# An amount asked is a number with what it counts or measures ("30亿元", "462 banks", "50%"), not
# a document's number ("No. 114", 209号文) or any other numeral.
_UNIT_AFTER = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s*(?:billion|million|thousand|亿|万|千)?\s*(?:%|percent\b|per cent\b|yuan\b|元|家|笔|名|户|个"
    r"|(?:[a-z-]+\s+)?(?:banks?|institutions?|companies|firms|shareholders|transactions|accounts|users|points)\b)",
    re.IGNORECASE,
)


_BEFORE_EN = re.compile(r"\b(?:before|by|prior to|ahead of|no later than|until)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_EN = re.compile(r"\b(?:after|since|later than)\s+(?:the\s+)?$", re.IGNORECASE)


# "By what date …", "by when", "no later than when", 最晚/最迟/截止到哪天: the end of the time given.
_END_LIMIT_ASKED = re.compile(r"^\W*(?:by|before|no later than)\s+(?:what|which|when)\b|最晚|最迟|截止到?(?:哪|什么)"
                             r"|(?:哪一?天|什么时间|什么时候|何时|哪个时间|哪个月|几月几日|几号)之?前")  # 在什么时间前完成


def _date_side(text: str, when) -> str | None:
    """Whether the date is asked as a limit: "before June 30", 6月30日前 ("before"); "after
    June 30", 6月30日后 ("after"); else None (on that day, in that month)."""
    ahead, behind = text[: when.start], text[when.end :]
    if _BEFORE_EN.search(ahead) or behind.startswith(("前", "之前", "以前")):
        return "before"
    if _AFTER_EN.search(ahead) or behind.startswith(("后", "之后", "以后")):
        return "after"
    return None


def _asked_kinds(lowered: str, lang: str, g: Grammar, doc) -> list[str]:
    """The kind of thing a which-question asks for: "which clearing houses", 哪些支付机构. Kind
    words elsewhere ("Who issued Document 209?") ask for nothing."""
    if lang == "zh":
        wh = re.search(r"(哪些|哪[几两三四五六七八九十]?[家个位])(.{0,6})", lowered)
        before = re.search(r"(.{1,6})是(哪些|哪个|哪家|哪位|谁)", lowered)  # 第一家接入网联的银行是哪家
        told_before = [kind for kind, words in g.type_words.items() if before and any(has_word(before.group(1), w) for w in words)]
        if told_before:
            return told_before
        # else the kind after it: …合作的是哪家支付机构
    else:
        if re.match(r"where\b", lowered):
            return ["place"]  # "Where is NetsUnion registered?": a place, whatever else is named
        wh = re.search(r"\b(which|what)\s+((?:[\w-]+\s+){0,3}[\w-]+)", lowered)
    if not wh:
        return []
    phrase = wh.group(2)
    if lang == "en":
        # The noun the wh-word determines, with its modifiers, as the parse gives it: "which
        # department | issued the notice" asks for a department, not a notice.
        asked = next((t.head for t in doc if t.lower_ in ("which", "what") and t.dep_ == "det" and t.head.pos_ in ("NOUN", "PROPN")), None)
        if asked is not None:
            phrase = " ".join(t.lower_ for t in asked.subtree if t.i <= asked.i and t.lower_ not in ("which", "what"))
        else:  # the wh-phrase ends at its verb: "which body | is behind notice 209"
            phrase = re.split(r"\b(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", phrase)[0]
    return [
        kind for kind, words in g.type_words.items()
        if any(has_word(phrase, w) or (len(w) > 6 and fuzz.partial_ratio(w, phrase) >= NEAR) for w in words)
    ]  # fmt: skip


def _asks_share(lowered: str, counted: str | None, lang: str, g: Grammar) -> bool:
    """A count that asks for a percentage: "What percentage of NetsUnion …", "By what percentage
    did … fall", 持股比例是多少, 承担几成交易; not "How many shareholders …"."""
    words = g.share_words.get(lang, ())
    if lang == "zh":
        # the counted noun is a share (持股比例), or the question counts in tenths (几成)
        return any(w in (counted or "") for w in words) or any(w in lowered for w in words if w.startswith("几"))
    alternatives = "|".join(re.escape(w) for w in words)
    return bool(words) and re.search(rf"^(?:by )?(?:what|which) (?:{alternatives})\b|\bhow much (?:{alternatives})\b", lowered) is not None


def _names_an_amount(lowered: str, g: Grammar) -> bool:
    """"What was the reserve balance …", "What is the daily cap on …": a what-question whose
    subject is a sum of money asks for the sum."""
    nouns = "|".join(re.escape(n) for n in g.amount_nouns.get("en", ()))
    return bool(nouns) and re.match(rf"what (?:is|was|are|were) (?:the |its |their )?(?:[\w'-]+ ){{0,4}}?(?:{nouns})s?\b", lowered) is not None


def _asks_amount(lowered: str, counted: str | None, lang: str, g: Grammar) -> bool:
    """A count that asks for a sum of money, not a number of things: "How much did the balance
    fall", "how much registered capital", "the daily cap, in yuan", 注册资本是多少, 多少亿元."""
    nouns = g.amount_nouns.get(lang, ())
    if lang == "zh":
        return any(n in (counted or "") for n in nouns) or re.search(rf"多少(?:{'|'.join(map(re.escape, g.amount_words))}|[亿万]?元)", lowered) is not None
    counted = counted or ""
    return "how much" in lowered or _names_an_amount(lowered, g) or any(has_word(counted, w) for w in (*CURRENCIES, *nouns))


def _asks_for_one(lowered: str, lang: str, doc) -> bool:
    """A which-question in the singular: "Which bank said …" (NN), 哪个部门, 哪家银行; not "which
    banks", 哪些专家."""
    if lang == "zh":
        return re.search(r"哪(?:一|个|家|位|個|間)", lowered) is not None
    asked = next((t.head for t in doc if t.lower_ in ("which", "what") and t.dep_ == "det"), None)
    return asked is not None and asked.tag_ == "NN"


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_SPELLING = 85  # rapidfuzz ratio from which a word is a misspelt month ("Aprl", "Febuary")


def _tag_months_spelled_right(text: str) -> list[Timex]:
    """The dates of an English question whose misspelt month names ("in Aprl 2018") are read as
    the months they are near, the way misspelt names are ("Netsunoin"); an English word ("many")
    is no misspelling. Offsets stay the question's own."""
    pieces = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word, lowered = match.group(0), match.group(0).lower()
        if lowered in MONTHS or len(word) < 4 or lowered in english_vocabulary():
            continue  # "many" is a word of its own, not a misspelt "May"
        found = process.extractOne(lowered, MONTHS, scorer=fuzz.ratio, score_cutoff=MONTH_SPELLING)
        if found is None or found[0][0] != lowered[0]:
            continue
        pieces.append((match.start(), match.end(), found[0].capitalize()))
    if not pieces:
        return tag(text, None, "en")
    fixed, last, delta = [], 0, 0
    shifts = []  # (end of a fixed word in the fixed text, how much longer the fixed text is from there)
    for start, end, month in pieces:
        fixed += [text[last:start], month]
        delta += len(month) - (end - start)
        shifts.append((end + delta, delta))
        last = end
    fixed.append(text[last:])

    def back(position: int) -> int:
        return position - next((moved for at, moved in reversed(shifts) if position >= at), 0)

    return [replace(t, start=back(t.start), end=back(t.end), text=text[back(t.start):back(t.end)])
            for t in tag("".join(fixed), None, "en")]


_MONTH_AFTER_YEAR = re.compile(r"(?<=年)(\d{1,2})(\D)")


def _months_typed_by_sound(text: str) -> str:
    """"2017年8约": a character typed for 月 by its sound (yue) after a year and a month's number
    is 月, so the question asks August 2017. Same length: offsets into the question stay true."""
    def month(m: re.Match) -> str:
        typed = m.group(2)
        return m.group(1) + ("月" if typed != "月" and lazy_pinyin(typed)[0] == "yue" else typed)

    return _MONTH_AFTER_YEAR.sub(month, text)


def has_word(text: str, word: str) -> bool:
    if has_cjk(word):
        return word in text
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _link_entities(question: Question, doc, known_names: dict[str, str]) -> None:
    """Names through the entity stage, then near spellings of the words it left ("Netsunoin")."""
    sentence = Sentence(0, 0, 0, len(question.text), question.text)
    found = extract_entities([doc], [sentence], question.lang, load_entity_table())
    covered: set[int] = set()
    known_ids = set(known_names.values())
    for mention in found.mentions:
        entity_id = known_names.get(mention.text) or mention.entity_id
        if entity_id and entity_id not in known_ids:
            # A name the question spells its own way ("Xue Hong yan"): the store's spelling, if near.
            hit = find_entity(mention.text, load_entity_table(), known_names)
            entity_id = hit[0] if hit and hit[0] in known_ids else None
        if entity_id:
            question.names.setdefault(entity_id, mention.text)
            covered |= set(range(mention.start, mention.end))
        elif (question.shape == "yes_no" and mention.entity_id and len(mention.text.split()) >= 2
              and mention.label not in ("place", "document") and not _names_an_institution_inside(mention.text, known_names)):
            # "Did Beijing Business Daily issue …?": the premise's party no source names is asked
            # as itself, never as the place inside its name (Beijing). A known institution inside
            # it is what is asked about; and only a premise is checked so (in "When was the State
            # Council Information Office briefing held?" the name only says which briefing).
            question.names.setdefault(mention.entity_id, mention.text)
            covered |= set(range(mention.start, mention.end))
    if question.lang == "zh":
        _link_chinese_names(question, known_names, covered)
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
        # "Did Wutongshu hold 10%?": a name shortened to its first word, when one entity only has
        # a name beginning with it (not "China", the first word of many)
        shortened = [t for t in doc if t.idx not in covered and t.text[:1].isupper() and len(t.text) >= 5 and t.lower_ not in stop]
        first_words: dict[str, set[str]] = defaultdict(set)
        for name, eid in known_names.items() if shortened else ():
            if " " in name:
                first_words[name.split(" ", 1)[0].lower()].add(eid)
        for token in shortened:
            owners = first_words.get(token.lower_, set())
            if len(owners) == 1:
                question.names.setdefault(next(iter(owners)), token.text)
                covered |= set(range(token.idx, token.idx + len(token.text)))
    order = {eid: question.text.find(name) for eid, name in question.names.items()}
    question.entities = sorted(question.names, key=lambda eid: order[eid])


def _names_an_institution_inside(text: str, known_names: dict[str, str]) -> bool:
    table = load_entity_table()
    lowered = text.lower()
    for name, entity_id in known_names.items():
        # a substring first: the store's every name is tried, and most are not in the question
        if len(name) >= 4 and name.lower() in lowered and re.search(rf"\b{re.escape(name.lower())}\b", lowered):
            entity = table.get(entity_id)
            if (entity.type if entity else "organization") != "place":
                return True
    return False


def _link_chinese_names(question: Question, known_names: dict[str, str], covered: set[int]) -> None:
    """Chinese names the question writes as the articles do (赵鹞是谁), with a character that
    sounds the same (网连 for 网联, 财富通 for 财付通: typing by pinyin makes these slips), or a
    person's name with one character wrong but the surname right (董骏峰)."""
    text = question.text
    sounds = [lazy_pinyin(ch)[0] for ch in text]  # one syllable per character, aligned with the text
    for name, entity_id in sorted(known_names.items(), key=lambda kv: -len(kv[0])):
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", name) or entity_id in question.names:
            continue
        at = text.find(name)
        if at == -1:
            target = _syllables(name)
            at = next((i for i in range(len(text) - len(name) + 1) if sounds[i : i + len(name)] == target), -1)
        # Two characters with one wrong is a surname alone (张旭 is not 张磊).
        if at == -1 and entity_id.startswith("person:") and 3 <= len(name) <= 4:
            at = next((i for i in range(len(text) - len(name) + 1)
                       if text[i] == name[0] and sum(a != b for a, b in zip(text[i : i + len(name)], name)) == 1), -1)  # fmt: skip
        if at != -1 and not covered & set(range(at, at + len(name))):
            question.names[entity_id] = text[at : at + len(name)]
            covered |= set(range(at, at + len(name)))


def _word_runs_by_sound(doc, longest: int = 6) -> set[str]:
    """The pinyin of every run of whole words of a Chinese question, up to `longest` characters.
    A word of the dictionary alone is itself, no misspelling of another: 正式 (formally) is not
    证实 (confirmed), as 要球 is 要求."""
    import jieba  # the segmenter's dictionary (loaded with the Chinese pipeline)

    words = [t.text for t in doc]
    runs = set()
    for i in range(len(words)):
        text = ""
        for word in words[i:]:
            text += word
            if len(text) > longest:
                break
            if text != word or not jieba.get_FREQ(word):
                runs.add(" ".join(_syllables(text)))
    return runs


@lru_cache(maxsize=65536)
def _syllables(word: str) -> list[str]:
    """Pinyin of a name or trigger word; the store's names are asked about again and again."""
    return lazy_pinyin(word)


def _event_types(doc, lang: str) -> list[str]:
    """The events a question names, by the articles' own trigger words; in English also by a
    near spelling ("tak effect", "anounce") when no word is right."""
    taxonomy = load_taxonomy()
    if lang == "zh":
        # A trigger written with a character of the same sound (要球 for 要求) still counts, when
        # it is whole words of the question: 快捷支付 holds the sounds of 截止 across two words.
        sounded = _word_runs_by_sound(doc)
        # Each act named, and where its word first stands (a word found by its sound only: last).
        first_at: dict[str, int] = {}
        for word, type_id in taxonomy.zh_triggers():
            at = doc.text.find(word)
            if at != -1 or (len(word) > 1 and " ".join(_syllables(word)) in sounded):
                at = at if at != -1 else len(doc.text)
                first_at[type_id] = min(first_at.get(type_id, at), at)
        found = list(first_at)
        # 在哪一天完成工商注册? What is completed is the act asked about: the registration, not
        # any completion (完成接入 asks of the connection, 完成迁移 of the switch-over).
        completing = [w for w in taxonomy.types["complete"].zh if w in doc.text] if "complete" in taxonomy.types else []
        if completing:
            after = doc.text[doc.text.find(completing[0]) + len(completing[0]):]
            done = [t for w, t in taxonomy.zh_triggers() if t != "complete" and w in after]
            if done:
                found = [t for t in found if t != "complete"]
        # The verb comes before what it acts on (网联是否删除了…合作的公告: the deletion is asked,
        # not the cooperation or the announcement): the acts in the order the question names them.
        return sorted(found, key=first_at.__getitem__)
    found = list(dict.fromkeys(type_id for type_id, _ in trigger_spans(doc, taxonomy)))
    if len(found) > 1 and "complete" in found:
        # "Did payment institutions complete 100% deposit in 2018?": what is completed is the act
        # asked about (the deposit), not any completion, as in Chinese above
        found = [t for t in found if t != "complete"]
    if found:
        return found
    alpha = [t.lower_ for t in doc if t.is_alpha]
    # "When did the central bank fine JD?": the parse made "fine" an adjective; a trigger word of
    # the question counts whatever part of speech it was given
    found = list(dict.fromkeys(t.id for t in taxonomy.types.values() for w in alpha if w in t.en_lemmas))
    if found:
        return found
    words = [w for w in alpha if len(w) >= 4]
    pairs = [" ".join(p) for p in zip(alpha, alpha[1:])]
    for t in taxonomy.types.values():
        near = [w for w in t.en_lemmas if len(w) >= 5 and any(fuzz.ratio(w, x) >= NEAR for x in words)]
        near += [p for p in t.en_phrases if any(fuzz.ratio(p, x) >= NEAR for x in pairs + words)]
        if near:
            found.append(t.id)
    return found


def _terms(doc, lang: str, g: Grammar, dates: list[tuple[int, int]] = ()) -> list[str]:
    stop = g.stop_words[lang]
    return [
        _term(t) for t in doc
        if not (t.is_punct or t.is_space) and (t.lemma_ or t.text).lower() not in stop and t.text.lower() not in stop
        and not any(start <= t.idx and t.idx + len(t) <= end for start, end in dates)
    ]  # fmt: skip


def _term(token) -> str:
    """A question word as the articles are searched for it: its lemma, whose regular inflections
    the sentence reader finds; but a noun's own form where the lemma is no stem of it ("media",
    lemmatised "medium"; "data", "datum"), which would find neither."""
    lemma, written = (token.lemma_ or token.text).lower(), token.text.lower()
    if token.pos_ in ("NOUN", "PROPN") and not written.startswith(lemma[:-1]):
        return written
    return lemma
