"""Publication dates through ingest into a SQLite store: each with where it came from and the
words or the field it rests on, shown by `kb articles`; and the dev corpus floors."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.ingest import ingest
from pipeline.store import Store
from tests.conftest import ROOT

STORY = ("China's central bank has ordered payment companies to route online payments through NetsUnion. "
         "The notice was issued on August 4, 2017.")


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def stored(db_path) -> dict:
    with Store(db_path, readonly=True) as store:
        [row] = store.conn.execute("SELECT date, date_source, date_evidence, date_confidence FROM article").fetchall()
    return dict(row)


def test_ingest_pubdate_html_meta(db_path, write):
    page = write("a.html", f"""<html><head><title>Payment firms must use NetsUnion</title>
<meta property="article:published_time" content="2017-08-09T08:30:00+08:00"></head>
<body><article><h1>Payment firms must use NetsUnion</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>""")
    with Store(db_path) as store:
        ingest([page], store)
    row = stored(db_path)
    assert (row["date"], row["date_source"]) == ("2017-08-09", "html")
    assert "article:published_time" in row["date_evidence"]


def test_ingest_pubdate_html_byline(db_path, write):
    page = write("b.html", f"""<html><head><title>Payment firms must use NetsUnion</title></head>
<body><article><h1>Payment firms must use NetsUnion</h1>
<div class="byline">Published: 28 Dec 2017 07:55 HKT</div><p>{STORY}</p><p>{STORY}</p></article></body></html>""")
    with Store(db_path) as store:
        ingest([page], store)
    row = stored(db_path)
    assert (row["date"], row["date_source"]) == ("2017-12-28", "html")
    assert "28 Dec 2017" in row["date_evidence"]


def test_ingest_pubdate_url_of_a_json_item(db_path, write):
    item = write("c.json", json.dumps({"title": "NetsUnion", "url": "http://news.example.cn/n1/2017/0809/c100.html",
                                       "text": STORY}))
    with Store(db_path) as store:
        ingest([item], store)
    row = stored(db_path)
    assert (row["date"], row["date_source"]) == ("2017-08-09", "url")
    assert "n1/2017/0809" in row["date_evidence"]


def test_ingest_pubdate_dateline_and_its_change(db_path, write):
    path = write("d.txt", f"Payment firms must use NetsUnion\n\nBEIJING, Aug 8 (Meridian) - {STORY}\n")
    with Store(db_path) as store:
        ingest([path], store)
    assert (stored(db_path)["date"], stored(db_path)["date_source"]) == ("2017-08-08", "dateline")
    assert 0.5 < stored(db_path)["date_confidence"] < 1.0
    path.write_text(path.read_text().replace("August 4, 2017", "August 4, 2018"))
    with Store(db_path) as store:
        ingest([path], store)
    row = stored(db_path)
    assert row["date"] == "2018-08-08" and '"August 4, 2018"' in row["date_evidence"]


def test_ingest_pubdate_header_wins_and_undated_says_why(db_path, write):
    dated = write("e.txt", f"title: t\ndate: 2017-08-10\n\nBEIJING, Aug 8 (Meridian) - {STORY}\n")
    undated = write("f.txt", "Payment firms, regulated since 2016, must route payments through NetsUnion, "
                             "the clearing house that Alipay and Tenpay joined.\n")
    with Store(db_path) as store:
        ingest([dated, undated], store)
    listed = json.loads(run("articles", "--db", db_path, "--json").output)
    by_path = {a["path"].rsplit("/", 1)[-1]: a for a in listed}
    assert (by_path["e.txt"]["date"], by_path["e.txt"]["date_source"]) == ("2017-08-10", "metadata")
    assert by_path["e.txt"]["date_confidence"] == 1.0 and by_path["e.txt"]["date_evidence"] == 'header date "2017-08-10"'
    assert by_path["f.txt"]["date"] is None and by_path["f.txt"]["date_evidence"].startswith("undated")
    assert by_path["f.txt"]["date_confidence"] is None
    assert {"date_evidence", "date_confidence", "path"} <= set(listed[0])
    lines = run("articles", "--db", db_path).output.splitlines()
    assert any("2017-08-10  metadata" in line for line in lines)
    assert any("undated     -" in line for line in lines)


@pytest.fixture(scope="module")
def dev_scores(shared):
    if not (shared / "corpus" / "dev" / "gold").is_dir():
        pytest.skip(f"needs the dev corpus at {shared / 'corpus' / 'dev'}")
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    from score_pubdate import read_ids, score

    return {part: score(read_ids(ROOT / "tests" / "dev_split" / f"{part}.txt")) for part in ("tuning", "check")}


@pytest.mark.parametrize("part, right_or_coarse", [("tuning", 30), ("check", 14)])
def test_ingest_pubdate_dev_corpus_floors(dev_scores, part, right_or_coarse):
    # floors at the measured figures; a wrong date is worse than none: none is allowed
    found = dev_scores[part]
    assert found["wrong"] == 0, found
    assert found["right"] + found["coarse"] >= right_or_coarse, found


@pytest.mark.parametrize(
    "field, value",
    [("published", "2018-06-30T10:15:00+08:00"), ("pubDate", "Sat, 30 Jun 2018 10:15:00 +0800"),
     ("datePublished", "June 30, 2018")],
)
def test_ingest_pubdate_feed_fields_of_a_json_item(db_path, write, field, value):
    item = write("g.json", json.dumps({"title": "NetsUnion", field: value, "text": STORY}))
    with Store(db_path) as store:
        ingest([item], store)
    row = stored(db_path)
    assert (row["date"], row["date_source"], row["date_confidence"]) == ("2018-06-30", "metadata", 1.0)
    assert row["date_evidence"] == f'JSON field "{field}" date "{value}"'


def test_ingest_pubdate_html_release_line_beside_the_title(db_path, write):
    # no metadata htmldate reads, and the release line is outside the main text: it is read
    # from the page's lines, from the title down (the title's 至 is no deadline of that date)
    page = write("h.html", """<html><head><title>支付机构断直连大限已至</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/fin">金融</a></div>
