"""Find candidate expressions with the grammar's rules and choose among overlaps.

Every rule runs over the whole text; where matches overlap the longest wins, then the
rule listed first. Modifier words just before (early, the end of, about) or after
(Chinese 底, 左右) a chosen expression are then folded into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.time.resources import Grammar, Rule, normalise_key


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    order: int
    groups: dict[str, str] = field(default_factory=dict)
    prefix: str | None = None  # a modifier word folded in from before
    suffix: str | None = None  # a modifier word folded in from after


def _alternate_groups(groupdict: dict[str, str | None]) -> dict[str, str]:
    """Groups named year2, rel2... are alternatives for year, rel: keep the one that matched."""
    groups: dict[str, str] = {}
    for name, text in groupdict.items():
        if text is None:
            continue
        base = name.rstrip("0123456789")
        groups.setdefault(base, text)
    return groups


def _case_ok(groups: dict[str, str], grammar: Grammar) -> bool:
    """"may" the verb and "march" the verb are not months: such words must be capitalised."""
    if not grammar.case_sensitive:
        return True
    for name in ("month", "wday"):
        word = groups.get(name)
        if word and word.rstrip(".").lower() in grammar.case_sensitive and word[:1].islower():
            return False
    return True


def _abbreviation_dot(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the final "." of text[start:end] belongs to an abbreviation (Sept., p.m.)."""
    word = text[start:end - 1].split()[-1].lower() if text[start:end - 1].split() else ""
    word = word.rsplit("-", 1)[-1]
    return word in grammar.vocab.get("abbreviations", {})


def _adjectival(m: re.Match, groups: dict[str, str], grammar: Grammar) -> bool:
    """A hyphenated duration used as an adjective after a bare "the" ("the eight-year term")."""
    if (groups.get("opener") or "").lower() not in grammar.vocab.get("determiners", {}) or "num" not in groups:
        return False
    return "-" in m.string[m.end("num"):m.start("unit")]


def _is_name(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Part of a known name written like a date: a newspaper called "twenty-first Century",
    an app called 今日头条. Names are matched case-sensitively; a leading determiner aside."""
    if not grammar.raw_names:
        return False
    span = text[start:end]
    first, _, rest = span.partition(" ")
    if (rest if first.lower() in grammar.vocab.get("determiners", {}) else span) in grammar.raw_names:
        return True
    for name in grammar.raw_names:
        if len(name) > len(span) and span in name:
            lo = max(0, end - len(name))
            found = text.find(name, lo, start + len(name))
            if found != -1 and found <= start and found + len(name) >= end:
                return True
    return False


def _needs_full_name(rule: Rule, groups: dict[str, str], grammar: Grammar) -> bool:
    """A bare month written as an undotted abbreviation ("Jan") is more often a name."""
    if not dict(rule.attrs).get("full_names_only"):
        return False
    month = groups.get("month", "")
    return not month.endswith(".") and month.lower() in grammar.vocab.get("abbreviations", {})


_DOCUMENT_YEAR = re.compile(r"[\[〔【]\s*\d{4}\s*[\]〕】]")


def _numbers_a_document(text: str, start: int, end: int) -> bool:
    """The year of a document number ("Yinbanfa [2018] No. 114", 银发〔2017〕296号): in brackets,
    it names the document, not a time."""
    return bool(_DOCUMENT_YEAR.fullmatch(text, max(0, start - 2), min(len(text), end + 2))
                or _DOCUMENT_YEAR.fullmatch(text, max(0, start - 1), min(len(text), end + 1)))


def find_candidates(text: str, grammar: Grammar) -> list[Candidate]:
    found: list[Candidate] = []
    for order, rule in enumerate(grammar.rules):
        for m in rule.regex.finditer(text):
            if m.end() == m.start():
                continue
            if rule.require is not None and not rule.require.search(m.group(0)):
                continue
            groups = _alternate_groups(m.groupdict())
            if not _case_ok(groups, grammar):
                continue
            start, end = m.span(rule.span) if rule.span else m.span()
            if start < 0:
                continue
            if rule.kind == "duration" and _adjectival(m, groups, grammar):
                start = m.start("num")  # "the 14-day period": the determiner is not the duration's
            # trailing spaces never belong to the extent, nor a full stop after a whole word
            while end > start and text[end - 1].isspace():
                end -= 1
            if text[end - 1:end] == "." and not _abbreviation_dot(text, start, end, grammar):
                end -= 1
            if _needs_full_name(rule, groups, grammar) or _is_name(text, start, end, grammar) or _numbers_a_document(text, start, end):
                continue
            found.append(Candidate(start, end, rule, order, groups))
    return _resolve_overlaps(found)


def _resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[Candidate] = []
    occupied = bytearray()
    for c in found:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def fold_modifiers(text: str, cands: list[Candidate], grammar: Grammar) -> None:
    """Extend candidates over modifier words glued to them, in place."""
    for i, c in enumerate(cands):
        floor = cands[i - 1].end if i else 0
        ceiling = cands[i + 1].start if i + 1 < len(cands) else len(text)
        if grammar.prefix is not None and c.rule.kind in ("date", "duration", "offset", "time") \
                and "opener" not in c.groups:
            window_start = max(floor, c.start - 30)
            m = grammar.prefix.search(text, window_start, c.start)
            if m and m.end() == c.start:
                word = m.group(1)
                if _prefix_allowed(word, c, grammar):
                    c.prefix = word
                    c.start = m.start()
        if grammar.suffix is not None and c.rule.kind in ("date", "duration", "offset"):
            m = grammar.suffix.match(text, c.end, min(ceiling, c.end + 4))
            if m and "mod" not in c.groups:
                c.suffix = m.group(1)
                c.end = m.end()


def _prefix_allowed(word: str, c: Candidate, grammar: Grammar) -> bool:
    """Modifiers (early, the end of) go with dates; approximators (about) with amounts."""
    key = normalise_key(word)
    modifiers = grammar.vocab.get("modifiers", {})
    approximators = grammar.vocab.get("approximators", {})
    if c.rule.kind == "date":
        if "mod" in c.groups:
            return False
        if key in grammar.vocab.get("modifiers_only_before_relatives", {}) and "rel" not in c.groups:
            return False
        return key in modifiers
    return key in approximators
