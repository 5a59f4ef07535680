"""Reading an answer off a sentence, for what the articles tell but no event records: a count
("在全国267家支付机构中"), a yes or no ("网联…并不直接开展支付业务"), the things a sentence names
("北京、上海、深圳3地建设6个数据中心").

A question becomes a few concepts: each entity it names (any alias, either language), each
content word with the words that say the same in the articles (questions.yaml `synonyms`, so an
English question finds a Chinese sentence), and the year it asks about. A sentence answers when
it covers enough of them; the date, when asked, always. Nothing is read past the sentence,
the one before it and its article's title (which may name what it leaves unsaid), or, for
"这三家支付机构", the three sentences before it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache

from pipeline.extract.entities.renderings import english_vocabulary
from pipeline.extract.entities.table import has_cjk
from pipeline.extract.events import load_taxonomy
from pipeline.extract.chinese_script import simplified_view
from pipeline.extract.time.numbers import parse_number
from pipeline.extract.time.resources import load_grammar
from pipeline.views.figures import NUMBER, value_of
from pipeline.views.questions.understand import Question, grammar

_CLAUSE = re.compile(r"[，。；！？,;!?]|\s-\s")
# A sum of money: a number, its scale word, its currency (2 billion yuan, 4600亿元, 1万亿元).
# (a word boundary after the Latin names only: 20亿元的 is a sum too)
_AMOUNT = re.compile(NUMBER.pattern + r"\s*(?:(?:yuan|renminbi|rmb|(?:us )?dollars)\b|元|美元)", re.I)
_NUMBER = {
    "en": r"\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?",
    "zh": r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+",
}
# A percentage as the articles write it: 12%, 14.2 percent, 百分之二十, 五成 (tenths), half, 一半.
_PERCENTAGE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s*(?:%|％|\bper ?cent\b)|百分之(?P<number_zh>[\d.一二两三四五六七八九十百点]+)"
    r"|(?<![\d一二两三四五六七八九十])(?P<tenths>[一二两三四五六七八九\d])成(?![立为功本员])|\bhalf\b|一半", re.I)
GENERIC_ORGS = {"company", "organization"}
ENOUGH_TO_RANK = 50  # sentences with every word of a question, beyond which no others are searched
# 不会因个别机构滞后而延期 ("will not be postponed because some lag"): the negation before 因…而
# is the verb's, however long the cause between.
_ZH_NEGATED_CAUSE = re.compile(r"(?:不|未|没有)(?:会|能|将|得)?(?:因|因为)[^，。；！？]{1,20}而$")
# "the signing does not mean Alipay will stop …": what a negated verb of meaning governs is denied,
# however long its subject.
_EN_NEGATED_MEANING = re.compile(r"\b(?:not|n't|never)\s+(?:mean|means|imply|implies|indicate|indicates|signal|signals)\b[^,;]*$", re.I)
NEGATION_WINDOW = {"zh": 8, "en": 4}  # characters (zh) or words (en) before a word that a negation may sit


@dataclass(frozen=True)
class Concept:
    label: str  # the question's own words
    variants: tuple[str, ...]
    kind: str  # entity | date | word
    entity_id: str | None = None  # of an entity concept


@dataclass
class Reading:
    """One sentence with what it covers of the question."""

    sentence: dict  # id, article_id, idx, sentence, title, date
    covered: list[Concept]
    share: float  # of the question's word concepts
    contrary: list[str] = field(default_factory=list)  # its words that contradict the question's
    in_sentence: list[Concept] = field(default_factory=list)  # the entities it names itself (not by context)
    context: str = ""  # the sentence before it and its article's title, when they were needed


_COMPANY_FORM_COMMA = re.compile(r",(?=\s*(?:ltd|limited|inc)\b)")
# What ends a clause, for the number a clause tells ("among 115 payment institutions, 9 ...").
_CLAUSE_BREAKS = ",，;；。:："


def clause_bounds(text: str, at: int) -> tuple[int, int]:
    """Where the clause around offset `at` starts and ends."""
    start = max(text.rfind(ch, 0, at) for ch in _CLAUSE_BREAKS) + 1
    ends = [i for i in (text.find(ch, at) for ch in _CLAUSE_BREAKS) if i != -1]
    return start, min(ends) if ends else len(text)


def clause_around(text: str, at: int) -> str:
    start, end = clause_bounds(text, at)
    return text[start:end]


def has(variant: str, text: str) -> bool:
    """A word in a sentence: Chinese as a substring of its Simplified view (a question's 记者会
    is in 舉行記者會); English whole, with its inflections ("connect" finds "connected"; "pay"
    finds neither "Alipay" nor "payment")."""
    return where(variant, text) >= 0


def where(variant: str, text: str) -> int:
    """Where has() finds the word in the sentence, -1 when it does not (the Simplified view is
    of the same length: a place on it is the place in the sentence as written)."""
    if has_cjk(variant):
        at = text.find(variant)
        return at if at >= 0 else readable(text).find(variant)
    found = _word_regex(variant).search(text)
    return found.start() if found else -1


@lru_cache(maxsize=8192)
def readable(text: str) -> str:
    """A sentence as questions read it: Chinese in Simplified characters, of the same length, so
    that what is found on it is at the same place in the sentence as written."""
    return simplified_view(text) if has_cjk(text) else text


def hedged(text: str) -> bool:
    """Told as expected or as hearsay ("董有望担任网联总裁", "is expected to"): reported, not a fact."""
    return any(has(w, text) for w in grammar().hedges)


@lru_cache(maxsize=4096)
def _word_regex(variant: str) -> re.Pattern:
    # Bounded by Latin letters and digits only: "2016" is a word in "截至2016年".
    return re.compile(rf"(?<![A-Za-z0-9]){_stem_pattern(variant)}(?![A-Za-z0-9])", re.I)


@lru_cache(maxsize=4096)
def _stem_pattern(words: str) -> str:
    parts = []
    for word in words.lower().split():
        if len(word) > 4:
            parts.append(re.escape(re.sub(r"(ing|ed|es|s|e|ion)$", "", word)) + r"[a-z]{0,4}")
        else:
            # a short word takes only its inflections: "ban" is "bans", "banned", never "banks"
            parts.append(re.escape(word) + r"(?:s|es|d|ed|ing|[a-z](?:ed|ing))?")
    return r"\s+".join(parts)


@lru_cache(maxsize=1)
def _irregular_verbs() -> dict[str, tuple[str, ...]]:
    """lemma -> its irregular forms (hold -> held), from the English lemmatizer's exceptions:
    a question asks with the lemma ("hold"), an article tells with the form ("held")."""
    from pipeline.extract.nlp import get_nlp

    table = get_nlp("en").get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    forms: dict[str, list[str]] = {}
    for form, lemmas in table["verb"].items():
        for lemma in lemmas:
            if not re.fullmatch(_stem_pattern(lemma), form):  # "made" is found from "make" already
                forms.setdefault(lemma, []).append(form)
    return {lemma: tuple(found) for lemma, found in forms.items()}


def irregular_forms(word: str) -> tuple[str, ...]:
    """The irregular forms of an English verb the stem pattern cannot find (told for tell)."""
    return () if has_cjk(word) else _irregular_verbs().get(word.lower(), ())


def _shared_run(question: str, sentence: str) -> int:
    """Characters of the longest stretch a question and a sentence share, ignoring case."""
    a, b = question.lower(), sentence.lower()
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _any(words) -> str:
    """An FTS5 query for any of the words. A Chinese word is looked up by its first two
    characters: the sentence may have been cut into words differently (备付金是 as 备付|金是), and
    the caller checks the whole word in the text."""
    words = [w.replace('"', "") for w in words if w.strip()]
    return " OR ".join(dict.fromkeys(f'"{w[:2]}"*' if has_cjk(w) else _english_query(w) for w in words))


def _english_query(words: str) -> str:
    """An FTS5 query for English words against the index's lemmas: an inflected word by its stem
    as a prefix ("registered" finds "register"), every word of a phrase ("registered capital")."""
    parts = []
    for word in words.split():
        stem = re.sub(r"(?:ing|ed|s)$", "", word) if len(word) > 4 else word
        parts.append(f'"{stem}"*' if stem != word else f'"{word}"')
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def _skipped(term: str, skip: tuple[str, ...]) -> bool:
    if has_cjk(term):
        return any(term in s for s in skip)
    return any(_same(term, w) for s in skip for w in s.split())


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower() or (not has_cjk(a + b) and re.fullmatch(_stem_pattern(b), a.lower()) is not None)


@cache
def _act_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The words of each act in the other language, from events.yaml's triggers: an English
    lemma -> the Chinese words of its type, a Chinese word -> the English lemmas and phrases.
    One-character Chinese words (称, 说) are left out: they stand inside too many other words."""
    taxonomy = load_taxonomy()
    to_zh: dict[str, tuple[str, ...]] = {}
    to_en: dict[str, tuple[str, ...]] = {}
    for spec in taxonomy.types.values():
        if spec.category == "commentary":
            continue  # what someone said or thought is no act to look for in other words
        zh = tuple(w for w in spec.zh if len(w) > 1)
        en = (*spec.en_lemmas, *spec.en_phrases)
        for lemma in spec.en_lemmas:
            to_zh[lemma] = to_zh.get(lemma, ()) + zh
        for word in zh:
            to_en[word] = to_en.get(word, ()) + en
    return to_zh, to_en


