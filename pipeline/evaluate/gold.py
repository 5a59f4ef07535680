"""A gold corpus on disk: `DIR/articles/<file>` and `DIR/gold/<ID>.json`, in the format of the
development corpus (../shared/corpus/dev/README.md), and lists of ids that pick a part of it.

An analyst who annotates their own articles this way gets the same figures for their sources.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import KBError

NEW = "new:"  # gold ids outside the known cast: new:<slug>, one slug per organisation across articles


class GoldError(KBError):
    """The gold corpus or the id list cannot be read."""


@dataclass
class GoldArticle:
    id: str
    path: Path
    lang: str  # en | en-mt | zh | zh-hant
    published: str | None
    published_stated: str
    duplicate_of: str | None
    entities: list[dict] = field(default_factory=list)  # {"surface", "id"}
    facts: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)


@dataclass
class GoldCorpus:
    root: Path
    articles: list[GoldArticle]
    known_ids: set[str]  # the known cast: every id the whole gold folder uses that is not new:…

    def by_path(self) -> dict[str, GoldArticle]:
        return {str(a.path.resolve()): a for a in self.articles}


def read_ids(path: Path) -> list[str]:
    """Ids one per line; blank lines and lines starting with # are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldError(f"{path}: cannot read the id list: {e.strerror or e}") from e
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def load(root: Path, ids: list[str] | None = None) -> GoldCorpus:
    """The gold articles of `root` (all, or those named in `ids`, in that order)."""
    gold_dir = root / "gold"
    if not gold_dir.is_dir():
        raise GoldError(f"{root}: not a gold corpus (no gold/ folder beside articles/)")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    records = {}
    for file in files:
        try:
            records[file.stem] = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise GoldError(f"{file}: not readable gold JSON: {e}") from e
    known = {
        entity_id
        for record in records.values()
        for entity_id in [e["id"] for e in record.get("entities", [])]
        + [p for f in record.get("facts", []) for p in _participants(f)]
        if not entity_id.startswith(NEW)
    }
    wanted = ids if ids is not None else sorted(records)
    unknown = [i for i in wanted if i not in records]
    if unknown:
        raise GoldError(f"{gold_dir}: no gold for {', '.join(unknown)}")
    articles = []
    for gold_id in wanted:
        record = records[gold_id]
        path = root / record.get("file", f"articles/{gold_id}.txt")
        if not path.is_file():
            raise GoldError(f"{path}: the article of gold {gold_id} is missing")
        articles.append(GoldArticle(
            id=gold_id, path=path, lang=record.get("lang", "?"), published=record.get("published"),
            published_stated=record.get("published_stated", "none"), duplicate_of=record.get("duplicate_of"),
            entities=record.get("entities", []), facts=record.get("facts", []), questions=record.get("questions", []),
        ))  # fmt: skip
    return GoldCorpus(root=root, articles=articles, known_ids=known)


def participants(fact: dict) -> set[str]:
    return set(_participants(fact))


def _participants(fact: dict) -> list[str]:
    return [*fact.get("actors", []), *fact.get("targets", []), *([fact["document"]] if fact.get("document") else [])]
