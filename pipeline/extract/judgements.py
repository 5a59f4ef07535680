"""Analysts' decisions about entities, applied to every article's mentions as it is extracted.

A merge folds one entity into another; a split moves one spelling of an entity to a new
entity. They live in the store's judgement log and are applied inside extraction, before
events are read, so a later batch cannot undo them and events follow them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.extract.entities import normalize_name
from pipeline.facts import Mention


@dataclass(frozen=True)
class Judgements:
    merges: dict[str, str] = field(default_factory=dict)  # folded id -> kept id
    splits: tuple[tuple[str, str, str], ...] = ()  # (entity id, normalised spelling, new id)

    @classmethod
    def from_log(cls, rows: list[dict]) -> Judgements:
        """Replay the log in order: a later decision sees the earlier ones."""
        merges: dict[str, str] = {}
        splits: list[tuple[str, str, str]] = []
        for row in rows:
            if row["action"] == "merge":
                merges[row["other"]] = row["entity_id"]
                merges = {k: (row["entity_id"] if v == row["other"] else v) for k, v in merges.items()}
            elif row["action"] == "split":
                splits.append((row["entity_id"], normalize_name(row["alias"]), row["other"]))
        return cls(merges, tuple(splits))

    def entity_for(self, entity_id: str | None, text: str) -> str | None:
        key = normalize_name(text)
        for owner, spelling, new_id in self.splits:
            if entity_id == owner and key == spelling:
                entity_id = new_id
        return self.merges.get(entity_id, entity_id) if entity_id else entity_id

    def apply(self, mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
        if not self.merges and not self.splits:
            return mentions
        out = []
        for idx, mention in mentions:
            judged = self.entity_for(mention.entity_id, mention.text)
            if judged != mention.entity_id:
                mention = replace(mention, entity_id=judged, resolved_by="analyst", extracted_entity_id=mention.entity_id)
            out.append((idx, mention))
        return out
