"""What both languages' event readers share in dating an event from its sentence's dates.

- attach_dates: the dates with a year first, then the days the article leaves without one;
- date_of_span: an act told after a span or list of dates ("in September and November")
  happened within it;
- point_date / limit_date: what "the end of last year" dates: an act done then (the year's
  last month, as analysts date it) or a limit set by it (the year's last day);
- yearless days: an undated page's "June 30" (XXXX-06-30) gives its event no date here; the day
  is kept on the event as `yearless`, and the store dates it with the year the other stored
  sources give that day for the same parties, when they give one (Store.date_yearless_events).
  Nothing here guesses a year;
- date_by_line_headings: a chronology's line ("30 June 2018: Direct connections end. …") dates
  the later sentences of the line by the date it opens with.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from pipeline.facts import EventMention, Sentence, Timex

# A month, or a day of a month, whose year is unknown: XXXX-06, XXXX-06-30 (not XXXX-Q1 or XXXX).
YEARLESS_DAY = re.compile(r"XXXX-\d\d(?:-\d\d)?")
# A day with neither its year nor its month known: XXXX-XX-23, XXXX-XX-XX ("Sunday").
UNPLACED_DAY = re.compile(r"XXXX-XX(?:-(?:\d\d|XX))?")


_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?")
# A day of a known month whose day is not known (2018-04-XX, 2018-04-XXTNI).
_DAY_UNKNOWN = re.compile(r"(\d{4}-\d{2})-XX")


def _last_month(period: re.Match) -> int:
    return int(period[2]) if period[2] else 3 * int(period[3]) if period[3] else 6 * int(period[4]) if period[4] else 12


def last_day(value: str) -> str | None:
    """The last day of a month, quarter, half or year given as TIMEX3 (2016-Q3 -> 2016-09-30)."""
    m = _PERIOD.fullmatch(value)
    if not m:
        return None
    year, month = int(m[1]), _last_month(m)
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def point_date(timex: Timex) -> str:
    """The date of an act done at the end of a period longer than a month: its last month ("at
    the end of last year" 2017-12, 三季度末 2016-09); a month's end is the month. (A year's
    start is left the year: 年初 may be January or the spring, and writers date it either way.)"""
    unknown_day = _DAY_UNKNOWN.match(timex.value)
    if unknown_day:
        return unknown_day[1]  # "on the same night" of a story told in April: a night of April 2018, dated April
    m = _PERIOD.fullmatch(timex.value)
    if not m or m[2] or timex.modifier != "END":
        return timex.value
    return f"{m[1]}-{_last_month(m):02d}"


def limit_date(timex: Timex) -> str:
    """The day a limit set by the end of a period longer than a month falls on ("by the end of
    this year" is its last day); any other limit is the period as told (a month's end, as in
    "the platform goes live at the end of this month", is read as the month)."""
    m = _PERIOD.fullmatch(timex.value)
    if not m or m[2] or timex.modifier != "END":
        return timex.value
    return last_day(timex.value)


def keep_yearless(events: list[EventMention]) -> None:
    """Move a yearless date the sentence reading gave (as date, or as the deadline a "by June
    30" sets) to `yearless`: the event's date and deadline stay empty."""
    for event in events:
        found = event.date or event.deadline
        event.date = event.date_text = event.date_source = event.date_mod = event.deadline = None
        event.later_deadlines = []
        event.yearless = found


def attach_dates(events: list[EventMention], timexes: list[Timex], attach: Callable[[list[EventMention], list[Timex]], None]) -> None:
    """`attach(events, dates)` (a language's reading of which date is whose) with the dates
    that have a year; then, for the events still undated, with the days that have none, kept
    as `yearless`."""
    attach(events, [t for t in timexes if t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value)])
    yearless = [t for t in timexes if t.type == "DATE" and YEARLESS_DAY.fullmatch(t.value)]
    # A day the page names but nothing places ("the day before yesterday (23rd)" on an undated
    # page, "Sunday"): the act it dates is of that day, not of a later date of the sentence
    # ("… issued the guidelines, saying institutions shall deposit on April 17"); it stays undated.
    unplaced = [t for t in timexes if t.type == "DATE" and UNPLACED_DAY.fullmatch(t.value)]
    undated = [e for e in events if e.date is None and e.deadline is None]
    if yearless and undated:
        attach(undated, sorted(yearless + unplaced, key=lambda t: t.start))
        keep_yearless(undated)
        for event in undated:
            if event.yearless and UNPLACED_DAY.fullmatch(event.yearless):
                event.yearless = None


