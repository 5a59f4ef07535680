"""The curated entity table (pipeline/data/entities.yaml) and the name normalisation shared by
recognition and resolution.

The table is data an analyst edits; this module only reads it and builds lookup indexes, so a new
alias needs no code change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_TABLE = DATA_DIR / "entities.yaml"

ENTITY_TYPES = (
    "regulator", "clearing_house", "payment_institution", "company", "bank", "association",
    "media", "document", "person", "product", "place", "organization",
)

_CJK = re.compile(r"[\u3400-\u9fff]")
_APOSTROPHES = re.compile(r"[’'`´]")
_NON_WORD = re.compile(r"[^\w\u3400-\u9fff]+")
# Corporate-form words: "Corp" and "Corporation" name the same company, and a name without them
# is still that company ("NetsUnion Clearing" = "NetsUnion Clearing Corporation").
_CORPORATE = {
    "corp", "corporation", "co", "company", "ltd", "limited", "inc", "incorporated", "plc",
    "llc", "group", "holding", "holdings",
}
_FUNCTION_WORDS = {"the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "with", "by"}
# Chinese corporate forms, same reasoning as above.
_ZH_CORPORATE = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团")


class EntityTableError(ValueError):
    """The entity table file is malformed; the message says which record and how to fix it."""


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _strip_plural(word: str) -> str:
    # Machine translation glues plural/possessive "s" onto names ("Chinas", "Tongs", "Peoples");
    # dropping one final "s" on both sides makes those compare equal to the real name.
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_tokens(text: str) -> list[str]:
    """Lower-cased word tokens of a name, apostrophes and punctuation removed, plural "s" dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _APOSTROPHES.sub("", text)
    text = text.replace("&", " and ")
    return [_strip_plural(w) for w in _NON_WORD.sub(" ", text).split()]


def normalize_name(text: str) -> str:
    """The key two spellings of one name share: case, punctuation, spacing and plural-blind.

    English: "Peoples Bank of Chinas" -> "peoplebankofchina", "Nets-Union" -> "netsunion".
    Chinese: full-width forms folded and corporate endings dropped ("网联清算有限公司" -> "网联清算").
    """
    if has_cjk(text):
        key = unicodedata.normalize("NFKC", text)
        key = _NON_WORD.sub("", key)
        for ending in _ZH_CORPORATE:
            if key.endswith(ending) and len(key) > len(ending) + 1:
                key = key[: -len(ending)]
                break
        return key
    tokens = [t for t in name_tokens(text) if t not in _FUNCTION_WORDS]
    core = [t for t in tokens if t not in _CORPORATE] or tokens
    return "".join(core)


def content_tokens(text: str) -> list[str]:
    """Tokens that distinguish one institution from another (no function or corporate words)."""
    tokens = [t for t in name_tokens(text) if t not in _FUNCTION_WORDS]
    return [t for t in tokens if t not in _CORPORATE] or tokens


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    names: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    exact: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    parent: str | None = None
    issuer: str | None = None
    # A whole group spoken of as one ("payment institutions", 各银行): an actor, not a name.
    collective: bool = False
    reject_after: str | None = None
    # False where the English a literal translation makes of the Chinese name reads as something
    # else ("UnionPay business" for 银联商务 is UnionPay's business): no garble is derived from it
    renderings: bool = True

    def all_names(self) -> list[str]:
        """Every spelling in the table, canonical names first."""
        seen: list[str] = []
        for text in [*self.names.values(), *self.aliases.get("en", ()), *self.aliases.get("zh", ()),
                     *self.exact]:
            if text and text not in seen:
                seen.append(text)
        return seen

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type, "names": dict(self.names),
            "aliases": {k: list(v) for k, v in self.aliases.items()}, "exact": list(self.exact),
            "suffixes": list(self.suffixes),
            "parent": self.parent, "issuer": self.issuer,
        }


