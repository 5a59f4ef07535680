"""Calendar points at a granularity, their arithmetic and their TIMEX3 values.

A `Point` is a day (a `datetime.date`) plus the granularity it is meant at: "2018-04"
is any day of April 2018 at month granularity. Arithmetic happens on the day, the value
is printed at the granularity. `known` says which parts came from somewhere real; the
rest print as X (a document without a date still gets "XXXX-04-27" for "April 27").
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    gran: str = "day"
    season: str | None = None
    part: str | None = None  # MO AF EV NI
    clock: str | None = None  # "15:00"
    known: str = "ymd"  # which of year, month, day are real (not guessed from nothing)

    def at(self, gran: str) -> "Point":
        """The same point at another granularity (dropping finer details)."""
        return replace(self, gran=gran, part=None if gran not in ("part", "time") else self.part,
                       clock=None if gran != "time" else self.clock)


def days_in_month(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    year = max(1, min(9999, year))
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def shift(point: Point, unit: str, n: int) -> Point:
    """Move a point by n units (n may be negative); the granularity is kept."""
    d = point.day
    if unit == "day":
        d = d + timedelta(days=n)
    elif unit in ("week", "weekend"):
        d = d + timedelta(weeks=n)
    elif unit == "fortnight":
        d = d + timedelta(weeks=2 * n)
    elif unit == "month":
        d = add_months(d, n)
    elif unit == "quarter":
        d = add_months(d, 3 * n)
    elif unit == "half":
        d = add_months(d, 6 * n)
    elif unit == "season":
        d = add_months(d, 3 * n)
    elif unit == "year":
        d = add_months(d, 12 * n)
    elif unit == "decade":
        d = add_months(d, 120 * n)
    elif unit == "century":
        d = add_months(d, 1200 * n)
    elif unit in ("hour", "minute", "second"):
        return point  # clock arithmetic is not needed for dates in news
    return replace(point, day=d)


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    if not 1 <= day <= days_in_month(year, month):
        return None
    return date(year, month, day)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def value(point: Point) -> str:
    """The TIMEX3 value of a point at its granularity."""
    d, gran = point.day, point.gran
    year = f"{d.year:04d}" if "y" in point.known else "XXXX"
    month = f"{d.month:02d}" if "m" in point.known else "XX"
    dom = f"{d.day:02d}" if "d" in point.known else "XX"
    if gran == "century":
        return year[:2]
    if gran == "decade":
        return year[:3]
    if gran == "year":
        return year
    if gran == "half":
        return f"{year}-H{1 if d.month <= 6 else 2}"
    if gran == "quarter":
        return f"{year}-Q{quarter_of(d)}" if "m" in point.known else f"{year}-QX"
    if gran == "season":
        return f"{year}-{point.season or 'XX'}"
    if gran == "month":
        return f"{year}-{month}"
    if gran in ("week", "weekend"):
        if "y" not in point.known:
            return "XXXX-WXX" + ("-WE" if gran == "weekend" else "")
        iso_year, week, _ = d.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    base = f"{year}-{month}-{dom}"
    if gran == "part" and point.part:
        return f"{base}T{point.part}"
    if gran == "time" and point.clock:
        return f"{base}T{point.clock}"
    return base


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The given ISO weekday (1=Monday) nearest the anchor: -1 on or before, +1 on or
    after, 0 in the anchor's own week; -2/+2 strictly before/after."""
    delta = weekday - anchor.isoweekday()
    if direction == 0:
        return anchor + timedelta(days=delta)
    if direction in (-1, -2):
        back = (-delta) % 7
        if back == 0 and direction == -2:
            back = 7
        return anchor - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == 2:
        ahead = 7
    return anchor + timedelta(days=ahead)


def parse_dct(dct: str | None) -> Point | None:
    """The document date as a point: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (else None)."""
    if not dct:
        return None
    parts = dct.strip()[:10].split("-")
    try:
        nums = [int(p) for p in parts if p]
    except ValueError:
        return None
    if len(nums) >= 3 and safe_date(*nums[:3]):
        return Point(date(*nums[:3]), "day", known="ymd")
    if len(nums) >= 2 and 1 <= nums[1] <= 12:
        return Point(date(nums[0], nums[1], 15), "month", known="ym")
    if len(nums) >= 1 and 1 <= nums[0] <= 9999:
        return Point(date(nums[0], 7, 1), "year", known="y")
    return None
