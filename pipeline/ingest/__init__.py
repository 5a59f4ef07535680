"""Batch ingestion: files -> cleaned articles -> records -> the store, one article at a time.

Safe to re-run: an article whose key and content are already stored is skipped before any
NLP runs; an edited one replaces its old version and facts; a killed run loses at most the
article in flight, and running again completes the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from pipeline.errors import BadInput
from pipeline.extract.entities import load_entity_table
from pipeline.facts import Article, ArticleRecord, PageCapture
from pipeline.ingest.engines import extract_many
from pipeline.ingest.names import path_text
from pipeline.ingest.readers import DATE_NOT_UNDERSTOOD, READERS
from pipeline.locks import writer_lock
from pipeline.settings import SETTINGS
from pipeline.store import Store

SUPPORTED = sorted(READERS)
# The longest run of text without a sentence end that goes to the NLP stages. The longest
# sentence of the corpus has 454 characters; a run of tens of thousands is a table or a dump,
# not prose, and one beyond spaCy's max_length (1,000,000) stopped the whole batch (a parser
# Doc that size needs gigabytes).
MAX_SENTENCE_CHARS = 20_000
# Notes that sit beside articles in a folder and are not news; named explicitly, they are read.
FOLDER_NOTES = {"README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "NOTES"}


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    updated: int = 0
    reprocessed: int = 0  # same text, re-extracted because the pipeline changed
    duplicates: int = 0
    off_topic: list[dict] = field(default_factory=list)  # pages of web archives not about the story
    failed: list[dict] = field(default_factory=list)
    skipped_judgements: list[dict] = field(default_factory=list)  # {"id", "problem"}: rows of the log not applied
    warnings: list[dict] = field(default_factory=list)  # {"path", "warning"}: stored, but something was left out
    # What became of each article read: {"where", "outcome", "article_id"} (see Report.record).
    # Not in to_dict: `kb ingest --json` reports counts; the app links each article.
    articles: list[dict] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        self.failed.append({"path": where, "error": reason})

    def record(self, where: str, outcome: str, article_id: int | None) -> None:
        self.articles.append({"where": where, "outcome": outcome, "article_id": article_id})

    def skip_off_topic(self, where: str, score: float) -> None:
        self.off_topic.append({"path": where, "score": score})

    def warn(self, where: str, warning: str) -> None:
        self.warnings.append({"path": where, "warning": warning})

    def to_dict(self) -> dict:
        counts = asdict(self)
        del counts["articles"]
        return counts


class Report(Protocol):
    """What store_articles counts into: IngestReport here, FetchReport for kb fetch.

    record(where, outcome, article_id) is told what became of each article besides the
    counts: outcome is one of OUTCOMES, `where` the article's file (or address)."""

    ingested: int
    unchanged: int
    updated: int
    reprocessed: int
    duplicates: int

    def fail(self, where: str, reason: str) -> None: ...

    def warn(self, where: str, warning: str) -> None: ...

    def record(self, where: str, outcome: str, article_id: int | None) -> None: ...


# What store_articles can make of an article it reads ("reprocessed": the same words, read
# again because the pipeline changed). Failures go to Report.fail instead.
OUTCOMES = ("ingested", "unchanged", "updated", "reprocessed", "duplicate")

