"""kb ingest of web archives (WARC, gzipped or not): only 200 HTML responses, on-topic pages
only, with their address and capture date; a truncated archive keeps what came before."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.ingest.warc import read_archive
from pipeline.store import Store
from tests import web_pages

SITE = "http://news.example.test"


def records():
    html = "text/html; charset=utf-8"
    return [
        (f"{SITE}/news/netsunion-routing", "200 OK", html, web_pages.article("Wallets now pay through NetsUnion", web_pages.NETSUNION)),
        (f"{SITE}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        (f"{SITE}/sport/derby", "200 OK", html, web_pages.article("Late goals win the derby", web_pages.FOOTBALL)),
        (f"{SITE}/missing", "404 Not Found", html, "<html><body>Not found</body></html>"),
        (f"{SITE}/moved", "301 Moved Permanently", html, ""),
        (f"{SITE}/zh/duanzhilian", "200 OK", html, web_pages.article("断直连基本完成", web_pages.ZH, lang="zh")),
    ]


def ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)], catch_exceptions=False)


@pytest.mark.parametrize("gzipped", [True, False])
def test_ingest_warc_takes_on_topic_html_pages_with_address_and_capture_date(tmp_path, db_path, gzipped):
    archive = tmp_path / ("news.warc.gz" if gzipped else "news.warc")
    web_pages.write_warc(archive, records(), gzipped=gzipped)
    result = ingest(archive, "--db", db_path, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "ingested": 2, "unchanged": 0, "updated": 0, "reprocessed": 0, "duplicates": 0,
        "off_topic": [{"path": f"{archive}[{SITE}/sport/derby]", "score": 0}], "failed": [],
        "skipped_judgements": [], "warnings": [],
    }  # fmt: skip
    with Store(db_path) as store:
        assert sorted(a["url"] for a in store.articles()) == [f"{SITE}/news/netsunion-routing", f"{SITE}/zh/duanzhilian"]
        assert store.page(f"{SITE}/zh/duanzhilian")["captured_at"] == "2018-09-14T10:00:00Z"
    assert ingest(archive, "--db", db_path).stdout == "0 ingested, 2 unchanged, 0 updated, 0 duplicates, 1 off topic, 0 failed\n"


def test_ingest_warc_truncated_archive_keeps_the_pages_before_it(tmp_path, db_path, write):
    whole = tmp_path / "whole.warc.gz"
    web_pages.write_warc(whole, records())
    cut = tmp_path / "cut.warc.gz"
    raw = whole.read_bytes()
    cut.write_bytes(raw[: len(raw) - 200])  # inside the last record, the Chinese page
    other = write("note.txt", "title: A note\n\n" + "NetsUnion began clearing the payments of Alipay. " * 3)
    result = ingest(cut, other, "--db", db_path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {cut}: truncated or damaged archive in the record of {SITE}/zh/duanzhilian: "
        f"it ends after {SITE}/sport/derby; the pages before it were read\n"
    )
    assert result.stdout.startswith("2 ingested")  # the archive's first page and the note


def test_ingest_warc_reads_as_a_stream_and_skips_what_is_not_a_page(tmp_path):
    archive = tmp_path / "a.warc.gz"
    web_pages.write_warc(archive, records())
    pages = list(read_archive(archive, max_bytes=1_000_000))
    assert [p.url for p in pages] == [f"{SITE}/news/netsunion-routing", f"{SITE}/sport/derby", f"{SITE}/zh/duanzhilian"]
    assert pages[0].content_type == "text/html; charset=utf-8"


def test_ingest_warc_folder_finds_archives(tmp_path, db_path):
    (tmp_path / "crawl").mkdir()
    web_pages.write_warc(tmp_path / "crawl" / "part-1.warc.gz", records()[:1])
    assert ingest(tmp_path / "crawl", "--db", db_path).stdout.startswith("1 ingested")


def write_arc(path, url: str, html: str, *, gzipped: bool) -> None:
    """An ARC (version 1) file: a file description record, then one response; gzipped per record."""
    body = html.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    about = b"1 0 tests\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://%s 0.0.0.0 20180914100000 text/plain %d\n%s\n" % (path.name.encode(), len(about), about),
               b"%s 127.0.0.1 20180914100000 text/html %d\n%s\n" % (url.encode(), len(http), http)]  # fmt: skip
    path.write_bytes(b"".join(gzip.compress(r) if gzipped else r for r in records))


@pytest.mark.parametrize("gzipped", [True, False])
def test_ingest_warc_reads_arc_files(tmp_path, gzipped):
    archive = tmp_path / ("old.arc.gz" if gzipped else "old.arc")
    write_arc(archive, f"{SITE}/news/netsunion-routing", web_pages.article("Wallets", web_pages.NETSUNION), gzipped=gzipped)
    [page] = read_archive(archive, max_bytes=1_000_000)
    assert (page.url, page.captured_at) == (f"{SITE}/news/netsunion-routing", "2018-09-14T10:00:00Z")


def test_ingest_warc_empty_archive_is_named(tmp_path):
    archive = tmp_path / "empty.warc.gz"
    archive.write_bytes(b"")
    [failure] = read_archive(archive, max_bytes=1_000_000)
    assert (failure.path, failure.reason) == (str(archive), "empty web archive: no records")
