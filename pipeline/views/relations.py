"""Relations between entities, read off the stored facts: who connects to, cooperates with,
issues, requires or regulates whom; the curated hierarchy; people's affiliations; which media
report which article. Each relation keeps its dates, factuality and sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.events import load_taxonomy
from pipeline.store import Store
from pipeline.views.timeline import Entry, build_entries


@dataclass
class Relation:
    subject: str
    predicate: str
    object: str
    date: str | None = None
    date_end: str | None = None
    display_date: str | None = None
    factuality: str = "asserted"
    conflict: bool = False
    summary: str | None = None
    entry_id: int | None = None
    event_type: str | None = None
    sources: list[dict] = field(default_factory=list)
    role: str | None = None  # for affiliated_with: the person's role

    def to_dict(self) -> dict:
        # What asdict gives (the sources are flat dicts), without its deep copy of every value.
        return {**vars(self), "sources": [dict(s) for s in self.sources]}


def relations(store: Store, entries: list[Entry] | None = None) -> list[Relation]:
    """Relations of the given entries; of the whole store, built once per state of it and
    shared (the graph, the entity pages and the question engine ask for the same)."""
    if entries is None:
        return list(store.memo("relations", lambda: tuple(_relations(store, build_entries(store)))))
    return _relations(store, entries)


def _relations(store: Store, entries: list[Entry]) -> list[Relation]:
    out = [r for e in entries for r in _from_entry(e)]
    out += _hierarchy(store)
    out += _affiliations(store)
    out += _reports(store)
    return out


def _from_entry(entry: Entry) -> list[Relation]:
    """An event between parties is a relation: actor -> target, actor -> document."""
    spec = load_taxonomy().types.get(entry.type)
    predicate = (spec.relation if spec else None) or entry.type
    common = dict(
        date=entry.date, date_end=entry.date_end, display_date=entry.display_date, factuality=entry.factuality,
        conflict=entry.conflict, summary=entry.summary, entry_id=entry.id, event_type=entry.type, sources=entry.sources,
    )  # fmt: skip
    pairs: list[tuple[str, str, str]] = []
    for actor in entry.actor_ids:
        pairs += [(actor, predicate, target) for target in entry.target_ids if target != actor]
        if entry.document_id:
            pairs.append((actor, "issues" if entry.type == "issue" else predicate, entry.document_id))
    if not entry.actor_ids and entry.document_id:
        pairs += [(entry.document_id, predicate, target) for target in entry.target_ids]
    if entry.type == "cooperate" and len(entry.actor_ids) > 1 and not entry.target_ids:
        first, *rest = entry.actor_ids
        pairs += [(first, predicate, other) for other in rest]
    return [Relation(s, p, o, **common) for s, p, o in dict.fromkeys(pairs)]


def _hierarchy(store: Store) -> list[Relation]:
    return [Relation(parent, "parent_of", child, sources=[{"source": "curated entity table"}]) for parent, child in store.parent_links()]


def _affiliations(store: Store) -> list[Relation]:
    known = {entity_id for entity_id, _ in store.entity_ids_and_names()}
    out: dict[tuple, Relation] = {}
    for r in store.affiliations():
        if r["affiliation"] not in known or r["entity_id"] not in known:
            continue
        key = (r["entity_id"], r["affiliation"], r["role"])
        relation = out.setdefault(key, Relation(r["entity_id"], "affiliated_with", r["affiliation"], role=r["role"]))
        relation.sources.append({"article_id": r["article_id"], "title": r["title"], "date": r["date"], "sentence": r["sentence"]})
    return list(out.values())


def _reports(store: Store) -> list[Relation]:
    """A medium named in an article (as its source or its reporters' employer) reports it."""
    return [
        Relation(entity_id, "reports", f"article:{article_id}", date=when,
                 sources=[{"article_id": article_id, "title": title, "date": when}])
        for entity_id, article_id, title, when in store.media_reports()
    ]  # fmt: skip
