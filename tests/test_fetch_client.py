"""The HTTP client of kb fetch against a local server: politeness, validators and every fault,
each a FetchError naming the address and the reason. No NLP runs here."""

from __future__ import annotations

import socket
import time

import pytest

from pipeline.ingest.fetch import ROBOTS_AGENT, Fetcher, FetchError, FetchSettings
from tests.web_server import Page, serve

FAST = FetchSettings(delay=0, timeout=2, retries=2, backoff=0.01)


def get(site, path, settings=FAST, **kwargs):
    with Fetcher(settings, trust_env=False) as fetcher:
        return fetcher.get(site.base + path, **kwargs)


def failure(site, path, settings=FAST, **kwargs) -> str:
    with pytest.raises(FetchError) as caught:
        get(site, path, settings, **kwargs)
    assert caught.value.path == site.base + path
    return caught.value.reason


def test_fetch_client_sends_its_user_agent_and_reads_robots_once(news_site):
    with Fetcher(FAST, trust_env=False) as fetcher:
        for path in ("/news/netsunion-routing", "/news/reserve-funds"):
            assert fetcher.get(news_site.base + path).status == 200
    assert news_site.hits("/robots.txt") == 1
    agents = {headers["user-agent"] for _, headers in news_site.requests}
    assert len(agents) == 1 and agents.pop().startswith(ROBOTS_AGENT)


def test_fetch_client_obeys_robots_txt(news_site):
    assert failure(news_site, "/private/draft") == (
        f"refused by robots.txt: {news_site.base}/robots.txt disallows /private/draft"
    )
    assert news_site.hits("/private/draft") == 0


@pytest.mark.parametrize("status", [500, 503])
def test_fetch_client_robots_server_error_closes_the_site(status):
    with serve({"/robots.txt": Page("oops", status=status), "/a": Page("<p>a</p>")}) as site:
        assert failure(site, "/a").startswith(f"robots.txt of {site.base} answered HTTP {status}")
        assert site.hits("/a") == 0


def test_fetch_client_without_robots_txt_may_fetch_all():
    with serve({"/a": Page("<p>a</p>")}) as site:  # /robots.txt answers 404
        assert get(site, "/a").page.body == b"<p>a</p>"


def test_fetch_client_waits_its_delay_between_requests_to_one_host():
    with serve({"/a": Page("<p>a</p>"), "/b": Page("<p>b</p>")}) as site:
        with Fetcher(FetchSettings(delay=0.4), trust_env=False) as fetcher:
            start = time.monotonic()
            fetcher.get(site.base + "/a")  # robots.txt, then /a: two waits of the delay
            fetcher.get(site.base + "/b")
            assert time.monotonic() - start >= 0.8


def test_fetch_client_follows_redirects_and_keeps_the_final_address():
    routes = {"/old": Page(status=301, headers={"Location": "/new"}), "/new": Page("<p>moved</p>")}
    with serve(routes) as site:
        response = get(site, "/old")
    assert (response.page.url, response.page.final_url) == (site.base + "/old", site.base + "/new")


def test_fetch_client_names_a_redirect_loop():
    routes = {"/a": Page(status=302, headers={"Location": "/b"}), "/b": Page(status=302, headers={"Location": "/a"})}
    with serve(routes) as site:
        assert failure(site, "/a") == f"redirect loop: {site.base}/a -> {site.base}/b -> {site.base}/a"


def test_fetch_client_limits_redirects():
    routes = {f"/{n}": Page(status=307, headers={"Location": f"/{n + 1}"}) for n in range(10)}
    with serve(routes) as site:
        assert failure(site, "/0", FetchSettings(delay=0, max_redirects=3)).startswith("too many redirects (more than 3)")


