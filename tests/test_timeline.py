"""The timeline follows the text: nothing in the code knows the events in advance."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.extract.time import tag
from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.timeline import build_entries, timeline
from pipeline.views.questions import ask
from tests.conftest import FOUNDING

STORY = (
    "title: Alipay and NetsUnion\ndate: 2018-09-13\n\n"
    "In April 27th, it was reported that Alipay had access to the UnionPay. "
    "On the evening of the same day, the UnionPay statement denied the matter indirectly.\n\n"
    "In May 11th, NetsUnion and Alipay announced the cooperation in the bar code payment business."
)


def entries_by_type(store):
    return {(e.type, e.value): e for e in build_entries(store)}


def entries_of(store, write, text: str) -> list:
    """The timeline entries of a store that ingested one article of these words."""
    ingest([write("article.txt", text)], store)
    return build_entries(store)


def test_timeline_reads_events_dates_and_factuality(fresh_store, write):
    ingest([write("story.txt", STORY)], fresh_store)
    found = entries_by_type(fresh_store)
    connect = found[("connect", "2018-04-27")]
    assert (connect.actor_ids, connect.target_ids, connect.factuality) == (["alipay"], ["unionpay"], "reported")
    deny = found[("deny", "2018-04-27TEV")]
    assert deny.actor_ids == ["unionpay"] and deny.display_date == "2018-04-27 evening"
    # The denial answers the report: the report is flagged, not dropped.
    assert connect.conflict and "deny by China UnionPay" in connect.conflict_reasons[0]
    announced = found[("announce", "2018-05-11")]
    assert announced.actor_ids == ["netsunion", "alipay"]
    assert announced.summary == "NetsUnion Clearing Corporation and Alipay announced cooperation"


def test_timeline_follows_an_edited_date_and_actor(fresh_store, write):
    path = write("story.txt", STORY)
    ingest([path], fresh_store)
    assert ("connect", "2018-04-27") in entries_by_type(fresh_store)
    path.write_text(STORY.replace("In April 27th", "In March 3rd").replace("that Alipay had", "that Tenpay had"))
    ingest([path], fresh_store)
    found = entries_by_type(fresh_store)
    assert ("connect", "2018-04-27") not in found
    moved = found[("connect", "2018-03-03")]
    assert moved.actor_ids == ["tenpay"]
    # The denial still follows the report it answers, now on its new day.
    assert ("deny", "2018-03-03TEV") in found


def test_timeline_reposts_and_repeated_paragraphs_add_sources_not_entries(fresh_store, write):
    ingest([FOUNDING], fresh_store)
    before = {e.id: len(e.sources) for e in build_entries(fresh_store)}
    repost = FOUNDING.read_text().replace("Our reporter Xie Shui Wang reports from Shanghai.", "Reposted by a portal.")
    report = ingest([write("repost.txt", repost)], fresh_store)
    assert report.duplicates == 1
    after = build_entries(fresh_store)
    assert {e.id for e in after} == set(before)
    grown = [e for e in after if len(e.sources) > before[e.id]]
    assert grown and all(any(s["repost"] for s in e.sources) for e in grown)


def test_timeline_founding_article_key_entries(fresh_store):
    ingest([FOUNDING], fresh_store)
    found = entries_by_type(fresh_store)
    require = found[("require", "2017-08")]
    assert require.actor_ids == ["pboc_payment_dept"] and require.document_id == "doc_209"
    assert require.deadline == "2018-06-30" and ("deadline", "2018-06-30") in found
    assert found[("issue", "2017-12")].document_id == "doc_296_barcode_rules"
    assert found[("take_effect", "2018-04-01")].document_id == "doc_296_barcode_rules"
    # "Fiscal has been connected to UnionPay and UnionPay": Tenpay and NetsUnion only by rules
    # fitted to this sentence (removed in issue 15); the connection to UnionPay stays.
    assert "unionpay" in found[("connect", "2018-04")].target_ids
    retract = found[("retract", "2018-05-11")]
    assert retract.actor_ids == ["netsunion"] and retract.display_date == "after 2018-05-11"
    assessments = [e for e in build_entries(fresh_store) if e.type == "assessment"]
    assert [e.actor_ids for e in assessments] == [["person:xue_hongyan"]] and assessments[0].category == "commentary"


def test_timeline_filters(fresh_store):
    ingest([FOUNDING], fresh_store)
    from datetime import date

    in_april = timeline(fresh_store, date_from=date(2018, 4, 1), date_to=date(2018, 4, 30))
    assert in_april and all(e.date <= "2018-04-30" and (e.date_end or e.date) >= "2018-04-01" for e in in_april)
    assert {e.type for e in timeline(fresh_store, types={"deny"})} == {"deny"}
    assert all("alipay" in e.actor_ids + e.target_ids for e in timeline(fresh_store, entity_ids={"alipay"}))


def test_cli_timeline_json_contract(db_path):
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(FOUNDING), "--db", str(db_path)], catch_exceptions=False)
    result = runner.invoke(cli, ["timeline", "--db", str(db_path), "--entity", "Ali Pay", "--json"], catch_exceptions=False)
    rows = json.loads(result.output)
    assert rows and all({"id", "date", "date_end", "granularity", "type", "summary", "actors", "targets", "document",
                         "factuality", "conflict", "sources"} <= set(r) for r in rows)
    assert all("Alipay" in r["actors"] + r["targets"] for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    source = rows[0]["sources"][0]
    assert set(source) >= {"article_id", "title", "date", "sentence"}


@pytest.mark.parametrize("bad", ["2018-13", "yesterday"])
def test_cli_timeline_rejects_bad_dates(db_path, bad):
    result = CliRunner().invoke(cli, ["timeline", "--db", str(db_path), "--from", bad])
    assert result.exit_code == 2 and "use YYYY, YYYY-MM or YYYY-MM-DD" in result.output


def test_timeline_entries_are_built_once_per_state_of_the_store(fresh_store, write):
    from pipeline.views import questions

    ingest([write("story.txt", STORY)], fresh_store)
    first = build_entries(fresh_store)
    assert first and build_entries(fresh_store)[0] is first[0]  # shared, not built again
    assert questions.knowledge(fresh_store).entries[0] is first[0]  # the question engine reads the same ones
    ingest([write("other.txt", STORY.replace("April 27th", "March 3rd"))], fresh_store)
    assert build_entries(fresh_store)[0] is not first[0]  # a write builds them afresh


@pytest.mark.parametrize(
    "sentence, told",
    [
        ("2017年4月17日，支付宝将备付金交存至人民银行。", True),  # a verb with its object: an event
        ("2017年4月17日，人民银行公布交存比例。", False),  # modifies an abstract head: the deposit ratio
        ("2017年4月17日，支付宝落实监管要求。", False),  # a modifier before it: the requirements, a noun
    ],
)
def test_chinese_trigger_used_as_a_noun_is_no_event(fresh_store, write, sentence, told):
    ingest([write("zh.txt", f"title: 备付金\ndate: 2017-04-18\nlang: zh\n\n{sentence}\n")], fresh_store)
    types = {e.type for e in build_entries(fresh_store)}
    assert (("deposit" in types) or ("require" in types)) is told, types


def test_dated_figures_are_statistic_entries(fresh_store, write):
    text = ("title: Figures\ndate: 2018-07-02\n\n"
            "As of June 30, 2018, 462 banks and 115 payment institutions had connected to NetsUnion.\n"
            "Alipay, Tenpay and Chinabank Payment, 3 institutions, joined on March 31, 2017.\n")  # fmt: skip
    ingest([write("figures.txt", text)], fresh_store)
    figures = [e for e in build_entries(fresh_store) if e.type == "statistic"]
    # One entry, and the "3 institutions" that count the names before them are no figure.
    assert [e.value for e in figures] == ["2018-06-30"]
    assert figures[0].summary.endswith(": 462 banks; 115 payment institutions") and "netsunion" in figures[0].actor_ids
    ingest([write("figures.txt", text.replace("As of June 30", "As of May 31"))], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "statistic"] == ["2018-05-31"]


@pytest.mark.parametrize("lang, told, figure", [
    # what a raising told done reached is a figure measured ...
    ("zh", "支付机构客户备付金集中交存比例每月提高10个百分点，4月已达到50%左右。", ("2018-04", "asserted")),
    ("en", "The ratio was raised step by step to about 50 percent by April 2018.", ("2018-04", "asserted")),
    # ... what a rule demands is no figure held
    ("en", "Payment institutions must raise the share month by month until it reaches 100 percent in January 2019.", None),
])
def test_a_figure_a_raising_reached_is_held_one_it_must_reach_is_not(fresh_store, write, lang, told, figure):
    text = f"title: 备付金\ndate: 2018-06-12\nlang: {lang}\n\n{told}\n"
    held = [(e.value, e.factuality) for e in entries_of(fresh_store, write, text) if e.type == "statistic"]
    assert held == ([figure] if figure else []), held


def test_each_figure_holds_on_its_own_date_and_not_on_the_date_it_is_compared_with(fresh_store, write):
    text = ("title: Reserves\ndate: 2019-03-11\n\n"
            "Payment institutions deposited about 20 percent of their reserves on April 17, 2017, and "
            "about 50 percent by April 2018.\n"
            "As of the end of January 2019, reserves of payment institutions at the PBOC stood at 1,398.562 billion yuan, "
            "down 231.4 billion yuan from the end of last year.\n")  # fmt: skip
    ingest([write("reserves.txt", text)], fresh_store)
    themes = {e.value: e.theme for e in build_entries(fresh_store) if e.type == "statistic"}
    # Two dates, two figures; the end of 2018 is what the January figure is measured from.
    assert themes == {"2017-04-17": "20 percent", "2018-04": "50 percent", "2019-01-31": "1,398.562 billion yuan; 231.4 billion yuan"}


@pytest.mark.parametrize("lang, sentence", [
    ("en", "At present 18 large banks have connected to NetsUnion."),
    ("zh", "截至目前，已有18家大型银行接入网联平台。"),
    # another date in the sentence is that of another act, not of the figure
    ("en", "NetsUnion started its trial run on March 31, 2017; up to now 18 large banks have connected."),
    ("zh", "网联平台于2017年3月31日启动试运行，截至目前，已有18家大型银行接入。"),
])
def test_a_figure_told_as_holding_now_holds_around_the_articles_date(fresh_store, write, lang, sentence):
    for published in ("2017-10-20", "2018-06-30"):
        ingest([write("now.txt", f"title: Banks\ndate: {published}\nlang: {lang}\n\n{sentence}\n")], fresh_store)
        figures = [e for e in build_entries(fresh_store) if e.type == "statistic"]
        assert [(e.value, e.display_date) for e in figures] == [(published[:7], f"around {date.fromisoformat(published):%B %Y}")]
    ingest([write("now.txt", f"title: Banks\nlang: {lang}\n\n{sentence}\n")], fresh_store)  # undated: no date to hold on
    assert [e for e in build_entries(fresh_store) if e.type == "statistic"] == []


@pytest.mark.parametrize("named, subject, actors", [
    ("NetsUnion Clearing Corp was founded in August 2017.", "it", ["netsunion"]),
    ("China UnionPay runs the bank card network.", "the company", ["unionpay"]),
    ("The rules were strict.", "it", []),  # nobody named before: no figure of nobody
])
def test_a_figure_whose_subject_points_back_is_the_figure_of_the_institution_named_before(fresh_store, write, named, subject, actors):
    text = f"title: Volumes\ndate: 2018-05-02\n\n{named} In the first quarter of this year, {subject} processed 5.775 billion transactions.\n"
    ingest([write("volumes.txt", text)], fresh_store)
    assert [e.actor_ids for e in build_entries(fresh_store) if e.type == "statistic"] == ([actors] if actors else [])

def test_a_verb_under_must_is_a_requirement_with_its_deadline(fresh_store, write):
    text = ("title: Rules\ndate: 2017-08-10\n\n"
            "The PBOC issued the Bar Code Payment Business Standards (Trial) on August 4, 2017.\n"
            "From June 30, 2018, payment institutions must route all online payments through NetsUnion, the notice said.\n")  # fmt: skip
    ingest([write("rules.txt", text)], fresh_store)
    found = {(e.type, e.value) for e in build_entries(fresh_store)}
    assert ("deadline", "2018-06-30") in found
    require = next(e for e in build_entries(fresh_store) if e.type == "require")
    assert require.deadline == "2018-06-30" and "payment_institutions" in require.target_ids


@pytest.mark.parametrize("lang, told", [
    # a start before the raising and an end after it are both its steps
    ("zh", "根据人民银行办公厅6月29日下发的114号文，自7月9日起，支付机构客户备付金集中交存比例按月逐步提高，到明年1月14日实现100%集中交存。"),
    # "until" opens the clause of the end; the parser hangs the long subject on a clause of its own
    ("en", "Under notice 114 issued by the PBOC General Office on June 29, the share of client reserves of payment institutions "
           "kept in centralised deposit will be raised month by month from July 9 until it reaches 100 percent on January 14."),
])
def test_a_raising_from_a_start_to_an_end_sets_both_as_deadlines(fresh_store, write, lang, told):
    entries = entries_of(fresh_store, write, f"title: 备付金\ndate: 2018-06-30\nlang: {lang}\n\n{told}\n")
    deadlines = sorted((e.value, tuple(e.target_ids)) for e in entries if e.type == "deadline")
    assert deadlines == [("2018-07-09", ("payment_institutions",)), ("2019-01-14", ("payment_institutions",))], deadlines
    # the notice was issued on its own day, the only issuing the sentence tells
    assert [e.value for e in entries if e.type == "issue"] == ["2018-06-29"]


def test_what_must_be_raised_until_a_month_is_limited_by_that_month_to_come(fresh_store, write):
    # "until it reaches … in January", written in September under a rule that must still be met:
    # next January, the limit of the raising; the notice keeps the day it was issued
    told = ("Under a central bank notice issued at the end of June, payment institutions must raise the share of those "
            "reserves deposited with the central bank month by month until it reaches 100 percent in January.")
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2018-09-14\n\n{told}\n")
    assert sorted((e.type, e.value) for e in entries) == [("deadline", "2019-01"), ("issue", "2018-06"), ("require", None)]
    require = next(e for e in entries if e.type == "require")
    # those who must raise it are bound by the rule; the notice's issuer requires it
    assert (require.actor_ids, require.target_ids, require.deadline) == (["pboc"], ["payment_institutions"], "2019-01")


def test_months_a_ratio_rose_in_are_no_day_an_order_was_issued(fresh_store, write):
    told = "今年1月至4月，人民银行将支付机构客户备付金集中交存比例逐月提高至50%左右。"
    entries = entries_of(fresh_store, write, f"title: 备付金\ndate: 2018-06-30\nlang: zh\n\n{told}\n")
    assert "issue" not in {e.type for e in entries}
    assert [(e.value, e.actor_ids) for e in entries if e.type == "require"] == [("2018-01/2018-04", ["pboc"])]


@pytest.mark.parametrize("lang, told, source", [
    ("en", "On October 19 the reporter learned from NetsUnion Clearing Corporation that the platform would clear half of the transactions.", "netsunion"),
    ("zh", "记者10月19日从网联清算有限公司获悉，网联平台将承担约五成的交易清算任务。", "netsunion"),
    ("zh", "记者10月19日从网联和银联处获悉，两家将开展合作。", "netsunion unionpay"),
])
def test_timeline_an_organisation_the_reporter_learned_from_announced_it(fresh_store, write, lang, told, source):
    ingest([write("told.txt", f"title: t\ndate: 2017-10-20\nlang: {lang}\n\n{told}\n")], fresh_store)
    told_by = [e for e in timeline(fresh_store, keep_undated=True) if e.type == "announce"]
    assert [(e.date, " ".join(e.actor_ids)) for e in told_by] == [("2017-10-19", source)]
    # Changing the day in the text moves the entry.
    ingest([write("told.txt", f"title: t\ndate: 2017-10-20\nlang: {lang}\n\n{told.replace('19', '18')}\n")], fresh_store)
    assert [e.date for e in timeline(fresh_store, keep_undated=True) if e.type == "announce"] == ["2017-10-18"]


@pytest.mark.parametrize("lang, told", [
    ("zh", "记者10月19日从多位接近银联和支付宝的知情人士处获悉，两家已完成签约。"),  # the insiders told it, not the bank
    ("en", "On October 19 the reporter learned from people close to UnionPay that it had signed with Alipay."),
    ("zh", "记者10月19日从业内获悉，网联将上线。"),  # nobody named
    ("en", "On October 19 the reporter learned from several payment institutions that the deposit went smoothly."),  # a group
    ("zh", "记者10月19日从多家支付机构获悉，交存工作进展顺利。"),
])
def test_timeline_what_unnamed_sources_told_is_no_announcement_of_an_organisation(fresh_store, write, lang, told):
    ingest([write("told.txt", f"title: t\ndate: 2017-10-20\nlang: {lang}\n\n{told}\n")], fresh_store)
    assert [e for e in timeline(fresh_store, keep_undated=True) if e.type == "announce"] == []


@pytest.mark.parametrize(
    "told, kind, day, actor",
    [
        # An act of a regulator on an unnamed notice is still its act (the document is unknown,
        # not the act): issued by whom, on which day.
        ("The Payment and Settlement Department issued a notice to payment institutions on 5 December 2018.",
         "issue", "2018-12-05", "pboc_payment_dept"),
        # Approving a proposal that names no organisation is still an approval by the body.
        ("In April 2016 the Payment and Clearing Association of China approved the proposal.",
         "approve", "2016-04", "pcac"),
    ],
)
def test_an_act_on_something_unnamed_is_an_entry_of_who_did_it(fresh_store, write, told, kind, day, actor):
    path = write("act.txt", f"title: Acts\ndate: 2019-01-20\n\n{told}")
    ingest([path], fresh_store)
    entry = entries_by_type(fresh_store)[(kind, day)]
    assert entry.actor_ids == [actor]
    # The day is the sentence's: another day written there moves the entry.
    moved = day.replace("2016", "2015").replace("2018-12-05", "2018-11-05")
    path.write_text(f"title: Acts\ndate: 2019-01-20\n\n{told.replace('5 December 2018', '5 November 2018').replace('April 2016', 'April 2015')}")
    ingest([path], fresh_store)
    assert (kind, moved) in entries_by_type(fresh_store) and (kind, day) not in entries_by_type(fresh_store)


@pytest.mark.parametrize("day, value", [("今年6月29日", "2018-06-29"), ("今年5月3日", "2018-05-03")])
def test_issuing_a_document_cited_by_number_is_an_issue_entry(fresh_store, write, day, value):
    """下发银办发〔2018〕114号文: the verb before the number issues the document; it is no part of its name."""
    told = f"{day}，人民银行办公厅下发银办发〔2018〕114号文。"
    ingest([write("story.txt", f"title: 备付金\ndate: 2018-07-02\nlang: zh\n\n{told}")], fresh_store)
    entry = entries_by_type(fresh_store)[("issue", value)]
    assert (entry.actor_ids, entry.document_id) == (["pboc_general_office"], "doc_114_full_deposit")


@pytest.mark.parametrize("subject, factuality", [("Neither Alipay nor UnionPay", "denied"), ("Alipay", "asserted")])
def test_a_subject_that_denies_the_act_makes_it_denied(fresh_store, write, subject, factuality):
    told = f"{subject} had announced the barcode cooperation with NetsUnion on 11 May 2018."
    ingest([write("story.txt", f"title: Barcode\ndate: 2018-05-20\n\n{told}")], fresh_store)
    entry = entries_by_type(fresh_store)[("announce", "2018-05-11")]
    assert entry.factuality == factuality, entry


@pytest.mark.parametrize("verb, factuality", [("refused to grant", "denied"), ("declined to grant", "denied"), ("agreed to grant", "asserted")])
def test_an_act_refused_is_denied(fresh_store, write, verb, factuality):
    told = f"Two payment companies asked for more time on June 25, 2018, but the central bank {verb} an extension."
    ingest([write("story.txt", f"title: Extension\ndate: 2018-07-03\n\n{told}")], fresh_store)
    found = [row[0] for row in fresh_store.conn.execute("SELECT factuality FROM event WHERE type = 'postpone'")]
    assert found == [factuality], found


def test_the_day_in_the_words_of_a_learning_dates_the_source_telling(fresh_store, write):
    """"Reporter learned from the Network Union Clearing Co., Ltd. yesterday, …" (a translation the
    parse hangs "yesterday" on the next clause): NetsUnion told it yesterday."""
    told = ('Reporter learned from the Network Union Clearing Co., Ltd. yesterday, this year the network union platform '
            'will undertake about 50% of the network payment transaction clearing task.')
    ingest([write("learned.txt", f"title: Double 11\ndate: 2017-11-02\n\n{told}\n")], fresh_store)
    told_by = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "announce"]
    assert told_by == [("2017-11-01", ["netsunion"])], told_by


@pytest.mark.parametrize("told, value", [
    ("The reporter learned yesterday from NetsUnion that the platform started its trial operation in March.", "2018-03"),
    ("The reporter learned yesterday from NetsUnion that the platform started its trial operation.", None),
])  # fmt: skip
def test_the_day_a_reporter_learned_an_act_does_not_date_it(fresh_store, write, told, value):
    ingest([write("story.txt", f"title: Trial\ndate: 2018-03-05\n\n{told}")], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "launch"] == [value]


@pytest.mark.parametrize("told, founded", [
    ("中国支付清算协会去年4月召开会员大会，通过了设立网联平台的方案。", False),  # what the plan proposes
    ("2017年8月，中国支付清算协会牵头设立网联清算有限公司。", True),
])  # fmt: skip
def test_a_chinese_act_a_plan_proposes_is_not_done(fresh_store, write, told, founded):
    ingest([write("story.txt", f"title: 网联\ndate: 2017-10-20\nlang: zh\n\n{told}")], fresh_store)
    assert any(e.type == "found" for e in build_entries(fresh_store)) is founded


def test_putting_reserves_into_the_account_is_their_deposit(fresh_store, write):
    told = "按照要求，支付机构应于2017年4月17日前将客户备付金存入人民银行指定账户。"
    ingest([write("story.txt", f"title: 备付金\ndate: 2017-03-25\nlang: zh\n\n{told}")], fresh_store)
    deposits = [e for e in build_entries(fresh_store) if e.type == "deposit"]
    assert [(e.value, e.factuality) for e in deposits] == [("2017-04-17", "required")]


def test_a_chinese_clause_of_only_a_limit_sets_it_for_the_acts_after_it(fresh_store, write):
    """业内人士预计，明年6月底前，…: the limit's clause is not the sentence's first; it still sets
    the deadline of the migration after it."""
    told = "业内人士预计，明年6月底前，所有支付机构的业务将全部迁移至网联。"
    ingest([write("story.txt", f"title: 迁移\ndate: 2017-10-20\nlang: zh\n\n{told}")], fresh_store)
    assert [e.deadline for e in build_entries(fresh_store) if e.type == "switch_traffic"] == ["2018-06"]


@pytest.mark.parametrize("told, kind, value", [
    ("Alipay struck a deal with China UnionPay on September 10, 2018.", "cooperate", "2018-09-10"),
    ("Tenpay inked an agreement with UnionPay in March 2018.", "cooperate", "2018-03"),
    ("The central bank unveiled the barcode payment rules in December 2017.", "issue", "2017-12"),
    ("The barcode payment rules kicked in on April 1, 2018.", "take_effect", "2018-04-01"),
])  # fmt: skip
def test_wire_words_for_deals_rules_and_their_start(fresh_store, write, told, kind, value):
    ingest([write("story.txt", f"title: Deals\ndate: 2018-09-14\n\n{told}")], fresh_store)
    assert (kind, value) in {(e.type, e.value) for e in build_entries(fresh_store)}


def test_what_is_discussed_is_a_topic_and_summoning_is_supervision(fresh_store, write):
    told = "Last month, the central bank summoned 26 payment institutions to discuss a pilot for full deposits."
    ingest([write("story.txt", f"title: Pilot\ndate: 2018-06-30\n\n{told}")], fresh_store)
    kinds = {(e.type, e.value) for e in build_entries(fresh_store)}
    assert ("supervise", "2018-05") in kinds
    assert not {k for k, _ in kinds} & {"launch", "deposit"}, kinds


def test_a_date_closing_what_an_order_requires_dates_the_order(fresh_store, write):
    """"began requiring payment firms to deposit part of the funds in April last year": the
    deposit is what is required, no act of its own; the April is the requiring's."""
    told = "The People's Bank of China began requiring payment firms to deposit part of the funds with it in April last year."
    ingest([write("story.txt", f"title: Reserves\ndate: 2018-06-30\n\n{told}")], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "require"] == ["2017-04"]


@pytest.mark.parametrize("speaker, kept", [("a spokesman", True), ("a company representative", True), ("an analyst", False)])
def test_an_act_a_spokesman_tells_is_a_fact_and_an_analyst_s_a_claim(fresh_store, write, speaker, kept):
    ingest([write("story.txt", f"title: Links\ndate: 2018-04-03\n\nAlipay connected to NetsUnion in March, {speaker} said.")],
           fresh_store)  # fmt: skip
    assert (("connect", "2018-03") in entries_by_type(fresh_store)) is kept


@pytest.mark.parametrize("told, factuality", [
    ("财付通已将全部业务迁移至网联。", "asserted"), ("财付通已经把相关业务迁入网联。", "asserted"),
    ("财付通将全部业务迁入网联。", "planned"), ("财付通将于6月底前把全部业务迁入网联。", "planned")])
def test_a_chinese_object_moved_by_jiang_is_a_verbs_object_and_done_after_yi(fresh_store, write, told, factuality):
    """将 before an object is 把 (it moves the object before the verb), not "will": 业务 is then
    what is moved, no noun's modifier; after 已 the act is done. Without 已 the sentence may still
    mean "will", and stays a plan."""
    entries = entries_of(fresh_store, write, f"title: 迁移\ndate: 2018-07-02\n\n{told}")
    switches = [(e.actor_ids, e.target_ids, e.factuality) for e in entries if e.type == "switch_traffic"]
    assert switches == [(["tenpay"], ["netsunion"], factuality)], switches


@pytest.mark.parametrize("told, factuality", [
    ("Alipay denied reports that it had connected to UnionPay on April 27.", "denied"),
    ("UnionPay dismissed claims that Alipay had connected to UnionPay on April 27.", "denied"),
    ("Alipay confirmed reports that it had connected to UnionPay on April 27.", "asserted"),
])  # fmt: skip
def test_an_act_a_denial_is_about_is_denied(fresh_store, write, told, factuality):
    """What a denial is about is no act the source tells: never a Yes to "Did Alipay connect?"."""
    ingest([write("story.txt", f"title: Barcode\ndate: 2018-04-28\n\n{told}")], fresh_store)
    entry = entries_by_type(fresh_store)[("connect", "2018-04-27")]
    assert entry.factuality == factuality, entry
    if factuality == "denied":
        assert not ask(fresh_store, "Did Alipay connect to UnionPay?").answer.startswith("Yes")


