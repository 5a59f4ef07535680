"""What both languages' event readers share in dating an event from its sentence's dates.

- attach_dates: the dates with a year first, then the days the article leaves without one;
- date_of_span: an act told after a span or list of dates ("in September and November")
  happened within it;
- yearless days: an undated page's "June 30" (XXXX-06-30) gives its event no date here; the day
  is kept on the event as `yearless`, and the store dates it with the year the other stored
  sources give that day for the same parties, when they give one (Store.date_yearless_events).
  Nothing here guesses a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.facts import EventMention, Timex

# A month, or a day of a month, whose year is unknown: XXXX-06, XXXX-06-30 (not XXXX-Q1 or XXXX).
YEARLESS_DAY = re.compile(r"XXXX-\d\d(?:-\d\d)?")


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
    undated = [e for e in events if e.date is None and e.deadline is None]
    if yearless and undated:
        attach(undated, yearless)
        keep_yearless(undated)


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
        return first.value, first.text
    return f"{first.value}/{chosen.value}", text[first.start - offset : chosen.end - offset]


def dates_as_recent(timex: Timex, words: tuple[str, ...]) -> bool:
    """Whether a timex is one of the words that date an act only as recent ("recently", 近日)."""
    return timex.value == "PAST_REF" and timex.text.lower() in {w.lower() for w in words}


def date_recent_acts(events: list[EventMention], timexes: dict[int, list[Timex]], dct: str | None,
                     words: tuple[str, ...], within_days: int) -> None:
    """"The central bank recently approved the plan", 近日，人民银行印发了…: an act whose sentence
    dates it only as recent is dated to the month of the article (approximately), when the
    article is dated to the day and written more than `within_days` days into its month. Never
    in an undated article, and never over a date the sentence gives the act."""
    if not dct or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct) or int(dct[8:10]) <= within_days:
        return
    for event in events:
        if event.date or event.deadline or event.yearless or event.category == "commentary":
            continue
        # The word before the act, in its sentence: it dates what follows it (近日，人民银行印发了…;
        # "has recently approved"). The act left undated by its sentence's other dates stays theirs.
        here = timexes.get(event.sentence_idx, [])
        recent = next((t for t in here if dates_as_recent(t, words) and t.end <= event.start), None)
        if recent:
            event.date, event.date_text, event.date_source, event.date_mod = dct[:7], recent.text, "sentence", "APPROX"
