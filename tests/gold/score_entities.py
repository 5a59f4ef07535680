"""Score entity recognition and resolution against tests/gold/entities_gold.jsonl.

    .venv/bin/python tests/gold/score_entities.py            # both languages
    .venv/bin/python tests/gold/score_entities.py --no-ner   # English without the statistical NER
    .venv/bin/python tests/gold/score_entities.py --plain    # plain en_core_web_sm + our resolution
    .venv/bin/python tests/gold/score_entities.py --heldout  # passages of our own (see HELDOUT)
    .venv/bin/python tests/gold/score_entities.py --ingest   # articles as pipeline.ingest stores them
    .venv/bin/python tests/gold/score_entities.py --errors   # also list misses and false alarms

Gold records: {"file", "lang", "text" (as written), "before" (the up to 8 letters, digits or CJK
characters before it), "n" (which of the matches of text-after-before, from 0), "occurrence" (n-th
occurrence of the bare string in the stand-in body below, for reading), "type", "entity_id"}.
Offsets are computed here by locating the mention, so the gold survives changes in how ingest
cleans and wraps the text as long as the mention and a few characters before it survive.

Article bodies are read by load_article below: a stand-in for ingest by default, or the
project's own ingest with --ingest (both give the same scores today). The stand-in drops the
English title line, the "category:... click:N" line and the body's first line when it repeats
the title; in Chinese it drops the "key: value" header, joins hard-wrapped lines and strips wiki
markup. REPEATS ARE EXCLUDED: the founding article's last three paragraphs repeat earlier text;
their sentences are marked repeat_of (as ingest marks them), the pipeline skips them and the
gold lists no mention in them. Likewise the body line that repeats the title has no gold.
Texts stay in ../shared; this file holds no article text.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.facts import Sentence  # noqa: E402

GOLD = Path(__file__).resolve().parent / "entities_gold.jsonl"
# Passages of our own, annotated before the system was run on them: a check on over-fitting to
# the development gold above. One record per passage: {"lang", "text", "mentions": [...]}.
HELDOUT = Path(__file__).resolve().parent / "heldout_entities.jsonl"


def shared_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")


# --- a stand-in for ingest ---------------------------------------------------------------
_ZH_LINE_END = re.compile(r"[。！？；：”」』.!?]$")
_WIKI_LINK = re.compile(r"\[([^\]]*)\]\((?:\\.|[^)\\])*\)")


def _clean_zh(body: str) -> str:
    body = _WIKI_LINK.sub(r"\1", body)
    body = body.replace("**", "").replace("\\[", "[").replace("\\]", "]")
    body = re.sub(r"\[\d+\]", "", body)
    # Wiki category links and empty numbered references are navigation, not text.
    body = re.sub(r"(?m)^(?:Category:.*|\d+\.\s*)$", "", body)
    body = re.sub(r"(?m)^\d+\.\s+", "", body)
    lines = body.split("\n")
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        # A hard-wrapped line (long, no closing punctuation, followed by more text) continues;
        # a short line without punctuation is a heading.
        if out and len(out[-1]) >= 40 and not _ZH_LINE_END.search(out[-1]) and line and not line.startswith(
                ("#", " ", "-")):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def load_body(path: Path, lang: str) -> str:
    raw = path.read_text(encoding="utf-8")
    if lang == "en":
        lines = raw.split("\n")
        title, rest = lines[0].strip(), lines[1:]
        while rest and (not rest[0].strip() or rest[0].startswith("category:")):
            if rest[0].startswith("category:"):
                rest = rest[1:]
                break
            rest = rest[1:]
        # The site prints the title again as the body's first line: keep it once (in the title).
        while rest and not rest[0].strip():
            rest = rest[1:]
        if rest and rest[0].strip() == title:
            rest = rest[1:]
        return "\n".join(rest)
    _, _, body = raw.partition("\n\n")
    return _clean_zh(body)


def split_sentences(text: str, lang: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    seen: dict[str, int] = {}
    if lang == "en":
        splitter = _en_splitter()
        pieces = []
        for para_idx, match in enumerate(re.finditer(r"[^\n]+", text)):
            for sent in splitter(match.group()).sents:
                start = match.start() + sent.start_char
                pieces.append((para_idx, start, start + len(sent.text)))
    else:
        pieces = []
        for para_idx, match in enumerate(re.finditer(r"[^\n]+", text)):
            for sent in re.finditer(r"[^。！？!?]+[。！？!?”」]*", match.group()):
                if sent.group().strip():
                    pieces.append((para_idx, match.start() + sent.start(), match.start() + sent.end()))
    paragraphs = [m.group() for m in re.finditer(r"[^\n]+", text)]
    repeated_paragraphs = {
        i for i, para in enumerate(paragraphs)
        if len(_repeat_key(para)) >= _MIN_REPEAT
        and any(_repeat_key(para) in _repeat_key(earlier) for earlier in paragraphs[:i])}
    for para_idx, start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            continue
        sentence_text = text[start:end]
        key = _repeat_key(sentence_text)
        repeat = seen.get(key) if para_idx in repeated_paragraphs or len(key) >= _MIN_REPEAT else None
        if repeat is None and para_idx in repeated_paragraphs:
            repeat = next((i for k, i in seen.items() if key in k), None)
        idx = len(sentences)
        sentences.append(Sentence(idx, para_idx, start, end, sentence_text, repeat))
        if repeat is None:
            seen.setdefault(key, idx)
    return sentences


_SPLITTER = None
# Repeats, as ingest marks them: a paragraph (at least this long) whose words stand in an
# earlier paragraph is a repeat, and so is each of its sentences equal to or contained in an
# earlier sentence; elsewhere only long sentences equal to an earlier one. The founding
# article's last three paragraphs repeat text that earlier sat in one paragraph.
_MIN_REPEAT = 40


def _repeat_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _en_splitter():
    global _SPLITTER
    if _SPLITTER is None:
        import spacy

        _SPLITTER = spacy.blank("en")
        _SPLITTER.add_pipe("sentencizer")
    return _SPLITTER


USE_INGEST = False  # set by --ingest: read articles with the project's own ingest


def load_article(relative: str) -> tuple[str, list[Sentence], str]:
    path = shared_dir() / "corpus" / relative
    if USE_INGEST:
        return _load_with_ingest(path)
    lang = relative.split("/")[0]
    text = load_body(path, lang)
    return text, split_sentences(text, lang), lang


def _load_with_ingest(path: Path) -> tuple[str, list[Sentence], str]:
    """The article as `kb ingest` stores it (pipeline.ingest's reader, cleaning and splitting)."""
    from pipeline.ingest import prepare, read_articles

    article = next(iter(read_articles(path, max_bytes=10**8)))
    if not hasattr(article, "text"):
        raise RuntimeError(f"ingest could not read {path}: {article}")
    record = prepare(article)
    return article.text, record.sentences, article.lang


# --- gold ---------------------------------------------------------------------------------
def load_gold(path: Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def occurrence_offset(text: str, needle: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence + 1):
        position = text.find(needle, position + 1)
        if position < 0:
            raise ValueError(f"gold mention {needle!r} #{occurrence} not found in the article text")
    return position


def occurrence_of(text: str, needle: str, start: int) -> int:
    """Which occurrence of needle begins at start (the inverse of occurrence_offset)."""
    count, position = 0, text.find(needle)
    while 0 <= position < start:
        count += 1
        position = text.find(needle, position + 1)
    return count


CONTEXT_CHARS = 8


def _squeeze(text: str) -> str:
    # Letters, digits and CJK only: spacing, wraps, list markers and markup do not count.
    return re.sub(r"[\W_]+", "", text)


def context_before(text: str, start: int) -> str:
    """Up to CONTEXT_CHARS letters/digits/CJK characters before a mention (across lines)."""
    return _squeeze(text[max(0, start - 8 * CONTEXT_CHARS) : start])[-CONTEXT_CHARS:]


def locate(text: str, record: dict) -> int | None:
    """Where a gold mention starts in this text: the n-th occurrence of its string whose
    preceding characters end with its `before` context (spaces ignored, so re-wrapped or
    re-spaced text still matches); None if the text does not contain it."""
    needle, before, n = record["text"], record.get("before"), record.get("n", 0)
    if before is None:
        return occurrence_offset(text, needle, record["occurrence"])
    seen = -1
    position = text.find(needle)
    while position >= 0:
        if context_before(text, position) == before or (
                len(before) < CONTEXT_CHARS and context_before(text, position).endswith(before) and before):
            seen += 1
            if seen == n:
                return position
        position = text.find(needle, position + 1)
    return None


def gold_spans(records: list[dict], text: str, missing: list | None = None) -> dict[tuple[int, int], dict]:
    spans = {}
    for record in records:
        start = locate(text, record)
        if start is None:
            if missing is not None:
                missing.append(record)
            continue
        spans[(start, start + len(record["text"]))] = record
    return spans


# --- running the pipeline ---------------------------------------------------------------
def run_sentences(text: str, sentences: list[Sentence], lang: str, *, no_ner: bool = False,
                  plain: bool = False):
    from pipeline.extract.entities import extract_entities, load_entity_table
    from pipeline.extract.nlp import get_nlp, get_plain_nlp

    nlp = _plain(lang, get_plain_nlp) if plain else get_nlp(lang)
    texts = [s.text for s in sentences]
    if no_ner and "ner" in nlp.pipe_names:
        with nlp.select_pipes(disable=["ner"]):
            docs = list(nlp.pipe(texts))
    else:
        docs = list(nlp.pipe(texts))
    return extract_entities(docs, sentences, lang, load_entity_table())


def run_article(relative: str, *, no_ner: bool = False, plain: bool = False):
    text, sentences, lang = load_article(relative)
    return text, run_sentences(text, sentences, lang, no_ner=no_ner, plain=plain)


_PLAIN: dict = {}


def _plain(lang: str, factory):
    if lang not in _PLAIN:
        _PLAIN[lang] = factory(lang)
    return _PLAIN[lang]


# --- scoring ------------------------------------------------------------------------------
def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for k in (key, "ALL"):
            self.counts[k][0] += tp
            self.counts[k][1] += fp
            self.counts[k][2] += fn

    def score(self, key: str = "ALL") -> tuple[float, float, float]:
        return prf(*self.counts[key])

    def lines(self) -> list[str]:
        out = []
        for key in sorted(self.counts, key=lambda k: (k != "ALL", k)):
            tp, fp, fn = self.counts[key]
            p, r, f = prf(tp, fp, fn)
            out.append(f"  {key:<20} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
        return out


def _gold_cases(langs: tuple[str, ...]):
    by_file: dict[str, list[dict]] = defaultdict(list)
    for record in load_gold():
        by_file[record["file"]].append(record)
    for relative, records in sorted(by_file.items()):
        if records[0]["lang"] in langs:
            text, sentences, lang = load_article(relative)
            yield relative, lang, text, sentences, records


def _heldout_cases(langs: tuple[str, ...]):
    for number, passage in enumerate(load_gold(HELDOUT)):
        if passage["lang"] in langs:
            text = passage["text"]
            yield f"heldout#{number}", passage["lang"], text, split_sentences(text, passage["lang"]), \
                passage["mentions"]


def score(*, no_ner: bool = False, plain: bool = False, langs: tuple[str, ...] = ("en", "zh"),
          errors: list | None = None, heldout: bool = False) -> dict[str, dict[str, Tally]]:
    """{lang: {"recognition": Tally, "typed": Tally, "resolution": Tally}} over the gold files
    (or over the held-out passages)."""
    from pipeline.extract.entities import load_entity_table

    table = load_entity_table()
    result: dict[str, dict[str, Tally]] = {}
    cases = _heldout_cases(langs) if heldout else _gold_cases(langs)
    for relative, lang, text, sentences, records in cases:
        tallies = result.setdefault(lang, {"recognition": Tally(), "typed": Tally(), "resolution": Tally()})
        found = run_sentences(text, sentences, lang, no_ner=no_ner, plain=plain)
        absent: list = []
        gold = gold_spans(records, text, absent)
        if absent and errors is not None:
            errors.extend(("not-in-text", relative, r["text"], r["type"], r.get("entity_id")) for r in absent)
        # Collectives ("payment institutions") are actors for events, not names: the gold has none.
        predicted = {(m.start, m.end): m for m in found.mentions if not getattr(table.get(m.entity_id), "collective", False)}
        for span, record in gold.items():
            mention = predicted.get(span)
            tallies["recognition"].add(record["type"], tp=int(mention is not None), fn=int(mention is None))
            tallies["typed"].add(record["type"], tp=int(mention is not None and mention.label == record["type"]),
                                 fn=int(mention is None or mention.label != record["type"]))
            if mention is None and errors is not None:
                errors.append(("miss", relative, record["text"], record["type"], record.get("entity_id")))
        for span, mention in predicted.items():
            if span not in gold:
                tallies["recognition"].add(mention.label, fp=1)
                tallies["typed"].add(mention.label, fp=1)
                if errors is not None:
                    errors.append(("false", relative, mention.text, mention.label, mention.entity_id))
            elif gold[span]["type"] != mention.label:
                tallies["typed"].add(mention.label, fp=1)
        # Resolution on the curated cast: (span, id) pairs whose id is in the table.
        gold_pairs = {(s, r["entity_id"]): r for s, r in gold.items() if r.get("entity_id") in table}
        pred_pairs = {(s, m.entity_id): m for s, m in predicted.items() if m.entity_id in table}
        for pair, record in gold_pairs.items():
            hit = pair in pred_pairs
            tallies["resolution"].add(table.entities[record["entity_id"]].type, tp=int(hit), fn=int(not hit))
            if not hit and errors is not None:
                got = predicted.get(pair[0])
                errors.append(("unresolved", relative, record["text"], record["entity_id"],
                               got.entity_id if got else None))
        for pair, mention in pred_pairs.items():
            if pair not in gold_pairs:
                tallies["resolution"].add(table.entities[mention.entity_id].type, fp=1)
                if errors is not None:
                    errors.append(("misresolved", relative, mention.text, mention.entity_id,
                                   gold.get(pair[0], {}).get("entity_id")))
        if errors is not None:
            # Names the table does not know: is the discovered id the expected one?
            for span, record in gold.items():
                mention = predicted.get(span)
                if record.get("entity_id") and record["entity_id"] not in table and mention \
                        and mention.entity_id != record["entity_id"]:
                    errors.append(("discovered-id", relative, record["text"], record["entity_id"],
                                   mention.entity_id))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-ner", action="store_true", help="English without the statistical NER")
    parser.add_argument("--plain", action="store_true",
                        help="plain en_core_web_sm (no curated ruler, no fixes); resolution still ours")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out passages (tests/gold/heldout_entities.jsonl) instead")
    parser.add_argument("--ingest", action="store_true",
                        help="read the articles with pipeline.ingest instead of the stand-in reader")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--lang", choices=["en", "zh"], action="append")
    args = parser.parse_args(argv)
    if not (shared_dir() / "corpus").is_dir():
        print(f"skipped: shared corpus not found at {shared_dir()} (set KB_SHARED)")
        return 0
    global USE_INGEST
    USE_INGEST = args.ingest
    errors: list | None = [] if args.errors else None
    started = time.perf_counter()
    results = score(no_ner=args.no_ner, plain=args.plain, langs=tuple(args.lang or ("en", "zh")),
                    errors=errors, heldout=args.heldout)
    for lang, tallies in results.items():
        for name, tally in tallies.items():
            mode = " (no NER)" if args.no_ner else " (plain model)" if args.plain else ""
            print(f"[{lang}] {name}{mode if lang == 'en' else ''}{' (held-out)' if args.heldout else ''}")
            # "typed" differs from "recognition" only in its totals: print those alone.
            print("\n".join(tally.lines()[:1] if name == "typed" else tally.lines()))
    if errors:
        print("\nerrors:")
        for error in errors:
            print("  ", *error)
    print(f"\n({time.perf_counter() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
