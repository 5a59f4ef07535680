"""Where an article states its own publication date: its URL, a release line or byline near
the top, a dateline opening a paragraph, or a relative day tied to a date ("yesterday (April
27)"). Each finder returns what the words say, with the words; a month-day without a year is
left for pubdate.py to place in a year from the rest of the text.

The cue words live in pipeline/data/pubdate.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from pipeline.extract.time.calendar import safe_date
from pipeline.extract.time.context import DocContext
from pipeline.extract.time.resources import load_grammar, normalise_key
from pipeline.facts import Timex

DATA = Path(__file__).resolve().parents[2] / "data" / "pubdate.yaml"
# How far into the text release lines, bylines and datelines may sit.
HEADER_LINES = 8
HEADER_CHARS = 1200
# Many Chinese pages close with their release fields ("（责任编辑：赵六）2018-07-02", "发布日期：
# 2018年7月2日"); the last lines are read for those, labelled ones only: a date alone closing
# a text is as often the date of the notice it reprints.
FOOTER_LINES = 3
RELEASE_LINE_MAX = 160  # a release line or byline is short; a longer line is prose
DATELINE_PREFIX_MAX = 40  # a place, a news agency, 本报北京: what may precede a dateline's date
STAMP_REST = 30  # what a line holding a full date may hold besides (a site's name) to be its stamp

# Dates in URLs: /2018/09/17/, /2018-09-17, /20180917/, /2018/0917/, n1/2018/1206/, /2018-12/07/
# (htmldate's COMPLETE_URL reads only the separated forms), and a month alone: /2018/09/.
_YEAR = r"(19[89]\d|20[0-4]\d)"
_URL_DAY = re.compile(_YEAR + r"[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.?#-])")
_URL_MONTH = re.compile(_YEAR + r"[/_-](0[1-9]|1[0-2])(?=/)")
_SENTENCE_END = re.compile(r"[。！？!?]|[a-z]{3,}\.\s")
# 02/07/2018 is 7 February in the US and 2 July elsewhere: no publication date is read from it
_AMBIGUOUS_NUMERIC = re.compile(r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[0-2])/\d{2,4}")
_FIELD_SEPARATOR = re.compile(r"\s[|｜丨]\s|^\s*[|｜丨]|[|｜丨]\s*$")  # "Outlet | Section | date"
_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:：][0-5]\d(?!\d)")


@dataclass(frozen=True, slots=True)
class Stated:
    """A date the article states for itself: value "YYYY-MM-DD", "YYYY-MM" or "XXXX-MM-DD"
    (a month-day whose year is still to be found)."""

    value: str
    source: str  # url | dateline | text
    evidence: str
    shift_days: int = 0  # "yesterday (April 27)": the publication date is this many days after
    start: int = 0  # where the date is in the text


@cache
def cues(lang: str) -> dict[str, list[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: [str(w) for w in v or []] for k, v in data["zh" if lang == "zh" else "en"].items()}


def _words(words: list[str], lang: str) -> str:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?:{alts})" if lang == "zh" else rf"(?<![\w])(?:{alts})(?![\w])"


@cache
def _patterns(lang: str) -> dict[str, re.Pattern]:
    c = cues(lang)
    after = "|".join(re.escape(w.strip()) if w.strip() else re.escape(w) for w in c["dateline_after"])
    links = "|".join(re.escape(w) for w in c["same_day_links"])
    return {
        "label": re.compile(_words(c["release_labels"], lang) + r"\s*[:：]", re.IGNORECASE),
        "bare_label": re.compile(_words(c["release_labels"], lang) + r"\s*(?:on\s+|at\s+)?$", re.IGNORECASE),
        "byline": re.compile(_words(c["byline_words"], lang), re.IGNORECASE),
        "after": re.compile(r"^\s*(?:" + after + ")", re.IGNORECASE),
        "link": re.compile(r"^\s*,?\s*(?:" + links + r")\s*$", re.IGNORECASE),
        "background_before": re.compile(_words(c["background_before"], lang) + r"\s*(?:the\s+)?(?:(?:early|mid|late|end of|beginning of)\s+)?$", re.IGNORECASE)
        if c["background_before"] else None,
        "as_of": re.compile(_words(c["as_of"], lang) + r"\s*(?:the\s+)?(?:end of\s+)?$", re.IGNORECASE) if c["as_of"] else None,
        "background_after": re.compile(r"^\s*" + _words(c["background_after"], lang), re.IGNORECASE)
        if c["background_after"] else None,
    }


def is_background(text: str, t: Timex, lang: str) -> bool:
    """A date told as history ("since 2016", "as early as 2010", 2016年以来), which says nothing of
    when the article was written."""
    p = _patterns(lang)
    before = text[max(0, t.start - 30):t.start]
    if p["background_before"] is not None and p["background_before"].search(before):
        return True
    return p["background_after"] is not None and bool(p["background_after"].match(text[t.end:t.end + 6]))


def is_as_of(text: str, t: Timex, lang: str) -> bool:
    """A date a figure is given as of ("as of June 30", 截至2016年三季度): a point the report
    looks back to, although it reads like a deadline."""
    pattern = _patterns(lang)["as_of"]
    return pattern is not None and bool(pattern.search(text[max(0, t.start - 20):t.start]))


def url_date(url: str | None) -> Stated | None:
    """The date a URL's path holds, at day or month granularity."""
    if not url:
        return None
    parts = urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    m = _URL_DAY.search(path)
    if m:
        day = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            return Stated(day.isoformat(), "url", f'URL "{url}" ({m.group(0)})')
    m = _URL_MONTH.search(path)
    if m:
        return Stated(f"{m.group(1)}-{m.group(2)}", "url", f'URL "{url}" ({m.group(0)})')
    return None


