"""The analysts' judgements: recorded, applied to the stored facts, listed and undone (an
undone judgement stays in the log, marked with when it was taken back).

A judgement and every article it re-derives land in one transaction: a merge killed part way
leaves the store as it was (it used to leave the log row and half the articles, which no
later ingest completed), and running it again applies it once.
"""

from __future__ import annotations

from pipeline.errors import JudgementRejected
from pipeline.extract.entities import load_entity_table
from pipeline.ingest import extractor_version, rederive
from pipeline.locks import writer_lock
from pipeline.store import Store


def record(store: Store, action: str, entity_id: str, other: str, *, alias: str | None = None, name: str | None = None) -> tuple[int, int]:
    """Record a merge (other folded into entity_id) or a split (entity_id's mentions written
    as alias move to other, called name) and apply it; returns (judgement id, articles changed).
    Raises JudgementRejected before anything is written when the judgement cannot stand."""
    with writer_lock(store.path):
        return _record(store, action, entity_id, other, alias=alias, name=name)


def _record(store: Store, action: str, entity_id: str, other: str, *, alias: str | None, name: str | None) -> tuple[int, int]:
    if action == "split":
        _check_spelling(store, entity_id, alias)
    pending = {"id": None, "action": action, "entity_id": entity_id, "other": other, "alias": alias}
    # The NLP runs before the transaction: the write lock is held only for the writing.
    records = rederive(store, store.articles_mentioning({entity_id, other}), [*store.judgements(), pending])
    version = extractor_version()
    with store.atomic():
        judgement_id = store.add_judgement(action, entity_id, other, alias, name=name)
        for rec in records:
            store.write_article(rec, extractor_version=version)
    store.date_yearless_events()  # the articles written again wait for their years as after an ingest
    store.sync_entities([e.to_dict() for e in load_entity_table()])
    return judgement_id, len(records)


def undo(store: Store, judgement_id: int) -> tuple[dict, int]:
    """Take judgement `judgement_id` back and re-derive the articles it touched; returns (the
    row, articles changed). The log keeps the row, marked undone. Raises JudgementRejected when
    there is no such judgement, or it was taken back already."""
    with writer_lock(store.path):
        return _undo(store, judgement_id)


def _undo(store: Store, judgement_id: int) -> tuple[dict, int]:
    row = next((r for r in store.judgement_log() if r["id"] == judgement_id), None)
    if row is None:
        raise JudgementRejected(f"no judgement {judgement_id}; list them with: kb entities judgements")
    if row["undone_at"]:
        raise JudgementRejected(f"judgement {judgement_id} was taken back already, on {row['undone_at']}")
    remaining = [r for r in store.judgements() if r["id"] != judgement_id]
    ids = {x for x in (row["entity_id"], row["other"]) if isinstance(x, str) and x}
    records = rederive(store, store.articles_mentioning(ids), remaining) if ids else []
    version = extractor_version()
    with store.atomic():
        store.undo_judgement(judgement_id)
        for rec in records:
            store.write_article(rec, extractor_version=version)
    store.date_yearless_events()  # the articles written again wait for their years as after an ingest
    store.sync_entities([e.to_dict() for e in load_entity_table()])
    return row, len(records)


def _check_spelling(store: Store, entity_id: str, spelling: str | None) -> None:
    """A split moves the mentions written one way: the spelling must be one the entity has."""
    if not spelling or not spelling.strip():
        raise JudgementRejected("a split needs the spelling to move (one of the entity's names as written)")
    seen = {r[0] for r in store.conn.execute("SELECT DISTINCT text FROM mention WHERE entity_id = ?", (entity_id,))}
    if spelling not in seen:
        shown = ", ".join(sorted(seen)[:12]) or "none"
        raise JudgementRejected(f"{entity_id} is never written {spelling!r}; its spellings: {shown}")
