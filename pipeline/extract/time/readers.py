"""Small readers shared by the normalisers: the result record, numbers, months, modifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.time.calendar import Point, value
from pipeline.extract.time.context import DocContext
from pipeline.extract.time.matcher import Candidate
from pipeline.extract.time.numbers import parse_chinese, parse_number, to_ascii_digits

_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)?$", re.IGNORECASE)
# Which of year, month, day a point needs to be real at each granularity.
_COARSER = {"day": "ymd", "part": "ymd", "time": "ymd", "week": "y", "weekend": "y", "month": "ym",
            "season": "y", "quarter": "ym", "half": "ym", "year": "y", "decade": "y", "century": "y"}


@dataclass(frozen=True, slots=True)
class Resolved:
    type: str
    value: str
    granularity: str | None
    modifier: str | None
    anchor: str | None
    point: Point | None = None
    explicit_year: bool = False
    # False for comparisons ("a year earlier", "the year-ago quarter"): they name another
    # period without moving the story there.
    narrative: bool = True


def modifier(c: Candidate, ctx: DocContext) -> str | None:
    g = ctx.grammar
    for word in (c.groups.get("mod"), c.prefix, c.suffix):
        if word is None:
            continue
        for table in ("modifiers", "suffix_modifiers", "approximators"):
            meaning = g.lookup(table, word)
            if meaning is not None:
                return meaning
    return None


def int_of(text: str | None, ctx: DocContext) -> int | None:
    """A small number as written: 27, 27th, twenty-seventh, 二十七."""
    if text is None:
        return None
    text = to_ascii_digits(text.strip())
    m = _ORDINAL_DIGITS.match(text)
    if m:
        return int(m.group(1))
    g = ctx.grammar
    ordinal = g.lookup("ordinals", text)
    if ordinal is not None:
        return int(ordinal)
    if g.lang == "zh":
        n = parse_chinese(text, g)
    else:
        n = parse_number(text, g)
    return int(n) if n is not None and n == int(n) else None


def month_of(text: str | None, ctx: DocContext) -> int | None:
    if text is None:
        return None
    named = ctx.grammar.lookup("months", text)
    if named is not None:
        return int(named)
    n = int_of(text, ctx)
    return n if n is not None and 1 <= n <= 12 else None


def known_at(base: Point, gran: str) -> str:
    """Which parts of a point derived from `base` are real at granularity `gran`."""
    needed = _COARSER.get(gran, "ymd")
    return "".join(ch for ch in needed if ch in base.known)


def type_of(point: Point) -> str:
    return "TIME" if point.gran in ("time", "part") else "DATE"


def resolved(point: Point, c: Candidate, ctx: DocContext, anchor: str, explicit_year: bool = False) -> Resolved:
    return Resolved(
        type=c.rule.type or type_of(point),
        value=value(point),
        granularity=point.gran,
        modifier=modifier(c, ctx),
        anchor=anchor,
        point=point,
        explicit_year=explicit_year,
    )
