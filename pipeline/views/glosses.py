"""English names beside Chinese evidence, for an analyst who does not read Chinese: the
entities a sentence names, as the store resolved them. Read from the stored mentions and
entity facts, never from a new reading of the text."""

from __future__ import annotations

import re
from collections.abc import Iterable

# The CJK ideographs (the unified block, extension A and the compatibility block).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_chinese(text: str | None) -> bool:
    return bool(text and HAN.search(text))


def english_names(text: str | None, mentions: Iterable[dict]) -> list[dict]:
    """{"written", "english", "entity_id"} for each entity `mentions` resolve (once each, as
    first written), when `text` is Chinese; [] for text in another language, where the names
    are already readable. A mention needs an entity with an English name (its English name, or
    its name when that is not Chinese); a name only discovered in Chinese has none to give."""
    if not is_chinese(text):
        return []
    out: list[dict] = []
    seen: set[str] = set()
    for m in mentions:
        entity_id = m.get("entity_id")
        english = m.get("name_en") or (m.get("name") if not is_chinese(m.get("name")) else None)
        if not entity_id or not english or entity_id in seen:
            continue
        seen.add(entity_id)
        out.append({"written": m["text"], "english": english, "entity_id": entity_id})
    return out