def _day_value(t: Timex) -> str | None:
    """"YYYY-MM-DD" or "XXXX-MM-DD" of a plain day date; None for anything else (a relative
    year such as "April 1 next year" is a date the text counts, not the day it is written)."""
    v = t.value
    if t.granularity not in ("day", "part", "time") or len(v) < 10 or not (v[5:7].isdigit() and v[8:10].isdigit()):
        return None
    if t.anchor == "absolute":
        return v[:10]
    if t.anchor == "dct" and v.startswith("XXXX"):
        return v[:10]
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the first non-empty lines of the text."""
    out, pos = [], 0
    for line in text[:HEADER_CHARS].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
        if len(out) >= HEADER_LINES:
            break
    return out


def _last_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the last non-empty lines of the text, the last one first."""
    out, end = [], len(text)
    while end > 0 and len(out) < FOOTER_LINES:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            out.append((start, end))
        end = start - 1
    return out


def footer_line(text: str, timexes: list[Timex], ctx: DocContext, lang: str) -> Stated | None:
    """A labelled release line or byline closing the text ("（责任编辑：赵六）2018-07-02",
    "Published: 2018-07-02"), below the header release_line reads."""
    p = _patterns(lang)
    header_end = max((end for _, end in _lines(text)), default=0)
    for start, end in _last_lines(text):
        line = text[start:end].strip()
        if start < header_end or len(line) > RELEASE_LINE_MAX or _SENTENCE_END.search(line[:-1]):
            continue
        for t in (t for t in timexes if start <= t.start < end and t.anchor == "absolute"):
            value = _day_value(t)
            if (value is None or not value[:4].isdigit() or _limit_in_line(text, start, t, ctx) or is_background(text, t, lang)
                    or is_as_of(text, t, lang) or _AMBIGUOUS_NUMERIC.fullmatch(t.text)):
                continue
            if p["label"].search(line) or p["byline"].search(line) or p["bare_label"].search(text[start:t.start]):
                return Stated(value, "dateline", f'closing release line "{line}"', start=t.start)
    return None


