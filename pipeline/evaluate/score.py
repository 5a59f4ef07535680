"""Scoring a store against gold, by the matching rules of the development corpus's README, so
that figures from any store and any annotated corpus are comparable.

Each scorer returns counts per gold language and the failures, worst first, each with its
sentence, what the system produced and what the gold says. The scorers read the store's facts
and views (articles, mentions, timeline entries, answers); they never parse article text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.evaluate.gold import NEW, GoldArticle, GoldCorpus, participants
from pipeline.store import Store
from pipeline.views.dates import display
from pipeline.views.figures import numbers_in
from pipeline.views.timeline import Entry

# Types that report one kind of fact, so an entry of one matches a gold fact of another.
COMPATIBLE = [
    {"issue", "announce", "approve", "supervise"},
    {"require", "deadline", "take_effect", "prohibit"},
    {"connect", "switch_traffic", "cooperate", "complete"},
    {"launch", "found"},
    {"deny", "retract"},
    {"deposit", "statistic"},
]

# Words a translated name shares with the real one without being the real name ("Net Union
# Clearing Co., Ltd." is still a garble of NetsUnion Clearing Corporation).
GENERIC_NAME_WORDS = {
    "the", "of", "and", "china", "chinese", "co", "ltd", "limited", "company", "corporation", "corp", "inc",
    "group", "platform", "clearing",
}  # fmt: skip


@dataclass
class Failure:
    kind: str  # what failed: "publication date", "entity", "timeline miss", "timeline entry", "question"
    severity: int  # lower is worse; failures are listed by it
    article: str  # gold id
    what: str  # the outcome: wrong, unlinked, missed, false yes, ...
    sentence: str
    system: str
    gold: str

    def to_dict(self) -> dict:
        return dict(vars(self))


@dataclass
class Scored:
    """Counts per language ("all" too) and the failures of one scorer."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    failures: list[Failure] = field(default_factory=list)

    def add(self, lang: str, outcome: str, n: int = 1) -> None:
        self.counts[lang][outcome] += n
        self.counts["all"][outcome] += n


@dataclass
class Run:
    """What the scorers share: the gold, the store, and which stored article is which gold article."""

    corpus: GoldCorpus
    store: Store
    article_of: dict[int, GoldArticle]  # stored article id -> its gold
    stored: dict[str, dict]  # gold id -> stored article row
    names: dict[str, dict]  # entity id -> names, as the store has them


# -- publication dates ----------------------------------------------------------------------


def score_dates(run: Run) -> Scored:
    """right: the true date; coarse: a month or year that holds it; undated: an abstention."""
    scored = Scored()
    for gold in run.corpus.articles:
        row = run.stored.get(gold.id)
        found = row["date"] if row else None
        outcome = date_outcome(found, gold.published)
        scored.add(gold.lang, outcome)
        if gold.published_stated != "none":
            scored.add(gold.lang, f"stated {outcome}")
        if outcome != "right":
            evidence = (row or {}).get("date_evidence") or ""
            scored.failures.append(Failure(
                "publication date", {"wrong": 0, "undated": 1, "coarse": 2}[outcome], gold.id, outcome, evidence,
                f"{found or 'undated'} ({(row or {}).get('date_source') or 'no source'})",
                f"{gold.published} (stated in: {gold.published_stated})",
            ))  # fmt: skip
    return scored


def date_outcome(found: str | None, true: str | None) -> str:
    if not found:
        return "undated"
    if true and found == true:
        return "right"
    if true and len(found) < len(true) and true.startswith(found) and true[len(found)] == "-":
        return "coarse"
    return "wrong"


# -- entities -------------------------------------------------------------------------------


@dataclass
class Resolution:
    """How the system resolved one gold surface of one article."""

    gold: GoldArticle
    surface: str
    gold_id: str
    entity_id: str | None  # the system's entity, by majority of the mentions with that text
    resolved_by: str | None
    sentence: str
    found: bool  # some mention has that text


def resolutions(run: Run) -> list[Resolution]:
    out = []
    for article_id, gold in run.article_of.items():
        mentions = run.store.mentions(article_id)
        sentences = {s["idx"]: s["text"] for s in run.store.sentences(article_id)}
        for item in gold.entities:
            surface = item["surface"]
            chosen = _mentions_of(surface, mentions)
            if not chosen:
                out.append(Resolution(gold, surface, item["id"], None, None, "", False))
                continue
            votes = Counter(m["entity_id"] for m in chosen)
            top = max(votes.values())
            winner = next(m for m in chosen if votes[m["entity_id"]] == top)  # the first in text order on ties
            out.append(Resolution(gold, surface, item["id"], winner["entity_id"], winner["resolved_by"],
                                  sentences.get(winner["sentence_idx"], ""), True))  # fmt: skip
    return out


