"""Entities as analysts look them up: by any alias, in either language, or a near spelling."""

from __future__ import annotations

from pipeline.extract.entities import find_entity, load_entity_table
from pipeline.store import Store


def resolve_name(store: Store, name: str) -> str | None:
    """The entity id an analyst means by `name`, or None."""
    discovered = {
        row["name"]: row["entity_id"]
        for row in store.conn.execute("SELECT DISTINCT name, entity_id FROM discovery")
    }
    discovered |= {row["text"]: row["entity_id"] for row in store.conn.execute(
        "SELECT DISTINCT text, entity_id FROM mention WHERE entity_id IS NOT NULL AND resolved_by = 'analyst'")}
    found = find_entity(name, load_entity_table(), discovered)
    return found[0] if found else None


def with_descendants(store: Store, entity_id: str) -> set[str]:
    """An entity and the parts under it: the PBOC acts through its payment department too."""
    children: dict[str, list[str]] = {}
    for row in store.conn.execute("SELECT id, parent_id FROM entity WHERE parent_id IS NOT NULL"):
        children.setdefault(row["parent_id"], []).append(row["id"])
    out, todo = set(), [entity_id]
    while todo:
        current = todo.pop()
        if current not in out:
            out.add(current)
            todo.extend(children.get(current, []))
    return out
