"""Names found by construction and decided by the article: renderings of the curated Chinese
names in English text, and one-word short forms that only the article's other mentions decide.

- a span whose words render a known Chinese name ("Pay treasure" for 支付宝, "Netlink" for 网联)
  becomes a mention of that entity (resolved_by "rendering"), unless a curated name holds it;
- "the Union" renders a character that 银联 and 网联 share: it is the entity of this article whose
  other mentions carry that word ("UnionPay", "China Union Pay"), and only when exactly one does
  (resolved_by "context").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.facts import Sentence

from .discovered import name_types
from .english_names import chinese_family_names_latin
from .model import WorkingMention, overlapping
from .parse_norms import RENDERED
from .renderings import renderings_for
from .table import EntityTable


# Kinds of body a longer name ends in, and how many capitalised words may lead to its last one.
BODY_TYPES = {"regulator", "association", "organization", "media"}
MAX_NAME_RUN = 4


def _pairs(docs: list[Doc], sentences: list[Sentence], skip_repeats: bool):
    for doc, sentence in zip(docs, sentences, strict=True):
        if skip_repeats and sentence.repeat_of is not None:
            continue
        yield doc, sentence


def _holds(mention: WorkingMention, table: EntityTable) -> bool:
    # A name the table itself recognised (curated ruler, alias, near spelling) is never replaced.
    return mention.curated or (mention.entity_id in table and mention.resolved_by in ("alias", "fuzzy"))


def add_rendered_names(mentions: list[WorkingMention], docs: list[Doc], sentences: list[Sentence],
                       table: EntityTable, *, skip_repeats: bool = True) -> list[WorkingMention]:
    """Mentions of known entities written as a literal translation of their Chinese name."""
    renderings = renderings_for(table)
    result = list(mentions)
    for doc, sentence in _pairs(docs, sentences, skip_repeats):
        for first, last, entity_id, score in _rendered(doc, renderings):
            named = [(m.start - sentence.start, m.end - sentence.start) for m in result if m.entity_id and m.sentence_idx == sentence.idx]
            if _inside_longer_name(doc, first, last, named):
                continue
            start = sentence.start + doc[first].idx
            end = sentence.start + doc[last - 1].idx + len(doc[last - 1])
            clashes = overlapping(result, start, end)
            if any(_a_person_named_by(m, start, doc.text[:doc[first].idx].rstrip()) for m in clashes):
                continue
            # The longest name wins: a rendering that holds a curated name and more ("central bank
            # general office" for 央行办公厅) replaces it; one that only overlaps it does not.
            if any(_holds(m, table) and (m.entity_id == entity_id or not (
                    start <= m.start and m.end <= end and (end - start) > (m.end - m.start))) for m in clashes):
                continue
            for clash in clashes:
                result.remove(clash)
            entity = table.entities[entity_id]
            result.append(WorkingMention(start, end, doc.text[doc[first].idx: doc[last - 1].idx + len(doc[last - 1])],
                                         entity.type, sentence.idx, sentence.start, entity_id, "rendering", score))
    result.sort(key=lambda m: m.start)
    return result


def _rendered(doc: Doc, renderings) -> list[tuple[int, int, str, float]]:
    """The renderings a sentence holds, as the parse_norms component matched them before the
    parse when it ran with the same table."""
    matched, matches = doc.user_data.get(RENDERED, (None, None))
    if matched is renderings:
        return matches
    return renderings.match([renderings.normalise(token.text) for token in doc])


def _a_person_named_by(mention: WorkingMention, start: int, before: str) -> bool:
    """"Wang Pengbo": a person's name the model found, a Chinese family name before the words
    that render a known name (彭博, Bloomberg), is that person's given name, not the entity."""
    words = before.split()
    return (mention.type == "person" and not mention.curated and mention.start < start
            and bool(words) and words[-1].lower() in chinese_family_names_latin())


def _inside_longer_name(doc: Doc, first: int, last: int, named: list[tuple[int, int]]) -> bool:
    """"Agricultural Development Bank of China": words that render a known name ("Development
    Bank", 建设银行) inside a longer capitalised name are part of that other name. A known name
    before them is no such name ("People's Bank of China Liquidation Total Center": its unit)."""
    before = doc[first - 1] if first > 1 else None  # the sentence's first word is capitalised anyway
    if before is not None and any(s <= before.idx < e for s, e in named):
        before = None
    after = doc[last:last + 2]
    return bool(
        (before is not None and before.is_alpha and before.text[:1].isupper() and doc[first].text[:1].isupper())
        or (len(after) == 2 and after[0].lower_ == "of" and after[1].text[:1].isupper() and doc[last - 1].text[:1].isupper())
        or _named_on_as_a_body(doc, last)
    )


NAME_JOINERS = {"and", "&"}  # words inside a longer name between its capitalised words


def _named_on_as_a_body(doc: Doc, last: int) -> bool:
    """"China Banking Regulatory Commission": capitalised words after the rendering ("China
    Banking", 中国银行) that end in a word naming a body of another kind (a commission, an
    association, a newspaper: name_types in entity_rules_en.yaml) make one longer name. (A
    company's word, "Pay", may end a rendering's own longer form: "Silver Union Pay".) A name's
    own "and" or "&" joins the run: "China Banking and Insurance Regulatory Commission"."""
    if not doc[last - 1].text[:1].isupper():
        return False
    run = []
    for token in doc[last:last + MAX_NAME_RUN]:
        joining = token.lower_ in NAME_JOINERS and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()
        if not (token.is_alpha and token.text[:1].isupper()) and not joining:
            break
        run.append(token)
    return bool(run) and name_types().get(run[-1].lower_) in BODY_TYPES


def _carries(surface: str, word: str) -> bool:
    # "UnionPay" carries "Union" (a word of its camel case), "China Union Pay" too.
    parts = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])", surface)
    return word.lower() in {p.lower() for p in parts}


def resolve_short_forms(mentions: list[WorkingMention], docs: list[Doc], sentences: list[Sentence],
                        table: EntityTable, *, skip_repeats: bool = True) -> list[WorkingMention]:
    """"the Union": one capitalised word after "the" that renders part of known names, decided by
    which of them the article names with that word elsewhere."""
    renderings = renderings_for(table)
    surfaces: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_id in table:
            surfaces.setdefault(m.entity_id, set()).add(m.text)
    result = list(mentions)
    for doc, sentence in _pairs(docs, sentences, skip_repeats):
        for token in doc[1:]:
            if doc[token.i - 1].lower_ != "the" or not token.is_alpha or not token.text[:1].isupper():
                continue
            if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
                continue  # the start of a longer name
            start = sentence.start + token.idx
            end = start + len(token)
            clashes = overlapping(result, start, end)
            if any(m.entity_id in table for m in clashes):
                continue
            fits = renderings.partial(renderings.normalise(token.text)) & surfaces.keys()
            owners = {e for e in fits if any(_carries(s, token.text) for s in surfaces[e])}
            if len(owners) != 1:
                continue
            for clash in clashes:
                result.remove(clash)
            entity = table.entities[owners.pop()]
            result.append(WorkingMention(start, end, token.text, entity.type, sentence.idx, sentence.start,
                                         entity.id, "context", 1.0))
    result.sort(key=lambda m: m.start)
    return result