@pytest.mark.parametrize("told, factuality", [
    # the rumour is what is denied, not who tells of the denial
    ("The rumour that Alipay had connected to UnionPay was denied by UnionPay on April 27.", "asserted"),
    ("UnionPay reportedly denied on April 27 that Alipay had connected to it.", "reported"),
])
def test_a_denial_is_reported_by_its_own_words_not_by_the_rumour_it_denies(fresh_store, write, told, factuality):
    ingest([write("story.txt", f"title: Barcode\ndate: 2018-04-28\n\n{told}")], fresh_store)
    assert [e.factuality for e in build_entries(fresh_store) if e.type == "deny"] == [factuality]


@pytest.mark.parametrize("told, retracted", [
    ("On 12 May 2018 NetsUnion deleted the announcement of its cooperation with Alipay.", True),
    # Removing and withdrawing are what money and leverage undergo far more often than statements.
    ("On 12 May 2018 the new rules removed the leverage that Alipay had over the banks.", False),
    ("On 12 May 2018 Alipay withdrew client funds from its accounts at commercial banks.", False),
])
def test_only_words_of_taking_back_a_statement_retract(fresh_store, write, told, retracted):
    ingest([write("story.txt", f"title: Story\ndate: 2018-05-20\n\n{told}")], fresh_store)
    assert any(e.type == "retract" for e in build_entries(fresh_store)) == retracted


@pytest.mark.parametrize("told, connected", [
    ("On 11 May 2018 Alipay connected to NetsUnion for barcode payments.", True),
    # "linked to" tells who a body belongs to, not a connection to a clearing house.
    ("On 11 May 2018 Alipay, which is linked to Ant Financial, signed nothing with NetsUnion.", False),
])
def test_linked_to_is_no_connection(fresh_store, write, told, connected):
    ingest([write("story.txt", f"title: Story\ndate: 2018-05-20\n\n{told}")], fresh_store)
    assert any(e.type == "connect" for e in build_entries(fresh_store)) == connected


def test_starting_preparations_is_no_launch(fresh_store, write):
    """启动筹建 starts the preparations of what was approved: the approval is the event, not a launch."""
    told = "2016年10月20日，人民银行正式批准网联平台启动筹建。2017年3月31日，网联平台正式上线试运行。"
    ingest([write("story.txt", f"title: 网联\ndate: 2017-04-01\nlang: zh\n\n{told}")], fresh_store)
    found = entries_by_type(fresh_store)
    assert ("approve", "2016-10-20") in found and ("launch", "2016-10-20") not in found
    assert ("launch", "2017-03-31") in found


@pytest.mark.parametrize("issued_on, value", [("29 June 2018", "2018-06-29"), ("3 May 2018", "2018-05-03")])
def test_a_date_the_trigger_governs_is_its_date_not_the_nearest_one(fresh_store, write, issued_on, value):
    """The deadline opens the sentence; the issue is dated by the date its own verb takes."""
    told = (
        "14 January 2019 is the date by which all client reserves must be deposited under "
        f"Yinbanfa [2018] No. 114, issued by the PBOC General Office on {issued_on}."
    )
    ingest([write("story.txt", f"title: Reserves\ndate: 2019-01-20\n\n{told}")], fresh_store)
    issued = [e for e in build_entries(fresh_store) if e.type == "issue"]
    assert [e.value for e in issued] == [value]


@pytest.mark.parametrize("held_on, value", [("at the end of September 2016", "2016-09-30"), ("at the end of June 2017", "2017-06-30")])
def test_a_date_outside_a_before_clause_does_not_date_the_act_inside_it(fresh_store, write, held_on, value):
    """The holdings are dated; the announcement told as coming shortly after them is not dated by
    their day, and neither is a launch told as two months before a dated connection."""
    told = (f"Payment institutions held 460 billion yuan of reserves {held_on}, shortly before the central bank "
            "announced the custody plan. Alipay connected to NetsUnion in March 2018, two months after UnionPay "
            "launched the service.")
    ingest([write("story.txt", f"title: Reserves\ndate: 2019-02-20\n\n{told}")], fresh_store)
    dated = {(e.type, e.value) for e in build_entries(fresh_store)}
    assert ("statistic", value) in dated and ("connect", "2018-03") in dated
    assert ("announce", None) in dated and ("launch", None) in dated, dated


@pytest.mark.parametrize("issued_in, value", [("去年12月", "2017-12"), ("去年11月", "2017-11")])
def test_a_chinese_date_in_a_clause_describing_a_noun_dates_that_clause_only(fresh_store, write, issued_in, value):
    """…下发的《规范》正式实施: the month is the issue's, and the taking effect has no day of its
    own; 始于两年前的改革 dates the start, not the completion told after it. What a notice
    requires stays dated by its issue."""
    told = (f"央行{issued_in}下发的《条码支付业务规范（试行）》正式实施。"
            "中国人民银行去年8月下发的通知要求支付机构于今年6月30日前接入网联。")
    dated = {(e.type, e.value) for e in entries_of(fresh_store, write, f"title: 新规\ndate: 2018-04-02\n\n{told}")}
    assert ("issue", value) in dated and ("take_effect", None) in dated, dated
    assert ("require", "2017-08") in dated and not any(kind == "take_effect" and day for kind, day in dated), dated


@pytest.mark.parametrize("new_limit, value", [("年底", "2018-12-31"), ("9月", "2018-09")])
def test_a_chinese_postponement_is_not_dated_by_the_limit_it_moves_to_nor_the_one_it_keeps(fresh_store, write, new_limit, value):
    """延后至年底 names the new limit, not when the delay was told; 6月30日的期限 is the limit not
    put off. Neither dates the act: the report is dated by its own words (6月初), and the denial
    answers it."""
    told = (f"今年6月初，有媒体报道称央行可能将断直连期限延后至{new_limit}。"
            "央行相关人士回应称，6月30日的期限不会推迟。次月，支付宝完成全部网络支付业务的迁移。")
    entries = entries_of(fresh_store, write, f"title: 期限\ndate: 2018-08-30\n\n{told}")
    postponed = [(e.factuality, e.value, e.deadline, e.conflict) for e in entries if e.type == "postpone"]
    assert postponed == [("reported", "2018-06", value, True)], postponed
    # what a completion completes, however a noun it is written (…业务的迁移), is told as done
    assert [(e.value, e.actor_ids) for e in entries if e.type == "switch_traffic"] == [("2018-07", ["alipay"])]


@pytest.mark.parametrize("subject", ["通知", "该通知"])
def test_a_chinese_notice_named_again_by_its_kind_requires_and_a_clause_going_on_shares_its_must(fresh_store, write, subject):
    """通知明确，…: the kind of document alone as the subject is the notice named before, which
    requires; …应于10月15日前完成准备工作，并于明年6月30日前完成业务迁移: the clause going on
    (并) shares the "must" of the one before: its switch-over is a requirement with its limit,
    not an act done."""
    told = ("人民银行支付结算司已于8月4日向各银行和支付机构下发《关于将非银行支付机构网络支付业务由直连模式迁移至网联平台处理的通知》。"
            f"{subject}明确，各银行和支付机构应于今年10月15日前完成接入网联平台准备工作，并于明年6月30日前完成业务迁移。")
    entries = entries_of(fresh_store, write, f"title: 通知\ndate: 2017-08-07\n\n{told}")
    assert [e.document_id for e in entries if e.type == "require"] == ["doc_209"], entries
    assert not [e for e in entries if e.type == "switch_traffic" and e.factuality == "asserted"], entries
    assert sorted(e.value for e in entries if e.type == "deadline") == ["2017-10-15", "2018-06-30"], entries


def test_the_chinese_noun_a_verbs_phrase_describes_is_no_object_of_the_verb(fresh_store, write):
    """成为首批接入的支付机构: 支付机构 is what Tenpay and Alipay are, not what they joined; they
    joined the platform the sentence is about."""
    told = "今年3月31日，网联平台正式启动试运行，财付通和支付宝成为首批接入的支付机构。"
    entries = entries_of(fresh_store, write, f"title: 网联\ndate: 2017-08-07\n\n{told}")
    assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "connect"] == [(["tenpay", "alipay"], ["netsunion"])], entries


@pytest.mark.parametrize("day, value", [("2018年4月1日", "2018-04-01"), ("2018年5月1日", "2018-05-01")])
def test_a_chinese_rule_from_a_day_on_takes_effect_and_its_short_name_requires(fresh_store, write, day, value):
    """自…起实施 is the rule taking effect (实施 alone is any carrying out); 《规范》, the short name
    defined after the rule's number, is the rule when it requires by a day. (《规范》明确了…
    without a time it sets describes what the rule says.)"""
    told = ("中国人民银行近日印发《条码支付业务规范（试行）》（银发〔2017〕296号，以下简称《规范》），"
            f"自{day}起实施。《规范》明确了条码支付的安全等级。《规范》明确，各支付机构应于2018年3月31日前完成系统改造。"
            "央行将实施集中存管。")
    entries = entries_of(fresh_store, write, f"title: 规范\ndate: 2017-12-27\n\n{told}")
    assert [(e.value, e.document_id) for e in entries if e.type == "take_effect"] == [(value, "doc_296_barcode_rules")], entries
    assert [(e.deadline, e.document_id) for e in entries if e.type == "require"] == [("2018-03-31", "doc_296_barcode_rules")], entries


def test_a_chinese_notice_sent_without_its_name_is_no_rule_of_another_kind_named_before(fresh_store, write):
    """下发通知 names a notice, not which: the bar-code rules named before are no notice, and the
    August requirement is not theirs; a notice named before may be it."""
    told = ("中国人民银行近日印发《条码支付业务规范（试行）》（银发〔2017〕296号）。"
            "此前，人民银行于今年8月下发通知，要求支付机构于明年6月30日前将网络支付业务全部迁移至网联平台。")
    entries = entries_of(fresh_store, write, f"title: 规范\ndate: 2017-12-27\n\n{told}")
    august = [(e.type, e.document_id) for e in entries if e.value == "2017-08"]
    assert sorted(august) == [("issue", None), ("require", None)], entries
    fresh = ("央行下发《关于将非银行支付机构网络支付业务由直连模式迁移至网联平台处理的通知》。"
             "记者获悉，央行8月4日下发通知，要求支付机构于明年6月30日前接入网联。")
    ingest([write("notice.txt", f"title: 通知\ndate: 2017-08-07\n\n{fresh}")], fresh_store)
    assert "doc_209" in {e.document_id for e in build_entries(fresh_store) if e.value == "2017-08-04"}


@pytest.mark.parametrize("released", ["公布数据", "公布了数据", "发布最新数据"])
def test_chinese_figures_released_are_no_rule_issued(fresh_store, write, released):
    told = f"网联清算有限公司7月19日{released}显示，今年上半年网联平台共处理跨机构交易1298亿笔。"
    entries = entries_of(fresh_store, write, f"title: 数据\ndate: 2018-07-20\n\n{told}")
    assert not [e for e in entries if e.type == "issue"], entries
    assert [e.value for e in entries if e.type == "statistic"] == ["2018-H1"], entries


@pytest.mark.parametrize("day, value", [("6月30日", "2018-06-30"), ("7月1日", "2018-07-01")])
def test_chinese_words_of_a_final_limit_and_of_direct_links_ended(fresh_store, write, day, value):
    """最后时间节点 names the deadline; 支付机构不能再直连银行 is the notice's prohibition, binding
    the institutions (a modal: they are prohibited, the rule's issuer prohibits)."""
    told = ("人民银行支付结算司去年8月下发《关于将非银行支付机构网络支付业务由直连模式迁移至网联平台处理的通知》。"
            f"根据该通知，{day}是断直连的最后时间节点，届时支付机构不能再直连银行。")
    entries = entries_of(fresh_store, write, f"title: 断直连\ndate: 2018-06-05\n\n{told}")
    assert [(e.value, e.document_id) for e in entries if e.type == "deadline"] == [(value, "doc_209")], entries
    assert [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "prohibit"] == [
        (value, ["pboc"], ["payment_institutions"])], entries


@pytest.mark.parametrize("month, value", [("6月份", "2018-06"), ("5月份", "2018-05")])
def test_a_chinese_figure_narrowing_the_sentence_before_is_of_its_institution(fresh_store, write, month, value):
    """其中，6月份单月处理交易量达到359亿笔: part of the half-year's figures, NetsUnion's as they were."""
    told = ("网联清算有限公司日前公布数据显示，今年上半年，网联平台共处理跨机构交易1298亿笔，金额57.6万亿元。"
            f"其中，{month}单月处理交易量达到359亿笔。")
    entries = entries_of(fresh_store, write, f"title: 数据\ndate: 2018-07-20\n\n{told}")
    assert sorted((e.value, e.actor_ids) for e in entries if e.type == "statistic") == sorted([("2018-H1", ["netsunion"]), (value, ["netsunion"])]), entries


def test_a_chinese_clause_going_on_from_a_must_is_required_too(fresh_store, write):
    told = "各银行和支付机构应于今年10月15日前完成接入网联平台准备工作，并于明年6月30日前完成业务迁移。"
    entries = entries_of(fresh_store, write, f"title: 通知\ndate: 2017-08-07\n\n{told}")
    assert [(e.factuality, e.deadline) for e in entries if e.type == "switch_traffic"] == [("required", "2018-06-30")], entries


@pytest.mark.parametrize("month, value", [("November", "2017-11"), ("October", "2017-10")])
def test_only_rule_makers_issue_and_a_date_after_a_quoted_title_is_the_issuings(fresh_store, write, month, value):
    """A company putting forward a plan, a paper publishing a commentary: no rule issued. A date
    after a quoted title dates the issuing, however the parse hangs it on a word inside the title."""
    told = ("JD Finance put forward the plan of full access in March this year. "
            'The central bank issued the "notice on further strengthening the rectification of unlicensed payment business" '
            f"in {month} last year, and the People's Daily published a commentary on it.")
    entries = entries_of(fresh_store, write, f"title: Notices\ndate: 2018-11-13\n\n{told}")
    assert [(e.actor_ids, e.value) for e in entries if e.type == "issue"] == [(["pboc"], value)], entries


@pytest.mark.parametrize("day, value", [("April 1", "2018-04-01"), ("April 2", "2018-04-02")])
def test_a_participle_describing_a_rule_takes_no_date_of_the_main_clause(fresh_store, write, day, value):
    """"the Specification issued by the central bank was formally implemented" on a day: the day
    is the taking effect's; the issue told by the participle is background, dated only by a date
    of its own phrase."""
    told = (f'On {day}, the "Bar Code Payment Business Specification (Trial)" issued by the central bank was formally '
            "implemented. The rules, issued by the central bank on December 25, 2017, cap static code payments.")
    entries = entries_of(fresh_store, write, f"title: Bar codes\ndate: 2018-04-03\n\n{told}")
    assert [e.value for e in entries if e.type == "take_effect"] == [value], entries
    assert sorted(str(e.value) for e in entries if e.type == "issue") == ["2017-12-25"], entries


@pytest.mark.parametrize("day, value", [("4月1日", "2018-04-01"), ("4月2日", "2018-04-02")])
def test_a_chinese_verb_describing_a_rule_takes_no_date_of_the_main_clause(fresh_store, write, day, value):
    """{day}，央行下发的《规范》正式实施: the issuing describes the rule, and the day is the taking
    effect's; a date of the describing phrase's own is its (央行去年12月下发的)."""
    told = f"{day}，央行下发的《条码支付业务规范（试行）》正式实施。该规范由央行于2017年12月25日印发。"
    entries = entries_of(fresh_store, write, f"title: 条码\ndate: 2018-04-03\n\n{told}")
    assert [e.value for e in entries if e.type == "take_effect"] == [value], entries
    assert [e.value for e in entries if e.type == "issue"] == ["2017-12-25"], entries


@pytest.mark.parametrize("month, value", [("May", "2018-05"), ("April", "2018-04")])
def test_a_product_speaking_of_its_own_act_tells_it_as_fact(fresh_store, write, month, value):
    """"JD Pay said it had completed the migration": the product speaks for its company, of its own
    act; "the cut amount" is machine translation's 切量 too."""
    told = (f"JD Pay said that it had completed the migration of all business as early as {month}. "
            "Alipay completed the cut amount on the 28th of last month.")
    entries = entries_of(fresh_store, write, f"title: Switch\ndate: 2018-07-03\n\n{told}")
    switches = sorted((e.value, e.actor_ids, e.factuality) for e in entries if e.type == "switch_traffic")
    assert switches == sorted([("2018-06-28", ["alipay"], "asserted"), (value, ["jd_wallet"], "asserted")]), entries


@pytest.mark.parametrize("told", [
    "Payment institutions had paid all the customer reserve funds into the special account of the People's Bank on January 14.",
    "On January 14, the last batch of provisions was handed in to the central bank by payment institutions.",
    "Payment institutions submitted all of their customer provisions to the designated account on January 14.",
])
def test_translations_of_handing_in_reserves_are_deposits(fresh_store, write, told):
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2019-01-15\n\n{told}")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "deposit"] == [("2019-01-14", ["payment_institutions"])], entries


@pytest.mark.parametrize("began, value", [("March 2017", "2017-03"), ("April 2017", "2017-04")])
def test_an_act_told_done_on_its_own_day_beside_a_demand_is_no_content_of_it(fresh_store, write, began, value):
    """"ordered that payments must go through NetsUnion, which began trial operations in March
    2017": the launch is a fact beside the order, not what the order demands."""
    told = ("The People's Bank of China ordered in August last year that all online payments must be processed "
            f"through NetsUnion Clearing Corp, which began trial operations in {began}.")
    entries = entries_of(fresh_store, write, f"title: Clearing\ndate: 2018-06-20\n\n{told}")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "launch"] == [(value, ["netsunion"])], entries
    assert [e.value for e in entries if e.type == "require"] == ["2017-08"], entries


DATED_DAY = "title: Switch\ndate: 2018-07-02\n\nOn June 30, Alipay connected to NetsUnion."
UNDATED_DAY = "title: Undated page\n\nThe reporter learned that Alipay connected to NetsUnion on June 30."


@pytest.mark.parametrize("undated_first", [True, False])
@pytest.mark.parametrize("one_batch", [True, False])
def test_an_undated_pages_day_takes_the_year_other_sources_give_it(fresh_store, write, undated_first, one_batch):
    """"June 30" on a page without a date has no year of its own; the sources that date June 30
    for the same parties give it, whichever was read first."""
    paths = [write("undated.txt", UNDATED_DAY), write("dated.txt", DATED_DAY)]
    paths = paths if undated_first else paths[::-1]
    for batch in [paths] if one_batch else [[p] for p in paths]:
        ingest(batch, fresh_store)
    connect = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert [(e.value, len(e.sources)) for e in connect] == [("2018-06-30", 2)]
    # the reader is told which source took its year from the others
    assert {s["title"]: s.get("year_from_other_sources", False) for s in connect[0].sources} == {"Undated page": True, "Switch": False}


def test_an_undated_pages_day_follows_the_year_the_other_source_gives(fresh_store, write):
    ingest([write("undated.txt", UNDATED_DAY), write("dated.txt", DATED_DAY.replace("2018-07-02", "2017-07-03"))], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "connect"] == ["2017-06-30"]


@pytest.mark.parametrize("one_batch", [True, False])
def test_an_undated_pages_day_stays_undated_when_sources_give_two_years(fresh_store, write, one_batch):
    """Read in two batches, the year the first gave is taken back when the second gives another."""
    paths = [
        write("undated.txt", UNDATED_DAY),
        write("dated.txt", DATED_DAY),
        write("earlier.txt", "title: A year before\ndate: 2017-07-03\n\nAlipay, the payment arm of Ant Financial, had connected "
              "to NetsUnion on June 30, according to a statement."),
    ]  # fmt: skip
    for batch in [paths] if one_batch else [paths[:2], paths[2:]]:
        ingest(batch, fresh_store)
    undated_page = [e for e in build_entries(fresh_store) if any(s["title"] == "Undated page" for s in e.sources)]
    assert undated_page and all(e.value is None for e in undated_page)


def test_an_undated_pages_day_takes_the_year_of_the_same_act_when_the_day_has_two(fresh_store, write):
    """March 31 is NetsUnion's trial run of 2017 and its signing with Tenpay of 2018: an undated
    page's signing of NetsUnion and Tenpay on March 31 is the one of 2018; its start of NetsUnion
    alone on March 31 could be either (one party tells too little) and stays undated."""
    paths = [
        write("trial.txt", "title: Trial\ndate: 2017-04-05\n\nOn March 31, NetsUnion began trial operation with Alipay and Tenpay."),
        write("signing.txt", "title: Signing\ndate: 2018-04-02\n\nOn March 31, NetsUnion and Tenpay signed a barcode payment agreement."),
        write("undated.txt", "title: Undated page\n\nOn March 31, NetsUnion and Tenpay signed the bar code agreement. "
              "On March 31, NetsUnion started operation."),
    ]  # fmt: skip
    ingest(paths, fresh_store)
    # (the page's own events: an entry may take an undated retelling in without a year for it)
    undated_page = set(map(tuple, fresh_store.conn.execute(
        "SELECT e.type, e.date FROM event e JOIN article a ON a.id = e.article_id WHERE a.title = 'Undated page'")))
    assert undated_page == {("cooperate", "2018-03-31"), ("launch", None)}, undated_page


@pytest.mark.parametrize("lang, told, value, shown", [
    ("en", "In September and November, Ping An Bank and Bank of China also announced the closure of their direct interfaces.",
     "2018-09/2018-11", "September–November 2018"),
    ("en", "In October and November, Ping An Bank and Bank of China also announced the closure of their direct interfaces.",
     "2018-10/2018-11", "October–November 2018"),
    ("zh", "9月至11月间，平安银行、中国银行也陆续发布了类似公告。", "2018-09/2018-11", "September–November 2018"),
    ("zh", "10月至11月间，平安银行、中国银行也陆续发布了类似公告。", "2018-10/2018-11", "October–November 2018"),
])  # fmt: skip
def test_an_act_told_after_a_span_of_dates_happened_within_it(fresh_store, write, lang, told, value, shown):
    """Neither the first date nor the last: the acts of several banks "in September and November"."""
    ingest([write("story.txt", f"title: Banks\ndate: 2018-12-06\nlang: {lang}\n\n{told}")], fresh_store)
    found = {(e.value, e.display_date, e.date, e.date_end) for e in build_entries(fresh_store) if e.type in ("announce", "issue")}
    assert found == {(value, shown, value[:7] + "-01", value[-7:] + "-30")}
    # the timeline's date filter reads the whole span: a November window finds them
    assert timeline(fresh_store, date_from=date(2018, 11, 15), date_to=date(2018, 11, 20))


@pytest.mark.parametrize("named, kind, told, actor", [
    # "the platform" stands for the clearing house named before it, not the banks named later.
    ("NetsUnion was set up in Beijing.", "launch",
     "The platform began trial operation in March 2017 with four banks.", "netsunion"),
    ("UnionPay was set up in Shanghai.", "launch",
     "The platform began trial operation in March 2017 with four banks.", "unionpay"),
    # "it" is one institution: the banks (a collective) are not what it stands for.
    ("NetsUnion talked to banks.", "cooperate",
     "It signed a barcode payment agreement with Tenpay on 31 March 2018.", "netsunion"),
])
def test_an_english_subject_that_points_back_acts_as_the_institution_named_before(fresh_store, write, named, kind, told, actor):
    ingest([write("back.txt", f"title: Back\ndate: 2018-07-02\n\n{named} {told}")], fresh_store)
    entries = [e for e in build_entries(fresh_store) if e.type == kind]
    assert [e.actor_ids for e in entries] == [[actor]]


@pytest.mark.parametrize("told, deposit", [
    # the regime's name: no act of depositing
    ("After the 100% centralized deposit, the reserves of payment institutions fell in February 2019.", False),
    ("On April 17, 2017, payment institutions deposited 20% of their reserves with the PBOC.", True),
])
def test_the_name_of_the_deposit_regime_is_no_deposit(fresh_store, write, told, deposit):
    ingest([write("regime.txt", f"title: Reserves\ndate: 2019-03-02\n\n{told}\n")], fresh_store)
    assert any(e.type == "deposit" for e in build_entries(fresh_store)) is deposit


@pytest.mark.parametrize("deadline, value", [("14 January 2019", "2019-01-14"), ("1 March 2019", "2019-03-01")])
def test_what_a_regulator_tells_a_group_it_must_do_is_its_requirement(fresh_store, write, deadline, value):
    told = ("The Payment and Settlement Department notified payment institutions on 5 December 2018 "
            f"that they must close their reserve accounts at commercial banks before {deadline}.")
    ingest([write("told.txt", f"title: Accounts\ndate: 2019-01-20\n\n{told}\n")], fresh_store)
    deadline_entry = entries_by_type(fresh_store)[("deadline", value)]
    assert deadline_entry.actor_ids == ["pboc_payment_dept"] and deadline_entry.target_ids == ["payment_institutions"]


@pytest.mark.parametrize("told", [
    "NetsUnion processed its first transaction on March 31, 2017.",
    "NetsUnion is expected to online on March 31, 2017.",  # 上线 as translation writes it
    "NetsUnion went online on March 31, 2017.",
    "NetsUnion began operating on March 31, 2017.",
    # translation's adverb left as the verb (正式上线, 灰度发布)
    "NetsUnion is expected on March 31, 2017 formally online.",
    "NetsUnion will start the gray release on March 31, 2017.",
    "NetsUnion rolled out its platform on March 31, 2017.",
])
def test_ways_of_going_live_are_launches(fresh_store, write, told):
    ingest([write("live.txt", f"title: Live\ndate: 2017-03-02\n\n{told}\n")], fresh_store)
    launch = entries_by_type(fresh_store)[("launch", "2017-03-31")]
    assert launch.actor_ids == ["netsunion"]


@pytest.mark.parametrize("told", ["Customers can pay online with Alipay since March 31, 2017.",
                                  "Merchants moved their shops online on March 31, 2017."])
def test_doing_something_online_is_no_launch(fresh_store, write, told):
    ingest([write("online.txt", f"title: Online\ndate: 2017-04-02\n\n{told}\n")], fresh_store)
    assert not [key for key in entries_by_type(fresh_store) if key[0] == "launch"]


@pytest.mark.parametrize("day, value", [("June 30", "2018-06-30"), ("July 2", "2018-07-02")])
def test_a_dated_deadline_noun_is_the_deadline_of_the_parties_around_it(fresh_store, write, day, value):
    told = (f"The deadline for the whole industry fell on {day}, when direct connections between payment "
            "institutions and banks were cut. Banks and payment institutions had met the deadline.")
    ingest([write("deadline.txt", f"title: Deadline\ndate: 2018-07-20\n\n{told}\n")], fresh_store)
    deadlines = [e for e in build_entries(fresh_store) if e.type == "deadline"]
    # one entry, whichever order the parties are named in; the undated mention adds no entry
    assert [(e.value, sorted(e.target_ids)) for e in deadlines] == [(value, ["banks", "payment_institutions"])]


