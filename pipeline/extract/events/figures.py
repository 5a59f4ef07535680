"""Dated figures: "462 banks and 115 payment institutions had connected by June 30", "reserves
of 1,398.562 billion yuan at the end of January", "截至6月30日，已有462家银行接入".

A sentence that states a number with what it counts (a unit, a measure word, a counted noun)
and a date of its own gives `statistic` events, one per date its figures hold on: the figures
as written are the event's theme, the institutions it names are its parties. A date a change
is measured from ("down 14.2 percent from a month earlier", 较上月末) dates no figure. The
words that make a number a figure, and those cues, are in events.yaml (`figures`); a year, a
document number or a number inside a name is no figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from pipeline.extract.events.chinese import without_false_friends
from pipeline.extract.events.dating import last_day
from pipeline.extract.events.english import back_reference_of
from pipeline.extract.events.taxonomy import EntityInfo, Taxonomy
from pipeline.extract.time.parsed_tense import governing_verb
from pipeline.facts import EventMention, Mention, Sentence, Timex

STATISTIC = "statistic"
REQUIRING = "require"  # the type whose verbs ask for what their clause tells
# Parties a figure is about; places, people and outlets are where or who said it.
PARTY_TYPES_EXCLUDED = {"place", "person", "media", "document"}
MAX_THEME = 120  # characters of figures kept as the event's theme
CLAUSE_BREAK = re.compile(r"[，；;：]|[,:]\s")  # (not the comma inside "1,000")
PROPOSITION_BREAK_EN = re.compile(r";\s|\b(?:and|but) that\b|,\s+but\b", re.I)
# A numeral in characters with a 十, 百 or 千 in it (四百, 二十, 十): 两三家 and 四五家 are "two or
# three", "four or five", no figure; 第十 an ordinal.
CHINESE_NUMERAL = r"(?<![第零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九]*[十百千][零〇一二两三四五六七八九十百千]*"
LIST_SUM_REACH = 8  # characters between a list of names and the number that sums it up
LIMIT_REACH = 20  # characters before a figure where a limit word ("not exceed", 不超过) may stand
CLAUSE_OPENERS_ZH = ("，", "；", "。", "：", "截至", "截止", "截止到")  # what may stand before a clause's 目前


def find_figures(
    doc: Doc, sentence: Sentence, mentions: list[Mention], timexes: list[Timex], entities: EntityInfo, taxonomy: Taxonomy, lang: str,
    dct: str | None = None,
) -> list[EventMention]:
    """The sentence's statistic events: its figures grouped by the date each holds on ("20
    percent on April 17, 2017, and about 50 percent by April 2018" are two), with the sentence's
    parties and documents. A figure told as holding now ("at present 18 banks have connected",
    截至目前) holds around the article's date (its month); an undated article's has no date.
    (An undated page's "by June 30" gives none either: dated by the year other sources give
    that day, as events are, such figures added more wrong entries than right ones.)"""
    if STATISTIC not in taxonomy.types:
        return []
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value)]
    # "The platform started on March 31 last year; up to now 389 banks have connected": the
    # figure nearest the present word holds now (around the article's date; an undated article's
    # has none), not on the other date of the sentence.
    now = dct[:7] if dct and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct) else ""
    dated = sorted(dated + [replace(t, value=now, modifier="APPROX") for t in timexes if _dates_its_clause_now(t, sentence, lang)],
                   key=lambda t: t.start)
    if not dated:
        return []  # a figure without its date is no point on a timeline
    taken = [(t.start - sentence.start, t.end - sentence.start) for t in timexes]
    taken += [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    figures = [m for m in _figure_pattern(taxonomy, lang).finditer(sentence.text)
               if not any(s <= m.start() < e for s, e in taken)  # the number itself in a date or a name
               and not _counts_the_names_before(m, mentions, sentence, entities)
               and not _a_limit(m, sentence.text, taxonomy, lang)]  # fmt: skip
    if not figures:
        return []
    parties = []
    for m in mentions:
        if m.entity_id and entities.types.get(m.entity_id) not in PARTY_TYPES_EXCLUDED and m.entity_id not in parties:
            parties.append(m.entity_id)
    documents = [m.entity_id for m in mentions if m.entity_id and entities.types.get(m.entity_id) == "document"]
    back_reference = None if parties or documents else _anaphoric_subject(doc, figures[0], taxonomy, lang)
    if not parties and not documents and not back_reference and _told_of_the_owner(sentence.text, taxonomy, lang):
        parties = [taxonomy.figure_owner]  # "the ratio … reached about 50 percent in April": the institutions' ratio
    if not parties and not documents and not back_reference:
        return []
    holds_on = _holding_dates(dated, figures, sentence, taxonomy, lang)
    if not holds_on:
        return []
    if lang == "en" and len(holds_on) > 1:
        # "said last Tuesday that it handled 1.2 trillion yuan in December": the day of the
        # saying dates no figure when the sentence has another date
        holds_on = [t for t in holds_on if not _dates_a_saying(doc, t, sentence, taxonomy)] or holds_on
    by_date: dict[Timex, list[re.Match]] = {}
    for figure in figures:
        own = [t for t in holds_on if lang != "en" or not _in_a_clause_apart(doc, t, figure, sentence)]
        if own:
            when = min(own, key=lambda t: _distance(t, figure, sentence))
            by_date.setdefault(when, []).append(figure)
    if not by_date:
        return []
    # the words before the first figure, without its dates: "By the end of May" holds no "may"
    before = sentence.text[: figures[0].start()]
    for t in dated:
        lo, hi = t.start - sentence.start, t.end - sentence.start
        if 0 <= lo < len(before):
            before = before[:lo] + " " * (min(hi, len(before)) - lo) + before[hi:]
    if lang == "en":
        # "…said that reserves would be deposited in full, and that by the end of 2018, 99 percent
        # … was processed": a modal of another proposition the speech verb joins tells none of it
        before = PROPOSITION_BREAK_EN.split(before)[-1]
    factuality = _factuality(before, taxonomy, lang)
    if lang == "en" and factuality == "asserted" and _demanded(doc, figures[0], taxonomy):
        factuality = "required"
    events = []
    for when, found in by_date.items():
        if not when.value:
            continue  # holding now, in an article without a date
        first = found[0]
        # "at the end of September 2016", 三季度末: a figure holds on the last day of the period.
        value = (last_day(when.value) or when.value) if when.modifier == "END" else when.value
        events.append(EventMention(
            sentence_idx=sentence.idx,
            type=STATISTIC,
            category=taxonomy.types[STATISTIC].category,
            trigger=first.group(0).strip(),
            start=sentence.start + first.start(),
            end=sentence.start + first.end(),
            factuality=factuality,
            actors=list(parties),
            document=documents[0] if documents else None,
            theme="; ".join(_with_its_noun(m, mentions, sentence) for m in found)[:MAX_THEME],
            date=value,
            date_text=when.text,
            date_source="sentence",
            date_mod="APPROX" if when.modifier == "APPROX" else None,
            back_reference=back_reference,
        ))  # fmt: skip
    return events


def _distance(when: Timex, figure: re.Match, sentence: Sentence) -> tuple[bool, int]:
    return date_distance(sentence.text, when.start - sentence.start, figure.start())


def date_distance(text: str, date_at: int, figure_at: int) -> tuple[bool, int]:
    """How far a date stands from a figure in a sentence: a date of the figure's own clause first,
    the nearest first; across clauses, a date before the figure stands nearer than one after it,
    since a date governs the clauses that follow it (网联于2017年8月29日完成工商注册，注册资本20亿元，
    同年3月31日…)."""
    between = text[min(date_at, figure_at) : max(date_at, figure_at)]
    other_clause = bool(CLAUSE_BREAK.search(between))
    return other_clause, abs(date_at - figure_at) if not other_clause or date_at < figure_at else len(text) + date_at


def _dates_its_clause_now(timex: Timex, sentence: Sentence, lang: str) -> bool:
    """"At present 18 banks have connected", 截至目前，已有…: a word of the present that dates its
    clause, not one that describes a thing ("the current 20 percent", 停留在当前的20%左右 says
    where a figure stands, in a sentence about what comes next)."""
    if timex.value != "PRESENT_REF":
        return False
    if lang != "zh":
        return timex.text.lower() not in ("current", "the present")
    before = sentence.text[: timex.start - sentence.start].rstrip()
    return not before or before.endswith(CLAUSE_OPENERS_ZH)


def _holding_dates(dated: list[Timex], figures: list[re.Match], sentence: Sentence, taxonomy: Taxonomy, lang: str) -> list[Timex]:
    """The dates a figure of the sentence may hold on: not the date a change is measured from
    ("down 231.4 billion yuan from the end of last year", 较上年末); the date an "as of" (截至)
    introduces, when there is one, before any other."""
    words = taxonomy.figures.get(lang, {})
    text = sentence.text

    def after_cue(t: Timex, cues: tuple[str, ...]) -> str | None:
        before = text[: t.start - sentence.start].rstrip().lower()
        for cue in cues:
            if before.endswith(cue) and (lang == "zh" or before[: -len(cue)][-1:] in ("", " ", ",", "(")):
                return cue
        return None

    def measured_from(t: Timex) -> bool:
        if after_cue(t, words.get("compared_with", ())):
            return True
        # "from", "over": only right after a figure ("fell 14.2 percent, from a month earlier"),
        # not where they open a period ("raised from January").
        cue = after_cue(t, words.get("measured_from", ()))
        cue_at = len(text[: t.start - sentence.start].rstrip()) - len(cue or "")
        return cue is not None and any(0 <= cue_at - m.end() <= 2 for m in figures)

    usable = [t for t in dated if not measured_from(t)]
    as_of = [t for t in usable if after_cue(t, words.get("as_of", ()))]
    return as_of or usable


def _in_a_clause_apart(doc: Doc, when: Timex, figure: re.Match, sentence: Sentence) -> bool:
    """"NetsUnion, which began trial operations in March 2017, has since signed up 400 banks": a
    date inside a relative clause dates what that clause tells, not a figure outside it. (Unlike
    english._inside_another_relative_clause for events, a clause on the figure's own noun is apart
    too: "462 banks that joined in March 2017 had connected by June 30" counts them on June 30.)"""
    date_span = doc.char_span(when.start - sentence.start, when.end - sentence.start, alignment_mode="expand")
    figure_span = doc.char_span(figure.start(), figure.end(), alignment_mode="expand")
    if date_span is None or figure_span is None:
        return False
    clause = next((a for a in date_span.root.ancestors if a.dep_ == "relcl"), None)
    return clause is not None and not clause.left_edge.i <= figure_span.root.i <= clause.right_edge.i


def _dates_a_saying(doc: Doc, when: Timex, sentence: Sentence, taxonomy: Taxonomy) -> bool:
    span = doc.char_span(when.start - sentence.start, when.end - sentence.start, alignment_mode="expand")
    return span is not None and governing_verb(span.root).lemma_.lower() in taxonomy.reporting_verbs_en


def _told_of_the_owner(text: str, taxonomy: Taxonomy, lang: str) -> bool:
    """Whether a sentence tells its figures with a word of what figure_owner has (events.yaml)."""
    words = taxonomy.figure_owner_words(lang)
    if not words:
        return False
    if lang == "zh":
        return any(w in text for w in words)
    return re.search(rf"\b(?:{'|'.join(map(re.escape, words))})\b", text, re.I) is not None


def _anaphoric_subject(doc: Doc, figure: re.Match, taxonomy: Taxonomy, lang: str) -> str | None:
    """"In the first quarter it processed 5.775 billion transactions": a figure whose clause has
    an anaphor for subject ("it", "the platform") is the figure of the institution the anaphor
    stands for, found among the sentences before as for an event's subject (narrative.py). A
    Chinese figure of a sentence opened by a word narrowing the one before (其中，6月份单月处理…)
    is of the institution that sentence's figures were."""
    if lang != "en":
        return next((w for w in taxonomy.narrowing_openers_zh if doc.text.lstrip().startswith(w)), None)
    span = doc.char_span(figure.start(), figure.end(), alignment_mode="expand")
    if span is None:
        return None
    verb = governing_verb(span.root)
    return back_reference_of([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")], taxonomy)


def _with_its_noun(figure: re.Match, mentions: list[Mention], sentence: Sentence) -> str:
    """The figure as written, with the name it counts when the name comes first (接入银行424家、
    支付机构115家: "银行424家", not "424家", which would not tell what was counted)."""
    written = figure.group(0).strip()
    noun = next((m for m in mentions if m.end - sentence.start == figure.start() and m.start < m.end), None)
    return sentence.text[noun.start - sentence.start : noun.end - sentence.start] + written if noun else written


def _counts_the_names_before(figure: re.Match, mentions: list[Mention], sentence: Sentence, entities: EntityInfo) -> bool:
    """"浙江易士、广东益民和上海畅购3家支付机构", "Alipay, Tenpay and Chinabank Payment, the three
    institutions": a number that counts the names just listed sums up the list; it is no figure."""
    number = re.match(r"\d+", figure.group(0))
    listed = [m for m in mentions if m.entity_id and m.end - sentence.start <= figure.start()
              and m.entity_id not in entities.collectives]  # fmt: skip
    # the sum stands right after its list ("上海畅购3家": a name the table does not know may
    # show only by its place); "NetsUnion registered in Beijing, capital 2 billion yuan" lists none
    if not number or not listed or figure.start() - max(m.end - sentence.start for m in listed) > LIST_SUM_REACH:
        return False
    names = len({m.entity_id for m in listed})
    return names >= 2 and int(number.group(0)) == names


def _a_limit(figure: re.Match, text: str, taxonomy: Taxonomy, lang: str) -> bool:
    """"shall not exceed 500 yuan a day", 不得超过500元: a cap a rule sets, no figure measured."""
    before = text[max(0, figure.start() - LIMIT_REACH) : figure.start()].lower().rstrip()
    return any(before.endswith(word) for word in taxonomy.figures.get(lang, {}).get("limits", ()))


@cache  # a Taxonomy hashes by identity: one pattern per loaded taxonomy and language
def _figure_pattern(taxonomy: Taxonomy, lang: str) -> re.Pattern:
    """A number with the words that say what it counts, from events.yaml's `figures`."""
    words = taxonomy.figures.get(lang, {})
    scales = "|".join(sorted(map(re.escape, words.get("scales", ())), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, words.get("units", ())), key=len, reverse=True))
    # Not the tail of a word or of a document number (〔2017〕209号, [2017] No. 209); in
    # Chinese a figure follows a character directly (已有462家).
    number = (r"(?<![\d.〔\[])" if lang == "zh" else r"(?<![\w.\[])") + r"\d[\d,]*(?:\.\d+)?"
    if lang == "zh":
        # 逾四百家, 二十億元: numerals in characters too, as Hong Kong papers write them (not 一家,
        # "a", nor a list's 三家, more often its sum than a figure)
        number = rf"(?:{number}|{CHINESE_NUMERAL})"
        # 400余家, 100多家: the word of "more than" between the number and its unit
        approximate = "|".join(map(re.escape, words.get("approximate", ()))) or "(?!)"
        pattern = rf"{number}\s*(?:{scales})?\s*(?:{approximate})?\s*(?:{units})"
    else:
        # "462 banks", "5.775 billion transactions", "9.61 percent", "2 billion yuan", "about 50%"
        pattern = rf"{number}\s*(?:%|\s(?:{scales}))?(?:\s+(?:[a-z-]+\s+){{0,2}}?(?:{units})\b|%|\s+(?:percent|per cent)\b)"
    return re.compile(pattern, re.I)


def _demanded(doc: Doc, figure: re.Match, taxonomy: Taxonomy) -> bool:
    """Whether the figure is in what a verb of demanding asks for: "issued a notice, requiring
    payment institutions to … achieve 100% centralized deposit by January 14" sets a goal, it
    measures nothing (the parse tells what no cue word before the figure does)."""
    demanding = taxonomy.types.get(REQUIRING)
    token = next((t for t in doc if t.idx >= figure.start()), None)
    if demanding is None or token is None:
        return False
    return any(a.pos_ == "VERB" and a.lemma_.lower() in demanding.en_lemmas for a in token.ancestors)


def _factuality(before: str, taxonomy: Taxonomy, lang: str) -> str:
    """A figure expected or planned ("will reach 200", 预计) or required ("must raise the share
    until it reaches 100 percent") is no figure held; reported ones are marked."""
    lowered = before.lower()
    if lang == "zh":
        before = without_false_friends(before, taxonomy)  # 未按要求完成…: no requirement, as for events
    for family in ("required", "planned", "speculative", "reported"):
        for cue in taxonomy.factuality.get(family, {}).get(lang, ()):
            if (re.search(rf"\b{re.escape(cue)}\b", lowered) if lang == "en" else cue in before):
                return family
    return "asserted"
