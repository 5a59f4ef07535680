"""The tagging pass over one document: match, fold modifiers, normalise in reading
order (so that anaphors see the dates before them), then join a clock time to the day
it is on, and "the day before" to the day it is counted from."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extract.chinese_script import simplified_view
from pipeline.extract.time.calendar import Point, safe_date, shift, value
from pipeline.extract.time.context import DocContext
from pipeline.extract.time.matcher import find_candidates, fold_modifiers
from pipeline.extract.time.normalise import Resolved, normalise
from pipeline.extract.time.parsed_tense import TenseAt
from pipeline.extract.time.resources import load_grammar
from pipeline.facts import Timex


@cache
def _time_day_gap(lang: str) -> re.Pattern:
    """What may stand between a clock time and the day it is on ("5 p.m. on Friday")."""
    joiners = load_grammar(lang).vocab.get("settings", {}).get("time_day_joiners") or []
    words = "|".join(re.escape(j) for j in joiners if j.strip())
    return re.compile(r"^[\s,]*(?:(?:" + words + r")\s+)?$" if words else r"^\s*$", re.IGNORECASE)


@cache
def _day_offsets(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """Words that count days from the date right after them ("the day before last
    Tuesday"), as a pattern anchored at the end of the text before that date."""
    offsets = {" ".join(k.lower().split()): int(v)
               for k, v in (load_grammar(lang).vocab.get("day_offsets_before_date") or {}).items()}
    if not offsets:
        return None, {}
    words = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(offsets, key=len, reverse=True))
    return re.compile(r"(?<![\w'])(" + words + r")\s+$", re.IGNORECASE), offsets


# Times a text tells without naming them: the story is at some day before (or after) the article's.
VAGUE_TIMES = {"PAST_REF", "FUTURE_REF"}


def tag_document(text: str, dct: str | None, lang: str,
                 sentences: list[tuple[int, int]] | None, tense_at: TenseAt | None = None) -> list[Timex]:
    grammar = load_grammar(lang)
    # The Chinese grammar is written in Simplified characters: a Traditional page (上週三, 兩個月後)
    # is read on its Simplified view, and each date keeps the page's own characters.
    written, text = text, simplified_view(text) if lang == "zh" else text
    cands = find_candidates(text, grammar)
    if not cands:
        return []
    fold_modifiers(text, cands, grammar)
    ctx = DocContext.create(text, grammar, dct, sentences, tense_at)
    ctx.extents = [(c.start, c.end) for c in cands]
    found: list[tuple[int, int, Resolved]] = []
    for i, c in enumerate(cands):
        ctx.current = (c.start, c.end)
        resolved = normalise(c, ctx)
        if resolved is None:
            continue
        found.append((c.start, c.end, resolved))
        # "from this year June 30": a year right before a date is that date's, which moves the
        # story or not (a limit does not); the year alone does not.
        year_of_next = resolved.granularity == "year" and i + 1 < len(cands) and not text[c.end : cands[i + 1].start].strip()
        if resolved.point is not None and resolved.narrative and not year_of_next:
            point = _start_of_year(resolved)
            # "去年初", "early last year": the year is named as surely as with digits; so is the
            # year of a month read from it ("由1月…至4月": April goes on in that year).
            named = resolved.explicit_year or point is not resolved.point or resolved.anchor.startswith("previous:")
            ctx.observe(point, c.start, c.end, named)
        if resolved.point is not None:
            ctx.last_read = (c.start, c.end, resolved.point)
        elif resolved.value in VAGUE_TIMES:
            ctx.vague_at = c.start
    found = _join_time_and_day(text, found, _time_day_gap(lang))
    found = _join_year_and_date(text, found)
    found = _count_from_day(text, found, *_day_offsets(lang))
    found = _range_start_year(text, found, *_range_joiners(lang))
    return [
        Timex(start=s, end=e, text=written[s:e], type=r.type, value=r.value,
              granularity=r.granularity, modifier=r.modifier, anchor=r.anchor)
        for s, e, r in found
    ]


def _start_of_year(resolved: Resolved) -> Point:
    """The start of a year ("到了去年初", "early last year") moves the story to its January, as a
    month would: the bare months after it are of that year ("由1月的20%起…至4月"). Not its end
    (the months after "the end of 2017" are 2018's), and a bare year stays a year (too often a
    comparison to anchor anything)."""
    point = resolved.point
    if point.gran != "year" or resolved.modifier != "START":
        return point
    return replace(point, day=point.day.replace(month=1, day=1), gran="month")


