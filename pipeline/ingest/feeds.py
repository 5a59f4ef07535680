"""Where an outlet lists its articles: RSS and Atom feeds (feedparser) and sitemaps (sitemap
indexes followed, gzipped sitemaps read). Each gives entries: an address and, when the listing
says, a date, so --since can skip old articles before anything is downloaded.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import feedparser
from lxml import etree

from pipeline.errors import BadInput
from pipeline.ingest.clean import normalise_date

LISTING_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-gzip", "application/gzip", "application/octet-stream", "text/plain", "text/html",
})  # fmt: skip
SITEMAP_DEPTH = 3  # an index of indexes of sitemaps, at most
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class Entry:
    """An article an outlet lists: its address, its date when listed (YYYY-MM-DD), the listing."""

    url: str
    date: str | None
    listing: str


def parse_feed(body: bytes, url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed; BadInput when it is not one or cannot be read."""
    # Bytes, never a str: feedparser would take a string for an address or a file name.
    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        detail = f": {_first_line(problem)}" if problem else ""
        raise BadInput(url, f"malformed feed, not RSS or Atom{detail}")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next((x.get("href") for x in item.get("links", []) if x.get("href")), None)
        if not link:
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", when) if when else None
        entries.append(Entry(url=link.strip(), date=date, listing=url))
    return entries


def parse_sitemap(body: bytes, url: str, *, max_bytes: int) -> tuple[list[Entry], list[str]]:
    """(the pages, the child sitemaps) a sitemap or sitemap index lists; BadInput when malformed."""
    if body[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, max_bytes)
        except zlib.error as e:
            raise BadInput(url, f"malformed sitemap: damaged gzip data ({e})") from e
        if inflater.unconsumed_tail:
            raise BadInput(url, f"sitemap too large: over {max_bytes / 1e6:g} MB once unzipped")
        if not inflater.eof:
            raise BadInput(url, "malformed sitemap: damaged gzip data (it ends too soon)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise BadInput(url, f"malformed sitemap: {e}") from e
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        return [], [loc for loc in _locs(root, "sitemap")]
    if tag != "urlset":
        raise BadInput(url, f"not a sitemap: the root element is <{tag}>, not <urlset> or <sitemapindex>")
    pages = []
    for node in root.iter(f"{_SITEMAP_NS}url", "url"):
        loc = _text(node, "loc")
        if loc:
            listed = _text(node, "publication_date") or _text(node, "lastmod")
            pages.append(Entry(url=loc, date=normalise_date(listed[:10]) if listed else None, listing=url))
    return pages, []


def expand_sitemaps(
    roots: list[str],
    download: Callable[[str], bytes],
    fail: Callable[[str, str], None],
    *,
    max_bytes: int,
) -> Iterator[Entry]:
    """Every page the sitemaps list, following indexes (depth-first, each sitemap once).

    download(url) -> bytes raises BadInput; fail(url, reason) records one that cannot be read.
    """
    seen: set[str] = set()

    def walk(url: str, depth: int) -> Iterator[Entry]:
        if url in seen:
            return
        seen.add(url)
        if depth > SITEMAP_DEPTH:
            fail(url, f"sitemap index nested deeper than {SITEMAP_DEPTH} levels; not followed")
            return
        try:
            pages, children = parse_sitemap(download(url), url, max_bytes=max_bytes)
        except BadInput as e:
            fail(e.path, e.reason)
            return
        yield from pages
        for child in children:
            yield from walk(child, depth + 1)

    for root in roots:
        yield from walk(root, 0)


def entry_is_older(entry: Entry, since: str | None) -> bool:
    return bool(since and entry.date and entry.date < since)


def stored_is_current(entry: Entry, fetched_at: str | None) -> bool:
    """The stored copy was fetched after the day the listing says the page last changed."""
    return bool(entry.date and fetched_at and fetched_at[:10] > entry.date)


def _locs(root, element: str) -> list[str]:
    return [t for node in root.iter(f"{_SITEMAP_NS}{element}", element) if (t := _text(node, "loc"))]


def _text(node, name: str) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text:
            return child.text.strip()
    return None


def _first_line(problem: object) -> str:
    return str(problem).strip().splitlines()[0] if str(problem).strip() else type(problem).__name__
