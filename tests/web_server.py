"""A small web site on 127.0.0.x for the fetch tests and benchmark: no test touches the internet.

`serve(routes)` starts a threading http.server in a daemon thread and yields its base address.
A route is a Page (status, type, body, validators, a delay, extra headers) or a function of the
request handler that returns one; every request is logged on `site.requests` for assertions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    drip: float = 0.0  # seconds between ten slices of the body (a server that trickles)


Route = Page | Callable[[BaseHTTPRequestHandler], Page]


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # time.monotonic() of each request, as requests

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once: no 40 ms delayed-ACK stalls

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        site: Site = self.server.site  # type: ignore[attr-defined]
        site.times.append(time.monotonic())
        site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = site.routes.get(self.path)
        if route is None:
            page = Page("<html><body><p>Nothing here.</p></body></html>", status=404)
        else:
            page = route(self) if callable(route) else route
        if page.delay:
            time.sleep(page.delay)
        body = page.body.encode() if isinstance(page.body, str) else page.body
        if page.status == 200 and page.etag and self.headers.get("If-None-Match") == page.etag:
            self._answer(304, None, b"", {"ETag": page.etag})
            return
        if page.status == 200 and page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified:
            self._answer(304, None, b"", {"Last-Modified": page.last_modified})
            return
        headers = dict(page.headers)
        if page.etag:
            headers["ETag"] = page.etag
        if page.last_modified:
            headers["Last-Modified"] = page.last_modified
        self._answer(page.status, page.content_type, body, headers, drip=page.drip)

    def _answer(self, status: int, content_type: str | None, body: bytes, headers: dict[str, str], drip: float = 0.0) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            step = max(1, len(body) // 10) if drip else len(body) or 1
            for start in range(0, len(body), step):
                self.wfile.write(body[start : start + step])
                if drip:
                    self.wfile.flush()
                    time.sleep(drip)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to tell it

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up mid-answer is part of the tests


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[Site]:
    """Serve `routes` on host (a 127.0.0.x address) and a free port until the block ends."""
    server = _Server((host, 0), _Handler)
    site = Site(base=f"http://{host}:{server.server_address[1]}", routes=routes)
    server.site = site  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
