"""kb fetch end to end against the made-up outlet on 127.0.0.1: feeds, sitemaps, the report,
conditional re-runs, changed pages, reposts across hosts, and a batch of faults."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store import Store
from tests import web_pages
from tests.web_server import Page, serve

FAST = ["--delay", "0", "--retries", "0"]


def run(*args):
    return CliRunner().invoke(cli, ["fetch", *map(str, args)], catch_exceptions=False)


def kb(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_cli_fetch_feeds_and_sitemap_index_with_the_on_topic_filter(news_site, db_path):
    base = news_site.base
    sources = ["--feed", f"{base}/rss.xml", "--feed", f"{base}/atom.xml", "--sitemap", f"{base}/sitemap.xml"]
    result = run(*sources, "--since", "2018-01-01", *FAST, "--db", db_path, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "fetched": 5, "ingested": 4, "unchanged": 0, "updated": 0, "duplicates": 0,
        "off_topic": [{"url": f"{base}/sport/derby", "score": 0}], "failed": [],
    }  # fmt: skip
    assert news_site.hits("/news/old-story") == 0  # listed in 2016: before --since, never asked for
    articles = {a["url"].removeprefix(base): (a["date"], a["lang"]) for a in json.loads(kb("articles", "--db", db_path, "--json").stdout)}
    assert articles == {
        "/news/netsunion-routing": ("2018-06-30", "en"), "/2018/09/14/unionpay-alipay": ("2018-09-14", "en"),
        "/news/reserve-funds": ("2018-12-28", "en"), "/zh/duanzhilian": ("2018-07-01", "zh"),
    }  # fmt: skip
    with Store(db_path) as store:  # the raw page, kept beside its article
        kept = store.page(f"{base}/news/netsunion-routing")
        assert kept["html"] == news_site.routes["/news/netsunion-routing"].body.encode()
        assert kept["etag"] == '"netsunion-v1"' and kept["article_key"] == f"url:{base}/news/netsunion-routing"
        assert store.page(f"{base}/news/reserve-funds")["author"] == "A Staff Reporter"

    # A re-run asks again only for what the listings say changed since: here, nothing stored.
    before = len(news_site.requests)
    again = json.loads(run(*sources, "--since", "2018-01-01", *FAST, "--db", db_path, "--json").stdout)
    assert (again["fetched"], again["ingested"], again["unchanged"]) == (1, 0, 4)  # the off-topic page is fetched again
    asked = {path for path, _ in news_site.requests[before:]}
    assert asked == {"/robots.txt", "/rss.xml", "/atom.xml", "/sitemap.xml", "/sitemap-2018.xml", "/sitemap-sport.xml.gz", "/sport/derby"}


def test_cli_fetch_rerun_asks_with_validators_and_downloads_only_what_changed(news_site, db_path):
    pages = [f"{news_site.base}{p}" for p in ("/news/netsunion-routing", "/2018/09/14/unionpay-alipay", "/news/reserve-funds")]
    first = run(*pages, *FAST, "--db", db_path)
    assert first.stdout == "3 fetched, 3 ingested, 0 unchanged, 0 updated, 0 duplicates, 0 off topic, 0 failed\n"
    before = len(news_site.requests)
    second = run(*pages, *FAST, "--db", db_path)
    # ETag and Last-Modified pages answer 304; the one without validators is downloaded, found the same.
    assert second.stdout == "1 fetched, 0 ingested, 3 unchanged, 0 updated, 0 duplicates, 0 off topic, 0 failed\n"
    sent = {path: headers for path, headers in news_site.requests[before:]}
    assert sent["/news/netsunion-routing"]["if-none-match"] == '"netsunion-v1"'
    assert sent["/2018/09/14/unionpay-alipay"]["if-modified-since"] == "Fri, 14 Sep 2018 10:00:00 GMT"

    # The outlet edits a page: the article is updated in place, its facts with it.
    news_site.routes["/news/netsunion-routing"] = Page(
        web_pages.article("Wallets now pay through NetsUnion", web_pages.NETSUNION + "<p>Tenpay finished its move on Monday.</p>",
                          head='<meta property="article:published_time" content="2018-06-30T09:00:00+08:00">'),
        etag='"netsunion-v2"',
    )  # fmt: skip
    third = run(pages[0], *FAST, "--db", db_path, "--json")
    assert json.loads(third.stdout)["updated"] == 1
    with Store(db_path) as store:
        [row] = [a for a in store.articles() if a["url"] == pages[0]]
        assert store.article(row["id"])["text"].endswith("Tenpay finished its move on Monday.")
        assert store.page(pages[0])["etag"] == '"netsunion-v2"' and len(store.articles()) == 3


def test_cli_fetch_one_story_by_two_addresses_and_a_repost_on_another_host(news_site, db_path, monkeypatch):
    base = news_site.base
    news_site.routes["/old/netsunion"] = Page(status=301, headers={"Location": "/news/netsunion-routing"})
    copy = web_pages.article("NetsUnion routing, as reported elsewhere", web_pages.NETSUNION)
    with serve({"/reposts/netsunion": Page(copy)}, host="127.0.0.2") as other:
        result = run(f"{base}/news/netsunion-routing", f"{base}/old/netsunion", f"{other.base}/reposts/netsunion",
                     *FAST, "--db", db_path, "--json")  # fmt: skip
    report = json.loads(result.stdout)
    assert (report["ingested"], report["unchanged"], report["duplicates"]) == (1, 1, 1)
    with Store(db_path) as store:
        assert store.page(f"{base}/old/netsunion")["final_url"] == f"{base}/news/netsunion-routing"
        assert sorted(a["duplicate_of"] is not None for a in store.articles()) == [False, True]  # whichever host answered first


def test_cli_fetch_faults_one_line_each_the_batch_goes_on(news_site, db_path):
    base = news_site.base
    run(f"{base}/news/reserve-funds", *FAST, "--db", db_path)  # already stored: never lost
    news_site.routes.update({
        "/gone": Page("<p>removed</p>", status=410),
        "/broken": Page("<p>oops</p>", status=500),
        "/slow": Page(web_pages.article("Late", web_pages.UNIONPAY), delay=2),
        "/report.pdf": Page(b"%PDF-1.4 binary", content_type="application/pdf"),
        "/huge": Page("<p>" + "word " * 1_100_000 + "</p>"),
        "/members/story": Page(web_pages.login_wall()),
        "/loop": Page(status=302, headers={"Location": "/loop2"}),
        "/loop2": Page(status=302, headers={"Location": "/loop"}),
        "/bad-feed.xml": Page("<?xml version='1.0'?><rss><channel><title>cut", content_type="application/rss+xml"),
        "/bad-sitemap.xml": Page("<urlset><url><loc>", content_type="application/xml"),
    })  # fmt: skip
    paths = ["/missing", "/gone", "/broken", "/slow", "/report.pdf", "/huge", "/members/story", "/loop", "/private/draft",
             "/news/netsunion-routing"]  # fmt: skip
    result = run(*[base + p for p in paths], "--feed", f"{base}/bad-feed.xml", "--sitemap", f"{base}/bad-sitemap.xml",
                 "--timeout", "0.5", *FAST, "--db", db_path)  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == "2 fetched, 1 ingested, 0 unchanged, 0 updated, 0 duplicates, 0 off topic, 11 failed\n"
    host = base.removeprefix("http://")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {base}/bad-feed.xml: malformed feed, not RSS or Atom: ")
    assert lines[1].startswith(f"error: {base}/bad-sitemap.xml: malformed sitemap: ")
    assert lines[2:] == [
        f"error: {base}/missing: page not found (HTTP 404)",
        f"error: {base}/gone: page gone (HTTP 410): the site removed it",
        f"error: {base}/broken: server error (HTTP 500 Internal Server Error)",
        f"error: {base}/slow: timed out after 0.5 s waiting for {host}",
        f"error: {base}/report.pdf: not a web page: the server sent application/pdf (accepted: application/xhtml+xml, text/html, text/plain)",
        f"error: {base}/huge: too large: 5.5 MB, over the 5 MB limit",
        f"error: {base}/members/story: login wall: the page asks to sign in or subscribe and shows no article text",
        f"error: {base}/loop: redirect loop: {base}/loop -> {base}/loop2 -> {base}/loop",
        f"error: {base}/private/draft: refused by robots.txt: {base}/robots.txt disallows /private/draft",
    ]
    titles = sorted(a["title"] for a in json.loads(kb("articles", "--db", db_path, "--json").stdout))
    assert titles == ["Reserve funds move to the central bank", "Wallets now pay through NetsUnion"]


def test_cli_fetch_urls_file_and_max(news_site, db_path, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# the desk's reading list\n{news_site.base}/news/netsunion-routing\n\n{news_site.base}/zh/duanzhilian\n")
    result = run("--urls", listing, "--max", "1", *FAST, "--db", db_path, "--json")
    assert json.loads(result.stdout)["ingested"] == 1
    assert news_site.hits("/zh/duanzhilian") == 0


def test_cli_fetch_all_topics_keeps_the_off_topic_pages_too(news_site, db_path):
    result = run("--feed", f"{news_site.base}/rss.xml", "--since", "2018-01-01", "--all-topics", *FAST, "--db", db_path, "--json")
    report = json.loads(result.stdout)
    assert (report["ingested"], report["off_topic"]) == (3, [])


def test_cli_fetch_usage_errors_exit_2(db_path):
    assert run("--db", db_path).exit_code == 2
    assert run("http://127.0.0.1/a", "--since", "last week", "--db", db_path).exit_code == 2