def date_of_span(timexes: list[Timex], chosen: Timex, text: str, offset: int, joiners: tuple[str, ...]) -> tuple[str, str]:
    """(value, words) of the span or list of dates `chosen` closes ("from January to April",
    "in September and November", 9月至11月): an act told after them happened within them,
    2018-09/2018-11 (an ISO 8601 interval; views.dates.span reads it). Walks back over dates
    joined to `chosen` by nothing but a joiner; `chosen` alone when none is. `text` starts at
    `offset`."""
    ordered = sorted(timexes, key=lambda t: t.start)
    at = ordered.index(chosen)
    while at > 0:
        gap = text[ordered[at - 1].end - offset : ordered[at].start - offset].strip().lower()
        if gap not in joiners:
            break
        at -= 1
    first = ordered[at]
    if first is chosen or not (first.value[:4].isdigit() and chosen.value[:4].isdigit()) or first.value >= chosen.value:
        return point_date(first), first.text
    return f"{first.value}/{chosen.value}", text[first.start - offset : chosen.end - offset]


def dates_as_recent(timex: Timex, words: tuple[str, ...]) -> bool:
    """Whether a timex is one of the words that date an act only as recent ("recently", 近日)."""
    return timex.value == "PAST_REF" and timex.text.lower() in {w.lower() for w in words}


def date_recent_acts(events: list[EventMention], timexes: dict[int, list[Timex]], dct: str | None,
                     words: tuple[str, ...], within_days: int) -> None:
    """"The central bank recently approved the plan", 近日，人民银行印发了…: an act whose sentence
    dates it only as recent is dated to the month of the article (approximately), when the
    article is dated to the day and written more than `within_days` days into its month. Never
    in an undated article, and never over a date the sentence gives the act (a limit it sets,
    "recently told firms to finish by June 30", is no date of the telling)."""
    if not dct or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct) or int(dct[8:10]) <= within_days:
        return
    for event in events:
        if event.date or event.yearless or event.category == "commentary" or event.type == "deadline":
            continue
        if event.factuality in ("planned", "speculative", "required"):
            continue  # 预计将于近期完成: "soon", ahead of the article, no month it names
        # The word before the act, in its sentence: it dates what follows it (近日，人民银行印发了…;
        # "has recently approved"). The act left undated by its sentence's other dates stays theirs.
        here = timexes.get(event.sentence_idx, [])
        recent = next((t for t in here if dates_as_recent(t, words) and t.end <= event.start), None)
        if recent:
            event.date, event.date_text, event.date_source, event.date_mod = dct[:7], recent.text, "sentence", "APPROX"


# What follows a date that heads a line of a chronology: "30 June 2018: Direct connections end."
_HEADING_MARK = re.compile(r"\s*[:：]")


def date_by_line_headings(events: list[EventMention], sentences: list[Sentence], timexes: dict[int, list[Timex]]) -> None:
    """A chronology's line, "30 June 2018: Direct connections end. 462 banks … are connected to
    NetsUnion.": the date the line (a paragraph) opens with, set off by a colon, dates the acts of
    its later sentences that name no date of their own (its first sentence is read with it)."""
    heading_of: dict[int, Timex | None] = {}  # paragraph -> its heading date
    later: set[int] = set()  # sentences after a paragraph's first
    for sentence in sentences:
        if sentence.paragraph in heading_of:
            later.add(sentence.idx)
        else:
            heading_of[sentence.paragraph] = _heading_date(sentence, timexes.get(sentence.idx, []))
    paragraph_of = {s.idx: s.paragraph for s in sentences}
    for event in events:
        heading = heading_of.get(paragraph_of.get(event.sentence_idx))
        if (heading and event.sentence_idx in later and not timexes.get(event.sentence_idx)
                and not (event.date or event.deadline or event.yearless)):
            event.date, event.date_text, event.date_source = point_date(heading), heading.text, "sentence"


def _heading_date(sentence: Sentence, dates: list[Timex]) -> Timex | None:
    """The date a paragraph's first sentence opens with, set off by a colon, when it has a year."""
    first = min(dates, key=lambda t: t.start, default=None)
    if first is None or sentence.text[: first.start - sentence.start].strip(" -•*\t") or not re.match(r"\d{4}", first.value):
        return None
    return first if _HEADING_MARK.match(sentence.text[first.end - sentence.start :]) else None
