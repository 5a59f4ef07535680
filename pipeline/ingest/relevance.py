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


@dataclass(frozen=True)
class Relevance:
    """The compiled rules: one pattern over every name and term, and the weight of each."""

    threshold: float
    pattern: re.Pattern
    weights: dict[str, tuple[str, float]]  # lower-cased name -> (what it counts as, weight)

    def score(self, text: str, title: str | None = None) -> float:
        """The sum of the weights of the distinct entities and terms the page names."""
        counted: dict[str, float] = {}
        for match in self.pattern.finditer(f"{title or ''}\n{text}"):
            found = match.group(0).lower()
            what, weight = self.weights.get(found) or self.weights.get(found.rstrip("s"), ("", 0.0))
            counted[what] = weight
        return round(sum(counted.values()), 2)

    def on_topic(self, text: str, title: str | None = None) -> tuple[bool, float]:
        score = self.score(text, title)
        return score >= self.threshold, score


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
    names = sorted(weights, key=len, reverse=True)  # the longest name wins at a position
    alternatives = [re.escape(n) if has_cjk(n) else rf"(?<![\w-]){re.escape(n)}s?(?![\w-])" for n in names]
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    return Relevance(threshold=float(rules["threshold"]), pattern=pattern, weights=weights)
