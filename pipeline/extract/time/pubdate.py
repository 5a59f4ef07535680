"""Infer an article's publication date from its text when it has no date line.

The reasoning, in order:
1. A dateline: the first day-level date near the start of the text ("In September 13th",
   3月23日). Reporters open with the day of the news; if it carries a year, done.
2. The year: an article is published after the dates it reports. The earliest year that
   puts the dateline on or after the latest explicit, written-out date (one with its
   own year, not in a sentence that looks ahead) is the year.
3. Without a dateline, the month of that latest explicit date is the best estimate
   ("YYYY-MM"): the article is at least that recent.
"this year" references (今年, "April this year") are counted as supporting evidence; they
place events in the publication year but do not say which year that is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from pipeline.extract.time.calendar import safe_date
from pipeline.extract.time.context import DocContext
from pipeline.extract.time.resources import load_grammar
from pipeline.extract.time.tagger import tag_document
from pipeline.facts import Timex

# How far into the text a dateline may sit: headers and a reporter's byline come first.
DATELINE_WINDOW = 800


@dataclass(frozen=True, slots=True)
class PublicationDate:
    value: str  # "YYYY-MM-DD" or "YYYY-MM"
    evidence: str  # the expressions the value rests on, for a human to check


def _start_of(t: Timex) -> date | None:
    """The first day of an explicit date's period: 2018-06-30, 2017-08 -> 2017-08-01."""
    v = t.value
    try:
        year = int(v[:4])
    except ValueError:
        return None
    if len(v) >= 10 and v[5:7].isdigit() and v[8:10].isdigit():
        return safe_date(year, int(v[5:7]), int(v[8:10]))
    if len(v) >= 7 and v[5:7].isdigit():
        return date(year, int(v[5:7]), 1)
    if len(v) >= 7 and v[5] == "Q" and v[6].isdigit():
        return date(year, 3 * int(v[6]) - 2, 1)
    if len(v) >= 7 and v[5] == "H" and v[6].isdigit():
        return date(year, 6 * int(v[6]) - 5, 1)
    if len(v) == 4:
        return date(year, 1, 1)
    return None


def _says_this_year(text: str, lang: str) -> bool:
    """Whether an expression names the publication year itself ("April this year", 今年)."""
    words = _this_year_words(lang)
    lowered = text.lower()
    return any(w in lowered for w in words)


@cache
def _this_year_words(lang: str) -> tuple[str, ...]:
    relative = load_grammar(lang).vocab.get("relative", {})
    return tuple(k for k, v in relative.items()
                 if v.get("unit") == "year" and v.get("anchor") == "dct" and int(v.get("offset", 0)) == 0)


def infer_publication_date(text: str, lang: str) -> PublicationDate | None:
    """The publication date the text itself implies, with the evidence used; None when
    the text names no year at all."""
    timexes = tag_document(text, None, lang, None)
    ctx = DocContext.create(text, load_grammar(lang), None, None)
    explicit = [t for t in timexes if t.anchor == "absolute" and t.type in ("DATE", "TIME")
                and _start_of(t) is not None and ctx.tense(t.start, t.end) != "future"]
    this_year = [t for t in timexes if t.anchor == "dct" and _says_this_year(t.text, lang)]
    dateline = next((t for t in timexes if t.start < DATELINE_WINDOW and t.granularity in ("day", "part", "time")
                     and t.anchor in ("dct", "absolute") and t.value[5:7].isdigit() and t.value[8:10].isdigit()
                     and not ctx.is_boundary(t.start, t.end) and ctx.tense(t.start, t.end) != "future"), None)
    support = (' + "this year" in ' + ", ".join(f'"{t.text}"' for t in this_year[:3])) if this_year else ""
    if dateline is not None and dateline.anchor == "absolute":
        return PublicationDate(dateline.value[:10], f'dateline "{dateline.text}"')
    if not explicit:
        return None
    latest = max(explicit, key=lambda t: _start_of(t))
    floor = _start_of(latest)
    if dateline is not None:
        month, day = int(dateline.value[5:7]), int(dateline.value[8:10])
        year = floor.year
        while True:
            candidate = safe_date(year, month, day)
            if candidate is not None and candidate >= floor:
                break
            year += 1
            if year > floor.year + 1:
                candidate = None
                break
        if candidate is not None:
            return PublicationDate(
                candidate.isoformat(),
                f'dateline "{dateline.text}" + latest explicit date "{latest.text}" ({latest.value}){support}',
            )
    if len(latest.value) < 7:
        return None  # a bare year cannot give the "YYYY-MM" this field promises
    return PublicationDate(
        f"{floor.year:04d}-{floor.month:02d}",
        f'latest explicit date "{latest.text}" ({latest.value}); no dateline{support}',
    )
