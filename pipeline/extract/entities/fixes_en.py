"""English: corrections of the statistical NER's known failure shapes on machine translations.

Runs after "ner". Curated spans (those with an entity id from the ruler) are never touched.
- run-together words of a bad translation ("Connectionsolved") are not people: dropped;
- leading articles and trailing possessive/garble tokens are trimmed
  ("the Internet Union" -> "Internet Union", "Peoples Bank of Chinas inter-bank"), and role
  words before a person's name ("Economist Li Ming" -> "Li Ming").
All word lists and expressions come from entity_rules_en.yaml.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .renderings import english_vocabulary
from .table import has_cjk, load_entity_table, load_rules

FIXES_NAME = "kb_ent_fixes"
TITLE_LABELS = {"LAW", "WORK_OF_ART"}
OPENING_QUOTES = {'"', "“"}
CLOSING_QUOTES = {'"': '"', "“": "”"}
MAX_TITLE_TOKENS = 40


class EntityFixes:
    def __init__(self, name: str) -> None:
        self.name = name
        rules = load_rules("entity_rules_en")
        self.run_together = re.compile(rules.get("run_together_regex") or r"(?!)")
        self.run_together_labels = set(rules.get("run_together_labels", []))
        self.trim_leading = set(rules.get("trim_leading", []))
        # As written: "bank" after "Peoples Bank of Chinas" is trimmed, "Bank" in "Ping An Bank" is the name.
        self.trim_trailing = set(rules.get("trim_trailing", []))
        self.places = {name for entity in load_entity_table() if entity.type == "place"
                       for name in entity.all_names() if " " not in name and not has_cjk(name)}
        # "Ping An Payment and Union Mobile Payment" read as a person: two names, each a company
        self.conjunctions = {"and", "&"}
        self.name_words = set(rules.get("name_types", {}))  # "Payment", "Bank": the last word of an organisation
        # Role words the NER takes into a person's name ("Economist Li Ming", "Analyst Wang Lei"),
        # longest first: the role is read beside the name (roles.py), never as part of it.
        self.roles = sorted((tuple(r.lower().split()) for r in rules.get("roles", [])), key=len, reverse=True)

    def _ordinary_word(self, span: Span) -> bool:
        # A heading in capitals ("KEY", "VIEW"), a small word ("congress"), "Founded" read as a
        # person or a sentence's first word: one ordinary English word is no name.
        if len(span) != 1 or span.label_ not in self.run_together_labels | {"GPE", "LOC", "FAC", "LAW"}:
            return False
        word = span.text
        if not (word.isalpha() and word.lower() in english_vocabulary()):
            return False
        # A capitalised word inside a sentence may be a name that is also a word ("Meridian").
        return word.isupper() or word.islower() or span.label_ == "PERSON" or span[0].is_sent_start

    def _to_closing_quote(self, span: Span, start: int, end: int) -> int:
        """A title the NER cuts short inside its quotation marks ("Notice on the implementation
        of the relevant | matters of centralized deposit ...") runs to the closing mark."""
        doc = span.doc
        if span.label_ not in TITLE_LABELS or start == 0 or doc[start - 1].text not in OPENING_QUOTES:
            return end
        if doc[start - 1].text == '"' and doc[: start - 1].text.count('"') % 2:
            return end  # that straight mark closes an earlier quotation
        closing = CLOSING_QUOTES[doc[start - 1].text]
        for i in range(end, min(len(doc), start + MAX_TITLE_TOKENS)):
            if doc[i].text == closing:
                return i
            if doc[i].is_sent_start:
                break
        return end

    def _fix(self, span: Span) -> Span | None:
        if span.id_:
            return span
        if not any(ch.isalnum() for ch in span.text) or self._ordinary_word(span):
            return None
        # A person's name has no digits ("click:862"); an organisation is no sum ("CN¥2 billion").
        if span.label_ == "PERSON" and any(ch.isdigit() for ch in span.text):
            return None
        if span.label_ == "ORG" and any(t.is_currency or t.lower_ in ("billion", "million") for t in span):
            return None
        if span.label_ in self.run_together_labels and len(span) == 1 \
                and self.run_together.search(span.text):
            return None
        start, end = span.start, span.end
        while start < end and span.doc[start].text in self.trim_leading:
            start += 1
        if span.label_ == "PERSON":
            words = tuple(t.lower_ for t in span.doc[start:end])
            role = next((r for r in self.roles if len(r) < len(words) and words[: len(r)] == r), ())
            start += len(role)
        while end > start and span.doc[end - 1].text in self.trim_trailing:
            end -= 1
        # A byline glues the dateline's city to the reporter ("Chen Hao Beijing"): a person's name
        # does not end in a known place.
        while span.label_ == "PERSON" and end - start > 2 and span.doc[end - 1].text in self.places:
            end -= 1
        if start >= end:
            return None
        end = self._to_closing_quote(span, start, end)
        if (start, end) == (span.start, span.end):
            return span
        return Span(span.doc, start, end, label=span.label, span_id=span.id)

    def _parted(self, span: Span) -> list[Span]:
        """Names the NER ran together across a slash ("Visual China Group/Getty Images", a photo
        credit's two agencies), or read as one person across "and" ("Ping An Payment and Union |
        Mobile Payment": no person's name holds a conjunction): each is a name of its own, the
        last running on through the capitalised words the NER left after it, each typed by its
        last word ("Payment" names a company)."""
        if span.id_:
            return [span]
        joined = [t for t in span if t.text == "/" or span.label_ == "PERSON" and t.lower_ in self.conjunctions and t.i > span.start]
        if not joined:
            return [span]
        doc, parts, start = span.doc, [], span.start
        for t in [*joined, None]:
            end = t.i if t is not None else span.end
            if t is None and joined[-1].text != "/":
                while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start and not doc[end].ent_type_:
                    end += 1
            if end > start:
                last = doc[end - 1].text
                label = "ORG" if span.label_ == "PERSON" and last in self.name_words else span.label_
                parts.append(Span(doc, start, end, label=label))
            start = end + 1
        return parts

    def __call__(self, doc: Doc) -> Doc:
        fixed = [s for s in (self._fix(part) for ent in doc.ents for part in self._parted(ent)) if s is not None]
        # A title run to its closing quotation mark holds the names inside it, curated ones too
        # ("... of payment institutions"): they are words of the title.
        titles = [s for s in fixed if s.label_ in TITLE_LABELS]
        fixed = [s for s in fixed if not any(t is not s and t.start <= s.start and s.end <= t.end for t in titles)]
        if len(fixed) != len(doc.ents) or any(a is not b for a, b in zip(fixed, doc.ents)):
            doc.ents = fixed
        return doc


@Language.factory(FIXES_NAME, assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes(name)
