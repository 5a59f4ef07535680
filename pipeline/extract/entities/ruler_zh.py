"""Chinese: the curated names, found as whole jieba tokens.

The names go into jieba's dictionary first, so segmentation keeps them whole ("网联" stays one
token in "网联系统"); a name is then accepted only where it lines up with token boundaries, which
keeps "中国银行" out of "中国银行业". Aliases may carry a `reject_after` expression in the table
for cases segmentation cannot see (a stock ticker pasted inside "中国银行(3.610, 0.01,0.28%)业").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.chinese_script import simplified_view

from .table import EntityTable, has_cjk, load_entity_table, load_rules

RULER_NAME = "kb_zh_curated"
# Chinese components record their mentions by character offsets here, because a name found by a
# pattern need not line up with jieba's tokens (doc.ents gets only the ones that do):
# a list of (start_char, end_char, label, entity_id or "").
SPANS_ATTR = "kb_spans"
if not Doc.has_extension(SPANS_ATTR):
    Doc.set_extension(SPANS_ATTR, default=None)
# jieba frequency for curated names: high enough to beat any dictionary split.
JIEBA_FREQ = 200000


def zh_names(table: EntityTable) -> dict[str, str]:
    """Chinese spelling -> entity id, for every Chinese name of the table."""
    names: dict[str, str] = {}
    for entity in table:
        for text in [entity.names.get("zh", ""), *entity.aliases.get("zh", ())]:
            if text and has_cjk(text):
                names.setdefault(text, entity.id)
    return names


def add_names_to_jieba(nlp: Language, table_path: str | None) -> None:
    """Put every curated Chinese name into the segmenter's dictionary."""
    segmenter = getattr(nlp.tokenizer, "jieba_seg", None)
    if segmenter is None:
        return
    for text in zh_names(load_entity_table(table_path)):
        if re.fullmatch(r"[\u3400-\u9fff]+", text):
            segmenter.add_word(text, freq=JIEBA_FREQ)


class ChineseCuratedRuler:
    def __init__(self, name: str, table_path: str | None) -> None:
        self.name = name
        table = load_entity_table(table_path)
        labels = load_rules("entity_rules_en").get("ruler_labels", {})
        self.names = zh_names(table)
        self.labels = {e.id: labels.get(e.type, "ORG") for e in table}
        self.reject = {e.id: re.compile(e.reject_after) for e in table if e.reject_after}
        tails = load_rules("entity_patterns_zh").get("curated_tails", [])
        self.tail = re.compile("|".join(map(re.escape, sorted(tails, key=len, reverse=True))) or r"(?!)")
        # the names by their first character, longest first
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(self.names, key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)

    def __call__(self, doc: Doc) -> Doc:
        if not self.by_first:
            return doc
        spans: list[Span] = []
        found: list[tuple[int, int, str, str]] = []
        text = doc.text
        ends = {t.idx + len(t.text) for t in doc}
        taken_to = 0
        astride: list[tuple[int, int, str]] = []  # names the text holds across a word's end
        for token in doc:
            # At every word start the longest name that is whole words here: 微信支付宝, cut 微信|支付宝,
            # is WeChat and Alipay (微信支付 would end inside a word); "中国银行" inside "中国银行业" is none.
            if token.idx < taken_to:
                continue
            for name in self.by_first.get(text[token.idx], ()):
                end = token.idx + len(name)
                if not text.startswith(name, token.idx):
                    continue
                entity_id = self.names[name]
                if end not in ends:
                    astride.append((token.idx, end, entity_id))
                    continue
                if any(s < token.idx < e and held == entity_id for s, e, held in astride):
                    continue  # 114号文 inside 银办发〔2018〕114号文: the whole number is the document's (documents.py)
                rule = self.reject.get(entity_id)
                if rule is not None and rule.match(text, end):
                    continue
                span = doc.char_span(token.idx, end, label=self.labels[entity_id], span_id=entity_id)
                spans.append(span)
                # 网联清算 + 公司: the company form belongs to the mention, even where jieba glued it
                # to the next word ("公司总裁"), so the mention is kept by characters.
                tail = self.tail.match(text, end)
                found.append((token.idx, tail.end() if tail else end, span.label_, entity_id))
                taken_to = end
                break
        doc.ents = filter_spans([*doc.ents, *spans])
        doc._.set(SPANS_ATTR, found)
        return doc


