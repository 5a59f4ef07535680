"""English: curated one-word names the statistical NER missed because they are misspelt.

"Tenpey connected to NetsUnoin": the NER tags neither. A capitalised word outside any entity,
not opening its sentence and at least `min_length` letters long, is compared with the curated
one-word names; a close enough one (same strict test as resolution) becomes that entity.
Runs after "ner" so it only fills gaps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .renderings import english_vocabulary
from .resolve import Resolver
from .table import EntityTable, has_cjk, load_entity_table, load_rules

NEAR_MISS_NAME = "kb_near_miss"


def _one_word_names(table: EntityTable) -> dict[str, str]:
    names: dict[str, str] = {}
    for entity in table:
        for text in entity.all_names():
            if not has_cjk(text) and " " not in text.strip() and text[:1].isupper():
                names[text] = entity.id
    return names


class NearMiss:
    def __init__(self, name: str, table_path: str | None, min_length: int, min_score: float) -> None:
        self.name = name
        self.table = load_entity_table(table_path)
        self.min_length = min_length
        self.min_score = min_score
        # A resolver over one-word names only: a misspelt word must not match a longer name.
        empty = EntityTable(entities={})
        self.resolver = Resolver(empty, _one_word_names(self.table))
        self.labels = load_rules("entity_rules_en").get("ruler_labels", {})

    def __call__(self, doc: Doc) -> Doc:
        added = []
        for token in doc:
            if (token.ent_iob_ != "O" or token.is_sent_start or not token.is_alpha
                    or len(token) < self.min_length or not token.text[:1].isupper()):
                continue
            if token.lower_ in english_vocabulary():
                continue  # "Analyst" is a word, not a misspelt Analysys
            found = self.resolver.fuzzy(token.text)
            if found is None or found[1] < self.min_score:
                continue
            entity = self.table.get(found[0])
            if entity is None:
                continue
            added.append(Span(doc, token.i, token.i + 1, label=self.labels.get(entity.type, "ORG"),
                              span_id=entity.id))
        if added:
            doc.ents = filter_spans([*doc.ents, *added])
        return doc


@Language.factory(NEAR_MISS_NAME, assigns=["doc.ents"],
                  default_config={"table_path": None, "min_length": 5, "min_score": 0.83})
def make_near_miss(nlp: Language, name: str, table_path: str | None, min_length: int,
                   min_score: float) -> NearMiss:
    return NearMiss(name, table_path, min_length, min_score)
