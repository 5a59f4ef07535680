"""How kb fetch downloads: hosts in parallel and one request at a time per host; an
interruption leaves whole articles and a re-run completes the batch."""

from __future__ import annotations

import pytest

from pipeline.ingest.crawl import Target, _download, fetch
from pipeline.ingest.fetch import Fetcher, FetchSettings
from pipeline.store import Store
from tests import web_pages
from tests.web_server import Page, serve


def test_fetch_crawl_hosts_in_parallel_one_request_at_a_time_per_host():
    pages = {f"/{n}": Page(f"<p>{n}</p>") for n in range(3)}
    with serve(dict(pages), host="127.0.0.1") as one, serve(dict(pages), host="127.0.0.2") as two:
        targets = [Target(site.base + path) for site in (one, two) for path in pages]
        with Fetcher(FetchSettings(delay=0.3), trust_env=False) as fetcher:
            results = list(_download(targets, fetcher, {}, hosts_at_once=2))
    assert sorted(t.url for t, _ in results) == sorted(t.url for t in targets)
    for site in (one, two):
        assert [path for path, _ in site.requests] == ["/robots.txt", "/0", "/1", "/2"]  # in order, per host
        gaps = [later - earlier for earlier, later in zip(site.times, site.times[1:])]
        assert min(gaps) >= 0.29  # one request at a time, the delay between them
    # The two hosts side by side: each started before the other finished.
    assert one.times[0] < two.times[-1] and two.times[0] < one.times[-1]


def test_fetch_crawl_robots_crawl_delay_slows_a_host_down():
    routes = {"/robots.txt": Page("User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"), "/a": Page("<p>a</p>"),
              "/b": Page("<p>b</p>")}  # fmt: skip
    with serve(routes) as site:
        with Fetcher(FetchSettings(delay=0), trust_env=False) as fetcher:
            fetcher.get(site.base + "/a")
            fetcher.get(site.base + "/b")
        assert site.times[-1] - site.times[-2] >= 0.99


def test_fetch_crawl_an_interruption_leaves_whole_articles_and_a_rerun_completes(news_site, tmp_path):
    urls = [news_site.base + p for p in ("/news/netsunion-routing", "/2018/09/14/unionpay-alipay", "/news/reserve-funds")]
    path = tmp_path / "kb.sqlite"
    seen = []

    def interrupt(_):
        seen.append(1)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with Store(path) as store, pytest.raises(KeyboardInterrupt):
        fetch(urls, store, settings=FetchSettings(delay=0), progress=interrupt, trust_env=False)
    with Store(path) as store:
        stored = store.articles()
        assert len(stored) == 2 and all(a["sentences"] > 0 for a in stored)  # whole articles, each with its page
        assert all(store.page(a["url"]) is not None for a in stored)
        report = fetch(urls, store, settings=FetchSettings(delay=0), trust_env=False)
        assert (report.ingested, report.unchanged) == (1, 2)


def test_fetch_crawl_pages_named_are_kept_even_off_topic(news_site, tmp_path):
    with Store(tmp_path / "kb.sqlite") as store:
        report = fetch([news_site.base + "/sport/derby"], store, settings=FetchSettings(delay=0), trust_env=False)
        assert (report.ingested, report.off_topic) == (1, [])


def test_fetch_crawl_feed_pages_off_topic_are_listed_not_stored(tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with serve({}) as site:
        site.routes.update({
            "/feed": Page(web_pages.rss(site.base, [("/derby", "Sun, 01 Jul 2018 20:00:00 +0000")]), content_type="application/rss+xml"),
            "/derby": Page(web_pages.article("Late goals win the derby", web_pages.FOOTBALL)),
        })  # fmt: skip
        with Store(tmp_path / "kb.sqlite") as store:
            report = fetch([], store, feeds=[site.base + "/feed"], settings=FetchSettings(delay=0), trust_env=False)
            assert report.to_dict()["off_topic"] == [{"url": site.base + "/derby", "score": 0}]
            assert store.articles() == []


def test_fetch_crawl_a_304_page_is_read_again_from_its_stored_copy_when_the_pipeline_changed(news_site, tmp_path):
    url = news_site.base + "/news/netsunion-routing"
    with Store(tmp_path / "kb.sqlite") as store:
        fetch([url], store, settings=FetchSettings(delay=0), trust_env=False)
        store.conn.execute("UPDATE article SET extractor_version = 'older'")
        report = fetch([url], store, settings=FetchSettings(delay=0), trust_env=False)
        assert (report.fetched, report.reprocessed, report.to_dict()["unchanged"]) == (0, 1, 1)  # a 304, no download
        [row] = store.articles()
        assert store.article(row["id"])["extractor_version"] != "older"


def test_fetch_crawl_since_skips_old_listed_pages_by_their_own_date_never_named_ones(news_site, tmp_path):
    base = news_site.base
    news_site.routes["/undated.xml"] = Page(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/news/netsunion-routing</loc></url></urlset>' % base,
        content_type="application/xml",
    )
    with Store(tmp_path / "kb.sqlite") as store:
        settings = FetchSettings(delay=0)
        listed = fetch([], store, sitemaps=[base + "/undated.xml"], since="2018-07-01", settings=settings, trust_env=False)
        assert (listed.fetched, listed.ingested) == (1, 0)  # its page says 2018-06-30
        named = fetch([base + "/news/netsunion-routing"], store, since="2018-07-01", settings=settings, trust_env=False)
        assert named.ingested == 1


def test_fetch_crawl_report_names_what_became_of_each_page(news_site, tmp_path):
    good, missing = news_site.base + "/news/netsunion-routing", news_site.base + "/news/gone"
    with Store(tmp_path / "kb.sqlite") as store:
        first = fetch([good, missing], store, settings=FetchSettings(delay=0, retries=0), trust_env=False)
        [row] = store.articles()
        assert first.articles == [{"where": good, "outcome": "ingested", "article_id": row["id"]}]
        assert [f["url"] for f in first.failed] == [missing]
        again = fetch([good], store, settings=FetchSettings(delay=0), trust_env=False)  # a 304
        assert again.articles == [{"where": good, "outcome": "unchanged", "article_id": row["id"]}]