@cache
def _range_joiners(lang: str) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """What joins the two ends of a range ("from January to April", 9月至11月), and the words of
    a relative year ("this year", 今年) that state the year of an end as surely as digits."""
    vocab = load_grammar(lang).vocab
    joiners = vocab.get("settings", {}).get("range_joiners") or []
    words = "|".join(re.escape(j) for j in joiners if j.strip())
    pattern = re.compile(r"^\s*(?:" + words + r")\s*$", re.IGNORECASE) if words else None
    years = tuple(k for k, v in vocab.get("relative", {}).items() if v.get("unit") == "year" and v.get("anchor") == "dct")
    return pattern, years


def _range_start_year(text: str, found: list[tuple[int, int, Resolved]], pattern: re.Pattern | None,
                      year_words: tuple[str, ...]) -> list[tuple[int, int, Resolved]]:
    """The start of a range written without a year takes the year of its end: "from January to
    April of this year", "January to April 2018", 1月至4月 (a start after its end: the year before)."""
    if pattern is None:
        return found
    out = list(found)
    for i in range(len(out) - 1):
        (s1, e1, r1), (s2, e2, r2) = out[i], out[i + 1]
        stated = r2.explicit_year or any(w in text[s2:e2].lower() for w in year_words)
        if (r1.explicit_year or not stated or r1.point is None or r2.point is None or r1.anchor != "dct"
                or r1.granularity not in ("month", "day") or r2.granularity not in ("month", "day")
                or "y" not in r2.point.known or not pattern.match(text[e1:s2])):
            continue
        first, last = r1.point.day, r2.point.day
        year = last.year - ((first.month, first.day if r1.granularity == "day" else 1) > (last.month, last.day if r2.granularity == "day" else 1))
        point = replace(r1.point, day=safe_date(year, first.month, first.day) or first.replace(day=28, year=year),
                        known="y" + r1.point.known.replace("y", ""))
        out[i] = (s1, e1, replace(r1, value=value(point), point=point, anchor=f"previous:{value(r2.point)}"))
    return out


def _join_time_and_day(text: str, found: list[tuple[int, int, Resolved]],
                       gap: re.Pattern) -> list[tuple[int, int, Resolved]]:
    """A clock time right before a day ("5 p.m. Nov. 9") is one TIME on that day."""
    out: list[tuple[int, int, Resolved]] = []
    i = 0
    while i < len(found):
        s, e, r = found[i]
        if (r.type == "TIME" and r.granularity == "time" and i + 1 < len(found)
                and found[i + 1][2].granularity == "day"
                and gap.match(text[e:found[i + 1][0]])):
            s2, e2, day = found[i + 1]
            clock = r.value.split("T", 1)[1]
            out.append((s, e2, replace(r, value=f"{day.value}T{clock}", anchor=day.anchor)))
            i += 2
            continue
        out.append((s, e, r))
        i += 1
    return out


def _join_year_and_date(text: str, found: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """A year right before a date of that year ("last year March 31", as a translation keeps the
    order of 去年3月31日) is one date: the second took its year from the first."""
    out: list[tuple[int, int, Resolved]] = []
    for s, e, r in found:
        if out and not text[out[-1][1]:s].strip():
            s0, _, year = out[-1]
            if year.granularity == "year" and year.value and re.fullmatch(re.escape(year.value) + r"-\d\d(?:-\d\d)?", r.value or ""):
                out[-1] = (s0, e, r)
                continue
        out.append((s, e, r))
    return out


def _count_from_day(text: str, found: list[tuple[int, int, Resolved]], pattern: re.Pattern | None,
                    offsets: dict[str, int]) -> list[tuple[int, int, Resolved]]:
    """"the day before last Tuesday" is one date, a day from the one named after it."""
    if pattern is None:
        return found
    out: list[tuple[int, int, Resolved]] = []
    floor = 0
    for s, e, r in found:
        m = pattern.search(text, max(floor, s - 40), s) if r.point is not None and r.granularity == "day" else None
        if m is not None:
            days = offsets[" ".join(m.group(1).lower().split())]
            point = shift(r.point, "day", days)
            r = replace(r, value=value(point), point=point, modifier=None)
            s = m.start()
        out.append((s, e, r))
        floor = e
    return out
