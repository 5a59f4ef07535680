"""Feeds and sitemaps (what an outlet lists), web pages -> articles, and the on-topic score."""

from __future__ import annotations

import gzip

import pytest

from pipeline.errors import BadInput
from pipeline.facts import PageCapture
from pipeline.ingest.feeds import Entry, expand_sitemaps, parse_feed, parse_sitemap
from pipeline.ingest.relevance import load_relevance
from pipeline.ingest.webpage import article_from_page, canonical_url
from tests import web_pages

BASE = "http://127.0.0.1:8000"


def test_feeds_rss_entries_with_dates():
    body = web_pages.rss(BASE, [("/a", "Sat, 30 Jun 2018 09:00:00 +0800"), ("/b", "Fri, 14 Sep 2018 10:00:00 +0000")]).encode()
    assert parse_feed(body, BASE + "/rss.xml") == [
        Entry(BASE + "/a", "2018-06-30", BASE + "/rss.xml"), Entry(BASE + "/b", "2018-09-14", BASE + "/rss.xml"),
    ]  # fmt: skip


def test_feeds_atom_entries_with_dates():
    body = web_pages.atom(BASE, [("/c", "2018-12-28T08:00:00Z")]).encode()
    assert parse_feed(body, "feed") == [Entry(BASE + "/c", "2018-12-28", "feed")]


@pytest.mark.parametrize(
    "body",
    [b"<html><body><p>Our news</p></body></html>", b"<?xml version='1.0'?><rss><channel><title>cut", b"\x89PNG\r\n\x1a\n"],
)
def test_feeds_malformed_feed_is_named(body):
    with pytest.raises(BadInput) as caught:
        parse_feed(body, "http://127.0.0.1/feed")
    assert caught.value.path == "http://127.0.0.1/feed"
    assert caught.value.reason.startswith("malformed feed, not RSS or Atom")


def test_feeds_sitemap_pages_and_index():
    pages, children = parse_sitemap(web_pages.urlset(BASE, [("/a", "2018-06-30"), ("/b", None)]).encode(), "s", max_bytes=10**6)
    assert (pages, children) == ([Entry(BASE + "/a", "2018-06-30", "s"), Entry(BASE + "/b", None, "s")], [])
    index = web_pages.sitemap_index(BASE, ["/one.xml", "/two.xml.gz"]).encode()
    assert parse_sitemap(index, "i", max_bytes=10**6) == ([], [BASE + "/one.xml", BASE + "/two.xml.gz"])


def test_feeds_gzipped_sitemap():
    body = gzip.compress(web_pages.urlset(BASE, [("/a", "2018-07-01T10:00:00+00:00")]).encode())
    assert parse_sitemap(body, "s", max_bytes=10**6)[0] == [Entry(BASE + "/a", "2018-07-01", "s")]


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"<urlset><url><loc>http://x/a</loc>", "malformed sitemap: "), (b"<html><body>hi</body></html>", "not a sitemap: the root element is <html>"),
     (b"\x1f\x8b\x08\x00garbage", "malformed sitemap: damaged gzip data")],
)  # fmt: skip
def test_feeds_malformed_sitemap_is_named(body, reason):
    with pytest.raises(BadInput) as caught:
        parse_sitemap(body, "http://127.0.0.1/sitemap.xml", max_bytes=10**6)
    assert caught.value.reason.startswith(reason)


def test_feeds_sitemap_entities_are_not_expanded():
    body = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>'
    pages, _ = parse_sitemap(body, "s", max_bytes=10**6)
    assert all("root:" not in p.url for p in pages)


def test_feeds_sitemap_index_walks_each_sitemap_once_and_reports_bad_ones():
    sitemaps = {
        "/index.xml": web_pages.sitemap_index(BASE, ["/a.xml", "/bad.xml", "/index.xml"]),
        "/a.xml": web_pages.urlset(BASE, [("/page", None)]),
        "/bad.xml": "<urlset><url>",
    }
    failed = []

    def download(url: str) -> bytes:
        return sitemaps[url.removeprefix(BASE)].encode()

    entries = list(expand_sitemaps([BASE + "/index.xml"], download, lambda u, r: failed.append(u), max_bytes=10**6))
    assert [e.url for e in entries] == [BASE + "/page"]
    assert failed == [BASE + "/bad.xml"]


def page(path: str, html: str, url: str | None = None) -> PageCapture:
    return PageCapture(url=url or BASE + path, final_url=BASE + path, body=html.encode(), content_type="text/html; charset=utf-8")


