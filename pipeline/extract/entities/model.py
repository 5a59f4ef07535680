"""Working shapes of the entity stage: a mutable mention while an article is being resolved, and
the results handed to the store."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.facts import Mention

# Entity types that are organisations (for roles' affiliations and discovered ids).
ORG_TYPES = frozenset({
    "regulator", "clearing_house", "payment_institution", "company", "bank", "association",
    "media", "organization",
})
# Prefix of discovered ids by type: person:xue_hongyan, org:suning_..., doc:..., place:...
ID_PREFIX = {"person": "person", "document": "doc", "place": "place", "product": "product"}


def discovered_id(entity_type: str, name: str) -> str:
    """A stable id for a name the table does not know (same name, same id, in every article)."""
    prefix = ID_PREFIX.get(entity_type, "org")
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"['’`]", "", text)
    if prefix == "org":
        # "China CITIC Bank" and "CITIC Bank" are one bank; "China Daily" keeps its one word.
        folded = re.sub(r"^(?:the|china)\s+", "", text)
        if len(folded.split()) >= 2:
            text = folded
    slug = re.sub(r"[^\w\u3400-\u9fff]+", "_", text).strip("_")
    return f"{prefix}:{slug or 'unnamed'}"


def overlapping(mentions, start: int, end: int) -> list:
    """The mentions that share a character with [start, end)."""
    return [m for m in mentions if m.start < end and start < m.end]


@dataclass(slots=True)
class WorkingMention:
    """A mention while its article is being resolved; becomes a facts.Mention at the end."""

    start: int  # offsets into the article text
    end: int
    text: str
    type: str
    sentence_idx: int
    sent_start: int  # article offset of its sentence, to read context from sentence text
    entity_id: str | None = None
    resolved_by: str | None = None
    score: float | None = None
    curated: bool = False  # recognised from the curated table (never overridden by context)

    def to_mention(self) -> Mention:
        return Mention(self.start, self.end, self.text, self.type, self.entity_id, self.resolved_by,
                       self.score)


@dataclass(slots=True)
class DiscoveredEntity:
    """A name the curated table does not know, as seen in one article.

    roles: [{"role": "director", "affiliation": "suning_ifrc" (entity id, or the name as written
    when it has none), "sentence_idx": 4}]
    """

    id: str
    name: str
    type: str
    lang: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    mentions: int = 0


@dataclass(slots=True)
class EntityResult:
    """What extract_entities found in one article.

    mentions: every mention in text order (offsets into the article text); entity_id is a curated
    id, or a discovered id ("person:xue_hongyan") for names the table does not know.
    sentence_idx: the sentence of each mention (parallel to mentions).
    discovered: the unknown names with their type, aliases and roles.
    roles: roles found for curated entities too (a curated person or a role attached to one).
    """

    mentions: list[Mention]
    sentence_idx: list[int]
    discovered: list[DiscoveredEntity]
    roles: dict[str, list[dict]] = field(default_factory=dict)

    def mentions_by_sentence(self) -> list[tuple[int, Mention]]:
        """[(sentence idx, mention)], the shape of ArticleRecord.mentions."""
        return list(zip(self.sentence_idx, self.mentions))

