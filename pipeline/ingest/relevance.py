"""Is a page about the 断直连 story? A score from the entity table and the key terms of both
languages, and the threshold a page must reach, both read from pipeline/data/relevance.yaml.

Applied to what arrives in bulk (feeds, sitemaps, web archives), where most pages of an outlet
are about something else; those are counted and listed in the report, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.extract.entities import load_entity_table
from pipeline.extract.entities.table import has_cjk

DATA = Path(__file__).resolve().parents[1] / "data" / "relevance.yaml"


_WORD = re.compile(r"[a-z0-9]+")
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Relevance:
    """The compiled rules. English names are found through their first word (a lookup per
    distinct word of the page, then one small pattern per candidate); Chinese names by
    substring. Where names overlap (Bank of China in People's Bank of China) the longest counts."""

    threshold: float
    english: dict[str, list[tuple[re.Pattern, str, float]]]  # first word -> (pattern, what it counts as, weight)
    chinese: dict[str, tuple[str, float]]  # name -> (what it counts as, weight)

    def score(self, text: str, title: str | None = None) -> float:
        """The sum of the weights of the distinct entities and terms the page names."""
        full = f"{title or ''}\n{text}"
        lowered = full.lower()
        spans: list[tuple[int, int, str, float]] = []
        patterns = set()
        for word in set(_WORD.findall(lowered)):
            patterns.update(self.english.get(word, ()))
            if word.endswith("s"):  # "Alipays": machine translation glues an s onto names
                patterns.update(self.english.get(word[:-1], ()))
        for pattern, what, weight in patterns:
            spans += [(m.start(), m.end(), what, weight) for m in pattern.finditer(lowered)]
        if has_cjk(full):
            for name, (what, weight) in self.chinese.items():
                if name in full:
                    spans += [(m.start(), m.end(), what, weight) for m in re.finditer(re.escape(name), full)]
        counted: dict[str, float] = {}
        covered_to = -1
        for start, end, what, weight in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
            if start >= covered_to:  # the longest name at a position; names inside it do not count
                counted[what] = weight
                covered_to = end
        return round(sum(counted.values()), 2)

    def on_topic(self, text: str, title: str | None = None) -> tuple[bool, float]:
        score = self.score(text, title)
        return score >= self.threshold, score

    def page_may_be_on_topic(self, html: str) -> tuple[bool, float]:
        """The score of everything a page shows (navigation and all), without extracting its
        article: never lower than its article's, so a page below the threshold here is off
        topic for sure and costs no extraction (most of an outlet's archive)."""
        return self.on_topic(_MARKUP.sub(" ", html).replace("&amp;", "&").replace("&#39;", "'").replace("&#x27;", "'"))


def load_relevance() -> Relevance:
    """The rules as the data files say now (reloaded when relevance.yaml or entities.yaml change)."""
    table = load_entity_table()
    return _compiled(DATA.stat().st_mtime, table.path.stat().st_mtime if table.path else 0.0)


@lru_cache(maxsize=4)
def _compiled(_data_mtime: float, _table_mtime: float) -> Relevance:
    rules = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    type_weights = rules.get("entity_types") or {}
    weights: dict[str, tuple[str, float]] = {}
    for entity in load_entity_table().entities.values():
        weight = float(type_weights.get(entity.type, 0.0))
        if weight > 0:
            for name in entity.all_names():
                weights.setdefault(name.lower(), (f"entity:{entity.id}", weight))
    for lang in ("en", "zh"):
        for term, weight in ((rules.get("terms") or {}).get(lang) or {}).items():
            weights.setdefault(str(term).lower(), (f"term:{str(term).lower()}", float(weight)))
    english: dict[str, list[tuple[re.Pattern, str, float]]] = {}
    chinese: dict[str, tuple[str, float]] = {}
    for name, (what, weight) in weights.items():
        words = _WORD.findall(name)
        if has_cjk(name) or not words:
            chinese[name] = (what, weight)
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])")
        english.setdefault(words[0], []).append((pattern, what, weight))
    return Relevance(threshold=float(rules["threshold"]), english=english, chinese=chinese)