@dataclass(eq=False)
class EntityTable:
    """The curated entities with indexes by id and by normalised name."""

    entities: dict[str, Entity]
    path: Path | None = None
    # normalised name -> entity ids (more than one id means the name is ambiguous)
    by_key: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.by_key:
            for entity in self.entities.values():
                for text in entity.all_names():
                    self.by_key.setdefault(normalize_name(text), set()).add(entity.id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __iter__(self):
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def lookup(self, text: str) -> str | None:
        """The entity id whose normalised name equals this text's, if exactly one has it."""
        ids = self.by_key.get(normalize_name(text))
        if ids and len(ids) == 1:
            return next(iter(ids))
        return None

    def ancestors(self, entity_id: str) -> list[str]:
        chain: list[str] = []
        current = self.get(entity_id)
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.get(current.parent)
        return chain

    def of_type(self, entity_type: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == entity_type]


def _as_tuple(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise EntityTableError(f"{where}: expected a string or a list of strings, got {value!r}")


def _parse_entity(record: dict, index: int) -> Entity:
    where = f"entity #{index + 1} ({record.get('id', 'no id')})"
    entity_id = record.get("id")
    if not entity_id or not isinstance(entity_id, str):
        raise EntityTableError(f"{where}: every entity needs an 'id'")
    entity_type = record.get("type")
    if entity_type not in ENTITY_TYPES:
        raise EntityTableError(f"{where}: type {entity_type!r} is not one of {', '.join(ENTITY_TYPES)}")
    names = {k: str(v) for k, v in (record.get("names") or {}).items() if v}
    if not names:
        raise EntityTableError(f"{where}: give at least one name under 'names' (en and/or zh)")
    raw_aliases = record.get("aliases") or {}
    if not isinstance(raw_aliases, dict):
        raise EntityTableError(f"{where}: 'aliases' must map a language (en, zh) to a list of names")
    aliases = {lang: _as_tuple(v, f"{where} aliases.{lang}") for lang, v in raw_aliases.items()}
    return Entity(
        id=entity_id,
        type=entity_type,
        name=names.get("en") or names.get("zh") or entity_id,
        names=names,
        aliases=aliases,
        exact=_as_tuple(record.get("exact"), f"{where} exact"),
        suffixes=_as_tuple(record.get("suffixes"), f"{where} suffixes"),
        parent=record.get("parent"),
        issuer=record.get("issuer"),
        reject_after=record.get("reject_after"),
        collective=bool(record.get("collective")),
        renderings=bool(record.get("renderings", True)),
    )


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> EntityTable:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    records = data.get("entities")
    if not isinstance(records, list):
        raise EntityTableError(f"{path}: expected a top-level 'entities:' list")
    entities: dict[str, Entity] = {}
    for index, record in enumerate(records):
        entity = _parse_entity(record, index)
        if entity.id in entities:
            raise EntityTableError(f"{path}: id {entity.id!r} is used twice; ids must be unique")
        entities[entity.id] = entity
    for entity in entities.values():
        for field_name in ("parent", "issuer"):
            target = getattr(entity, field_name)
            if target and target not in entities:
                raise EntityTableError(
                    f"{path}: {entity.id!r} names {field_name} {target!r}, which is not in the table"
                )
    return EntityTable(entities=_with_parent_spellings(entities), path=Path(path))


def _with_parent_spellings(entities: dict[str, Entity]) -> dict[str, Entity]:
    """A Chinese name that begins with its parent's name is also written with the parent's other
    names: 中国人民银行办公厅 as 人行办公厅 or 央行办公厅 (a department is named after its bank as the
    bank is named). Never a spelling another entity has."""
    taken = {text for entity in entities.values() for text in entity.all_names()}
    out = dict(entities)
    for entity in entities.values():
        parent = entities.get(entity.parent) if entity.parent else None
        if parent is None:
            continue
        own = [n for n in (entity.names.get("zh"), *entity.aliases.get("zh", ())) if n]
        # The parent as it is named before a unit: not its registered company form (…股份有限公司);
        # its short names in place of the full one, never the full one added to a unit's short form
        # (人民银行支付结算司 stays as texts write it, not 中国人民银行支付结算司).
        parents = [n for n in (parent.names.get("zh"), *parent.aliases.get("zh", ())) if n and "公司" not in n]
        shorter = [n for n in parent.aliases.get("zh", ()) if n and "公司" not in n]
        derived = [other + name[len(prefix):] for name in own for prefix in parents if name.startswith(prefix) and len(name) > len(prefix)
                   for other in shorter]
        new = [d for d in dict.fromkeys(derived) if d not in taken]
        new_en = [d for d in dict.fromkeys(_english_parent_spellings(entity, parent)) if d not in taken]
        if new or new_en:
            taken.update(new + new_en)
            out[entity.id] = replace(entity, aliases={**entity.aliases, "zh": (*entity.aliases.get("zh", ()), *new),
                                                      "en": (*entity.aliases.get("en", ()), *new_en)})
    return out


def _english_parent_spellings(entity: Entity, parent: Entity) -> list[str]:
    """An English name opening with its parent's name, written with the parent's other names:
    "People's Bank of China office hall" as "central bank office hall" (as a translation writes
    央行办公厅), and with the parent as owner: "PBOC Clearing Center" as "the central bank's
    clearing center". ("General Office of the PBOC" is left alone: there the bank is a mention of
    its own.)"""
    own = [n for n in (entity.names.get("en"), *entity.aliases.get("en", ())) if n]
    parents = sorted({n for n in (parent.names.get("en"), *parent.aliases.get("en", ())) if n}, key=len, reverse=True)
    derived = []
    for name in own:
        lowered = name.lower()
        prefix = next((p for p in parents if lowered.startswith(p.lower()) and lowered[len(p):len(p) + 1] in (" ", "'", "’")), None)
        if prefix is not None:
            derived += [other + name[len(prefix):] for other in parents if other != prefix]
            if not name[len(prefix):].startswith(("'", "’")):
                derived += [other + "'s" + name[len(prefix):] for other in parents]
    return derived


def load_entity_table(path: str | Path | None = None) -> EntityTable:
    """Read the curated table (default: the one shipped in pipeline/data/entities.yaml).

    Cached per file and modification time, so an edited file is picked up without a restart.
    """
    resolved = Path(path) if path else DEFAULT_TABLE
    if not resolved.is_file():
        raise FileNotFoundError(f"entity table not found: {resolved}")
    return _load_cached(str(resolved), resolved.stat().st_mtime)


@lru_cache(maxsize=16)
def _load_yaml(path: str, mtime: float) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def load_rules(name: str) -> dict:
    """One of the behaviour files in pipeline/data (entity_rules_en, entity_patterns_zh, ...)."""
    path = DATA_DIR / f"{name}.yaml"
    return _load_yaml(str(path), path.stat().st_mtime)
