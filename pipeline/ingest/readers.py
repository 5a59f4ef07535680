"""One reader per file format. Each yields Articles, or BadInput for the items it cannot use.

A reader never stops a batch: a malformed JSON line is reported and the next line is read.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.errors import BadInput
from pipeline.extract.time.pubdate import find_publication_date
from pipeline.extract.time.pubdate_text import url_date
from pipeline.facts import Article
from pipeline.ingest.clean import (
    blocks_of,
    detect_lang,
    looks_like_a_wall,
    looks_like_markdown,
    normalise_text,
    normalise_date,
    page_lines,
    split_header,
    strip_markdown,
    with_byline,
)
from pipeline.ingest.decode import DecodeError, decode
from pipeline.ingest.names import path_text

Item = Article | BadInput
_META_FIELDS = ("title", "date", "source", "url", "lang")
# What feeds and scrapers call the publication date of a JSON item, after "date".
_DATE_FIELDS = ("published", "published_at", "publishedAt", "pubDate", "datePublished", "publish_time", "pubdate")
# date_evidence of an article whose source gave a date that is none (2018-02-30, "tomorrow"):
# ingest reports it as a warning, and the date is read from the text if it can be.
DATE_NOT_UNDERSTOOD = "not a date, in the source's metadata:"


def read_text(path: Path, raw: bytes) -> Iterator[Item]:
    """.txt and .md: an optional header block, then the body."""
    text = _decoded(path, raw)
    meta, body = split_header(text)
    if path.suffix.lower() == ".md" or looks_like_markdown(body):
        body = strip_markdown(body)
    yield _article(path, body, meta, key=_file_key(path), where="header")


def read_html(path: Path, raw: bytes) -> Iterator[Item]:
    """.html/.htm: the main text only (trafilatura drops scripts, styles and navigation)."""
    import trafilatura  # half a second to import: only for a batch with HTML in it

    html = _decoded(path, raw)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = blocks_of(doc.text if doc is not None and doc.text else trafilatura.html2txt(html))
    if not re.search(r"\w{2,}.*[.!?。！？]", body, re.DOTALL) and len(body.strip()) < 200:
        # Navigation words and nothing that reads as a sentence: the page holds no article.
        raise BadInput(path_text(path), "no article text: a login or subscription page? (save the article's own page or text)")
    meta = {"title": doc.title, "date": doc.date, "url": doc.url, "source": doc.sitename} if doc else {}
    meta = {k: v for k, v in meta.items() if v}
    if meta.get("title") and body.startswith(meta["title"]):
        body = body[len(meta["title"]) :]
    page = page_lines(html)  # the byline and, when nothing else dates the page, its release line
    body = with_byline(page, meta.get("title"), body)
    article = _article(path, body, meta, key=_file_key(path))
    if article.date:
        article.date_source, article.date_evidence = html_date_evidence(html, article.date, article.url)
        article.date_confidence = 0.9
    elif not article.url or url_date(article.url) is None:
        # the byline htmldate did not read sits beside the title, outside the main text
        _date_from_page_text(article, page)
    yield article


def _date_from_page_text(article: Article, page: str) -> None:
    """The release line or byline of a page's whole text ("2018-06-30 10:15 来源：…"), read from
    its title on, the way pubdate reads the top of an article."""
    at = page.find(article.title) if article.title else -1
    found = find_publication_date(page[at:] if at >= 0 else page, article.lang or "en")
    if found.value is not None and found.source == "dateline" and len(found.value) == 10:
        article.date, article.date_source, article.date_confidence = found.value, "html", found.confidence - 0.1
        article.date_evidence = f"HTML page text: {found.evidence}"


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
        raise BadInput(path_text(path), "empty file: no JSON lines")
    for n, line in lines:
        where = f"{path_text(path)}:{n}"
        try:
            obj = _parse_json(line)
        except json.JSONDecodeError as e:
            yield BadInput(where, f"malformed JSON line ({e.msg} at column {e.colno})")
            continue
        except BadInput as e:
            yield BadInput(where, e.reason)
            continue
        yield _from_object(path, where, obj, n)


def read_json(path: Path, raw: bytes) -> Iterator[Item]:
    """.json: one article object, or a list of them."""
    text = _decoded(path, raw)
    try:
        data = _parse_json(text)
    except BadInput as e:
        raise BadInput(path_text(path), e.reason) from e
    except json.JSONDecodeError as e:
        raise BadInput(path_text(path), f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    if not isinstance(data, list):
        yield _from_object(path, path_text(path), data, 1)
        return
    if not data:
        raise BadInput(path_text(path), "empty JSON list: no articles")
    for n, obj in enumerate(data, 1):
        yield _from_object(path, f"{path_text(path)}[{n}]", obj, n)


READERS: dict[str, Callable[[Path, bytes], Iterator[Item]]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_json,
}


def _parse_json(text: str) -> object:
    """json.loads, with the two ways a hostile file made it raise something else than a
    JSONDecodeError (which stopped the whole batch) turned into BadInput."""
    try:
        return json.loads(text)
    except RecursionError as e:
        raise BadInput("", "JSON nested too deeply to read (arrays or objects inside one another a thousand deep)") from e
    except json.JSONDecodeError:
        raise
    except ValueError as e:  # Python refuses to read an integer of more than 4,300 digits
        raise BadInput("", f"a JSON number too long to read ({str(e).split(':')[0]})") from e


def _file_key(path: Path) -> str:
    return f"file:{path_text(path.resolve())}"


def _decoded(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise BadInput(path_text(path), "empty file")
    try:
        text, _ = decode(raw)
    except DecodeError as e:
        raise BadInput(path_text(path), str(e)) from e
    return text


def _from_object(path: Path, where: str, obj: object, n: int) -> Item:
    if not isinstance(obj, dict):
        return BadInput(where, f"expected a JSON object with a \"text\" field, got {type(obj).__name__}")
    body = obj.get("text") or obj.get("content")
    if not isinstance(body, str) or not body.strip():
        return BadInput(where, 'no "text" or "content" field with the article text')
    for k in _META_FIELDS:
        if isinstance(obj.get(k), (dict, list)):
            return BadInput(where, f'"{k}" must be text, not a JSON {"object" if isinstance(obj[k], dict) else "list"}')
    meta = {k: str(obj[k]) for k in _META_FIELDS if obj.get(k)}
    field = next((k for k in ("date", *_DATE_FIELDS) if obj.get(k)), "date")
    if obj.get(field):
        meta["date"] = str(obj[field])
    # Without a url, an item is known by its file and its id, else its words: by its position,
    # an item added to a list "updated" every one after it; by its title, two press releases
    # called alike replaced each other.
    local = obj.get("id") if isinstance(obj.get("id"), (str, int)) and obj.get("id") != "" else None
    if local is None:
        local = "text:" + hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    key = f"url:{meta['url']}" if meta.get("url") else f"{_file_key(path)}#{local}"
    try:
        return _article(path, body, meta, key=key, where=f'JSON field "{field}"')
    except BadInput as e:
        return BadInput(where, e.reason)


def _article(path: Path, body: str, meta: dict[str, str], *, key: str, where: str = "metadata") -> Article:
    lang = (meta.get("lang") or "").lower()[:2] or detect_lang(body)
    if lang not in ("en", "zh"):
        raise BadInput(path_text(path), f'language "{meta["lang"]}" is not supported (use en or zh)')
    text = normalise_text(body, lang)
    if not text:
        raise BadInput(path_text(path), "no article text after the header")
    if looks_like_a_wall(text):
        raise BadInput(path_text(path), "no article text: a login or subscription page? (save the article's own page or text)")
    date = normalise_date(meta.get("date"))
    return Article(
        text=text,
        title=meta.get("title"),
        date=date,
        date_source="metadata" if date else None,
        date_confidence=1.0 if date else None,
        date_evidence=(f'{where} date "{meta["date"]}"' if date else f'{DATE_NOT_UNDERSTOOD} "{meta["date"]}"')
        if meta.get("date") else None,
        lang=lang,
        source=meta.get("source"),
        url=meta.get("url"),
        path=path_text(path),
        key=f"url:{meta['url']}" if meta.get("url") else key,
    )