def release_line(text: str, timexes: list[Timex], ctx: DocContext, lang: str, *,
                 skip: set[int] = frozenset()) -> Stated | None:
    """A release line or byline near the top ("Time: 2017-12-28 10:16:33", "Reporter Han Xue
    December 3", "原创：券商前沿  记者 何思远  2018-05-11"), or a dateline opening a paragraph
    ("BEIJING, Aug 8 (Reuters) -", 本报北京4月28日讯). skip: where dates a relative day names
    are ("Yesterday is June 30, 2018"), which are not the day of publication."""
    p = _patterns(lang)
    for start, end in _lines(text):
        line = text[start:end]
        for t in (t for t in timexes if start <= t.start < end):
            value = _day_value(t)
            if (value is None or t.start in skip or _limit_in_line(text, start, t, ctx) or is_background(text, t, lang)
                    or is_as_of(text, t, lang) or _AMBIGUOUS_NUMERIC.fullmatch(t.text)):
                continue
            # a release line or byline is a list of fields, not prose: no sentence ends in it
            short = len(line.strip()) <= RELEASE_LINE_MAX and not _SENTENCE_END.search(line.strip()[:-1])
            alone = _only_a_date(line, [u for u in timexes if start <= u.start < end])
            # a site's name beside a full date under the title ("人民网－人民日报 2018年12月06日"):
            # a short line below the first with no clause in it
            # ("Economic Information Daily, June 28, 2018": a comma may part the name from the date)
            stamp = (start > 0 and t.anchor == "absolute" and len(line.strip()) - len(t.text) <= STAMP_REST
                     and not re.search(r"[,，;；:：。.!?！？]", line.replace(t.text, "").strip().rstrip(",，")))
            # a row of fields ("2 July 2018 | Jane Doe", "Sino Finance Daily | 10 Dec 2018"), or a
            # label the date follows without a colon ("First published Dec 10 2018")
            fields = t.anchor == "absolute" and bool(_FIELD_SEPARATOR.search(line))
            labelled = bool(p["bare_label"].search(text[start:t.start]))
            if alone or stamp or short and (p["label"].search(line) or p["byline"].search(line) or fields or labelled
                                            or _CLOCK.search(line[t.end - start:])):
                return Stated(value, "dateline", f'release line "{line.strip()}"')
            prefix = text[start:t.start]
            if (len(prefix.strip()) <= DATELINE_PREFIX_MAX and not re.search(r"[.。!?！？]", prefix)
                    and p["after"].match(text[t.end:t.end + 12])):
                return Stated(value, "dateline", f'dateline "{text[start:min(end, t.end + 12)].strip()}"')
    return None


def _limit_in_line(text: str, line_start: int, t: Timex, ctx: DocContext) -> bool:
    """A deadline word before or after the date within its line (a title ending 大限已至 above a
    release line is no 至 of the date below it)."""
    g = ctx.grammar
    before = text[max(line_start, t.start - 30):t.start]
    after = text[t.end:t.end + 6].split("\n", 1)[0]
    return bool(g.boundary_before and g.boundary_before.search(before)
                or g.boundary_after and g.boundary_after.search(after))


def _only_a_date(line: str, in_line: list[Timex]) -> bool:
    """A line that holds dates (a day, its weekday, a clock time) and punctuation only
    ("2018-06-30 星期六", "Monday, June 30, 2018"): a release line."""
    rest = line
    for t in sorted(in_line, key=lambda t: len(t.text), reverse=True):
        rest = rest.replace(t.text, " ")
    return not re.search(r"\w", rest)


def same_day_link(text: str, timexes: list[Timex], lang: str) -> Stated | None:
    """A relative day tied to the date it is: "yesterday (April 27)", "Yesterday is June 30,
    2018", 昨天（4月27日）; the publication date is counted from that date."""
    offsets = _relative_days(lang)
    p = _patterns(lang)
    for t, u in zip(timexes, timexes[1:]):
        n = offsets.get(normalise_key(t.text))
        value = _day_value(u)
        if n is None or value is None or not p["link"].match(text[t.end:u.start]):
            continue
        return Stated(value, "text", f'"{text[t.start:u.end + 1].strip()}"', shift_days=-n, start=u.start)
    return None


@cache
def _relative_days(lang: str) -> dict[str, int]:
    """today 0, yesterday -1, 前天 -2: relative days counted from the publication date."""
    relative = load_grammar(lang).vocab.get("relative", {})
    return {k: int(v.get("offset", 0)) for k, v in relative.items()
            if v.get("unit") == "day" and v.get("anchor") == "dct" and not v.get("part")}