def _mentions_of(surface: str, mentions: list[dict]) -> list[dict]:
    """The mentions written as the surface; else those that overlap it by half or more (the
    gold's "Internet alliance platform" read as "Internet alliance", or the reverse)."""
    key = _norm(surface)
    exact = [m for m in mentions if _norm(m["text"]) == key]
    if exact:
        return exact
    loose = []
    for m in mentions:
        text = _norm(m["text"])
        short, long = sorted((text, key), key=len)
        if short and short in long and len(short) / len(long) >= 0.5:
            loose.append(m)
    return loose


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def is_garble(surface: str, gold_id: str, lang: str, names: dict[str, dict]) -> bool:
    """A surface of an English text that is not a standard name of its entity: it shares no
    distinctive word with the entity's English name and is no acronym ("Internet alliance"
    for NetsUnion, "Cai Fu Tong" for Tenpay; not "central bank" for the PBOC)."""
    entity = names.get(gold_id)
    if not lang.startswith("en") or entity is None or not re.search(r"[A-Za-z]", surface):
        return False
    if re.fullmatch(r"[A-Z]{2,6}", surface.strip()):
        return False
    standard = {entity.get("name_en") or "", entity.get("name") or ""}
    if _norm(surface) in {_norm(n) for n in standard}:
        return False
    words = lambda text: set(re.findall(r"[a-z0-9]+", text.casefold())) - GENERIC_NAME_WORDS  # noqa: E731
    return not any(words(surface) & words(name) for name in standard if name)


def score_entities(run: Run, resolved: list[Resolution]) -> Scored:
    """right / wrong / unlinked / missed for every (article, surface) of the gold; garbles
    apart; new organisations split into several entities; known entities merged; junk among
    the entities the system discovered."""
    scored = Scored()
    known = run.corpus.known_ids
    split_ids: dict[str, set[str]] = defaultdict(set)
    merges: set[tuple[str, str]] = set()
    for r in resolved:
        if not r.found:
            outcome = "missed"
        elif r.gold_id.startswith(NEW):
            outcome = "wrong" if r.entity_id in known else "right"
            if r.entity_id:
                split_ids[r.gold_id].add(r.entity_id)
        elif r.entity_id == r.gold_id:
            outcome = "right"
        elif r.entity_id is None or r.resolved_by == "new":
            outcome = "unlinked"
        else:
            outcome = "wrong"
        garble = not r.gold_id.startswith(NEW) and is_garble(r.surface, r.gold_id, r.gold.lang, run.names)
        scored.add(r.gold.lang, outcome)
        if garble:
            scored.add(r.gold.lang, f"garble {outcome}")
        elif outcome == "wrong" and not r.gold_id.startswith(NEW):
            merges.add((r.gold_id, r.entity_id))  # a standard name of one known entity given to another
        if outcome != "right":
            system = r.entity_id or "no entity"
            if r.resolved_by:
                system += f" (by {r.resolved_by})"
            scored.failures.append(Failure(
                "entity", {"wrong": 0, "unlinked": 1, "missed": 2}[outcome], r.gold.id,
                f"{outcome}{' garble' if garble else ''}", r.sentence,
                system if r.found else "no mention with this text", f"{r.surface!r} is {r.gold_id}",
            ))  # fmt: skip
    splits = sorted(slug for slug, ids in split_ids.items() if len(ids) > 1)
    scored.counts["all"]["new split"] = len(splits)
    scored.counts["all"]["known merged"] = len(merges)
    for slug in splits:
        scored.failures.append(Failure("entity", 0, "-", "new split", "", ", ".join(sorted(split_ids[slug])), f"one organisation: {slug}"))
    for gold_id, system_id in sorted(merges):
        scored.failures.append(Failure("entity", 0, "-", "known merged", "", f"a name of {gold_id} resolved to {system_id}", gold_id))
    _count_junk(run, scored)
    return scored


def _count_junk(run: Run, scored: Scored) -> None:
    """Entities the system discovered (not in its table) that name nothing the gold lists."""
    discovered: dict[str, list[tuple[GoldArticle, str]]] = defaultdict(list)
    for article_id, gold in run.article_of.items():
        for m in run.store.mentions(article_id):
            if m["resolved_by"] == "new" and m["entity_id"]:
                discovered[m["entity_id"]].append((gold, m["text"]))
    junk = 0
    for entity_id, seen in discovered.items():
        if not any(_mentions_of(text, [{"text": e["surface"]} for e in gold.entities]) for gold, text in seen):
            junk += 1
            gold, text = seen[0]
            scored.failures.append(Failure("entity", 3, gold.id, "junk", "", f"{text!r} discovered as {entity_id}", "not an entity of the gold"))
    scored.counts["all"]["discovered"] = len(discovered)
    scored.counts["all"]["junk"] = junk


