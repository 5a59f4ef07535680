"""Every supported format comes in as clean text with its metadata."""

import json

import pytest

from tests.conftest import FOUNDING
from pipeline.ingest import ingest
from pipeline.views.timeline import build_entries

NEWS_EN = "NetsUnion began a grey launch test at the end of March. Alipay joined the platform later."
NEWS_ZH = "网联将于本月底进行灰度上线测试。支付宝随后接入网联平台。"


def test_ingest_txt_with_header_block(fresh_store, write):
    path = write("a.txt", f"title: Grey launch\ndate: 2017-03-25\nsource: Caijing\nurl: https://example.com/1\n\n{NEWS_EN}\n")
    report = ingest([path], fresh_store)
    assert report.ingested == 1 and not report.failed
    [row] = fresh_store.articles()
    assert (row["title"], row["date"], row["date_source"], row["source"], row["url"], row["lang"]) == (
        "Grey launch", "2017-03-25", "metadata", "Caijing", "https://example.com/1", "en",
    )  # fmt: skip
    assert fresh_store.article(row["id"])["text"] == NEWS_EN


def test_ingest_txt_translation_site_header(fresh_store):
    ingest([FOUNDING], fresh_store)
    [row] = fresh_store.articles()
    article = fresh_store.article(row["id"])
    assert row["title"].startswith("Alipay has entered into cooperation with UnionPay")
    assert "category:" not in article["text"] and "click:1073" not in article["text"]
    # The site prints the title again at the top of the body; it is kept once, as the title.
    assert article["text"].startswith("Our reporter Xie Shui Wang reports from Shanghai.")


def test_ingest_markdown_keeps_words_drops_markup(fresh_store, write):
    path = write("wiki.md", "## 背景\n\n**网联**由[中国支付清算协会](../Page/x.md \"wikilink\")组织发起设立\\[1\\]。\n")
    ingest([path], fresh_store)
    text = fresh_store.article(fresh_store.articles()[0]["id"])["text"]
    assert text == "背景\n\n网联由中国支付清算协会组织发起设立。"


def test_ingest_html_main_text_only(fresh_store, write):
    html = f"""<html><head><title>Grey launch</title><script>var tracker = 1;</script>
    <style>p {{ color: red }}</style></head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
    <article><h1>Grey launch</h1><p>{NEWS_EN}</p><p>Tenpay connected to UnionPay in April.</p></article>
    <footer>Copyright 2018 Example News</footer></body></html>"""
    ingest([write("page.html", html)], fresh_store)
    [row] = fresh_store.articles()
    text = fresh_store.article(row["id"])["text"]
    assert row["title"] == "Grey launch"
    assert NEWS_EN in text and "Tenpay connected to UnionPay in April." in text
    for noise in ("tracker", "color: red", "Home", "Copyright"):
        assert noise not in text


@pytest.mark.parametrize("byline, people, outlet", [
    ('<div class="info">2018-06-30 10:15 来源：金融早报 作者：吴静怡</div>', ["吴静怡"], "金融早报"),
    ('<div class="info">2018-06-30 10:15 來源：金融早報 作者：吳靜怡</div>', ["吳靜怡"], "金融早報"),  # Traditional
    ('<p class="byline">By Helen Zhao, China correspondent</p>', ["Helen Zhao"], None),
])
def test_ingest_html_keeps_the_byline_the_main_text_leaves_out(fresh_store, write, byline, people, outlet):
    """The author and the outlet of a page are entities of its article: its byline, beside the
    title and outside the main text, is kept as the article's first paragraph, once."""
    body = ("<p>今天是6月30日，支付机构断直连的最后期限。从明天起，支付宝、财付通等支付机构的网络支付业务将全部通过网联平台或银联处理。</p>"
            "<p>央行支付结算司去年8月下发通知，明确自今年6月30日起，网络支付业务全部通过网联平台处理。</p>") if outlet else (
            f"<p>{NEWS_EN}</p><p>Tenpay connected to UnionPay in April, and Alipay followed in September.</p>")
    html = f"""<html><head><title>断直连大限已至</title></head><body><nav><a href="/">首页</a></nav>
    <h1>断直连大限已至</h1>{byline}<div class="content">{body}</div><footer>版权所有</footer></body></html>"""
    ingest([write("page.html", html)], fresh_store)
    [row] = fresh_store.articles()
    text = fresh_store.article(row["id"])["text"]
    assert text.count(people[0]) == 1, text
    named = {m["text"] for m in fresh_store.mentions(row["id"])}
    assert set(people) <= named and (outlet is None or outlet in named), named


