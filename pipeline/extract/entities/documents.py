"""Regulatory documents cited by their number, in either language: 银办发〔2018〕114号, 114号文,
"Yinbanfa [2018] No. 114", "Document 114", "No. 114 document", "notice No. 114".

The numbers come from the curated table itself (the 〔year〕N号 or N号文 in a document's names), so
a document added to entities.yaml is found by every way of citing its number without a rule of
its own. A citation is resolved when exactly one document of the table has that number (and
that year, when the citation gives one); it replaces a statistical or pattern mention of the
same words, never a curated one. The expressions are in entity_documents.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.chinese_script import simplified_view
from pipeline.facts import Sentence

from .model import WorkingMention, overlapping
from .table import EntityTable, has_cjk, load_rules


@lru_cache(maxsize=4)
def _numbers(table: EntityTable) -> dict[str, list[tuple[str | None, str]]]:
    """number -> [(year or None, document id)] read from the documents' names."""
    rules = load_rules("entity_documents")
    in_name = [re.compile(p) for p in rules.get("number_in_name", [])]
    found: dict[str, list[tuple[str | None, str]]] = {}
    for entity in table.of_type("document"):
        for name in entity.all_names():
            for regex in in_name:
                for match in regex.finditer(name):
                    year = match.groupdict().get("year")
                    pair = (year, entity.id)
                    number = str(int(match.group("num")))
                    if pair not in found.setdefault(number, []):
                        found[number].append(pair)
    return found


@lru_cache(maxsize=1)
def _citations() -> list[re.Pattern]:
    return [re.compile(p) for p in load_rules("entity_documents").get("citations", [])]


