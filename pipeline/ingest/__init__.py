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

from pipeline.errors import BadInput
from pipeline.extract.article import extract, extract_batch
from pipeline.extract.entities import load_entity_table
from pipeline.facts import Article, ArticleRecord
from pipeline.ingest import dedup, segment
from pipeline.ingest.engines import extract_many
from pipeline.ingest.readers import READERS
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
    failed: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


# What turns text into facts. A change here re-extracts every article on the next ingest; a
# change to the views, the app or the CLI does not.
EXTRACTION_CODE = ("ingest", "extract", "data", "facts.py")
NOT_EXTRACTION = {"questions.yaml"}


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
                if p.is_file() and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.stem.upper() not in FOLDER_NOTES
            )  # fmt: skip
            if not found:
                yield BadInput(str(path), f"nothing to ingest: no {', '.join(SUPPORTED)} files in this folder")
            yield from found
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                yield BadInput(str(path), f"unsupported file type {path.suffix or '(none)'}; use {', '.join(SUPPORTED)}")
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
    version = extractor_version()
    judgements = store.judgements()

    def to_extract() -> Iterator[tuple[Article, object]]:
        for item in find_files(paths):
            if isinstance(item, BadInput):
                report.failed.append({"path": item.path, "error": item.reason})
                continue
            for article in read_articles(item, max_bytes=int(max_mb * 1_000_000)):
                if isinstance(article, BadInput):
                    report.failed.append({"path": article.path, "error": article.reason})
                    continue
                stored = store.article_by_key(article.key)
                if stored and stored["content_hash"] == content_hash(article) and stored["extractor_version"] == version:
                    report.unchanged += 1
                    if progress:
                        progress(article.path or "")
                    continue
                yield article, stored

    for record, stored in extract_many(to_extract(), judgements, workers=workers, scheduler=scheduler):
        _write(record, stored, store, version, report)
        if progress:
            progress(record.article.path or "")
    store.sync_entities([e.to_dict() for e in load_entity_table()])
    return report


def reextract(store: Store, article_ids: list[int]) -> int:
    """Derive the facts of stored articles again from their stored text (after a judgement)."""
    version = extractor_version()
    judgements = store.judgements()
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
        store.write_article(record, extractor_version=version)
    store.sync_entities([e.to_dict() for e in load_entity_table()])
    return len(article_ids)


def process(article: Article, judgements: list[dict]) -> ArticleRecord:
    """Everything derived from one article: pure, so any process or cluster worker can run it."""
    return extract(prepare(article), judgements)


def process_batch(articles: list[Article], judgements: list[dict]) -> list[ArticleRecord]:
    """process() for several articles, parsed in one spaCy stream."""
    return extract_batch([prepare(a) for a in articles], judgements)


def _write(record: ArticleRecord, stored, store: Store, version: str, report: IngestReport) -> None:
    dedup.find_original(record, store)
    store.write_article(record, extractor_version=version)
    if stored is None and record.duplicate_of is not None:
        report.duplicates += 1
    elif stored is None:
        report.ingested += 1
    elif stored["content_hash"] != record.content_hash:
        report.updated += 1
    else:
        report.reprocessed += 1