@pytest.mark.parametrize("told, value", [
    ("人民银行支付结算司于12月5日下发通知，要求各支付机构在明年1月14日前撤销备付金账户。", "2018-12-05"),  # 下发 a notice
    ("12月3日，人行办公厅发出通知，要求支付机构在明年1月14日前撤销备付金账户。", "2018-12-03"),
])
def test_issuing_a_notice_is_an_issue_beside_its_requirement(fresh_store, write, told, value):
    ingest([write("notice.txt", f"title: 备付金\ndate: 2018-12-07\nlang: zh\n\n{told}")], fresh_store)
    found = entries_by_type(fresh_store)
    assert ("issue", value) in found and ("deadline", "2019-01-14") in found


@pytest.mark.parametrize("said, kept, factuality", [
    ("上月27日，有媒体报道称支付宝已接入银联。", True, "reported"),  # a report: no one speaks
    ("上月27日，有传言称，支付宝将接入银联。", True, "reported"),  # a rumour says what follows, though "will"
    ("上月27日，某接近银联人士表示，支付宝已接入银联。", True, "reported"),  # an anonymous source
    ("上月27日，分析师林峰表示，支付宝已接入银联。", False, None),  # a named analyst's claim: commentary
])
def test_what_unnamed_sources_say_is_reported_and_what_a_named_person_says_is_a_claim(fresh_store, write, said, kept, factuality):
    ingest([write("said.txt", f"title: 支付宝\ndate: 2018-05-20\nlang: zh\n\n{said}")], fresh_store)
    connect = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert [e.factuality for e in connect] == ([factuality] if kept else [])


def test_a_news_outlet_in_a_dateline_is_no_party_of_the_event(fresh_store, write):
    told = ("SHANGHAI, July 1 (Xinhua) -- Online payments made through payment institutions must from Sunday "
            "be processed by NetsUnion or China UnionPay.")
    ingest([write("wire.txt", f"title: Wire\ndate: 2018-07-01\n\n{told}\n")], fresh_store)
    parties = {p for e in build_entries(fresh_store) for p in (*e.actor_ids, *e.target_ids)}
    assert parties and not any("xinhua" in p for p in parties), parties


@pytest.mark.parametrize("named, actor", [("NetsUnion", "netsunion"), ("China UnionPay", "unionpay")])
def test_the_platform_far_from_its_name_is_the_clearing_house_the_article_names_most(fresh_store, write, named, actor):
    text = (f"title: Chronology\ndate: 2018-12-10\n\n{named} is a clearing house. {named} clears online payments.\n\n"
            "The rules were strict. Banks complained. Payment institutions waited.\n\n"
            "31 March 2018: The platform signed a barcode payment agreement with Tenpay.\n")
    ingest([write("chronology.txt", text)], fresh_store)
    assert entries_by_type(fresh_store)[("cooperate", "2018-03-31")].actor_ids == [actor]


@pytest.mark.parametrize("deadline, value", [("January 14, 2019", "2019-01-14"), ("March 1, 2019", "2019-03-01")])
def test_telling_an_institution_to_do_something_by_a_day_is_a_requirement(fresh_store, write, deadline, value):
    told = ("On Dec 5, the Payment and Settlement Department told payment institutions to close their reserve "
            f"accounts before {deadline}. The department told reporters that the work went well.")
    ingest([write("told.txt", f"title: Accounts\ndate: 2019-01-20\n\n{told}\n")], fresh_store)
    found = entries_by_type(fresh_store)
    assert found[("deadline", value)].actor_ids == ["pboc_payment_dept"]
    assert "payment_institutions" in found[("require", "2018-12-05")].target_ids
    assert [e.type for e in found.values()].count("require") == 1  # what it told reporters requires nothing


@pytest.mark.parametrize("lang, told, value", [
    ("en", "On Dec 5, the Payment and Settlement Department told payment institutions to close their reserve "
           "accounts before January 14.", "2018-12-05"),
    ("en", "On Dec 3, the Payment and Settlement Department told payment institutions to close their reserve "
           "accounts before January 14.", "2018-12-03"),
    ("zh", "本月5日，央行支付结算司进一步要求，支付机构须在明年1月14日前撤销在商业银行开立的备付金账户。", "2018-12-05"),
])
def test_a_requirement_told_with_its_day_is_an_order_issued_that_day(fresh_store, write, lang, told, value):
    ingest([write("order.txt", f"title: Accounts\ndate: 2018-12-10\nlang: {lang}\n\n{told}\n")], fresh_store)
    found = entries_by_type(fresh_store)
    assert found[("issue", value)].actor_ids == ["pboc_payment_dept"]
    assert ("deadline", "2019-01-14") in found  # the obligation keeps its own date


@pytest.mark.parametrize("told, issued", [
    ("本月15日是209号文规定的准备工作截止日。", 0),  # what a notice lays down: no act of that day
    ("On Dec 5, the Payment and Settlement Department issued a notice that told payment institutions to close "
     "their accounts before January 14.", 1),  # the issuing is told: not a second time
])
def test_no_issuing_act_beside_a_told_or_described_one(fresh_store, write, told, issued):
    ingest([write("order.txt", f"title: Accounts\ndate: 2018-12-10\n\n{told}\n")], fresh_store)
    assert [e.type for e in build_entries(fresh_store)].count("issue") == issued


@pytest.mark.parametrize("quoted, events", [
    # a title in quotes names the deposit, it does not tell one
    ('The PBOC issued the "Notice on the centralized deposit of client reserves" on January 13, 2017.', ["issue"]),
    ('The PBOC issued "about the reserves centralized deposit related matters notice" on January 13, 2017.', ["issue"]),
    ('The platform follows the "one point access" model.', []),
    # a quoted sentence still tells its events
    ('The PBOC said: "Payment institutions deposited 20% of their reserves on April 17, 2017."', ["deposit"]),
])
def test_a_trigger_word_inside_a_quoted_title_is_no_event(fresh_store, write, quoted, events):
    ingest([write("quoted.txt", f"title: Quotes\ndate: 2017-05-02\n\n{quoted}\n")], fresh_store)
    assert sorted({e.type for e in build_entries(fresh_store)} - {"assessment", "statistic", "announce"}) == events


def test_issuing_a_statement_is_an_announcement_not_a_rule_issued(fresh_store, write):
    told = "4月28日，银联发布声明，表示双方仍在沟通。4月29日，人民银行发布《条码支付业务规范》。"
    ingest([write("statement.txt", f"title: 银联\ndate: 2018-05-20\nlang: zh\n\n{told}")], fresh_store)
    found = entries_by_type(fresh_store)
    assert ("announce", "2018-04-28") in found and ("issue", "2018-04-28") not in found
    assert ("issue", "2018-04-29") in found  # 发布 a rule is still an issue


@pytest.mark.parametrize("told", [
    "The central bank has issued 271 payment licenses in total by 2016.",
    # what the object is a batch of
    "In 2011 the central bank issued the first batch of payment licences to 27 institutions, including Alipay and Tenpay.",
])
def test_issuing_licences_is_an_approval_not_a_rule_issued(fresh_store, write, told):
    entries = entries_of(fresh_store, write, f"title: Licences\ndate: 2018-05-20\n\n{told}\n")
    assert "approve" in {e.type for e in entries} and "issue" not in {e.type for e in entries}, entries


@pytest.mark.parametrize("told, statement", [
    # the market's rumour is reported; UnionPay's own statement that evening is not
    ("4月27日，市场传出支付宝已接入银联的消息，银联当晚发布声明，否认这一说法。", "asserted"),
    # an opening cue reaches the whole sentence
    ("据悉，4月27日银联当晚发布声明，否认这一说法。", "reported"),
])
def test_a_reporting_verb_reaches_its_own_clause_an_opening_cue_the_sentence(fresh_store, write, told, statement):
    ingest([write("report.txt", f"title: 银联\ndate: 2018-05-20\nlang: zh\n\n{told}")], fresh_store)
    found = {e.type: e.factuality for e in build_entries(fresh_store)}
    assert found["announce"] == statement


@pytest.mark.parametrize("lang, told, published, value", [
    ("en", "The central bank has recently approved the plan of NetsUnion.", "2016-08-17", "2016-08"),
    ("zh", "近日，人民银行印发了《支付机构将部分客户备付金交存人民银行操作指引》。", "2017-03-27", "2017-03"),
    ("en", "The central bank has recently approved the plan of NetsUnion.", "2016-08-04", None),  # may be July's
    ("en", "The central bank has recently approved the plan of NetsUnion on July 28.", "2016-08-17", "2016-07-28"),
    # a limit the act sets is no date of the act: the requiring itself was recent
    ("en", "The central bank recently held a meeting and required payment institutions to finish the migration before June 30.",
     "2018-06-20", "2018-06"),
])
def test_an_act_told_as_recent_is_dated_around_the_month_of_a_late_enough_article(fresh_store, write, lang, told, published, value):
    ingest([write("recent.txt", f"title: Recent\ndate: {published}\nlang: {lang}\n\n{told}\n")], fresh_store)
    entry = next(e for e in build_entries(fresh_store) if e.type in ("approve", "issue", "require"))
    assert entry.value == value
    if value and len(value) == 7:
        assert entry.display_date.startswith("around ")


@pytest.mark.parametrize("lang, line, value", [
    ("en", "30 June 2018: Direct connections end. 462 banks and 115 payment institutions are connected to NetsUnion.", "2018-06-30"),
    ("en", "- March 2017: NetsUnion starts its trial run. Alipay and Tenpay connect to NetsUnion.", "2017-03"),
    ("zh", "2018年6月30日：断直连完成。支付宝和财付通接入网联。", "2018-06-30"),
    # a later sentence with a date of its own keeps it (or none, when its date has no year)
    ("en", "30 June 2018: Direct connections end. Alipay connected to NetsUnion in 2017.", "2017"),
    # no heading: a date set off by a comma opens a sentence, not a line
    ("en", "On 30 June 2018, direct connections ended. Alipay connected to NetsUnion.", None),
])
def test_a_date_heading_a_chronology_line_dates_its_later_sentences(fresh_store, write, lang, line, value):
    ingest([write("chronology.txt", f"title: Timeline\ndate: 2018-12-10\nlang: {lang}\n\nHow we got here.\n\n{line}\n\nOur view: more to come.\n")],
           fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "connect"] == [value]


@pytest.mark.parametrize("told", ["今年3月，网联向各银行和支付机构发函，就渠道接入工作作出安排。",
                                  "網聯其後於今年3月向各銀行及支付機構發函，就渠道接入工作作出安排。"])
def test_sending_a_letter_is_issuing_it(fresh_store, write, told):
    ingest([write("letter.txt", f"title: 函\ndate: 2018-07-02\nlang: zh\n\n{told}\n")], fresh_store)
    assert [(e.actor_ids, e.value) for e in build_entries(fresh_store) if e.type == "issue"] == [(["netsunion"], "2018-03")]


@pytest.mark.parametrize("joined", ["各银行和支付机构", "各银行、支付机构", "商业银行及支付机构"])
def test_names_joined_to_an_oblique_one_are_in_its_phrase_not_actors(fresh_store, write, joined):
    told = f"今年3月20日，网联向{joined}下发《关于非银行支付机构网络支付清算平台渠道接入工作相关事宜的函》。"
    ingest([write("letter.txt", f"title: 函\ndate: 2018-06-30\nlang: zh\n\n{told}\n")], fresh_store)
    assert entries_by_type(fresh_store)[("issue", "2018-03-20")].actor_ids == ["netsunion"]


@pytest.mark.parametrize("told", ["银联与支付宝于去年9月签署合作协议。", "銀聯與支付寶於去年9月簽署合作協議。"])
def test_a_traditional_sentence_is_read_as_its_simplified_twin(fresh_store, write, told):
    """The cue words are written in Simplified characters: 與 joins the two partners as 与 does,
    and the trigger is shown as the page writes it."""
    ingest([write("signing.txt", f"title: 簽約\ndate: 2019-01-15\nlang: zh\n\n{told}\n")], fresh_store)
    signed = [e for e in build_entries(fresh_store) if e.type == "cooperate"]
    assert [(e.value, sorted(e.actor_ids + e.target_ids)) for e in signed] == [("2018-09", ["alipay", "unionpay"])]
    assert fresh_store.conn.execute("SELECT trigger FROM event WHERE type = 'cooperate'").fetchone()[0] in told


@pytest.mark.parametrize("traditional", [False, True])
def test_a_traditional_page_tells_the_same_entries_as_its_simplified_twin(fresh_store, write, traditional):
    """下發銀辦發〔2018〕114號文: the verb is no part of the cited number (the words that introduce a
    citation are written in Simplified); 由當天起…交存: what the industry did from a day on, it
    did that day."""
    import opencc

    told = ("去年6月29日，人民银行办公厅下发银办发〔2018〕114号文，明确自7月9日起，按月逐步提高交存比例。"
            "1月14日是一个分水岭：支付机构的客户备付金，由当天起百分之百集中交存人民银行。")
    told = opencc.OpenCC("s2t.json").convert(told) if traditional else told
    ingest([write("reserves.txt", f"title: 備付金\ndate: 2019-01-16\nlang: zh\n\n{told}\n")], fresh_store)
    entries = {(e.type, e.value): e for e in build_entries(fresh_store)}
    assert entries[("issue", "2018-06-29")].actor_ids == ["pboc_general_office"]
    assert entries[("issue", "2018-06-29")].document_id == "doc_114_full_deposit"
    assert ("deposit", "2019-01-14") in entries
    cited = fresh_store.conn.execute("SELECT text FROM mention WHERE entity_id = 'doc_114_full_deposit'").fetchone()[0]
    assert cited.startswith(("银办发", "銀辦發"))


