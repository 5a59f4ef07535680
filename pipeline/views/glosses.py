"""English names beside Chinese evidence, for an analyst who does not read Chinese: the
entities a sentence names, as the store resolved them. Read from the stored mentions and
entity facts, never from a new reading of the text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.entities.english_names import english_name

# The CJK ideographs (the unified block, extension A and the compatibility block).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_chinese(text: str | None) -> bool:
    return bool(text and HAN.search(text))


def english_names(text: str | None, mentions: Iterable[dict]) -> list[dict]:
    """{"written", "english", "entity_id"} for each entity `mentions` resolve (once each, as
    first written), when `text` is Chinese; [] for text in another language, where the names
    are already readable. The English is the entity's English name, its name when that is not
    Chinese, or, for a name only discovered in Chinese, the name written in English (pinyin and
    endings: 光大银行 "Guangda Bank"; see extract.entities.english_names)."""
    if not is_chinese(text):
        return []
    out: list[dict] = []
    seen: set[str] = set()
    for m in mentions:
        entity_id = m.get("entity_id")
        name = m.get("name") or m["text"]
        kind = m.get("type") or ("person" if (entity_id or "").startswith("person:") else None)
        english = m.get("name_en") or (name if not is_chinese(name) else english_name(name, kind))
        if not entity_id or not english or entity_id in seen:
            continue
        seen.add(entity_id)
        out.append({"written": m["text"], "english": english, "entity_id": entity_id})
    return out
