"""Batch ingestion: files -> cleaned articles -> records -> the store, one article at a time.

Safe to re-run: an article whose key and content are already stored is skipped before any
NLP runs; an edited one replaces its old version and facts; a killed run loses at most the
article in flight, and running again completes the batch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from pipeline.errors import BadInput
from pipeline.extract.article import extract, extract_batch
from pipeline.extract.entities import load_entity_table
from pipeline.facts import Article, ArticleRecord, PageCapture
from pipeline.ingest import dedup, segment, warc
from pipeline.ingest.engines import extract_many
from pipeline.ingest.readers import READERS
from pipeline.ingest.relevance import load_relevance
from pipeline.ingest.webpage import article_from_page, page_text
from pipeline.settings import SETTINGS
from pipeline.store import Store

SUPPORTED = sorted(READERS)
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

    def fail(self, where: str, reason: str) -> None:
        self.failed.append({"path": where, "error": reason})

    def skip_off_topic(self, where: str, score: float) -> None:
        self.off_topic.append({"path": where, "score": score})

    def to_dict(self) -> dict:
        return asdict(self)


class Report(Protocol):
    """What store_articles counts into: IngestReport here, FetchReport for kb fetch."""

    ingested: int
    unchanged: int
    updated: int
    reprocessed: int
    duplicates: int

    def fail(self, where: str, reason: str) -> None: ...


# What turns text into facts. A change here re-extracts every article on the next ingest; a
# change to the views, the app or the CLI does not.
EXTRACTION_CODE = ("ingest", "extract", "data", "facts.py")
# Files that decide what comes in, not what is read from it (downloads, archives, the on-topic filter).
NOT_EXTRACTION = {"questions.yaml", "relevance.yaml", "fetch.py", "feeds.py", "warc.py", "relevance.py", "crawl.py"}


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
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and (p.suffix.lower() in READERS or warc.is_archive(p))
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.stem.upper() not in FOLDER_NOTES
            )  # fmt: skip
            if not found:
                yield BadInput(str(path), f"nothing to ingest: no {', '.join(SUPPORTED)} files or web archives in this folder")
            yield from found
        elif path.is_file():
            if path.suffix.lower() in READERS or warc.is_archive(path):
                yield path
            else:
                yield BadInput(str(path), f"unsupported file type {path.suffix or '(none)'}; use {', '.join(SUPPORTED)} or a web archive (.warc.gz)")
        else:
            yield BadInput(str(path), "no such file or folder")


def read_articles(path: Path, *, max_bytes: int) -> Iterator[Article | BadInput]:
    """Every article in one file, or BadInput for the file or the items that fail."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(
                str(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (raise it with --max-size)"
            )
        raw = path.read_bytes()
        yield from READERS[path.suffix.lower()](path, raw)
    except BadInput as e:
        yield e
    except OSError as e:
        yield BadInput(str(path), f"cannot read the file: {e.strerror or e}")


def content_hash(article: Article) -> str:
    """Identity of one version of an article: its words and its metadata."""
    meta = [article.title, article.date, article.source, article.url, article.lang]
    return hashlib.sha256(json.dumps([article.text, *meta], ensure_ascii=False).encode()).hexdigest()


def prepare(article: Article) -> ArticleRecord:
    """Split and fingerprint an article: everything ingest derives before the NLP stages."""
    paragraphs, sentences = segment.split(article.text, article.lang)
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
    """
    report = IngestReport()
    max_bytes = int(max_mb * 1_000_000)

    def articles() -> Iterator[Article | BadInput | tuple[Article, PageCapture]]:
        for item in find_files(paths):
            if isinstance(item, BadInput):
                yield item
            elif warc.is_archive(item):
                yield from archive_articles(item, report, max_bytes=max_bytes)
            else:
                yield from read_articles(item, max_bytes=max_bytes)

    store_articles(articles(), store, report, progress=progress, workers=workers, scheduler=scheduler)
    return report


def archive_articles(path: Path, report: IngestReport, *, max_bytes: int) -> Iterator[BadInput | tuple[Article, PageCapture]]:
    """The on-topic pages of a web archive as articles; off-topic ones go into the report."""
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
    judgements = store.judgements()
    in_flight: dict[str, str] = {}  # key -> content hash of the articles sent to the NLP stages
    later: list[tuple[Article, PageCapture]] = []  # pages of an article in flight, kept once it is written

    def to_extract() -> Iterator[tuple[Article, tuple]]:
        for item in items:
            if isinstance(item, BadInput):
                report.fail(item.path, item.reason)
                continue
            article, page = item if isinstance(item, tuple) else (item, None)
            if in_flight.get(article.key) == content_hash(article):  # one story by two addresses in a batch
                report.unchanged += 1
                if page is not None:
                    later.append((article, page))
                continue
            in_flight[article.key] = content_hash(article)
            stored = store.article_by_key(article.key)
            if stored and stored["content_hash"] == content_hash(article) and stored["extractor_version"] == version:
                report.unchanged += 1
                if page is not None:
                    store.save_page(article.key, page, author=article.author)  # new validators or a new address, same words
                if progress:
                    progress(article.path or "")
                continue
            yield article, (stored, page)

    for record, (stored, page) in extract_many(to_extract(), judgements, workers=workers, scheduler=scheduler):
        _write(record, stored, store, version, report, page)
        in_flight.pop(record.article.key, None)
        if progress:
            progress(record.article.path or "")
    for article, page in later:
        store.save_page(article.key, page, author=article.author)
    store.sync_entities([e.to_dict() for e in load_entity_table()])


def reextract(store: Store, article_ids: list[int]) -> int:
    """Derive the facts of stored articles again from their stored text (after a judgement)."""
    version = extractor_version()
    judgements = store.judgements()
    for article_id in article_ids:
        row = store.article(article_id)
        if row is None:
            continue
        known = row["date_source"] == "metadata"
        article = Article(
            text=row["text"], title=row["title"], date=row["date"] if known else None,
            date_source="metadata" if known else None, lang=row["lang"], source=row["source"],
            url=row["url"], path=row["path"], key=row["key"],
        )  # fmt: skip
        record = process(article, judgements)
        record.duplicate_of, record.duplicate_score = row["duplicate_of"], row["duplicate_score"]
        store.write_article(record, extractor_version=version)
    store.sync_entities([e.to_dict() for e in load_entity_table()])
    return len(article_ids)


def process(article: Article, judgements: list[dict]) -> ArticleRecord:
    """Everything derived from one article: pure, so any process or cluster worker can run it."""
    return extract(prepare(article), judgements)


def process_batch(articles: list[Article], judgements: list[dict]) -> list[ArticleRecord]:
    """process() for several articles, parsed in one spaCy stream."""
    return extract_batch([prepare(a) for a in articles], judgements)


def _write(record: ArticleRecord, stored, store: Store, version: str, report: Report, page: PageCapture | None) -> None:
    dedup.find_original(record, store)
    store.write_article(record, extractor_version=version, page=page)
    if stored is None and record.duplicate_of is not None:
        report.duplicates += 1
    elif stored is None:
        report.ingested += 1
    elif stored["content_hash"] != record.content_hash:
        report.updated += 1
    else:
        report.reprocessed += 1
