"""Web archives: WARC and ARC files (gzipped or not) read as a stream with warcio, one record
at a time, so a year of an outlet's archive or a Common Crawl News slice never sits in memory.

Only HTML responses with status 200 are pages; requests, metadata, redirects, images and the
rest are passed over. Each page keeps its address and capture date. A truncated or damaged
record ends the reading of its file with one failure naming the last good address; the pages
read before it go in.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from pipeline.errors import BadInput
from pipeline.facts import PageCapture
from pipeline.ingest.webpage import HTML_TYPES, media_type

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def read_archive(path: Path, *, max_bytes: int) -> Iterator[PageCapture | BadInput]:
    """The HTML pages (status 200) of a WARC/ARC file, in order; BadInput for what cannot be read."""
    last = None
    try:
        with open(path, "rb") as raw:
            stream = _GzipWatch(raw)
            records = ArchiveIterator(stream, arc2warc=True, check_digests=False)
            read_up_to = -1
            for record in records:
                page = _page(record, max_bytes)
                cut = _cut_short(record, page)
                read_up_to = records.get_record_offset()  # reads to the record's end first
                if cut:
                    yield BadInput(str(path), _truncated(last, record.rec_headers.get_header("WARC-Target-URI")))
                    return
                if isinstance(page, PageCapture):
                    last = page.url
                    yield page
                elif page is not None:
                    yield BadInput(f"{path}[{record.rec_headers.get_header('WARC-Target-URI')}]", page)
            # What follows the last record: a member that gave no record, or bytes warcio left unread.
            unread = records.member_info is not None and records.member_info[0] > read_up_to
            if stream.cut_inside_member() or unread or _bytes_after(raw, records.member_info):
                yield BadInput(str(path), _truncated(last, None))
            elif read_up_to < 0:
                yield BadInput(str(path), "empty web archive: no records")
    except OSError as e:
        yield BadInput(str(path), f"cannot read the archive: {e.strerror or e}")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, TypeError, AttributeError, KeyError) as e:
        # warcio meets a record cut inside its headers with whatever its parser trips on.
        yield BadInput(str(path), _truncated(last, None, detail=_first_line(e)))


class _GzipWatch:
    """The archive file as warcio reads it, gunzipped alongside to tell whether it ends inside
    a gzip member: warcio reads such a cut member as no record at all, without a word."""

    def __init__(self, raw):
        self.raw = raw
        self.gzipped = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        self._member = None

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        pending = data if self.gzipped else b""
        while pending:
            if self._member is None:
                self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._member.decompress(pending)
            pending = self._member.unused_data
            if self._member.eof:
                self._member = None
        return data

    def cut_inside_member(self) -> bool:
        return self._member is not None

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def _bytes_after(raw, member_info: tuple[int, int] | None) -> bool:
    """Whether anything but blank space follows the last record warcio read (a record cut
    inside its WARC headers reads as the end of the file)."""
    end = sum(member_info) if member_info else 0
    raw.seek(end)
    return bool(raw.read(65536).strip())


def _page(record, max_bytes: int) -> PageCapture | str | None:
    """The page a record holds, None when it holds none (not a 200 HTML response), or why it is refused."""
    if record.rec_type != "response" or record.http_headers is None:
        record.content_stream().read()
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type")
    if record.http_headers.get_statuscode() != "200" or not url or media_type(content_type) not in HTML_TYPES:
        record.content_stream().read()
        return None
    body = _read_capped(record.content_stream(), max_bytes + 1)
    if len(body) > max_bytes:
        record.content_stream().read()
        return f"record too large: over the {max_bytes / 1e6:g} MB limit"
    return PageCapture(
        url=url, final_url=url, body=body, content_type=content_type, captured_at=record.rec_headers.get_header("WARC-Date")
    )


def _read_capped(stream, cap: int) -> bytes:
    """Up to `cap` bytes (a buffered read returns one chunk at a time)."""
    chunks, size = [], 0
    while size < cap and (chunk := stream.read(min(65536, cap - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _cut_short(record, page: PageCapture | str | None) -> bool:
    """Whether the file ended inside this record: before its declared length, inside its HTTP
    headers, or before the body length its HTTP headers declare."""
    if getattr(record.raw_stream, "limit", 0) > 0:
        return True
    if not record.rec_headers.get_header("WARC-Type") or not record.rec_headers.get_header("Content-Length"):
        return True  # cut inside the record's own headers
    if record.rec_type == "response" and record.http_headers is None:
        return (record.rec_headers.get_header("WARC-Target-URI") or "").startswith(("http:", "https:"))
    if isinstance(page, PageCapture) and not record.http_headers.get_header("Content-Encoding"):
        declared = record.http_headers.get_header("Content-Length")
        chunked = "chunked" in (record.http_headers.get_header("Transfer-Encoding") or "").lower()
        return bool(declared and declared.isdigit() and not chunked and len(page.body) < int(declared))
    return False


def _truncated(last: str | None, url: str | None, *, detail: str | None = None) -> str:
    where = f" in the record of {url}" if url else ""
    after = f"after {last}" if last else "before its first page"
    why = f" ({detail})" if detail else ""
    return f"truncated or damaged archive{where}{why}: it ends {after}; the pages before it were read"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