# -- timeline -------------------------------------------------------------------------------


def compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE)


def _day(value: str | None) -> str | None:
    """A TIMEX3 value without its part of day: 2018-04-27TEV is the day 2018-04-27; an interval
    by its start, as the gold writes a period ("in September and November" is 2018-09)."""
    return value.split("/")[0].split("T")[0] if value else None


# The gold's dates are days, months or years: it writes a quarter or a half year as the
# month it begins with ("the first quarter of 2018" is 2018-01), as TIMEX3 writes 2018-Q1.
PERIOD_FIRST_MONTH = {"Q1": "01", "Q2": "04", "Q3": "07", "Q4": "10", "H1": "01", "H2": "07"}


def dates_agree(found: str, gold: str) -> bool:
    """The same date, leniently as the corpus README asks: writers differ on whether "the end
    of March" is the month or its last day, so a month agrees with a day inside it (a year or a
    quarter with a day does not); a quarter or half year is the month the gold writes for it."""
    period = PERIOD_FIRST_MONTH.get(found[5:]) if len(found) == len(gold) == 7 else None
    if period:
        return gold == f"{found[:4]}-{period}"
    if found == gold:
        return True
    short, long = sorted((found, gold), key=len)
    return len(short) == 7 and len(long) == 10 and long.startswith(short + "-")


def _parties(entry: Entry) -> set[str]:
    return {*entry.actor_ids, *entry.target_ids, *([entry.document_id] if entry.document_id else [])}


def score_timeline(run: Run, entries: list[Entry], resolved: list[Resolution]) -> Scored:
    """Recall of the gold's dated facts; precision of the facts timeline's entries drawn from
    the gold articles (commentary, an expert's view, is no event the gold annotates); entries
    with a wrong date."""
    scored = Scored()
    # A new organisation's gold slug stands for whatever entities the system made of its surfaces.
    stands_for: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in resolved:
        stands_for[(r.gold.id, r.gold_id)].add(r.gold_id)
        if r.entity_id:
            stands_for[(r.gold.id, r.gold_id)].add(r.entity_id)

    def shares_party(entry: Entry, fact: dict, gold: GoldArticle) -> bool:
        wanted = set().union(*[stands_for.get((gold.id, p), {p}) for p in participants(fact)]) if participants(fact) else set()
        return bool(wanted & _parties(entry))

    def same_date(entry: Entry, fact: dict) -> bool:
        if not fact.get("date"):
            return entry.value is None
        return any(dates_agree(found, fact["date"]) for found in (_day(entry.value), _day(entry.deadline)) if found)

    def like(entry: Entry, fact: dict, gold: GoldArticle) -> bool:
        return compatible(entry.type, fact["type"]) and shares_party(entry, fact, gold)

    by_article: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for gold_id in dict.fromkeys(run.article_of[s["article_id"]].id for s in entry.sources if s["article_id"] in run.article_of):
            by_article[gold_id].append(entry)
    golds = {g.id: g for g in run.corpus.articles}

    for gold in run.corpus.articles:
        for fact in gold.facts:
            if not fact.get("date"):
                continue
            mine = by_article.get(gold.id, [])
            if any(like(e, fact, gold) and same_date(e, fact) for e in mine):
                scored.add(gold.lang, "recalled")
                scored.add(gold.lang, f"recalled {fact['type']}")  # (by type: where a part's misses lie, without its texts)
                continue
            scored.add(gold.lang, "missed")
            near = next((e for e in mine if like(e, fact, gold)), None)
            scored.add(gold.lang, f"missed {fact['type']} ({'wrong date' if near else 'no entry'})")
            scored.failures.append(Failure(
                "timeline miss", 1 if near else 2, gold.id, "wrong date" if near else "no entry", fact.get("evidence", ""),
                f"{near.display_date}: {near.summary}" if near else "no entry of a compatible type and party",
                f"{fact['date']} {fact['type']} {' '.join(sorted(participants(fact)))} ({fact.get('factuality')})",
            ))  # fmt: skip

    for entry in entries:
        if entry.category == "commentary":
            continue  # the facts timeline (kb timeline --facts-only): an expert's view is no event of the gold
        sources = [golds[g] for g in dict.fromkeys(run.article_of[s["article_id"]].id for s in entry.sources if s["article_id"] in run.article_of)]
        if not sources:
            continue
        lang = sources[0].lang
        scored.add(lang, "entries")
        if entry.value:
            scored.add(lang, "dated entries")
        facts = [(fact, gold) for gold in sources for fact in gold.facts]
        if any(like(entry, f, g) and same_date(entry, f) for f, g in facts):
            scored.add(lang, "entry right")
            continue
        near = next(((f, g) for f, g in facts if like(entry, f, g)), None)
        outcome = "entry wrong date" if near and entry.value else "entry wrong"
        scored.add(lang, outcome)
        scored.add(lang, f"{outcome} {entry.type}")
        source = next(s for s in entry.sources if s["article_id"] in run.article_of)
        scored.failures.append(Failure(
            "timeline entry", 0 if near and entry.value else 1, sources[0].id, outcome.removeprefix("entry "), source["sentence"],
            f"{entry.display_date}: {entry.summary} [{entry.type}]",
            f"{near[0].get('date') or 'undated'} {near[0]['type']} {' '.join(sorted(participants(near[0])))}" if near
            else "no gold fact of a compatible type and party",
        ))  # fmt: skip
    return scored