@pytest.mark.parametrize(
    ("path", "route", "date"),
    [("/news/netsunion-routing", "/news/netsunion-routing", "2018-06-30"),  # article:published_time
     ("/2018/09/14/unionpay-alipay", "/2018/09/14/unionpay-alipay", "2018-09-14"),  # the address
     ("/news/reserve-funds", "/news/reserve-funds", "2018-12-28"),  # the byline
     ("/zh/duanzhilian", "/zh/duanzhilian", "2018-07-01")],
)  # fmt: skip
def test_webpage_dates_from_metadata_address_and_byline(path, route, date):
    html = web_pages.news_site(BASE)[route].body
    article = article_from_page(page(path, html))
    assert (article.date, article.date_source) == (date, "metadata")
    assert article.key == f"url:{BASE}{path}" and article.title and "Copyright" not in article.text


def test_webpage_reads_title_language_and_site():
    article = article_from_page(page("/zh/duanzhilian", web_pages.news_site(BASE)["/zh/duanzhilian"].body))
    assert (article.lang, article.title) == ("zh", "断直连基本完成")
    assert article.text.startswith("网联清算有限公司表示")


def test_webpage_identity_is_the_canonical_address():
    head = '<link rel="canonical" href="/news/netsunion-routing">'
    html = web_pages.article("Wallets now pay through NetsUnion", web_pages.NETSUNION, head=head)
    article = article_from_page(page("/news/netsunion-routing?utm_source=feed", html))
    assert article.key == f"url:{BASE}/news/netsunion-routing"


@pytest.mark.parametrize(
    ("final", "canonical", "key"),
    [("https://www.example.com/a?ref=rss", "https://example.com/a", "https://example.com/a"),
     ("https://m.example.com/a", "https://www.example.com/a", "https://www.example.com/a"),
     ("https://aggregator.test/copy/7", "https://example.com/a", "https://aggregator.test/copy/7")],
)  # fmt: skip
def test_webpage_canonical_counts_on_its_own_site_only(final, canonical, key):
    html = web_pages.article("Wallets", web_pages.NETSUNION, head=f'<link rel="canonical" href="{canonical}">')
    capture = PageCapture(url=final, final_url=final, body=html.encode(), content_type="text/html")
    assert article_from_page(capture).key == f"url:{key}"


def test_webpage_a_home_page_canonical_is_not_an_identity():
    html = web_pages.article("Wallets", web_pages.NETSUNION, head=f'<link rel="canonical" href="{BASE}/">')
    assert article_from_page(page("/news/a", html)).key == f"url:{BASE}/news/a"


@pytest.mark.parametrize(
    ("html", "reason"),
    [(web_pages.login_wall(), "login wall: the page asks to sign in or subscribe and shows no article text"),
     ("<html><body><nav>Home</nav></body></html>", "too little text for an article (4 characters): an index or a teaser page?"),
     ("", "empty response: the server sent no content"),
     ('<html lang="fr"><body><article><p>' + "Les paiements passent par la chambre de compensation. " * 5 + "</p></article></body></html>",
      'the page is in language "fr"; only English and Chinese are read')],
)  # fmt: skip
def test_webpage_refuses_pages_without_an_article(html, reason):
    with pytest.raises(BadInput) as caught:
        article_from_page(page("/x", html))
    assert (caught.value.path, caught.value.reason) == (BASE + "/x", reason)


def test_webpage_plain_text_is_read_as_it_is():
    text = "NetsUnion began clearing the online payments of Alipay and Tenpay this week. " * 3
    capture = PageCapture(url=BASE + "/a.txt", final_url=BASE + "/a.txt", body=text.encode(), content_type="text/plain")
    assert article_from_page(capture).text == text.strip()


@pytest.mark.parametrize(
    ("url", "canonical"),
    [("HTTP://Example.COM:80/a#top", "http://example.com/a"), ("https://example.com:8443", "https://example.com:8443/")],
)
def test_webpage_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [(web_pages.NETSUNION, True), (web_pages.UNIONPAY, True), (web_pages.ZH, True), (web_pages.FOOTBALL, False),
     ("The central bank left interest rates unchanged on Thursday.", False),
     ("Tencent released a new game for its WeChat users.", False)],
)  # fmt: skip
def test_relevance_scores_pages_on_the_story(text, on_topic):
    assert load_relevance().on_topic(text)[0] is on_topic


def test_webpage_keeps_the_byline_its_main_text_leaves_out():
    html = """<html><head><title>断直连大限已至</title></head><body><h1>断直连大限已至</h1>
    <div class="info">2018-06-30 10:15 来源：金融早报 作者：吴静怡</div><div class="content">
    <p>今天是6月30日，支付机构断直连的最后期限。从明天起，支付宝、财付通等支付机构的网络支付业务将全部通过网联平台或银联处理。</p>
    <p>央行支付结算司去年8月下发通知，明确自今年6月30日起，网络支付业务全部通过网联平台处理。</p></div></body></html>"""
    article = article_from_page(page("/zh/byline", html))
    assert article.text.startswith("2018-06-30 10:15 来源：金融早报 作者：吴静怡") and article.text.count("吴静怡") == 1, article.text
