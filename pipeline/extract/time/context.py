"""What the normaliser knows about the document while it reads: the document date, the
date the narrative is at, and the tense around an expression.

Anaphoric expressions ("the same year", 同年, 次日) point to the last date of the
narrative, not to the document date. Deadlines and boundaries ("from 30 June 2018",
自4月17日起, 10月15日前) are dates the text looks towards, not where its story is, so
they do not move the narrative.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.extract.time.calendar import Point, parse_dct, value
from pipeline.extract.time.parsed_tense import TenseAt
from pipeline.extract.time.resources import Grammar

_EN_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n\s*\n|\n(?=\s*[A-Z\"'])")
# A Chinese sentence runs to 。！？; its clauses after ；still share its narrative.
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n+")

_CLAUSE_END = re.compile(r"[;:；：]")
_RESTATING_GAP = re.compile(r"[\s,，]*(?:on|in|即|的)?[\s,，]*", re.IGNORECASE)  # "Two months later, on …"
_ASIDE_OPENS = re.compile(r",\s+(?:which|who)\b[^,;.]*$", re.IGNORECASE)  # ", which started … in" up to a date
_MODAL_HAD = re.compile(r"\bhad\s+to\b", re.IGNORECASE)  # "had to", a modal: what was required
DAY_ANAPHOR_SENTENCES = 3  # how far back "the same day" may find its day past a month read since
STORY_MONTH_SENTENCES = 1  # how far back a bare day (13日) may take the month (or year) of the story
# The dates precise enough for an anaphor of a unit to point to ("the same month": a month or a day).
FINE_ENOUGH = {"day": ("day", "part", "time"), "month": ("month", "day", "part", "time")}

# A stand-in anchor for documents without a date: values computed from it are masked.
_NO_DATE = Point(date(2000, 7, 1), "day", known="")


# A year written out in figures (2017年, 二〇一七年), not one told relative to the article (去年).
WRITTEN_YEAR = re.compile(r"[0-9０-９]{4}|[〇零一二三四五六七八九]{4}")


def _distance(cue_start: int, cue_end: int, start: int, end: int) -> int:
    """Characters between a cue and an expression, on whichever side."""
    return max(0, start - cue_end, cue_start - end)


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Rough sentence spans, for tense windows and same-sentence anchoring only."""
    pattern = _ZH_SENTENCE_END if lang == "zh" else _EN_SENTENCE_END
    spans, start = [], 0
    for m in pattern.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


