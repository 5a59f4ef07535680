"""One reader per file format. Each yields Articles, or BadInput for the items it cannot use.

A reader never stops a batch: a malformed JSON line is reported and the next line is read.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura

from pipeline.errors import BadInput
from pipeline.facts import Article
from pipeline.ingest.clean import (
    detect_lang,
    looks_like_markdown,
    normalise_text,
    normalise_date,
    split_header,
    strip_markdown,
)
from pipeline.ingest.decode import DecodeError, decode

Item = Article | BadInput
_META_FIELDS = ("title", "date", "source", "url", "lang")
# What feeds and scrapers call the publication date of a JSON item, after "date".
_DATE_FIELDS = ("published", "published_at", "publishedAt", "pubDate", "datePublished", "publish_time", "pubdate")


def read_text(path: Path, raw: bytes) -> Iterator[Item]:
    """.txt and .md: an optional header block, then the body."""
    text = _decoded(path, raw)
    meta, body = split_header(text)
    if path.suffix.lower() == ".md" or looks_like_markdown(body):
        body = strip_markdown(body)
    yield _article(path, body, meta, key=f"file:{path.resolve()}", where="header")


def read_html(path: Path, raw: bytes) -> Iterator[Item]:
    """.html/.htm: the main text only (trafilatura drops scripts, styles and navigation)."""
    html = _decoded(path, raw)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = doc.text if doc is not None and doc.text else trafilatura.html2txt(html)
    meta = {"title": doc.title, "date": doc.date, "url": doc.url, "source": doc.sitename} if doc else {}
    meta = {k: v for k, v in meta.items() if v}
    if meta.get("title") and body.startswith(meta["title"]):
        body = body[len(meta["title"]) :]
    article = _article(path, body, meta, key=f"file:{path.resolve()}")
    if article.date:
        article.date_source, article.date_evidence = html_date_evidence(html, article.date, article.url)
        article.date_confidence = 0.9
    yield article


def html_date_evidence(html: str, day: str, url: str | None) -> tuple[str, str]:
    """Where in a page htmldate found its date: ("html", the tag or byline holding it), or
    ("url", the URL) when only the address holds it."""
    y, m, d = day[:4], day[5:7], day[8:10]
    month = calendar.month_abbr[int(m)]
    spelled = "|".join([
        rf"{y}\s*[-/.年]\s*0?{int(m)}\s*[-/.月]\s*0?{int(d)}(?!\d)",  # 2018-06-30, 2018年6月30日
        rf"(?<!\d)0?{int(d)}(?:st|nd|rd|th)?\.?\s+{month}[a-z]*\.?,?\s+{y}",  # 28 Dec 2017
        rf"{month}[a-z]*\.?\s+0?{int(d)}(?:st|nd|rd|th)?,?\s+{y}",  # December 28, 2017
    ])
    for found in re.finditer(spelled, html, re.IGNORECASE):
        before = html[:found.start()]
        opening, closing = before.rfind("<"), before.rfind(">")
        if opening > closing:  # inside a tag: <meta name="publishdate" content="...">, <time datetime="...">
            tag = " ".join(html[opening:html.find(">", found.end()) + 1].split())[:200]
            if re.match(r"<(?:link|a)\b", tag, re.IGNORECASE):  # the page's address: <link rel="canonical">
                return "url", f"URL in the page's {tag}"
            return "html", f"HTML {tag}"
        words = " ".join(re.sub(r"<[^>]*(?:>|$)|^[^<]*>", " ", html[max(closing + 1, found.start() - 60):found.end() + 40]).split())
        if before.rfind("<script") > before.rfind("</script"):
            return "html", f"HTML script (JSON-LD) {words}"
        return "html", f"HTML byline {words}"
    if url and re.search(rf"{y}\D?{m}\D?{d}", urlsplit(url).path):
        return "url", f'URL "{url}" (read by htmldate)'
    return "html", "HTML metadata (htmldate)"


def read_jsonl(path: Path, raw: bytes) -> Iterator[Item]:
    """.jsonl: one article object per line; a bad line is reported with its number."""
    text = _decoded(path, raw)
    lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        raise BadInput(str(path), "empty file: no JSON lines")
    for n, line in lines:
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield BadInput(where, f"malformed JSON line ({e.msg} at column {e.colno})")
            continue
        yield _from_object(path, where, obj, n)


def read_json(path: Path, raw: bytes) -> Iterator[Item]:
    """.json: one article object, or a list of them."""
    text = _decoded(path, raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInput(str(path), f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    if not isinstance(data, list):
        yield _from_object(path, str(path), data, 1)
        return
    if not data:
        raise BadInput(str(path), "empty JSON list: no articles")
    for n, obj in enumerate(data, 1):
        yield _from_object(path, f"{path}[{n}]", obj, n)


READERS: dict[str, Callable[[Path, bytes], Iterator[Item]]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_json,
}


def _decoded(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise BadInput(str(path), "empty file")
    try:
        text, _ = decode(raw)
    except DecodeError as e:
        raise BadInput(str(path), str(e)) from e
    return text


def _from_object(path: Path, where: str, obj: object, n: int) -> Item:
    if not isinstance(obj, dict):
        return BadInput(where, f"expected a JSON object with a \"text\" field, got {type(obj).__name__}")
    body = obj.get("text") or obj.get("content")
    if not isinstance(body, str) or not body.strip():
        return BadInput(where, 'no "text" or "content" field with the article text')
    meta = {k: str(obj[k]) for k in _META_FIELDS if obj.get(k)}
    field = next((k for k in ("date", *_DATE_FIELDS) if obj.get(k)), "date")
    if obj.get(field):
        meta["date"] = str(obj[field])
    # Without a url, an item is known by its file and its id, title or position.
    local = obj.get("id") or obj.get("title") or n
    key = f"url:{meta['url']}" if meta.get("url") else f"file:{path.resolve()}#{local}"
    try:
        return _article(path, body, meta, key=key, where=f'JSON field "{field}"')
    except BadInput as e:
        return BadInput(where, e.reason)


def _article(path: Path, body: str, meta: dict[str, str], *, key: str, where: str = "metadata") -> Article:
    lang = (meta.get("lang") or "").lower()[:2] or detect_lang(body)
    if lang not in ("en", "zh"):
        raise BadInput(str(path), f'language "{meta["lang"]}" is not supported (use en or zh)')
    text = normalise_text(body, lang)
    if not text:
        raise BadInput(str(path), "no article text after the header")
    date = normalise_date(meta.get("date"))
    return Article(
        text=text,
        title=meta.get("title"),
        date=date,
        date_source="metadata" if date else None,
        date_confidence=1.0 if date else None,
        date_evidence=(f'{where} date "{meta["date"]}"' if date else f'{where} date "{meta["date"]}" not understood')
        if meta.get("date") else None,
        lang=lang,
        source=meta.get("source"),
        url=meta.get("url"),
        path=str(path),
        key=f"url:{meta['url']}" if meta.get("url") else key,
    )
