"""End to end on the development corpus: its articles served as web pages by a local server,
`kb fetch --sitemap` then `kb timeline` equals `kb ingest` of the files. Tuning articles only
(tests/dev_split): the check part is never read."""

from __future__ import annotations

import html

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.evaluate import read_ids
from pipeline.ingest.readers import read_text
from pipeline.ingest.relevance import load_relevance
from tests.web_server import Page, serve

# Tuning articles of each prefix, English and Chinese, whose text does not repeat the title as its
# first line (a web page's <h1> title is not kept in its text; a .txt file keeps that line).
ARTICLES = ["dA03", "dA04", "dB04", "dC01", "dC05", "dD01", "dD02", "dE03", "dE04"]


def as_page(article) -> str:
    """The article as an outlet would publish it: metadata in the head, a paragraph per line."""
    head = f"<title>{html.escape(article.title or '')}</title>"
    if article.date:
        head += f'<meta property="article:published_time" content="{article.date}">'
    if article.url:
        head += f'<link rel="canonical" href="{html.escape(article.url)}">'
    if article.source:
        head += f'<meta property="og:site_name" content="{html.escape(article.source)}">'
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in article.text.split("\n") if line.strip())
    return f'<html lang="{article.lang}"><head><meta charset="utf-8">{head}</head><body><article>{paragraphs}</article></body></html>'


def kb(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_fetch_dev_corpus_sitemap_then_timeline_equals_ingesting_the_files(shared, tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    files = [shared / "corpus" / "dev" / "articles" / f"{name}.txt" for name in ARTICLES]
    assert kb("ingest", *files, "--db", tmp_path / "files.sqlite").exit_code == 0
    with serve({}) as site:
        for path in files:
            site.routes[f"/{path.stem}.html"] = Page(as_page(next(read_text(path, path.read_bytes()))))
        locs = "".join(f"<url><loc>{site.base}/{p.stem}.html</loc></url>" for p in files)
        site.routes["/sitemap.xml"] = Page(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
                                           content_type="application/xml")  # fmt: skip
        fetched = kb("fetch", "--sitemap", f"{site.base}/sitemap.xml", "--delay", "0", "--db", tmp_path / "web.sqlite")
    assert fetched.stdout == f"{len(files)} fetched, {len(files)} ingested, 0 unchanged, 0 updated, 0 duplicates, 0 off topic, 0 failed\n"
    from_files = kb("timeline", "--db", tmp_path / "files.sqlite").stdout
    assert from_files.count("\n") > 20
    assert kb("timeline", "--db", tmp_path / "web.sqlite").stdout == from_files


def test_fetch_dev_corpus_every_tuning_article_is_on_topic(shared):
    relevance = load_relevance()
    for name in read_ids(Path(__file__).parent / "dev_split" / "tuning.txt"):
        path = shared / "corpus" / "dev" / "articles" / f"{name}.txt"
        if path.exists():
            article = next(read_text(path, path.read_bytes()))
            assert relevance.on_topic(article.text, article.title)[0], name
