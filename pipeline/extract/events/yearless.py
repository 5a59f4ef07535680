"""Days an article leaves without a year.

An undated page's "June 30" (XXXX-06-30) gives its event no date here; the day is kept on the
event as `yearless`, and the store dates it with the year the other stored sources give that
day for the same parties, when they give one (Store.date_yearless_events). Nothing here guesses
a year.
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
