"""Entity recognition and resolution for English, Chinese and machine-translated English.

Public API:
    load_entity_table(path=None) -> EntityTable
    extract_entities(docs, sentences, lang, table=None) -> EntityResult
    find_entity(name, table, extra_names=None) -> (entity_id, score) | None
    apply_judgements(mentions, judgements, article=None, sentences=None) -> list[Mention]
The spaCy pipelines that produce the Docs come from pipeline.extract.nlp.get_nlp(lang).
"""

from .judgements import JudgementError, apply_judgements, validate_judgement
from .model import DiscoveredEntity, EntityResult, discovered_id
from .resolve import find_entity, similarity
from .table import Entity, EntityTable, EntityTableError, load_entity_table, normalize_name

__all__ = [
    "DiscoveredEntity",
    "Entity",
    "EntityResult",
    "EntityTable",
    "EntityTableError",
    "JudgementError",
    "apply_judgements",
    "discovered_id",
    "extract_entities",
    "find_entity",
    "load_entity_table",
    "normalize_name",
    "similarity",
    "validate_judgement",
]


def __getattr__(name: str):
    # extract_entities needs spaCy (a second to import); the table, resolution and judgements
    # do not, and an unchanged re-ingest or a question uses only those.
    if name == "extract_entities":
        from .extract import extract_entities

        return extract_entities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