def test_fetch_client_asks_with_validators_and_takes_a_304(news_site):
    first = get(news_site, "/news/netsunion-routing")
    assert first.page.etag == '"netsunion-v1"'
    again = get(news_site, "/news/netsunion-routing", etag=first.page.etag)
    assert again.not_modified and again.page.body == b""
    by_date = get(news_site, "/2018/09/14/unionpay-alipay", last_modified="Fri, 14 Sep 2018 10:00:00 GMT")
    assert by_date.not_modified


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "page not found (HTTP 404)"), (410, "page gone (HTTP 410): the site removed it"),
     (403, "access refused (HTTP 403 Forbidden)")],
)  # fmt: skip
def test_fetch_client_names_client_errors(status, reason):
    with serve({"/x": Page("<p>no</p>", status=status)}) as site:
        assert failure(site, "/x") == reason
        assert site.hits("/x") == 1  # not retried


def test_fetch_client_retries_server_errors_then_gives_up():
    with serve({"/x": Page("<p>down</p>", status=500)}) as site:
        assert failure(site, "/x") == "server error (HTTP 500 Internal Server Error) after 3 attempts"
        assert site.hits("/x") == 3


def test_fetch_client_retries_429_after_the_time_asked():
    answers = iter([Page("slow down", status=429, headers={"Retry-After": "0"}), Page("<p>ok</p>")])
    with serve({"/x": lambda _: next(answers)}) as site:
        assert get(site, "/x").page.body == b"<p>ok</p>"
        assert site.hits("/x") == 2


def test_fetch_client_tries_again_when_the_server_hangs_up():
    calls = []

    def hang_up_once(_):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionAbortedError("the test server hangs up without an answer")
        return Page("<p>second time</p>")

    with serve({"/x": hang_up_once}) as site:
        assert get(site, "/x").page.body == b"<p>second time</p>"
        assert site.hits("/x") == 2


def test_fetch_client_names_a_server_that_always_hangs_up():
    def hang_up(_):
        raise ConnectionAbortedError("the test server hangs up without an answer")

    with serve({"/x": hang_up}) as site:
        assert failure(site, "/x").startswith(f"network error with {site.base[7:]}: Server disconnected")


def test_fetch_client_times_out_on_a_slow_page():
    with serve({"/slow": Page("<p>late</p>", delay=1.5)}) as site:
        assert failure(site, "/slow", FetchSettings(delay=0, timeout=0.3)) == f"timed out after 0.3 s waiting for {site.base[7:]}"


def test_fetch_client_gives_up_on_a_page_that_trickles_in():
    # Each slice comes well within the timeout (0.25 s of 0.6 s); the whole takes 2.5 s, over 3 x 0.6 s.
    with serve({"/drip": Page("<p>" + "slow words " * 100 + "</p>", drip=0.25)}) as site:
        reason = failure(site, "/drip", FetchSettings(delay=0, timeout=0.6))
    assert reason == "too slow: the page took over 1.8 s to arrive"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/octet-stream", b"\x00\x01\x02binary"), ("image/png", b"\x89PNG\r\n"), ("application/pdf", b"%PDF-1.4")],
)
def test_fetch_client_refuses_what_is_not_a_web_page(content_type, body):
    with serve({"/file": Page(body, content_type=content_type)}) as site:
        assert failure(site, "/file").startswith(f"not a web page: the server sent {content_type}")


def test_fetch_client_refuses_an_oversized_page():
    with serve({"/big": Page("<p>" + "word " * 100_000 + "</p>")}) as site:
        assert failure(site, "/big", FetchSettings(delay=0, max_bytes=100_000)) == "too large: 0.5 MB, over the 0.1 MB limit"


def test_fetch_client_names_an_unreachable_host():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news"
    with Fetcher(FAST, trust_env=False) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.reason == f"cannot connect to 127.0.0.1:{port}: connection refused (is the host up?)"


def test_fetch_client_names_a_dns_failure(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "no-such-host.invalid":  # never asked of a real resolver
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with Fetcher(FAST, trust_env=False) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get("http://no-such-host.invalid/news")
    assert caught.value.reason == "DNS lookup failed: no such host 'no-such-host.invalid'"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "news/page.html", "mailto:desk@example.com"])
def test_fetch_client_refuses_what_is_not_a_web_address(url):
    with Fetcher(FAST, trust_env=False) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.reason.startswith("not a web address")