<h1>支付机构断直连大限已至</h1>
<div class="info"><span>2018年06月30日 10:15</span> <span>来源：金融早报</span></div>
<div class="content"><p>支付机构断直连的最后期限到了。已有462家银行和115家支付机构接入网联平台。央行2017年8月发布209号文，要求网络支付业务全部通过网联平台处理。</p>
<p>业内人士表示，断直连之后，央行能够看清资金流向。支付宝、财付通等机构已经完成接入工作。</p></div>
</body></html>""")
    with Store(db_path) as store:
        ingest([page], store)
    row = stored(db_path)
    assert (row["date"], row["date_source"]) == ("2018-06-30", "html")
    assert '"2018年06月30日 10:15"' in row["date_evidence"]


DATELINE_ONLY = ("Payments move to NetsUnion\n\nSHANGHAI, July 1 (Meridian) -- Online payments of non-bank payment institutions "
                 "now go through NetsUnion, after the June 30 deadline set by the People's Bank of China.\n")
DEADLINE_TOLD = ("title: Deadline day\ndate: 2018-07-02\n\nThe People's Bank of China set June 30 as the deadline for "
                 "non-bank payment institutions to connect to NetsUnion.\n")


@pytest.mark.parametrize("one_batch", [True, False])
def test_ingest_pubdate_a_dateline_without_year_takes_the_year_other_sources_give_its_days(db_path, write, one_batch):
    """"SHANGHAI, July 1" and no year in the text: the June 30 it names is 2018's in the other
    sources, so the page is of 2018-07-01, said so; it is read first or last alike."""
    paths = [write("dateline.txt", DATELINE_ONLY), write("dated.txt", DEADLINE_TOLD)]
    with Store(db_path) as store:
        for batch in [paths] if one_batch else [[p] for p in paths]:
            ingest(batch, store)
        row = next(a for a in store.articles() if a["path"].endswith("dateline.txt"))
    assert (row["date"], row["date_source"]) == ("2018-07-01", "other sources")
    assert "year from the other sources" in row["date_evidence"] and "SHANGHAI, July 1" in row["date_evidence"]


def test_ingest_pubdate_a_dateline_without_year_follows_the_other_sources_or_stays_undated(db_path, write):
    paths = [write("dateline.txt", DATELINE_ONLY), write("dated.txt", DEADLINE_TOLD.replace("2018-07-02", "2017-07-03"))]
    with Store(db_path) as store:
        ingest(paths, store)
        assert next(a for a in store.articles() if a["path"].endswith("dateline.txt"))["date"] == "2017-07-01"
        # a source giving June 30 another year: the page could be of either, so of neither
        other = write("other.txt", "title: Another year\ndate: 2018-07-05\n\nPayment firms had to connect to NetsUnion "
                                   "by the June 30 deadline that the People's Bank of China set, a notice said.\n")
        ingest([other], store)
        row = next(a for a in store.articles() if a["path"].endswith("dateline.txt"))
    assert row["date"] is None and row["date_evidence"].startswith("undated")


def test_ingest_pubdate_a_dateline_takes_the_year_of_the_day_just_before_it(db_path, write):
    """"SHANGHAI, July 1" naming the June 30 deadline (2018's in the other sources) and the trial
    run of March 31 (2017's): the day just before the dateline is the news, its year the page's."""
    page = DATELINE_ONLY.rstrip("\n") + " NetsUnion began trial operations on March 31.\n"
    trial = "title: Trial\ndate: 2017-04-05\n\nNetsUnion began trial operations on March 31.\n"
    paths = [write("dateline.txt", page), write("dated.txt", DEADLINE_TOLD), write("trial.txt", trial)]
    with Store(db_path) as store:
        ingest(paths, store)
        row = next(a for a in store.articles() if a["path"].endswith("dateline.txt"))
    assert (row["date"], row["date_source"]) == ("2018-07-01", "other sources")
