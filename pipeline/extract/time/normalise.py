"""Turn a matched expression into a TIMEX3 value, anchored where the text says.

`date` composes calendar fields (an explicit or relative year, month, day, weekday,
quarter, half, season, part of day, clock) into a point; `time` is a clock on a day.
Amounts of time (durations, offsets, sets, references) are in amounts.py. The named
groups of the grammar are the interface: year, month, day, wday, dir, rel, quarter, half,
season, decade, century, holiday, part, hour, minute, ampm, named, num, unit, adverb, ref, mod.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from pipeline.extract.time.amounts import duration, offset, reference, set_of
from pipeline.extract.time.calendar import (
    SEASON_MONTH,
    Point,
    days_in_month,
    easter_sunday,
    quarter_of,
    safe_date,
    shift,
    value,
    weekday_near,
)
from pipeline.extract.time.context import FINE_ENOUGH, DocContext
from pipeline.extract.time.matcher import Candidate
from pipeline.extract.time.numbers import parse_chinese, parse_year, to_ascii_digits
from pipeline.extract.time.readers import Resolved, int_of, known_at, modifier, month_of, resolved

__all__ = ["Resolved", "normalise"]


def normalise(c: Candidate, ctx: DocContext) -> Resolved | None:
    """The value of one candidate, or None when it turns out not to be a date."""
    handler = _HANDLERS.get(c.rule.kind)
    if handler is None:
        return None
    return handler(c, ctx)


# ---------------------------------------------------------------- anchoring years


def _year_for_month(month: int, day: int | None, c: Candidate, ctx: DocContext,
                    direction) -> tuple[int, str, bool] | None:
    """The year of a month written without one: (year, anchor label, year is real)."""
    anchor = ctx.anchor
    if direction == "prev":
        base, label = ctx.narrative()
        return base.day.year, label, "y" in base.known
    if direction == "after":
        # "the following June": the first June after where the story is, not after the article
        base, label = ctx.narrative()
        later = (month, day or 0) > (base.day.month, base.day.day if day else 0)
        return base.day.year + (0 if later else 1), label, "y" in base.known
    dy, dm = anchor.day.year, anchor.day.month
    real = "y" in anchor.known
    named = ctx.year_just_before(c.start) if direction is None else None
    if named is not None:
        return named, f"previous:{named}", True  # "last year March 31": the year just named
    restated = ctx.restated_month(c.start, month) if direction is None else None
    if restated is not None:
        return restated, f"previous:{restated}", True  # "Three months later, on April 17": that April
    if isinstance(direction, int) and not isinstance(direction, bool):
        here, there = (dm, anchor.day.day if day else 0), (month, day or 0)
        if direction < 0:
            return (dy if there < here else dy - 1), "dct", real
        if direction > 0:
            return (dy if there > here else dy + 1), "dct", real
        return dy, "dct", real
    # the narrative: a month or day with a written year earlier in the same sentence, or in
    # the ones just before where the grammar says so ("in August 2017 ... in December"); a bare
    # year nearby is too often a comparison
    prev = ctx.prev
    tense = ctx.tense(c.start, c.end) if real else None
    reach = int(ctx.grammar.vocab.get("settings", {}).get("narrative_year_sentences", 0))
    deadline = ctx.prev_deadline
    if deadline is not None and day is not None and (deadline.day.month, deadline.day.day) == (month, day) \
            and 0 <= ctx.sentence_of(c.start) - ctx.prev_deadline_sentence <= reach:
        # "自2018年6月30日起 … 6月30日之后": the day just named as a deadline, named again
        return deadline.day.year, f"previous:{value(deadline)}", True
    # Later in the sentence of its dated start, a day goes on from it, whatever the tense says
    # ("今年6月29日下发的通知，自7月9日起…" in December is no July of next year); a deadline
    # earlier in the calendar is the next year's ("on December 5 last year … before January 14").
    aside = ctx.prev_in_an_aside(c.start)
    same_sentence = prev is not None and ctx.sentence_of(c.start) == ctx.prev_sentence and not aside
    goes_on = same_sentence and (month, day or 0) >= (prev.day.month, prev.day.day if prev.gran != "month" else 0)
    # (a month alone only when a limit looks ahead to it: "told them in August last year that
    # links had to be cut by the end of June" is the next June, "said in August that 200 banks
    # had connected by the end of June" the one before)
    limit_ahead = day is not None or ctx.lead_tense(c.start) == "future" and tense != "past"
    if (same_sentence and not goes_on and ctx.prev_explicit_year and "y" in prev.known and limit_ahead
            and prev.gran in FINE_ENOUGH["month"] and ctx.is_boundary(c.start, c.end) and month < prev.day.month):
        # (a day just before the sentence's date, in its month, is no year later: "在1月16日的发布会上
        # 表示，截至1月14日" is two days before)
        return prev.day.year + 1, f"previous:{value(prev)}", True
    # (... but not past the article unless the sentence looks ahead: "said last Tuesday that it
    # handled 1.2 trillion yuan in December", written in January, is last December)
    past_the_article = real and (prev.day.year, month, day or 1) > (dy, dm, anchor.day.day) and tense != "future" if prev else False
    if goes_on and "y" in prev.known and prev.gran in FINE_ENOUGH["month"] and not past_the_article:
        # "6月29日发布的114号文要求，自7月9日起…" read in December: the later day of the sentence
        # goes on from its first one, whose year the article gave (not written is no matter)
        return prev.day.year, f"previous:{value(prev)}", True
    # In a sentence after, a day goes on from the story's year only forward: "该规范于去年12月25日
    # 印发。3月31日，…" written in April is this March, not the March before that December.
    # (Within its sentence too: "央行去年12月下发的《规范》于4月1日正式实施", "the rules it issued in
    # December last year took effect on April 1", read in April, are this April, not the April
    # before that December; unless the clause tells it as done before: "said in August last year
    # that 200 banks had connected by the end of June".)
    forward = prev is not None and (month, day or 0) >= (prev.day.month, prev.day.day if prev.gran != "month" and day else 0)
    if (prev is not None and ctx.prev_explicit_year and "y" in prev.known and not aside
            and prev.gran in FINE_ENOUGH["month"]
            and (goes_on or forward or same_sentence and ctx.told_as_before(c.start, c.end))
            and 0 <= ctx.sentence_of(c.start) - ctx.prev_sentence <= reach
            and (same_sentence or ctx.year_reaches_across(c.start))
            and (goes_on or not _against_tense(prev.day.year, month, day, tense, anchor))):
        return prev.day.year, f"previous:{value(prev)}", True
    if same_sentence and "y" in prev.known and ctx.year_opens_sentence():
        return prev.day.year, f"previous:{value(prev)}", True  # "In 2017, …, March 31 the first batch …"
    if not real:
        return dy, "dct", False
    if tense is None and month in ctx.month_years:
        # one reading per text: "April" again is the April named before
        return ctx.month_years[month], "dct", True
    settings = ctx.grammar.vocab.get("settings", {})
    recent_start = int(settings.get("recent_start_days", 0))
    if recent_start and day is not None and ctx.is_start(c.start, c.end) and _days_before(anchor.day, dy, month, day) in range(recent_start + 1):
        # "由6月30日起，…须全部通过网联处理" written on July 2: a rule in force since two days ago,
        # not one of next June, whatever the modal says
        return dy, "dct", True
    if tense is None and ctx.is_start(c.start, c.end) and ctx.obliges(c.start):
        tense = "future"  # "From June 30, all payments must go through NetsUnion" written in March: this June
    if day is not None and ctx.limit_of_a_past_obligation(c.start):
        # the year whose such day lies nearest the article's (a day some year lacks is never nearest)
        year = min((dy - 1, dy, dy + 1), key=lambda y: abs(_days_before(anchor.day, y, month, day)) if safe_date(y, month, day) else 999)
        return year, "dct", True
    upcoming = int(settings.get("upcoming_months", 12))
    year = dy
    if month > dm and (tense == "past" or tense is None and month - dm > upcoming):
        year = dy - 1
    elif month < dm and (tense == "future" or tense is None and month + 12 - dm <= upcoming):
        year = dy + 1
    if tense is not None and ctx.lead_tense(c.start) is None:
        # a deadline ("by February") says nothing of the month the story is about
        ctx.month_years[month] = year
    return year, "dct", True


def _days_before(day: date, year: int, month: int, month_day: int) -> int:
    """How many days `day` comes after that month-day of `year` (negative: before it; a day the
    month lacks counts as far away)."""
    try:
        return (day - date(year, month, month_day)).days
    except ValueError:
        return -1


def _against_tense(year: int, month: int, day: int | None, tense: str | None, anchor: Point) -> bool:
    """Whether a month in `year` lies on the other side of the DCT from where the tense
    points ("... in July 1997, will join on March 12" written in 1999)."""
    if tense is None:
        return False
    here = (anchor.day.year, anchor.day.month, anchor.day.day if day else 0)
    there = (year, month, day or 0)
    return there < here if tense == "future" else there > here


def nth_weekday(year: int, month: int, weekday: int, nth: int, from_day: int = 1) -> int:
    """The day of the month of its nth ISO weekday counted from `from_day` (nth -1: the
    last one of the month)."""
    first = date(year, month, from_day)
    ahead = (weekday - first.isoweekday()) % 7
    if nth > 0:
        return from_day + ahead + 7 * (nth - 1)
    last = days_in_month(year, month)
    back = (date(year, month, last).isoweekday() - weekday) % 7
    return last - back


def _holiday_day(holiday: dict, year: int) -> tuple[int, int]:
    """(month, day) of a movable holiday in `year`: days from Easter Sunday, or the nth
    weekday of a month (counted from a given day: US Election Day is the Tuesday after
    the first Monday of November, the first Tuesday from the 2nd)."""
    if "easter" in holiday:
        d = easter_sunday(year) + timedelta(days=int(holiday["easter"]))
        return d.month, d.day
    month = int(holiday["month"])
    return month, nth_weekday(year, month, int(holiday["weekday"]), int(holiday["nth"]),
                              int(holiday.get("from", 1)))


def _year_for_period(first_month: int, gran: str, c: Candidate, ctx: DocContext) -> tuple[int, str, bool]:
    """A quarter, half or season without a year is this year's, unless it has not begun
    yet (then last year's, as in results reporting: "the fourth quarter" in February) or
    the sentence already named a quarter's year."""
    prev_q = ctx.prev_quarter
    if gran == "quarter" and prev_q is not None and ctx.prev_sentence == ctx.sentence_of(c.start) \
            and "y" in prev_q.known:
        return prev_q.day.year, f"previous:{value(prev_q)}", True
    anchor = ctx.anchor
    year = anchor.day.year
    if "y" in anchor.known and first_month > anchor.day.month and ctx.tense(c.start, c.end) != "future":
        year -= 1
    return year, "dct", "y" in anchor.known


# ---------------------------------------------------------------- kinds


def _date(c: Candidate, ctx: DocContext) -> Resolved | None:
    found = _calendar_date(c, ctx)
    coarser = dict(c.rule.attrs).get("granularity")
    if coarser and found is not None and found.point is not None:
        # "the week of March 6": the day written, named at the rule's granularity
        point = found.point.at(coarser)
        return replace(found, type="DATE", value=value(point), granularity=coarser, point=point)
    if found is None or found.point is None or ("hour" not in c.groups and "halfhour" not in c.groups):
        return found
    clock = _clock(c, ctx)
    if clock is None or found.point.gran not in ("day", "part"):
        return found
    point = replace(found.point, gran="time", clock=clock, part=None)
    return replace(found, type="TIME", value=value(point), granularity="time", point=point)


def _clock(c: Candidate, ctx: DocContext) -> str | None:
    """"15:00" from the hour, minute, am/pm and part-of-day groups."""
    g, gr = ctx.grammar, c.groups
    hour = int_of(gr.get("hour"), ctx)
    minute = 30 if "halfhour" in gr else (int_of(gr.get("minute"), ctx) or 0)
    if hour is None or hour > 24 or minute > 59:
        return None
    ampm = g.lookup("ampm", gr.get("ampm")) if gr.get("ampm") else None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    part = g.lookup("dayparts", gr.get("part")) if gr.get("part") else None
    if part in ("AF", "EV", "NI") and hour < 12 and not ampm:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _calendar_date(c: Candidate, ctx: DocContext) -> Resolved | None:
    """Compose the calendar fields a rule captured, coarse to fine: the year (written,
    relative, or found from the DCT and the narrative), then month, day and part of day,
    or quarter, half or season, or a weekday near the DCT."""
    g, gr = ctx.grammar, c.groups
    month = month_of(gr.get("month"), ctx)
    if "month" in gr and month is None:
        return None
    day = int_of(gr.get("day"), ctx)
    if day is not None and not 1 <= day <= 31:
        return None
    wday = g.lookup("weekdays", gr.get("wday"))
    direction = g.lookup("directions", gr.get("dir"))
    attrs = dict(c.rule.attrs)
    rel = g.lookup("relative", gr.get("rel") or attrs.get("rel")) or g.lookup("relative_implicit", gr.get("rel"))
    if rel is not None and attrs.get("anchor"):
        rel = {**rel, "anchor": attrs["anchor"]}  # a rule's own anchor: 13日 is of the month the story is at
    quarter = int_of(gr.get("quarter"), ctx) or attrs.get("quarter_default")
    half = g.lookup("halves", gr.get("half"))
    if half is None and (gr.get("half") or "").isdigit():
        half = int(gr["half"])  # "H1 2013"
    season = g.lookup("seasons", gr.get("season"))
    part = g.lookup("dayparts", gr.get("part")) or (rel or {}).get("part")
    if quarter is not None and not 1 <= quarter <= 4 or half is not None and half not in (1, 2):
        return None
    holiday = g.lookup("holidays", gr.get("holiday"))
    if holiday is not None:
        # a movable feast is placed once its year is known; March anchors the year meanwhile
        month, day = int(holiday.get("month", 3)), holiday.get("day")
    anchor = ctx.anchor
    dct_year = anchor.day.year if "y" in anchor.known else None

    if "decade" in gr:
        return _decade(gr["decade"], c, ctx, dct_year)
    if "century" in gr:
        n = int_of(gr["century"], ctx)
        if not n or n > 30:
            return None
        return resolved(Point(date(max(1, (n - 1) * 100), 1, 1), "century", known="y"), c, ctx, "absolute")

    year: int | None = None
    explicit = False
    label = "absolute"
    known = "y"
    base: Point | None = None
    comparison = bool(rel) and rel.get("anchor") == "report" and int(rel.get("offset", 0)) != 0
    if "year" in gr:
        year = parse_year(gr["year"], g, dct_year)
        if year is None or not 1 <= year <= 9999:
            return None
        explicit = True
        if rel is not None and rel.get("unit") == "quarter" and quarter is None:
            quarter = quarter_of(_relative_base(rel, ctx)[0].day)  # "the 1988 quarter"
    elif rel is not None:
        found = _relative_base(rel, ctx)
        if found is None:
            return None
        base, label = found
        if month is None and day is None and quarter is None and half is None and season is None:
            point = base
            if part and point.gran == "day":
                point = replace(point, gran="part", part=part)
            # ("the deadline" names a limit read before again: it moves the story no more than the limit did)
            return replace(resolved(point, c, ctx, label), narrative=not comparison and rel.get("anchor") != "deadline")
        year = base.day.year
        known = "y" if "y" in base.known else ""
        explicit = rel.get("unit") == "year"  # 今年6月29日, "June 29 this year": the text gives the year
        if rel.get("unit") == "month" and month is None:
            month = base.day.month  # 本月15日: the day of that month, known as well as it is
            known += "m" if "m" in base.known else ""
            if "rel" in attrs and label == "dct" and "d" in anchor.known and day is not None and day > anchor.day.day \
                    and ctx.tense(*ctx.current) != "future":
                # 28日 in a report of April 2nd that looks back is March 28: a day the text leaves
                # without a month is not after the article unless the text looks ahead.
                base = shift(base, "month", -1)
                year, month = base.day.year, base.day.month

    if month is not None:
        if year is None:
            year_found = _year_for_month(month, day, c, ctx, direction)
            if year_found is None:
                return None
            year, label, real = year_found
            known = "y" if real else ""
        if base is None or rel is None or rel.get("unit") != "month" or "month" in gr:
            known += "m"
        if holiday is not None and day is None:
            month, day = _holiday_day(holiday, year)
        if day is not None:
            d = safe_date(year, month, day)
            if d is None:
                return None
            point = Point(d, "day", known=known + "d")
            if part:
                point = replace(point, gran="part", part=part)
        else:
            point = Point(date(year, month, 1), "month", known=known)
        return resolved(point, c, ctx, label, explicit)

    if quarter is not None or half is not None or season is not None:
        first = (quarter - 1) * 3 + 1 if quarter else (half - 1) * 6 + 1 if half else SEASON_MONTH[season]
        gran = "quarter" if quarter else "half" if half else "season"
        if year is None:
            if direction is None:
                year, label, real = _year_for_period(first, gran, c, ctx)
            else:
                year, label, real = _year_for_month(first, None, c, ctx, direction)
            known = "y" if real else ""
        point = Point(date(year, first, 1), gran, season=season, known=known + "m")
        return replace(resolved(point, c, ctx, label, explicit), narrative=not comparison)

    if year is not None and base is None:
        return resolved(Point(date(year, 1, 1), "year", known="y"), c, ctx, "absolute", explicit)

    if wday is not None:
        return _weekday(int(wday), direction, part, c, ctx)

    if part is not None:
        point = replace(anchor, gran="part", part=part)
        return resolved(point, c, ctx, "dct")
    return None


_DESCRIBED_AFTER = re.compile(r"\s+(?:of|for)\b", re.IGNORECASE)


def _relative_base(rel: dict, ctx: DocContext) -> tuple[Point, str] | None:
    unit, kind, offset = rel["unit"], rel.get("anchor", "dct"), int(rel.get("offset", 0))
    if kind == "prev" and unit == "day" and ctx.names_the_start_day():
        # 规范施行当天: the day the rule took effect is the start day read last (自4月1日起施行),
        # not the narrative's date (the day it was issued)
        base, label = ctx.prev_deadline, f"previous:{value(ctx.prev_deadline)}"
    elif kind == "prev":
        base, label = ctx.narrative(unit)
        if label == "vague":
            return None
        if label != "dct" and unit in FINE_ENOUGH and base.gran not in FINE_ENOUGH["month"]:
            # "the same day" after "the first half of this year": not even its month is named (a
            # day of a month named is that month's, XX: "December 2017 … the same day")
            return None
    elif kind == "then":
        # "by then", 当时: the last time the story named, a deadline too ("… by June 30. By then
        # 462 banks had connected"); with none read before, nothing (not now).
        base, label = ctx.narrative(unit)
        deadline = ctx.prev_deadline
        if deadline is not None and (label == "dct" or ctx.prev_deadline_sentence > ctx.prev_sentence):
            base, label = deadline, f"previous:{value(deadline)}"
        if label == "dct":
            return None
    elif kind == "story":
        base, label = ctx.story(unit)
    elif kind == "deadline":
        if ctx.prev_deadline is None:
            return None  # "the deadline" with no deadline read before: nothing to name
        if _DESCRIBED_AFTER.match(ctx.text, ctx.current[1]):
            return None  # "the deadline of the switch-over": the one it describes, not the one read last
        base, label = ctx.prev_deadline, f"previous:{value(ctx.prev_deadline)}"
    elif kind == "report":
        if ctx.prev_quarter is not None:
            base, label = ctx.prev_quarter, f"previous:{value(ctx.prev_quarter)}"
        else:
            base, label = shift(ctx.anchor, "quarter", -1), "dct"
    else:
        base, label = ctx.anchor, "dct"
    if unit == "same":
        return base, label
    gran = unit if unit != "fortnight" else "week"
    if unit == "weekend" and offset == 0 and kind == "dct" and ctx.tense(*ctx.current) != "future":
        # "the weekend" in a report is the one just past, unless the text looks ahead
        base = replace(base, day=weekday_near(base.day, 6, -1))
    if kind == "prev" and unit == "day" and label != "dct" and (base.gran == "month" or "d" not in base.known):
        # 此前一天 after 2018年3月: a day next to some day of that month, read as of that month
        # (shifting the month's first day would put it in February)
        return replace(base, gran=gran, part=None, clock=None, known=known_at(base, gran)), label
    point = shift(base, unit if unit != "weekend" else "week", offset)
    return replace(point, gran=gran, part=None, clock=None, known=known_at(base, gran)), label


def _decade(text: str, c: Candidate, ctx: DocContext, dct_year: int | None) -> Resolved | None:
    g = ctx.grammar
    word = g.lookup("decade_words", text)
    digits = to_ascii_digits(text).strip("'s")
    if g.lang == "zh" and not digits.isdigit():
        n = parse_chinese(digits, g)
        digits = str(int(n)) if n is not None else digits
    if word is not None:
        start = 1900 + int(word) * 10
    elif len(digits) == 2 and digits.isdigit():
        start = (1900 if 2000 + int(digits) > (dct_year or 2000) + 5 else 2000) + int(digits)
    elif digits.isdigit() and len(digits) == 4:
        start = int(digits)
    elif digits.isdigit() and len(digits) in (1, 2):
        start = 1900 + int(digits) * (10 if len(digits) == 1 else 1)
    else:
        return None
    return resolved(Point(date(start, 1, 1), "decade", known="y"), c, ctx, "absolute")


def _weekday(wday: int, direction, part: str | None, c: Candidate, ctx: DocContext) -> Resolved:
    anchor = ctx.anchor
    by_week = ctx.grammar.vocab.get("settings", {}).get("weekday_direction") == "week"
    if isinstance(direction, int) and not isinstance(direction, bool) and direction != 0 and by_week:
        d = weekday_near(shift(anchor, "week", direction).day, wday, 0)
    elif isinstance(direction, int) and not isinstance(direction, bool) and direction != 0:
        d = weekday_near(anchor.day, wday, 2 if direction > 0 else -2)
    elif direction == 0:
        d = weekday_near(anchor.day, wday, 0)
    elif direction == "after":
        base, label = ctx.narrative()  # "the following Friday": after the story's day
        point = Point(weekday_near(base.day, wday, 2), "day", known=base.known)
        return resolved(replace(point, gran="part", part=part) if part else point, c, ctx, label)
    else:
        tense = ctx.tense(c.start, c.end)
        if tense is None:
            # no tense cue: news reports the past, so the last such day wins unless the
            # next one is much nearer ("talks resume Tuesday" in a Monday paper)
            bias = int(ctx.grammar.vocab.get("settings", {}).get("weekday_past_bias_days", 2))
            back, ahead = weekday_near(anchor.day, wday, -1), weekday_near(anchor.day, wday, 1)
            d = back if (anchor.day - back).days <= (ahead - anchor.day).days + bias else ahead
        else:
            d = weekday_near(anchor.day, wday, 1 if tense == "future" else -1)
    point = Point(d, "day", known=anchor.known)
    if part:
        point = replace(point, gran="part", part=part)
    return resolved(point, c, ctx, "dct")


def _time(c: Candidate, ctx: DocContext) -> Resolved | None:
    g, gr = ctx.grammar, c.groups
    named = gr.get("named")
    if named:
        clock = g.lookup("named_times", named)
        if clock is None:
            return None
    else:
        clock = _clock(c, ctx)
        if clock is None or _a_count_of_points(c, ctx):
            return None
    wday = g.lookup("weekdays", gr.get("wday"))
    if wday is not None:
        base = _weekday(int(wday), None, None, c, ctx).point
        label = "dct"
    else:
        base, label = _day_context(c, ctx)
    point = replace(base, gran="time", clock=clock, part=None)
    return Resolved("TIME", value(point), "time", modifier(c, ctx), label, point)


# After a bare hour, these say it is the clock's: 三点整, 十时许, 三点钟, 八点左右.
CLOCK_TAILS = ("整", "许", "钟", "左右")


def _a_count_of_points(c: Candidate, ctx: DocContext) -> bool:
    """这一点, 提出三点要求: an hour written in Chinese numerals with neither a part of the day,
    minutes, nor a clock's tail after it counts points or means "a little", not a time."""
    hour = c.groups.get("hour") or ""
    numerals = {*ctx.grammar.vocab.get("digits", {}), *ctx.grammar.vocab.get("digit_units", {})}  # the language's own
    if not hour or not all(ch in numerals for ch in hour) or c.groups.get("part") \
            or c.groups.get("minute") or "halfhour" in c.groups or c.groups.get("wday"):
        return False
    return not ctx.text[c.end : c.end + 2].startswith(CLOCK_TAILS)


def _day_context(c: Candidate, ctx: DocContext) -> tuple[Point, str]:
    """The day a bare clock time is on: a day named earlier in its sentence, else the DCT."""
    prev = ctx.prev
    if prev is not None and prev.gran in FINE_ENOUGH["day"] and ctx.prev_sentence == ctx.sentence_of(c.start):
        return prev, f"previous:{value(prev)}"
    return ctx.anchor, "dct"


_HANDLERS = {"date": _date, "time": _time, "duration": duration, "offset": offset, "set": set_of, "ref": reference}