@dataclass(slots=True)
class DocContext:
    text: str
    grammar: Grammar
    dct: Point | None
    sentences: list[tuple[int, int]]
    prev: Point | None = None  # the date the narrative is at
    prev_sentence: int = -1
    prev_explicit_year: bool = False
    last_read: tuple[int, int, Point] | None = None  # the start, end and date of the expression read last
    prev_quarter: Point | None = None
    # The last day and the last month the narrative was at, with their sentences: what "the same
    # day" and "the same month" name when the story has moved to a coarser date since.
    prev_at: dict = field(default_factory=dict)  # unit -> (point, sentence)
    prev_deadline: Point | None = None  # the last "from/by" day read: what "the deadline" names
    prev_deadline_sentence: int = -1
    # the last limit read with its year ("starting from January 2017"), and its sentence: what
    # "that year" names when no narrative date came after it
    prev_boundary: Point | None = None
    prev_boundary_sentence: int = -1
    prev_span: tuple[int, int] | None = None  # where the narrative's date was read
    # An undated page's last day read without its year ("On April 1, …, on the same day, …"): what
    # a day anaphor names there (XXXX-04-01), the store giving the year as for any yearless day.
    prev_yearless_day: tuple[Point, int] | None = None  # (point, start)
    month_years: dict = field(default_factory=dict)  # bare month -> year the text gave it
    current: tuple[int, int] = (0, 0)  # the extent being normalised
    _starts: list[int] = field(default_factory=list)
    extents: list[tuple[int, int]] = field(default_factory=list)  # every expression of the text, in order
    vague_at: int = -1  # where the story last moved to a time it does not name ("recently", 此前)
    tense_at: TenseAt | None = None  # the parse's tense, where cue words are silent

    @classmethod
    def create(cls, text: str, grammar: Grammar, dct: str | None,
               sentences: list[tuple[int, int]] | None, tense_at: TenseAt | None = None) -> "DocContext":
        spans = sorted(sentences) if sentences else split_sentences(text, grammar.lang)
        ctx = cls(text=text, grammar=grammar, dct=parse_dct(dct), sentences=spans, tense_at=tense_at)
        ctx._starts = [s for s, _ in spans]
        return ctx

    @property
    def anchor(self) -> Point:
        """The document date, or a masked stand-in when there is none."""
        return self.dct if self.dct is not None else _NO_DATE

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_span(self, offset: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        s, e = self.sentences[self.sentence_of(offset)]
        return s, max(e, offset)

    def prev_in_an_aside(self, start: int) -> bool:
        """Whether the narrative's date was read inside an aside that closed before `start`:
        "NetsUnion, which started trial operations in March 2017, handled … on May 28" (the
        clause describing NetsUnion gives no year to the day of the main clause)."""
        if self.prev_span is None:
            return False
        opened = _ASIDE_OPENS.search(self.text[max(0, self.prev_span[0] - 80):self.prev_span[0]])
        return opened is not None and "," in self.text[self.prev_span[1]:start]

    def narrative(self, unit: str | None = None) -> tuple[Point, str]:
        """The point anaphors refer to and how to name it in `anchor`. A day ("the same day",
        次日) points to the last day read, past a month read since ("Yesterday (April 1) the
        rules took effect. They were issued at the end of December. On the same day, …"); a
        month (同月, "the next month") to the last month or day read, past a year read since."""
        prev = self.prev
        if unit == "year" and self.prev_boundary is not None and (prev is None or self.prev_boundary_sentence > self.prev_sentence):
            # "…starting from January 2017. That year January 13, the central bank issued …": a
            # limit moves no story, but it is the last year told
            return self.prev_boundary, f"previous:{value(self.prev_boundary)}"
        if (prev is not None and unit in FINE_ENOUGH and prev.gran not in FINE_ENOUGH[unit] and unit in self.prev_at
                and not (self.grammar.lang == "en" and self.prev_sentence == self.sentence_of(self.current[0]))):
            # (in English, not past a month of its own sentence: "the rumour that Alipay had
            # connected in April was denied on the same night" is a night of that April)
            point, sentence = self.prev_at[unit]
            if self.sentence_of(self.current[0]) - sentence <= DAY_ANAPHOR_SENTENCES:
                prev = point
        if unit == "day" and self.vague_at > (self.prev_span[0] if self.prev_span else -1):
            # "On July 25 … A few days ago NetsUnion issued a notice … The next day Yibao said …":
            # the story went to a day it does not name; the day after it is unknown
            return self.anchor, "vague"
        yearless = self.prev_yearless_day
        if unit == "day" and yearless is not None and (self.prev_span is None or yearless[1] > self.prev_span[0]):
            return yearless[0], f"previous:{value(yearless[0])}"
        if prev is not None:
            return prev, f"previous:{value(prev)}"
        return self.anchor, "dct"

    def story(self, unit: str) -> tuple[Point, str]:
        """The month (or year) a day or a period end without its own is of (但网联在13日删除了公告,
        月底, "the end of the month"): the one the sentence before named, else the article's."""
        prev = self.prev
        precise = ("year", *FINE_ENOUGH["month"]) if unit == "year" else FINE_ENOUGH["month"]
        if prev is not None and ("m" in prev.known or unit == "year" and "y" in prev.known) and prev.gran in precise \
                and self.sentence_of(self.current[0]) - self.prev_sentence <= STORY_MONTH_SENTENCES:
            return prev, f"previous:{value(prev)}"
        return self.anchor, "dct"

    def year_opens_sentence(self) -> bool:
        """Whether the narrative's date is a year opening its sentence as the time of what it tells
        ("In 2017, the platform began its trial run, March 31 …", 同年，…): the days after it in
        that sentence are of that year. (A year elsewhere is too often a comparison.)"""
        if self.prev is None or self.prev.gran != "year" or self.prev_span is None:
            return False
        start, end = self.prev_span
        s, _ = self.sentence_span(start)
        lead = self.text[s:start].strip(" \t\n\"“”'「」").lower()
        return lead in ("", "in", "during") and self.text[end:end + 2].lstrip()[:1] in (",", "，")

    def year_just_before(self, start: int) -> int | None:
        """The year of a year expression standing right before `start` ("last year March 31", the
        order of 去年3月31日 a translation keeps), else None."""
        year = self._year_before(start)
        return year[2].day.year if year else None

    def restated_month(self, start: int, month: int) -> int | None:
        """The year of a month just read and restated by this one ("Two months later, on October
        15", 两个月后，即10月15日): the expression right before, in this month and with its year."""
        if self.last_read is None:
            return None
        _, end, point = self.last_read
        if not end <= start or not _RESTATING_GAP.fullmatch(self.text[end:start]) or point.gran not in FINE_ENOUGH["month"]:
            return None
        return point.day.year if "y" in point.known and point.day.month == month else None

    def _year_before(self, start: int) -> tuple[int, int, Point] | None:
        if self.last_read is None:
            return None
        _, end, point = self.last_read
        if point.gran != "year" or "y" not in point.known or not end <= start or self.text[end:start].strip():
            return None
        return self.last_read

    def tense(self, start: int, end: int) -> str | None:
        """"future" or "past" from cue words near the expression in its sentence."""
        lead = self.lead_tense(start)
        s, e = self.sentence_span(start)
        g = self.grammar
        width = (40, 25) if g.lang == "zh" else (70, 25)
        before = self.text[max(s, start - width[0]):start]
        after = self.text[end:min(e, end + width[1])]
        # the clause the expression is in: a semicolon or colon ends another one
        before = _CLAUSE_END.split(before)[-1]
        after = _CLAUSE_END.split(after)[0]
        window = before + " " + after
        # "By the end of June, 462 banks and 115 payment institutions had joined": the completed
        # past may stand anywhere in the clause.
        clause = self._clause_of(start, end, width[0])
        turned = lead == "future" and self._after_a_turning_limit(start)
        if turned and g.perfect is not None and g.perfect.search(clause):
            return "past"  # a limit reached: "462 banks had connected by June 30" (but "had extended it until March")
        if turned:
            if g.past_cues is not None and g.past_cues.search(clause):
                # "Payment firms were told to deposit the funds by January 14": a limit of an act
                # told in a past-tense clause is ahead of when it was set, not of the article: the
                # nearest such day.
                return None
            if self.tense_at and self.tense_at(start, end) == "past":
                return "past"  # "Tenpay connected to NetsUnion by June 30": the act it limits is done
        if lead is not None:
            return lead
        fut = self._own_cue(g.future_cues, window, before, start, end)
        if fut is None and g.future_cues_before_only is not None:
            # 要求…于6月30日前完成 looks ahead of the requiring; 央行7月要求… is when it was required
            fut = self._own_cue(g.future_cues_before_only, before, before, start, end)
        past = self._own_cue(g.past_cues, window, before, start, end)
        if (fut and g.lang != "zh" and fut.start() > len(before) and self.tense_at
                and self.tense_at(start, end) == "past"):
            # "issued the notice on June 29, which will be implemented from July 9": a future
            # word after the date is a later clause's when the verb the date hangs on is past
            fut = None
        if fut and not past:
            return "future"
        if past and not fut:
            return "past"
        if fut and past:
            # the nearer cue to the expression wins
            pos = len(before)
            return "future" if abs(fut.start() - pos) <= abs(past.start() - pos) else "past"
        return self.tense_at(start, end) if self.tense_at else None

    def _own_cue(self, cues: re.Pattern | None, window: str, before: str, start: int, end: int) -> re.Match | None:
        """The first cue of the window that, in Chinese, no other expression stands nearer to:
        in "4月底才完成系统改造，5月中旬开始联调，预计月底前上线" 预计 is 月底's, not April's. (Chinese
        verbs carry no tense, so one sentence's comma clauses share a window of cue words; an
        English verb's own tense, read from the parse, keeps its dates apart already.)"""
        if cues is None:
            return None
        if self.grammar.lang != "zh":
            return cues.search(window)
        for match in cues.finditer(window):
            at = start - len(before) + match.start() if match.start() < len(before) else end + match.start() - len(before) - 1
            mine = _distance(at, at + len(match.group()), start, end)
            if not any(_distance(at, at + len(match.group()), s, e) < mine for s, e in self.extents if (s, e) != (start, end)):
                return match
        return None

    def told_as_before(self, start: int, end: int) -> bool:
        """Whether the expression's clause tells something done before the story's time: a perfect
        (the grammar's perfect_cues: "had connected by the end of June", 已) or, in English, "since"
        right before it."""
        g = self.grammar
        s, _ = self.sentence_span(start)
        clause = self._clause_of(start, end, 70)
        since = re.search(r"\bsince\s*$", self.text[max(s, start - 10):start], re.IGNORECASE) is not None
        return since or (g.perfect is not None and g.perfect.search(clause) is not None)

    def _clause_of(self, start: int, end: int, reach: int) -> str:
        """The words of the expression's clause around it (up to `reach` characters before it),
        less "had to" ("links had to be cut by June" is no completed past)."""
        s, e = self.sentence_span(start)
        clause = _CLAUSE_END.split(self.text[max(s, start - reach):start])[-1] + " " + _CLAUSE_END.split(self.text[end:e])[0]
        return _MODAL_HAD.sub(" ", clause)

    def limit_of_a_past_obligation(self, start: int) -> bool:
        """"Firms had to connect by June 30": a limit under "had to" (an obligation told in the
        past, or reported speech shifted back) is the nearest such day, on either side of the
        article: the one just past in a July article, the one ahead in a March one."""
        if not self._after_a_turning_limit(start):
            return False
        sentence_start, _ = self.sentence_span(start)
        clause = _CLAUSE_END.split(self.text[max(sentence_start, start - 70):start])[-1]
        return _MODAL_HAD.search(clause) is not None

    def _after_a_turning_limit(self, start: int) -> bool:
        """Whether a limit word the tense of its clause may turn ("by", perfect_turns) stands right
        before the expression."""
        turns = self.grammar.perfect_turns
        return turns is not None and turns.search(self.text[max(0, start - 25):start]) is not None

    def lead_tense(self, start: int) -> str | None:
        """The side of the DCT a word right before the expression points to: a
        preposition outranks the verbs around ("had extended it until March" looks ahead,
        "rose since June" looks back)."""
        g = self.grammar
        lead = self.text[max(0, start - 25):start]
        if g.lead_future is not None and g.lead_future.search(lead):
            return "future"
        if g.lead_past is not None and g.lead_past.search(lead):
            return "past"
        return None

    def is_start(self, start: int, end: int) -> bool:
        """A start ("from June 30", 由6月30日起): the day a rule or a change runs from."""
        settings = self.grammar.vocab.get("settings", {})
        before = self.text[max(0, start - 20):start].rstrip().lower()
        after = self.text[end:end + 4]
        return any(re.search(rf"(?:^|\W){re.escape(w)}$", before) for w in settings.get("start_cues_before") or ()) or any(
            after.startswith(w) for w in settings.get("start_cues_after") or ())

    def year_reaches_across(self, start: int) -> bool:
        """Whether the narrative's year carries to a month read at start in a later sentence: within
        a paragraph always; into a new paragraph only when the year was written in figures
        (2017年1月 … ¶ 8月4日 is still 2017, but 去年1月, a look back from the article's day,
        leaves the next paragraph's 4月中旬 to the article's own year)."""
        if "\n" not in self.text[self.prev_span[1]:start]:
            return True
        return bool(WRITTEN_YEAR.search(self.text[self.prev_span[0]:self.prev_span[1]]))

    def names_the_start_day(self) -> bool:
        """Whether the day read now is told as the day something started, 规范施行当天 ("the same day
        that the norm was implemented"), while a start day was read in this sentence or the one
        before: the day meant is that start. Chinese puts the verb before the day, English in a
        clause after it."""
        if self.prev_deadline is None or self.sentence_of(self.current[0]) - self.prev_deadline_sentence > 1:
            return False
        settings = self.grammar.vocab.get("settings", {})
        before = self.text[max(0, self.current[0] - 8):self.current[0]]
        if any(before.endswith(v) for v in settings.get("start_day_verbs") or ()):
            return True
        clause = re.match(r"[^,;.，。；]{0,60}", self.text[self.current[1]:]).group(0).lower()
        return re.match(r"\s*(?:that|when|on which)\b", clause) is not None and any(
            re.search(rf"\b{re.escape(v)}\b", clause) for v in settings.get("start_day_verbs_after") or ())

    def obliges(self, start: int) -> bool:
        """Whether the expression's sentence says what must be done ("must go through NetsUnion")."""
        s, e = self.sentence_span(start)
        sentence = self.text[s:e].lower()
        cues = self.grammar.vocab.get("settings", {}).get("obligation_cues") or ()
        return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in cues)

    def is_boundary(self, start: int, end: int) -> bool:
        """A deadline or limit ("from 30 June 2018", 4月17日起) rather than a narrative date."""
        g = self.grammar
        year = self._year_before(start)
        start = year[0] if year else start  # "from this year June 30": the cue is before the year
        if g.boundary_before and g.boundary_before.search(self.text[max(0, start - 30):start]):
            return True
        if g.boundary_after and g.boundary_after.search(self.text[end:end + 6]):
            return True
        return False

    def observe(self, point: Point, start: int, end: int, explicit_year: bool) -> None:
        """Move the narrative to a date just read, unless it is a deadline (then remember it as
        the deadline a later "the deadline" names)."""
        if "y" not in point.known:
            if self.dct is None and point.gran == "day" and not self.is_boundary(start, end):
                # a day of no known month ("yesterday" on an undated page) leaves nothing to name
                self.prev_yearless_day = (point, start) if "m" in point.known and "d" in point.known else None
            return
        if self.is_boundary(start, end):
            if point.gran == "day":
                self.prev_deadline, self.prev_deadline_sentence = point, self.sentence_of(start)
            if point.gran not in ("decade", "century"):
                self.prev_boundary, self.prev_boundary_sentence = point, self.sentence_of(start)
            return
        if point.gran in ("decade", "century"):
            return
        self.prev = point
        self.prev_span = (start, end)
        self.prev_sentence = self.sentence_of(start)
        self.prev_explicit_year = explicit_year
        if point.gran == "quarter":
            self.prev_quarter = point
        for unit, grans in FINE_ENOUGH.items():
            if point.gran in grans:
                self.prev_at[unit] = (point, self.prev_sentence)