# What turns text into facts. A change here re-extracts every article on the next ingest; a
# change to the views, the app or the CLI does not.
EXTRACTION_CODE = ("ingest", "extract", "data", "facts.py")
# Files that decide what comes in, not what is read from it (downloads, archives, the on-topic filter).
NOT_EXTRACTION = {"questions.yaml", "relevance.yaml", "fetch.py", "feeds.py", "warc.py", "relevance.py", "crawl.py"}
# Web archives (warc.SUFFIXES, kept here so that listing files imports no archive reader).
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@cache
def extractor_version() -> str:
    """A digest of the code and data that turn text into facts: when it changes, re-extract."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in EXTRACTION_CODE:
        paths = [root / part] if (root / part).is_file() else sorted((root / part).rglob("*"))
        for path in paths:
            if path.suffix in {".py", ".yaml", ".yml", ".json", ".jsonl", ".txt", ".csv"} and path.name not in NOT_EXTRACTION:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | BadInput]:
    """Expand files and folders (recursively) into the files we can read, in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found, unreadable = _walk(path)
            for folder, reason in unreadable:
                yield BadInput(path_text(folder), f"cannot read this folder: {reason}; its files were not ingested")
            if not found and not unreadable:
                yield BadInput(path_text(path), f"nothing to ingest: no {', '.join(SUPPORTED)} files or web archives in this folder")
            yield from found
        elif path.is_file():
            if _readable(path):
                yield path
            else:
                yield BadInput(path_text(path), f"unsupported file type {path.suffix or '(none)'}; use {', '.join(SUPPORTED)} or a web archive (.warc.gz)")
        else:
            yield BadInput(path_text(path), "no such file or folder")


