"""The timeline: stored event mentions gathered into entries, each with all its sources.

A view: it reads facts and never parses text. Entries are ordered by the start of their date
(a month sorts at its first day); undated entries follow. Sources that disagree stay side by
side and flag a conflict: a reported fact that is denied or retracted, two dates for one
event, or sources of one entry that differ on factuality.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from pipeline.extract.entities import load_entity_table
from pipeline.extract.entities.english_names import displayed
from pipeline.extract.events import load_taxonomy
from pipeline.store import DATED_BY_OTHER_SOURCES, Store
from pipeline.views.dates import display, display_zh, span

# Acts a rule does itself: told of its document, not of the body that issued it.
RULE_SUBJECT_TYPES = {"take_effect"}
# The preposition a verb ends with to name its targets ("connected to", "set a deadline for"):
# left out when there are none, so no summary ends on it.
_TARGET_PREPOSITION = re.compile(r",? (?:to|for|with)$")

FACT_ORDER = ["asserted", "reported", "required", "planned", "speculative", "denied"]


@dataclass
class Entry:
    id: int
    date: str | None  # first day of the entry's date span (ISO), for ordering and charts
    date_end: str | None
    granularity: str | None
    display_date: str
    type: str
    category: str
    summary: str
    actors: list[str]
    targets: list[str]
    document: str | None
    factuality: str
    conflict: bool
    conflict_reasons: list[str]
    sources: list[dict]
    actor_ids: list[str] = field(default_factory=list)
    target_ids: list[str] = field(default_factory=list)
    document_id: str | None = None
    deadline: str | None = None
    value: str | None = None  # the date as TIMEX3, at the granularity the sources give
    theme: str | None = None  # what it is about, as written, when no entity names it; a statistic's figures
    summary_zh: str = ""  # the summary in Chinese, for answers to Chinese questions
    display_date_zh: str = ""  # the date as a Chinese reader writes it (2018年4月, 2018-04-27晚)

    def to_dict(self) -> dict:
        # What asdict gives (lists of names, flat source dicts), without its deep copy of every
        # value: 1.5 s for the entries of a 10k-article store, this 0.1 s.
        fields = {name: list(value) if isinstance(value, list) else value for name, value in vars(self).items()}
        return {**fields, "sources": [dict(source) for source in self.sources]}


def build_entries(store: Store) -> list[Entry]:
    """Every timeline entry of the store, in date order.

    Built once per state of the store and shared by every caller on that store (the timeline,
    relations, the graph, the question engine): the list is the caller's own, the entries are
    not, so never change one."""
    return list(store.memo("entries", lambda: tuple(_build_entries(store)), encode=_encode, decode=_decode))


def _encode(entries: tuple[Entry, ...]) -> list[dict]:
    return [entry.to_dict() for entry in entries]


def _decode(saved: list[dict]) -> tuple[Entry, ...]:
    return tuple(Entry(**fields) for fields in saved)


def _build_entries(store: Store) -> list[Entry]:
    names = store.entity_names()
    taxonomy = load_taxonomy()
    by_entry: dict[int, list[dict]] = defaultdict(list)
    for row in store.event_rows():
        by_entry[row["entry_id"]].append(row)
    # The parties as the fullest original report names them (a union would mix readings of a garble).
    # Every report's roles are read only where the fullest reports tie: most entries need one's.
    fullest = {entry_id: _fullest(rows) for entry_id, rows in by_entry.items()}
    wanted = [row["id"] for entry_id, rows in by_entry.items() for row in (_originals(rows) if len(fullest[entry_id]) > 1 else fullest[entry_id])]
    roles = store.event_roles(wanted)
    richest = {entry_id: _richest(fullest[entry_id], _originals(rows), roles) for entry_id, rows in by_entry.items()}
    entries = [
        _entry(entry_id, rows, roles.get(richest[entry_id]["id"], []), names, taxonomy) for entry_id, rows in by_entry.items()
    ]
    _flag_conflicts(entries, by_entry)
    return sorted(entries, key=_order)


def whole_groups() -> frozenset[str]:
    """The entities that stand for a whole group ("payment institutions", "banks"), as the entity
    table says now (it is read again when an analyst edits it)."""
    return frozenset(e.id for e in load_entity_table() if e.collective)


def _only_groups(entry: Entry, groups: frozenset[str]) -> bool:
    """Whether every party of the entry is a whole group: nobody in particular did it."""
    parties = {*entry.actor_ids, *entry.target_ids}
    return not parties or parties <= groups


def timeline(
    store: Store,
    *,
    entity_ids: set[str] | None = None,
    types: set[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    categories: set[str] | None = None,
    factuality: set[str] | None = None,
    entries: list[Entry] | None = None,
    keep_undated: bool = False,
) -> list[Entry]:
    """The timeline, filtered. A date filter keeps entries whose span meets [date_from, date_to]
    (and the undated ones with `keep_undated`). `entries`: build_entries(store) when the caller
    has it already.

    An act the sources tell only as not done, and at no time ("Alipay and UnionPay have not
    announced the signing"), is no event to place: it is left out unless denied entries are
    asked for (factuality). The question engine still reads it from build_entries ("Did UnionPay
    announce it?" No)."""
    out = []
    groups = whole_groups()
    for entry in build_entries(store) if entries is None else entries:
        if entry.date is None and entry.factuality == "denied" and not (factuality and "denied" in factuality):
            continue
        if entry.date is None and not entry.deadline and not entry.document_id and _only_groups(entry, groups):
            continue  # "payment institutions deposit reserves with the central bank": how things are, at no time
        if types and entry.type not in types:
            continue
        if categories and entry.category not in categories:
            continue
        if factuality and entry.factuality not in factuality:
            continue
        if entity_ids and not entity_ids & {*entry.actor_ids, *entry.target_ids, entry.document_id}:
            continue
        if date_from or date_to:
            if entry.date is None:
                if keep_undated:
                    out.append(entry)
                continue
            if date_from and date.fromisoformat(entry.date_end or entry.date) < date_from:
                continue
            if date_to and date.fromisoformat(entry.date) > date_to:
                continue
        out.append(entry)
    return out


def busiest_span(entries: list[Entry], *, share: float = 0.8) -> tuple[date, date] | None:
    """The whole years around the shortest span that holds `share` of the dated entries (the
    years where the story happens, not the one background entry of 2010); None when none is
    dated."""
    starts = sorted(date.fromisoformat(e.date) for e in entries if e.date)
    if not starts:
        return None
    need = max(1, math.ceil(share * len(starts)))
    first, last = min(((starts[i], starts[i + need - 1]) for i in range(len(starts) - need + 1)), key=lambda p: p[1] - p[0])
    ends = [date.fromisoformat(e.date_end or e.date) for e in entries if e.date and first <= date.fromisoformat(e.date) <= last]
    return date(first.year, 1, 1), date(max([last, *ends]).year, 12, 31)


def default_period(entries: list[Entry]) -> tuple[date, date] | None:
    """The date range a timeline opens on: the busiest span, within the dates the entries have."""
    dated = [date.fromisoformat(d) for e in entries for d in (e.date, e.date_end) if d]
    busy = busiest_span(entries)
    if busy is None:
        return None
    return max(busy[0], min(dated)), min(busy[1], max(dated))


def search(entries: list[Entry], text: str) -> list[Entry]:
    """The entries whose summary, parties or sources (sentence, title, address) hold `text`
    (any case); all of them for an empty text."""
    wanted = text.strip().casefold()
    if not wanted:
        return list(entries)
    return [e for e in entries if wanted in _searchable(e)]


def _searchable(entry: Entry) -> str:
    parts = [entry.summary, entry.display_date, entry.type, *entry.actors, *entry.targets, entry.document or ""]
    parts += [f"{s['sentence']} {s['title'] or ''} {s['url'] or ''}" for s in entry.sources]
    return "\n".join(parts).casefold()


def sources_phrase(sources: list[dict]) -> str:
    """The sources of an entry in words, reposts told apart: "3 sources, 1 of them a repost".
    A source is an article (two sentences of one article are one source)."""
    articles = {s["article_id"]: s["repost"] for s in sources}
    total, copies = len(articles), sum(articles.values())
    words = f"{total} source{'' if total == 1 else 's'}"
    if copies:
        words += ", it a repost" if total == 1 else f", {copies} of them {'a repost' if copies == 1 else 'reposts'}"
    return words


def labelled(entries: list[Entry], at_most: int = 10) -> set[int]:
    """The ids of the dated entries that get a label on the chart: the most independently
    reported (reposts not counted), then the surest, then the earliest. Every entry's label
    would cover the marks of a busy chart; these are the ones a reader looks for first."""
    def weight(entry: Entry) -> tuple:
        originals = {s["article_id"] for s in entry.sources if not s["repost"]}
        fact = FACT_ORDER.index(entry.factuality) if entry.factuality in FACT_ORDER else len(FACT_ORDER)
        return (-len(originals), fact, entry.date, entry.id)

    return {e.id for e in sorted((e for e in entries if e.date), key=weight)[:at_most]}


def short_summary(summary: str, width: int = 34) -> str:
    """A summary cut to `width` characters at a word, for a label on the chart."""
    if len(summary) <= width:
        return summary
    cut = summary[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[width // 2 :] else cut).rstrip(" ,;:") + "…"


CSV_COLUMNS = ["id", "date", "date_end", "display_date", "type", "summary", "summary_zh", "actors", "targets", "document",
               "factuality", "conflict", "conflict_reasons", "sources", "source_articles"]  # fmt: skip


def entries_csv(entries: list[Entry]) -> str:
    """The entries as CSV, one row each: the date, what happened, who, how sure, the sources
    in words and each source's article (title, date, address). No cell starts a formula."""
    from pipeline.export import _cells  # export reads this module's Entry

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        cited = " | ".join(
            f"{s['title'] or 'article'} ({s['date'] or 'undated'}){' ' + s['url'] if s['url'] else ''}{' [repost]' if s['repost'] else ''}"
            for s in {s["article_id"]: s for s in e.sources}.values()
        )
        writer.writerow(_cells([e.id, e.date or "", e.date_end or "", e.display_date, e.type, e.summary, e.summary_zh, "; ".join(e.actors),
                         "; ".join(e.targets), e.document or "", e.factuality, "yes" if e.conflict else "",
                         "; ".join(e.conflict_reasons), sources_phrase(e.sources), cited]))  # fmt: skip
    return out.getvalue()


def entries_timelinejs(entries: list[Entry]) -> str:
    """The entries as TimelineJS JSON (what `kb export --format timelinejs` writes; undated
    entries left out, TimelineJS needs a year)."""
    from pipeline.export import timelinejs_data  # export reads this module's Entry

    return json.dumps(timelinejs_data(entries), ensure_ascii=False, indent=1) + "\n"


def _order(entry: Entry) -> tuple:
    return (entry.date is None, entry.date or "", entry.id)


def _originals(rows: list[dict]) -> list[dict]:
    """The reports of original articles; the reposts when there is none."""
    return [r for r in rows if r["duplicate_of"] is None] or rows


def _fullest(rows: list[dict]) -> list[dict]:
    """The original reports with the most roles (dated ones first among those), in order."""
    originals = _originals(rows)
    best = max((r["n_roles"], r["date"] is not None) for r in originals)
    return [r for r in originals if (r["n_roles"], r["date"] is not None) == best]


def _richest(fullest: list[dict], originals: list[dict], roles: dict[int, list[tuple[str, str]]]) -> dict:
    """Of the fullest reports, the one whose reading of who did what most reports share: four
    say payment institutions deposited, one that they were deposited with (the first on ties)."""
    if len(fullest) == 1:
        return fullest[0]
    readings = Counter(frozenset(roles.get(r["id"], [])) for r in originals)
    return max(fullest, key=lambda r: readings[frozenset(roles.get(r["id"], []))])


def _entry(entry_id: int, rows: list[dict], parties: list[tuple[str, str]], names: dict[str, dict], taxonomy) -> Entry:
    """One entry from its event rows and the roles of its richest report, `parties`."""
    first = rows[0]
    originals = _originals(rows)
    # The most precise date any source gives ("2018-04-27" refines "2018-04").
    best = max((r for r in rows if r["date"]), key=lambda r: len(r["date"]), default=None)
    found = span(best["date"]) if best else None
    roles: dict[str, list[str]] = {"actor": [], "target": [], "document": []}
    for role, entity_id in parties:
        if entity_id not in roles[role]:
            roles[role].append(entity_id)
    facts = sorted({r["factuality"] for r in originals}, key=FACT_ORDER.index)
    name = lambda i: displayed(names[i]) if i in names else i  # noqa: E731
    document = roles["document"][0] if roles["document"] else None
    spec = taxonomy.types.get(first["type"])
    entry = Entry(
        id=entry_id,
        date=found[0].isoformat() if found else None,
        date_end=found[1].isoformat() if found else None,
        granularity=found[2] if found else None,
        display_date=display(best["date"], best["date_mod"]) if best else "undated",
        display_date_zh=display_zh(best["date"], best["date_mod"]) if best else display_zh(None),
        type=first["type"],
        category="commentary" if all(r["category"] == "commentary" for r in rows) else first["category"],
        summary="",
        actors=[name(i) for i in roles["actor"]],
        targets=[name(i) for i in roles["target"]],
        document=name(document) if document else None,
        factuality=facts[0],
        conflict=len(facts) > 1,
        conflict_reasons=[f"sources differ: {', '.join(facts)}"] if len(facts) > 1 else [],
        sources=_sources(rows),
        actor_ids=roles["actor"],
        target_ids=roles["target"],
        document_id=document,
        deadline=next((r["deadline"] for r in rows if r["deadline"]), None),
        value=best["date"] if best else None,
        theme=first["theme"],
    )
    acted_on = taxonomy.types.get(first["object_type"]) if first["object_type"] else None
    verb = spec.verb if spec else first["type"]
    if spec and spec.verb_with_targets and entry.target_ids and not acted_on:
        verb = spec.verb_with_targets  # "The rules took effect for banks", not "took effect banks"
    entry.summary = summarise(entry, verb, theme=first["theme"], obj=acted_on.noun if acted_on else None)
    chinese = lambda i: (names[i].get("name_zh") or names[i]["name"]) if i in names else i  # noqa: E731
    entry.summary_zh = summarise_zh(
        entry, spec.summary_zh if spec else {}, [chinese(i) for i in roles["actor"]], [chinese(i) for i in roles["target"]],
        chinese(document) if document else None, theme=first["theme"], obj=acted_on.summary_zh.get("noun") if acted_on else None,
    )  # fmt: skip
    return entry


def summarise(entry: Entry, verb: str, *, theme: str | None = None, obj: str | None = None) -> str:
    """A one-line summary from the entry's parts: who, what, whom, under which document."""
    actors = _join(entry.actors)
    if entry.type == "statistic" and theme:
        return f"{actors or entry.document or 'Figures'}: {theme}"  # "NetsUnion Clearing Corporation: 462 banks; 115 payment institutions"
    if obj and actors:
        return f"{actors} {verb} {obj}"  # "NetsUnion and Alipay announced cooperation"
    if entry.type == "issue" and entry.document:
        return f"{actors or 'Unnamed authority'} {verb} {entry.document}"
    if entry.type in RULE_SUBJECT_TYPES and entry.document:
        actors = ""  # "Bar Code Payment Business Standards took effect": the rule does, not its issuer
    if entry.type == "issue" and entry.targets:
        verb += " rules to"  # (no document named: what was issued goes unnamed, not "issued banks")
    if not entry.targets:
        verb = _TARGET_PREPOSITION.sub("", verb)
    subject = actors or entry.document or theme
    text = f"{subject} {verb}" if subject else verb.capitalize()
    if entry.targets:
        text += f" {_join(entry.targets)}"
    if entry.document and actors:
        text += f" ({entry.document})"
    if entry.deadline and entry.type != "deadline":
        text += f", by {display(entry.deadline)}"
    return text


def summarise_zh(entry: Entry, forms: dict[str, str], actors: list[str], targets: list[str], document: str | None,
                 *, theme: str | None = None, obj: str | None = None) -> str:  # fmt: skip
    """The summary in Chinese, from the parties' Chinese names and the type's summary_zh in
    events.yaml: 支付结算司要求非银行支付机构（《银支付〔2017〕209号》），期限2017-10-15."""
    who = _join(actors, "、", "和")
    cited = f"《{document.strip('《》')}》" if document else None
    if entry.type == "statistic" and theme:
        return f"{who or cited or '数据'}：{theme}"
    if obj and who:
        return f"{who}{forms.get('noun', '')}{obj}"  # 网联和支付宝宣布合作: the act (宣布) and what it is about
    if entry.type == "issue" and cited:
        return f"{who or '有关部门'}发布{cited}"
    if entry.type in RULE_SUBJECT_TYPES and cited:
        who = ""  # 《条码支付业务规范（试行）》施行
    subject = who or cited or theme or ""
    form = forms.get("with_targets" if targets else "alone") or "{actors}" + entry.type
    text = form.replace("{actors}", subject).replace("{targets}", _join(targets, "、", "和"))  # names may hold braces
    if cited and who:
        text += f"（{cited}）"
    if entry.deadline and entry.type != "deadline":
        text += f"，期限{display_zh(entry.deadline)}"
    return text


def _join(names: list[str], comma: str = ", ", last: str = " and ") -> str:
    return names[0] if len(names) == 1 else comma.join(names[:-1]) + last + names[-1] if names else ""


def _sources(rows: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for r in rows:
        key = (r["article_id"], r["sentence_idx"])
        if key in seen:
            continue
        seen.add(key)
        out.append({
            "article_id": r["article_id"],
            "title": r["title"],
            "date": r["article_date"],
            "url": r["url"],
            "sentence": r["sentence"],
            "sentence_idx": r["sentence_idx"],
            "trigger": r["trigger"],
            "trigger_start": r["start"] - r["sentence_start"],
            "trigger_end": r["end"] - r["sentence_start"],
            "factuality": r["factuality"],
            "repost": r["duplicate_of"] is not None,
            # only where it is so: an undated page's "June 30", dated by the year other sources give that day
            **({"year_from_other_sources": True} if r["date_source"] == DATED_BY_OTHER_SOURCES else {}),
        })  # fmt: skip
    return out


def _one_act(answered: dict, row_of: dict, index: dict[int, Entry]) -> list[Entry]:
    """The entry a denial answers, and with it the completion told in the same words ("said it
    had finished the switch-over": the completion and the switch are one act, denied together)."""
    first = index[answered["entry_id"]]
    same = [first]
    for key, row in row_of.items():
        other = index.get(row["entry_id"])
        if (other is None or other is first or key[0] != answered["article_id"] or row["sentence_idx"] != answered["sentence_idx"]
                or "complete" not in (row["type"], answered["type"]) or other.actor_ids != first.actor_ids):
            continue
        same.append(other)
    return same


def _flag_conflicts(entries: list[Entry], by_entry: dict[int, list[dict]]) -> None:
    """Denials and retractions conflict with what they answer; one event with two dates too."""
    # A denial answers an event of its own article: only those articles' events need looking up.
    answering = {r["article_id"] for rows in by_entry.values() for r in rows if r["refers_to"] is not None}
    row_of = {(r["article_id"], r["idx"]): r for rows in by_entry.values() for r in rows if r["article_id"] in answering}
    index = {e.id: e for e in entries}
    for entry in entries:
        for row in by_entry[entry.id]:
            answered = row_of.get((row["article_id"], row["refers_to"])) if row["refers_to"] is not None else None
            if answered is None or answered["entry_id"] not in index:
                continue
            reason = f"{entry.type} by {_join(entry.actors) or 'a source'} ({entry.display_date})"
            for target in _one_act(answered, row_of, index):
                if target.id != entry.id and reason not in target.conflict_reasons:
                    target.conflict, target.conflict_reasons = True, target.conflict_reasons + [reason]
    same_event: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.date and entry.category != "commentary":
            same_event[(entry.type, tuple(entry.actor_ids), tuple(sorted(entry.target_ids)), entry.document_id)].append(entry)
    for group in same_event.values():
        dates = {e.display_date for e in group}
        if len(group) > 1 and len(dates) > 1 and len({e.sources[0]["article_id"] for e in group}) > 1:
            for e in group:
                e.conflict = True
                e.conflict_reasons.append(f"other sources date it {', '.join(sorted(dates - {e.display_date}))}")
