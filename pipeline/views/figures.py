"""The figures of statistic entries, read back as numbers: "5.775 billion transactions" is
5.775e9 of "transactions", "57.75亿笔" is 5.775e9 of 笔. The extraction stage stored each
entry's figures as written (its theme); this reads them for counts, amounts and comparisons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.entities.table import has_cjk
from pipeline.extract.events.figures import CHINESE_NUMERAL
from pipeline.extract.time.numbers import parse_chinese
from pipeline.extract.time.resources import load_grammar
from pipeline.views.timeline import Entry

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12,
          "千亿": 1e11, "百亿": 1e10}  # fmt: skip
# (numerals in characters as the extraction takes them: 四百家, 二十亿元)
NUMBER = re.compile(rf"(?<![\d.])(\d[\d,]*(?:\.\d+)?|{CHINESE_NUMERAL})\s*(万亿|千亿|百亿|thousand|million|billion|trillion|千|万|亿)?", re.I)
CONTEXT_CHARS = 12  # what a figure counts may follow it in its sentence (462家 银行)


@dataclass(frozen=True)
class Figure:
    value: float
    said: str  # as written: "462 banks", "57.75亿笔"
    context: str  # the figure and the words after it in its sentence, where what it counts is named
    entry: Entry


def figures(entry: Entry) -> list[Figure]:
    """Every figure of a statistic entry, with the words around it in the first source that has it."""
    if entry.type != "statistic" or not entry.theme:
        return []
    out = []
    for said in entry.theme.split("; "):
        m = NUMBER.match(said)
        if not m:
            continue
        value = value_of(m)
        context = said
        for source in entry.sources:
            at = source["sentence"].find(said)
            if at >= 0:
                context = source["sentence"][at : at + len(said) + CONTEXT_CHARS]
                # "462家银行和115家支付机构": what 462 counts ends where the next figure starts
                following = NUMBER.search(context, len(said))
                context = context[: following.start()] if following else context
                break
        out.append(Figure(value, said, context, entry))
    return out


def numbers_in(text: str) -> list[float]:
    """Every number a text states, scale words applied: "5.775 billion" and "57.75亿" are 5.775e9."""
    return [value_of(m) for m in NUMBER.finditer(text)]


def amounts_at(text: str) -> list[tuple[float, int]]:
    """Every number a text states, scaled, with where it stands; rounded so that "3 billion" and
    30亿 compare equal."""
    return [(round(value_of(m), 6), m.start()) for m in NUMBER.finditer(text)]


def value_of(m: re.Match) -> float:
    number = m[1].replace(",", "")
    value = float(number) if number[0].isdigit() else parse_chinese(number, load_grammar("zh")) or 0.0
    return value * SCALES.get((m[2] or "").lower(), 1)


def shown(value: float) -> str:
    """A figure as an answer says it: 462, 5.775 billion, 1.398562 trillion, 9.61."""
    # Every digit the source gave ("1,398.562 billion" is 1398.562, not 1398.56), without the
    # binary noise of a division (12 significant digits).
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if value >= scale:
            return f"{value / scale:.12g} {word}"
    return f"{value:.12g}"


def asked_scale(counted: str | None) -> float | None:
    """The scale a question counts in, from what it counts: "billion yuan" (", in billion
    yuan?") 1e9, 亿元 (超过多少亿元) 1e8; None for any other."""
    counted = (counted or "").lower()
    scale = max((s for s in SCALES if counted.split(" ")[0] == s or has_cjk(s) and counted.startswith(s)), key=len, default=None)
    return SCALES[scale] if scale else None


def shown_in_scale(value: float, counted: str | None) -> str:
    """A figure as the question asks it: "…, in billion yuan?" is answered 1398.562, not 1.398562
    trillion; 多少亿元 4600, not 460 billion; otherwise as figures are shown."""
    scale = asked_scale(counted)
    return f"{value / scale:.12g}" if scale else shown(value)
