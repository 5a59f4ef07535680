"""TIMEX3 values as spans of calendar days, so partial dates sort and draw by their start."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def span(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, granularity) of a TIMEX3 value, or None for PAST_REF and the like;
    of an interval of two ("2018-09/2018-11": within September to November), from the first day
    of one to the last of the other, granularity "range"."""
    if not value:
        return None
    if "/" in value:
        first, last = (span(part) for part in value.split("/", 1))
        return (first[0], last[1], "range") if first and last and first[0] <= last[1] else None
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
        day = date(*map(int, m.groups()))
        return day, day, "day"
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        year, month = map(int, m.groups())
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    if m := re.match(r"^(\d{4})-W(\d{2})$", value):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + timedelta(days=6), "week"
    if m := re.match(r"^(\d{4})-Q([1-4])$", value):
        year, q = int(m[1]), int(m[2])
        return _months(year, 3 * q - 2, 3 * q) + ("quarter",)
    if m := re.match(r"^(\d{4})-H([12])$", value):
        year, h = int(m[1]), int(m[2])
        return _months(year, 6 * h - 5, 6 * h) + ("half",)
    if (m := re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)) and m[2] in _SEASONS:
        first, last = _SEASONS[m[2]]
        return _months(int(m[1]), first, last) + ("season",)
    if m := re.match(r"^(\d{4})$", value):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if m := re.match(r"^(\d{3})$", value):
        decade = int(m[1]) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31), "decade"
    return None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def parse_bound(text: str) -> date:
    """A --from/--to bound: YYYY, YYYY-MM or YYYY-MM-DD (the start of that span)."""
    try:
        found = span(text)
    except ValueError:  # 2018-13: a date's shape with an impossible month or day
        found = None
    if found is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ValueError(f"not a date: {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return found[0]


def display(value: str | None, mod: str | None = None) -> str:
    """A date as an analyst reads it: 2018-04-27 evening, April 2018, after 2018-05-11,
    September–November 2018."""
    if not value:
        return "undated"
    found = span(value)
    if found is None:
        return value
    start, end, granularity = found
    if granularity == "range":
        first, last = value.split("/", 1)
        same_year_months = len(first) == len(last) == 7 and first[:4] == last[:4]
        text = f"{start:%B}–{end:%B %Y}" if same_year_months else f"{display(first)} – {display(last)}"
        return f"after {text}" if mod == "AFTER" else text
    text = {
        "day": start.isoformat(),
        "month": start.strftime("%B %Y"),
        "year": str(start.year),
    }.get(granularity, value)
    if granularity == "day" and "T" in value:
        part = {"EV": "evening", "MO": "morning", "AF": "afternoon", "NI": "night"}.get(value.split("T", 1)[1])
        text += f" {part}" if part else ""
    return f"after {text}" if mod == "AFTER" else f"around {text}" if mod == "APPROX" else text


_PARTS_ZH = {"EV": "晚", "MO": "上午", "AF": "下午", "NI": "夜间"}
_SEASONS_ZH = {"SP": "春季", "SU": "夏季", "FA": "秋季", "AU": "秋季", "WI": "冬季"}


def display_zh(value: str | None, mod: str | None = None) -> str:
    """display() as a Chinese reader writes it: 2018-04-27晚, 2018年4月, 2018-05-11之后."""
    if not value:
        return "日期不详"
    found = span(value)
    if found is None:
        return value
    start, _, granularity = found
    if granularity == "range":
        first, last = value.split("/", 1)
        text = f"{display_zh(first)}至{display_zh(last)}"
    elif granularity == "day":
        # (a day stays as ISO writes it, read alike in both languages)
        text = start.isoformat() + (_PARTS_ZH.get(value.split("T", 1)[1], "") if "T" in value else "")
    elif granularity == "week":
        text = f"{value[:4]}年第{int(value[6:8])}周"
    elif granularity == "quarter":
        text = f"{value[:4]}年第{value[-1]}季度"
    elif granularity == "half":
        text = f"{value[:4]}年{'上' if value.endswith('1') else '下'}半年"
    elif granularity == "season":
        text = f"{value[:4]}年{_SEASONS_ZH.get(value[5:], value[5:])}"
    elif granularity == "decade":
        text = f"{start.year}年代"
    else:
        text = {"month": f"{start.year}年{start.month}月", "year": f"{start.year}年"}.get(granularity, value)
    return f"{text}之后" if mod == "AFTER" else f"{text}前后" if mod == "APPROX" else text


# Where an article's publication date came from (article.date_source), in words.
DATE_SOURCES = {
    "metadata": "date from the page's metadata",
    "html": "date from the page's HTML metadata or byline",
    "url": "date from the page's address",
    "dateline": "date from the article's dateline or byline",
    "text": "date from a day the text ties to its writing",
    "inferred": "date inferred from the text",
    "other sources": "date from its dateline's day, in the year other sources give the days it names",
}


def date_line(article: dict) -> str:
    """An article's date, where it came from and the words or field it rests on:
    "2018-09: date inferred from the text: lead date "September 13th"; ..."."""
    evidence = (article.get("date_evidence") or "").strip()
    if not article.get("date"):
        return evidence if evidence.startswith("undated") else "undated" + (f": {evidence}" if evidence else "")
    said = DATE_SOURCES.get(article.get("date_source") or "", f"date from {article.get('date_source') or 'an unknown place'}")
    return f"{article['date']}: {said}" + (f": {evidence}" if evidence else "")