def test_ingest_html_headings_and_link_lines_stay_paragraphs_of_their_own(fresh_store, write):
    """trafilatura gives each block a line; a heading or a "Read more" line with no full stop is
    no wrapped line of the paragraph after it."""
    html = f"""<html><head><title>Switch</title></head><body><article><h1>Switch</h1><p>{NEWS_EN}</p>
    <h2>Banks close the old doors</h2><p>Lenders have started to dismantle the old model.</p>
    <p>Read more: Alipay and Tenpay prepare for the switch</p><p>Tenpay connected to UnionPay in April.</p>
    </article></body></html>"""
    ingest([write("page.html", html)], fresh_store)
    [row] = fresh_store.articles()
    paragraphs = fresh_store.article(row["id"])["text"].split("\n\n")
    for block in ("Banks close the old doors", "Lenders have started to dismantle the old model.",
                  "Read more: Alipay and Tenpay prepare for the switch", "Tenpay connected to UnionPay in April."):
        assert block in paragraphs


def test_ingest_jsonl_one_article_per_line(fresh_store, write):
    lines = [
        {"title": "One", "text": NEWS_EN, "date": "2018-05-11", "url": "https://example.com/one"},
        {"title": "二", "content": NEWS_ZH},
    ]
    path = write("batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    report = ingest([path], fresh_store)
    assert report.ingested == 2
    rows = {r["title"]: r for r in fresh_store.articles()}
    assert rows["One"]["lang"] == "en" and rows["One"]["date"] == "2018-05-11" and rows["One"]["url"] == "https://example.com/one"
    assert rows["二"]["lang"] == "zh" and rows["二"]["date"] is None


def test_ingest_json_list_and_single_object(fresh_store, write):
    ingest([write("list.json", json.dumps([{"text": NEWS_EN, "title": "a"}, {"text": NEWS_ZH, "title": "b"}]))], fresh_store)
    ingest([write("one.json", json.dumps({"text": "Tenpay connected to UnionPay in April 2018.", "lang": "en"}))], fresh_store)
    assert len(fresh_store.articles()) == 3


def test_ingest_folder_recursive_skips_notes(fresh_store, write):
    write("news/2017/a.txt", NEWS_EN)
    write("news/2018/deep/b.txt", NEWS_ZH)
    write("news/README.md", "# How this folder is organised\n\nNotes for the team, not news.")
    write("news/.hidden/c.txt", "Hidden drafts are not news.")
    report = ingest([write("news/x.txt", "Tenpay connected to UnionPay.").parent], fresh_store)
    assert report.ingested == 3 and not report.failed


def test_ingest_metadata_date_forms(fresh_store, write):
    for name, date, expected in [("a", "2017年3月25日", "2017-03-25"), ("b", "2018/5/11 10:18", "2018-05-11"), ("c", "2018-04", "2018-04"), ("d", "soon", None)]:
        write(f"{name}.txt", f"title: {name}\ndate: {date}\n\n{NEWS_EN} ({name})")
    ingest([write("a.txt", f"title: a\ndate: 2017年3月25日\n\n{NEWS_EN} (a)").parent], fresh_store)
    dates = {r["title"]: r["date"] for r in fresh_store.articles()}
    assert dates == {"a": "2017-03-25", "b": "2018-05-11", "c": "2018-04", "d": None}


@pytest.mark.parametrize(
    "meta, body",
    [
        ({"title": "Wallets\nmove", "date": "2021-01-05", "source": None, "lang": "en"}, "title: not a header here\n\nText."),
        ({}, "Text alone."),
    ],
)
def test_ingest_with_header_is_read_back_by_split_header(meta, body):
    from pipeline.ingest.clean import split_header, with_header

    given = {k: " ".join(v.split()) for k, v in meta.items() if v}
    read_meta, read_body = split_header(with_header(meta, body))
    assert (read_meta, read_body.strip()) == (given, body)


def test_rows_of_a_table_laid_out_in_text_are_sentences_of_their_own(fresh_store, write):
    """Cells apart by runs of spaces or tabs: each row is told apart, so each bank keeps its own
    date, and no name runs into the next row's (快捷支付接口光大银行)."""
    table = ("银行        时间          事项\n"
             "中信银行    7月31日       宣布关闭直连模式下的快捷支付接口\n"
             "光大银行\t9月20日\t宣布终止直连合作\n")  # fmt: skip
    ingest([write("banks.txt", f"title: 银行公告\ndate: 2018-12-20\nlang: zh\n\n今年以来多家银行关闭了直连接口。\n\n{table}")], fresh_store)
    article = fresh_store.articles()[0]
    sentences = [s["text"] for s in fresh_store.sentences(article["id"])]
    assert "中信银行 7月31日 宣布关闭直连模式下的快捷支付接口" in sentences
    assert "光大银行 9月20日 宣布终止直连合作" in sentences
    announced = {e.value: e.actor_ids for e in build_entries(fresh_store) if e.type == "announce"}
    assert announced["2018-07-31"] == ["org:citic_bank"] and len(announced["2018-09-20"]) == 1
