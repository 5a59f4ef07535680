"""Dated figures: "462 banks and 115 payment institutions had connected by June 30", "reserves
of 1,398.562 billion yuan at the end of January", "截至6月30日，已有462家银行接入".

A sentence that states a number with what it counts (a unit, a measure word, a counted noun)
and a date of its own becomes one `statistic` event: its figures as written are the event's
theme, the institutions it names are its parties. The words that make a number a figure are
in events.yaml (`figures`); a year, a document number or a number inside a name is no figure.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from spacy.tokens import Doc

from pipeline.extract.events.english import back_reference_of
from pipeline.extract.events.taxonomy import EntityInfo, Taxonomy
from pipeline.extract.time.parsed_tense import governing_verb
from pipeline.facts import EventMention, Mention, Sentence, Timex

STATISTIC = "statistic"
# Parties a figure is about; places, people and outlets are where or who said it.
PARTY_TYPES_EXCLUDED = {"place", "person", "media", "document"}
MAX_THEME = 120  # characters of figures kept as the event's theme


def find_figures(
    doc: Doc, sentence: Sentence, mentions: list[Mention], timexes: list[Timex], entities: EntityInfo, taxonomy: Taxonomy, lang: str
) -> list[EventMention]:
    """At most one statistic event for the sentence: its figures, parties and date."""
    if STATISTIC not in taxonomy.types:
        return []
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value)]
    if not dated:
        return []  # a figure without its date is no point on a timeline
    taken = [(t.start - sentence.start, t.end - sentence.start) for t in timexes]
    taken += [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    figures = [m for m in _figure_pattern(taxonomy, lang).finditer(sentence.text)
               if not any(s <= m.start() < e for s, e in taken)  # the number itself in a date or a name
               and not _counts_the_names_before(m, mentions, sentence, entities)]  # fmt: skip
    if not figures:
        return []
    parties = []
    for m in mentions:
        if m.entity_id and entities.types.get(m.entity_id) not in PARTY_TYPES_EXCLUDED and m.entity_id not in parties:
            parties.append(m.entity_id)
    documents = [m.entity_id for m in mentions if m.entity_id and entities.types.get(m.entity_id) == "document"]
    first = figures[0]
    back_reference = None if parties or documents else _anaphoric_subject(doc, first, taxonomy, lang)
    if not parties and not documents and not back_reference:
        return []
    when = min(dated, key=lambda t: abs(t.start - sentence.start - first.start()))  # the date nearest the figure
    theme = "; ".join(m.group(0).strip() for m in figures)
    # "at the end of September 2016", 三季度末: a figure holds on the last day of the period.
    value = (_last_day(when.value) or when.value) if when.modifier == "END" else when.value
    return [
        EventMention(
            sentence_idx=sentence.idx,
            type=STATISTIC,
            category=taxonomy.types[STATISTIC].category,
            trigger=first.group(0).strip(),
            start=sentence.start + first.start(),
            end=sentence.start + first.end(),
            factuality=_factuality(sentence.text[: first.start()], taxonomy, lang),
            actors=parties,
            document=documents[0] if documents else None,
            theme=theme[:MAX_THEME],
            date=value,
            date_text=when.text,
            date_source="sentence",
            back_reference=back_reference,
        )
    ]


def _anaphoric_subject(doc: Doc, figure: re.Match, taxonomy: Taxonomy, lang: str) -> str | None:
    """"In the first quarter it processed 5.775 billion transactions": a figure whose clause has
    an anaphor for subject ("it", "the platform") is the figure of the institution the anaphor
    stands for, found among the sentences before as for an event's subject (narrative.py)."""
    if lang != "en":
        return None
    span = doc.char_span(figure.start(), figure.end(), alignment_mode="expand")
    if span is None:
        return None
    verb = governing_verb(span.root)
    return back_reference_of([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")], taxonomy)


def _counts_the_names_before(figure: re.Match, mentions: list[Mention], sentence: Sentence, entities: EntityInfo) -> bool:
    """"浙江易士、广东益民和上海畅购3家支付机构", "Alipay, Tenpay and Chinabank Payment, the three
    institutions": a number that counts the names just listed sums up the list; it is no figure."""
    number = re.match(r"\d+", figure.group(0))
    before = {m.entity_id for m in mentions if m.entity_id and m.end - sentence.start <= figure.start()
              and m.entity_id not in entities.collectives}  # fmt: skip
    return bool(number) and len(before) >= 2 and int(number.group(0)) == len(before)


def _last_day(value: str) -> str | None:
    """The last day of a month, quarter, half or year given as TIMEX3 (2016-Q3 -> 2016-09-30)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?", value)
    if not m:
        return None
    year = int(m[1])
    month = int(m[2]) if m[2] else 3 * int(m[3]) if m[3] else 6 * int(m[4]) if m[4] else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


@cache  # a Taxonomy hashes by identity: one pattern per loaded taxonomy and language
def _figure_pattern(taxonomy: Taxonomy, lang: str) -> re.Pattern:
    """A number with the words that say what it counts, from events.yaml's `figures`."""
    words = taxonomy.figures.get(lang, {})
    scales = "|".join(sorted(map(re.escape, words.get("scales", ())), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, words.get("units", ())), key=len, reverse=True))
    # Not the tail of a word or of a document number (〔2017〕209号, [2017] No. 209); in
    # Chinese a figure follows a character directly (已有462家).
    number = (r"(?<![\d.〔\[])" if lang == "zh" else r"(?<![\w.\[])") + r"\d[\d,]*(?:\.\d+)?"
    if lang == "zh":
        pattern = rf"{number}\s*(?:{scales})?\s*(?:{units})"
    else:
        # "462 banks", "5.775 billion transactions", "9.61 percent", "2 billion yuan", "about 50%"
        pattern = rf"{number}\s*(?:%|\s(?:{scales}))?(?:\s+(?:[a-z-]+\s+){{0,2}}?(?:{units})\b|%|\s+(?:percent|per cent)\b)"
    return re.compile(pattern, re.I)


def _factuality(before: str, taxonomy: Taxonomy, lang: str) -> str:
    """A figure expected or planned ("will reach 200", 预计) is no figure held; reported ones are marked."""
    lowered = before.lower()
    for family in ("planned", "speculative", "reported"):
        for cue in taxonomy.factuality.get(family, {}).get(lang, ()):
            if (re.search(rf"\b{re.escape(cue)}\b", lowered) if lang == "en" else cue in before):
                return family
    return "asserted"
