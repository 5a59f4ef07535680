"""Amounts of time: durations ("two years", 3个月), offsets ("two years ago", 两年前),
sets ("every month", 每季度) and fixed references ("now", 目前)."""

from __future__ import annotations

import math
from dataclasses import replace

from pipeline.extract.time.calendar import shift, value
from pipeline.extract.time.context import FINE_ENOUGH, DocContext
from pipeline.extract.time.matcher import Candidate
from pipeline.extract.time.numbers import parse_number
from pipeline.extract.time.readers import Resolved, known_at, modifier, month_of, resolved

# TIMEX3 duration letters (the format, not vocabulary): unit -> (letter, multiplier, is_time)
_DURATION = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "weekend": ("WE", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("M", 3, False),
    "half": ("M", 6, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "millennium": ("L", 1, False),
}
_VAGUE_LETTER = {"quarter": "Q", "decade": "DE", "century": "CE", "half": "M"}
# A half of a unit, written in the next smaller one: "a year and a half" is P1Y6M.
_HALF = {"year": ("M", 6), "month": ("D", 15), "day": ("H", 12), "hour": ("M", 30), "minute": ("S", 30)}


def count_unit(c: Candidate, ctx: DocContext) -> tuple[float | None, str | None]:
    g, gr = ctx.grammar, c.groups
    unit_rec = g.lookup("units", gr.get("unit")) or g.lookup("bare_units", gr.get("unit"))
    unit = unit_rec["unit"] if isinstance(unit_rec, dict) else None
    if "num" not in gr:
        # "the past year" counts one; "the past years" and vague rules count X
        plural = isinstance(unit_rec, dict) and unit_rec.get("is_plural", False)
        return (None if c.rule.vague or plural else 1.0), unit
    n = parse_number(gr["num"], g)
    if n is not None and "plus_half" in gr:
        n += 0.5
    return n, unit


def _duration_value(n: float | None, unit: str) -> str | None:
    letter, mult, is_time = _DURATION[unit]
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{_VAGUE_LETTER.get(unit, letter)}"
    whole = math.floor(n)
    frac = n - whole
    amount = whole * mult
    if frac and abs(frac - 0.5) < 1e-9 and unit in _HALF and mult == 1:
        sub_letter, sub = _HALF[unit]
        head = f"{amount}{letter}" if amount else ""
        sub_t = "T" if unit in ("day", "hour", "minute") and not is_time else ""
        return f"P{t}{head}{sub_t}{sub}{sub_letter}"
    if frac:
        total = n * mult
        return f"P{t}{total:g}{letter}"
    if amount <= 0:
        return None
    return f"P{t}{amount}{letter}"


def duration(c: Candidate, ctx: DocContext) -> Resolved | None:
    n, unit = count_unit(c, ctx)
    if unit is None:
        return None
    settings = ctx.grammar.vocab.get("settings", {})
    if unit in (settings.get("article_count_not") or ()) and \
            ctx.grammar.lookup("article_numbers", c.groups.get("num")) is not None:
        return None  # "a second time", not one second
    marker = settings.get("fraction_marker")
    if marker and n is not None and unit in (settings.get("fraction_units") or ()) and \
            ctx.text[c.end:c.end + len(marker) + 2].lower().split()[:1] == [marker]:
        return None  # "three-quarters of the shares" is a fraction; "several quarters of losses" is not
    val = _duration_value(n, unit)
    if val is None:
        return None
    return Resolved("DURATION", val, unit, modifier(c, ctx), None)


def offset(c: Candidate, ctx: DocContext) -> Resolved | None:
    g = ctx.grammar
    n, unit = count_unit(c, ctx)
    direction = g.lookup("offset_directions", c.groups.get("dir"))
    if unit is None or direction is None:
        return None
    sign = int(direction["sign"])
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, modifier(c, ctx), "dct")
    if unit in ("hour", "minute", "second"):
        return duration(c, ctx)
    if direction["anchor"] == "prev":
        base, label = ctx.narrative()
        if label != "dct" and unit not in ("year", "decade", "century") and base.gran not in FINE_ENOUGH["month"]:
            return None  # "two days later" after "the third quarter": counted from no month named
        if label != "dct" and unit in ("day", "week", "weekend", "fortnight") and (base.gran not in FINE_ENOUGH["day"] or "d" not in base.known):
            return None  # 两周后 after 同年8月: counted from no day named, it may fall in either month
    else:
        base, label = ctx.anchor, "dct"
    gran = {"fortnight": "week", "weekend": "week"}.get(unit, unit)
    if c.groups.get("same_day") and unit in ("year", "month") and "d" in base.known:
        gran = "day"  # 两年前的今天, "two years ago today": that day, so many years before
    if n != int(n):
        # "half a year ago" is a month, not a year
        gran = {"year": "month", "month": "day", "decade": "year"}.get(gran, gran)
    prev = ctx.prev
    if unit == "year" and prev is not None and prev.gran == "quarter":
        # results compared with the same quarter a year before
        base, label, gran = prev, f"previous:{value(prev)}", "quarter"
    months = n * {"year": 12, "decade": 120, "century": 1200, "quarter": 3, "month": 1}.get(unit, 0)
    if months:
        point = shift(base, "month", int(round(sign * months)))
    else:
        days = n * {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}.get(unit, 1)
        point = shift(base, "day", int(round(sign * days)))
    point = replace(point, gran=gran, part=None, clock=None, known=known_at(base, gran))
    # "Three days later", 3天后: days counted from the story's day move the story on to theirs (the
    # next day after it is the day after that); counted from the article's date, or in weeks,
    # months and years, it stays where it was.
    return replace(resolved(point, c, ctx, label), narrative=label != "dct" and gran == "day")


def set_of(c: Candidate, ctx: DocContext) -> Resolved | None:
    g, gr = ctx.grammar, c.groups
    if "setunit" in gr:
        val = g.lookup("set_units", gr["setunit"])
        n = parse_number(gr["num"], g) if "num" in gr else None
        if val and n and n == int(n) and int(n) > 1:
            val = val.replace("1", str(int(n)), 1)
        return Resolved("SET", val, None, None, None) if val else None
    if "adverb" in gr:
        val = g.lookup("set_adverbs", gr["adverb"])
        return Resolved("SET", val, None, None, None) if val else None
    wday = g.lookup("weekdays", gr.get("wday"))
    if wday is not None:
        part = g.lookup("dayparts", gr.get("part")) if gr.get("part") else None
        return Resolved("SET", f"XXXX-WXX-{wday}" + (f"T{part}" if part else ""), None, None, None)
    month = month_of(gr.get("month"), ctx)
    if month is not None:
        return Resolved("SET", f"XXXX-{month:02d}", None, None, None)
    n, unit = count_unit(c, ctx)
    if unit is None:
        return None
    if unit == "quarter" and (n or 1) == 1:
        return Resolved("SET", "P1Q", None, None, None)
    val = _duration_value(n or 1, unit)
    return Resolved("SET", val, None, None, None) if val else None


def reference(c: Candidate, ctx: DocContext) -> Resolved | None:
    val = c.rule.value or ctx.grammar.lookup("references", c.groups.get("ref"))
    if val is None:
        return None
    return Resolved(c.rule.type or "DATE", val, None, None, "dct")
