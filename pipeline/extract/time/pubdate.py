"""An article's publication date from what the page states, in this order of trust:

1. the URL (/2018/09/17/, /20180917/, n1/2018/1206/);
2. a release line, byline or dateline in the text ("Time: 2017-12-28 10:16", "BEIJING, Aug 8
   (Reuters) -", 本报北京4月28日讯), or a relative day tied to its date ("yesterday (April 27)");
3. inference, last and with a confidence: the lead sentence's day (the month it is in), or the
   year that "this year"/"next year" phrases name when the text also writes that date out.

(The file's header, a JSON field and the HTML metadata come before all these; the readers take
them, see pipeline/ingest/readers.py.)

A month-day without a year ("December 6", 4月28日) takes its year from the rest of the text:
- a relative year that names a date written out elsewhere: "January 14 next year" and
  "January 14, 2019" make the article's year 2018;
- else the year that puts the day nearest the dates the text writes out with their year, and not
  before the latest of them it tells as past (the article reports what has happened).
Dates told as background ("since 2016", "as early as 2010", 早在2010年) are never evidence, and
when the evidence disagrees or is too far away the article stays undated and says why: a wrong
date is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from pipeline.extract.time.calendar import days_in_month, safe_date
from pipeline.extract.time.context import DocContext
from pipeline.extract.time.pubdate_text import Stated, footer_line, is_as_of, is_background, release_line, same_day_link, url_date
from pipeline.extract.time.resources import load_grammar, normalise_key
from pipeline.extract.time.tagger import tag_document
from pipeline.facts import Timex

# The furthest the nearest written-out date may be from a dateline for it to give the year.
MAX_YEAR_DISTANCE = timedelta(days=400)
# A lead sentence's day gives its month only when the month has this many days left after it
# (news is published within days of what it reports).
LEAD_DAYS_TO_MONTH_END = 7
# A first paragraph shorter than this is a title, a byline or a caption, not the lead, unless it
# is a sentence (ends as one) of at least LEAD_MIN_SENTENCE characters.
LEAD_MIN_CHARS = 60
LEAD_MIN_SENTENCE = 15
# The lead: a paragraph's first sentences, where news gives the day it reports (a scene-setting
# sentence may come first: 集中存管正式进入倒计时。3月23日，...).
LEAD_SENTENCES = 2
# ... of the first paragraphs after the title: a byline sentence may come before the lead
# ("Our reporter Xie Shui Wang reports from Shanghai.").
LEAD_PARAGRAPHS = 2
_LABEL = re.compile(r"(?:^|\s)[A-Z\u4e00-\u9fff][\w\u4e00-\u9fff]{1,15}[:：]\s")


@dataclass(frozen=True, slots=True)
class PublicationDate:
    value: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY"; None: undated, and `evidence` says why
    evidence: str  # the words or the field the value rests on, for a human to check
    source: str = "inferred"  # url | dateline | text | inferred
    confidence: float = 0.5
    yearless: str | None = None  # undated: the day a dateline states without a year ("XXXX-07-01")


def _start_of(t: Timex) -> date | None:
    """The first day of an explicit date's period: 2018-06-30, 2017-08 -> 2017-08-01."""
    v = t.value
    if not v[:4].isdigit():
        return None
    year = int(v[:4])
    if len(v) >= 10 and v[5:7].isdigit() and v[8:10].isdigit():
        return safe_date(year, int(v[5:7]), int(v[8:10]))
    if len(v) >= 7 and v[5:7].isdigit():
        return date(year, int(v[5:7]), 1)
    if len(v) >= 7 and v[5] == "Q" and v[6].isdigit():
        return date(year, 3 * int(v[6]) - 2, 1)
    if len(v) >= 7 and v[5] == "H" and v[6].isdigit():
        return date(year, 6 * int(v[6]) - 5, 1)
    return None