@lru_cache(maxsize=1)
def _words_before_citations() -> re.Pattern:
    words = sorted(load_rules("entity_documents").get("words_before_citations", []), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def issuer_start(text: str, start: int, bracket: int) -> int:
    """Where the issuer's abbreviation before a number's bracket begins: after the last word
    in text[start:bracket] that introduces a citation (下发银办发〔2018〕 -> 银办发〔2018〕)."""
    ends = [m.end() for m in _words_before_citations().finditer(text, start, bracket)]
    return max(ends, default=start)


def _document_for(table: EntityTable, number: str, year: str | None) -> str | None:
    candidates = _numbers(table).get(str(int(number)), [])
    if year:
        candidates = [c for c in candidates if c[0] in (year, None)]
    ids = {entity_id for _, entity_id in candidates}
    return ids.pop() if len(ids) == 1 else None


def add_cited_documents(mentions: list[WorkingMention], sentences: list[Sentence],
                        table: EntityTable) -> list[WorkingMention]:
    result = list(mentions)
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        # 下發銀辦發〔2018〕114號: the words that introduce a citation are written in Simplified.
        reading = simplified_view(sentence.text) if has_cjk(sentence.text) else sentence.text
        for regex in _citations():
            for match in regex.finditer(reading):
                begins = match.start()
                if "year" in regex.groupindex and match.group("year"):
                    begins = issuer_start(reading, begins, match.start("year"))
                start, end = sentence.start + begins, sentence.start + match.end()
                if any(s < end and start < e for s, e in taken):
                    continue
                entity_id = _document_for(table, match.group("num"), match.groupdict().get("year"))
                if entity_id is None:
                    continue
                clashes = overlapping(result, start, end)
                blocking = [m for m in clashes if m.curated or (m.entity_id in table and m.entity_id != entity_id)]
                bracket = sentence.start + match.start("year") if "year" in regex.groupindex and match.group("year") else None
                if blocking and bracket is not None and all(m.end <= bracket for m in blocking):
                    # "Net Union letter [2018] No. 42": a known name in the issuer's words before
                    # the bracket stays that name; the citation begins after it
                    begins = max(m.end for m in blocking) - sentence.start
                    begins += len(re.match(r"\s*", sentence.text[begins:]).group())
                    start = sentence.start + begins
                    clashes = overlapping(result, start, end)
                    blocking = []
                if blocking:
                    continue
                for clash in clashes:
                    result.remove(clash)
                taken.append((start, end))
                result.append(WorkingMention(start, end, sentence.text[begins : match.end()], "document", sentence.idx,
                                             sentence.start, entity_id, "number", 1.0))
    result.sort(key=lambda m: m.start)
    return result


# -- titles written out in English ----------------------------------------------------------

_TITLE_WORD = re.compile(r"[a-z]{2,}")
MIN_TITLE_WORDS = 5  # a shorter title ("centralized deposit of reserves notice") fits too many others
MAX_EXTRA_WORDS = 2  # words of the written title beyond the known one's: more is another document
MIN_LONG_TITLE_WORDS = 8  # a known title this long may lack one word in a rendering of it
_NOT_OF_A_TITLE = {"notice", "of", "on", "the", "a", "an", "and", "to", "for", "in", "about", "relevant",
                   "relating", "related", "matters", "with", "no", "yinbanfa", "yinfa", "yinzhifu"}


def _stem(word: str) -> str:
    """One form for the words of a title as translations vary them: centralised / centralized,
    implementing / implementation, funds / fund."""
    word = word.replace("ise", "ize")
    for ending in ("ation", "ing", "ment", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {str(k).lower(): str(v).lower() for k, v in (load_rules("entity_documents").get("title_word_variants") or {}).items()}


def _title_words(text: str) -> frozenset[str]:
    text = re.sub(r"\([^)]*\)", " ", text.lower())  # "(Yinbanfa [2018] No. 114)": its number, read elsewhere
    variants = _variants()
    words = (v for w in _TITLE_WORD.findall(text) for v in variants.get(w, w).split())
    return frozenset(_stem(w) for w in words if w not in _NOT_OF_A_TITLE)


# A quoted run, in straight or curly quotes (the events stage reads quoted titles with it too).
QUOTED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def _is_title(words: list[str], rules: dict) -> bool:
    heads, links = set(rules.get("heads") or []), set(rules.get("links") or [])
    if not int(rules.get("min_words", 4)) <= len(words) <= int(rules.get("max_words", 30)):
        return False
    lowered = [w.lower().strip(",.;:") for w in words]
    return lowered[-1] in heads or any(lowered[i] in heads and lowered[i + 1] in links for i in range(min(2, len(words) - 1)))


def add_quoted_titles(mentions: list[WorkingMention], sentences: list[Sentence]) -> list[WorkingMention]:
    """A quoted run shaped as a regulation's title (quoted_titles in entity_documents.yaml) is a
    document mention, whose words no other mention takes: the names inside a title are part of
    it. A mention of a document already on those words keeps them."""
    rules = load_rules("entity_documents").get("quoted_titles") or {}
    if not rules:
        return mentions
    result = list(mentions)
    for sentence in sentences:
        for match in QUOTED.finditer(sentence.text):
            group = 1 if match.group(1) is not None else 2
            title = match.group(group).strip()
            if not _is_title(title.split(), rules):
                continue
            begins = match.start(group) + (len(match.group(group)) - len(match.group(group).lstrip()))
            start, end = sentence.start + begins, sentence.start + begins + len(title)
            clashes = overlapping(result, start, end)
            if any(m.type == "document" for m in clashes) or any(m.start < start or m.end > end for m in clashes):
                continue
            for clash in clashes:
                result.remove(clash)
            result.append(WorkingMention(start, end, title, "document", sentence.idx, sentence.start))
    result.sort(key=lambda m: m.start)
    return result


@lru_cache(maxsize=4)
def _known_titles(table: EntityTable) -> list[tuple[frozenset[str], str]]:
    return [(words, entity.id) for entity in table.of_type("document")
            for name in entity.all_names() if not re.search(r"[\u4e00-\u9fff]", name)
            and len(words := _title_words(name)) >= MIN_TITLE_WORDS]


def link_written_titles(mentions: list[WorkingMention], table: EntityTable) -> None:
    """"Notice on the implementation of the relevant matters of centralized deposit of customer
    reserve funds of payment institutions" is the known notice whose English title it holds every
    word of (as translations vary them) and little more; only when exactly one known document fits.
    When none does, one that lacks a single word of a long known title ("... to the People's Bank"
    for "... with the PBOC"), again only when it is the one."""
    for mention in mentions:
        if mention.entity_id or mention.type != "document":
            continue
        words = _title_words(mention.text)
        near = [((len(title - words), len(words - title)), entity_id) for title, entity_id in _known_titles(table)
                if len(words - title) <= MAX_EXTRA_WORDS and len(title - words) <= (1 if len(title) >= MIN_LONG_TITLE_WORDS else 0)]
        # The title it holds the most of: "... all centralized deposit ..." is the full deposit's
        # notice, though it holds every word of the first deposit notice's too.
        best = min((distance for distance, _ in near), default=None)
        fits = {entity_id for distance, entity_id in near if distance == best}
        if len(fits) == 1:
            mention.entity_id, mention.resolved_by, mention.score = fits.pop(), "fuzzy", 0.9


TITLE_TO_NUMBER_GAP = 20  # characters between a title and its number: '" (Net Union '


def link_titles_to_their_numbers(mentions: list[WorkingMention], sentences: list[Sentence]) -> None:
    """"the letter on the access of the channels" (Net Union letter [2018] No. 42): a title no
    known one fits, right before a known document's number in brackets, is that document."""
    text_of = {s.idx: s.text for s in sentences}
    for mention in mentions:
        if mention.type != "document" or mention.entity_id:
            continue
        after = next((m for m in mentions if m.type == "document" and m.start >= mention.end), None)
        if after is None or after.resolved_by != "number" or after.sentence_idx != mention.sentence_idx:
            continue
        text = text_of.get(mention.sentence_idx, "")
        between = text[mention.end - mention.sent_start : after.start - mention.sent_start]
        if len(between) <= TITLE_TO_NUMBER_GAP and re.search(r"[(（]", between) and not re.search(r"[,;.，；。)）]", between):
            mention.entity_id, mention.resolved_by, mention.score = after.entity_id, "number", 0.9