@pytest.mark.parametrize("lang, told, kind, targets", [
    ("en", "From July 1, 2018, payments that involve bank accounts must be processed through NetsUnion or UnionPay.",
     "switch_traffic", ["netsunion", "unionpay"]),
    ("zh", "2018年7月1日起，支付宝的网络支付业务将全部通过网联平台或银联处理。", "switch_traffic", ["netsunion", "unionpay"]),
    ("zh", "2018年7月1日，支付机构的业务已基本迁移至网联。", "switch_traffic", ["netsunion"]),  # 基本: an adverb here
    ("zh", "6月30日，网联宣布，支付机构的网络支付业务已全部切换至网联平台处理。", "switch_traffic", ["netsunion"]),
    # How payments run, told without a time, is no event; nor is a verb describing a noun.
    ("en", "Barcode payments are cleared through UnionPay.", None, None),
    ("zh", "2018年7月1日，通过网联处理的交易笔数增加。", None, None),
])
def test_payments_handled_through_a_clearing_house_are_the_switch_to_it(fresh_store, write, lang, told, kind, targets):
    ingest([write("switch.txt", f"title: Switch\ndate: 2018-07-02\nlang: {lang}\n\n{told}\n")], fresh_store)
    switched = [e for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert [sorted(e.target_ids) for e in switched] == ([targets] if kind else []), switched


def test_a_date_that_belongs_to_a_noun_does_not_date_the_act(fresh_store, write):
    told = ("Under last August's notice from the central bank, all network payments must be handled through "
            "NetsUnion from June 30, 2018.")
    ingest([write("notice.txt", f"title: Notice\ndate: 2018-03-05\n\n{told}\n")], fresh_store)
    switched = [e for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert [(e.value, e.deadline) for e in switched] == [(None, "2018-06-30")], switched


@pytest.mark.parametrize("lang, told, kind", [
    ("en", "China CITIC Bank said on July 31 that it would close its direct-mode payment interface.", "announce"),
    ("en", "UnionPay said in a statement on July 31 that the report was not true.", "deny"),
    ("zh", "7月31日，中信银行表示，将关闭直连模式的快捷支付接口。", "announce"),
    ("zh", "7月31日，银联相关负责人表示，该消息不实。", "deny"),
    # a person's words, an industry's, an opinion, or a statement without its day: no entry
    ("en", "Wang Jun, an analyst, said on July 31 that banks would close their interfaces.", None),
    ("en", "Payment institutions said on July 31 that they would close their interfaces.", None),
    ("en", "China CITIC Bank expects that most banks will close their interfaces by July 31.", None),
    ("en", "China CITIC Bank said that it would close its direct-mode payment interface.", None),
])
def test_what_an_institution_says_on_a_day_is_its_announcement(fresh_store, write, lang, told, kind):
    ingest([write("said.txt", f"title: Statements\ndate: 2018-08-02\nlang: {lang}\n\n{told}\n")], fresh_store)
    said = [(e.type, e.value) for e in build_entries(fresh_store) if e.type in ("announce", "deny")]
    assert said == ([(kind, "2018-07-31")] if kind else []), said


def test_a_date_of_what_the_act_says_does_not_date_the_act(fresh_store, write):
    told = ("On March 23, 2017, the central bank issued guidelines requiring that payment institutions "
            "deposit part of their reserves on April 17, 2017.")
    ingest([write("guidelines.txt", f"title: Guidelines\ndate: 2017-03-25\n\n{told}\n")], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "issue"] == ["2017-03-23"]
    plain = told.replace("On March 23, 2017, the", "The")
    ingest([write("guidelines.txt", f"title: Guidelines\ndate: 2017-03-25\n\n{plain}\n")], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "issue"] == [None]


def test_each_act_of_a_dated_chinese_list_takes_its_own_date(fresh_store, write):
    told = "继今年4月1日微信支付与银联的条码支付合作上线、5月11日支付宝条码支付接入网联之后，9月10日，支付宝与银联完成签约。"
    ingest([write("list.txt", f"title: 清单\ndate: 2018-09-20\nlang: zh\n\n{told}\n")], fresh_store)
    connected = [e.value for e in build_entries(fresh_store) if e.type == "connect" and "alipay" in e.actor_ids]
    assert connected == ["2018-05-11"]


@pytest.mark.parametrize("told, actor, value", [
    ("The reserve regime began with a notice from the PBOC General Office in January 2017.", "pboc_general_office", "2017-01"),
    ("Under last August's notice from the central bank's Payment and Settlement Department, payments moved to NetsUnion.",
     "pboc_payment_dept", "2018-08"),
    ("Banks follow rules from the PBOC.", None, None),  # no day: no act told
])
def test_a_rule_from_a_regulator_is_its_issue(fresh_store, write, told, actor, value):
    ingest([write("rules.txt", f"title: Rules\ndate: 2019-02-10\n\n{told}\n")], fresh_store)
    issued = [(e.actor_ids, e.value) for e in build_entries(fresh_store) if e.type == "issue"]
    assert issued == ([([actor], value)] if actor else []), issued


def test_a_chinese_act_with_a_start_in_its_own_clause_borrows_no_earlier_date(fresh_store, write):
    told = "2017年8月4日，央行支付结算司下发通知，并自2018年6月30日起将支付机构的相关业务全部迁移至网联平台。"
    ingest([write("notice.txt", f"title: 通知\ndate: 2017-08-10\nlang: zh\n\n{told}\n")], fresh_store)
    switched = [(e.value, e.deadline) for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert switched == [(None, "2018-06-30")], switched


@pytest.mark.parametrize(
    "told, issued",
    [
        # The sentence asks who issued it: nobody is named, not even the letter's usual issuer.
        ("Reposts call it Wanglianhan [2018] No. 42. It is not clear which body issued it on 20 March 2018.", []),
        ("Reposts call it Wanglianhan [2018] No. 42. Nobody could say who issued it on 20 March 2018.", []),
        # A relative pronoun stands for the name before it.
        ("NetsUnion, which issued Wanglianhan [2018] No. 42 on 20 March 2018, closed the channels.", [("2018-03-20", ["netsunion"])]),
    ],
)
def test_an_act_whose_doer_a_sentence_asks_about_has_no_doer(fresh_store, write, told, issued):
    ingest([write("story.txt", f"title: Letter\ndate: 2018-04-20\n\n{told}")], fresh_store)
    assert [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "issue"] == issued


@pytest.mark.parametrize(
    "lang, told, cooperating",
    [
        ("zh", "2018年9月，光大银行发布公告，终止与第三方支付机构的直连合作。", False),
        ("zh", "2018年9月，光大银行发布公告，开展与第三方支付机构的直连合作。", True),
        ("en", "In September 2018, Everbright Bank terminated its direct cooperation with Alipay.", False),
        ("en", "In September 2018, Everbright Bank stopped cooperating with Alipay.", False),
        ("en", "In September 2018, Everbright Bank began cooperating with Alipay.", True),
    ],
)
def test_ending_an_act_is_not_doing_it(fresh_store, write, lang, told, cooperating):
    ingest([write("story.txt", f"title: Banks\ndate: 2018-12-24\nlang: {lang}\n\n{told}")], fresh_store)
    assert ("cooperate" in {e.type for e in build_entries(fresh_store)}) == cooperating


@pytest.mark.parametrize(
    "lang, notice",
    [
        # Each names a party beside a trigger word (宣布, 证实, "announced"): read as story, an event.
        ("zh", "聲明：本文系轉載自合作媒體，網聯宣布的數據不代表本網觀點。"),
        ("zh", "声明：本文系转载自合作媒体，并不代表本网赞同支付机构的观点或证实其描述。"),
        ("en", "Disclaimer: this article was reprinted from a partner; it does not represent the views of NetsUnion, which announced the figures."),
    ],
)
def test_a_sites_notice_tells_no_event(fresh_store, write, lang, notice):
    story = "2018年6月30日，支付宝接入网联。" if lang == "zh" else "On 30 June 2018, Alipay connected to NetsUnion."
    ingest([write("story.txt", f"title: Story\ndate: 2018-07-02\nlang: {lang}\n\n{story}\n\n{notice}")], fresh_store)
    assert [e.type for e in build_entries(fresh_store)] == ["connect"]


def test_the_links_to_the_next_story_tell_no_event(fresh_store, write):
    story = "On 30 June 2018, Alipay connected to NetsUnion.\n\nPrevious: Alipay announced its barcode agreement with UnionPay\nNext: Tenpay connected to NetsUnion in March"
    ingest([write("story.txt", f"title: Story\ndate: 2018-07-02\n\n{story}")], fresh_store)
    assert [(e.type, e.actor_ids) for e in build_entries(fresh_store)] == [("connect", ["alipay"])]


@pytest.mark.parametrize(
    "lang, asked, told",
    [
        ("zh", "2018年4月27日，支付宝已接入银联了吗？", "2018年4月27日，支付宝已接入银联。"),
        ("en", "Did Alipay connect to UnionPay on 27 April 2018?", "Alipay connected to UnionPay on 27 April 2018."),
    ],
)
def test_a_yes_no_question_tells_no_event(fresh_store, write, tmp_path, lang, asked, told):
    ingest([write("asked.txt", f"title: Asked\ndate: 2018-05-02\nlang: {lang}\n\n{asked}")], fresh_store)
    assert build_entries(fresh_store) == []
    with Store(tmp_path / "told.sqlite") as store:
        ingest([write("told/told.txt", f"title: Told\ndate: 2018-05-02\nlang: {lang}\n\n{told}")], store)
        assert [e.type for e in build_entries(store)] == ["connect"]


@pytest.mark.parametrize("first, second", [("去年8月", "去年10月20日"), ("去年5月", "今年1月9日")])
def test_two_acts_of_one_kind_told_with_their_own_dates_are_two_entries(fresh_store, write, first, second):
    """A first approval and a formal one, each with its date, in one sentence: neither date is lost."""
    told = f"{first}，人民银行批复同意了中国支付清算协会上报的网联平台方案；{second}，人民银行正式批准网联平台启动筹建。"
    ingest([write("story.txt", f"title: 获批\ndate: 2017-03-27\n\n{told}")], fresh_store)
    approved = [e.value for e in build_entries(fresh_store) if e.type == "approve"]
    expected = [t.value for t in tag(told, "2017-03-27", "zh")]
    assert sorted(approved) == sorted(expected) and len(approved) == 2


@pytest.mark.parametrize("month, value", [("In January", "2017-01"), ("In February", "2017-02")])
def test_a_month_whose_verb_is_past_is_not_the_coming_one(fresh_store, write, month, value):
    """Written at the end of December: "January" read only by its words could be the next one; its
    verb ("was issued"), however far in the clause, says it is past."""
    told = f"{month} the notice on the centralized deposit of customer reserve funds was issued by the central bank."
    ingest([write("story.txt", f"title: Reserves\ndate: 2017-12-28\n\n{told}")], fresh_store)
    issued = [e.value for e in build_entries(fresh_store) if e.type == "issue"]
    assert issued == [value]


@pytest.mark.parametrize("day, value", [("31 March 2017", "2017-03-31"), ("2 May 2017", "2017-05-02")])
def test_an_act_told_as_a_noun_by_a_subject_pointing_back_is_the_institutions(fresh_store, write, day, value):
    """"The platform begins trial operation": the noun is the act of the clearing house the
    subject points back to; "it is a big migration" (a copula) is no act of anyone."""
    told = (f"NetsUnion was set up by the central bank. {day}: The platform begins trial operation. "
            "For the two giants it is a big migration.")
    ingest([write("story.txt", f"title: Trial\ndate: 2018-12-20\n\n{told}")], fresh_store)
    found = {(e.type, e.value, tuple(e.actor_ids)) for e in build_entries(fresh_store)}
    assert ("launch", value, ("netsunion",)) in found
    assert not any(kind == "switch_traffic" for kind, _, _ in found), found


@pytest.mark.parametrize("day, value", [("On 20 October 2016", "2016-10-20"), ("On 3 May 2016", "2016-05-03")])
def test_what_a_regulator_approves_is_approved_not_done(fresh_store, write, day, value):
    """"approved the preparatory establishment of the platform": an approval by the central bank,
    not a founding by it."""
    told = f"{day} the PBOC approved the preparatory establishment of the NetsUnion platform."
    ingest([write("story.txt", f"title: Approval\ndate: 2017-08-30\n\n{told}")], fresh_store)
    found = {(e.type, e.value) for e in build_entries(fresh_store)}
    assert ("approve", value) in found and not any(kind == "found" for kind, _ in found), found


@pytest.mark.parametrize("month, value", [("In April 2016", "2016-04"), ("In June 2016", "2016-06")])
def test_a_body_of_an_institution_named_before_acts_for_it(fresh_store, write, month, value):
    """"the association's member congress approved": the association named before approved."""
    told = (f"The idea was put forward by the Payment and Clearing Association of China. "
            f"{month} the association's member congress approved the proposal.")
    ingest([write("story.txt", f"title: Proposal\ndate: 2018-06-01\n\n{told}")], fresh_store)
    approved = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "approve"]
    assert approved == [(value, ["pcac"])]


@pytest.mark.parametrize("guide", ["under the guidance of", "with the approval of"])
def test_whoever_guided_or_allowed_an_act_is_no_party_of_it(fresh_store, write, guide):
    told = f"In August 2017 NetsUnion Clearing Corporation was set up {guide} the People's Bank of China."
    ingest([write("story.txt", f"title: Founding\ndate: 2017-09-01\n\n{told}")], fresh_store)
    founded = [e for e in build_entries(fresh_store) if e.type == "found"]
    assert founded and all("pboc" not in e.actor_ids + e.target_ids for e in founded), [(e.actor_ids, e.target_ids) for e in founded]


@pytest.mark.parametrize("told, factuality", [
    # an institution telling its own act: the act, as fact
    ("NetsUnion said on Tuesday that it had signed a cooperation agreement with Tenpay.", "asserted"),
    # anonymous sources: the act, as reported (before or after it)
    ("NetsUnion signed a cooperation agreement with Tenpay on Tuesday, people familiar with the matter said.", "reported"),
    ("NetsUnion signed a cooperation agreement with Tenpay on Tuesday, according to people familiar with the matter.", "reported"),
    # the institution calls it untrue: denied
    ("UnionPay said on Tuesday that reports that NetsUnion had signed a cooperation agreement with Tenpay were untrue.", "denied"),
])
def test_what_institutions_and_anonymous_sources_say_of_an_act_is_an_entry(fresh_store, write, told, factuality):
    ingest([write("said.txt", f"title: Signed\ndate: 2018-04-05\n\n{told}\n")], fresh_store)
    signed = [e for e in build_entries(fresh_store) if e.type == "cooperate"]
    assert [(e.value, sorted(e.actor_ids + e.target_ids)) for e in signed] == [("2018-04-03", ["netsunion", "tenpay"])], signed
    assert {s["factuality"] for s in signed[0].sources} == {factuality}


@pytest.mark.parametrize("where", ["before", "after"])
def test_what_a_rule_lays_down_according_to_it_is_required_not_reported(fresh_store, write, where):
    rule, act = "according to a notice published on June 29", "payment firms will have to deposit all client money with the central bank by January 14, 2019"
    told = f"{act[0].upper()}{act[1:]}, {rule}." if where == "after" else f"{rule[0].upper()}{rule[1:]}, {act}."
    ingest([write("rule.txt", f"title: Reserves\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    deposits = [(e.factuality, e.deadline) for e in build_entries(fresh_store) if e.type == "deposit"]
    assert deposits == [("required", "2019-01-14")], deposits


def test_the_agent_of_a_participle_describing_an_act_noun_did_the_act(fresh_store, write):
    told = "Payment firms moved their transactions to NetsUnion after a June 30 deadline set by the central bank passed."
    ingest([write("set.txt", f"title: Deadline\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    deadlines = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "deadline"]
    assert deadlines == [("2018-06-30", ["pboc"])], deadlines


def test_a_person_s_words_about_an_act_stay_comment(fresh_store, write):
    told = "Wang Jun, an analyst, said on Tuesday that NetsUnion had signed a cooperation agreement with Tenpay."
    ingest([write("said.txt", f"title: Signed\ndate: 2018-04-05\n\n{told}\n")], fresh_store)
    assert not [e for e in build_entries(fresh_store) if e.type == "cooperate"]


def test_it_in_what_an_institution_says_is_the_institution(fresh_store, write):
    told = "Tenpay, Tencent's payment unit, said on Monday that it had completed its connection to NetsUnion."
    ingest([write("said.txt", f"title: Done\ndate: 2017-10-18\n\n{told}\n")], fresh_store)
    done = [e for e in build_entries(fresh_store) if e.type == "complete"]
    assert [(e.value, e.actor_ids) for e in done] == [("2017-10-16", ["tenpay"])], done


def test_a_verb_the_lemmatiser_gets_wrong_is_still_its_trigger(fresh_store, write):
    # spaCy lemmatises "fined" as "fin"; its regular inflection names the trigger "fine"
    ingest([write("fine.txt", "title: Fine\ndate: 2018-08-02\n\nThe People's Bank of China fined Alipay in July.\n")], fresh_store)
    fined = [e for e in build_entries(fresh_store) if e.type == "penalise"]
    assert [(e.value, e.actor_ids, e.target_ids) for e in fined] == [("2018-07", ["pboc"], ["alipay"])], fined


@pytest.mark.parametrize("lang, told", [
    ("en", "On Monday, the reporter learned from NetsUnion that Alipay had recently completed its connection to the platform."),
    ("zh", "记者16日从网联获悉，支付宝已完成接入网联平台。"),
])
def test_the_day_a_reporter_learned_something_does_not_date_what_was_learned(fresh_store, write, lang, told):
    ingest([write("learned.txt", f"title: Learned\ndate: 2017-03-17\nlang: {lang}\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert [e.value for e in entries if e.type == "announce"] == ["2017-03-16" if lang == "zh" else "2017-03-13"]
    assert all(e.value not in ("2017-03-16", "2017-03-13") for e in entries if e.type in ("complete", "connect")), entries


@pytest.mark.parametrize("told, kind, actors, targets", [
    # a partner phrase after a date: the subject before it acts too
    ("支付宝于9月10日与银联签约。", "cooperate", ["alipay", "unionpay"], []),
    # 向/对 before the verb: whom the act is aimed at; light verbs may stand between
    ("人民银行9月10日向网联下发通知。", "issue", ["pboc"], ["netsunion"]),
    ("人民银行9月10日对支付宝作出行政处罚。", "penalise", ["pboc"], ["alipay"]),
    # …and a count and a describing phrase between 对 and the noun ("as required" is no requirement)
    ("央行9月10日对一家未按要求完成切量的支付机构开出罚单。", "penalise", ["pboc"], ["payment_institutions"]),
    # …and a word of size before the noun
    ("央行9月10日对一家未按期完成切量的中小支付机构开出罚单。", "penalise", ["pboc"], ["payment_institutions"]),
    # the head word of a compound jieba keeps whole is its trigger (发布公告, 行政处罚)
    ("中国银行9月10日发布公告。", "announce", ["bank_of_china"], []),
    ("中国银行9月10日发布了类似公告。", "announce", ["bank_of_china"], []),
    # a verb whose clause goes on to an agreement signs it (业务 opens the agreement's name)
    ("网联9月10日与支付宝签署业务合作协议。", "cooperate", ["alipay", "netsunion"], []),
    # of partners joined in one subject, the clearing house is what the other connected to
    ("网银在线9月10日宣布已与网联完成对接。", "connect", ["chinabank_payment"], ["netsunion"]),
    ("支付宝与网联9月10日完成系统对接。", "connect", ["alipay"], ["netsunion"]),
    # a body telling its own act, subjectless after 与: the body and its partner, as fact
    ("网联9月10日表示，已与财付通签署合作协议。", "cooperate", ["netsunion", "tenpay"], []),
])
def test_chinese_roles_from_partner_and_target_phrases(fresh_store, write, told, kind, actors, targets):
    ingest([write("zh.txt", f"title: 角色\ndate: 2018-09-12\nlang: zh\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    found = [e for e in entries if e.type == kind]
    assert [(e.value, sorted(e.actor_ids), sorted(e.target_ids), e.factuality) for e in found] == [
        ("2018-09-10", actors, targets, "asserted")], found
    # (the act of a phrase describing the noun is none: 未…完成切量的支付机构; a statement issued is no rule)
    assert not {e.type for e in entries} & ({"switch_traffic", "issue"} - {kind}), entries


@pytest.mark.parametrize("lang, told", [
    ("zh", "2017年3月31日，网联平台开始试运行，首批接入4家银行和3家支付机构，分别是支付宝、财付通和网银在线。"),
    ("en", "On March 31, 2017 the Internet alliance platform started trial operation, the first batch of access are 4 banks "
           "and 3 payment institutions, namely Pay treasure, Cai Fu Tong and Net silver online."),
    # the group counted first, the members after 其中包括 and the clause the list goes on in (以及)
    ("zh", "据统计，截至3月31日，已有7家机构接入网联平台，其中包括支付宝、财付通、网银在线，以及工商银行、农业银行。"),
])
def test_the_members_listed_after_a_counted_group_take_part_in_its_act(fresh_store, write, lang, told):
    """分别是, "namely": the institutions named after "3 payment institutions" connected, to the
    clearing house (never the other way round, however the sentence orders them)."""
    ingest([write("batch.txt", f"title: Batch\ndate: 2017-04-20\nlang: {lang}\n\n{told}\n")], fresh_store)
    connected = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert connected and {"alipay", "tenpay", "chinabank_payment"} <= set(connected[0].actor_ids), connected
    assert connected[0].target_ids == ["netsunion"], connected


@pytest.mark.parametrize("lang, started, joined", [
    ("en", "NetsUnion is the new clearing house. On March 31, 2017 the platform started trial operation.",
           "According to the association's website, the first batch of access are 4 banks and 3 payment institutions, "
           "namely Alipay, Tenpay and Chinabank Payment."),
    ("en", "NetsUnion is the new clearing house. The platform has been running on a trial basis since March 31, 2017.",
           "The first batch of users connected during the trial included Alipay, Tenpay and Chinabank Payment."),
    ("zh", "网联平台于2017年3月31日开始试运行。", "据了解，首批接入4家银行和3家支付机构，分别是支付宝、财付通和网银在线。"),
])
def test_those_who_joined_a_platform_told_after_its_start_joined_it_then(fresh_store, write, lang, started, joined):
    """A connection told without its other end, in the sentence after a clearing house's start, is
    to that house, on that day; told further on in another paragraph it keeps no day it was not given."""
    ingest([write("batch.txt", f"title: Batch\ndate: 2017-04-20\nlang: {lang}\n\n{started} {joined}\n")], fresh_store)
    connected = [(e.value, sorted(e.target_ids), "alipay" in e.actor_ids) for e in build_entries(fresh_store) if e.type == "connect"]
    assert connected == [("2017-03-31", ["netsunion"], True)], connected


def test_a_joining_told_in_another_paragraph_takes_no_day_from_the_start(fresh_store, write):
    told = ("On March 31, 2017 NetsUnion started trial operation.\n\n"
            "According to the association's website, the first batch of access are Alipay, Tenpay and Chinabank Payment.")
    ingest([write("batch.txt", f"title: Batch\ndate: 2017-09-20\n\n{told}\n")], fresh_store)
    connected = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert connected and all(e.value != "2017-03-31" for e in connected), connected


def test_a_connection_of_its_own_two_sides_takes_no_other_house(fresh_store, write):
    told = ("UnionPay has been named in many reports. NetsUnion signed with Alipay on May 11, 2018, after the two sides "
            "had completed system connection and joint testing.")
    ingest([write("pair.txt", f"title: Pair\ndate: 2018-05-20\n\n{told}\n")], fresh_store)
    assert not any("unionpay" in e.target_ids for e in build_entries(fresh_store)), build_entries(fresh_store)


def test_a_speaker_after_a_turn_tells_its_own_and_a_relative_of_a_plain_noun_names_no_one(fresh_store, write):
    told = ("Two people familiar with the matter said in May that the central bank was considering a six-month extension "
            "for firms that could not finish the work, but the PBOC later said it would not delay the deadline.")
    ingest([write("turn.txt", f"title: Deadline\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert not [e for e in entries if e.type == "complete"], entries  # the firms that could not finish are no one named
    assert [e.factuality for e in entries if e.type == "announce"] == ["asserted"], entries  # the PBOC's own word


def test_an_aside_in_apposition_keeps_its_date_to_itself(fresh_store, write):
    told = ("NetsUnion Clearing Corp, the state-backed platform launched last year, said on Monday that 462 banks and "
            "115 payment institutions had connected to its system by the June 30 deadline.")
    ingest([write("aside.txt", f"title: NetsUnion\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.value, e.deadline) for e in entries if e.type == "connect"] == [(None, "2018-06-30")], entries
    assert [(e.value, e.deadline) for e in entries if e.type == "launch"] == [("2017", None)], entries


@pytest.mark.parametrize("told, kind, actors", [
    ("Alipay, the payment arm of Ant Financial, and Tencent's Tenpay both signed barcode payment agreements with "
     "NetsUnion on May 11, 2018.", "cooperate", ["alipay", "netsunion", "tenpay"]),
    ("NetsUnion Clearing Corp, the platform backed by the People's Bank of China, said on July 2, 2018 that 424 banks "
     "had connected to it.", "announce", ["netsunion"]),
    # (the parse may read the second owner as one more of the list)
    ("Payment companies, including Ant Financial's Alipay and Tencent's WeChat Pay, moved their transactions onto "
     "NetsUnion in June 2018.", "switch_traffic", ["alipay", "netsunion", "payment_institutions", "wechat_pay"]),
])
def test_an_owner_or_apposition_describing_a_party_is_no_party(fresh_store, write, told, kind, actors):
    """What a party is ("the payment arm of Ant Financial", "the platform backed by the PBOC") or
    whose ("Tencent's Tenpay") tells no other party of its act; a party coordinated after the
    apposition still is one."""
    ingest([write("owners.txt", f"title: Owners\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    found = [sorted({*e.actor_ids, *e.target_ids}) for e in build_entries(fresh_store) if e.type == kind]
    assert found == [actors], found


def test_an_act_noun_after_its_is_the_act_of_the_one_it_points_back_to(fresh_store, write):
    told = ("Lakala, a Shenzhen-based payment company, denied a media report last week. The company said in a statement "
            "on Thursday that its switch-over had been completed in mid-June.")
    ingest([write("lakala.txt", f"title: Lakala\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.value, e.actor_ids) for e in entries if e.type == "switch_traffic"] == [("2018-06", ["lakala"])], entries
    # the apposition tells what Lakala is: the whole industry denied nothing
    assert [e.actor_ids for e in entries if e.type == "deny"] == [["lakala"]], entries


@pytest.mark.parametrize("lang, told", [
    ("en", "The ratio was raised by 10 percentage points a month from January this year and reached about 50 percent in April."),
    ("zh", "今年1月起，交存比例按月提高10个百分点，到4月份达到50%左右。"),
    ("en", "The share rose to 50 percent in April this year and has been raised every month since July."),
])
def test_a_deposit_ratio_naming_no_one_is_the_payment_institutions(fresh_store, write, lang, told):
    """The ratio of client reserves deposited is the institutions' (events.yaml figure_owner), and
    a requirement by no one ("the ratio was raised") holds none of the sentence's figures."""
    ingest([write("ratio.txt", f"title: Ratio\ndate: 2018-07-02\nlang: {lang}\n\n{told}\n")], fresh_store)
    figures = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "statistic"]
    assert ("2018-04", ["payment_institutions"]) in figures, figures


def test_chinese_those_a_copula_names_after_an_act_do_it(fresh_store, write):
    """首批接入的将是…: who connects is named after the copula (and in the list's next clause);
    将 makes it planned."""
    told = "网联平台将于本月底启动试运行，首批接入的将是4家银行，以及支付宝、财付通、网银在线3家支付机构。"
    ingest([write("zh.txt", f"title: 网联\ndate: 2017-03-20\nlang: zh\n\n{told}\n")], fresh_store)
    connected = [(e.value, sorted(e.actor_ids), e.target_ids, e.factuality) for e in build_entries(fresh_store) if e.type == "connect"]
    assert connected == [("2017-03", ["alipay", "chinabank_payment", "tenpay"], ["netsunion"], "planned")], connected


def test_chinese_a_requirement_opening_a_clause_has_the_sentences_subject_and_its_limit(fresh_store, write):
    """…下发114号文，要求…: 要求 opening its clause is the office's verb, not a noun; 到明年1月14日
    实现… is the limit of what it requires."""
    told = "今年6月29日，人民银行办公厅下发银办发〔2018〕114号文，要求按月逐步提高客户备付金集中交存比例，到明年1月14日实现100%集中交存。"
    ingest([write("zh.txt", f"title: 备付金\ndate: 2018-07-02\nlang: zh\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert ("2018-06-29", ["pboc_general_office"]) in [(e.value, e.actor_ids) for e in entries if e.type == "require"], entries
    assert "2019-01-14" in [e.value for e in entries if e.type == "deadline"], entries
    assert not [e for e in entries if e.type == "deposit"], entries  # what is required is no deposit done


@pytest.mark.parametrize("told, switched", [
    ("2017年10月15日，网联完成首批机构的业务切量，共有20余家机构接入。", True),  # a switch-over completed is done
    ("2017年10月15日，网联公布了业务切量的进度。", False),  # a switch-over's progress is no switch-over
])
def test_chinese_an_act_written_as_a_noun_is_done_when_completed(fresh_store, write, told, switched):
    ingest([write("zh.txt", f"title: 切量\ndate: 2018-01-12\nlang: zh\n\n{told}\n")], fresh_store)
    found = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert found == ([("2017-10-15", ["netsunion"])] if switched else []), found


def test_chinese_a_name_before_a_verb_it_is_subject_of_is_no_target(fresh_store, write):
    # 业内对央行牵头成立的平台的简称: the PBOC leads the founding; 对 aims at the whole phrase
    told = "网联是业内对央行牵头成立的线上支付统一清算平台的简称，于2017年8月成立。"
    ingest([write("zh.txt", f"title: 网联\ndate: 2018-09-12\nlang: zh\n\n{told}\n")], fresh_store)
    assert not [e for e in build_entries(fresh_store) if "pboc" in e.target_ids]


@pytest.mark.parametrize("told, kind, date", [
    ("Payment firms have until January 14 to move all client reserves to the People's Bank of China.", "deadline", "2019-01-14"),
    # machine translation's "to" for 到 (by): "to January 14 next year realize 100%"
    ("The central bank required payment institutions to raise the ratio month by month from July 9, and to January 14 next "
     "year realize 100% centralized deposit.", "deadline", "2019-01-14"),
    # a signing completed is a signing ("完成内部签约")
    ("On September 10, Alipay and UnionPay completed the internal signing.", "cooperate", "2018-09-10"),
    ("On April 17 the payment institutions handed over the first batch of provisions.", "deposit", "2018-04-17"),
    ("On April 17, payment firms parked about 20 percent of their clients' reserve funds with the central bank.", "deposit", "2018-04-17"),
    ("The People's Bank of China on Monday ordered payment institutions to close their reserve accounts at commercial banks.",
     "require", "2018-12-03"),
    ("The People's Bank of China on Monday urged payment institutions to close their reserve accounts at commercial banks.",
     "require", "2018-12-03"),
])
def test_deadlines_and_orders_told_in_other_words(fresh_store, write, told, kind, date):
    ingest([write("told.txt", f"title: Orders\ndate: 2018-12-05\n\n{told}\n")], fresh_store)
    assert date in [e.value for e in build_entries(fresh_store) if e.type == kind]


def test_what_media_earlier_reported_is_reported(fresh_store, write):
    told = ("Some media earlier reported that the central bank would postpone the deadline of the Internet Federation "
            "switching to the end of the year.")
    ingest([write("told.txt", f"title: Deadline\ndate: 2018-07-02\n\n{told}\n")], fresh_store)
    assert [e.factuality for e in build_entries(fresh_store) if e.type == "postpone"] == ["reported"]


def test_a_newsroom_asking_for_comment_is_no_act_of_the_story(fresh_store, write):
    told = ("The central bank did not respond to a request for comment on Friday. Alipay declined to comment. "
            "NetsUnion could not be reached for comment.")
    ingest([write("told.txt", f"title: Comment\ndate: 2018-12-07\n\n{told}\n")], fresh_store)
    assert not build_entries(fresh_store)


def test_in_order_to_is_no_order(fresh_store, write):
    told = "In order to cut risks, Alipay connected to NetsUnion on March 31."
    ingest([write("told.txt", f"title: Orders\ndate: 2018-04-05\n\n{told}\n")], fresh_store)
    assert not [e for e in build_entries(fresh_store) if e.type == "require"]


def test_an_undated_act_of_whole_groups_is_no_event_to_place(fresh_store, write):
    """"Payment institutions deposit reserves with the central bank" at no time tells how things
    are, not an event: out of the timeline, still read by the question engine. Named parties,
    a document or a date make it an event."""
    told = ("Non-bank payment institutions deposit reserves with banks. Alipay connected to NetsUnion. "
            "Non-bank payment institutions connected to NetsUnion on March 31, 2017.")
    ingest([write("groups.txt", f"title: Groups\ndate: 2018-07-02\n\n{told}\n")], fresh_store)
    placed = [(e.type, e.value) for e in timeline(fresh_store)]
    assert ("connect", None) in placed and ("connect", "2017-03-31") in placed, placed
    assert ("deposit", None) not in placed and ("deposit", None) in [(e.type, e.value) for e in build_entries(fresh_store)]


def test_chinese_a_limit_opening_the_sentence_times_the_acts_after_it(fresh_store, write):
    # 今年6月30日起，…: the start the opening clause sets; 银行账户 (bank accounts) is no party
    told = "今年6月30日起，支付宝受理的涉及银行账户的网络支付业务全部通过网联或银联处理。"
    ingest([write("zh.txt", f"title: 迁移\ndate: 2018-07-02\nlang: zh\n\n{told}\n")], fresh_store)
    switched = [e for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert [(e.deadline or e.value, e.actor_ids) for e in switched] == [("2018-06-30", ["alipay"])], switched


@pytest.mark.parametrize("lang, told", [
    # a headline's words: the cap and the day the rule applies from
    ("en", "Alipay static code payments each day not exceed 500 yuan, April 1 next year implement."),
    ("zh", "支付宝静态条码支付单日累计不超过500元，明年4月1日起实施。"),
])
def test_a_cap_a_rule_sets_is_no_figure(fresh_store, write, lang, told):
    ingest([write("cap.txt", f"title: Caps\ndate: 2017-12-28\nlang: {lang}\n\n{told}\n")], fresh_store)
    assert not [e for e in build_entries(fresh_store) if e.type == "statistic"]


def test_the_platform_is_the_institution_the_passage_is_about(fresh_store, write):
    # the clearing house named most just before, not the one named last
    told = ("NetsUnion was set up by the central bank. Since Sunday, online payments have been routed through "
            "NetsUnion or UnionPay. The platform began trial operation on March 31, 2017.")
    ingest([write("platform.txt", f"title: Platform\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    launched = [e for e in build_entries(fresh_store) if e.type == "launch"]
    assert [(e.value, e.actor_ids) for e in launched] == [("2017-03-31", ["netsunion"])], launched
    # "routed" (lemmatised "rout") is the switch-over, begun on Sunday
    assert [e.value for e in build_entries(fresh_store) if e.type == "switch_traffic"] == ["2018-07-01"]


def test_whose_word_it_is_is_no_party(fresh_store, write):
    told = "Alipay had connected to NetsUnion by June 30, according to the People's Bank of China."
    ingest([write("according.txt", f"title: According\ndate: 2018-07-03\n\n{told}\n")], fresh_store)
    connected = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert [(e.actor_ids, e.target_ids) for e in connected] == [(["alipay"], ["netsunion"])], connected


def test_chinese_a_denial_after_a_report_is_the_answering_body_s_and_told_as_fact(fresh_store, write):
    # 间接否认: an adverb only verbs take; 但 turns from what the media reported to what the writer tells
    told = "上月27日，有媒体报道称支付宝已接入银联，但银联当晚发布声明，间接否认了这一说法。"
    ingest([write("zh.txt", f"title: 否认\ndate: 2018-05-02\nlang: zh\n\n{told}\n")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.actor_ids, e.factuality) for e in entries if e.type == "deny"] == [(["unionpay"], "asserted")], entries
    assert [e.factuality for e in entries if e.type == "connect"] == ["reported"]


def test_chinese_approving_in_other_words(fresh_store, write):
    told = "2016年4月，中国支付清算协会会员代表大会审议通过了设立网联平台的议案。"
    ingest([write("zh.txt", f"title: 议案\ndate: 2016-05-02\nlang: zh\n\n{told}\n")], fresh_store)
    approved = [e for e in build_entries(fresh_store) if e.type == "approve"]
    assert [(e.value, e.actor_ids) for e in approved] == [("2016-04", ["pcac"])], approved


def test_what_can_no_longer_be_done_is_no_act(fresh_store, write):
    told = "From June 30, 2018, Alipay can no longer connect directly to commercial banks."
    ingest([write("no_longer.txt", f"title: No longer\ndate: 2018-07-02\n\n{told}\n")], fresh_store)
    assert not [e for e in timeline(fresh_store) if e.type == "connect"]
    assert [e.factuality for e in build_entries(fresh_store) if e.type == "connect"] == ["denied"]


def test_chinese_what_is_no_longer_done_is_no_act(fresh_store, write):
    told = "从7月1日起，支付宝不再直接连接商业银行。"
    ingest([write("zh.txt", f"title: 不再\ndate: 2018-07-02\nlang: zh\n\n{told}\n")], fresh_store)
    assert [e.factuality for e in build_entries(fresh_store) if e.type == "connect"] == ["denied"]


@pytest.mark.parametrize("told, kind", [
    ("2018年3月31日，网联与财付通签订条码支付业务合作协议。", "cooperate"),
    ("2018年6月30日，网联平台正式运行。", "launch"),
    ("2017年8月29日，网联清算有限公司在北京揭牌。", "found"),
])
def test_chinese_acts_in_other_words(fresh_store, write, told, kind):
    ingest([write("zh.txt", f"title: 网联\ndate: 2018-09-12\nlang: zh\n\n{told}\n")], fresh_store)
    assert any(e.type == kind and "netsunion" in e.actor_ids for e in build_entries(fresh_store))


def test_what_an_institution_says_it_would_do_is_planned_not_done(fresh_store, write):
    told = "NetsUnion said on Monday that it would sign a cooperation agreement with Tenpay."
    ingest([write("would.txt", f"title: Would\ndate: 2018-07-04\n\n{told}\n")], fresh_store)
    assert [e.factuality for e in build_entries(fresh_store) if e.type == "cooperate"] == ["planned"]


@pytest.mark.parametrize("lang, told, kind, value, deadline", [
    ("en", "The central bank issued the barcode rules at the end of last year.", "issue", "2017-12", None),
    ("zh", "央行去年年底发布了条码支付业务规范。", "issue", "2017-12", None),
    ("en", "NetsUnion will connect all banks by the end of this year.", "connect", None, "2018-12-31"),
    ("zh", "网联将于今年年底前接入所有银行。", "connect", None, "2018-12-31"),
    # a month's end is the month, whether the act is done then or by then
    ("en", "NetsUnion will go live at the end of this month.", "launch", "2018-03", None),
    # a year's start stays the year: it may be January or the spring
    ("en", "UnionPay launched the service at the beginning of this year.", "launch", "2018", None),
])  # fmt: skip
def test_the_end_of_a_year_dates_an_act_in_december_and_a_limit_on_its_last_day(fresh_store, write, lang, told, kind, value, deadline):
    ingest([write("story.txt", f"title: End\ndate: 2018-03-15\nlang: {lang}\n\n{told}")], fresh_store)
    entries = [e for e in build_entries(fresh_store) if e.type == kind]
    assert [(e.value if e.value != e.deadline else None, e.deadline) for e in entries] == [(value, deadline)], entries


def test_a_subordinating_that_parsed_as_the_subject_asks_nothing(fresh_store, write):
    """A translation's "learned from the industry that, the People's Bank of China … issued" can
    parse "that" as the verb's subject; it is no question word, and the act is the bank's."""
    told = ("Reporter learned from the industry that, the People's Bank of China payment settlement division "
            "in December last year again issued the document, require the payment institutions to speed up.")
    ingest([write("story.txt", f"title: Document\ndate: 2018-03-15\n\n{told}")], fresh_store)
    assert ("issue", "2017-12") in {(e.type, e.value) for e in build_entries(fresh_store)}


@pytest.mark.parametrize("told", [
    "All the network payment business must through the NetsUnion platform processing before June 30.",
    "According to the document requirement, before June 30 this year, all the network payment business "
    "involving the bank account must by the network connection platform processing.",
])  # fmt: skip
def test_a_literal_translation_of_routing_through_the_platform_is_the_required_switch_over(fresh_store, write, told):
    """必须通过网联平台处理 translated word by word: the noun of handling after through/by names
    the house; the switch-over is required by the coming June 30 (a rule's terms, no report),
    and the house is where the traffic goes, not who moves it."""
    ingest([write("story.txt", f"title: Routing\ndate: 2018-03-15\n\n{told}")], fresh_store)
    switches = [e for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert [(e.deadline, e.factuality, e.target_ids, e.actor_ids) for e in switches] == [("2018-06-30", "required", ["netsunion"], [])]


def test_what_must_be_done_from_a_yearless_day_is_done_in_the_coming_one(fresh_store, write):
    told = "All payments must be processed through NetsUnion from June 30."
    ingest([write("story.txt", f"title: Routing\ndate: 2018-03-15\n\n{told}")], fresh_store)
    assert {e.deadline for e in build_entries(fresh_store) if e.type == "switch_traffic"} == {"2018-06-30"}


def test_what_a_rumour_says_is_reported_and_the_answer_denying_it_is_told_as_fact(fresh_store, write):
    told = ("The previous market rumor said the Tenpay will delay the access to NetsUnion on May 3, "
            "the Tenpay related responsible person denied it to the reporter on May 4.")
    ingest([write("story.txt", f"title: Rumour\ndate: 2018-05-05\n\n{told}")], fresh_store)
    kinds = {(e.type, e.factuality) for e in build_entries(fresh_store)}
    assert ("deny", "asserted") in kinds, kinds
    assert ("postpone", "asserted") not in kinds, kinds


def test_chinese_a_body_answering_that_a_report_is_untrue_denies_it(fresh_store, write):
    """回应称…不实: the answering verb stands between the body and 称, and 回应 holds no 应 (shall);
    the denial is kept without a day of its own."""
    told = "有消息称网联将推迟上线。对此，网联相关负责人回应称，上述消息不实。"
    ingest([write("story.txt", f"title: 网联\ndate: 2017-03-20\nlang: zh\n\n{told}")], fresh_store)
    store_events = fresh_store.conn.execute("select type, factuality from event").fetchall()
    assert ("deny", "asserted") in [tuple(row) for row in store_events], store_events


def test_chinese_a_negated_verb_describing_a_noun_tells_no_act(fresh_store, write):
    told = "另有传言称，央行将对未完成迁移的机构吊销牌照。"
    ingest([write("story.txt", f"title: 迁移\ndate: 2018-07-02\nlang: zh\n\n{told}")], fresh_store)
    kinds = {row[0] for row in fresh_store.conn.execute("select type from event")}
    assert kinds == {"penalise"}, kinds


def test_payments_handled_by_the_house_since_a_month_are_the_switch_over_from_then(fresh_store, write):
    """The house as the agent of the handling is where the traffic went; the act has its own
    start ("since last June"), so the day it was said on does not date it."""
    told = "A Tenpay spokeswoman said on Tuesday that all of its bank-account payments had been handled by NetsUnion since last June."
    ingest([write("story.txt", f"title: Switch\ndate: 2019-02-20\n\n{told}")], fresh_store)
    switches = [e for e in build_entries(fresh_store) if e.type == "switch_traffic"]
    assert [(e.value, e.target_ids) for e in switches] == [("2018-06", ["netsunion"])], switches


@pytest.mark.parametrize("told", [
    "A report claimed that Alipay had connected to NetsUnion on 3 May 2018.",
    "There are rumors that Alipay will connect to NetsUnion on 3 May 2018.",
    # machine translation's 消息
    "On 3 May 2018, a message about Alipay formally access NetsUnion was wildly spread in the circle of friends.",
])  # fmt: skip
def test_what_a_report_or_rumours_tell_is_not_told_as_fact(fresh_store, write, told):
    ingest([write("story.txt", f"title: Claim\ndate: 2018-04-20\n\n{told}")], fresh_store)
    assert {e.factuality for e in build_entries(fresh_store) if e.type == "connect"} == {"reported"}


def test_a_rule_from_one_day_to_another_has_both_as_its_steps(fresh_store, write):
    """"From July 9 the ratio is raised month by month, to January 14 to reach 100%": the start
    before the act and the end after it are both moments of the rule."""
    told = ("The PBOC General Office issued the notice on June 29, made clear that from July 9, 2018, the centralized "
            "deposit ratio is increased month by month, to January 14, 2019 to realize 100% centralized deposit.")
    ingest([write("story.txt", f"title: Reserves\ndate: 2018-07-01\n\n{told}")], fresh_store)
    steps = sorted(e.value for e in build_entries(fresh_store) if e.type == "deadline")
    assert steps == ["2018-07-09", "2019-01-14"], steps


@pytest.mark.parametrize("lang, told", [
    ("zh", "央行办公厅于2017年1月13日发布《关于实施支付机构客户备付金集中存管有关事项的通知》。"
           "今年6月29日，央行办公厅再度下发通知，要求自7月9日起按月提高集中交存比例。"),
    ("en", "The PBOC General Office issued the Notice on the Centralised Deposit of Client Reserve Funds of Payment Institutions "
           "on January 13, 2017. "
           "On June 29 this year, the General Office issued a notice again, requiring the deposit ratio to rise from July 9."),
])
def test_a_notice_issued_on_another_day_is_not_the_one_told_before(fresh_store, write, lang, told):
    """The notice the article tells issued in January 2017 is not the one issued on June 29, 2018,
    nor is what that one requires in it."""
    ingest([write("story.txt", f"title: Reserves\ndate: 2018-07-02\nlang: {lang}\n\n{told}")], fresh_store)
    documents = {(e.type, e.value): e.document_id for e in build_entries(fresh_store) if e.type in ("issue", "require")}
    assert documents[("issue", "2017-01-13")] == "doc_reserve_notice", documents
    assert "doc_reserve_notice" not in {d for (kind, value), d in documents.items() if value != "2017-01-13"}, documents


def test_those_who_were_told_to_act_are_required_to(fresh_store, write):
    told = "Payment firms were told by the central bank to deposit all client reserve funds by January 14."
    ingest([write("story.txt", f"title: Reserves\ndate: 2019-02-20\n\n{told}")], fresh_store)
    kinds = {(e.type, e.deadline or e.value, tuple(e.actor_ids), tuple(e.target_ids)) for e in build_entries(fresh_store)}
    assert ("require", "2019-01-14", ("pboc",), ("payment_institutions",)) in kinds, kinds


@pytest.mark.parametrize("lang, told, required", [
    ("zh", "根据114号文，自7月9日起，支付机构客户备付金集中交存比例按月提高10个百分点。", True),
    # (told under no rule and by nobody, a raising names none who demands it: no entry says who)
    ("zh", "自7月9日起，支付机构客户备付金集中交存比例按月提高10个百分点。", False),
    ("en", "The central bank raised the deposit ratio of payment institutions month by month from January 2018.", True),
    ("en", "Alipay raised its registered capital to 1 billion yuan in May 2018.", False),  # no ratio: no demand
    # machine translation's word for 提高
    ("en", "The central bank will improve the centralized deposit ratio of payment institutions month by month from January 2018.", True),
    ("en", "Under the notice of the central bank, the share of reserves in centralised accounts will rise each month from July 9.", True),
    # the parse may hang the ratio on "is", with the participle its complement
    ("en", "The central bank made clear that the centralized deposit ratio is increased month by month.", True),
])  # fmt: skip
def test_raising_the_deposit_ratio_is_a_requirement(fresh_store, write, lang, told, required):
    ingest([write("story.txt", f"title: Ratio\ndate: 2018-08-01\nlang: {lang}\n\n{told}")], fresh_store)
    kinds = {e.type for e in build_entries(fresh_store)}
    assert ("require" in kinds or "deadline" in kinds) is required, kinds


@pytest.mark.parametrize("told", [
    "The first batch of institutions connected to NetsUnion in March 2017 were Alipay, Tenpay and four banks.",
    # no target of its own: the clearing house the sentence named before it
    "The NetsUnion platform began trial operation in March 2017, and the first batch of access is four banks "
    "and three payment institutions, namely Alipay, Tenpay and Chinabank Payment.",
    # "includes" names its subject as "is" does
    "The NetsUnion platform began trial operation in March 2017, the first batch of access includes Alipay, Tenpay, "
    "Chinabank Payment and four banks.",
])  # fmt: skip
def test_those_a_copula_names_did_the_act_in_its_subject(fresh_store, write, told):
    ingest([write("story.txt", f"title: Batch\ndate: 2017-05-01\n\n{told}")], fresh_store)
    connects = [e for e in build_entries(fresh_store) if e.type == "connect"]
    assert [(e.value, "alipay" in e.actor_ids, e.target_ids) for e in connects] == [("2017-03", True, ["netsunion"])], connects


@pytest.mark.parametrize("told, kind, value", [
    ("NetsUnion has started its trial operation since March 31.", "launch", "2017-03-31"),
    ("Payments have been handled through NetsUnion since June 30, 2016.", "switch_traffic", "2016-06-30"),
])
def test_an_act_told_done_since_a_day_began_that_day(fresh_store, write, told, kind, value):
    ingest([write("story.txt", f"title: Since\ndate: 2017-05-01\n\n{told}")], fresh_store)
    assert [(e.value, e.deadline) for e in build_entries(fresh_store) if e.type == kind] == [(value, None)]


def test_chinese_a_date_restated_after_ji_does_not_redate_the_act(fresh_store, write):
    """6月29日，即断直连大限前一天: the clause after 即 names the same day from another anchor."""
    told = "6月29日，即断直连大限前一天，央行办公厅下发114号文。"
    ingest([write("story.txt", f"title: 114号文\ndate: 2018-07-02\nlang: zh\n\n{told}")], fresh_store)
    assert [e.value for e in build_entries(fresh_store) if e.type == "issue"] == ["2018-06-29"]


def test_chinese_an_official_speaking_on_a_day_tells_as_fact_and_the_limit_dates_what_is_said(fresh_store, write):
    """央行有关负责人1月16日表示: the day and the setting between the body and its speech verb
    leave the body speaking (told as fact); what it says has its own limit (截至1月14日)."""
    told = "央行有关负责人在1月16日的发布会上表示，截至1月14日，支付机构客户备付金已全部完成集中交存。"
    ingest([write("story.txt", f"title: 备付金\ndate: 2019-01-20\nlang: zh\n\n{told}")], fresh_store)
    entries = build_entries(fresh_store)
    assert {(e.type, e.factuality, e.deadline or e.value) for e in entries if e.type in ("deposit", "complete")} == {
        ("deposit", "asserted", "2019-01-14"), ("complete", "asserted", "2019-01-14")}


@pytest.mark.parametrize("told, day", [
    # the day describes the occasion (的发布会), which is read whole as where the body spoke
    ("央行在1月9日的国新办发布会上表示，断直连工作已基本完成。", "2019-01-09"),
    # a weekday told from the article's day between the body's official and the verb
    ("央行官员上周五表示，断直连工作已基本完成。", "2019-01-18"),
    ("人行官員上周五回應指，斷直連工作已基本完成。", "2019-01-18"),
])
def test_chinese_a_body_speaking_on_a_day_told_before_its_verb_announces_on_that_day(fresh_store, write, told, day):
    ingest([write("story.txt", f"title: 发布会\ndate: 2019-01-22\nlang: zh\n\n{told}")], fresh_store)  # a Tuesday
    said = [(e.value, e.actor_ids) for e in build_entries(fresh_store) if e.type == "announce"]
    assert said == [(day, ["pboc"])], said


def test_traffic_moved_onto_the_house_ahead_of_a_deadline_is_the_switch_over_by_then(fresh_store, write):
    told = "All licensed payment firms had moved their transactions onto NetsUnion ahead of a June 30 deadline."
    ingest([write("story.txt", f"title: Moved\ndate: 2018-06-29\n\n{told}")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.deadline, e.target_ids) for e in entries if e.type == "switch_traffic"] == [("2018-06-30", ["netsunion"])]
    assert not [e for e in entries if e.type == "approve"]  # "licensed" describes the firms



def test_an_act_before_the_year_a_document_is_numbered_in_is_not_under_it(fresh_store, write):
    """The notice of January 2017 is not notice [2018] No. 114 named in the sentence before."""
    told = ("The General Office issued the notice (Yinbanfa [2018] No. 114) on June 29. "
            "Centralised deposit started in 2017: on January 13, 2017, the central bank issued a notice.")
    ingest([write("story.txt", f"title: Notices\ndate: 2018-07-02\n\n{told}")], fresh_store)
    issues = {(e.value, e.document_id) for e in build_entries(fresh_store) if e.type == "issue"}
    assert ("2017-01-13", "doc_114_full_deposit") not in issues, issues
    assert ("2018-06-29", "doc_114_full_deposit") in issues, issues


def test_a_delayed_act_is_not_done_and_its_parties_are_the_delay_s(fresh_store, write):
    told = "Tenpay will delay the access to NetsUnion until June 30."
    ingest([write("story.txt", f"title: Delay\ndate: 2018-03-15\n\n{told}")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "postpone"] == [(["tenpay"], ["netsunion"])]
    assert not [e for e in entries if e.type == "connect"]


def test_a_connection_to_the_platform_is_to_the_clearing_house_the_passage_is_about(fresh_store, write):
    told = "NetsUnion began its trial run in 2017. Alipay connected to the platform in March 2017."
    ingest([write("story.txt", f"title: Platform\ndate: 2018-03-15\n\n{told}")], fresh_store)
    assert [(e.value, e.actor_ids, e.target_ids) for e in build_entries(fresh_store) if e.type == "connect"] == [
        ("2017-03", ["alipay"], ["netsunion"])]


def test_chinese_a_rumoured_act_and_the_statement_calling_it_untrue(fresh_store, write):
    """被传已接入: rumoured, not told as fact; 当晚发表声明称，该报道与事实不符: the body's denial."""
    told = "此前，支付宝曾于4月27日被传已接入银联，但银联当晚发表声明称，该报道与事实不符。"
    ingest([write("story.txt", f"title: 条码\ndate: 2018-09-14\nlang: zh\n\n{told}")], fresh_store)
    kinds = {(e.type, e.factuality) for e in build_entries(fresh_store)}
    assert ("connect", "asserted") not in kinds, kinds
    assert ("deny", "asserted") in kinds, kinds


def test_chinese_coordinated_actors_when_one_is_named_again_after_the_verb(fresh_store, write):
    """银联与支付宝…签约，…接入银联网络: the second 银联 is no place in the subject."""
    told = "银联与支付宝已于9月10日完成内部签约，双方将共同推动条码支付业务接入银联网络。"
    ingest([write("story.txt", f"title: 条码\ndate: 2018-09-14\nlang: zh\n\n{told}")], fresh_store)
    assert [sorted(e.actor_ids) for e in build_entries(fresh_store) if e.type == "cooperate"] == [["alipay", "unionpay"]]


@pytest.mark.parametrize("speaker, kept", [
    ("the company said", True),  # the institution named before, speaking of its own act
    ("it said", True),
    ("an analyst said", False),  # someone's claim stays out of the timeline
])  # fmt: skip
def test_an_institution_named_before_speaks_of_its_own_act_as_fact(fresh_store, write, speaker, kept):
    told = f"UnionPay signed a cooperation agreement with Alipay on September 10, {speaker}."
    ingest([write("story.txt", f"title: Deal\ndate: 2018-10-20\n\n{told}")], fresh_store)
    deals = {(e.value, tuple(e.actor_ids)) for e in build_entries(fresh_store) if e.type == "cooperate"}
    assert (("2018-09-10", ("unionpay",)) in deals) is kept, deals


def test_a_rule_told_by_the_regulator_is_made_when_told_and_binds_those_told(fresh_store, write):
    """The month of the telling dates the requirement; the limit it sets stays its deadline."""
    told = ("The central bank told payment firms in August last year that all online payments involving "
            "bank accounts must go through a licensed clearing house from mid-2018.")
    ingest([write("story.txt", f"title: Rule\ndate: 2018-06-20\n\n{told}")], fresh_store)
    rules = {(e.value, e.deadline, tuple(e.actor_ids), tuple(e.target_ids)) for e in build_entries(fresh_store) if e.type == "require"}
    assert ("2017-08", "2018", ("pboc",), ("payment_institutions",)) in rules, rules


@pytest.mark.parametrize("denial, denied", [
    ("Lakala denied that report on Tuesday.", False),  # answers the sentence about itself, which told no act
    ("JD Finance denied that report on Tuesday.", True),
])  # fmt: skip
def test_an_institution_denies_only_an_act_it_took_part_in(fresh_store, write, denial, denied):
    told = ("JD Finance said it had finished the switch-over in May. Lakala has not yet connected, "
            f"according to two people familiar with the matter. {denial}")
    ingest([write("story.txt", f"title: Denial\ndate: 2018-06-20\n\n{told}")], fresh_store)
    finished = [e for e in build_entries(fresh_store) if e.type == "complete"]
    assert len(finished) == 1 and bool(finished[0].conflict) is denied, finished


@pytest.mark.parametrize("told, launched", [
    ("NetsUnion, which was set up in Beijing in August 2017, started test runs in March of that year.", "2017-03"),
    ("NetsUnion, which started test runs in March 2017, was set up in Beijing in August of that year.", "2017-03"),
])  # fmt: skip
def test_a_date_in_a_relative_clause_dates_that_clause_only(fresh_store, write, told, launched):
    ingest([write("story.txt", f"title: Platform\ndate: 2018-06-20\n\n{told}")], fresh_store)
    dated = {(e.type, e.value) for e in build_entries(fresh_store) if e.type in ("launch", "found")}
    assert dated == {("launch", launched), ("found", "2017-08")}, dated


@pytest.mark.parametrize("told, required", [
    ("央行去年8月通知称，支付机构须于2018年6月30日前接入网联。", True),
    ("央行去年8月发文称，支付机构应于2018年6月30日前接入网联。", True),
    ("有媒体去年8月报道称，支付机构须于2018年6月30日前接入网联。", False),  # a report, not the regulator's word
    ("去年8月，央行通知支付机构，须于2018年6月30日前接入网联。", True),  # those told must act, not the bank
])  # fmt: skip
def test_chinese_what_a_regulator_says_must_be_done_it_requires(fresh_store, write, told, required):
    """The body's own notice verb and the month before 称 leave it the speaker; the month of its
    saying dates the requirement, the limit it sets is its deadline."""
    ingest([write("story.txt", f"title: 通知\ndate: 2018-06-20\nlang: zh\n\n{told}")], fresh_store)
    rules = {(e.value, e.deadline, tuple(e.actor_ids), "payment_institutions" in e.target_ids)
             for e in build_entries(fresh_store) if e.type == "require"}
    assert (("2017-08", "2018-06-30", ("pboc",), True) in rules) is required, rules


@pytest.mark.parametrize("lang, told, held_on", [
    ("zh", "网联于2017年8月29日完成工商注册，注册资本20亿元，同年3月31日曾完成首笔跨行交易。", "2017-08-29"),
    ("en", "At the end of March 2018, 18 banks had connected to NetsUnion, and by June 30, 462 banks had.", "2018-03-31"),
])  # fmt: skip
def test_a_figure_holds_on_the_date_that_governs_its_clause(fresh_store, write, lang, told, held_on):
    """Across clauses, the date before a figure governs it, not a nearer one of a later clause."""
    ingest([write("story.txt", f"title: Figures\ndate: 2018-07-20\nlang: {lang}\n\n{told}")], fresh_store)
    held = {e.value: e.summary for e in build_entries(fresh_store) if e.type == "statistic"}
    assert any(("20亿元" in summary or "18 banks" in summary) for value, summary in held.items() if value == held_on), held


@pytest.mark.parametrize("told, held_on", [
    ("NetsUnion, which began trial operations in March 2017, has since signed up more than 400 banks.", None),
    ("NetsUnion, which began trial operations in March 2017, had signed up 18 banks by October 2017.", "2017-10"),
    # a clause on the counted noun itself tells its history, not when the count holds
    ("By June 2018, 462 banks that joined NetsUnion in March 2017 had connected.", "2018-06"),
])
def test_a_date_in_a_relative_clause_dates_no_figure_outside_it(fresh_store, write, told, held_on):
    ingest([write("story.txt", f"title: Banks\ndate: 2018-06-27\n\n{told}")], fresh_store)
    held = [e.value for e in build_entries(fresh_store) if e.type == "statistic"]
    assert held == ([held_on] if held_on else []), held


def test_a_clause_opened_by_among_them_dates_its_own_act_not_the_one_before(fresh_store, write):
    """其中 as translation writes it: the date of the "among them" clause is its act's (Alipay's
    signing), never the date of what both institutions did in the clause before."""
    told = ("Alipay and Cai Fu Tong also successively reached cooperation with UnionPay and network connection, "
            "among them Alipay and UnionPay signed in September 10 last year.")
    ingest([write("story.txt", f"title: UnionPay\ndate: 2019-01-20\n\n{told}")], fresh_store)
    dated = {e.value: set(e.actor_ids) for e in build_entries(fresh_store) if e.type == "cooperate" and e.value}
    assert "tenpay" not in dated.get("2018-09-10", {"tenpay"}), dated
    assert {"alipay", "unionpay"} <= dated["2018-09-10"], dated


def test_chinese_a_body_speaking_after_an_adverb_tells_its_own_act(fresh_store, write):
    told = "其中，财付通已于5月底完成全部切量，京东金融也表示已在本月中旬完成迁移。"
    ingest([write("story.txt", f"title: 切量\ndate: 2018-06-25\nlang: zh\n\n{told}")], fresh_store)
    moved = {(tuple(e.actor_ids), e.factuality) for e in build_entries(fresh_store) if e.type == "switch_traffic"}
    assert (("jd",), "asserted") in moved, moved


def test_chinese_a_deadline_without_parties_is_the_industrys_and_dates_no_other_act(fresh_store, write):
    """The date of 大限 is the deadline's; the switch-over the sentence tells is not done on it."""
    told = "支付机构正在切量。距离6月30日“断直连”大限仅剩5天，多家支付机构正在加紧将业务切换至网联平台。"
    ingest([write("story.txt", f"title: 大限\ndate: 2018-06-25\nlang: zh\n\n{told}")], fresh_store)
    entries = build_entries(fresh_store)
    assert [(e.value, e.target_ids) for e in entries if e.type == "deadline"] == [("2018-06-30", ["payment_institutions"])]
    assert all(e.value != "2018-06-30" for e in entries if e.type == "switch_traffic"), entries
    # (what follows 大限 is no party: the summary names none it was not given)
    assert [e.summary for e in entries if e.type == "deadline"] == ["Set a deadline for non-bank payment institutions"], entries


@pytest.mark.parametrize("told, kind", [
    ('Distance June 30 "break direct connection" big limit only remaining 5 days, payment institutions are busy.', "deadline"),
    ("Tenpay already at the end of May completed all cut volume to the Internet Union platform.", "switch_traffic"),
    ("There was news said that, part small payment institutions will apply for extension.", "postpone"),
])  # fmt: skip
def test_machine_translations_renderings_of_chinese_event_words_tell_their_events(fresh_store, write, told, kind):
    """大限 comes out as "big limit", 切量 as "cut volume", 延期 as "extension"."""
    ingest([write("story.txt", f"title: MT\ndate: 2018-06-25\n\n{told}")], fresh_store)
    assert kind in {e.type for e in build_entries(fresh_store)}


def test_what_must_be_done_from_a_limit_of_its_own_clause_is_not_done_on_the_notices_day(fresh_store, write):
    told = ("The central bank's office on 13th issued the notice, clearly that from April 17 this year, "
            "payment institutions shall deposit a certain proportion of customer reserve funds into a special deposit account.")
    ingest([write("story.txt", f"title: Reserves\ndate: 2017-01-14\n\n{told}")], fresh_store)
    dated = {(e.type, e.value, e.deadline) for e in build_entries(fresh_store) if e.type in ("issue", "deposit")}
    assert ("issue", "2017-01-13", "2017-04-17") in dated and ("deposit", None, "2017-04-17") in dated, dated


def test_the_verb_carrying_a_nouns_act_governs_its_date(fresh_store, write):
    told = ("A notice from the central bank's General Office in January 2017 set up the centralised deposit system, "
            "and payment institutions made their first partial deposits on April 17, 2017.")
    ingest([write("story.txt", f"title: Reserves\ndate: 2019-01-20\n\n{told}")], fresh_store)
    assert {e.value for e in build_entries(fresh_store) if e.type == "deposit"} == {"2017-04-17"}


def test_an_entry_names_the_parties_most_of_its_reports_agree_on(fresh_store, write):
    """Four reports say payment institutions deposited on April 17; one reads them as deposited with."""
    for i, told in enumerate([
        "The deposit of payment institutions started on April 17, 2017.",  # the one reading them as a target, first
        "Payment institutions made their first deposits on April 17, 2017.",
        "Payment institutions deposited part of their reserves on April 17, 2017.",
        "On April 17, 2017, payment institutions deposited reserves for the first time.",
    ]):  # fmt: skip
        ingest([write(f"story{i}.txt", f"title: Reserves {i}\ndate: 2019-01-20\n\n{told}")], fresh_store)
    deposits = [e for e in build_entries(fresh_store) if e.type == "deposit" and e.value == "2017-04-17"]
    assert [e.actor_ids for e in deposits] == [["payment_institutions"]], [(e.actor_ids, e.target_ids) for e in deposits]


@pytest.mark.parametrize("told", [
    "市場曾傳出拉卡拉未能如期接入的消息，拉卡拉其後發聲明指有關報道失實。",  # Hong Kong press: 發聲明指
    "市场曾传出拉卡拉未能如期接入的消息，拉卡拉其后发声明指有关报道失实。",
    # the statement issued, then what it says in the clause after it
    "市场曾传出拉卡拉未能如期接入的消息。拉卡拉昨日发表声明，指有关报道失实。",
])  # fmt: skip
def test_chinese_a_statement_pointing_out_a_report_is_untrue_is_a_denial(fresh_store, write, told):
    ingest([write("story.txt", f"title: 拉卡拉\ndate: 2018-07-02\nlang: zh\n\n{told}")], fresh_store)
    rows = fresh_store.conn.execute("select e.type, r.entity_id from event e join event_role r on r.event_id = e.id").fetchall()
    assert ("deny", "lakala") in [tuple(row) for row in rows], rows


def test_chinese_a_regulators_requirement_concerns_those_its_content_names(fresh_store, write):
    """The clauses after 要求 name no one right after it: the houses payments must go through are
    whom the requirement concerns, and its start, two days before the article, is this year's."""
    told = "人民銀行要求，由6月30日起，非銀行支付機構受理的涉及銀行賬戶的網絡支付業務，須全部通過網聯或銀聯處理。"
    ingest([write("story.txt", f"title: 斷直連\ndate: 2018-07-02\nlang: zh\n\n{told}")], fresh_store)
    rules = [(e.deadline, e.actor_ids, sorted(e.target_ids)) for e in build_entries(fresh_store) if e.type == "require"]
    assert rules == [("2018-06-30", ["pboc"], ["netsunion", "unionpay"])], rules


def test_chinese_a_figure_of_more_than_a_number_is_a_figure(fresh_store, write):
    told = "记者从业内获悉，截至6月22日，已有400余家银行和110家支付机构完成网联接入。"
    ingest([write("story.txt", f"title: 接入\ndate: 2018-06-25\nlang: zh\n\n{told}")], fresh_store)
    figures = [e.summary for e in build_entries(fresh_store) if e.type == "statistic" and e.value == "2018-06-22"]
    assert figures and "400余家" in figures[0] and "110家" in figures[0], figures


def test_the_day_of_a_saying_dates_no_figure_when_the_sentence_has_another_date(fresh_store, write):
    told = "NetsUnion said last Tuesday that it handled 1.2 trillion yuan of transactions in December."
    ingest([write("story.txt", f"title: Volume\ndate: 2019-01-15\n\n{told}")], fresh_store)
    assert {e.value for e in build_entries(fresh_store) if e.type == "statistic"} == {"2018-12"}


def test_an_act_whose_subject_is_told_in_words_is_not_the_articles_topics(fresh_store, write):
    """"More than 20 institutions have completed the access" in a story about NetsUnion is no
    completion by NetsUnion (a clause with no subject at all would be)."""
    told = ("NetsUnion started trial operation in March 2017. NetsUnion is owned by 45 shareholders. "
            "As of October 15, more than 20 institutions have completed the access.")
    ingest([write("story.txt", f"title: Platform\ndate: 2017-10-20\n\n{told}")], fresh_store)
    assert not [e for e in build_entries(fresh_store) if e.type == "complete" and "netsunion" in e.actor_ids]


def test_moving_reserve_funds_into_the_central_bank_is_a_deposit(fresh_store, write):
    told = ("China's central bank said on Monday that non-bank payment firms had moved all of their clients' "
            "reserve funds into accounts at the People's Bank of China.")
    ingest([write("story.txt", f"title: Reserves\ndate: 2019-01-15\n\n{told}")], fresh_store)
    deposits = [(e.value, e.actor_ids, e.target_ids) for e in build_entries(fresh_store) if e.type == "deposit"]
    assert deposits == [("2019-01-14", ["payment_institutions"], ["pboc"])], deposits


def test_the_pages_own_reporter_is_never_a_party(fresh_store, write):
    """本报讯（记者 李明）…: the byline's reporter is named in the sentence that tells the act; the
    act is not hers (she is named, and not as anyone who connected)."""
    text = ("title: 接入\ndate: 2018-06-25\nlang: zh\n\n"
            "本报讯（记者 李明）记者25日获悉，5月末已有424家银行接入网联平台。\n")  # fmt: skip
    ingest([write("zh.txt", text)], fresh_store)
    parties = {i for e in build_entries(fresh_store) for i in (*e.actor_ids, *e.target_ids)}
    assert "person:li_ming" in {m["entity_id"] for m in fresh_store.mentions(1)}
    assert "person:li_ming" not in parties


def test_chinese_the_subject_of_a_prohibiting_modal_is_prohibited(fresh_store, write):
    text = ("title: 直连\ndate: 2018-06-25\nlang: zh\n\n"
            "央行去年8月下发《关于将非银行支付机构网络支付业务由直连模式迁移至网联平台处理的通知》。此后，银行不得再为支付机构提供直连服务。\n")  # fmt: skip
    ingest([write("zh.txt", text)], fresh_store)
    prohibit = next(e for e in build_entries(fresh_store) if e.type == "prohibit")
    assert "banks" in prohibit.target_ids and "banks" not in prohibit.actor_ids


@pytest.mark.parametrize("told", ["易宝支付因违反备付金管理规定，被罚款150万元。", "根据人民银行要求，易宝支付完成了切换。"])
def test_chinese_a_rule_as_the_object_of_breaking_or_following_it_is_no_requirement(fresh_store, write, told):
    ingest([write("zh.txt", f"title: 易宝\ndate: 2018-06-25\nlang: zh\n\n2018年4月，{told}\n")], fresh_store)
    assert "require" not in {e.type for e in build_entries(fresh_store)}


def test_chinese_a_clause_framing_the_next_gives_no_subject_when_the_next_names_one(fresh_store, write):
    text = "title: 罚款\ndate: 2018-06-25\nlang: zh\n\n另外，央行官网公告显示，易宝支付因违规，于今年4月被罚款150万元。\n"
    ingest([write("zh.txt", text)], fresh_store)
    penalise = next(e for e in build_entries(fresh_store) if e.type == "penalise")
    assert penalise.target_ids == ["yeepay"], penalise.summary


def test_a_regulator_telling_that_something_must_be_done_to_it_requires_it(fresh_store, write):
    """"told payment firms that payments must be routed through NetsUnion": a passive verb under
    "must"; the regulator that tells it requires, those told are bound (the clearing house is no
    requirer)."""
    text = ("title: Routing\ndate: 2018-06-25\n\n"
            "The central bank has told payment firms that all online payments must be routed through NetsUnion from July 1.\n")  # fmt: skip
    ingest([write("routing.txt", text)], fresh_store)
    require = next(e for e in build_entries(fresh_store) if e.type == "require")
    assert (require.actor_ids, require.target_ids, require.deadline) == (["pboc"], ["payment_institutions"], "2018-07-01")


def test_an_act_with_its_own_limit_before_it_is_not_dated_by_the_saying(fresh_store, write):
    """"By the end of May, 424 banks had connected to the platform, NetsUnion said on Friday": the
    connecting is done by the end of May (a figure of that day), not on the Friday of the saying,
    and the month's name is no "may" of speculation."""
    text = ("title: Connections\ndate: 2018-06-25\n\n"
            "By the end of May, 424 banks had connected to NetsUnion, the clearing house said on Friday.\n")  # fmt: skip
    ingest([write("banks.txt", text)], fresh_store)
    entries = build_entries(fresh_store)
    assert not [e for e in entries if e.type == "connect" and e.value == "2018-06-22"]
    figure = next(e for e in entries if e.type == "statistic")
    assert (figure.value, figure.factuality) == ("2018-05-31", "asserted")


def test_the_platform_points_back_to_the_institution_called_a_platform(fresh_store, write):
    """Both are clearing houses and each is named once before; "the platform" is the one of them
    whose names call it a platform."""
    text = ("title: Connections\ndate: 2018-06-25\n\n"
            "NetsUnion was registered in Beijing on August 29, 2017. The China National Clearing Center holds "
            "12 percent of the company. By the end of May, 424 banks had connected to the platform.\n")  # fmt: skip
    ingest([write("banks.txt", text)], fresh_store)
    connect = next(e for e in build_entries(fresh_store) if e.type == "connect")
    assert connect.target_ids == ["netsunion"], connect.summary


def test_a_regulator_telling_a_rule_makes_the_rule_not_an_announcement_beside_it(fresh_store, write):
    text = ("title: Routing\ndate: 2018-06-25\n\n"
            "BEIJING, June 25 - The central bank has told payment firms that all online payments must be routed "
            "through NetsUnion from July 1.\n")  # fmt: skip
    ingest([write("routing.txt", text)], fresh_store)
    types = {e.type for e in build_entries(fresh_store)}
    assert "require" in types and "announce" not in types, types


def test_an_act_of_a_day_nothing_places_takes_no_later_date_of_its_sentence(fresh_store, write):
    """An undated page: "the day before yesterday (23rd)" is the issuing's day, which nothing
    places; the April 17 of what the guidelines require is not the day they were issued."""
    text = ("title: Guidelines\nlang: en\n\n"
            "The central bank the day before yesterday (23rd) issued the \"Operation guidelines for payment institutions\", "
            "clearly that payment institutions shall on April 17 for the first time deposit part of their reserve funds.\n")  # fmt: skip
    ingest([write("guidelines.txt", text)], fresh_store)
    events = fresh_store.conn.execute("SELECT type, yearless FROM event").fetchall()
    assert ("issue", None) in [tuple(e) for e in events], events


def test_a_notice_named_before_is_no_notice_of_another_regulator(fresh_store, write):
    """The General Office's notice 114 is named a paragraph before; the notice the Payment and
    Settlement Department sent later is another one."""
    text = ("title: 备付金\ndate: 2019-01-10\nlang: zh\n\n"
            "2018年6月29日，央行办公厅下发114号文，要求自7月9日起按月提高交存比例。\n\n"
            "上月初，央行支付结算司发布通知，要求支付机构在1月14日前撤销备付金账户。\n")  # fmt: skip
    ingest([write("zh.txt", text)], fresh_store)
    later = [e for e in build_entries(fresh_store) if e.type in ("issue", "require") and e.actor_ids == ["pboc_payment_dept"]]
    assert later and all(e.document_id is None for e in later), [(e.type, e.document_id) for e in later]


def test_a_bank_issuing_a_card_issues_no_rule(fresh_store, write):
    text = ("title: Chain\ndate: 2018-07-02\n\n"
            "On July 1, the chain ran back through NetsUnion and finally to the bank that issued the customer's card.\n")  # fmt: skip
    ingest([write("chain.txt", text)], fresh_store)
    assert "issue" not in {e.type for e in build_entries(fresh_store)}


@pytest.mark.parametrize("told", [
    "The central bank began requiring payment companies in April 2017 to deposit part of their reserve funds.",
    "2017年4月，央行开始要求支付机构交存部分客户备付金。",
])
def test_a_requirement_told_as_beginning_is_dated_when_it_applied_not_issued_then(fresh_store, write, told):
    lang = "zh" if "央行" in told else "en"
    ingest([write("rule.txt", f"title: Reserves\ndate: 2017-08-08\nlang: {lang}\n\n{told}\n")], fresh_store)
    types = {e.type for e in build_entries(fresh_store)}
    assert "require" in types and "issue" not in types, types


@pytest.mark.parametrize("told", [
    "今年4月1日，该规范正式实施。",
    "上述规范自今年4月1日起施行。",
])
def test_a_rule_named_before_takes_effect_under_its_own_name(fresh_store, write, told):
    text = ("title: 条码支付\ndate: 2018-12-28\nlang: zh\n\n"
            f"去年12月27日，中国人民银行印发《条码支付业务规范（试行）》。{told}\n")
    entries = entries_of(fresh_store, write, text)
    effects = [(e.date, e.document_id) for e in entries if e.type == "take_effect"]
    assert effects == [("2018-04-01", "doc_296_barcode_rules")], effects


@pytest.mark.parametrize("lang, told", [
    ("en", "The central bank published the \"Bar Code Payment Business Specification (Trial)\" on Tuesday, and at the same "
           "time issued the \"Bar Code Payment Terminal Security Specification (Trial)\". The documents will be implemented "
           "from April 1, 2018."),
    ("zh", "中国人民银行本周二印发《条码支付业务规范（试行）》，同时发布《扫码终端安全标准（试行）》。上述文件自2018年4月1日起施行。"),
])
def test_a_rule_known_by_name_takes_effect_before_an_attachment_named_after_it(fresh_store, write, lang, told):
    """"The documents take effect": the rule the table knows, not a technical standard the page
    names after it and the system found there."""
    text = f"title: 条码支付\ndate: 2017-12-28\nlang: {lang}\n\n{told}\n"
    entries = entries_of(fresh_store, write, text)
    effects = [(e.date, e.document_id) for e in entries if e.type == "take_effect"]
    assert effects == [("2018-04-01", "doc_296_barcode_rules")], effects


@pytest.mark.parametrize("told, lang", [
    ("NetsUnion plans to set up new data centres in Shenzhen and Shanghai in the first half of this year.", "en"),
    ("NetsUnion set up a new data centre in Shenzhen in the first half of this year.", "en"),
    ("今年上半年，网联在深圳、上海设立新的数据中心。", "zh"),
    # no institution at all: a system set up by a notice
    ("A notice from the central bank's General Office in January 2017 set up the centralised deposit system.", "en"),
])
def test_a_party_setting_up_something_unnamed_is_no_founding_of_the_party(fresh_store, write, told, lang):
    founding = "NetsUnion Clearing Corporation was founded on August 29, 2017." if lang == "en" else "网联成立于2017年8月29日。"
    text = f"title: NetsUnion\ndate: 2019-03-21\nlang: {lang}\n\n{founding}{' ' if lang == 'en' else ''}{told}\n"
    entries = entries_of(fresh_store, write, text)
    founded = [e.date for e in entries if e.type == "found"]
    assert founded == ["2017-08-29"], founded


@pytest.mark.parametrize("lang, told, kind", [
    ("en", "NetsUnion plans to launch a new clearing system in the first half of this year.", "launch"),
    # a verb of aiming, even where the parse does not make the act its complement
    ("en", "Payment companies are rushing to finish moving their transactions onto NetsUnion before June 30.", "switch_traffic"),
    ("en", "Tenpay is racing to connect to NetsUnion by June 30.", "connect"),
    ("zh", "支付宝力争6月30日前接入网联。", "connect"),
])
def test_what_a_party_plans_or_aims_to_do_is_planned_not_done(fresh_store, write, lang, told, kind):
    text = f"title: NetsUnion\ndate: 2018-03-21\nlang: {lang}\n\n{told}\n"
    entries = entries_of(fresh_store, write, text)
    assert {e.factuality for e in entries if e.type == kind} == {"planned"}


def test_a_bare_kind_noun_as_subject_stands_for_the_institution_named_before(fresh_store, write):
    text = ("title: 网联\ndate: 2017-03-25\nlang: zh\n\n"
            "网联平台将于3月31日启动灰度测试。据接近该平台人士透露，公司成立之后，董俊峰有望担任总裁。\n")
    entries = entries_of(fresh_store, write, text)
    founded = [(e.actor_ids, e.factuality) for e in entries if e.type == "found"]
    assert founded == [(["netsunion"], "reported")], founded


def test_a_machine_translated_deadline_naming_no_one_is_the_industrys(fresh_store, write):
    text = ("title: Countdown\ndate: 2018-06-12\n\n"
            "Payment institutions must connect to the network union platform. "
            'This newspaper news, distance June 30 "break direct connection" big limit only left less than 20 days.\n')
    entries = entries_of(fresh_store, write, text)
    deadlines = [(e.date, e.target_ids) for e in entries if e.type == "deadline"]
    assert ("2018-06-30", ["payment_institutions"]) in deadlines, deadlines


@pytest.mark.parametrize("unit", ["pens", "pen", "strokes"])
def test_a_count_of_transactions_in_machine_translation_is_a_figure(fresh_store, write, unit):
    """笔, the measure word of transactions, as machine translation writes it."""
    text = ("title: Record\ndate: 2018-06-12\n\n"
            "Network union relevant person in charge said, the platform last Friday daily transaction number "
            f"broke through 100 million {unit}, create historical new high.\n")
    entries = entries_of(fresh_store, write, text)
    figures = [(e.date, e.actor_ids) for e in entries if e.type == "statistic"]
    assert figures == [("2018-06-08", ["netsunion"])], figures


@pytest.mark.parametrize("done", ["the cut-over to NetsUnion", "the switch-over to NetsUnion", "its cutover to NetsUnion"])
def test_a_hyphenated_switch_over_is_the_switch_of_traffic(fresh_store, write, done):
    text = f"title: Switch\ndate: 2018-06-12\n\nTenpay completed {done} in May 2018.\n"
    entries = entries_of(fresh_store, write, text)
    switches = [(e.value, e.actor_ids) for e in entries if e.type == "switch_traffic"]
    assert switches == [("2018-05", ["tenpay"])], switches


def test_a_denied_completion_is_denied_with_the_act_it_completes(fresh_store, write):
    told = "JD Finance said it had finished the switch-over in May. JD Finance denied that report on Tuesday."
    entries = entries_of(fresh_store, write, f"title: Denial\ndate: 2018-06-20\n\n{told}")
    told_acts = {e.type: e.conflict for e in entries if e.type in ("complete", "switch_traffic")}
    assert told_acts == {"complete": True, "switch_traffic": True}, told_acts


def test_whose_figures_a_sentence_gives_is_no_party_of_the_act(fresh_store, write):
    text = ("title: 网联\ndate: 2018-06-20\nlang: zh\n\n"
            "据人行统计，截至5月底，已有超过400家银行和110家支付机构接入网联。\n")
    entries = entries_of(fresh_store, write, text)
    acts = [(e.type, e.actor_ids) for e in entries if e.type != "statistic"]
    assert not any("pboc" in actors for _, actors in acts), acts


def test_units_named_with_their_parents_are_both_the_actors(fresh_store, write):
    text = ("title: 切量\ndate: 2018-06-20\nlang: zh\n\n"
            "6月18日，蚂蚁金服旗下的支付宝与腾讯旗下的财付通均已完成切量。\n")
    entries = entries_of(fresh_store, write, text)
    switches = [e.actor_ids for e in entries if e.type == "switch_traffic"]
    assert switches == [["alipay", "tenpay"]], switches


def test_a_translations_opening_words_do_not_take_the_date_of_the_act(fresh_store, write):
    text = ("title: Reserves\ndate: 2019-01-15\n\n"
            "Review this process, 2017 year January 13 day, the central bank issued the notice on the centralised "
            "deposit of client reserves, clearly the payment institutions should deposit part of the reserve funds.\n")
    entries = entries_of(fresh_store, write, text)
    issued = [e.date for e in entries if e.type == "issue"]
    assert issued == ["2017-01-13"], issued


@pytest.mark.parametrize("told, lang", [
    ("Reports said Alipay would be fined by the central bank. Ant Financial responded yesterday that this is not true.", "en"),
    ("有消息称支付宝将被央行处罚。蚂蚁金服昨日回应称，该消息不实。", "zh"),
])
def test_a_reported_fine_answered_as_untrue_is_denied_by_whom_it_concerns(fresh_store, write, told, lang):
    entries = entries_of(fresh_store, write, f"title: Fine\ndate: 2019-01-15\nlang: {lang}\n\n{told}\n")
    fines = [(e.actor_ids, e.target_ids, e.factuality, e.conflict) for e in entries if e.type == "penalise"]
    assert fines == [(["pboc"], ["alipay"], "reported", True)], fines
    assert [(e.actor_ids, e.value) for e in entries if e.type == "deny"] == [(["ant_financial"], "2019-01-14")]


@pytest.mark.parametrize("told", [
    "Some payment institution person in charge expressed, the company already in this month 7th completed all the deposit work.",
    "A payment institution said on January 7 that the company had completed all the deposit work.",
])
def test_one_institution_of_a_group_is_not_the_group(fresh_store, write, told):
    text = ("title: Reserves\ndate: 2019-01-15\n\nAlipay said it was ready for the deadline. "
            f"Yesterday, non-bank payment institutions realized the 100% centralized deposit of client reserves. {told}\n")
    entries = entries_of(fresh_store, write, text)
    # neither the group nor the company named before did what that one unnamed institution did
    that_day = [(e.type, e.actor_ids) for e in entries if e.value == "2019-01-07" and e.type != "statistic"]
    assert not that_day, that_day


def test_two_parties_doing_the_same_in_one_sentence_are_two_acts(fresh_store, write):
    text = ("title: Switch\ndate: 2018-07-02\n\n"
            "Alipay completed the switch late last month, while Tenpay, which runs WeChat Pay, finished earlier in June, "
            "a PBOC official told reporters.\n")
    entries = entries_of(fresh_store, write, text)
    done = sorted(tuple(e.actor_ids) for e in entries if e.type == "complete")
    # (what Tenpay runs describes it: Tenpay finished)
    assert done == [("alipay",), ("tenpay",)], done


def test_a_name_a_past_participle_describes_underwent_the_act(fresh_store, write):
    text = ("title: NetsUnion\ndate: 2018-07-02\n\n"
            "NetsUnion, set up in August 2017, handled 1.2 billion transactions last week, a spokesman said on Sunday.\n")
    entries = entries_of(fresh_store, write, text)
    founded = [(e.actor_ids, e.target_ids, e.value) for e in entries if e.type == "found"]
    assert founded == [([], ["netsunion"], "2017-08")], founded


def test_what_was_done_by_a_limit_is_not_dated_after_it(fresh_store, write):
    text = ("title: Switch\ndate: 2018-07-02\n\n"
            "SHANGHAI, July 2 (Meridian) - Payment firms finished moving their transactions onto NetsUnion "
            "before a June 30 deadline, the central bank said on Monday.\n")
    entries = entries_of(fresh_store, write, text)
    assert not [e.value for e in entries if e.type == "complete" and e.value and e.value > "2018-06-30"], entries


def test_a_regulator_telling_as_it_requires_what_must_be_done(fresh_store, write):
    text = ("title: Rules\ndate: 2018-07-02\n\n"
            "The central bank first ordered the change in August last year. Earlier this year, it told payment firms "
            "that all transactions involving bank accounts must be processed through NetsUnion or UnionPay by the end of June.\n")
    entries = entries_of(fresh_store, write, text)
    required = [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "require" and e.value and e.value.startswith("2018")]
    assert required == [("2018", ["pboc"], ["payment_institutions"])], required


def test_the_first_of_a_group_is_one_institution_and_a_joined_clause_names_no_party(fresh_store, write):
    """"Tenpay completed the migration in May, and it is the first large payment institution to
    complete it": one switch-over, Tenpay's; the group named in the clause joined to it is
    neither a party of Tenpay's act nor an actor of its own."""
    text = ("title: Migration\ndate: 2018-06-20\n\n"
            "Tenpay has completed the migration at the end of May, and it is the first large payment institution "
            "to complete all the cutting volume.\n")
    entries = entries_of(fresh_store, write, text)
    parties = sorted((e.type, e.actor_ids, e.target_ids) for e in entries)
    assert parties == [("complete", ["tenpay"], []), ("switch_traffic", ["tenpay"], [])], parties


def test_what_is_said_at_a_dated_briefing_is_said_that_day_whatever_limit_it_tells(fresh_store, write):
    """The day of the occasion the saying took place at dates the saying; a limit inside what is
    said ("by the end of 2018") is the said act's, not the saying's."""
    text = ("title: Briefing\ndate: 2019-01-20\n\n"
            "At a press briefing held by the State Council Information Office on Jan 9, central bank officials said that "
            "by the end of 2018, 99 percent of the business was being processed through China UnionPay.\n")
    entries = entries_of(fresh_store, write, text)
    said = [(e.value, e.actor_ids, e.deadline) for e in entries if e.type == "announce"]
    assert said == [("2019-01-09", ["pboc"], None)], said


def test_an_undated_lead_retelling_a_dated_act_later_in_the_article_is_one_entry(fresh_store, write):
    """The lead tells the deal undated, a later paragraph its day; and "the country's largest
    mobile payment provider" describing Alipay is no party of its own (a superlative picks one)."""
    text = ("title: Deal\ndate: 2018-09-12\n\n"
            "China UnionPay and Alipay have signed an agreement, ending months of wrangling between the card network "
            "and the country's largest mobile payment provider.\n\n"
            "The two companies signed the deal on Monday, a UnionPay spokesman said on Wednesday.\n\n"
            "Tenpay reached a similar arrangement with UnionPay in April.\n")
    entries = entries_of(fresh_store, write, text)
    deals = sorted((e.value or "", sorted(e.actor_ids + e.target_ids)) for e in entries if e.type == "cooperate")
    assert deals == [("2018-04", ["tenpay", "unionpay"]), ("2018-09-10", ["alipay", "unionpay"])], deals


def test_a_deadline_met_is_a_completion_and_figures_released_are_no_rule_issued(fresh_store, write):
    """"Alipay said it had met the deadline on January 14": Alipay completed, not set a deadline;
    "according to PBOC data released last week": the bank gave figures, it issued no rule."""
    text = ("title: Reserves\ndate: 2019-01-15\n\n"
            "Alipay said it had met the deadline on January 14. The balance stood at 1.24 trillion yuan at the end "
            "of December, according to PBOC data released last week.\n")
    entries = entries_of(fresh_store, write, text)
    found = sorted((e.type, e.value, e.actor_ids) for e in entries if e.type != "statistic")
    assert found == [("complete", "2019-01-14", ["alipay"])], found


@pytest.mark.parametrize("day, told", [
    ("2017-08-08", "The central bank issued a notice last Friday. From June 30 next year, all online payments that payment "
                   "institutions handle must be processed through the platform, the notice said."),
    # the institutions are held to the day, the clearing house is where they go; the regulator
    # whose notice it is sets it
    ("2018-06-20", "Under the notice No. 209, online payments by payment institutions must be processed through NetsUnion "
                   "from June 30."),
])  # fmt: skip
def test_what_the_notice_says_must_be_done_is_required_by_the_regulator_that_issued_it(fresh_store, write, day, told):
    """"…, the notice said": a rule read before speaks for its issuer, whose requirement it is,
    with its deadline; the payments that must go through the platform name nobody. The deadline
    of a required act binds its doers, not where they must go."""
    entries = entries_of(fresh_store, write, f"title: Rules\ndate: {day}\n\n{told}\n")
    deadlines = [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "deadline"]
    assert deadlines == [("2018-06-30", ["pboc"], ["payment_institutions"])], deadlines


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_of_two_dates_in_a_chinese_clause_each_act_takes_the_one_before_its_verb(fresh_store, write, script):
    told = "中国人民银行去年12月下发的《条码支付业务规范（试行）》昨日（4月1日）正式实施。"
    if script == "traditional":
        told = "中國人民銀行去年12月下發的《條碼支付業務規範（試行）》昨日（4月1日）正式實施。"
    entries = entries_of(fresh_store, write, f"title: 条码支付\ndate: 2018-04-02\nlang: zh\n\n{told}\n")
    dates = {(e.type, e.display_date) for e in entries if e.type in ("issue", "take_effect")}
    assert dates == {("issue", "December 2017"), ("take_effect", "2018-04-01")}, dates


def test_a_regulator_telling_what_had_to_be_done_requires_it_when_it_told(fresh_store, write):
    text = ("title: Deadline passes\ndate: 2018-07-02\nlang: en\n\n"
            "The People's Bank of China told the firms in August last year that their direct links to "
            "commercial banks had to be cut by the end of June.\n")
    required = [e for e in entries_of(fresh_store, write, text) if e.type == "require"]
    assert [(e.actor_ids, e.display_date) for e in required] == [(["pboc"], "August 2017")], required
    limits = [e.display_date for e in entries_of(fresh_store, write, text) if e.type == "deadline"]
    assert limits == ["June 2018"], limits


def test_an_institution_described_by_a_relative_clause_tells_its_own_act(fresh_store, write):
    text = ("title: Switch-over\ndate: 2018-07-02\nlang: en\n\n"
            "Tenpay, which runs WeChat Pay, said on Sunday it had moved all of its bank-account traffic to NetsUnion.\n")
    moved = [(e.actor_ids, e.target_ids, e.display_date) for e in entries_of(fresh_store, write, text) if e.type == "switch_traffic"]
    assert moved == [(["tenpay"], ["netsunion"], "2018-07-01")], moved


def test_a_notice_sent_out_is_issued(fresh_store, write):
    text = ("title: Notice 209\ndate: 2017-08-10\nlang: en\n\n"
            "The order, known as document No. 209, was sent out by the central bank's payment and settlement "
            "department on August 4.\n")
    issued = [(e.actor_ids, e.document_id, e.display_date) for e in entries_of(fresh_store, write, text) if e.type == "issue"]
    assert issued == [(["pboc_payment_dept"], "doc_209", "2017-08-04")], issued


def test_names_right_before_a_verb_the_parse_took_for_a_describing_word_are_its_subject(fresh_store, write):
    text = ("title: Bar code\ndate: 2018-05-14\nlang: en\n\n"
            "Before this, on March 31, the Net Union and the Wealth Pay Through signed bar code payment business "
            "cooperation agreement.\n")
    signed = [(sorted(e.actor_ids + e.target_ids), e.display_date) for e in entries_of(fresh_store, write, text) if e.type == "cooperate"]
    assert signed == [(["netsunion", "tenpay"], "2018-03-31")], signed


def test_both_sides_are_the_pair_named_before_them(fresh_store, write):
    text = ("title: Bar code\ndate: 2018-05-14\nlang: en\n\n"
            "On April 1, China UnionPay and WeChat Pay launched bar code payment cooperation.\n\n"
            "It is understood, the Pay Treasure and the Silver Union negotiation still in progress, both sides did not sign yet.\n")
    entries = [e for e in entries_of(fresh_store, write, text) if e.type == "cooperate"]
    wechat = [e for e in entries if "wechat_pay" in e.actor_ids + e.target_ids]
    assert wechat and not any(e.conflict for e in wechat), [(e.summary, e.conflict_reasons) for e in wechat]
    denied = [sorted(e.actor_ids + e.target_ids) for e in entries if e.factuality == "denied"]
    assert denied == [["alipay", "unionpay"]], [(e.summary, e.factuality) for e in entries]


def test_a_group_s_members_named_as_its_examples_act_with_it(fresh_store, write):
    text = "title: 切量\ndate: 2018-08-02\nlang: zh\n\n6月30日，财付通、支付宝等主要支付机构已完成切量。\n"
    switched = [e.actor_ids for e in entries_of(fresh_store, write, text) if e.type == "switch_traffic"]
    assert switched and {"tenpay", "alipay"} <= set(switched[0]), switched


@pytest.mark.parametrize("told, factuality", [
    # a possibility told by an unnamed source stays a possibility (undated, it has no entry)
    ("一位业内人士称，央行对未按期接入的机构可能予以处罚。", None),
    ("一位业内人士称，央行7月10日可能已对未按期接入的机构予以处罚。", "speculative"),
    ("有分析指，人行7月10日或會對未按期接入的機構作出處罰。", "speculative"),  # 或会, in Traditional characters
    # a negation inside the 的 phrase describes the institutions, it denies no penalty
    ("7月10日，央行对未按期接入的机构予以处罚。", "asserted"),
    ("7月10日，央行并未对这些机构予以处罚。", "denied"),
])
def test_the_factuality_of_a_chinese_penalty(fresh_store, write, told, factuality):
    text = f"title: 处罚\ndate: 2018-08-02\nlang: zh\n\n{told}\n"
    penalties = [e.factuality for e in entries_of(fresh_store, write, text) if e.type == "penalise"]
    assert penalties == ([factuality] if factuality else []), penalties


@pytest.mark.parametrize("told, kind, factuality", [
    # "will not", "cannot": no postponement, no completion told
    ("6月1日，央行表示不会推迟最后期限。", "postpone", "denied"),
    ("6月1日，网联表示部分机构无法按时完成切量。", "switch_traffic", "denied"),
    # ... a guess that it will not be done is a guess, no denial
    ("6月1日，网联表示部分机构可能无法按时完成切量。", "switch_traffic", "speculative"),
    # ... and 或将 is "may": its 将 is no plan
    ("6月1日，网联表示部分机构或将推迟切量。", "postpone", "speculative"),
])
def test_a_chinese_act_that_will_not_or_cannot_be_done_is_not_told_done(fresh_store, write, told, kind, factuality):
    text = f"title: 断直连\ndate: 2018-06-02\nlang: zh\n\n{told}\n"
    assert [e.factuality for e in entries_of(fresh_store, write, text) if e.type == kind] == [factuality]


@pytest.mark.parametrize("told, required", [
    ("6月1日，央行明确表示，不会推迟最后期限。", False),  # 明确 of a saying is "clearly"
    ("6月1日，央行明确要求支付机构接入网联。", True),
])
def test_clearly_saying_is_no_requirement(fresh_store, write, told, required):
    text = f"title: 断直连\ndate: 2018-06-02\nlang: zh\n\n{told}\n"
    assert any(e.type == "require" for e in entries_of(fresh_store, write, text)) == required


@pytest.mark.parametrize("told, start", [
    ("今年1月起，人民银行将支付机构客户备付金集中交存比例每月提高10个百分点。", "2018-01"),  # 每月 says how often, not when
    ("今年2月起，人民银行将支付机构客户备付金集中交存比例逐月提高。", "2018-02"),
])
def test_a_chinese_frequency_does_not_keep_an_act_from_its_start(fresh_store, write, told, start):
    text = f"title: 备付金\ndate: 2018-06-12\nlang: zh\n\n{told}\n"
    assert [e.value for e in entries_of(fresh_store, write, text) if e.type == "deadline"] == [start]


def test_an_act_of_an_unknown_day_of_a_known_month_is_dated_by_the_month(fresh_store, write):
    text = ("title: Rumour\ndate: 2018-06-15\n\n"
            "The rumour that Alipay had connected to UnionPay in April was denied by UnionPay on the same night.\n")
    denials = [(e.value, e.display_date) for e in entries_of(fresh_store, write, text) if e.type == "deny"]
    assert denials == [("2018-04", "April 2018")], denials  # a night of April (2018-04-XXTNI) was left undated


def test_a_date_that_is_what_the_act_is_done_to_does_not_date_it(fresh_store, write):
    text = ("title: Deadline\ndate: 2018-06-15\n\n"
            "Payment firms must connect to NetsUnion by June 30. "
            "On June 12 the central bank said the deadline will not be delayed.\n")
    postponed = [(e.value, e.factuality) for e in entries_of(fresh_store, write, text) if e.type == "postpone"]
    assert postponed == [("2018-06-12", "denied")], postponed  # the day it was said, not June 30


@pytest.mark.parametrize("lang, told, factuality", [
    ("zh", "业内人士预计，支付宝有望在5月份完成与网联的对接。", "planned"),
    ("zh", "一位业内人士称，支付宝已在3月份完成与网联的对接。", "reported"),
])
def test_what_an_unnamed_source_expects_is_not_told_done(fresh_store, write, lang, told, factuality):
    text = f"title: 对接\ndate: 2018-04-03\nlang: {lang}\n\n{told}\n"
    assert [e.factuality for e in entries_of(fresh_store, write, text) if e.type == "complete"] == [factuality]


def test_a_rule_of_a_known_issuer_is_not_issued_by_another(fresh_store, write):
    text = ("title: Letter\ndate: 2018-04-10\nlang: en\n\n"
            "The payment and settlement department of the PBOC issued document No. 209 in August 2017. "
            "On March 20, NetsUnion also issued a letter on channel access to banks and payment institutions.\n")
    issued = {(tuple(e.actor_ids), e.document_id) for e in entries_of(fresh_store, write, text) if e.type == "issue"}
    assert (("netsunion",), "doc_209") not in issued, issued
    assert any(actors == ("netsunion",) for actors, _ in issued), issued


def test_the_two_companies_of_the_sentence_before_held_the_signing(fresh_store, write):
    text = ("title: Deal\ndate: 2018-09-14\nlang: en\n\n"
            "Alipay has signed an agreement with China UnionPay to clear barcode payments, two people with "
            "knowledge of the matter said. The two companies held a signing ceremony on Monday, the people said.\n")
    signed = [(sorted(e.actor_ids + e.target_ids), e.display_date, e.factuality)
              for e in entries_of(fresh_store, write, text) if e.type == "cooperate" and e.date]
    assert signed == [(["alipay", "unionpay"], "2018-09-10", "reported")], signed


def test_working_with_is_cooperating_and_withdrawing_a_statement_retracts_it(fresh_store, write):
    text = ("title: Barcode\ndate: 2018-09-14\nlang: en\n\n"
            "Tenpay began working with UnionPay on barcode payments in April. "
            "On May 11, NetsUnion said it had begun clearing Alipay's barcode transactions, but it later withdrew the statement.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.actor_ids + e.target_ids, e.display_date) for e in entries if e.type == "cooperate"] == [(["tenpay", "unionpay"], "April 2018")]
    assert [e.actor_ids for e in entries if e.type == "retract"] == [["netsunion"]]


def test_it_opening_a_sentence_is_the_subject_of_the_sentence_before(fresh_store, write):
    text = ("title: NetsUnion\ndate: 2019-01-20\nlang: en\n\n"
            "NetsUnion began a trial run with four banks and Alipay on March 31, 2017. "
            "It signed an agreement with Tenpay in March 2018.\n")
    signed = [sorted(e.actor_ids + e.target_ids) for e in entries_of(fresh_store, write, text) if e.type == "cooperate"]
    assert signed == [["netsunion", "tenpay"]], signed


@pytest.mark.parametrize("told", [
    # (payment institutions, named most, are the page's topic)
    "Payment institutions had to cut their direct links. Payment institutions and banks prepared for months.\n\n"
    "NetsUnion began a trial run on March 31, 2017, with four banks and Alipay, Tenpay and Chinabank Payment. "
    "It was formally registered in Beijing the following August, with registered capital of 2 billion yuan.",
    # the central bank is named first, but the last act before "It was registered" is NetsUnion's
    "The central bank first floated the idea of a shared platform in 2016, and NetsUnion began trial operations "
    "on March 31, 2017. It was formally registered in Beijing in August of that year with registered capital of "
    "2 billion yuan.",
])
def test_it_founded_by_nobody_named_is_its_own_founding(fresh_store, write, told):
    text = f"title: Payment institutions\ndate: 2019-01-20\nlang: en\n\n{told}\n"
    entries = entries_of(fresh_store, write, text)
    assert [(e.actor_ids + e.target_ids, e.display_date) for e in entries if e.type == "found"] == [(["netsunion"], "August 2017")]
    capital = [e.actor_ids for e in entries if e.type == "statistic"]
    assert capital == [["netsunion"]], capital


@pytest.mark.parametrize("told, issuers", [
    ("Under a central bank notice issued at the end of June 2018, payment institutions must raise the share of their "
     "reserves deposited with the central bank month by month.", [["pboc"]]),
    # a group of institutions issues no rule: it is whom the rule is for
    ("Payment institutions issued a notice on June 29, 2018 on their reserves.", []),
])
def test_a_rule_is_issued_by_the_body_it_is_told_of_never_by_a_group_of_institutions(fresh_store, write, told, issuers):
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2018-07-03\nlang: en\n\n{told}\n")
    assert [e.actor_ids for e in entries if e.type == "issue"] == issuers, entries


def test_a_date_a_change_is_measured_from_dates_no_act(fresh_store, write):
    """"… by the end of June, up from 389 banks at the end of March": March dates the figure
    compared, not the connections."""
    told = ("NetsUnion Clearing Corp said it had connected 424 banks and 115 payment institutions by the end of June, "
            "up from 389 banks at the end of March.")
    entries = entries_of(fresh_store, write, f"title: Banks\ndate: 2018-07-03\nlang: en\n\n{told}\n")
    assert [(e.value, e.deadline) for e in entries if e.type == "connect"] == [(None, "2018-06")], entries
    assert sorted(e.value for e in entries if e.type == "statistic") == ["2018-03-31", "2018-06-30"], entries


@pytest.mark.parametrize("told", ["據內地傳媒報道，支付寶及財付通已於6月30日完成切換。", "据媒体报道，支付宝及财付通已于6月30日完成切换。"])
def test_a_chinese_act_a_named_medium_reports_is_reported(fresh_store, write, told):
    text = f"title: 切换\ndate: 2018-07-03\nlang: zh\n\n{told}\n"
    switched = [e.factuality for e in entries_of(fresh_store, write, text) if e.type == "switch_traffic"]
    assert switched == ["reported"], switched


def test_a_chinese_rule_told_as_of_late_keeps_the_limit_its_clauses_set(fresh_store, write):
    text = ("title: 断直连\ndate: 2018-07-03\nlang: zh\n\n"
            "人民銀行早前規定，由6月30日起，支付機構的網絡支付業務，必須全部通過網聯或銀聯處理。\n")
    limits = [(e.actor_ids, e.display_date) for e in entries_of(fresh_store, write, text) if e.type == "deadline"]
    assert (["pboc"], "2018-06-30") in limits, limits


def test_a_document_cited_by_its_number_as_translation_writes_it_is_the_one_issued(fresh_store, write):
    text = ("title: Reserves\ndate: 2019-01-15\nlang: en\n\n"
            "Last year June 29, central bank office hall issue No. 114 text, from July 9 each month raise 10 percentage points.\n")
    issued = [(e.actor_ids, e.document_id) for e in entries_of(fresh_store, write, text) if e.type == "issue"]
    assert issued == [(["pboc_general_office"], "doc_114_full_deposit")], issued


def test_a_subject_after_but_is_the_last_verb_s_own(fresh_store, write):
    text = ("title: Bar code\ndate: 2018-05-14\nlang: en\n\n"
            "This newspaper news, on May 11, the Net Union Clearing Limited Company and the Pay Treasure at the same time "
            "announced to carry out bar code payment business cooperation, but the Net Union afterwards deleted the related announcement.\n")
    retracted = [e.actor_ids for e in entries_of(fresh_store, write, text) if e.type == "retract"]
    assert retracted == [["netsunion"]], retracted


@pytest.mark.parametrize("told, switched", [
    ("On June 28, 2018, Alipay moved nearly all of its traffic to NetsUnion.", True),
    ("On June 28, 2018, Tenpay switched its business to NetsUnion and UnionPay.", True),
    ("On June 28, 2018, Alipay moved its headquarters to Shanghai.", False),  # not what a switch-over moves
])
def test_moving_traffic_or_business_is_a_switch_over(fresh_store, write, told, switched):
    ingest([write("moved.txt", f"title: Moved\ndate: 2018-06-30\n\n{told}\n")], fresh_store)
    assert (("switch_traffic", "2018-06-28") in entries_by_type(fresh_store)) is switched


@pytest.mark.parametrize("lang, told", [
    ("zh", "今年3月，一份名为《银行卡清算接入工作方案》的文件在业内流传。"),
    ("zh", "今年3月，一份名为《銀行卡清算接入工作方案》的文件在業內流傳。"),
])
def test_a_document_told_as_circulating_was_put_out_that_month(fresh_store, write, lang, told):
    """A document that circulates has been put out, whoever did it: the month it circulated dates it."""
    entries = entries_of(fresh_store, write, f"title: 方案\ndate: 2018-05-02\nlang: {lang}\n\n{told}\n")
    issued = [(e.value, bool(e.document_id)) for e in entries if e.type == "issue"]
    assert issued == [("2018-03", True)], issued


def test_a_new_unnamed_document_is_not_the_one_named_before_and_what_a_plan_proposes_is_planned(fresh_store, write):
    """"a work plan, circulated in March": no rule named in the sentence before is the one that
    circulated; "a plan for moving the business onto UnionPay" tells no move done."""
    text = ("title: Barcodes\ndate: 2018-09-14\n\n"
            "Tenpay's cooperation with UnionPay went live on April 1, the day the central bank's barcode payment rules "
            "took effect. Those steps followed a work plan, circulated in March, for moving the barcode business of "
            "WeChat Pay and Alipay onto UnionPay.\n")
    entries = entries_of(fresh_store, write, text)
    issued = [(e.value, e.document_id) for e in entries if e.type == "issue"]
    assert ("2018-03", "doc_296_barcode_rules") not in issued, issued
    moves = [(e.value, e.factuality) for e in entries if e.type == "switch_traffic"]
    assert all(factuality == "planned" for _, factuality in moves), moves


@pytest.mark.parametrize("told", [
    "央行此前宣布，自7月9日起，支付机构客户备付金集中交存比例将按月提高。",
    "央行将支付机构备付金交存比例提高至50%。",
])
def test_chinese_whose_ratio_is_raised_is_the_requirements_other_end_not_its_doer(fresh_store, write, told):
    """支付机构…交存比例将按月提高: the institutions own the ratio; the regulator raises it."""
    entries = entries_of(fresh_store, write, f"title: 备付金\ndate: 2018-06-20\nlang: zh\n\n{told}\n")
    required = [(e.actor_ids, e.target_ids) for e in entries if e.type == "require"]
    assert required == [(["pboc"], ["payment_institutions"])], required


@pytest.mark.parametrize("speaker, factuality", [("分析人士认为", "speculative"), ("有业内人士称", "reported")])
def test_chinese_what_an_unnamed_speaker_only_thinks_is_a_guess_not_a_report(fresh_store, write, speaker, factuality):
    """分析人士认为，…将在年底前基本完成: an opinion about what is to come, not news of a completion."""
    told = f"{speaker}，支付宝已于9月与银联完成条码支付业务对接。"
    entries = entries_of(fresh_store, write, f"title: 对接\ndate: 2018-09-14\nlang: zh\n\n{told}\n")
    told_as = {e.factuality for e in entries if e.type == "complete"}
    assert told_as == {factuality}, entries


def test_a_deadline_met_that_has_its_own_day_and_setter_is_set_by_that_setter_and_limits_the_meeting(fresh_store, write):
    """"payment firms …, meeting a June 30 deadline set by the People's Bank of China": the bank
    set the deadline for the firms, and the firms were done by that day; the source does not say
    they were done on it, nor that they completed the deadline."""
    text = ("title: Deadline met\ndate: 2018-07-02\n\n"
            "Payment firms including Alipay have moved their online transactions onto the clearing platform, meeting a "
            "June 30 deadline set by the People's Bank of China.\n")
    entries = entries_of(fresh_store, write, text)
    deadlines = [(e.value, e.actor_ids) for e in entries if e.type == "deadline"]
    assert deadlines == [("2018-06-30", ["pboc"])], deadlines
    completed = [(e.value, e.deadline, e.summary, e.summary_zh) for e in entries if e.type == "complete"]
    assert completed == [(None, "2018-06-30", "non-bank payment institutions and Alipay completed, by 2018-06-30",
                          "非银行支付机构和支付宝完成，期限2018-06-30")], completed


def test_a_clause_describing_a_named_subject_names_none_of_its_acts_parties_and_a_deadline_telling_when_is_none(fresh_store, write):
    """"NetsUnion, which was set up … by the PBOC's clearing center, said …": the clearing center
    founded it and said nothing; "on the day of the deadline" tells when, it sets no deadline."""
    text = ("title: Record\ndate: 2018-07-02\n\n"
            "NetsUnion, which was set up in 2017 by the PBOC's clearing center, said on Sunday it had handled "
            "1.3 billion transactions on the day of the deadline.\n")
    entries = entries_of(fresh_store, write, text)
    said = [(e.value, e.actor_ids) for e in entries if e.type == "announce"]
    assert said == [("2018-07-01", ["netsunion"])], said
    assert [e for e in entries if e.type == "deadline"] == [], entries


def test_an_issue_naming_no_document_says_rules_went_to_its_targets(fresh_store, write):
    """"issued a notice to banks": the summary names no document it was not told, and does not
    read as if the banks were issued."""
    text = "title: Notice\ndate: 2017-08-10\n\nIn August the central bank issued a notice to commercial banks.\n"
    entries = entries_of(fresh_store, write, text)
    assert [e.summary for e in entries if e.type == "issue"] == ["People's Bank of China issued rules to commercial banks"], entries


@pytest.mark.parametrize("speaker", ["One of the large state-owned banks said", "A state-owned bank said in a statement",
                                     "Two city banks told customers"])
def test_an_unnamed_institution_speaking_reports_the_act_it_tells(fresh_store, write, speaker):
    """A bank or firm nobody names is a source, as "people familiar" are: its word is a report,
    not a person's claim left off the timeline."""
    text = (f"title: Barcode\ndate: 2018-08-06\n\n{speaker} that Tenpay had switched its barcode payments to UnionPay "
            "on August 1.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.type, e.factuality) for e in entries if e.type == "switch_traffic"] == [("2018-08-01", "switch_traffic", "reported")], entries


def test_the_company_named_before_speaks_for_itself_not_as_an_unnamed_source(fresh_store, write):
    text = "title: Barcode\ndate: 2018-08-06\n\nTenpay switched its barcode payments to UnionPay on August 1, the company said.\n"
    entries = entries_of(fresh_store, write, text)
    assert [(e.type, e.factuality) for e in entries if e.type == "switch_traffic"] == [("switch_traffic", "asserted")], entries


def test_reserves_deposited_with_no_one_named_are_deposited_by_the_institutions_not_the_host_of_the_briefing(fresh_store, write):
    """国新办 hosts the briefing; 备付金…集中交存 is the institutions' act, and the clearing houses
    of the clause before are not whom the reserves go to."""
    text = ("title: 发布会\ndate: 2019-01-15\n\n"
            "1月9日，国务院新闻办公室召开发布会，人民银行官员在会上表示，目前支付机构的业务已经通过银联或网联处理，"
            "备付金也将于1月14日全部集中交存。\n")
    entries = entries_of(fresh_store, write, text)
    deposits = [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "deposit"]
    assert deposits == [("2019-01-14", ["payment_institutions"], [])], deposits


@pytest.mark.parametrize("deposited", ["client reserves would be deposited in full", "100% of client reserves would be deposited"])
def test_reserves_passively_deposited_by_no_one_named_are_the_institutions_act(fresh_store, write, deposited):
    """"…held by the State Council Information Office": the host of the briefing deposits nothing."""
    text = ("title: Briefing\ndate: 2019-01-15\n\n"
            "At a briefing hosted by the State Council Information Office on January 9, central bank officials said "
            f"{deposited} with the PBOC on January 14.\n")
    entries = entries_of(fresh_store, write, text)
    deposits = [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "deposit"]
    assert deposits == [("2019-01-14", ["payment_institutions"], ["pboc"])], deposits


def test_institutions_named_word_by_word_are_the_subject_of_what_they_did(fresh_store, write):
    """"Pay treasure, Wealth Pay Through and other big payment institutions have completed …": the
    names parse as names, so the sentence has its subject and the completion its doers."""
    text = ("title: Progress\ndate: 2018-06-28\n\n"
            "As of now, Pay treasure, Wealth Pay Through and other big payment institutions have basically completed "
            "the cut volume work, the network union said on the 27th.\n")
    entries = entries_of(fresh_store, write, text)
    assert any("alipay" in e.actor_ids for e in entries if e.type == "complete"), entries


@pytest.mark.parametrize("told", ["网联平台自去年3月31日启动试运行以来", "据了解，网联平台自去年3月31日启动试运行以来"])
def test_what_was_done_from_a_day_on_was_done_that_day_when_reported_too(fresh_store, write, told):
    text = f"title: 网联\ndate: 2018-06-25\n\n{told}，接入机构数量快速增长。\n"
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.deadline) for e in entries if e.type == "launch"] == [("2017-03-31", None)], entries


def test_a_requirement_naming_only_the_house_is_of_those_the_notice_was_sent_to(fresh_store, write):
    text = ("title: 斷直連\ndate: 2018-07-03\n\n"
            "人民銀行去年8月向支付機構下發通知，要求網絡支付業務須於今年6月30日前全部遷移至網聯平台處理。\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.type, e.target_ids) for e in entries if e.type in ("require", "deadline")] == [
        ("require", ["payment_institutions"]), ("deadline", ["payment_institutions"])], entries


def test_a_figure_of_another_proposition_is_not_planned_by_the_modal_of_the_first(fresh_store, write):
    """"…said that reserves would be deposited in full …, and that by the end of 2018 99 percent …
    was processed": the share was reached, not planned."""
    text = ("title: Briefing\ndate: 2019-01-15\n\n"
            "Central bank officials said on Wednesday that reserves would be deposited in full on January 14, and that by "
            "the end of 2018, 99 percent of the business of payment institutions was processed through NetsUnion.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.factuality) for e in entries if e.type == "statistic"] == [("2018-12-31", "asserted")], entries


@pytest.mark.parametrize("quote", ['"We signed the agreement with Alipay on September 10," a UnionPay spokesman said.',
                                   '"We signed the agreement with Alipay on September 10," said a UnionPay spokesman.'])
def test_a_quote_ending_in_a_comma_before_its_speaker_is_speech_not_a_title(fresh_store, write, quote):
    entries = entries_of(fresh_store, write, f"title: Signing\ndate: 2018-09-14\n\n{quote}\n")
    assert [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "cooperate"] == [
        ("2018-09-10", ["unionpay"], ["alipay"])], entries


def test_an_act_planned_for_the_near_future_takes_no_month_of_the_article(fresh_store, write):
    """近期 dates a done act to around the article's month (近期，网联完成了…); 将于近期完成 is
    ahead of the article, in no month the sources name."""
    text = "title: 条码\ndate: 2018-03-30\n\n支付宝方面表示，预计将于近期完成与银联的系统对接。\n"
    entries = entries_of(fresh_store, write, text)
    assert [e.value for e in entries if e.type == "complete"] == [None], entries


def test_a_body_speaking_does_its_own_act_when_a_later_clause_names_only_its_partner(fresh_store, write):
    text = "title: 条码\ndate: 2018-03-30\n\n支付宝方面表示，正在与银联积极沟通，预计将于下月完成对接。\n"
    entries = entries_of(fresh_store, write, text)
    assert [e.actor_ids for e in entries if e.type == "complete"] == [["alipay"]], entries


@pytest.mark.parametrize("day, value", [("yesterday", "2017-12-27"), ("on December 26", "2017-12-26")])
def test_a_date_after_a_bracketed_aside_dates_the_act_before_the_aside(fresh_store, write, day, value):
    """'issued the rules {day} (hereinafter referred to as …)': the parse may hang the date on the
    verb inside the brackets; it is the issuing's, and a later rule of another kind sent as
    something of its own takes no document named before it."""
    text = ("title: Bar codes\ndate: 2017-12-28\n\n"
            f'The central bank issued the "bar code payment business specification (trial)" {day} (hereinafter referred '
            'to as the "specification"), the specification will be implemented from April 1 next year. '
            "In November, the Payment Clearing Association had issued the relevant self-discipline convention.\n")
    entries = entries_of(fresh_store, write, text)
    issued = {tuple(e.actor_ids): e for e in entries if e.type == "issue"}
    assert issued[("pboc",)].value == value, entries
    assert issued[("pcac",)].value == "2017-11" and issued[("pcac",)].document_id is None, entries


def test_supporting_a_requirement_is_no_requirement_of_the_supporter(fresh_store, write):
    text = ("title: Switch\ndate: 2019-01-02\n\n"
            "Alipay relevant person in charge said, the company fully supports the regulatory requirements. "
            "Payment firms met a June 30 deadline set by the central bank.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.type, e.actor_ids) for e in entries if e.type in ("require", "deadline")] == [("deadline", ["pboc"])], entries


@pytest.mark.parametrize("day, value", [("June 30", "2018-06-30"), ("June 29", "2018-06-29")])
def test_business_cut_to_a_clearing_house_is_switched_over(fresh_store, write, day, value):
    """切 word by word: "has been cut to the Net Union platform" moves the business; cutting fees
    moves nothing."""
    text = ("title: Switch\ndate: 2018-07-02\n\n"
            f"On {day}, the network payment business of all payment institutions has been cut to the Net Union platform. "
            "Alipay cut fees for merchants in May.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.actor_ids, e.target_ids) for e in entries if e.type == "switch_traffic"] == [
        (value, ["payment_institutions"], ["netsunion"])], entries


def test_a_saying_without_a_subject_is_the_announcers_after_their_clause(fresh_store, write):
    """发布公告称 word by word ("banks issued an announcement, said that …"): the banks named in
    the clause before speak, so what they say is told, not someone's claim; the named members
    speak for the group they are counted in."""
    text = ("title: Banks\ndate: 2018-06-20\n\n"
            "Recently, a number of commercial banks including the Construction Bank issued an announcement, said that "
            "the bank's fast payment business will be switched to the Internet Federation platform before June 30.\n")
    entries = entries_of(fresh_store, write, text)
    switched = [e for e in entries if e.type == "switch_traffic"]
    assert [(e.deadline, e.target_ids, e.category) for e in switched] == [("2018-06-30", ["netsunion"], "industry")], entries


@pytest.mark.parametrize("verb, statistics", [("requiring", []), ("and by then", [("2019-01-14", "asserted")])])
def test_what_a_notice_requires_is_its_content_not_a_figure_or_a_demand_of_the_required(fresh_store, write, verb, statistics):
    """"issued a notice, requiring payment institutions to gradually increase the proportion …
    and achieve 100% centralized deposit by January 14": the regulator demands it of the
    institutions; the raising is no demand of theirs and the 100% no figure measured."""
    told = (f"In June last year, the central bank issued a notice, {verb} payment institutions to gradually increase "
            "the proportion of centralized deposit, and achieve 100% centralized deposit by January 14, 2019.")
    if verb != "requiring":
        told = ("In June last year, the central bank issued a notice. Payment institutions gradually increased the "
                "proportion of centralized deposit, and reached 100% centralized deposit on January 14, 2019.")
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2019-01-15\n\n{told}\n")
    assert [(e.value, e.factuality) for e in entries if e.type == "statistic"] == statistics, entries
    if verb == "requiring":
        assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "require"] == [(["pboc"], ["payment_institutions"])], entries


@pytest.mark.parametrize("day, value", [("April 17", "2017-04-17"), ("April 18", "2017-04-18")])
def test_a_deposit_told_with_nobody_is_the_payment_institutions(fresh_store, write, day, value):
    """"the first deposit was made": only the institutions deposit client reserves; the deposit
    ratio, or a deposit said to be important, tells no act."""
    text = (f"title: Reserves\ndate: 2017-12-28\n\nIn January the notice was issued, on {day} of the same year the first "
            "deposit was made. The deposit ratio was raised. The deposit of reserves is important for safety.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.actor_ids) for e in entries if e.type == "deposit"] == [(value, ["payment_institutions"])], entries


@pytest.mark.parametrize("month, value", [("same month", "2017-08"), ("following month", "2017-09")])
def test_a_clause_of_its_own_beside_a_demand_is_no_part_of_it(fresh_store, write, month, value):
    """"…requires the business from June 30 next year all through the platform, and NetsUnion was
    also registered in the {month}": the registering is told beside the demand, with no limit of it."""
    text = ("title: Rules\ndate: 2017-12-28\n\nIn August, the Payment and Settlement Department issued Document 209, "
            "requires the network payment business involving bank accounts from June 30 next year all through the "
            f"network and union platform, and NetsUnion was also registered in the {month}.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.deadline) for e in entries if e.type == "found"] == [(value, None)], entries


@pytest.mark.parametrize("day, value", [("January 14", "2019-01-14"), ("January 15", "2019-01-15")])
def test_an_act_told_by_its_verb_as_a_noun_with_of(fresh_store, write, day, value):
    """"completed the transfer of 100 percent of their customers' reserve funds": the noun of a
    verb that tells a deposit with that object tells it too."""
    text = (f"title: Reserves\ndate: 2019-01-16\n\nOn {day}, non-bank payment institutions completed the transfer of "
            "100 percent of their customers' reserve funds to accounts at the central bank.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.actor_ids) for e in entries if e.type == "deposit"] == [(value, ["payment_institutions"])], entries


@pytest.mark.parametrize("month, value", [("March", "2018-03"), ("April", "2018-04")])
def test_the_regulator_and_a_rule_issued_in_the_sentence_tell_who_requires(fresh_store, write, month, value):
    """"the regulator required …" is the regulator named before; "Under rules issued by the
    People's Bank of China …, payments must be routed …" is that bank's demand."""
    text = ("title: Rules\ndate: 2018-06-25\n\nUnder rules issued by the People's Bank of China last August, all online "
            "payments must be routed through NetsUnion Clearing Corp from July 1. "
            f"In {month}, the regulator required payment firms to report their progress every two weeks.\n")
    entries = entries_of(fresh_store, write, text)
    required = [(e.value, e.deadline) for e in entries if e.type == "require" and e.actor_ids == ["pboc"]]
    assert any(when == value for when, _ in required) and any(limit == "2018-07-01" for _, limit in required), entries


@pytest.mark.parametrize("month, value", [("March 2017", "2017-03"), ("April 2017", "2017-04")])
def test_a_clause_describing_the_speaker_tells_its_own_acts(fresh_store, write, month, value):
    """"NetsUnion, which began trial operations in {month} and was formally launched in the second
    half of that year, said …": both acts are NetsUnion's, told by the clause, not said."""
    text = (f"title: Clearing\ndate: 2018-06-25\n\nNetsUnion, which began trial operations in {month} and was formally "
            "launched in the second half of that year, said on Friday it had handled 1.1 billion transactions.\n")
    entries = entries_of(fresh_store, write, text)
    assert sorted((e.value, e.actor_ids) for e in entries if e.type == "launch") == [
        (value, ["netsunion"]), ("2017-H2", ["netsunion"])], entries


@pytest.mark.parametrize("number, document", [("42", "doc_42_channel_access"), ("43", None)])
def test_a_title_before_its_number_in_brackets_is_that_document(fresh_store, write, number, document):
    """A known name in the issuer's words before the bracket stays that name, the citation begins
    after it, and the title just before the bracket is the document the number names (an unknown
    number names none)."""
    text = ("title: Letter\ndate: 2018-07-02\n\nOn March 20, the Net Union issued \"the letter on the access of the channels\" "
            f"(Net Union letter [2018] No. {number}) to the payment institutions.\n")
    entries = entries_of(fresh_store, write, text)
    assert [e.actor_ids for e in entries if e.type == "issue"] == [["netsunion"]], entries
    assert [e.document_id for e in entries if e.type == "issue"] == [document or "doc:the_letter_on_the_access_of_the_channels"], entries


@pytest.mark.parametrize("month, value", [("本月", "2017-08"), ("上月", "2017-07")])
def test_a_business_registration_completed_is_a_founding(fresh_store, write, month, value):
    """網聯清算有限公司已於{month}在北京完成工商登記: registered with the market regulator, the
    company is founded then (read on the Simplified view of the Traditional text)."""
    text = f"title: 網聯\ndate: 2017-08-10\n\n網聯清算有限公司已於{month}在北京完成工商登記，註冊資本20億元人民幣。\n"
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.actor_ids + e.target_ids) for e in entries if e.type == "found"] == [(value, ["netsunion"])], entries


@pytest.mark.parametrize("day, value", [("6月30日", "2018-06-30"), ("7月1日", "2018-07-01")])
def test_a_chinese_deadline_noun_after_its_describer_and_a_linked_limit_are_deadlines(fresh_store, write, day, value):
    """{day}是监管划定的最后期限: 的 before the noun names the deadline, it does not make it a noun
    spoken of; its parties are the group its own sentence names. 这意味着{day}前，…必须…: a word
    linking the sentence to the one before leaves the clause a limit."""
    text = (f"title: 断直连\ndate: 2018-06-20\n\n银行正在配合。{day}是监管划定的最后期限，大部分中小支付机构仍在改造系统。"
            f"这意味着{day}前，第三方支付机构必须全部完成与网联的对接。\n")
    entries = entries_of(fresh_store, write, text)
    deadlines = {(e.value, tuple(e.target_ids)) for e in entries if e.type == "deadline"}
    assert deadlines == {(value, ("payment_institutions",))}, entries
    assert [e.deadline for e in entries if e.type == "connect"] == [value], entries


@pytest.mark.parametrize("day, value", [("6月30日", "2018-06-30"), ("7月15日", "2018-07-15")])
def test_must_by_a_limit_in_chinese_is_required(fresh_store, write, day, value):
    """最晚要在{day}前全部接入: 要在 before a limit is a must, the limit is the connection's
    deadline, not its day; 主要在北京 holds no 要在."""
    text = (f"title: 断直连\ndate: 2018-06-20\n\n按照央行规定，支付机构最晚要在{day}前全部接入网联。"
            "京东支付5月主要在北京接入网联。\n")
    entries = entries_of(fresh_store, write, text)
    assert sorted((str(e.value), e.deadline, e.factuality) for e in entries if e.type == "connect") == [
        ("2018-05", None, "asserted"), ("None", value, "required")], entries


@pytest.mark.parametrize("clause, targets", [("after years in which payment firms routed transactions through banks", []),
                                             ("for payment firms and banks", [["payment_institutions", "banks"]])])
def test_a_relative_clause_with_its_own_subject_names_no_party_of_the_act(fresh_store, write, clause, targets):
    """"set up a clearing house in 2016, after years in which payment firms routed transactions
    through banks": the firms and banks of the relative clause are not what was set up."""
    text = f"title: Clearing\ndate: 2019-01-20\n\nThe central bank set up a clearing house in 2016 {clause}.\n"
    entries = entries_of(fresh_store, write, text)
    assert [e.target_ids for e in entries if e.type == "found"] == targets, entries


@pytest.mark.parametrize("day, value", [("27th", "2018-04-27"), ("28th", "2018-04-28")])
def test_a_deletion_told_with_nobody_answers_the_act_and_names_no_one_nearby(fresh_store, write, day, value):
    """"a bank had published the notice of Alipay access to Silver Union …, but the notice was
    deleted on the {day}": the deletion is no act of UnionPay, named nearest before it; it answers
    the access reported, whose parties it is about. A deletion answering nothing is dropped."""
    text = ("title: Notice\ndate: 2018-04-29\n\nOn April 27, there was news said that Alipay has accessed to the Silver Union. "
            "It is understood that a bank had published the notice of Alipay access to Silver Union on its official website "
            f"on April 26, but the notice was deleted on the {day}.\n\nA post was deleted on May 2.\n")
    entries = entries_of(fresh_store, write, text)
    assert [(e.value, e.actor_ids, sorted(e.target_ids)) for e in entries if e.type == "retract"] == [
        (value, [], ["alipay", "unionpay"])], entries


@pytest.mark.parametrize("lang, told, figures", [
    # a place the sentence names with its company is no list the figure sums up
    ("en", "NetsUnion Clearing Corp yesterday completed its business registration in Beijing, registered capital 2 billion yuan.",
     ["2 billion yuan"]),
    # a number right after the names it counts sums them up (companies the table does not know
    # show only by their places)
    ("zh", "昨日，浙江易士、广东益民和上海畅购3家支付机构接入网联。", []),
])
def test_a_number_sums_up_only_the_names_listed_right_before_it(fresh_store, write, lang, told, figures):
    entries = entries_of(fresh_store, write, f"title: Registered\ndate: 2017-08-30\nlang: {lang}\n\n{told}\n")
    assert [e.theme for e in entries if e.type == "statistic"] == figures, entries


def test_a_crackdown_launched_is_no_launch(fresh_store, write):
    told = "In March the central bank launched a crackdown on unlicensed payment providers."
    entries = entries_of(fresh_store, write, f"title: Crackdown\ndate: 2018-06-30\n\n{told}\n")
    assert "launch" not in {e.type for e in entries}, entries


def test_a_participle_describing_a_named_subject_names_no_actor(fresh_store, write):
    told = "On June 29, Alipay, operated by Ant Financial, moved its traffic to NetsUnion."
    entries = entries_of(fresh_store, write, f"title: Moved\ndate: 2018-06-30\n\n{told}\n")
    assert [e.actor_ids for e in entries if e.type == "switch_traffic"] == [["alipay"]], entries


def test_a_notice_published_takes_no_date_of_what_is_said_after_it_and_a_rise_starts_when_told(fresh_store, write):
    told = ("Under a notice published on its website, the People's Bank of China said the share of reserves held in "
            "centralised accounts must rise by 10 percentage points a month starting on July 9.")
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2018-06-30\n\n{told}\n")
    assert "2018-07-09" not in [e.value for e in entries if e.type == "issue"], entries
    assert [e.value for e in entries if e.type == "require"] == ["2018-07-09"], entries


@pytest.mark.parametrize("under", ["under rules the central bank set last year", "under rules set by the central bank last year"])
def test_the_body_whose_rules_an_act_is_under_is_no_party_of_it(fresh_store, write, under):
    told = f"All online payments must be cleared through NetsUnion from Saturday, {under}."
    entries = entries_of(fresh_store, write, f"title: Rules\ndate: 2018-06-30\n\n{told}\n")
    assert entries and not [e for e in entries if "pboc" in e.target_ids], entries


def test_a_notice_dated_a_day_was_issued_that_day(fresh_store, write):
    told = "The PBOC General Office sent payment institutions a notice dated June 29."
    entries = entries_of(fresh_store, write, f"title: Dated\ndate: 2018-07-02\n\n{told}\n")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "issue"] == [("2018-06-29", ["pboc_general_office"])], entries


@pytest.mark.parametrize("told, absent", [
    ("The PBOC General Office issued a notice on the full deposit of reserves on June 29.", "deposit"),
    ("The central bank issued rules on the migration of online payments to NetsUnion in August.", "switch_traffic"),
    ("The central bank issued a notice about the launch of the platform in March.", "launch"),
])
def test_what_a_document_is_about_is_no_act(fresh_store, write, told, absent):
    entries = entries_of(fresh_store, write, f"title: Topic\ndate: 2018-07-02\n\n{told}\n")
    assert "issue" in {e.type for e in entries} and absent not in {e.type for e in entries}, entries


def test_chinese_what_a_document_is_about_is_no_act(fresh_store, write):
    told = "6月29日，人民银行发布了关于网络支付业务迁移至网联平台的通知。"
    entries = entries_of(fresh_store, write, f"title: 通知\ndate: 2018-07-02\nlang: zh\n\n{told}\n")
    assert "issue" in {e.type for e in entries} and "switch_traffic" not in {e.type for e in entries}, entries


@pytest.mark.parametrize("lang, told, founded", [
    ("en", "In late July 2017, the China National Clearing Center and 44 other institutions signed the agreement to set up NetsUnion.",
     True),
    # the words of a founding far from the signing, with others between
    ("en", "The China National Clearing Center signed an agreement on July 28 with 44 other institutions to establish NetsUnion.",
     True),
    ("zh", "7月28日，央行清算总中心等45家机构签署了网联清算有限公司设立协议。", True),
    # what the agreement founds is a thing of its own: the signing stays a cooperation
    ("en", "On July 28, NetsUnion and Tenpay signed a cooperation agreement to establish a joint lab.", False),
])
def test_signing_an_agreement_to_found_a_company_is_its_founding(fresh_store, write, lang, told, founded):
    entries = entries_of(fresh_store, write, f"title: Founding\ndate: 2017-08-30\nlang: {lang}\n\n{told}\n")
    types = {e.type for e in entries if e.value and e.value.startswith("2017-07")}
    assert (("found" in types and "cooperate" not in types) if founded else types >= {"cooperate"}), entries


@pytest.mark.parametrize("lang, told", [
    ("en", "NetsUnion Clearing Corp yesterday completed its business registration in Beijing."),
    ("zh", "8月29日，网联清算有限公司完成工商注册，注册资本20亿元。"),
])
def test_a_business_registration_completed_is_a_founding_and_no_completion_beside_it(fresh_store, write, lang, told):
    entries = entries_of(fresh_store, write, f"title: Registered\ndate: 2017-08-30\nlang: {lang}\n\n{told}\n")
    assert [(e.type, e.value) for e in entries if e.type in ("found", "complete")] == [("found", "2017-08-29")], entries


def test_chinese_a_ban_on_linking_to_banks_is_a_prohibition(fresh_store, write):
    told = "人民银行规定，支付机构不得直接连接银行。"
    entries = entries_of(fresh_store, write, f"title: 规范\ndate: 2018-01-03\nlang: zh\n\n{told}\n")
    assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "prohibit"] == [(["pboc"], ["payment_institutions"])], entries


@pytest.mark.parametrize("lang, told, figure", [
    ("en", "By the end of June, more than 400 lenders had connected to NetsUnion.", "400 lenders"),
    ("en", "As of the end of 2016, the central bank had issued 271 payment licenses.", "271 payment licenses"),
    ("zh", "截至2016年底，央行共发放271张支付牌照。", "271张"),
])
def test_lenders_and_licences_are_counted(fresh_store, write, lang, told, figure):
    entries = entries_of(fresh_store, write, f"title: Counts\ndate: 2018-07-02\nlang: {lang}\n\n{told}\n")
    assert [e.theme for e in entries if e.type == "statistic"] == [figure], entries


@pytest.mark.parametrize("told, value", [
    ("NetsUnion was set up by the central bank. The clearing house opened for business in Beijing on Aug. 29, 2017.", "2017-08-29"),
    ("NetsUnion went into formal operation in August 2017.", "2017-08"),
])
def test_opening_for_business_and_formal_operation_are_launches(fresh_store, write, told, value):
    entries = entries_of(fresh_store, write, f"title: Opened\ndate: 2018-07-02\n\n{told}\n")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "launch"] == [(value, ["netsunion"])], entries


@pytest.mark.parametrize("lang, told", [
    ("en", "The balance stood at 1.39 trillion yuan at the end of April, down 14.2 percent from a month earlier."),
    ("zh", "截至4月末，余额为1.39万亿元，较上月末下降14.2%。"),
])
def test_a_balance_naming_no_one_is_the_payment_institutions_reserves(fresh_store, write, lang, told):
    entries = entries_of(fresh_store, write, f"title: Balance\ndate: 2018-05-20\nlang: {lang}\n\n{told}\n")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "statistic"] == [("2018-04-30", ["payment_institutions"])], entries


@pytest.mark.parametrize("lang, told", [
    ("en", "The platform of NetsUnion began trial operation at the end of March 2017, with a first batch of four banks and "
           "three payment institutions: Alipay, Tenpay and Chinabank Payment."),
    ("en", "NetsUnion launched its platform on March 31, 2017 with Alipay and Tenpay."),
])
def test_the_institutions_a_clearing_house_started_with_joined_it_then(fresh_store, write, lang, told):
    entries = entries_of(fresh_store, write, f"title: NetsUnion\ndate: 2017-04-10\nlang: {lang}\n\n{told}\n")
    joined = [(e.value[:7], e.target_ids) for e in entries if e.type == "connect" and "tenpay" in e.actor_ids]
    assert joined == [("2017-03", ["netsunion"])], [(e.type, e.value, e.actor_ids, e.target_ids) for e in entries]


@pytest.mark.parametrize("told", [
    "央行还要求各银行不晚于6月30日关闭为支付机构提供的直连通道。",
    "央行要求支付机构最迟于6月30日完成切量。",
])
def test_a_chinese_no_later_than_sets_a_limit_and_no_day_of_issuing(fresh_store, write, told):
    entries = entries_of(fresh_store, write, f"title: 断直连\ndate: 2018-05-20\nlang: zh\n\n{told}\n")
    assert "issue" not in {e.type for e in entries}, [(e.type, e.value) for e in entries]
    assert [e.value for e in entries if e.type == "deadline"] == ["2018-06-30"]


def test_a_rule_followed_is_issued_by_whom_its_clause_names_and_a_start_opened_by_you_limits_what_it_orders(fresh_store, write):
    # 根据 is no 据 ("according to" someone): 人民银行 issued the notice, last August; 由…起 opens
    # the limit of what must be done, as 自…起 does
    told = "根据人民银行去年8月下发的通知，由7月1日起，支付机构的网络支付业务须全部经网联或银联处理。"
    entries = entries_of(fresh_store, write, f"title: 断直连\ndate: 2018-06-30\nlang: zh\n\n{told}\n")
    assert [(e.value, e.actor_ids) for e in entries if e.type == "issue"] == [("2017-08", ["pboc"])]
    assert [e.value for e in entries if e.type == "deadline"] == ["2018-07-01"]


def test_names_of_a_clause_framing_the_sentence_are_no_subject_of_the_clauses_after_it(fresh_store, write):
    told = "根據人民銀行去年八月發出的通知，由七月一日起，支付機構受理的網絡支付業務，須全部經網聯或銀聯處理。"
    entries = entries_of(fresh_store, write, f"title: 斷直連\ndate: 2018-06-30\nlang: zh\n\n{told}\n")
    moved = [(e.actor_ids, e.target_ids) for e in entries if e.type == "switch_traffic"]
    assert moved == [(["payment_institutions"], ["netsunion", "unionpay"])], moved


@pytest.mark.parametrize("told, actor, month", [
    ("The People's Bank of China gave the green light in October 2016 to a plan for a clearing house for online payments.", "pboc", "2016-10"),
    ("The Payment and Clearing Association of China endorsed the plan for the platform in April 2016.", "pcac", "2016-04"),
])
def test_a_reporters_words_for_an_approval_are_an_approval(fresh_store, write, told, actor, month):
    entries = entries_of(fresh_store, write, f"title: NetsUnion\ndate: 2018-07-05\n\n{told}\n")
    assert [(e.actor_ids, e.value) for e in entries if e.type == "approve"] == [([actor], month)]


@pytest.mark.parametrize("told, kind", [
    ("The People's Bank of China introduced rules for barcode payments on December 25, 2017.", "issue"),
    ("NetsUnion took down the announcement on May 12, 2018.", "retract"),
    ("The central bank pushed back the deadline for payment institutions on June 20, 2018.", "postpone"),
    ("UnionPay rebutted the report on April 27, 2018.", "deny"),
    ("Alipay hooked up with NetsUnion on May 11, 2018.", "connect"),
    # "up with" here compares no figure with another day's
    ("Alipay teamed up with NetsUnion on May 11, 2018.", "cooperate"),
])
def test_a_reporters_words_for_the_acts_of_the_story(fresh_store, write, told, kind):
    entries = entries_of(fresh_store, write, f"title: Payments\ndate: 2018-07-05\n\n{told}\n")
    assert kind in {e.type for e in entries if e.value}, [(e.type, e.value) for e in entries]


def test_those_who_have_until_a_day_are_bound_by_the_limit_the_regulator_telling_them_set(fresh_store, write):
    told = ("In August 2017 the central bank's payment department told banks and payment firms that they had until "
            "June 30, 2018 to move all online payments onto the new system.")
    entries = entries_of(fresh_store, write, f"title: Payments\ndate: 2018-07-05\n\n{told}\n")
    limits = [(e.value, e.actor_ids, sorted(e.target_ids)) for e in entries if e.type == "deadline"]
    assert limits == [("2018-06-30", ["pboc_payment_dept"], ["banks", "payment_institutions"])], limits


def test_a_penalty_told_with_nobody_imposing_it_is_the_regulators_its_sentence_names(fresh_store, write):
    told = "中国人民银行官网9月18日公布的行政处罚信息显示，易宝支付因违反支付业务规定被罚款100万元。"
    entries = entries_of(fresh_store, write, f"title: 处罚\ndate: 2018-09-20\nlang: zh\n\n{told}\n")
    assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "penalise" and e.target_ids] == [(["pboc"], ["yeepay"])]


def test_acts_a_long_negated_phrase_describes_institutions_by_are_not_told(fresh_store, write):
    told = "人民银行近日约谈了部分尚未完成备付金集中交存准备工作的支付机构，要求其在规定期限内完成整改。"
    entries = entries_of(fresh_store, write, f"title: 约谈\ndate: 2018-09-20\nlang: zh\n\n{told}\n")
    kinds = {e.type for e in entries}
    assert "supervise" in kinds and not kinds & {"deposit", "complete"}, kinds


def test_a_counted_group_after_dui_is_whom_the_act_is_aimed_at(fresh_store, write):
    told = "据不完全统计，今年以来央行已对20余家支付机构开出罚单。"
    entries = entries_of(fresh_store, write, f"title: 处罚\ndate: 2018-09-20\nlang: zh\n\n{told}\n")
    assert [(e.actor_ids, e.target_ids) for e in entries if e.type == "penalise"] == [(["pboc"], ["payment_institutions"])]


def test_a_translations_launch_hung_on_its_plan_is_planned(fresh_store, write):
    # 计划今年上半年上线, word by word: "online" is the act, the plan's
    told = "At the same time the central bank will speed up the construction of the NetsUnion platform, plan at this year first half year online."
    entries = entries_of(fresh_store, write, f"title: Reserves\ndate: 2017-01-16\n\n{told}\n")
    assert [(e.value, e.factuality) for e in entries if e.type == "launch"] == [("2017-H1", "planned")]


def test_a_rule_named_alone_before_its_taking_effect_took_effect(fresh_store, write):
    told = "二、条码支付新规实施。4月1日，《条码支付业务规范（试行）》正式实施，静态条码支付每日累计限额500元。"
    entries = entries_of(fresh_store, write, f"title: 回顾\ndate: 2018-12-28\nlang: zh\n\n{told}\n")
    assert [(e.value, e.document_id) for e in entries if e.type == "take_effect"] == [("2018-04-01", "doc_296_barcode_rules")]


def test_no_regulator_penalises_itself_in_a_clause_read_wrong(fresh_store, write):
    told = "全年央行共开出罚单超过百张，多家支付机构被吊销牌照。"
    entries = entries_of(fresh_store, write, f"title: 回顾\ndate: 2018-12-28\nlang: zh\n\n{told}\n")
    assert not [e for e in entries if e.type == "penalise" and set(e.actor_ids) & set(e.target_ids)]
