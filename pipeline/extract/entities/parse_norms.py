"""English: names rendered word by word read as names by the parser.

Machine translation writes 财付通 as "Wealth Pay Through" and 支付宝 as "Pay treasure": ordinary
English words that the tagger and the parser read as a verb and a preposition, so the sentence
around them parses wrongly ("Pay treasure and Wealth Pay Through both said …" lost its subject).
This component runs first, before the tok2vec layer the tagger and the parser share: the
tokens of every span of two words or more that renders a curated Chinese name (renderings.py)
get the NORM of a proper name (`parse_norm` in entity_renderings.yaml), which is what that
layer reads of a word besides its spelling. The text, the tokens and their offsets are
unchanged; the mentions are still decided after the parse (context.add_rendered_names).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .renderings import renderings_for
from .table import load_entity_table, load_rules

PARSE_NORMS_NAME = "kb_parse_norms"
RENDERED = "kb_rendered"  # doc.user_data key: (the Renderings matched, their matches)


class ParseNorms:
    def __init__(self, table_path: str | None) -> None:
        self.renderings = renderings_for(load_entity_table(table_path))
        self.norm = str(load_rules("entity_renderings").get("parse_norm") or "")

    def __call__(self, doc: Doc) -> Doc:
        words = [self.renderings.normalise(token.text) for token in doc]
        matches = self.renderings.match(words)
        doc.user_data[RENDERED] = (self.renderings, matches)  # read again by context.add_rendered_names
        if not self.norm:
            return doc
        for first, last, _, _ in matches:
            span = doc[first:last]
            if len(span) < 2 or not span[0].text[:1].isupper() or not any(_not_a_name_word(t) for t in span):
                # (one word is read as a name already, a lower-case run is no name, and "Net Union
                # Clearing Co., Ltd." is written as names are)
                continue
            for token in span:
                if token.is_alpha:
                    token.norm_ = self.norm
        return doc


def _not_a_name_word(token) -> bool:
    """A word the parser would not read as part of a name: lower-case ("Pay treasure") or a word
    of grammar however written ("Wealth Pay Through")."""
    return token.is_alpha and (token.text[:1].islower() or token.is_stop)


@Language.factory(PARSE_NORMS_NAME, default_config={"table_path": None})
def make_parse_norms(nlp: Language, name: str, table_path: str | None) -> ParseNorms:
    return ParseNorms(table_path)
