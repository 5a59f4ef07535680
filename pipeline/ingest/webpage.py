"""A web page -> an Article: the main text, title, site, author and language with trafilatura,
the publication date with htmldate (metadata, the URL, a byline), and the page's identity.

Shared by kb fetch and the web-archive reader, so a page reads the same however it came in.
The identity of a page's article is its canonical URL (<link rel="canonical">, og:url, else the
address after redirects): the same story reached by two addresses is one article, and a page
whose words change updates that article.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

import htmldate
import trafilatura

from pipeline.errors import BadInput
from pipeline.facts import Article, PageCapture
from pipeline.ingest.clean import blocks_of, detect_lang, normalise_date, normalise_text, page_lines, with_byline
from pipeline.ingest.decode import DecodeError, decode

HTML_TYPES = {"text/html", "application/xhtml+xml"}
PAGE_TYPES = HTML_TYPES | {"text/plain"}
# Less text than this is not an article: a login or paywall, a cookie notice, an index page.
MIN_TEXT = {"en": 120, "zh": 40}
_PASSWORD_FIELD = re.compile(rb"<input[^>]+type\s*=\s*[\"']?password", re.IGNORECASE)
_SIGN_IN = re.compile(
    r"\b(?:sign|log)\s?in\b|\bsubscribe\b|\bsubscribers only\b|\bcreate an account\b|登录|登陆|注册|订阅", re.IGNORECASE
)
_HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def media_type(content_type: str | None) -> str | None:
    """"text/html; charset=utf-8" -> "text/html"."""
    return content_type.split(";")[0].strip().lower() or None if content_type else None


def canonical_url(url: str) -> str:
    """An address as an article's identity: no fragment, lower-case scheme and host, no default port."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


def article_from_page(page: PageCapture, *, where: str | None = None) -> Article:
    """The article a page holds, or BadInput (naming `where`, else the page's address) saying
    why there is none: not text, no article text, a login wall, a language we do not read."""
    where = where or page.url
    kind = media_type(page.content_type)
    text = page_text(page, where)
    if kind == "text/plain":
        title, body, meta = None, text, {}
    else:
        title, body, meta = _extracted(text, page.final_url)
    lang = _language(page.body, body, where)
    body = normalise_text(body, lang)
    if len(body) < MIN_TEXT[lang]:
        raise BadInput(where, _why_no_text(page.body, body))
    canonical = _identity(meta.get("url"), page.final_url)
    date = normalise_date(meta.get("date"))
    return Article(
        text=body, title=title, date=date, date_source="metadata" if date else None, lang=lang,
        source=meta.get("sitename") or urlsplit(canonical).hostname, url=canonical, path=where, key=f"url:{canonical}",
        author=meta.get("author"),
    )  # fmt: skip


def page_text(page: PageCapture, where: str) -> str:
    """The page's bytes as text: the charset its server declared, else what the bytes show."""
    if not page.body.strip():
        raise BadInput(where, "empty response: the server sent no content")
    declared = _CHARSET.search(page.content_type or "")
    if declared:
        try:
            return page.body.decode(declared.group(1)).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset header is common: guess from the bytes instead
    try:
        return decode(page.body)[0]
    except DecodeError as e:
        raise BadInput(where, str(e)) from e


def _extracted(html: str, url: str) -> tuple[str | None, str, dict[str, str]]:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )  # fmt: skip
    if doc is None:
        return None, "", {}
    body = blocks_of(doc.text or "")
    title = doc.title or None
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    body = with_byline(page_lines(html), title, body) if body else body
    date = htmldate.find_date(html, url=url, original_date=True, extensive_search=False) or doc.date
    link = _CANONICAL.search(html)
    href = _HREF.search(link.group(0)) if link else None
    meta = {"url": href.group(1) if href else doc.url, "date": date, "sitename": doc.sitename, "author": doc.author}
    return title, body, {k: v for k, v in meta.items() if v}


def _language(raw: bytes, text: str, where: str) -> str:
    """The page's language: what its text shows (en or zh), unless it declares another one."""
    declared = _HTML_LANG.search(raw[:4096])
    lang = declared.group(1).decode().lower() if declared else None
    if lang and lang not in ("en", "zh"):
        raise BadInput(where, f'the page is in language "{lang}"; only English and Chinese are read')
    return detect_lang(text) if text.strip() else (lang or "en")


def _why_no_text(raw: bytes, text: str) -> str:
    if _PASSWORD_FIELD.search(raw) or _SIGN_IN.search(text):
        return "login wall: the page asks to sign in or subscribe and shows no article text"
    if not text:
        return "no article text found on the page"
    return f"too little text for an article ({len(text)} characters): an index or a teaser page?"


def _identity(canonical: str | None, final_url: str) -> str:
    """The canonical address when the page names a plausible one: on its own site (a copy that
    names the original elsewhere stays a page of its own, and dedup finds it a repost, instead
    of both rewriting one article in turn), and not the home page (a site that names its home
    page as every page's canonical would fold all its articles into one)."""
    if canonical:
        absolute = urljoin(final_url, canonical)
        parts = urlsplit(absolute)
        same_site = _site(parts.hostname) == _site(urlsplit(final_url).hostname)
        if parts.scheme in ("http", "https") and parts.path not in ("", "/") and same_site:
            return canonical_url(absolute)
    return canonical_url(final_url)


def _site(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith(("www.", "amp.")) else host.removeprefix("m.")
