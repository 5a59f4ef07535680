"""kb fetch: addresses, feeds and sitemaps -> downloaded pages -> articles -> the same ingest
as files (pipeline.ingest.store_articles): reposts found, the same store, the same counts.

Downloads run in threads, one per host at a time (each host waits its delay between requests),
several hosts at once, while this thread extracts and writes; a bounded queue between them
keeps only a few pages in memory. A page already stored is asked for with its validators and
costs a 304; a listed page the store fetched after its listed date is not asked for at all. So
an interrupted fetch resumes by running it again.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.errors import BadInput
from pipeline.facts import Article, PageCapture
from pipeline.ingest import extractor_version, store_articles
from pipeline.locks import writer_lock
from pipeline.ingest.feeds import LISTING_TYPES, Entry, entry_is_older, expand_sitemaps, parse_feed, stored_is_current
from pipeline.ingest.fetch import Fetcher, FetchError, FetchSettings, Response
from pipeline.ingest.relevance import load_relevance
from pipeline.ingest.webpage import article_from_page, page_text
from pipeline.store import Store

HOSTS_AT_ONCE = 4
QUEUE_SIZE = 32  # downloaded pages waiting for the NLP stages
LISTING_BYTES = 50_000_000  # the sitemaps protocol allows 50 MB (uncompressed) per sitemap


@dataclass
class FetchReport:
    fetched: int = 0  # pages downloaded (a 304 is not a download)
    ingested: int = 0
    unchanged: int = 0
    updated: int = 0
    reprocessed: int = 0  # same page, re-extracted because the pipeline changed (counted as unchanged)
    duplicates: int = 0
    off_topic: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)  # stored, but something was left out (a date that is none)
    # What became of each page that is an article: {"where": its address, "outcome", "article_id"}
    # (pipeline.ingest.Report.record). Not in to_dict: the CLI's JSON reports counts.
    articles: list[dict] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        self.failed.append({"url": where, "error": reason})

    def record(self, where: str, outcome: str, article_id: int | None) -> None:
        self.articles.append({"where": where, "outcome": outcome, "article_id": article_id})

    def warn(self, where: str, warning: str) -> None:
        self.warnings.append({"url": where, "warning": warning})

    def to_dict(self) -> dict:
        return {
            "fetched": self.fetched, "ingested": self.ingested, "unchanged": self.unchanged + self.reprocessed,
            "updated": self.updated, "duplicates": self.duplicates, "off_topic": list(self.off_topic),
            "failed": list(self.failed),
        }  # fmt: skip


def address_lines(text: str) -> list[str]:
    """The addresses of a list, one a line (`kb fetch --urls FILE`, the app's pasted list):
    blank lines and # comments ignored, each address once, in the order given."""
    lines = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


@dataclass(frozen=True)
class Target:
    """One page to fetch: where it was found, and whether the on-topic filter applies to it."""

    url: str
    listed: Entry | None = None  # from a feed or a sitemap (filtered); None when asked for by name

    @property
    def filtered(self) -> bool:
        return self.listed is not None


def fetch(
    urls: Iterable[str],
    store: Store,
    *,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    since: str | None = None,
    max_pages: int | None = None,
    settings: FetchSettings | None = None,
    hosts_at_once: int = HOSTS_AT_ONCE,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    on_topic_only: bool = True,
    trust_env: bool = True,
) -> FetchReport:
    """Fetch pages (named, and listed by feeds and sitemaps) into `store`; returns the report.

    since: YYYY-MM-DD; pages of feeds and sitemaps dated before it (by the listing, else by the
        page itself) are skipped. Pages named one by one are always taken.
    max_pages: fetch at most this many pages (after --since).
    on_topic_only: keep only the listed pages about the story (pipeline/data/relevance.yaml).
    """
    settings = settings or FetchSettings()
    report = FetchReport()
    with Fetcher(settings, trust_env=trust_env) as fetcher:
        targets = _targets(list(urls), list(feeds), list(sitemaps), fetcher, report)
        targets = [t for t in targets if not (t.listed and entry_is_older(t.listed, since))]
        stored = store.page_validators([t.url for t in targets])
        fresh = [t for t in targets if not (t.listed and stored_is_current(t.listed, stored.get(t.url, (None,) * 3)[2]))]
        report.unchanged += len(targets) - len(fresh)
        to_ask = {target.url for target in fresh}
        for target in targets:
            if target.url not in to_ask:
                kept = store.page(target.url)
                report.record(target.url, "unchanged", kept["article_id"] if kept else None)
        if max_pages is not None:
            fresh = fresh[:max_pages]
        pages = _download(fresh, fetcher, stored, hosts_at_once)
        articles = _articles(pages, store, report, since, on_topic_only=on_topic_only)
        with writer_lock(store.path):  # one batch writes to a store at a time, as for kb ingest
            store_articles(articles, store, report, progress=progress, workers=workers)
    order = {target.url: n for n, target in enumerate(targets)}
    report.failed.sort(key=lambda f: order.get(f["url"], -1))  # feeds and sitemaps first, then pages as given
    return report


def _targets(urls: list[str], feeds: list[str], sitemaps: list[str], fetcher: Fetcher, report: FetchReport) -> list[Target]:
    """Every page to fetch, each once, in the order given: named ones, then feeds', then sitemaps'."""
    found: dict[str, Target] = {}
    for url in urls:
        found.setdefault(url.strip(), Target(url.strip()))

    def listing(url: str) -> bytes:
        response = fetcher.get(url, accept=LISTING_TYPES, max_bytes=LISTING_BYTES)
        return response.page.body

    for feed in feeds:
        try:
            entries = parse_feed(listing(feed), feed)
        except BadInput as e:
            report.fail(e.path, e.reason)
            continue
        for entry in entries:
            found.setdefault(entry.url, Target(entry.url, entry))
    for entry in expand_sitemaps(sitemaps, listing, report.fail, max_bytes=LISTING_BYTES):
        found.setdefault(entry.url, Target(entry.url, entry))
    return list(found.values())


def _download(
    targets: list[Target], fetcher: Fetcher, stored: dict, hosts_at_once: int
) -> Iterator[tuple[Target, Response | FetchError]]:
    """(target, response or error) as downloads finish: hosts in parallel, each host in order."""
    by_host: dict[str, list[Target]] = {}
    for target in targets:
        by_host.setdefault(urlsplit(target.url).netloc.lower(), []).append(target)
    hosts: queue.Queue = queue.Queue()
    for host_targets in by_host.values():
        hosts.put(host_targets)
    done: queue.Queue = queue.Queue(maxsize=QUEUE_SIZE)
    stop = threading.Event()
    finished = object()

    def hand_over(item) -> bool:
        while not stop.is_set():
            try:
                done.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def worker() -> None:
        try:
            while not stop.is_set():
                try:
                    host_targets = hosts.get_nowait()
                except queue.Empty:
                    return
                for target in host_targets:
                    if stop.is_set():
                        return
                    etag, last_modified, _ = stored.get(target.url, (None, None, None))
                    try:
                        result: Response | FetchError = fetcher.get(target.url, etag=etag, last_modified=last_modified)
                    except FetchError as e:
                        result = e
                    if not hand_over((target, result)):
                        return
        finally:
            hand_over(finished)

    threads = [threading.Thread(target=worker, daemon=True, name="kb-fetch") for _ in range(max(1, min(hosts_at_once, len(by_host))))]
    for thread in threads:
        thread.start()
    running = len(threads)
    try:
        while running:
            item = done.get()
            if item is finished:
                running -= 1
                continue
            yield item
    finally:
        stop.set()  # an interruption (Ctrl-C, an error downstream) stops the downloads too


def _articles(
    pages: Iterator[tuple[Target, Response | FetchError]], store: Store, report: FetchReport, since: str | None, *,
    on_topic_only: bool,
) -> Iterator[BadInput | tuple[Article, PageCapture]]:
    """Downloaded pages as articles for store_articles: failures reported, off-topic pages listed."""
    relevance = load_relevance()
    version = extractor_version()
    for target, result in pages:
        if isinstance(result, FetchError):
            yield result
            continue
        page = result.page
        if result.not_modified:
            kept = store.page(target.url)
            if kept is None or kept["extractor_version"] == version:
                report.unchanged += 1
                report.record(target.url, "unchanged", kept["article_id"] if kept else None)
                continue
            # The page has not changed but the pipeline has: read the stored copy again.
            page = PageCapture(
                url=target.url, final_url=kept["final_url"], body=kept["html"], content_type=kept["content_type"],
                etag=kept["etag"], last_modified=kept["last_modified"],
            )  # fmt: skip
        else:
            report.fetched += 1
        try:
            if target.filtered and on_topic_only:
                may_be, score = relevance.page_may_be_on_topic(page_text(page, target.url))
                if not may_be:  # sure without extracting the article
                    report.off_topic.append({"url": target.url, "score": score})
                    continue
            article = article_from_page(page)
        except BadInput as e:
            yield e
            continue
        if target.filtered and since and article.date and article.date < since:
            continue
        if target.filtered and on_topic_only:
            on_topic, score = relevance.on_topic(article.text, article.title)
            if not on_topic:
                report.off_topic.append({"url": target.url, "score": score})
                continue
        yield article, page
