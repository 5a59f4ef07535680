"""The tagging pass over one document: match, fold modifiers, normalise in reading
order (so that anaphors see the dates before them), then join a clock time to the day
it is on."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extract.time.context import DocContext
from pipeline.extract.time.matcher import find_candidates, fold_modifiers
from pipeline.extract.time.normalise import Resolved, normalise
from pipeline.extract.time.resources import load_grammar
from pipeline.facts import Timex



@cache
def _time_day_gap(lang: str) -> re.Pattern:
    """What may stand between a clock time and the day it is on ("5 p.m. on Friday")."""
    joiners = load_grammar(lang).vocab.get("settings", {}).get("time_day_joiners") or []
    words = "|".join(re.escape(j) for j in joiners if j.strip())
    return re.compile(r"^[\s,]*(?:(?:" + words + r")\s+)?$" if words else r"^\s*$", re.IGNORECASE)


def tag_document(text: str, dct: str | None, lang: str,
                 sentences: list[tuple[int, int]] | None) -> list[Timex]:
    grammar = load_grammar(lang)
    cands = find_candidates(text, grammar)
    if not cands:
        return []
    fold_modifiers(text, cands, grammar)
    ctx = DocContext.create(text, grammar, dct, sentences)
    found: list[tuple[int, int, Resolved]] = []
    for c in cands:
        ctx.current = (c.start, c.end)
        resolved = normalise(c, ctx)
        if resolved is None:
            continue
        found.append((c.start, c.end, resolved))
        if resolved.point is not None and resolved.narrative:
            ctx.observe(resolved.point, c.start, c.end, resolved.explicit_year)
    found = _join_time_and_day(text, found, _time_day_gap(lang))
    return [
        Timex(start=s, end=e, text=text[s:e], type=r.type, value=r.value,
              granularity=r.granularity, modifier=r.modifier, anchor=r.anchor)
        for s, e, r in found
    ]


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
