"""Made-up news pages (written for these tests, about the 断直连 story and about other things)
and the site that serves them: dates in metadata, in the address and in a byline; RSS and Atom
feeds; a sitemap index with a gzipped sitemap; robots.txt; redirects; faults."""

from __future__ import annotations

import gzip

from tests.web_server import Page

NETSUNION = """
<p>The clearing house NetsUnion said on Friday that Alipay and Tenpay now send every online payment
through its platform instead of connecting directly to each bank.</p>
<p>The People's Bank of China had told non-bank payment institutions to end their direct connections
with banks by the end of June, and smaller payment institutions were still moving their traffic this week.</p>
<p>Bankers said the new routing lets the central bank see where the money of third-party payment goes.</p>
"""

UNIONPAY = """
<p>China UnionPay confirmed that Alipay had begun routing some card payments through the UnionPay
clearing network, a step analysts had expected since the disconnection rules were published.</p>
<p>Payment institutions must keep their customer reserve funds with the central bank, and the
direct connections between wallets and banks are being switched off one by one.</p>
"""

RESERVES = """
<p>Payment institutions will deposit all customer reserve funds with the People's Bank of China
under a notice the central bank sent to the industry, a further step after NetsUnion began
clearing online payments.</p>
<p>Tenpay and Alipay each hold large reserve funds; analysts expect the move to cut the interest
income that third-party payment firms earned on that money.</p>
"""

ZH = """
<p>网联清算有限公司表示，支付宝和财付通的网络支付业务已经全部接入网联平台，断直连工作基本完成。</p>
<p>中国人民银行此前要求非银行支付机构在六月底前切断与银行的直连，所有网络支付都要通过网联或银联清算。</p>
<p>业内人士认为，这一变化让央行能够看清第三方支付的资金流向，也让备付金管理更加规范。</p>
"""

FOOTBALL = """
<p>The home side scored twice in the second half to win the league match on Saturday evening in
front of a full stadium, and their coach praised the young forwards who came off the bench.</p>
<p>Tickets for the next home game go on sale on Monday morning at the club shop and on its website.</p>
"""


def article(title: str, body: str, *, head: str = "", byline: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a> | <a href='/news/'>News</a></nav><article><h1>{title}</h1>{byline}{body}"
        "</article><footer>Copyright the Payments Desk</footer></body></html>"
    )


def login_wall() -> str:
    return (
        '<html lang="en"><head><title>Subscribers only</title></head><body><h1>Sign in to read</h1>'
        '<form action="/login" method="post"><input name="user"><input type="password" name="pw">'
        "<button>Sign in</button></form></body></html>"
    )


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{path}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>" for path, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Payments Desk</title><link>{base}/</link>{entries}</channel></rss>'


def atom(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{path}</title><id>{base}{path}</id><link href="{base}{path}"/><updated>{date}</updated></entry>'
        for path, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Payments Desk</title>'
        f'<id>{base}/</id><updated>2018-07-02T08:00:00Z</updated>{entries}</feed>'
    )


def urlset(base: str, items: list[tuple[str, str | None]]) -> str:
    urls = "".join(f"<url><loc>{base}{path}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</url>" for path, d in items)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def sitemap_index(base: str, paths: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in paths)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'


def news_site(base: str) -> dict[str, Page]:
    """The outlet of the tests: four on-topic articles (dates in metadata, address, byline; one
    in Chinese), one off-topic, its feeds and sitemaps, robots.txt and a private page."""
    xml = "application/xml"
    return {
        "/robots.txt": Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/news/netsunion-routing": Page(
            article("Wallets now pay through NetsUnion", NETSUNION,
                    head='<meta property="article:published_time" content="2018-06-30T09:00:00+08:00">'),
            etag='"netsunion-v1"',
        ),  # fmt: skip
        "/2018/09/14/unionpay-alipay": Page(article("UnionPay confirms Alipay routing", UNIONPAY), last_modified="Fri, 14 Sep 2018 10:00:00 GMT"),
        "/news/reserve-funds": Page(article(
            "Reserve funds move to the central bank", RESERVES,
            byline='<p class="byline">By a staff reporter · <time datetime="2018-12-28">28 December 2018</time></p>')),
        "/zh/duanzhilian": Page(article("断直连基本完成", ZH, lang="zh",
                                        head='<meta name="pubdate" content="2018-07-01">')),
        "/sport/derby": Page(article("Late goals win the derby", FOOTBALL,
                                     head='<meta property="article:published_time" content="2018-07-01T20:00:00Z">')),
        "/private/draft": Page(article("A draft", NETSUNION)),
        "/rss.xml": Page(rss(base, [
            ("/news/netsunion-routing", "Sat, 30 Jun 2018 09:00:00 +0800"),
            ("/2018/09/14/unionpay-alipay", "Fri, 14 Sep 2018 10:00:00 +0000"),
            ("/sport/derby", "Sun, 01 Jul 2018 20:00:00 +0000"),
            ("/news/old-story", "Mon, 04 Jan 2016 08:00:00 +0000"),
        ]), content_type="application/rss+xml"),
        "/atom.xml": Page(atom(base, [("/news/reserve-funds", "2018-12-28T08:00:00Z"), ("/zh/duanzhilian", "2018-07-01T08:00:00Z")]),
                          content_type="application/atom+xml"),
        "/sitemap.xml": Page(sitemap_index(base, ["/sitemap-2018.xml", "/sitemap-sport.xml.gz"]), content_type=xml),
        "/sitemap-2018.xml": Page(urlset(base, [("/news/netsunion-routing", "2018-06-30"), ("/zh/duanzhilian", "2018-07-01"),
                                                ("/news/reserve-funds", None)]), content_type=xml),
        "/sitemap-sport.xml.gz": Page(gzip.compress(urlset(base, [("/sport/derby", "2018-07-01")]).encode()),
                                      content_type="application/gzip"),
    }  # fmt: skip


def write_warc(path, records, *, gzipped: bool = True) -> None:
    """A web archive of (url, status, content type, body) responses, each with its request,
    captured on 2018-09-14 (the tests' own archive: warcio writes it as crawlers do)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, status, content_type, body in records:
            body = body.encode() if isinstance(body, str) else body
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "test")], is_http_request=True),
            )  # fmt: skip
            headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2018-09-14T10:00:00Z"},
            )  # fmt: skip
            writer.write_record(request)
            writer.write_record(response)
