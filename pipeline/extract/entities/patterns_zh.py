"""Chinese: names the curated table does not know, found by the shape of the text.

- organisations by their last word (…公司, …银行, …研究院, …协会, …中心), extended leftwards
  over name words and stopped by function words and generic words;
- document numbers (银支付〔2017〕209号) and titles in 《》;
- people introduced by a role (主任郭田勇, 记者…) or by what they say (王蓬博表示).
Every word list and expression is in entity_patterns_zh.yaml. Curated names found earlier win,
except that an organisation may swallow a place at its start ("上海畅购企业服务有限公司") or a
group word at its end (中信 + 银行).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .documents import issuer_start
from .ruler_zh import SPANS_ATTR
from .table import ENTITY_TYPES, load_entity_table, load_rules

PATTERNS_NAME = "kb_zh_patterns"
_CJK_WORD = re.compile(r"^[\u3400-\u9fffA-Za-z0-9]+$")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


LIST_LOOKAHEAD = 3  # words after one where the next 、 of a list may stand, to tell a middle item
REJECT_BEFORE_CHARS = 4  # how far before a candidate org_reject_before's words may begin (一家, 某家)


class ChinesePatterns:
    def __init__(self, name: str, dictionary) -> None:
        self.name = name
        # jieba's word list: a name it knows as one word is a name, whatever it starts with.
        self.dictionary = dictionary
        rules = load_rules("entity_patterns_zh")
        self.org_suffixes: dict[str, str] = dict(rules.get("org_suffixes", {}))
        self.suffix_order = sorted(self.org_suffixes, key=len, reverse=True)
        self.org_min_prefix = int(rules.get("org_min_prefix_chars", 2))
        self.org_max = int(rules.get("org_max_chars", 30))
        self.org_stop = set(rules.get("org_stop_words", []))
        self.org_generic = set(rules.get("org_generic", []))
        self.org_starts = tuple(rules.get("org_name_starts", []))
        self.org_prefix_tags = frozenset(rules.get("org_prefix_name_tags", []))
        self.org_stop_tags = frozenset(rules.get("org_stop_tags", []))
        table = load_entity_table()
        self.collectives = frozenset(e.id for e in table if e.collective)
        self.entity_types = {e.id: e.type for e in table}
        self.org_min_prefix_free = int(rules.get("org_min_prefix_chars_without_start", 4))
        self.place_label = load_rules("entity_rules_en").get("ruler_labels", {}).get("place", "GPE")
        self.org_reject_after = re.compile(rules.get("org_reject_after") or r"(?!)")
        self.org_reject_before = re.compile(rules.get("org_reject_before") or r"(?!)")
        self.org_negations = tuple(rules.get("org_negations", ()))
        self.org_stop_endings = tuple(rules.get("org_stop_endings", ()))
        self.media_title_max = int(rules.get("media_title_max_chars", 0))
        self.media_title_endings = tuple(rules.get("media_title_endings", ()))
        self.report_words = tuple(rules.get("report_words", ()))
        holder_verbs = _alternation(rules.get("holder_verbs", [])) or "(?!)"
        openers = _alternation(rules.get("holder_openers", [])) or "(?!)"
        max_chars = int(rules.get("holder_max_chars", 10))
        # 梧桐树投资平台持股10%, 快钱、平安付各持股2.45%: the names of a clause that holds a share
        self.holders = re.compile(
            rf"(?:^|(?<=[；;，,：:。\s]))(?:{openers})?(?P<names>[\u4e00-\u9fff]{{2,{max_chars}}}?(?:、[\u4e00-\u9fff]{{2,{max_chars}}}?)*?)"
            rf"各?(?:{holder_verbs})[约近逾]?\d")
        listing = rules.get("listed_names") or {}
        self.listed_types = frozenset(listing.get("types", ()))
        self.listed_max = int(listing.get("max_chars", 8))
        self.listed_joiners = tuple(listing.get("joiners", ()))
        self.listed_closers = tuple(listing.get("closers", ()))
        self.listed_kind_endings = tuple(listing.get("kind_endings", ()))
        self.listed_word_tags = frozenset(listing.get("word_tags", ()))
        self.abbreviations: dict[str, str] = dict(rules.get("place_abbreviations", {}))
        chars = "".join(map(re.escape, self.abbreviations)) or "(?!)"
        self.abbreviation_list = re.compile(rf"[{chars}](?:、[{chars}])+")
        self.doc_number = re.compile(rules["doc_number_regex"])
        self.title = re.compile(rules["title_regex"])
        surnames = _alternation(rules.get("surnames", []))
        stop = _alternation(rules.get("name_stop_words", []))
        # A name: surname + one or two characters, the second of which may not start a stop word.
        name = rf"(?:{surnames})(?:(?!{stop})[\u4e00-\u9fff]){{1,2}}"
        self.name_core = name
        joiners = _alternation(rules.get("name_joiners", []))
        self.by_role = re.compile(
            rf"(?:{_alternation(rules.get('roles', []))}){rules.get('role_name_gap', '')}(?P<name>{name})"
            rf"(?:(?:{joiners})(?P<second>{name}))?")
        self.by_speech = re.compile(
            rf"{rules.get('name_left_boundary', '')}(?P<name>{name})(?:{_alternation(rules.get('speech_verbs', []))})")
        self.stop_tail = re.compile(rf"(?:{stop})$")
        # A word jieba does not know, glued by its HMM, of a surname and one or two given
        # characters (蔡洪波, 温信祥): a person's name, wherever it stands.
        self.unknown_name = re.compile(rf"(?:{surnames})[\u4e00-\u9fff]{{1,2}}")
        self.stop_words = set(rules.get("name_stop_words", []))
        ends = _alternation(rules.get("source_name_ends", []))
        self.source = re.compile(
            rf"(?:{_alternation(rules.get('source_labels', []))})[ \t\u3000]*[:：][ \t\u3000]*"
            rf"(?P<name>[\u4e00-\u9fffA-Za-z]{{2,12}}?)(?=[\s，,；;。）)|/]|{ends or '(?!)'}|$)"
        ) if rules.get("source_labels") else None

    # -- organisations -------------------------------------------------------------------
    def _suffix_type(self, word: str) -> str | None:
        for suffix in self.suffix_order:
            if word.endswith(suffix):
                return self.org_suffixes[suffix]
        return None

    def _organisations(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = []
        for token in doc:
            org_type = self._suffix_type(token.text)
            if org_type is None:
                continue
            start = token.i
            while start > 0:
                prev = doc[start - 1]
                if prev.text in self.org_stop or prev.text.endswith(self.org_stop_endings) or not _CJK_WORD.match(prev.text) or prev.is_digit \
                        or self._name_tag(prev.text) in self.org_stop_tags:
                    break
                if doc[start - 1 : token.i + 1].end_char - doc[start - 1].idx > self.org_max:
                    break
                start -= 1
            # the longest run that reads as a name: 继平安银行 ("after Ping An Bank") is 平安银行
            span = next((doc[first : token.i + 1] for first in range(start, token.i + 1)
                         if self._reads_as_organisation(doc[first : token.i + 1], org_type)), None)
            if span is None:
                continue
            found.append((span.start_char, span.end_char, org_type))
        return found

    def _reads_as_organisation(self, span, org_type: str) -> bool:
        text = span.text
        suffix = next(s for s in self.suffix_order if text.endswith(s))
        prefix_len = len(text) - len(suffix)
        if text in self.org_generic or prefix_len < self.org_min_prefix or text[:prefix_len].endswith(self.org_negations):
            return False
        known_word = len(span) == 1 and span[0].text in self.dictionary
        # 邮储银行, 中信银行, 苏宁金融研究院: the name begins with a word jieba tags as a name
        # (abbreviation, proper noun, place, organisation, person), not a verb or a common noun
        # (交存银行, 无法直连银行).
        tag = self._name_tag(span[0].text) or ""
        named = len(span) >= 2 and (tag in self.org_prefix_tags or tag[:2] in self.org_prefix_tags)
        # A newspaper is named by common nouns (金融早报, 证券时讯): its suffix is name enough.
        if not (known_word or named or org_type == "media" or text.startswith(self.org_starts)
                or prefix_len >= self.org_min_prefix_free):
            return False
        return not (self.org_reject_after.match(span.doc.text, span.end_char)
                    or self.org_reject_before.search(span.doc.text, max(0, span.start_char - REJECT_BEFORE_CHARS), span.start_char))

    def _name_tag(self, word: str) -> str | None:
        import jieba.posseg

        return jieba.posseg.dt.word_tag_tab.get(word)

    # -- documents and people ------------------------------------------------------------
    def _documents(self, text: str) -> list[tuple[int, int, str]]:
        found = [(issuer_start(text, m.start(), m.start("year")), m.end(), "document") for m in self.doc_number.finditer(text)]
        for match in self.title.finditer(text):
            found.append((match.start("name"), match.end("name"), "media" if self._a_newspaper(match.group("name")) else "document"))
        return found

    def _a_newspaper(self, title: str) -> bool:
        """《信报》, 《新京报》: a short title ending in a newspaper's word names the paper; 《年报》,
        《通报》 are reports."""
        return len(title) <= self.media_title_max and title.endswith(self.media_title_endings) \
            and not title.endswith(self.report_words)

    def _people(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in self.by_role.finditer(text):
            found.append((match.start("name"), match.end("name"), "person"))
            if match.group("second"):
                found.append((match.start("second"), match.end("second"), "person"))
        for match in self.by_speech.finditer(text):
            found.append((match.start("name"), match.end("name"), "person"))
        return found

    def _sources(self, text: str) -> list[tuple[int, int, str]]:
        """来源：金融早报, 原创：券商前沿: the outlet the page names as its source."""
        return [(m.start("name"), m.end("name"), "media") for m in self.source.finditer(text)] if self.source else []

    def _unknown_people(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Words of three characters that jieba's dictionary does not hold and that read as a
        surname and a given name; two-character words are too often a word jieba cut apart."""
        return [
            (t.idx, t.idx + len(t.text), "person") for t in doc
            if len(t.text) == 3 and self.unknown_name.fullmatch(t.text) and t.text not in self.dictionary
            and not any(w in t.text[1:] for w in self.stop_words)
            # 备付金亦会 cut as 备付|金亦会: the "surname" ends the word before (备付金, 资金)
            and not any(doc.text[t.idx - k : t.idx + 1] in self.dictionary for k in (1, 2, 3) if t.idx >= k)
        ]  # fmt: skip

    def _holders(self, text: str) -> list[tuple[int, int, str]]:
        """The holders a shareholder list names (梧桐树投资平台持股10%；快钱、平安付各持股2.45%): an
        organisation each, unless the curated table or another rule knows them already."""
        found = []
        for match in self.holders.finditer(text):
            at = match.start("names")
            for name in match.group("names").split("、"):
                # (no word a name cannot hold: 某大型银行持股5% names no bank)
                if name not in self.org_generic and not self.stop_tail.search(name) and not any(w in name for w in self.org_stop):
                    found.append((at, at + len(name), "company"))
                at += len(name) + 1
        return found

    def _listed_with_known(self, doc: Doc, existing: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
        """连连支付、汇付天下、易宝支付等机构: the items of a list (joined by 、) are of one kind, so
        an item the table does not know, listed with one it knows (易宝支付, a payment
        institution), is a name of that type. An item must read as a name: a few characters, no
        word a name cannot hold, not one dictionary word of a common kind (银行卡), not ending in
        a word of a kind (业务, 产品)."""
        text = doc.text
        known = {(s, e): eid for s, e, _, eid in existing if eid}
        found = []
        for items in self._lists(doc):
            types = [self.entity_types.get(known.get(item, ""), "") for item in items]
            kinds = [t for t, item in zip(types, items, strict=True)
                     if t in self.listed_types and known[item] not in self.collectives]
            if not kinds:
                continue
            kind = max(set(kinds), key=kinds.count)
            for (start, end), entity_type in zip(items, types, strict=True):
                if entity_type or any(s < end and start < e for s, e, _, _ in existing):
                    continue
                if self._reads_as_listed_name(doc, start, end, text[start:end]):
                    found.append((start, end, kind))
        return found

    def _lists(self, doc: Doc) -> list[list[tuple[int, int]]]:
        """The (start, end) of each item of every list of two or more joined by 、 (and a last one
        by 和/及/与): words from the list's first 、 back to a word no name holds, and on from its
        last to a closer (等), a joiner or such a word."""
        lists, items, tokens = [], [], list(doc)

        def name_word(token, inside: bool = True) -> bool:
            # (a word jieba tags as an adverb may open a name inside a list, 连连支付, 随行付; after
            # the last item one ends the list: 汇付天下均已完成)
            tag = self._name_tag(token.text)
            adverb_in_name = inside and tag == "d" and len(token.text) >= 2
            return (token.text not in self.org_stop and _CJK_WORD.match(token.text) is not None and not token.is_digit
                    and (tag not in self.org_stop_tags or adverb_in_name))

        i = 0
        while i < len(tokens):
            if tokens[i].text != "、":
                i += 1
                continue
            if not items:  # the first item: back from the first 、
                start = i
                while start > 0 and name_word(tokens[start - 1]) and tokens[i - 1].idx + len(tokens[i - 1].text) - tokens[start - 1].idx <= self.listed_max:
                    start -= 1
                if start < i:
                    items.append((tokens[start].idx, tokens[i - 1].idx + len(tokens[i - 1].text)))
            end = i + 1
            while end < len(tokens) and tokens[end].text not in self.listed_joiners and name_word(
                    tokens[end], inside=any(t.text == "、" for t in tokens[end + 1 : end + 1 + LIST_LOOKAHEAD])):
                end += 1
            if end > i + 1 and items:
                items.append((tokens[i + 1].idx, tokens[end - 1].idx + len(tokens[end - 1].text)))
            if end < len(tokens) and tokens[end].text == "、" and items:
                i = end
                continue
            if end < len(tokens) and tokens[end].text in self.listed_joiners and items:
                last = end + 1
                while last < len(tokens) and name_word(tokens[last], inside=False) and tokens[last].text not in self.listed_closers:
                    last += 1
                if last > end + 1:
                    items.append((tokens[end + 1].idx, tokens[last - 1].idx + len(tokens[last - 1].text)))
                end = last
            if len(items) >= 2:
                lists.append(items)
            items, i = [], end
        return lists

    def _reads_as_listed_name(self, doc: Doc, start: int, end: int, name: str) -> bool:
        if not 2 <= len(name) <= self.listed_max or name in self.org_generic or name.endswith(self.listed_kind_endings):
            return False
        words = [t for t in doc if start <= t.idx < end]
        if len(words) == 1 and words[0].text in self.dictionary:
            # one word jieba knows is a name only when it tags it as an organisation's (nt), a
            # proper noun (nz) or an abbreviation (j): it tags 银行卡 as a person's name
            return (self._name_tag(name) or "") in self.listed_word_tags
        return not self.stop_tail.search(name)

    def _abbreviated_places(self, text: str) -> list[tuple[int, int, str, str]]:
        found = []
        for match in self.abbreviation_list.finditer(text):
            for offset, char in enumerate(match.group()):
                if char in self.abbreviations:
                    start = match.start() + offset
                    found.append((start, start + 1, self.place_label, self.abbreviations[char]))
        return found

    def __call__(self, doc: Doc) -> Doc:
        existing: list[tuple[int, int, str, str]] = list(doc._.get(SPANS_ATTR) or [])
        existing += [a for a in self._abbreviated_places(doc.text)
                     if not any(e[0] < a[1] and a[0] < e[1] for e in existing)]
        place_label = self.place_label
        candidates = [*self._organisations(doc), *self._documents(doc.text), *self._people(doc.text), *self._unknown_people(doc),
                      *self._sources(doc.text), *self._holders(doc.text), *self._listed_with_known(doc, existing)]
        added: list[tuple[int, int, str, str]] = []
        for start, end, label in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
            clashes = [e for e in existing + added if e[0] < end and start < e[1]]
            if label in ("document",) and any(e[:2] == (start, end) for e in clashes):
                continue  # a curated title ("财经") keeps its curated entity
            inside = all(start <= e[0] and e[1] <= end and (end - start) > (e[1] - e[0]) for e in clashes)
            # A place inside an organisation's name, or any name inside a 《》 title, is part of it.
            titled = label == "document" and doc.text[start - 1 : start] == "《"
            swallow = clashes and inside and (
                titled or label in ENTITY_TYPES and label not in ("person", "document") and all(e[2] == place_label or (e[3] in self.collectives and doc.text[e[0]:e[1]] in self.org_suffixes)
                                                                     for e in clashes))
            if clashes and not swallow:
                continue
            if swallow:
                existing = [e for e in existing if e not in clashes]
            added.append((start, end, label, ""))
        spans = existing + added
        doc._.set(SPANS_ATTR, sorted(spans))
        aligned = []
        for start, end, label, entity_id in spans:
            # doc.ents holds what lines up with the tokens (the character list is the record)
            span = doc.char_span(start, end, label=label, span_id=entity_id or 0) or doc.char_span(
                start, end, label=label, span_id=entity_id or 0, alignment_mode="contract")
            if span is not None:
                aligned.append(span)
        doc.ents = filter_spans(aligned)
        return doc


def keep_suffixes_apart_from_roles(nlp: Language) -> None:
    """jieba knows 大学教授 and 证券分析师 as words, and 中央财经大学教授王磊 then holds no word ending
    in 大学: an organisation's suffix is kept apart from a role word after it."""
    segmenter = getattr(nlp.tokenizer, "jieba_seg", None)
    if segmenter is None:
        return
    tokenizer = getattr(segmenter, "dt", segmenter)  # the jieba module's tokenizer, or a tokenizer
    tokenizer.check_initialized()
    rules = load_rules("entity_patterns_zh")
    for suffix in rules.get("org_suffixes", {}):
        for role in rules.get("roles", []):
            if tokenizer.FREQ.get(suffix + role):
                tokenizer.suggest_freq((suffix, role), tune=True)


@Language.factory(PATTERNS_NAME, assigns=["doc.ents", f"doc._.{SPANS_ATTR}"])
def make_zh_patterns(nlp: Language, name: str) -> ChinesePatterns:
    segmenter = getattr(nlp.tokenizer, "jieba_seg", None)
    dictionary = _JiebaWords(segmenter) if segmenter is not None else frozenset()
    return ChinesePatterns(name, dictionary)


class _JiebaWords:
    """Membership in jieba's dictionary (built lazily by jieba on first segmentation)."""

    def __init__(self, segmenter) -> None:
        self.segmenter = segmenter

    def __contains__(self, word: str) -> bool:
        tokenizer = self.segmenter.dt
        tokenizer.check_initialized()
        return tokenizer.FREQ.get(word, 0) > 0