@Language.factory(RULER_NAME, default_config={"table_path": None}, assigns=["doc.ents"])
def make_zh_curated_ruler(nlp: Language, name: str, table_path: str | None) -> ChineseCuratedRuler:
    return ChineseCuratedRuler(name, table_path)


def add_chinese_names(mentions, sentences, table: EntityTable):
    """Curated Chinese names inside English sentences ("the clearing house (网联清算有限公司)"),
    longest first, where no mention holds the characters yet."""
    from .model import WorkingMention, overlapping

    names = zh_names(table)
    ordered = sorted(names, key=len, reverse=True)
    if not ordered:
        return mentions
    regex = _names_regex(tuple(ordered))
    suffixes: dict[str, str] = load_rules("entity_patterns_zh").get("org_suffixes", {})
    result = list(mentions)
    for sentence in sentences:
        if not has_cjk(sentence.text):
            continue
        view = simplified_view(sentence.text)
        for match in regex.finditer(view):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if overlapping(result, start, end):
                continue
            # a short name is a word of its own here, not two characters of a longer one (银行 in 中信银行)
            if len(match.group()) <= 2 and (has_cjk(view[match.start() - 1: match.start()])
                                            or has_cjk(view[match.end(): match.end() + 1])):
                continue
            entity = table.entities[names[match.group()]]
            result.append(WorkingMention(start, end, sentence.text[match.start():match.end()], entity.type,
                                         sentence.idx, sentence.start, entity.id, "alias", 1.0, curated=True))
        # an organisation written in Chinese characters ("China CITIC Bank (中信银行)"): a new name
        for run in _CJK_RUN.finditer(view):
            suffix = next((s for s in sorted(suffixes, key=len, reverse=True) if run.group().endswith(s)), None)
            start, end = sentence.start + run.start(), sentence.start + run.end()
            if suffix and len(run.group()) > len(suffix) + 1 and not overlapping(result, start, end):
                result.append(WorkingMention(start, end, sentence.text[run.start():run.end()], suffixes[suffix],
                                             sentence.idx, sentence.start))
    result.sort(key=lambda m: m.start)
    return result


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def add_latin_names(mentions, sentences, table: EntityTable):
    """Curated English names written in Latin letters inside Chinese sentences ("使用Alipay和WeChat
    Pay的用户"), as written (case and all), longest first, where no mention holds the letters."""
    from .model import WorkingMention, overlapping

    names = _latin_names(table)
    if not names:
        return mentions
    regex = _latin_regex(tuple(sorted(names, key=len, reverse=True)))
    result = list(mentions)
    for sentence in sentences:
        for match in regex.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if overlapping(result, start, end):
                continue
            entity = table.entities[names[match.group()]]
            result.append(WorkingMention(start, end, match.group(), entity.type, sentence.idx, sentence.start,
                                         entity.id, "alias", 1.0, curated=True))
    result.sort(key=lambda m: m.start)
    return result


@lru_cache(maxsize=4)
def _latin_names(table: EntityTable) -> dict[str, str]:
    """English spelling -> entity id, for the capitalised English names and aliases (a Chinese
    text writes a name in Latin letters, not "central bank")."""
    names: dict[str, str] = {}
    for entity in table:
        for text in [entity.names.get("en", ""), *entity.aliases.get("en", ())]:
            if len(text) >= 3 and text[:1].isupper() and not has_cjk(text):
                names.setdefault(text, entity.id)
    return names


@lru_cache(maxsize=4)
def _latin_regex(ordered: tuple[str, ...]) -> re.Pattern:
    # Whole names only: not the start of a longer one ("WeChat Pay HK", "AlipayHK").
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![A-Za-z])(?!\s?[A-Z0-9])")


@lru_cache(maxsize=4)
def _names_regex(ordered: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(n) for n in ordered))