@cache
def _relative_years(lang: str) -> dict[str, int]:
    """this year 0, next year 1, 去年 -1: years counted from the publication year."""
    relative = load_grammar(lang).vocab.get("relative", {})
    return {k: int(v.get("offset", 0)) for k, v in relative.items()
            if v.get("unit") == "year" and v.get("anchor") == "dct"}


@dataclass(slots=True)
class YearEvidence:
    """What a text says about the year it was written in."""

    explicit: list[tuple[Timex, date]] = field(default_factory=list)  # written-out dates, not background
    floor: tuple[Timex, date] | None = None  # the latest of them told as past, not a deadline
    votes: list[tuple[int, str]] = field(default_factory=list)  # (year, why) from relative years

    @classmethod
    def read(cls, text: str, timexes: list[Timex], ctx: DocContext, lang: str) -> "YearEvidence":
        ev = cls()
        for t in timexes:
            # written out with its year, or counted from one that is ("December of the same year")
            written = t.anchor == "absolute" or (t.anchor or "").startswith("previous:")
            start = _start_of(t) if written and t.type in ("DATE", "TIME") else None
            if start is None or is_background(text, t, lang):
                continue
            ev.explicit.append((t, start))
            # told as past: no future tense, and no deadline ("from 30 June 2018", "before
            # January 14, 2019" may lie on either side of the article) unless a figure is
            # given as of it ("截至2016年三季度", "as of June 30")
            if ctx.tense(t.start, t.end) != "future" and (not ctx.is_boundary(t.start, t.end) or is_as_of(text, t, lang)):
                if ev.floor is None or start > ev.floor[1]:
                    ev.floor = (t, start)
        ev.votes = _relative_year_votes(timexes, ev.explicit, lang)
        return ev

    def year_for(self, month: int, day: int, near: date | None = None, *,
                 need_floor: bool = False) -> tuple[int | None, str]:
        """The year of a month-day that dates the article, and why; (None, why) to abstain.
        near: a date the article is known to be close to (a URL's month).
        need_floor: abstain unless the text tells a written-out date as past (for a day the
        text only implies is its own, the nearest deadline is too little)."""
        if near is not None:
            year = min((near.year - 1, near.year, near.year + 1), key=lambda y: abs(_distance(y, month, day, near)))
            return year, "the URL's month"
        years = {y for y, _ in self.votes}
        if len(years) > 1:
            return None, "relative years disagree: " + "; ".join(why for _, why in self.votes)
        floor = self.floor[1] if self.floor else None
        if years:
            year = years.pop()
            if floor is not None and (safe_date(year, month, day) or date(year, month, 28)) < floor:
                return None, f"{self.votes[0][1]} but the text tells {self.floor[0].text!r} as past"
            return year, self.votes[0][1]
        if not self.explicit:
            return None, "no date in the text is written with its year"
        if need_floor and floor is None:
            return None, "no date written with its year is told as past"
        lo = floor.year if floor else min(s.year for _, s in self.explicit) - 1
        hi = max(s.year for _, s in self.explicit) + 1
        ranked = sorted(
            (min(abs(_distance(y, month, day, s)) for _, s in self.explicit), y) for y in range(lo, hi + 1)
            if floor is None or (safe_date(y, month, day) or date(y, month, 28)) >= floor
        )
        if not ranked or ranked[0][0] > MAX_YEAR_DISTANCE.days:
            return None, "no date written with its year lies within a year of it"
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None, f"{ranked[0][1]} and {ranked[1][1]} fit the written-out dates equally"
        nearest = min(self.explicit, key=lambda e: abs(_distance(ranked[0][1], month, day, e[1])))
        why = f'the nearest date written with its year, "{nearest[0].text}"'
        if self.floor is not None:
            why += f', on or after "{self.floor[0].text}" told as past'
        return ranked[0][1], why


def _distance(year: int, month: int, day: int, other: date) -> int:
    here = safe_date(year, month, day) or date(year, month, days_in_month(year, month))
    return (here - other).days


