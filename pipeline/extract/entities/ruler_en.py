"""English: the curated names as a spaCy EntityRuler that runs before the statistical NER.

Placed before "ner", its spans are preset entities the NER must keep, so "Alipay" is an
organisation even though the model calls it a PERSON. The patterns are generated from the
entity table with the garble variants of entity_rules_en.yaml (plural/possessive "s").
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .table import EntityTable, has_cjk, load_entity_table, load_rules

RULER_NAME = "kb_curated_ruler"


def _alias_variants(alias: str, word_suffixes: list[str], possessives: list[str],
                    abbreviations: set[str] = frozenset(), spellings: dict[str, str] | None = None) -> set[str]:
    """The alias plus its machine-translation garbles: "People's Bank of China" ->
    "Peoples Bank of China", "Peoples Bank of Chinas", ...; and its other spelling ("Clearing
    Centre" for "Clearing Center")."""
    words = alias.split()
    options: list[list[str]] = []
    for position, word in enumerate(words):
        forms = [word]
        other = (spellings or {}).get(word.lower())
        if other:
            forms.append(other.capitalize() if word[:1].isupper() else other)
        is_last = position == len(words) - 1
        if not is_last and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            forms.append(word[:-1])  # "Nets Union" also as "Net Union"
        if re.search(r"['’]s$", word):
            stem = word[:-2]
            forms += [stem + p for p in possessives] + [stem + "'s", stem + "’s"]
        if is_last and re.search(r"[A-Za-z]$", word) and not word.isupper():
            forms += [word + s for s in word_suffixes]
        if is_last and word in abbreviations:
            forms.append(word + ".")
        options.append(forms)
    variants = {" ".join(combo) for combo in itertools.product(*options)}
    # "China Payment and Clearing Association" word by word from 中国支付清算协会 has no "and"
    if len(words) > 3 and any(w.lower() in ("and", "&") for w in words[1:-1]):
        variants |= {" ".join(w for w in v.split() if w.lower() not in ("and", "&")) for v in variants}
    return variants


def build_patterns(table: EntityTable, rules: dict) -> list[dict]:
    """EntityRuler patterns for every English name of the table.

    Case-insensitive names become phrase patterns (matched on LOWER); names listed under `exact`
    become token patterns on ORTH, so "Internet Union" does not catch "internet union".
    """
    labels = rules.get("ruler_labels", {})
    word_suffixes = list(rules.get("word_suffix_variants", []))
    possessives = list(rules.get("possessive_variants", []))
    abbreviations = set(rules.get("abbreviations", []))
    spellings = {a: b for pair in rules.get("spelling_variants", []) for a, b in (pair, pair[::-1])}
    corporate = set(rules.get("corporate_words", []))
    heads: dict[str, list[str]] = {}
    for group in rules.get("collective_head_synonyms", []):
        for word in group:
            heads[word] = [w for w in group if w != word]
    patterns: list[dict] = []
    for entity in table:
        label = labels.get(entity.type, "ORG")
        names = [entity.names.get("en", ""), *entity.aliases.get("en", ())]
        # "NetsUnion Clearing Corporation" also without its company form, so that any form
        # ("Co., Ltd.") can follow it as a tail.
        names += [name.rsplit(" ", 1)[0] for name in list(names)
                  if name and " " in name and name.rsplit(" ", 1)[1].rstrip(".") in corporate]
        names += [f"{name} {suffix}" for name in list(names) if name for suffix in entity.suffixes]
        if entity.collective:
            # "payment institutions" is also "payment firms", "payment companies", ...
            names += [f"{name.rsplit(' ', 1)[0]} {other}" for name in list(names) if name and " " in name
                      for other in heads.get(name.rsplit(" ", 1)[1], ())]
        seen: set[str] = set()
        for name in names:
            if not name or has_cjk(name):
                continue
            for variant in _alias_variants(name, word_suffixes, possessives, abbreviations, spellings):
                if variant.lower() not in seen:
                    seen.add(variant.lower())
                    patterns.append({"label": label, "pattern": variant, "id": entity.id})
        for name in entity.exact:
            for text in [name, *(f"{name} {suffix}" for suffix in entity.suffixes)]:
                # The first word's capitals are what make the name ("Internet Union" is not
                # "internet union"); the rest may vary ("Internet alliance").
                parts = _split_like_tokenizer(text)
                pattern = [{"ORTH": parts[0]}, *({"LOWER": p.lower()} for p in parts[1:])]
                patterns.append({"label": label, "id": entity.id, "pattern": pattern})
    return patterns


def _split_like_tokenizer(text: str) -> list[str]:
    # Exact patterns are few and simple (words and hyphens); spaCy splits infix hyphens.
    return [p for p in re.split(r"\s+|(?<=\w)(-)(?=\w)", text) if p]


class CuratedRuler:
    """An EntityRuler over the curated names, minus matches that are the tail of a longer name."""

    def __init__(self, nlp: Language, name: str, table_path: str | None) -> None:
        self.name = name
        table = load_entity_table(table_path)
        rules = load_rules("entity_rules_en")
        self.ok_before = set(rules.get("embedded_name_ok_before", []))
        self.short_alias = int(rules.get("short_alias_max_chars", 3))
        self.tail = re.compile(rules.get("corporate_tail_regex") or r"(?!)")
        self.ruler = EntityRuler(nlp, name=f"{name}_inner", phrase_matcher_attr="LOWER",
                                 overwrite_ents=False)
        patterns = build_patterns(table, rules)
        self.ruler.add_patterns(patterns)
        place_label = rules.get("ruler_labels", {}).get("place", "GPE")
        # match ids of place patterns (the ruler keys matches by label + id)
        self.place_ids = {key for key, (label, _) in self.ruler._ent_ids.items() if label == place_label}

    def _capitalised_name_word(self, doc: Doc, index: int) -> bool:
        token = doc[index]
        return (not token.is_sent_start and token.is_alpha and token.text[:1].isupper()
                and token.text not in self.ok_before)

    def _embedded(self, doc: Doc, match_id: int, start: int, end: int) -> bool:
        # "Agricultural Development Bank of China": a capitalised word glued before the match
        # means the match is part of a different, longer name. A place after "<Name> of" or
        # before a capitalised word is likewise part of a name ("Bank of Beijing", "China
        # Minsheng Bank"); left to the statistical NER, it is not resolved to the place.
        if start > 0 and self._capitalised_name_word(doc, start - 1):
            return True
        # A short acronym before a capitalised word is the start of another name ("JD Pay").
        if end - start == 1 and len(doc[start]) <= self.short_alias and end < len(doc) \
                and self._capitalised_name_word(doc, end):
            return True
        if match_id not in self.place_ids:
            return False
        if start >= 2 and doc[start - 1].lower_ == "of" and self._capitalised_name_word(doc, start - 2):
            return True
        return end < len(doc) and self._capitalised_name_word(doc, end)

    def _with_tail(self, doc: Doc, match_id: int, start: int, end: int) -> tuple[int, int, int]:
        # "China Unionpay Co., Ltd.": the company form after a curated name is part of it.
        end_char = doc[end - 1].idx + len(doc[end - 1])
        tail = self.tail.match(doc.text, end_char)
        if tail and tail.end() > end_char:
            span = doc.char_span(doc[start].idx, tail.end())
            if span is not None:
                return match_id, start, span.end
        return match_id, start, end

    def __call__(self, doc: Doc) -> Doc:
        # EntityRuler.match returns the matches longest first; set_annotations keeps the first
        # of any overlapping pair, so the longest curated name wins.
        matches = [self._with_tail(doc, *m) for m in self.ruler.match(doc)
                   if not self._embedded(doc, *m) and not _describes_a_noun(doc, *m[1:])]
        matches.sort(key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        self.ruler.set_annotations(doc, matches)
        return doc


def _describes_a_noun(doc: Doc, start: int, end: int) -> bool:
    """A one-word name that is also an adjective, used as one: "Fiscal policy stayed loose" is
    no mention of "Fiscal" (a translation's word for 财付通); "Alipay and Fiscal signed" is."""
    if end - start != 1 or end >= len(doc):
        return False
    word, after = doc[start], doc[end]
    return word.pos_ == "ADJ" and after.pos_ == "NOUN" and after.text.islower()


@Language.factory(RULER_NAME, default_config={"table_path": None}, assigns=["doc.ents"])
def make_curated_ruler(nlp: Language, name: str, table_path: str | None) -> CuratedRuler:
    return CuratedRuler(nlp, name, table_path)
