"""Days an article leaves without a year.

An undated page's "June 30" (XXXX-06-30) gives its event no date; the day is kept on the event
as `yearless`, and the store joins the event to the entry other sources date to that day when
they agree on the year (store._entry_for). The event itself stays undated: nothing here guesses
a year.
"""

from __future__ import annotations

import re

from pipeline.facts import EventMention

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