def _across_languages(term: str) -> tuple[str, ...]:
    """"When did the deposit ratio reach 100%?" of a Chinese article: the question's word for
    an act (deposit) also reads that act's Chinese words (交存, 缴存 …), and 推迟 reads "postpone",
    "delay" in an English one. Only words of the other language are added: each language's own
    sentences are read as before."""
    to_zh, to_en = _act_words()
    if has_cjk(term):
        return to_en.get(term, ())
    return next((to_zh[lemma] for lemma in to_zh if _same(term, lemma)), ())


class SentenceReader:
    def __init__(self, knowledge):
        self.k = knowledge
        g = grammar()
        self.groups = [tuple(words) for words in g.synonyms] + list(g.type_words.values()) + [terms for terms, _ in g.glossary]

    # -- concepts -----------------------------------------------------------------------

    def counted(self, phrase: str) -> Concept:
        """The counted thing with the words the articles may use for it: "licensed payment
        institutions" is counted as 支付机构 too; 央行下属机构 as 下属机构."""
        words = phrase.split()
        for cut in range(len(words)):
            tail = " ".join(words[cut:])
            group = next((g for g in self.groups if any(_same(tail, v) for v in g)), None)
            if group:
                return Concept(phrase, (tail, *group), "word")
        if has_cjk(phrase):
            return Concept(phrase, tuple(dict.fromkeys((phrase, phrase[-4:]))), "word")
        return Concept(phrase, (phrase, words[-1]), "word")

    def concepts(self, question: Question, *, skip: tuple[str, ...] = ()) -> list[Concept]:
        """skip: words asked about otherwise (the counted thing), not needed in the sentence."""
        # An entity is looked for by every name the store has for it and by the question's own
        # words for it: a person the articles name but the store never took in (来自百度的张旭阳)
        # is still in the sentence that names them.
        found = [
            Concept(question.names.get(e, e), tuple(dict.fromkeys([*self._names(e), *self._written(question, e)])), "entity", e)
            for e in question.entities if not _skipped(question.names.get(e, e), skip)
        ]  # fmt: skip
        for timex in question.dates:
            found.append(Concept(timex.text, (timex.value[:4],), "date"))
        lowered = question.text.lower()
        used: set[str] = set()
        taken: set[int] = set()  # characters of the question a phrase concept covers
        # A phrase of the synonyms ("reserve funds", "data centres", 备付金 however the question was
        # cut into words: 备付|金是) is one concept, not its words.
        names = {n.lower() for n in question.names.values()}
        for group in self.groups:
            hit = next((v for v in sorted(group, key=len, reverse=True)
                        if (" " in v or (has_cjk(v) and len(v) >= 3)) and has(v, lowered)), None)  # fmt: skip
            at = lowered.find(hit) if hit and has_cjk(hit) else -1
            if not hit or _skipped(hit, skip) or hit in names or (at != -1 and taken & set(range(at, at + len(hit)))):
                continue
            found.append(Concept(hit, group, "word"))
            used |= set(hit.split())
            if at != -1:
                taken |= set(range(at, at + len(hit)))
        for term in self.k._other_terms(question):
            at = lowered.find(term) if has_cjk(term) else -1
            if at != -1 and taken & set(range(at, at + len(term))):
                continue
            if term in used or _skipped(term, skip) or any(_same(w, term) for w in used) or term[:4].isdigit() \
                    or re.fullmatch(rf"[\d一二两三四五六七八九十]+[{grammar().measure_words('parties', 'things')}]", term) \
                    or term in grammar().mention_words or term in grammar().count_targets.get("articles", ()):
                continue
            group = next((g for g in self.groups if any(_same(term, v) for v in g)), (term,))
            if not any(c.variants == group for c in found):
                variants = group if term in group else (term, *group)
                found.append(Concept(term, (*variants, *irregular_forms(term), *_across_languages(term)), "word"))
        return found

    @staticmethod
    def _written(question: Question, entity_id: str) -> list[str]:
        name = question.names.get(entity_id, "")
        return [name] if len(name) > 1 else []

    def _names(self, entity_id: str) -> list[str]:
        entity = self.k.entities.get(entity_id, {})
        own = [entity.get("name"), *(entity.get("names") or {}).values()]
        # A spelling seen once for it that is a plain English word ("the Union", read as UnionPay in
        # the article that wrote it) names it only where its article's context said so: in any
        # other sentence "network union platform" is not UnionPay.
        seen = [n for n in entity.get("aliases_seen", []) if n and not (" " not in n and n.lower() in english_vocabulary())]
        # Sentences are read in Simplified characters: a name seen in Traditional (銀聯) is looked
        # for as 银联 too.
        return list(dict.fromkeys(form for n in [*own[:1], *seen, *own[1:]] if n and len(n) > 1 for form in (n, readable(n))))

    # -- reading ------------------------------------------------------------------------

    def read(self, question: Question, concepts: list[Concept], *, min_share: float, min_words: int = 1,
             limit: int = 200) -> list[Reading]:  # fmt: skip
        """Sentences covering every asked date, an entity of the question (in the sentence, the
        one before or the title), and at least min_share of its other concepts; best first."""
        words = [c for c in concepts if c.kind == "word"]
        entities = [c for c in concepts if c.kind == "entity"]
        dates = [c for c in concepts if c.kind == "date"]
        # Searched by the question's own words when it has any: names (支付机构) are in too many sentences.
        readings, seen = [], set()
        for s in self.search_all([tuple(v.lower() for v in c.variants) for c in (words or entities)], limit):
            text = s["sentence"]
            if text in seen or not all(any(has(v, text) for v in c.variants) or self._dates_year(s, c.variants) for c in dates):
                continue
            seen.add(text)
            in_sentence = [c for c in entities if any(has(v, text) for v in c.variants)]
            context = self._context(s) if entities and len(in_sentence) < len(entities) else ""
            seen_entities = in_sentence + [c for c in entities if c not in in_sentence and any(has(v, context) for v in c.variants)]
            if entities and not seen_entities:
                continue
            covered = [c for c in words if any(has(v, text) for v in c.variants)]
            contrary = self._contrary(question, text)
            # "postponed" answers both "completed" and "on schedule": what it contradicts is covered.
            denied = [c for c in words if c not in covered and contrary and self._contradicted(question, c)]
            told = len(covered) + len(denied)
            share = told / len(words) if words else 1.0
            if share < min_share or told < min(min_words, len(words)):
                continue
            readings.append(Reading(s, seen_entities + covered, share, contrary=contrary, context=context, in_sentence=in_sentence))
        # Best: telling most of the question; then sharing the longest run of its words
        # ("三地三中心"); then the shortest, which says it most directly ("However, the
        # disconnection has been postponed.").
        readings.sort(key=lambda r: (-r.share, -len(r.covered), -_shared_run(question.text, r.sentence["sentence"]),
                                     len(r.sentence["sentence"])))  # fmt: skip
        return readings

    def _dates_year(self, s: dict, years: tuple[str, ...]) -> bool:
        """The sentence dates something in the asked year without writing it ("at the end of
        January" in an article of 2019): its stored dates say so."""
        return any(t["value"][:4] in years for t in self.k.store.written_dates(s["article_id"], s["idx"]))

    def _context(self, s: dict) -> str:
        """What a sentence may leave unsaid: the sentence before it and its article's title
        ("…说法完全不同" in an article titled "“网联”3月底上线测试" is about NetsUnion)."""
        return (self.k.store.sentence_text(s["article_id"], s["idx"] - 1) or "") + "\n" + (s.get("title") or "")

    def search(self, terms: list[str], limit: int) -> list[dict]:
        """Sentences by BM25 with any of the words."""
        return self._ranked(_any(terms), limit)

    def search_all(self, groups: list[tuple[str, ...]], limit: int) -> list[dict]:
        """Sentences with a word of every group first, then with a word of any group. When enough
        sentences have them all (a large store), those are all that is ranked: every sentence
        naming a common word would take too long, and those telling all of a question are the
        ones wanted. Fewer, and the rest are ranked too: a word cut apart differently in a
        sentence (存管 inside 集中存管) is no token of it, so "all" may miss what tells it."""
        groups = [g for g in groups if _any(g)]
        found = self._ranked(" AND ".join(f"({_any(g)})" for g in groups), limit) if len(groups) > 1 else []
        if len(found) >= ENOUGH_TO_RANK:
            return found
        known = {s["id"] for s in found}
        return found + [s for s in self.search([w for g in groups for w in g], limit) if s["id"] not in known]

    def _ranked(self, query: str, limit: int) -> list[dict]:
        return self.k.store.match_sentences(query, limit) if query else []

    def beyond_the_act(self, question: Question) -> list[Concept]:
        """The question's words that are not the words of the acts it names (接入, "connect"):
        what an event of those acts does not tell by itself."""
        taxonomy = load_taxonomy()
        acts = {w for t in question.types for w in grammar().event_words.get(t, ())}
        acts |= {w for w, t in taxonomy.zh_triggers() if t in question.types}
        acts |= {w for t in question.types if t in taxonomy.types for w in taxonomy.types[t].en_lemmas}
        # ... and the words of its phrases ("take effect": neither word is more than the act)
        acts |= {w for t in question.types if t in taxonomy.types for p in taxonomy.types[t].en_phrases for w in p.split()}
        return [c for c in self.concepts(question) if c.kind == "word" and not any(_same(c.label, a) for a in acts)]

    def coverage(self, concepts: list[Concept], text: str) -> float:
        """The share of the concepts a text tells."""
        return sum(any(has(v, text) for v in c.variants) for c in concepts) / len(concepts) if concepts else 1.0

    def _contradicted(self, question: Question, concept: Concept) -> bool:
        asked = [a for asked, _ in grammar().contraries for a in asked]
        return any(_same(concept.label, w) for a in asked for w in a.split() if len(w) > 2 or has_cjk(w))

    def contrary_words(self, question: Question, text: str) -> list[str]:
        """Words of a text that deny a word the question asks ("close" against "open"); not the
        words that call something untrue, which a denial asked about holds itself."""
        return self._contrary(question, readable(text), untrue=False)

    def _contrary(self, question: Question, text: str, *, untrue: bool = True) -> list[str]:
        """Words of the sentence that deny a word of the question ("on schedule" / "postponed"),
        and (untrue) the words that call what it tells untrue, whatever was asked."""
        lowered = question.text.lower()
        return [told for asked, told_words in grammar().contraries if (any(has(a, lowered) for a in asked) if asked else untrue)
                for told in told_words if has(told, text)]  # fmt: skip

    # -- what a sentence says -----------------------------------------------------------

    def denies(self, question: Question, reading: Reading) -> bool:
        """A negation just before a covered word, in the same clause ("并不直接开展支付业务",
        "did not clearly define"), or a word contrary to the question's. A negation the sentence
        itself calls untrue ("传出拉卡拉未能如期接入的消息，拉卡拉…指有关报道失实") denies nothing."""
        text = readable(reading.sentence["sentence"])
        negated = self._negated(reading, text)
        untrue = [told for asked, told_words in grammar().contraries if not asked for told in told_words]
        called_untrue = [m.start() for word in untrue for m in re.finditer(re.escape(word), text, re.I)]
        if negated is not None and any(negated < at for at in called_untrue):
            return False  # (a negation after the word, "the rumour is not true, the rules do not ban it", stands)
        return bool(reading.contrary) or negated is not None

    def _negated(self, reading: Reading, text: str) -> int | None:
        """Where a covered word stands that a negation just before it, in its clause, negates."""
        negations = grammar().negations["zh"] + grammar().negations["en"]
        for concept in reading.covered:
            if concept.kind != "word":
                continue
            for variant in concept.variants:
                m = re.search(re.escape(variant) if has_cjk(variant) else _stem_pattern(variant), text, re.I)
                if not m:
                    continue
                clause = _CLAUSE.split(text[: m.start()])[-1]
                if has_cjk(variant):
                    lead = clause[-NEGATION_WINDOW["zh"] :]
                    if any(n in lead for n in grammar().negations["zh"]) or _ZH_NEGATED_CAUSE.search(clause):
                        return m.start()
                else:
                    lead = re.findall(r"[\w']+", clause.lower())[-NEGATION_WINDOW["en"] :]
                    if any(n in lead or f"{n}'t" in lead for n in negations) or any(w.endswith("n't") for w in lead) \
                            or _EN_NEGATED_MEANING.search(clause):
                        return m.start()
        return None

    def quantity(self, reading: Reading, counted: Concept) -> tuple[float, str, bool] | None:
        """The number a sentence gives for the counted thing: 267家支付机构, 6个数据中心,
        超过4600亿元, "three payment institutions" (or 这三家支付机构); and whether it is a value
        the noun has (注册资本为20亿元) rather than a count of it."""
        written = reading.sentence["sentence"]
        text = readable(written)
        measures = grammar().measure_words("parties", "things", "places")
        for variant in sorted(counted.variants, key=len, reverse=True):
            lang = "zh" if has_cjk(variant) else "en"
            noun = re.escape(variant) if lang == "zh" else _stem_pattern(variant)
            gap = r"[\u4e00-\u9fff]{0,6}?" if lang == "zh" else r"(?:\s+[\w-]+){0,2}?\s+"
            if lang == "zh" and not re.match(r"[亿万千百]", variant):
                # A measure word after the number: 三方支付 is no count.
                gap = rf"[{measures}][\u4e00-\u9fff]{{0,6}}?"
            # A count precedes its noun (267家支付机构); a value follows it (平均比例为20%); a
            # Chinese count may follow its noun with its measure word (接入银行424家、支付机构115家).
            patterns = [(False, rf"(?<![\d.])({_NUMBER[lang]}){gap}{noun}"), (True, rf"{noun}[^\d，。,.]{{0,4}}?(\d+(?:\.\d+)?)\s*(?:%|亿元|万元|元)")]
            if lang == "zh":
                patterns.append((False, rf"{noun}({_NUMBER[lang]})[{measures}]"))
            for is_value, pattern in patterns:
                # 一家支付机构, "one payment institution told …": "a", not a count.
                found = [m for m in re.finditer(pattern, text, re.I) if m.group(1).lower() not in ("一", "one")]
                # "among 115 payment institutions, 9 payment institutions have moved their volume":
                # the number whose clause tells most of the rest of the question.
                m = max(found, key=lambda m: self._clause_tells(reading, text, m.start()), default=None)
                number = parse_number(m.group(1), load_grammar(lang)) if m else None
                if m and not is_value:
                    # "5.775 billion transactions", 57.75亿笔: the scale word after the number is its
                    # own, unless the question counts in it (多少亿元: 4600, of 亿元).
                    scaled = NUMBER.match(text, m.start(1))
                    if scaled and scaled.end(1) == m.end(1) and scaled.group(2) and not variant.startswith(scaled.group(2)):
                        number = value_of(scaled)
                if number is not None and not math.isnan(number):
                    return number, written[m.start():m.end()], bool(is_value)
        return None

    def percentage(self, reading: Reading) -> tuple[float, str, int, int] | None:
        """The percentage a sentence gives (12%, 14.2 percent, 百分之二十, 五成, half) in the clause
        telling most of the question: (the number of percent, the words that give it, how much
        of the question its clause tells, how many of the question's parties it names)."""
        written = reading.sentence["sentence"]
        text = readable(written)
        found = []
        for m in _PERCENTAGE.finditer(text):
            digits = m.group("number") or m.group("number_zh")
            if digits:
                number = parse_number(digits, load_grammar("zh" if m.group("number_zh") else "en"))
            elif m.group("tenths"):
                number = parse_number(m.group("tenths"), load_grammar("zh")) * 10
            else:
                number = 50.0
            if number is not None and not math.isnan(number):
                found.append((m, number))
        return self._best_placed(reading, text, written, found) if found else None

    def amount(self, reading: Reading, verb: str | None = None) -> tuple[float, str, int, int] | None:
        """The sum of money a sentence gives (2 billion yuan, 1,398.562 billion yuan, 4600亿元,
        "capped at 500 yuan") in the clause telling most of the question: (the sum in yuan or
        the currency written, the words that give it, how much of the question its clause
        tells, how many of the question's parties it names). The question's verb says which
        sum: "How much did the balance fall?" is answered by "down 231.4 billion yuan", not by
        the balance its clause names."""
        written = reading.sentence["sentence"]
        text = readable(written)
        found = [(m, value_of(m)) for m in _AMOUNT.finditer(text)]
        return self._best_placed(reading, text, written, found, verb) if found else None

    def _best_placed(self, reading: Reading, text: str, written: str, found: list,
                     verb: str | None = None) -> tuple[float, str, int, int]:  # fmt: skip
        """Of the numbers found in a sentence ((match, number) pairs), the one in the clause
        telling most of the question with its parties and naming no other party ("the center
        holds 12%, and Alipay holds 9.61%"); before all, the one whose clause holds the verb
        when one is given: (number, its words, fit, parties named)."""
        verb_words = next((c.variants for c in reading.covered if c.kind == "word" and verb and _same(c.label, verb)), ())
        sentence_ids = self.k.store.entities_at(reading.sentence["article_id"], reading.sentence["idx"])
        asked = {c.entity_id for c in reading.covered if c.kind == "entity"}
        others = [n.lower() for e in sentence_ids if e not in asked and not (self.k.expand(e) & asked) for n in self._names(e)]

        lowered = _COMPANY_FORM_COMMA.sub(" ", text.lower())  # the comma of "Co., Ltd." parts no clause

        def asked_in(clause: str) -> int:
            return sum(1 for c in reading.covered if c.kind == "entity" and any(has(v.lower(), clause) for v in c.variants))

        def scored(match) -> tuple[int, int]:
            """(fit, asked parties named) of a number's clause."""
            start, _ = clause_bounds(lowered, match.start())
            clause = clause_around(lowered, match.start())
            parties = asked_in(clause)
            other = any(n in clause for n in others)
            if start > 1 and not parties and not other:
                # "Pay treasure and Fiscal tie for the third, each hold 9.61%": a clause naming
                # nobody is said of the parties of the clause before it
                clause = clause_around(lowered, start - 2) + " " + clause
                parties, other = asked_in(clause), any(n in clause for n in others)
            return self._clause_tells(reading, text, match.start()) + parties - other, parties

        def holds_verb(match) -> bool:
            return any(has(v, clause_around(lowered, match.start())) for v in verb_words)

        (fit, parties), _, m, number = max(((scored(m), holds_verb(m), m, number) for m, number in found), key=lambda s: (s[1], s[0][0]))
        return number, written[m.start():m.end()], fit, parties

    def _clause_tells(self, reading: Reading, text: str, at: int) -> int:
        """How many of the question's words the clause around offset `at` holds (ties: the first)."""
        clause = clause_around(text, at)
        return sum(1 for c in reading.covered if c.kind == "word" and any(has(v, clause) for v in c.variants))

    def named(self, reading: Reading, kinds: list[str], exclude: list[str]) -> list[str]:
        """The entities of the asked kinds a sentence names; for "这三家支付机构" / "these three
        institutions", the three named last in the sentences before (at most three back)."""
        article, idx = reading.sentence["article_id"], reading.sentence["idx"]

        def of_kind(i: int, *, loose: bool = False) -> list[str]:
            # Looking back from "这三家支付机构", the words already say the kind: any company will do.
            wanted = set(kinds) | (GENERIC_ORGS if loose else set())
            return [e for e in self._mentioned(article, i) if (not kinds or self._type(e) in wanted)
                    and e not in exclude and e not in self.k.collectives]  # fmt: skip

        found = of_kind(idx)
        parties = grammar().measure_words("parties")
        back = re.search(rf"这([\d一二两三四五六七八九十]+)[{parties}]|\bth(?:ese|ose) (two|three|four|five|six)\b", reading.sentence["sentence"])
        if found or not back:
            return list(dict.fromkeys(found))
        wanted = parse_number(back.group(1) or back.group(2), load_grammar("zh" if back.group(1) else "en")) or 1
        earlier: list[str] = []
        for i in range(idx - 1, max(idx - 4, -1), -1):
            earlier = list(dict.fromkeys(of_kind(i, loose=True) + earlier))
            if len(earlier) >= wanted:
                break
        return earlier

    def in_the_asked_place(self, question: Question, reading: Reading, asked: str, others: list[str]) -> list[str]:
        """Of the parties a sentence names instead of the asked one, the one standing where the
        question put it: beside the same word of the question, on the same side ("来自支付宝"
        against "来自百度的张旭阳": 百度, not the association the sentence also names). None of
        them when no word of the question places it or none of them stands there."""
        text, asked_text = readable(reading.sentence["sentence"]).lower(), question.text.lower()
        at = asked_text.find(question.names.get(asked, "\0").lower())
        if at < 0:
            return []
        end = at + len(question.names[asked])
        nearest = None  # (gap in the question, word found in the sentence, the asked name is after it)
        for concept in reading.covered:
            if concept.kind != "word":
                continue
            for variant in (v.lower() for v in concept.variants):
                where = asked_text.find(variant)
                if where < 0 or not has(variant, text):
                    continue
                after = where + len(variant) <= at
                gap = at - (where + len(variant)) if after else where - end
                if gap >= 0 and (nearest is None or gap < nearest[0]):
                    nearest = (gap, variant, after)
        if nearest is None:
            return []
        _, word, asked_after = nearest
        # The word may come more than once ("董事长来自协会，监事长李明来自百度"): the clause that
        # also names another party of the question is the one telling what was asked.
        asked_too = [n.lower() for e in question.entities if e != asked for n in [*self._names(e), *self._written(question, e)]]
        placed = []
        for spot in (m.start() for m in re.finditer(re.escape(word), text)):
            clause_start, clause_end = clause_bounds(text, spot)
            about_the_asked = any(n in text[clause_start:clause_end] for n in asked_too)
            for other in others:
                for name in (n.lower() for n in self._names(other)):
                    found = text.find(name, spot + len(word), clause_end) if asked_after else text.rfind(name, clause_start, spot)
                    if found >= 0:
                        placed.append((not about_the_asked, found - spot if asked_after else spot - found, other))
                        break
        return [min(placed)[2]] if placed else []

    def _type(self, entity_id: str) -> str | None:
        """Also of names one article gives once (the three companies of 2014), which are not
        entities of the store but are mentions of it."""
        if entity_id in self.k.entities:
            return self.k.entities[entity_id]["type"]
        return self.k.store.discovered_type(entity_id)

    def _mentioned(self, article_id: int, idx: int) -> list[str]:
        return self.k.store.entities_at(article_id, idx)