# -- questions ------------------------------------------------------------------------------

LINES_FOR_ENTITIES = 3  # an entities answer must name every expected entity in its first lines
REFUSAL = re.compile(r"^The sources(?: in the knowledge base)? do not\b", re.I)


def yes_or_no(first_line: str) -> str | None:
    lowered = first_line.strip().lower()
    if lowered.startswith("yes"):
        return "yes"
    if re.match(r"no\b|not\b", lowered):
        return "no"
    return None


def judge(question: dict, answer, gold: GoldArticle, run: Run, surfaces: dict[str, set[str]]) -> str:
    """right | wrong | false yes | refused | not refused, for one gold question and the answer."""
    lines = answer.answer.splitlines() or [""]
    first = lines[0]
    refused = answer.answer_type == "refused" or bool(REFUSAL.match(first))
    kind, expected = question["kind"], question.get("answer")
    if kind == "unanswerable":
        return "refused" if refused else "not refused"
    if kind == "yesno":
        said = yes_or_no(first)
        if said == "yes" and str(expected).lower() == "no":
            return "false yes"
        return "right" if said == str(expected).lower() else "wrong"
    if refused:
        return "wrong"
    if kind == "date":
        renderings = {str(expected), display(str(expected))}
        return "right" if any(re.search(rf"(?<![\d-]){re.escape(r)}(?!-?\d)", first) for r in renderings) else "wrong"
    if kind == "count":
        return "right" if any(abs(n - float(expected)) <= 1e-6 * max(1.0, abs(float(expected))) for n in numbers_in(first)) else "wrong"
    if kind == "entities":
        text = "\n".join(lines[:LINES_FOR_ENTITIES]).casefold()
        expected_ids = expected if isinstance(expected, list) else [expected]
        return "right" if all(any(n.casefold() in text for n in _names_of(i, run, surfaces) if n) for i in expected_ids) else "wrong"
    return "wrong"


def _names_of(entity_id: str, run: Run, surfaces: dict[str, set[str]]) -> set[str]:
    entity = run.names.get(entity_id, {})
    return {*surfaces.get(entity_id, set()), entity.get("name") or "", entity.get("name_en") or "", entity.get("name_zh") or ""}


def score_questions(run: Run, ask) -> Scored:
    """Every gold question asked of the store; `ask(question) -> Answer`."""
    scored = Scored()
    surfaces: dict[str, set[str]] = defaultdict(set)
    for gold in run.corpus.articles:
        for item in gold.entities:
            surfaces[item["id"]].add(item["surface"])
    for gold in run.corpus.articles:
        for question in gold.questions:
            answer = ask(question["q"])
            outcome = judge(question, answer, gold, run, surfaces)
            kind = question["kind"]
            scored.add(gold.lang, f"{kind} {outcome}")
            scored.add(gold.lang, f"{kind} asked")
            if outcome not in ("right", "refused"):
                severity = {"false yes": 0, "not refused": 1}.get(outcome, 2)
                first = answer.answer.splitlines()[0] if answer.answer else ""
                scored.failures.append(Failure(
                    "question", severity, gold.id, f"{kind}: {outcome}", question["q"], first[:300], str(question.get("answer", "refuse")),
                ))  # fmt: skip
    return scored
