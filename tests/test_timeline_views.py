"""The timeline as analysts read it: the span it opens on, a text search, sources counted
without reposts (in the app and in `kb timeline`), and the filtered view as CSV and TimelineJS."""

import csv
import io
import json
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.export import export_all
from pipeline.ingest import ingest
from pipeline.views.timeline import Entry, busiest_span, build_entries, default_period, entries_csv, entries_timelinejs, search
from tests.conftest import FOUNDING


def entry(i: int, when: str | None, end: str | None = None, **fields) -> Entry:
    fields = {"display_date": when or "undated", "type": "connect", "category": "industry", "summary": f"entry {i}",
              "actors": [], "targets": [], "document": None, "factuality": "asserted", "conflict": False,
              "conflict_reasons": [], "sources": []} | fields  # fmt: skip
    return Entry(id=i, date=when, date_end=end or when, granularity="day" if when else None, **fields)


def test_timeline_busiest_span_leaves_out_the_background_years():
    entries = [entry(1, "2010-06-01"), entry(2, "2014-07-01"), entry(3, None)]
    entries += [entry(10 + i, f"2017-{m:02d}-01") for i, m in enumerate(range(1, 9))]
    entries += [entry(20 + i, f"2018-{m:02d}-15") for i, m in enumerate(range(3, 7))]
    assert busiest_span(entries) == (date(2017, 1, 1), date(2018, 12, 31))
    # The range the page opens on stays within the dates the entries have.
    assert default_period(entries) == (date(2017, 1, 1), date(2018, 6, 15))
    assert busiest_span([entry(1, None)]) is None and default_period([]) is None


def test_timeline_busiest_span_of_one_year():
    entries = [entry(i, f"2018-0{i}-01") for i in range(1, 6)]
    assert busiest_span(entries) == (date(2018, 1, 1), date(2018, 12, 31))


@pytest.mark.parametrize(
    "text, ids",
    [("", [1, 2]), ("unionpay", [1]), ("网联", [2]), ("portal.example", [2]), ("ALIPAY", [1, 2]), ("nowhere", [])],
)
def test_timeline_search_reads_summaries_parties_and_sources(text, ids):
    source = {"article_id": 5, "title": "网联上线", "date": None, "url": "https://portal.example/x", "sentence": "网联上线了", "repost": True}
    entries = [
        entry(1, "2018-04-27", summary="Alipay connected to China UnionPay", actors=["Alipay"]),
        entry(2, None, summary="Alipay joined", sources=[source]),
    ]
    assert [e.id for e in search(entries, text)] == ids


def test_timeline_csv_and_timelinejs_of_a_view(fresh_store, write, tmp_path):
    ingest([FOUNDING], fresh_store)
    repost = FOUNDING.read_text().replace("Our reporter Xie Shui Wang reports from Shanghai.", "Reposted by a portal.")
    ingest([write("repost.txt", repost)], fresh_store)
    entries = search(build_entries(fresh_store), "UnionPay")
    rows = list(csv.DictReader(io.StringIO(entries_csv(entries))))
    assert [int(r["id"]) for r in rows] == [e.id for e in entries]
    denied = next(r for r in rows if r["type"] == "connect" and r["date"] == "2018-04-27")
    assert denied["sources"] == "2 sources, 1 of them a repost" and "[repost]" in denied["source_articles"]
    assert denied["conflict"] == "yes" and "deny by China UnionPay" in denied["conflict_reasons"]
    assert denied["summary_zh"] == next(e.summary_zh for e in entries if e.id == int(denied["id"])) and "银联" in denied["summary_zh"]
    # The TimelineJS file is the export's, of these entries only.
    data = json.loads(entries_timelinejs(entries))
    assert [e["unique_id"] for e in data["events"]] == [f"entry-{e.id}" for e in entries if e.date]
    (written,) = export_all(nx.MultiDiGraph(), entries, tmp_path / "out", ["timelinejs"])
    assert json.loads(written.read_text(encoding="utf-8")) == data


def test_timeline_csv_cells_never_start_a_formula():
    text = entries_csv([entry(1, None, summary="=HYPERLINK(1)")])
    assert "'=HYPERLINK(1)" in text


def test_cli_timeline_counts_sources_without_reposts(db_path, write):
    runner = CliRunner()
    repost = FOUNDING.read_text().replace("Our reporter Xie Shui Wang reports from Shanghai.", "Reposted by a portal.")
    runner.invoke(cli, ["ingest", str(FOUNDING), str(write("repost.txt", repost)), "--db", str(db_path)], catch_exceptions=False)
    result = runner.invoke(cli, ["timeline", "--db", str(db_path), "--type", "deny"], catch_exceptions=False)
    assert result.output.rstrip().endswith("[2 sources, 1 of them a repost]")
    assert "source(s)" not in result.output