def _relative_year_votes(timexes: list[Timex], explicit: list[tuple[Timex, date]], lang: str) -> list[tuple[int, str]]:
    """"January 14 next year" where the text also writes "January 14, 2019": the article was
    written in 2018. A relative year that names no written-out date gives no vote."""
    words = _relative_years(lang)
    votes: dict[int, str] = {}
    for t in timexes:
        if t.anchor != "dct" or not t.value.startswith("XXXX-") or len(t.value) < 10 or not t.value[5:10].replace("-", "").isdigit():
            continue
        key = normalise_key(t.text)
        offsets = {n for w, n in words.items() if w in key}
        # a day names one date; a month alone ("January next year") may be another January
        matches = [e for e, _ in explicit if e.value[4:10] == t.value[4:10] and len(e.value) >= 10]
        if len(offsets) != 1 or len({e.value[:4] for e in matches}) != 1:
            continue
        year = int(matches[0].value[:4]) - offsets.pop()
        votes.setdefault(year, f'"{t.text}" is "{matches[0].text}"')
    return sorted(votes.items())


def find_publication_date(text: str, lang: str, url: str | None = None) -> PublicationDate:
    """The publication date the page states in its URL or its words, else the one its text
    implies; `value` None (undated) with the reason when nothing sure is found."""
    from_url = url_date(url)
    if from_url is not None and len(from_url.value) == 10:
        return PublicationDate(from_url.value, from_url.evidence, "url", 0.9)
    timexes = tag_document(text, None, lang, None)
    ctx = DocContext.create(text, load_grammar(lang), None, None)
    ev = YearEvidence.read(text, timexes, ctx, lang)
    near = date.fromisoformat(from_url.value + "-01") if from_url is not None else None
    reasons, yearless = [], None
    linked = same_day_link(text, timexes, lang)
    skip = {linked.start} if linked is not None else set()
    for stated in (release_line(text, timexes, ctx, lang, skip=skip), linked, footer_line(text, timexes, ctx, lang)):
        if stated is None:
            continue
        placed = _placed(stated, ev, near)
        if placed.value is not None:
            return placed
        reasons.append(placed.evidence)
        yearless = yearless or placed.yearless
    if from_url is not None:
        return PublicationDate(from_url.value, from_url.evidence, "url", 0.8)
    inferred = _inferred(text, timexes, ctx, ev, lang)
    if inferred.value is None and reasons:
        return PublicationDate(None, "; ".join([*reasons, inferred.evidence]), "inferred", 0.0, yearless=yearless)
    return inferred


def infer_publication_date(text: str, lang: str) -> PublicationDate | None:
    """The publication date the text states or implies, or None when it stays undated."""
    found = find_publication_date(text, lang)
    return found if found.value is not None else None


def _placed(stated: Stated, ev: YearEvidence, near: date | None) -> PublicationDate:
    """A stated date with its year, found from the evidence when the words leave it out."""
    month, day = int(stated.value[5:7]), int(stated.value[8:10])
    if stated.value[:4].isdigit():
        year, why = int(stated.value[:4]), ""
    else:
        year, why = ev.year_for(month, day, near)
        if year is None:
            return PublicationDate(None, f"undated: {stated.evidence} gives no year ({why})", stated.source, 0.0,
                                   yearless=f"XXXX-{month:02d}-{day:02d}")  # fmt: skip
        why = f"; year {year} from {why}"
    found = safe_date(year, month, day)
    if found is None:
        return PublicationDate(None, f"undated: {stated.evidence} is no day of {year}", stated.source, 0.0)
    found += timedelta(days=stated.shift_days)
    shifted = f", {stated.shift_days} day(s) before publication" if stated.shift_days else ""
    return PublicationDate(found.isoformat(), f"{stated.evidence}{shifted}{why}", stated.source,
                           0.9 if not why else 0.7)


