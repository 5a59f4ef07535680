"""Resolve a name as written to an entity id: exact alias, normalised alias, then fuzzy.

The fuzzy step is deliberately strict. Two institutions often share most of their letters
(UnionPay / NetsUnion, Bank of China / Agricultural Bank of China / People's Bank of China), so a
candidate must pass two tests: the whole name is close, and every distinguishing word on either
side has a close partner on the other. A word with no partner ("Agricultural", "Merchants",
"International") means a different institution, however high the overall similarity.
Chinese names are never fuzzy-matched: one character separates 银联 from 网联.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .table import EntityTable, content_tokens, has_cjk, load_rules, normalize_name


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Fuzzy matching settings, from pipeline/data/entity_resolution.yaml (documented there)."""

    prefilter: float = 75.0
    compact_accept: float = 92.0
    compact_min_len: int = 8
    word_partner: float = 80.0
    short_word: int = 3
    word_mean_accept: float = 82.0
    single_word_min_len: int = 5
    optional_words: frozenset[str] = frozenset({"china", "chinese", "national"})
    ambiguity_margin: float = 2.0


def thresholds() -> Thresholds:
    data = load_rules("entity_resolution")
    known = {k: v for k, v in data.items() if k in Thresholds.__dataclass_fields__}
    if "optional_words" in known:
        known["optional_words"] = frozenset(w.lower() for w in known["optional_words"])
    return Thresholds(**known)


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    key: str
    tokens: tuple[str, ...]
    entity_id: str


def _word_score(a: str, b: str, t: Thresholds) -> float:
    if a == b:
        return 100.0
    if len(a) <= t.short_word or len(b) <= t.short_word:
        return 0.0
    return fuzz.ratio(a, b)


def _all_paired(left: tuple[str, ...], right: tuple[str, ...], t: Thresholds, *,
                may_skip: bool = False) -> list[float] | None:
    scores: list[float] = []
    for word in left:
        best = max((_word_score(word, other, t) for other in right), default=0.0)
        if best < t.word_partner:
            if may_skip and word in t.optional_words and len(right) >= 2:
                continue
            return None
        scores.append(best)
    return scores


def similarity(query: str, candidate: str) -> float:
    """How surely two English names denote the same institution (0-100; 0 = different)."""
    return _similarity(normalize_name(query), tuple(content_tokens(query)),
                       normalize_name(candidate), tuple(content_tokens(candidate)), thresholds())


def _similarity(q_key: str, q_tokens: tuple[str, ...], c_key: str, c_tokens: tuple[str, ...],
                t: Thresholds) -> float:
    if not q_key or not c_key:
        return 0.0
    if q_key == c_key:
        return 100.0
    compact = fuzz.ratio(q_key, c_key)
    if compact < t.prefilter:
        return 0.0
    if len(q_tokens) == 1 and len(q_key) < t.single_word_min_len:
        return 0.0
    forward = _all_paired(q_tokens, c_tokens, t)
    backward = _all_paired(c_tokens, q_tokens, t, may_skip=True)
    if forward and backward:
        mean = (sum(forward) + sum(backward)) / (len(forward) + len(backward))
        if mean >= t.word_mean_accept:
            return min(mean, compact if compact >= t.word_mean_accept else mean)
    # Word boundaries differ (split or joined words): trust the space-free form only when it is
    # long and nearly identical.
    if compact >= t.compact_accept and min(len(q_key), len(c_key)) >= t.compact_min_len:
        return compact
    return 0.0


class Resolver:
    """Name -> entity id over the curated table plus any extra names (discovered entities)."""

    def __init__(self, table: EntityTable, extra_names: dict[str, str] | None = None) -> None:
        self.table = table
        self.t = thresholds()
        self.extra_keys: dict[str, set[str]] = {}
        candidates: list[_Candidate] = []
        for entity in table:
            for text in entity.all_names():
                if not has_cjk(text):
                    candidates.append(_Candidate(text, normalize_name(text), tuple(content_tokens(text)),
                                                 entity.id))
        for text, entity_id in (extra_names or {}).items():
            self.extra_keys.setdefault(normalize_name(text), set()).add(entity_id)
            if not has_cjk(text):
                candidates.append(_Candidate(text, normalize_name(text), tuple(content_tokens(text)),
                                             entity_id))
        self.candidates = candidates
        self.keys = [c.key for c in candidates]

    def exact(self, text: str) -> str | None:
        key = normalize_name(text)
        if not key:
            return None
        ids = self.table.by_key.get(key) or self.extra_keys.get(key)
        if ids and len(ids) == 1:
            return next(iter(ids))
        return None

    def fuzzy(self, text: str) -> tuple[str, float] | None:
        if has_cjk(text):
            return None
        key = normalize_name(text)
        if len(key) < 4:
            return None
        tokens = tuple(content_tokens(text))
        best: dict[str, float] = {}
        for _, _, index in process.extract(key, self.keys, scorer=fuzz.ratio,
                                           score_cutoff=self.t.prefilter, limit=12):
            candidate = self.candidates[index]
            score = _similarity(key, tokens, candidate.key, candidate.tokens, self.t)
            if score > best.get(candidate.entity_id, 0.0):
                best[candidate.entity_id] = score
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda item: -item[1])
        # Two different entities equally close: refuse rather than guess.
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - self.t.ambiguity_margin:
            return None
        entity_id, score = ranked[0]
        return entity_id, round(score / 100.0, 3)

    def resolve(self, text: str) -> tuple[str, float, str] | None:
        """(entity_id, score 0-1, how) with how = "alias" or "fuzzy"; None if nothing fits."""
        entity_id = self.exact(text)
        if entity_id:
            return entity_id, 1.0, "alias"
        found = self.fuzzy(text)
        if found:
            return found[0], found[1], "fuzzy"
        return None


@lru_cache(maxsize=4)
def _table_resolver(table: EntityTable) -> Resolver:
    return Resolver(table)


def resolver_for(table: EntityTable, extra_names: dict[str, str] | None = None) -> Resolver:
    """A cached resolver for the table alone, or a fresh one when extra names are given."""
    if not extra_names:
        return _table_resolver(table)
    return Resolver(table, extra_names)


def find_entity(name: str, table: EntityTable, extra_names: dict[str, str] | None = None
                ) -> tuple[str, float] | None:
    """Resolve a free-text name to (entity_id, score in 0-1), or None.

    Accepts any alias of the table in either language, the canonical id itself, and near
    spellings of English names. `extra_names` maps other known names (e.g. discovered entities
    from the store) to their ids; they are searched the same way.
    """
    name = (name or "").strip()
    if not name:
        return None
    if name in table:
        return name, 1.0
    if extra_names and name in extra_names.values():
        return name, 1.0
    found = resolver_for(table, extra_names).resolve(name)
    return (found[0], found[1]) if found else None