@pytest.mark.parametrize(
    "article, line",
    [
        ({"date": "2018-09", "date_source": "inferred", "date_evidence": 'lead date "September 13th"'},
         '2018-09: date inferred from the text: lead date "September 13th"'),
        ({"date": "2017-03-25", "date_source": "metadata", "date_evidence": 'header date "2017-03-25"'},
         '2017-03-25: date from the page\'s metadata: header date "2017-03-25"'),
        ({"date": "2018-09-17", "date_source": "url", "date_evidence": None}, "2018-09-17: date from the page's address"),
        ({"date": None, "date_source": None, "date_evidence": "undated: no dateline"}, "undated: no dateline"),
        ({"date": None, "date_source": None, "date_evidence": None}, "undated"),
    ],
)  # fmt: skip
def test_views_dates_date_line_says_where_the_date_came_from(article, line):
    from pipeline.views.dates import date_line

    assert date_line(article) == line


def test_an_act_told_only_as_not_done_and_undated_is_left_off_the_timeline(fresh_store, write):
    """'have not announced' places nothing on a timeline; asked for denied entries, or asked as a
    question, it is still there."""
    from pipeline.views.questions import ask
    from pipeline.views.timeline import timeline

    told = "Alipay and UnionPay have not announced the agreement. On 10 September 2018, Alipay signed with UnionPay."
    ingest([write("story.txt", f"title: Signing\ndate: 2018-09-14\n\n{told}")], fresh_store)
    assert [(e.type, e.factuality) for e in build_entries(fresh_store) if e.type == "announce"] == [("announce", "denied")]
    shown = timeline(fresh_store)
    assert "announce" not in {e.type for e in shown} and "cooperate" in {e.type for e in shown}
    assert [e.type for e in timeline(fresh_store, factuality={"denied"})] == ["announce"]
    assert ask(fresh_store, "Did UnionPay announce the agreement?").yes_no is not True



@pytest.mark.parametrize("day", ["April 1, 2018", "May 2, 2018"])
def test_a_summary_joins_targets_the_verb_takes_no_object_of(fresh_store, write, day):
    """"took effect for payment institutions", not "took effect payment institutions"."""
    told = f"The People's Bank of China issued the barcode rules. On {day}, the rules took effect for payment institutions."
    ingest([write("rules.txt", f"title: Rules\ndate: 2018-06-01\n\n{told}")], fresh_store)
    effect = [e.summary for e in build_entries(fresh_store) if e.type == "take_effect"]
    assert effect and all(" took effect for " in s for s in effect), effect


@pytest.mark.parametrize("told, summary", [
    ("On 10 September 2018, Alipay and UnionPay began cooperating.", "Alipay and China UnionPay began cooperating"),
    ("On 10 September 2018, Alipay began cooperating with UnionPay.", "Alipay began cooperating with China UnionPay"),
])
def test_a_summary_ends_on_no_preposition_when_no_one_follows_it(fresh_store, write, told, summary):
    """"began cooperating with" names its partner; with both as actors it ends on the act."""
    ingest([write("story.txt", f"title: Signing\ndate: 2018-09-14\n\n{told}")], fresh_store)
    assert [e.summary for e in build_entries(fresh_store) if e.type == "cooperate"] == [summary]


def test_a_denial_s_summary_says_whom_the_claim_was_about(fresh_store, write):
    """Not "China UnionPay denied Alipay", which reads as a refusal of Alipay."""
    told = ("On Wednesday a website reported that Alipay had signed with UnionPay. "
            "On Thursday, UnionPay denied the report that it had signed an agreement with Alipay.")
    ingest([write("story.txt", f"title: Denial\ndate: 2018-09-14\n\n{told}")], fresh_store)
    denials = [(e.summary, e.summary_zh) for e in build_entries(fresh_store) if e.type == "deny"]
    assert denials == [("China UnionPay denied a claim about Alipay", "中国银联否认有关支付宝的说法")], denials


def test_a_rule_taking_effect_is_told_of_the_rule_not_of_its_issuer(fresh_store, write):
    told = "央行于2017年12月25日印发的《条码支付业务规范（试行）》将于4月1日起正式实施。"
    ingest([write("rules.txt", f"title: 条码\ndate: 2018-03-30\n\n{told}")], fresh_store)
    effect = [(e.summary, e.summary_zh, e.actor_ids) for e in build_entries(fresh_store) if e.type == "take_effect"]
    assert effect == [("Bar Code Payment Business Standards (Trial) (Yinfa [2017] No. 296) took effect",
                       "《条码支付业务规范（试行）》施行", ["pboc"])], effect