def _inferred(text: str, timexes: list[Timex], ctx: DocContext, ev: YearEvidence, lang: str) -> PublicationDate:
    """The lead sentence's day (to its month), else the year relative years name; else undated."""
    lead = _lead_date(text, timexes, ctx, lang)
    lead_why = ""
    if lead is not None:
        month, day = int(lead.value[5:7]), int(lead.value[8:10])
        if lead.value[:4].isdigit():
            year, why = int(lead.value[:4]), ""
        else:
            year, why = ev.year_for(month, day, need_floor=True)
            why = f"; year {year} from {why}" if year else why
        if year is not None:
            if days_in_month(year, month) - day >= LEAD_DAYS_TO_MONTH_END:
                return PublicationDate(f"{year:04d}-{month:02d}", f'lead date "{lead.text}"{why}: published on or after it', "inferred", 0.5)
            return PublicationDate(f"{year:04d}", f'lead date "{lead.text}" near the end of its month{why}', "inferred", 0.4)
        lead_why = f'; lead date "{lead.text}" gives no year ({why})'
    years = {y for y, _ in ev.votes}
    if len(years) == 1:
        year = years.pop()
        if ev.floor is None or ev.floor[1].year <= year:
            return PublicationDate(f"{year:04d}", "; ".join(why for _, why in ev.votes), "inferred", 0.4)
    if len(years) > 1:
        return PublicationDate(None, "undated: relative years disagree: " + "; ".join(w for _, w in ev.votes), "inferred", 0.0)
    return PublicationDate(None, f"undated: no dateline, and no date the text ties to when it was written{lead_why}", "inferred", 0.0)


def _lead_date(text: str, timexes: list[Timex], ctx: DocContext, lang: str) -> Timex | None:
    """The day the first sentence of the first paragraph of prose opens its news with
    ("In September 13th, ...", 3月23日，...): told as past, not a deadline, not background.
    The first line may be the title (which a site may print again): then the next one leads."""
    paras = text.split("\n")
    title = paras[0].strip()
    start, seen = 0, 0
    for n, para in enumerate(paras):
        line = para.strip()
        sentence = len(line) >= LEAD_MIN_CHARS or (len(line) >= LEAD_MIN_SENTENCE and line[-1] in "。！？.!?")
        sentence = sentence and len(_LABEL.findall(line)) < 2  # "Type: ... Founded: ..." is a fact box
        if sentence and (n == 0 or line != title):
            found = _opening_date(text, start + len(para) - len(para.lstrip()), timexes, ctx, lang)
            seen += n > 0
            if found is not None or seen >= LEAD_PARAGRAPHS:
                return found
        start += len(para) + 1
    return None


def _opening_date(text: str, offset: int, timexes: list[Timex], ctx: DocContext, lang: str) -> Timex | None:
    """The first plain day in the first LEAD_SENTENCES sentences of the paragraph at `offset`."""
    s, e = ctx.sentence_span(offset)
    paragraph_end = text.find("\n", offset) % (len(text) + 1)
    for _ in range(LEAD_SENTENCES - 1):
        if e < paragraph_end:
            e = max(e, ctx.sentence_span(e + 1)[1])
    e = min(e, paragraph_end)
    for t in timexes:
        if not s <= t.start < e:
            continue
        v = t.value
        day_level = t.granularity in ("day", "part", "time") and v[5:7].isdigit() and v[8:10].isdigit()
        plain = t.anchor == "absolute" or (t.anchor == "dct" and v.startswith("XXXX") and not any(
            w in normalise_key(t.text) for w in _relative_years(lang)))
        if not (day_level and plain):
            continue
        # the lead's first day, or none: a later one is not the day the news is about
        if not ctx.is_boundary(t.start, t.end) and ctx.tense(t.start, t.end) != "future" and not is_background(text, t, lang):
            return t
        return None
    return None
