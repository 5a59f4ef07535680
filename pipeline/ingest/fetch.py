"""Downloading politely: one HTTP client with a clear user agent that reads robots.txt, waits
between requests to one host, times out, retries 429/5xx with backoff, follows a limited number
of redirects, stops at a size cap, accepts only the content types asked for, and asks again
with the validators of the stored copy (ETag, Last-Modified) so an unchanged page costs a 304.

Every failure is a FetchError naming the address and the reason in words; nothing here stops a
batch. Safe to share between threads (one thread per host is how kb fetch uses it).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from pipeline.errors import BadInput
from pipeline.facts import PageCapture
from pipeline.ingest.webpage import PAGE_TYPES, media_type

ROBOTS_AGENT = "duanzhilian-kb"
USER_AGENT = f"{ROBOTS_AGENT}/0.1 (a news knowledge base of the payment disconnection; reads robots.txt; python-httpx)"
REDIRECTS = {301, 302, 303, 307, 308}
RETRIED = {429, 500, 502, 503, 504}
READ_ALLOWANCE = 3  # a whole answer may take this many timeouts to arrive
REASONS = {401: "access refused: the page needs a login (HTTP 401)", 403: "access refused (HTTP 403 Forbidden)",
           404: "page not found (HTTP 404)", 410: "page gone (HTTP 410): the site removed it"}  # fmt: skip


class FetchError(BadInput):
    """An address that could not be fetched; `path` is the address, `reason` says why."""


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how patiently to download.

    delay: seconds between two requests to one host (robots.txt's Crawl-delay may ask for more).
    timeout: seconds to connect, and to wait for each part of the answer.
    retries: further attempts after a 429 or a 5xx answer, waiting backoff, 2 x backoff, ...
    max_bytes: a larger answer is refused (a page is never megabytes of text).
    """

    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    max_retry_after: float = 60.0
    max_redirects: int = 5
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """What a GET brought back: a page (status 200) or "not modified" (304, no body)."""

    status: int
    page: PageCapture

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """The HTTP client of kb fetch. Use as a context manager, or call close()."""

    def __init__(self, settings: FetchSettings | None = None, *, trust_env: bool = True):
        self.settings = settings or FetchSettings()
        self.client = httpx.Client(
            follow_redirects=False, timeout=self.settings.timeout, trust_env=trust_env,
            headers={"User-Agent": self.settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5"},
        )  # fmt: skip
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str] = {}  # origin -> rules, or why it refuses all

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        *,
        accept: frozenset[str] | set[str] = frozenset(PAGE_TYPES),
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET `url`, following redirects; raises FetchError with the reason when it fails.

        max_bytes: a larger answer is refused (default: the settings' cap; sitemaps may be larger).
        """
        _check_address(url)
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        chain = [url]
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._check_robots(url, current)
            status, headers, body = self._request(url, current, conditional, accept, max_bytes or self.settings.max_bytes)
            if status in REDIRECTS:
                location = headers.get("location")
                if not location:
                    raise FetchError(url, f"redirect (HTTP {status}) without a Location header")
                current = urljoin(current, location).split("#")[0]
                _check_address(current, where=url)
                if current in chain:
                    raise FetchError(url, f"redirect loop: {' -> '.join(chain + [current])}")
                chain.append(current)
                continue
            page = PageCapture(
                url=url, final_url=current, body=body, content_type=headers.get("content-type"),
                etag=headers.get("etag"), last_modified=headers.get("last-modified"),
            )  # fmt: skip
            return Response(status=status, page=page)
        raise FetchError(url, f"too many redirects (more than {self.settings.max_redirects}): {' -> '.join(chain)}")

    # -- one request, with retries ------------------------------------------------------------

    def _request(self, url: str, current: str, conditional: dict, accept, cap: int) -> tuple[int, httpx.Headers, bytes]:
        for attempt in range(self.settings.retries + 1):
            self._wait_turn(current)
            wait = None
            try:
                with self.client.stream("GET", current, headers=conditional) as answer:
                    status = answer.status_code
                    if status in RETRIED and attempt < self.settings.retries:
                        asked = _retry_after(answer.headers.get("retry-after"), self.settings.max_retry_after)
                        wait = asked if asked is not None else self.settings.backoff * 2**attempt
                    elif status in REDIRECTS or status == 304:
                        return status, answer.headers, b""
                    elif status != 200:
                        raise FetchError(url, _status_reason(status, answer.reason_phrase, attempt))
                    else:
                        return status, answer.headers, self._body(url, answer, accept, cap)
            except (httpx.RemoteProtocolError, httpx.ReadError) as e:  # a dropped connection: worth another try
                if attempt == self.settings.retries:
                    raise FetchError(url, _network_reason(e, current, self.settings.timeout)) from e
                wait = self.settings.backoff * 2**attempt
            except httpx.HTTPError as e:
                raise FetchError(url, _network_reason(e, current, self.settings.timeout)) from e
            time.sleep(wait)  # with the connection closed
        raise FetchError(url, "no answer after the retries")  # not reached: the last attempt returns or raises

    def _body(self, url: str, answer: httpx.Response, accept, cap: int) -> bytes:
        kind = media_type(answer.headers.get("content-type"))
        if kind is not None and kind not in accept:
            raise FetchError(url, f"not a web page: the server sent {kind} (accepted: {', '.join(sorted(accept))})")
        declared = answer.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"too large: {int(declared) / 1e6:.1f} MB, over the {cap / 1e6:g} MB limit")
        chunks, size = [], 0
        # httpx's timeout bounds each read; a server dripping bytes would never trip it.
        deadline = time.monotonic() + READ_ALLOWANCE * self.settings.timeout
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"too large: over the {cap / 1e6:g} MB limit")
            if time.monotonic() > deadline:
                raise FetchError(url, f"too slow: the page took over {READ_ALLOWANCE * self.settings.timeout:g} s to arrive")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """Keep `delay` seconds (or robots.txt's Crawl-delay) between two requests to a host."""
        host = _origin(url)
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            rules = self._robots.get(host)
            crawl_delay = rules.crawl_delay(ROBOTS_AGENT) if isinstance(rules, RobotFileParser) else None
            delay = max(self.settings.delay, float(crawl_delay or 0))
            wait = self._last_request.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request[host] = time.monotonic()

    # -- robots.txt ---------------------------------------------------------------------------

    def _check_robots(self, url: str, current: str) -> None:
        if not self.settings.robots:
            return
        origin = _origin(current)
        with self._lock:
            host_lock = self._host_locks.setdefault(origin, threading.Lock())
        if origin not in self._robots:
            rules = self._read_robots(url, origin)
            with host_lock:
                self._robots.setdefault(origin, rules)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(ROBOTS_AGENT, current):
            raise FetchError(url, f"refused by robots.txt: {origin}/robots.txt disallows {urlsplit(current).path or '/'}")

    def _read_robots(self, url: str, origin: str) -> RobotFileParser | str:
        """The host's rules (RFC 9309): none found (4xx) allows all; a server error refuses all."""
        rules = RobotFileParser(f"{origin}/robots.txt")
        self._wait_turn(origin)
        try:
            answer = self.client.get(f"{origin}/robots.txt", follow_redirects=True)
        except httpx.HTTPError as e:
            raise FetchError(url, _network_reason(e, origin, self.settings.timeout)) from e
        if answer.status_code >= 500:
            return f"robots.txt of {origin} answered HTTP {answer.status_code}: the site is treated as closed to robots"
        rules.parse(answer.text.splitlines() if answer.status_code == 200 else [])
        return rules


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_address(url: str, *, where: str | None = None) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(where or url, f"not a web address: {url!r} (use http:// or https://)")


def _retry_after(value: str | None, cap: float) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), at most `cap`."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), cap)


def _status_reason(status: int, phrase: str, attempt: int) -> str:
    if status in REASONS:
        return REASONS[status]
    tried = f" after {attempt + 1} attempts" if attempt else ""
    return f"server error (HTTP {status} {phrase}){tried}" if status >= 500 else f"HTTP {status} {phrase}{tried}"


def _network_reason(error: httpx.HTTPError, url: str, timeout: float) -> str:
    host = urlsplit(url).netloc
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"DNS lookup failed: no such host {urlsplit(url).hostname!r}"
        if isinstance(cause, ConnectionRefusedError):
            return f"cannot connect to {host}: connection refused (is the host up?)"
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    if isinstance(error, httpx.TimeoutException):
        stage = "connecting to" if isinstance(error, httpx.ConnectTimeout) else "waiting for"
        return f"timed out after {timeout:g} s {stage} {host}"
    if "Name or service not known" in text or "nodename nor servname" in text or "name resolution" in text:
        return f"DNS lookup failed: no such host {urlsplit(url).hostname!r}"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect to {host}: {text or 'connection failed'}"
    return f"network error with {host}: {text or type(error).__name__}"