def _walk(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The readable files under root, in a stable order, and the folders that could not be
    read (Path.rglob skipped those in silence). Linked folders are followed, each real folder
    once (a link to a parent would loop)."""
    found: list[Path] = []
    unreadable: list[tuple[Path, str]] = []
    seen: set[str] = set()

    def failed(error: OSError) -> None:
        unreadable.append((Path(error.filename), error.strerror or str(error)))

    for folder, subfolders, files in os.walk(root, onerror=failed, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in files:
            p = Path(folder) / name
            if not name.startswith(".") and _readable(p) and p.stem.upper() not in FOLDER_NOTES and p.is_file():
                found.append(p)
    return sorted(found), sorted(unreadable)


def _readable(path: Path) -> bool:
    return path.suffix.lower() in READERS or path.name.lower().endswith(ARCHIVE_SUFFIXES)


def read_articles(path: Path, *, max_bytes: int) -> Iterator[Article | BadInput]:
    """Every article in one file, or BadInput for the file or the items that fail."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(
                path_text(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (raise it with --max-size)"
            )
        raw = path.read_bytes()
        yield from READERS[path.suffix.lower()](path, raw)
    except BadInput as e:
        yield e
    except OSError as e:
        yield BadInput(path_text(path), f"cannot read the file: {e.strerror or e}")


def content_hash(article: Article) -> str:
    """Identity of one version of an article: its words and its metadata."""
    meta = [article.title, article.date, article.source, article.url, article.lang]
    return hashlib.sha256(json.dumps([article.text, *meta], ensure_ascii=False).encode()).hexdigest()


def prepare(article: Article) -> ArticleRecord:
    """Split and fingerprint an article: everything ingest derives before the NLP stages."""
    # spaCy's sentencizer and numpy: imported only when there is text to split (an unchanged
    # re-ingest never needs them).
    from pipeline.ingest import dedup, segment

    paragraphs, sentences = segment.split(article.text, article.lang)
    longest = max((s.end - s.start for s in sentences), default=0)
    if longest > MAX_SENTENCE_CHARS:
        raise BadInput(
            article.path or article.key,
            f"a run of {longest:,} characters with no sentence end (the limit is {MAX_SENTENCE_CHARS:,}): "
            "a table or a dump, not an article's prose; split it into sentences or paragraphs first",
        )
    return ArticleRecord(
        article=article,
        content_hash=content_hash(article),
        text_hash=hashlib.sha256(article.text.encode()).hexdigest(),
        simhash=dedup.simhash(article.text, article.lang),
        paragraphs=paragraphs,
        sentences=sentences,
    )


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    max_mb: float = SETTINGS["max_file_mb"].default,  # type: ignore[assignment]
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`; returns what happened to each article.

    workers: processes that run the NLP stages (the store has one writer: this process).
    scheduler: the address of a Dask cluster to run them on instead ("tcp://host:8786").
    Raises StoreBusy when another batch is writing to the same store.
    """
    with writer_lock(store.path):
        return _ingest(paths, store, max_mb=max_mb, progress=progress, workers=workers, scheduler=scheduler)


def _ingest(paths, store: Store, *, max_mb: float, progress, workers: int, scheduler: str | None) -> IngestReport:
    report = IngestReport()
    max_bytes = int(max_mb * 1_000_000)

    def articles() -> Iterator[Article | BadInput | tuple[Article, PageCapture]]:
        for item in find_files(paths):
            if isinstance(item, BadInput):
                yield item
            elif item.name.lower().endswith(ARCHIVE_SUFFIXES):
                yield from archive_articles(item, report, max_bytes=max_bytes)
            else:
                yield from read_articles(item, max_bytes=max_bytes)

    store_articles(articles(), store, report, progress=progress, workers=workers, scheduler=scheduler)
    report.skipped_judgements = [{"id": row["id"], "problem": row["problem"]} for row in store.judgement_log()
                                 if row["problem"] and not row["undone_at"]]
    return report


def archive_articles(path: Path, report: IngestReport, *, max_bytes: int) -> Iterator[BadInput | tuple[Article, PageCapture]]:
    """The on-topic pages of a web archive as articles; off-topic ones go into the report."""
    from pipeline.ingest import warc  # warcio, trafilatura: only when there is an archive
    from pipeline.ingest.relevance import load_relevance
    from pipeline.ingest.webpage import article_from_page, page_text

    relevance = load_relevance()
    for page in warc.read_archive(path, max_bytes=max_bytes):
        if isinstance(page, BadInput):
            yield page
            continue
        where = f"{path}[{page.url}]"
        try:
            may_be, score = relevance.page_may_be_on_topic(page_text(page, where))
            if not may_be:
                report.skip_off_topic(where, score)  # sure without extracting the article: most pages
                continue
            article = article_from_page(page, where=where)
        except BadInput as e:
            yield e
            continue
        on_topic, score = relevance.on_topic(article.text, article.title)
        if on_topic:
            yield article, page
        else:
            report.skip_off_topic(where, score)


def store_articles(
    items: Iterable[Article | BadInput | tuple[Article, PageCapture]],
    store: Store,
    report: Report,
    *,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> None:
    """The one way in for articles, whatever they came from: skip what is stored already, run
    the NLP stages, find reposts, write each article (and the page it was read from) whole.

    items: articles, (article, the web page it was read from), or BadInput to report.
    """
    version = extractor_version()
    # One malformed row of the log made every later ingest fail: it is skipped (and reported by the caller).
    judgements = store.judgements()
    in_flight: dict[str, str] = {}  # key -> content hash of the articles sent to the NLP stages
    later: list[tuple[Article, PageCapture]] = []  # pages of an article in flight, kept once it is written
    repeats: list[Article] = []  # articles read again while their first reading was in flight

    def to_extract() -> Iterator[tuple[Article, tuple]]:
        for item in items:
            if isinstance(item, BadInput):
                report.fail(item.path, item.reason)
                continue
            article, page = item if isinstance(item, tuple) else (item, None)
            if in_flight.get(article.key) == content_hash(article):  # one story by two addresses in a batch
                report.unchanged += 1
                repeats.append(article)
                if page is not None:
                    later.append((article, page))
                continue
            in_flight[article.key] = content_hash(article)
            stored = store.article_by_key(article.key)
            if stored and stored["content_hash"] == content_hash(article) and stored["extractor_version"] == version:
                report.unchanged += 1
                report.record(article.path or article.key, "unchanged", stored["id"])
                if page is not None:
                    store.save_page(article.key, page, author=article.author)  # new validators or a new address, same words
                if progress:
                    progress(article.path or "")
                continue
            if article.date_evidence and article.date_evidence.startswith(DATE_NOT_UNDERSTOOD):
                given = article.date_evidence[len(DATE_NOT_UNDERSTOOD):].strip()
                report.warn(article.path, f"date {given} is not a date (impossible, or not understood); not stored as the date")
            yield article, (stored, page)

    for record, (stored, page) in extract_many(to_extract(), judgements, workers=workers, scheduler=scheduler):
        if isinstance(record, BadInput):
            report.fail(record.path, record.reason)
        else:
            _write(record, stored, store, version, report, page)
            in_flight.pop(record.article.key, None)
        if progress:
            progress(record.path if isinstance(record, BadInput) else record.article.path or "")
    for article, page in later:
        store.save_page(article.key, page, author=article.author)
    for article in repeats:  # written by now (or failed, and then there is no article to name)
        written = store.article_by_key(article.key)
        report.record(article.path or article.key, "unchanged", written["id"] if written else None)
    store.date_yearless_events()
    store.sync_entities([e.to_dict() for e in load_entity_table()])


def rederive(store: Store, article_ids: list[int], judgements: list[dict]) -> list[ArticleRecord]:
    """The records of stored articles extracted again under `judgements`; nothing is written.
    (All are held until written together: a judgement touches the articles that mention two
    entities, not the store.)"""
    records = []
    for article_id in article_ids:
        row = store.article(article_id)
        if row is None:
            continue
        # a date from outside the text (the file's header, a JSON field, the HTML) is kept
        known = row["date_source"] in ("metadata", "html")
        article = Article(
            text=row["text"], title=row["title"], date=row["date"] if known else None,
            date_source=row["date_source"] if known else None,
            date_evidence=row["date_evidence"] if known else None,
            date_confidence=row.get("date_confidence") if known else None, lang=row["lang"], source=row["source"],
            url=row["url"], path=row["path"], key=row["key"],
        )  # fmt: skip
        record = process(article, judgements)
        record.duplicate_of, record.duplicate_score = row["duplicate_of"], row["duplicate_score"]
        records.append(record)
    return records


def process(article: Article, judgements: list[dict]) -> ArticleRecord:
    """Everything derived from one article: pure, so any process or cluster worker can run it."""
    from pipeline.extract.article import extract

    return extract(prepare(article), judgements)


def process_batch(articles: list[Article], judgements: list[dict]) -> list[ArticleRecord | BadInput]:
    """process() for several articles, parsed in one spaCy stream. An article that cannot be
    processed comes back as BadInput in its place: one bad article never costs the others."""
    from pipeline.extract.article import extract_batch

    prepared: list[ArticleRecord | BadInput] = []
    for article in articles:
        try:
            prepared.append(prepare(article))
        except BadInput as e:
            prepared.append(e)
    records = [r for r in prepared if isinstance(r, ArticleRecord)]
    try:
        extract_batch(records, judgements)
    except Exception:
        # Something in one article broke a stage (the message names none): run them one by
        # one, so that only that article is reported and the rest are stored.
        return [r if isinstance(r, BadInput) else _extract_alone(r, judgements) for r in prepared]
    return prepared


def process_one(article: Article, judgements: list[dict]) -> ArticleRecord | BadInput:
    """process_batch() for one article (a cluster worker's unit)."""
    return process_batch([article], judgements)[0]


def _extract_alone(record: ArticleRecord, judgements: list[dict]) -> ArticleRecord | BadInput:
    from pipeline.extract.article import extract_batch

    try:
        return extract_batch([record], judgements)[0]
    except Exception as e:  # any error in any stage: this article is reported, the batch goes on
        return BadInput(record.article.path or record.article.key, f"could not be processed ({type(e).__name__}: {e})")


def _write(record: ArticleRecord, stored, store: Store, version: str, report: Report, page: PageCapture | None) -> None:
    from pipeline.ingest import dedup

    dedup.find_original(record, store)
    article_id = store.write_article(record, extractor_version=version, page=page)
    if stored is None and record.duplicate_of is not None:
        report.duplicates += 1
        outcome = "duplicate"
    elif stored is None:
        report.ingested += 1
        outcome = "ingested"
    elif stored["content_hash"] != record.content_hash:
        report.updated += 1
        outcome = "updated"
    else:
        report.reprocessed += 1
        outcome = "reprocessed"
    report.record(record.article.path or record.article.key, outcome, article_id)
