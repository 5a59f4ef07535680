"""Entities as analysts look them up: by any alias, in either language, or a near spelling."""

from __future__ import annotations

import json

from pipeline.extract.entities import find_entity, load_entity_table
from pipeline.store import Store


def resolve_name(store: Store, name: str) -> str | None:
    """The entity id an analyst means by `name`, or None.

    Tries the curated table and every spelling seen in the articles (exact, normalised, near),
    then a part of a name that points at one entity only ("Xue" for Xue Hongyan).
    """
    # An entity's own name or id, as the store has it, first: an analyst who split "Fiscal" off as
    # "Fiscal (garble)" means that entity, whatever the curated garbles make of the words.
    wanted = name.strip().casefold()
    for entity_id, entity_name in store.entity_ids_and_names():
        if wanted in (entity_id.casefold(), (entity_name or "").casefold()):
            return entity_id
    seen = store.discovered_names()
    seen |= dict(store.spellings())
    found = find_entity(name, load_entity_table(), seen)
    if found:
        return found[0]
    words = set(name.lower().split())
    owners = {entity_id for text, entity_id in seen.items() if words and words < set(text.lower().split())}
    return owners.pop() if len(owners) == 1 else None


def with_descendants(store: Store, entity_id: str) -> set[str]:
    """An entity and the parts under it: the PBOC acts through its payment department too."""
    children: dict[str, list[str]] = {}
    for parent_id, child_id in store.parent_links():
        children.setdefault(parent_id, []).append(child_id)
    out, todo = set(), [entity_id]
    while todo:
        current = todo.pop()
        if current not in out:
            out.add(current)
            todo.extend(children.get(current, []))
    return out


def entity_list(store: Store, entity_type: str | None = None) -> list[dict]:
    """`kb entities`: every entity with its names, the spellings seen and its counts."""
    rows = store.entity_rows(entity_type)
    owners = name_owners(store.entity_rows() if entity_type else rows)
    out = []
    for row in rows:
        seen = sorted({s for s in json.loads(row["seen"]) if s and not _someone_elses(s, row["id"], owners)}, key=lambda s: (s.lower(), s))
        out.append({
            "id": row["id"],
            "name": row["name"],
            "type": row["type"],
            "names": {"en": row["name_en"], "zh": row["name_zh"]},
            "aliases_seen": seen,
            "mentions": row["mentions"],
            "articles": row["articles"],
            "origin": row["origin"],
            "parent": row["parent_id"],
        })  # fmt: skip
    return out


def name_owners(rows: list[dict]) -> dict[str, set[str]]:
    """Each name (casefolded) an entity is known by, its own or a curated alias: the entities
    that have it."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        aliases = json.loads(row["aliases"] or "[]")  # {"en": [...], "zh": [...]}, or a plain list
        if isinstance(aliases, dict):
            aliases = [a for names in aliases.values() for a in names]
        for name in (row["name"], row["name_en"], row["name_zh"], *aliases):
            if name:
                owners.setdefault(name.casefold(), set()).add(row["id"])
    return owners


def _someone_elses(spelling: str, entity_id: str, owners: dict[str, set[str]]) -> bool:
    """A spelling that names another entity and not this one: a mention the resolver tied to
    this entity by the context ("UnionPay and UnionPay" read as NetsUnion in a garbled
    translation) is still right for the facts, but shown as "seen as" it would tell the
    analyst that NetsUnion goes by UnionPay's name."""
    have = owners.get(spelling.casefold(), set())
    return bool(have) and entity_id not in have


def entity_profile(store: Store, name: str) -> dict | None:
    """`kb entity NAME`: one entity, found by any alias or a near spelling, with its evidence."""
    entity_id = resolve_name(store, name)
    if entity_id is None:
        return None
    entity_id = _after_merges(store, entity_id)
    listed = {e["id"]: e for e in entity_list(store)}
    profile = listed.get(entity_id)
    if profile is None:
        return None
    names = store.entity_names()
    roles = []
    for r in store.entity_roles(entity_id):
        affiliation = names.get(r["affiliation"], {}).get("name") or r["affiliation"]
        item = {"role": r["role"], "affiliation": affiliation, "affiliation_id": r["affiliation"] if r["affiliation"] in names else None}
        if item not in roles:
            roles.append(item)
    parent = profile["parent"]
    return {
        **profile,
        "parent": {"id": parent, "name": names.get(parent, {}).get("name")} if parent else None,
        "children": sorted(e["id"] for e in listed.values() if e["parent"] == entity_id),
        "roles": roles,
        "evidence": store.entity_evidence(entity_id),
    }


def _after_merges(store: Store, entity_id: str) -> str:
    for row in store.judgements():
        if row["action"] == "merge" and row["other"] == entity_id:
            entity_id = row["entity_id"]
    return entity_id
