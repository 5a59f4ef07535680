"""Questions answered from the stored facts, with sources; refusals when the store cannot."""

import json
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.questions import ask
from pipeline.views.dates import display_zh
from pipeline.views.timeline import build_entries
from pipeline.views.questions.understand import understand
from tests.conftest import FOUNDING, ROOT


def verdict_of(answer) -> str | None:
    """"Yes" or "No" when the answer opens with one ("No: the sources date it …"), else None."""
    first = answer.answer.split(".")[0].split(":")[0]
    return first if first in ("Yes", "No") else None


def answer_to(store, write, text: str, question: str):
    """The answer to a question over a store that ingested one article of these words."""
    ingest([write("article.txt", text)], store)
    return ask(store, question)


@pytest.fixture
def store(gold_store):
    return gold_store


@pytest.mark.parametrize(
    "question, answer_type, date",
    [
        ("When did the Bar Code Payment Business Standards take effect?", "date", "2018-04-01"),
        ("When did the barcode payment rules come into force?", "date", "2018-04-01"),
        ("When was Alipay required to go through NetsUnion?", "date", "2018-06-30"),
        ("On what day did UnionPay deny the Alipay access report?", "date", "2018-04-27TEV"),
        ("网联什么时候开始试运营?", "date", "2017-03"),
    ],
)
def test_questions_when(store, question, answer_type, date):
    answer = ask(store, question)
    assert answer.answer_type == answer_type and date in answer.dates
    assert answer.evidence and all(ev["sentence"] and ev["article_id"] for ev in answer.evidence)


def test_questions_who_and_profile(store):
    assert ask(store, "Who issued Document 209?").entities == ["pboc_payment_dept"]
    # NetsUnion was found only by the removed rule that read "connected to the Internet" as it
    assert "unionpay" in set(ask(store, "Which clearing houses did Alipay connect to?").entities)
    profile = ask(store, "Who is Xue Hongyan?")
    assert profile.answer_type == "profile" and "director" in profile.answer
    assert {"person:xue_hongyan", "suning_ifrc"} <= set(profile.entities)


def test_questions_status_keeps_factuality(store):
    answer = ask(store, "Did UnionPay confirm Alipay's access?")
    # No: the access was only reported, and UnionPay denied it the same evening.
    assert (answer.answer_type, answer.yes_no, answer.factuality) == ("yes_no", False, "reported")
    assert answer.answer.startswith("No.") and "deny by China UnionPay" in answer.answer
    # (asked in Chinese, who denied it is said in Chinese too)
    answer = ask(store, "银联是否确认支付宝接入？")
    assert "deny by" not in answer.answer and "否认方：中国银联" in answer.answer, answer.answer


def test_questions_what_happened_on_a_day(store):
    answer = ask(store, "What happened on April 27, 2018?")
    assert answer.answer_type == "events"
    assert {d.split("T")[0] for d in answer.dates} == {"2018-04-27"}
    # The matching words are marked in the evidence.
    assert any(ev["highlights"] for ev in answer.evidence)


@pytest.mark.parametrize(
    "question",
    [
        "What fine did the PBOC impose on Alipay in 2019?",
        "What is the capital of France?",
        "When did WeChat Pay deny connecting to NetsUnion?",
        "When were the Bar Code Payment Business Standards repealed?",
        "网联2019年的净利润是多少?",
    ],
)
def test_questions_refused_without_inventing(store, question):
    answer = ask(store, question)
    assert answer.answer_type == "refused" and not answer.dates and not answer.events
    assert answer.answer.startswith("The sources in the knowledge base do not answer that.")


@pytest.mark.parametrize(
    "variants",
    [
        ["When did the Bar Code Payment Business Standards take effect?", "When did the Barcode Payment Standards tak effect?"],
        ["Which clearing houses did Alipay connect to?", "Which clearing houses did Alipy connect to?"],
        ["How are Tenpay and UnionPay related?", "How are Cai Fu Tong and UnionPay related?"],
    ],
)
def test_questions_paraphrases_and_misspellings_agree(store, variants):
    answers = [ask(store, v) for v in variants]
    assert len({(a.answer_type, tuple(a.dates), tuple(sorted(a.entities))) for a in answers}) == 1


def test_cli_ask_json_contract(store):
    result = CliRunner().invoke(cli, ["ask", "What did NetsUnion announce?", "--db", store.path, "--json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert set(data) >= {"answer", "answer_type", "confidence", "evidence", "events", "entities"}
    assert data["evidence"] and set(data["evidence"][0]) >= {"article_id", "title", "date", "sentence"}
    assert "2018-05-11" in data["dates"]


# Regression pins on the four founding articles, whose rules were fitted to them: issue 14's
# clean-out removed the synonyms, contraries and special cases written for these questions
# (90.7% -> 89.3%), and issue 18 made sentence reading unable to say "Yes" by itself (its
# shareholder and architecture questions: 89.3% -> 87.5%). The measure of truth is `kb eval` on
# the dev corpus's check part (test_eval.py). Issue 15 removed the entity rules fitted to the
# founding article ("Fiscal" as Tenpay, "UnionPay and UnionPay" as NetsUnion, "connected to the
# Internet", the lone surname 董 of "董有望担任网联总裁", the stock ticker inside 中国银行业): the
# questions answered only through them fail now (87.5% -> 75.8%; en 76.3%, zh 75.3%).
FLOORS = {"all": 0.74, "en all": 0.74, "zh all": 0.73}


def test_questions_gold_floors(shared):
    """The gold set (tests/gold/questions.yaml): accuracy pinned at what is measured (goal 0.90)."""
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    from score_questions import score

    result = score()
    for key, floor in FLOORS.items():
        assert result["tally"][key][2] >= floor, f"{key}: {result['tally'][key]}"
    assert result["invented"] == 0  # no invented answer among the questions that must be refused


def test_a_new_connection_answers_from_the_store_as_it_is_now(db_path, write):
    # Two connections' states are not comparable: facts built on one must not answer for another.
    question = "When did Alipay connect to NetsUnion?"
    article = write("a.txt", "title: t\n\nIn April 2018, Alipay connected to NetsUnion.")
    with Store(db_path) as store:
        ingest([article], store)
    with Store(db_path, readonly=True) as store:
        assert ask(store, question).dates == ["2018-04"]
    article.write_text("title: t\n\nIn March 2017, Alipay connected to NetsUnion.")
    with Store(db_path) as store:
        ingest([article], store)
    with Store(db_path, readonly=True) as store:
        assert ask(store, question).dates == ["2017-03"]


def test_counts_come_from_dated_figures(fresh_store, write):
    text = ("title: Figures\ndate: 2018-07-02\n\n"
            "As of June 30, 2018, 462 banks and 115 payment institutions had connected to NetsUnion.\n"
            "In October 2017, 18 large banks had connected to NetsUnion.\n")  # fmt: skip
    ingest([write("figures.txt", text)], fresh_store)
    answer = ask(fresh_store, "How many banks had connected to NetsUnion by June 30, 2018?")
    assert answer.answer.startswith("462 (462 banks), as of 2018-06-30") and answer.count == 462
    assert ask(fresh_store, "How many large banks had connected to NetsUnion?").count == 18
    # A figure that was reached is no answer to what was expected.
    assert ask(fresh_store, "How many banks are expected to connect to NetsUnion by 2019?").count is None


def test_questions_too_long_refused_with_a_message(store):
    from pipeline.views.questions import MAX_QUESTION_CHARS, QuestionRejected

    with pytest.raises(QuestionRejected, match=f"ask in at most {MAX_QUESTION_CHARS}"):
        ask(store, "Why " * 10_000)
    result = CliRunner().invoke(cli, ["ask", "Why " * 10_000, "--db", store.path], catch_exceptions=False)
    assert result.exit_code == 2
    assert "the question has 39,999 characters; ask in at most 500" in result.output


def test_cli_ask_invalid_utf8_is_read_not_a_traceback(store):
    import subprocess

    question = b"When did Tenpay \xff\xfe connect to NetsUnion?"
    result = subprocess.run([sys.executable, "-m", "pipeline", "ask", question, "--db", store.path, "--json"],
                            cwd=ROOT, capture_output=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    answer = json.loads(result.stdout)
    assert answer["answer_type"] != "error" and "Traceback" not in result.stderr.decode(errors="replace")


def test_what_is_gives_the_dated_beginnings_from_stored_facts(fresh_store, write):
    text = ("title: NetsUnion registered\ndate: 2017-08-31\n\n"
            "NetsUnion Clearing Corporation was founded on August 29, 2017 in Beijing.\n"
            "Alipay and Tenpay each hold 9.61 percent of it.\n")  # fmt: skip
    ingest([write("nu.txt", text)], fresh_store)
    answer = ask(fresh_store, "What is NetsUnion?")
    assert answer.answer_type == "definition" and "Key dates: 2017-08-29 " in answer.answer
    assert "2017-08-29" in answer.dates and any("August 29, 2017" in ev["sentence"] for ev in answer.evidence)
    ingest([write("nu.txt", text.replace("August 29", "August 28"))], fresh_store)
    assert "Key dates: 2017-08-28" in ask(fresh_store, "What is NetsUnion?").answer


@pytest.mark.parametrize("question, defined", [
    ("What is the registered address of the company?", False),  # no sentence names an address
    ("What is the registered capital of the company?", True),
    ("What is the registred capitals of the company?", True),  # misspelt, and plural
])
def test_a_definition_is_a_sentence_naming_what_is_asked(fresh_store, write, question, defined):
    text = ("title: NetsUnion registered\ndate: 2017-08-31\n\n"
            "NetsUnion Clearing Corporation was registered in Beijing on August 29.\n"
            "The registration of the company means the platform moves from testing to company operation.\n"
            "The registered capital of the company is 2 billion yuan, a figure addressed in its charter.\n")  # fmt: skip
    ingest([FOUNDING, write("nu.txt", text)], fresh_store)  # (a store of some size: a tiny one finds nothing relevant enough)
    answer = ask(fresh_store, question)
    if defined:
        assert "capital" in answer.answer
    else:
        assert answer.answer_type == "refused"


@pytest.mark.parametrize("opening", ["From which date", "Since what date", "On which day", "Starting which date"])
def test_a_date_asked_after_a_preposition_is_a_when_question(fresh_store, write, opening):
    # "From which date …" used to fall to the sentence search and be refused with the date stored.
    text = ("title: Barcode rules\ndate: 2018-04-02\n\n"
            "The central bank's barcode payment rules took effect on April 1, 2018.\n")  # fmt: skip
    ingest([write("rules.txt", text)], fresh_store)
    answer = ask(fresh_store, f"{opening} did the barcode payment rules take effect?")
    if opening.startswith("Starting"):  # no preposition of the grammar: not read as a date question
        assert answer.question["shape"] != "when"
        return
    assert answer.question["shape"] == "when" and answer.dates[:1] == ["2018-04-01"]
    ingest([write("rules.txt", text.replace("April 1", "April 3"))], fresh_store)
    assert ask(fresh_store, f"{opening} did the barcode payment rules take effect?").dates[:1] == ["2018-04-03"]


@pytest.mark.parametrize("question", ["网联要求在什么时间前完成全部业务迁移？", "网联要求哪一天之前完成全部业务迁移？"])
def test_asking_before_when_asks_for_the_limit(fresh_store, write, question):
    told = "今年3月中旬，网联向各银行和支付机构下发函件，要求6月30日前完成全部业务迁移。"
    ingest([write("letter.txt", f"title: 网联\ndate: 2018-04-03\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.dates[:1] == ["2018-06-30"] and answer.answer.startswith("2018-06-30"), answer.answer  # told, not "not dated"
    ingest([write("letter.txt", f"title: 网联\ndate: 2018-04-03\nlang: zh\n\n{told.replace('6月30日', '7月31日')}")], fresh_store)
    assert ask(fresh_store, question).answer.startswith("2018-07-31")


def test_a_deadline_question_takes_the_entry_whose_sources_say_what_is_asked(fresh_store, write):
    # Two deadlines of the same rule, for the same institutions: the asked words pick one.
    text = ("title: Reserve rules\ndate: 2018-12-06\n\n"
            "The central bank required payment institutions to close their reserve accounts at banks by January 14, 2019.\n"
            "The central bank required payment institutions to report their reserve figures by March 1, 2019.\n")  # fmt: skip
    ingest([write("reserves.txt", text)], fresh_store)
    close = ask(fresh_store, "By which date must payment institutions close their reserve accounts?")
    report = ask(fresh_store, "By which date must payment institutions report their reserve figures?")
    assert close.question["shape"] == report.question["shape"] == "when"
    assert close.dates[:1] == ["2019-01-14"] and report.dates[:1] == ["2019-03-01"]


def test_the_kind_asked_is_the_noun_the_which_word_governs():
    from pipeline.views.questions.understand import understand

    # "notice" is the object, not what is asked for; "department" is a body that regulates.
    assert understand("Which department issued the notice on reserve accounts?", {}).kinds == ["regulator"]
    assert understand("Which document required payment institutions to connect to NetsUnion?", {}).kinds == ["document"]
    assert understand("Which clearing houses did Alipay connect to?", {}).kinds == ["clearing_house"]


def test_who_did_an_act_is_read_from_the_acts_whose_sentences_tell_the_question(fresh_store, write):
    text = ("title: Two notices\ndate: 2018-12-07\n\n"
            "In August 2017 the Payment and Settlement Department issued Document 209 on moving online payments to NetsUnion.\n"
            "In June 2018 the PBOC General Office issued Document 114 on the centralised deposit of client reserves.\n")  # fmt: skip
    ingest([write("notices.txt", text)], fresh_store)
    answer = ask(fresh_store, "Which department issued the rules on moving online payments?")
    assert answer.entities == ["pboc_payment_dept"], answer.answer
    other = ask(fresh_store, "Which department issued the rules on the centralised deposit of client reserves?")
    assert other.entities == ["pboc_general_office"], other.answer


def test_a_figure_of_another_period_answers_no_count_asked_for_a_day(fresh_store, write):
    text = ("title: Volumes\ndate: 2018-07-02\n\n"
            "In the first quarter of 2018 NetsUnion processed 5.775 billion transactions.\n")  # fmt: skip
    ingest([write("volumes.txt", text)], fresh_store)
    # The quarter's total is not what was processed on one day of July: refused, not 5.775.
    day = ask(fresh_store, "How many transactions did NetsUnion process on July 1, 2018?")
    assert day.answer_type == "refused" and day.count is None, day.answer
    quarter = ask(fresh_store, "How many transactions did NetsUnion process in the first quarter of 2018?")
    assert quarter.answer.startswith("5.775"), quarter.answer


def test_a_trigger_sounded_across_two_words_is_no_event_type():
    from pipeline.views.questions.understand import understand

    # 快捷支付 holds the sounds of 截止 (jie zhi) across two words: no deadline is asked.
    assert "deadline" not in understand("中信银行哪天关闭了快捷支付接口？", {}).types
    # A trigger written with a same-sounding character is still read: 要球 for 要求.
    assert "require" in understand("央行什么时候要球支付机构接入网联？", {}).types
    # ... but a word of the dictionary is itself: 正式 (formally) is no misspelt 证实 (confirmed)
    assert understand("条码支付业务规范何时正式实施？", {}).types == ["take_effect"]


def test_when_a_rule_formally_took_effect_is_its_entry_s_date(fresh_store, write):
    text = ("title: 条码支付\ndate: 2018-04-02\nlang: zh\n\n"
            "中國人民銀行去年12月下發的《條碼支付業務規範（試行）》昨日（4月1日）正式實施。\n")
    assert answer_to(fresh_store, write, text, "条码支付业务规范何时正式实施？").answer.startswith("2018-04-01")


def test_what_a_group_did_does_not_answer_for_one_of_its_members(fresh_store, write):
    text = ("title: Banks\ndate: 2018-12-03\n\n"
            "On July 31, 2018, commercial banks announced that they would close their direct quick-payment interfaces.\n"
            "On June 30, 2018, the central bank required commercial banks to close the direct channels.\n")  # fmt: skip
    ingest([write("banks.txt", text)], fresh_store)
    # The group's announcement is not ICBC's: refused rather than dated 2018-07-31 ...
    assert ask(fresh_store, "When did ICBC announce the closure of its interface?").dates == []
    # ... while a rule addressed to all banks binds ICBC too.
    assert "2018-06-30" in ask(fresh_store, "When was ICBC required to close the direct channels?").dates


def test_an_act_asked_on_another_day_than_the_sources_give_is_a_no_with_their_day(fresh_store, write):
    text = ("title: Barcode cooperation\ndate: 2018-04-02\n\n"
            "On April 1, 2018, Tenpay and UnionPay signed a barcode payment cooperation agreement.\n")  # fmt: skip
    ingest([write("coop.txt", text)], fresh_store)
    wrong_day = ask(fresh_store, "Did Tenpay sign an agreement with UnionPay on May 11, 2018?")
    assert wrong_day.yes_no is False and wrong_day.answer.startswith("No: the sources date it 2018-04-01"), wrong_day.answer
    no_year = ask(fresh_store, "Did Tenpay sign an agreement with UnionPay on May 11?")
    assert no_year.yes_no is False, no_year.answer
    right_day = ask(fresh_store, "Did Tenpay sign an agreement with UnionPay on April 1, 2018?")
    assert right_day.yes_no is True, right_day.answer


def test_an_act_dated_only_coarser_than_the_asked_day_is_no_yes(fresh_store, write):
    text = ("title: Barcode cooperation\ndate: 2018-06-02\n\n"
            "In May 2018, Tenpay and UnionPay signed a barcode payment cooperation agreement.\n")  # fmt: skip
    ingest([write("coop.txt", text)], fresh_store)
    # May 2018 holds May 11 but does not say it: never a Yes to the day.
    answer = ask(fresh_store, "Did Tenpay sign an agreement with UnionPay on May 11, 2018?")
    assert answer.yes_no is not True and not answer.answer.startswith("Yes"), answer.answer


def test_a_count_read_from_a_sentence_is_the_number_of_the_clause_asked_about(fresh_store, write):
    text = ("title: Migration\ndate: 2017-10-20\n\n"
            "Among 115 payment institutions, 9 payment institutions have moved their business volume to the platform.\n")  # fmt: skip
    ingest([write("migration.txt", text)], fresh_store)
    answer = ask(fresh_store, "How many payment institutions had moved business volume to the platform?")
    assert answer.answer.startswith("9 "), answer.answer


@pytest.mark.parametrize("question, count", [
    ("截至6月30日，网联平台接入了多少家银行？", 424),
    ("截至6月30日，有多少家支付机构接入网联平台？", 115),
    ("How many payment institutions had connected to NetsUnion by June 30, 2018?", 115),
])
def test_a_chinese_count_written_after_its_noun_counts_that_noun(fresh_store, write, question, count):
    """接入银行424家、支付机构115家: each number counts the noun just before it, in the sentence
    and in the dated figures stored from it."""
    told = "网联方面昨日对外披露，截至6月30日，网联平台已接入银行424家、支付机构115家，累计处理业务超过200亿笔。"
    ingest([write("figures.txt", f"title: 断直连收官\ndate: 2018-07-02\nlang: zh\n\n{told}\n")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.count == count, answer.answer
    themes = [e.theme for e in build_entries(fresh_store) if e.type == "statistic"]
    assert themes and "银行424家" in themes[0] and "支付机构115家" in themes[0], themes


@pytest.mark.parametrize("scale, count", [("billion", 5.775e9), ("million", 5.775e6)])
def test_a_count_read_from_a_sentence_keeps_its_scale_word(fresh_store, write, scale, count):
    told = f"The platform handled 5.775 {scale} transactions in the quarter, a source said."
    ingest([write("volume.txt", f"title: Volume\ndate: 2018-05-02\n\n{told}\n")], fresh_store)
    answer = ask(fresh_store, "How many transactions did the platform handle?")
    assert answer.count == count and answer.answer.startswith(f"5.775 {scale} "), answer.answer


def test_an_answer_names_the_entities_in_the_language_of_the_question(fresh_store, write):
    text = "title: 通知\ndate: 2017-08-10\nlang: zh\n\n2017年8月4日，人民银行支付结算司下发通知，要求支付机构接入网联平台。\n"
    ingest([write("notice.txt", text)], fresh_store)
    chinese = ask(fresh_store, "支付结算司什么时候要求支付机构接入网联？")
    english = ask(fresh_store, "When did the Payment and Settlement Department require payment institutions to connect to NetsUnion?")
    assert chinese.dates[:1] == english.dates[:1] == ["2017-08-04"]
    assert "支付结算司" in chinese.answer.splitlines()[0] and "Payment and Settlement" not in chinese.answer
    assert "Payment and Settlement Department" in english.answer.splitlines()[0]


def test_an_answer_to_a_chinese_question_tells_the_act_in_chinese(fresh_store, write):
    """Not only the names: the act of an entry told in English sources is told in Chinese too
    (summary_zh in events.yaml), with its factuality."""
    text = ("title: Barcode\ndate: 2018-05-12\n\n"
            "On May 11, 2018, Alipay connected to NetsUnion for barcode payments.\n"
            "On April 27, it was reported that Alipay had access to UnionPay.\n")  # fmt: skip
    ingest([write("barcode.txt", text)], fresh_store)
    first = ask(fresh_store, "支付宝什么时候接入网联？").answer.splitlines()[0]
    assert first.startswith("2018-05-11") and "支付宝接入网联清算有限公司" in first, first
    assert "connected" not in first
    reported = ask(fresh_store, "支付宝什么时候接入银联？").answer.splitlines()[0]
    assert "支付宝接入中国银联（据报道）" in reported, reported
    # The English question keeps the English summary.
    assert "Alipay connected to NetsUnion" in ask(fresh_store, "When did Alipay connect to NetsUnion?").answer
    # A month, a part of a day, "after" are written in Chinese too (a day stays as ISO writes it).
    ingest([write("later.txt", "title: Tenpay\ndate: 2018-05-12\n\nIn March 2018, Tenpay connected to NetsUnion.\n")], fresh_store)
    month = ask(fresh_store, "财付通什么时候接入网联？").answer.splitlines()[0]
    assert month.startswith("2018年3月：财付通接入网联清算有限公司"), month


@pytest.mark.parametrize("value, mod, written", [
    ("2018-04-27TEV", None, "2018-04-27晚"), ("2018-04", None, "2018年4月"), ("2018-W20", None, "2018年第20周"),
    ("2018-H1", None, "2018年上半年"), ("2018-09/2018-11", None, "2018年9月至2018年11月"),
    ("2018-05-11", "AFTER", "2018-05-11之后"), ("2018-09", "APPROX", "2018年9月前后"), (None, None, "日期不详"),
])  # fmt: skip
def test_dates_in_chinese_answers_are_written_as_chinese_readers_write_them(value, mod, written):
    assert display_zh(value, mod) == written


def test_a_name_no_source_mentions_makes_the_question_unanswerable(tmp_path, write):
    """"What is the capital of France?" must not be answered with NetsUnion's registered capital:
    no source names France. Once one does, the question is read as any other."""
    told = "NetsUnion has a registered capital of 2 billion yuan."
    with Store(tmp_path / "a.sqlite") as store:
        ingest([write("a/capital.txt", f"title: Capital\ndate: 2017-08-30\n\n{told}")], store)
        answer = ask(store, "What is the capital of France?")
        assert answer.answer_type == "refused" and answer.answer.endswith("None of them mentions France."), answer.answer
    with Store(tmp_path / "b.sqlite") as store:
        ingest([write("b/capital.txt", f"title: Capital\ndate: 2017-08-30\n\n{told} Payment firms in France watched it.")], store)
        assert "mentions France" not in ask(store, "What is the capital of France?").answer


@pytest.mark.parametrize("told, bank", [("商业银行开始接入网联平台", None), ("工商银行第一个接入网联平台", "中国工商银行")])
def test_which_bank_is_never_answered_by_the_group_of_all_banks(fresh_store, write, told, bank):
    ingest([write("banks.txt", f"title: 网联\ndate: 2017-04-01\nlang: zh\n\n2017年3月31日，{told}。")], fresh_store)
    answer = ask(fresh_store, "哪家银行第一个接入网联?")
    first = answer.answer.splitlines()[0]
    expected = ("entities", bank) if bank else ("refused", first)
    assert (answer.answer_type, first) == expected, first


@pytest.mark.parametrize("question", ["What fine did the PBOC impose on Alipay in 2019?", "Which fine was imposed on Alipay?"])
def test_an_act_asked_by_its_noun_is_that_act(question):
    """"What fine …": the noun names the act even where the tagger reads it as an adverb, so
    only a penalty answers it, not whatever else the PBOC did to Alipay that year."""
    assert understand(question, {}).types == ["penalise"]


@pytest.mark.parametrize("question, order", [
    ("When did Tenpay first sign an agreement with UnionPay?", "first"),
    ("When did Tenpay sign its last agreement with UnionPay?", "last"),
    ("财付通与银联首次签署协议是什么时候？", "first"),
])
def test_the_first_or_last_of_several_acts_is_the_earliest_or_latest(fresh_store, write, question, order):
    # The later signing is told by more sentences and words of the question: only the order decides.
    text = ("title: Two agreements\ndate: 2019-01-02\n\n"
            "In March 2017, Tenpay and UnionPay signed an agreement.\n\n"
            "On September 10, 2018, Tenpay and UnionPay signed an agreement, the first one on barcode payments. "
            "Tenpay said the agreement with UnionPay was signed on September 10, 2018.\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    expected = "2017-03" if order == "first" else "2018-09-10"
    assert answer.dates and answer.dates[0] == expected, answer.answer


def test_of_sentences_telling_as_much_of_a_question_the_one_that_denies_it_answers(fresh_store, write):
    text = ("title: Static codes\ndate: 2017-12-28\n\n"
            "New rules on static codes: static code payments are capped at 500 yuan a day.\n\n"
            "An insider said the rumour was not true: the new rules do not ban static codes.\n")  # fmt: skip
    ingest([write("codes.txt", text)], fresh_store)
    answer = ask(fresh_store, "Do the new rules ban static code payments?")
    assert answer.yes_no is False and "do not ban" in answer.answer, answer.answer


def test_a_misspelt_month_in_a_question_is_read_as_that_month(fresh_store, write):
    text = ("title: Tenpay\ndate: 2018-12-02\n\n"
            "On April 1, 2018, Tenpay and UnionPay signed a barcode payment cooperation agreement.\n\n"
            "On September 10, 2018, Tenpay and NetsUnion signed an agreement.\n")  # fmt: skip
    ingest([write("tenpay.txt", text)], fresh_store)
    for question in ("What did Tenpay do in April 2018?", "What did Tenpay do in Aprl 2018?"):
        answer = ask(fresh_store, question)
        assert answer.dates == ["2018-04-01"], (question, answer.answer)
    assert understand("How many banks connected?", {}).months == []  # "many" is a word, not May
    # a fix shorter or longer than the word keeps the question's own offsets
    assert [t.text for t in understand("Between Junee 2018 and Aprl 2019, what did Tenpay do?", {}).dates] == ["Junee 2018", "Aprl 2019"]
    # Chinese typed by sound: 约 (yue) for 月 after a year and a month's number; 8号 stays a day
    assert [t.value for t in understand("2017年8约发生了什么事?", {}).dates] == ["2017-08"]
    assert [t.value for t in understand("2017年8月8号发生了什么?", {}).dates] == ["2017-08-08"]


def test_when_something_started_is_its_earliest_report(fresh_store, write):
    text = ("title: Reserves\ndate: 2019-02-02\n\n"
            "On January 14, 2019, payment institutions deposited all of their reserves with the central bank.\n\n"
            "Payment institutions started to deposit reserves with the central bank in full on January 14, 2019.\n\n"
            "Payment institutions deposited 20% of their reserves with the central bank on April 17, 2017.\n\n"
            "In April 2017 the deposit of reserves went smoothly, payment institutions said.\n")  # fmt: skip
    ingest([write("reserves.txt", text)], fresh_store)
    answer = ask(fresh_store, "When did payment institutions start to deposit reserves with the central bank?")
    assert answer.dates[:1] == ["2017-04-17"], answer.answer


def test_whom_a_requirement_binds_is_asked_as_its_subject(fresh_store, write):
    text = ("title: Accounts\ndate: 2019-01-20\n\n"
            "Payment institutions and banks had to finish their connection work before the October 15, 2017 deadline.\n\n"
            "On Dec 5, the Payment and Settlement Department told payment institutions to close their reserve "
            "accounts before January 14, 2019.\n")  # fmt: skip
    ingest([write("accounts.txt", text)], fresh_store)
    # payment institutions are the deadline's target there, its actors here: both are asked of them
    answer = ask(fresh_store, "Before which date must payment institutions close their reserve accounts?")
    assert answer.dates[:1] == ["2019-01-14"], answer.answer


def test_a_chinese_day_asked_as_a_limit_asks_the_deadline(fresh_store, write):
    """在哪一天之前撤销: the day by which the act is due, not the day it was required on (two
    requirements of one department, each with its deadline: the asked words pick one)."""
    text = ("title: 备付金账户\ndate: 2018-12-07\n\n"
            "2017年8月4日，人民银行支付结算司下发通知，要求支付机构于2017年10月15日前完成接入网联平台的准备工作。\n\n"
            "人民银行支付结算司于2018年12月5日下发通知，要求支付机构在2019年1月14日前撤销在商业银行开立的备付金账户。\n")  # fmt: skip
    ingest([write("accounts.txt", text)], fresh_store)
    answer = ask(fresh_store, "人民银行支付结算司要求支付机构在哪一天之前撤销在商业银行开立的备付金账户？")
    assert answer.question["shape"] == "when" and answer.dates[:1] == ["2019-01-14"], answer.answer
    ingest([write("accounts.txt", text.replace("2019年1月14日", "2019年2月1日"))], fresh_store)
    assert ask(fresh_store, "支付结算司要求支付机构在哪天前撤销备付金账户？").dates[:1] == ["2019-02-01"]


def test_the_day_a_regulator_notified_institutions_to_act_is_the_day_of_its_requirement(fresh_store, write):
    text = ("title: Accounts\ndate: 2018-12-07\n\n"
            "On December 5, the Payment and Settlement Department told payment institutions to close their reserve "
            "accounts at commercial banks before January 14, 2019.\n")  # fmt: skip
    ingest([write("accounts.txt", text)], fresh_store)
    question = "On what date did the Payment and Settlement Department notify payment institutions to close their accounts?"
    assert ask(fresh_store, question).dates[:1] == ["2018-12-05"]


@pytest.mark.parametrize("number, entity_id", [("114", "doc_114_full_deposit"), ("209", "doc_209")])
def test_which_document_is_the_rule_the_asked_act_is_under(fresh_store, write, number, entity_id):
    prefix = "银办发〔2018〕" if number == "114" else "银支付〔2017〕"
    text = ("title: Rules\ndate: 2019-01-20\nlang: zh\n\n"
            f"2018年6月29日，人民银行办公厅下发{prefix}{number}号文，要求支付机构在2019年1月14日前实现客户备付金100%集中交存。\n")  # fmt: skip
    ingest([write("rules.txt", text)], fresh_store)
    answer = ask(fresh_store, "Which document requires 100% of client reserves to be deposited with the central bank?")
    assert answer.entities[:1] == [entity_id], answer.answer


def test_a_count_of_a_named_group_counts_that_group_with_no_other_number_on_its_line(fresh_store, write):
    told = ("中国工商银行、中国银行和中国建设银行宣布关闭直连快捷支付接口。"
            "支付宝和财付通已接入网联，拉卡拉也已接入网联。")
    ingest([write("banks.txt", f"title: 银行\ndate: 2018-12-20\nlang: zh\n\n{told}\n")], fresh_store)
    answer = ask(fresh_store, "文中提到的银行共有几家？")
    first = answer.answer.splitlines()[0]
    assert answer.answer_type == "count" and first.startswith("3: ")  # banks, not the payment institutions
    assert not any(ch.isdigit() for ch in first[3:]), first  # no mention counts a reader could take for the count


@pytest.mark.parametrize("told, asked, first", [
    ("NetsUnion signed a barcode payment agreement with Tenpay", "on April 1", "No: the sources date it 2018-03-31"),
    # the act is Tenpay's, but no source tells it as WeChat Pay's: nothing is affirmed
    ("NetsUnion signed a barcode payment agreement with Tenpay", "on March 31", "The sources do not say so"),
    ("NetsUnion signed a WeChat Pay barcode payment agreement with Tenpay", "on March 31", "Yes"),
])
def test_a_product_asked_beside_its_owner_is_the_owners_act_but_never_affirmed_unnamed(fresh_store, write, told, asked, first):
    ingest([write("signed.txt", f"title: Barcodes\ndate: 2018-04-02\n\nOn March 31, 2018, {told}.\n")], fresh_store)
    answer = ask(fresh_store, f"Did NetsUnion sign the WeChat Pay barcode agreement with Tenpay {asked}?")
    assert answer.answer.startswith(first), answer.answer


def test_who_holds_an_office_is_read_from_the_roles_and_a_supervisors_chair_is_no_chairman(fresh_store, write):
    text = ("title: Register\ndate: 2017-08-30\n\nNetsUnion Clearing Corporation was registered on August 29. "
            "Dong Junfeng serves as the legal representative, Cai Hongbo serves as chairman of the board, "
            "Zhang Xuyang serves as chairman of the board of supervisors.\n")
    ingest([write("register.txt", text)], fresh_store)
    assert ask(fresh_store, "Who is the chairman of NetsUnion?").entities[:1] == ["person:cai_hongbo"]
    assert ask(fresh_store, "Who is the legal representative of NetsUnion?").entities[:1] == ["person:dong_junfeng"]
    assert "person:zhang_xuyang" not in ask(fresh_store, "Who is the chairman of NetsUnion?").entities


@pytest.mark.parametrize("question", ["哪家银行率先发布公告？", "哪家银行最先关闭直连接口？", "Which bank was the first to close its interface?"])
def test_words_of_going_first_ask_for_the_earliest(question):
    assert understand(question, {}).order == "first"


def test_a_part_of_an_entity_is_answered_by_its_parts_that_did_the_act(fresh_store, write):
    text = ("title: Notice\ndate: 2017-01-15\n\n"
            "On January 13, the General Office of the People's Bank of China issued a notice to payment institutions.\n")
    ingest([write("notice.txt", text)], fresh_store)
    answer = ask(fresh_store, "Which unit of the central bank issued the notice?")
    assert answer.answer.splitlines()[0] == "General Office of the PBOC", answer.answer


def test_an_act_the_question_tells_in_its_own_words_done_by_another_is_a_no(fresh_store, write):
    text = ("title: Notices\ndate: 2018-03-25\n\n"
            "On January 13, 2017, the General Office of the People's Bank of China issued a notice on the centralized "
            "deposit of client reserve funds.\n\n"
            "On March 20, 2018, NetsUnion issued a letter on channel access to banks and payment institutions.\n")
    ingest([write("notices.txt", text)], fresh_store)
    answer = ask(fresh_store, "Did NetsUnion issue the notice on the centralized deposit of client reserve funds?")
    assert answer.yes_no is False and "General Office of the PBOC" in answer.answer.splitlines()[0], answer.answer
    # the party that did it is never told No
    told = ask(fresh_store, "Did the General Office of the People's Bank of China issue the notice on the centralized deposit of client reserve funds?")
    assert told.yes_no is not False, told.answer


def test_a_party_no_source_names_is_asked_as_itself_never_as_a_known_name_inside_it(fresh_store, write):
    text = ("title: Guidelines\ndate: 2017-03-25\n\n"
            "On March 23, the People's Bank of China issued the operation guidelines on the deposit of client reserve funds.\n")
    ingest([write("guidelines.txt", text)], fresh_store)
    question = understand("Did Beijing Business Daily issue the operation guidelines on the reserve deposit?", knowledge_names(fresh_store))
    assert "beijing" not in question.entities
    answer = ask(fresh_store, "Did Beijing Business Daily issue the operation guidelines on the deposit of client reserve funds?")
    assert answer.yes_no is False and "Beijing Business Daily" in answer.answer.splitlines()[0], answer.answer


def knowledge_names(store):
    from pipeline.views.questions import knowledge

    return knowledge(store).known_names


def test_a_number_a_sentence_gives_of_another_party_answers_no_count_of_the_asked_one(fresh_store, write):
    told = "In the first quarter, NetsUnion Clearing Corporation processed 5.775 billion transactions, a source said."
    ingest([write("volume.txt", f"title: Volume\ndate: 2018-05-02\n\n{told}\n")], fresh_store)
    assert ask(fresh_store, "How many transactions did NetsUnion process in the first quarter?").count == 5775000000
    assert ask(fresh_store, "How many transactions did UnionPay process in the first quarter?").answer_type == "refused"


@pytest.mark.parametrize("question, shape", [
    ("Did China UnionPay set the June 30 deadline?", "yes_no"),  # an auxiliary first: a premise to check
    ("What is the deadline for disconnection?", "requires"),
    ("What did notice 209 require?", "requires"),
    ("What does the rule ban?", "requires"),
    # "ban" is a word of its own, not the start of "bank" or "balance": a balance asked is a sum.
    ("What was the balance of reserves held at the central bank?", "count"),
])
def test_a_question_opening_with_an_auxiliary_is_a_yes_no_whatever_words_follow(question, shape):
    assert understand(question, {}).shape == shape


def test_an_act_asked_on_a_day_the_sources_give_another_party_is_a_no(fresh_store, write):
    text = ("title: Banks\ndate: 2018-12-20\n\n"
            "On July 31, China CITIC Bank announced that it would close its direct quick payment interface.\n\n"
            "Bank of China, Everbright Bank and Ping An Bank announced the closure of their direct interfaces.\n")
    ingest([write("banks.txt", text)], fresh_store)
    answer = ask(fresh_store, "Did Bank of China announce the closure of its direct quick payment interface on July 31?")
    assert answer.yes_no is False and "CITIC" in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize("question, yes_no", [
    ("Is Cai Hongbo the chairman of NetsUnion?", True),
    ("Is Zhang Xuyang the chairman of the board of directors of NetsUnion?", False),  # the board of supervisors' chair
    ("Is Dong Junfeng the chairman of NetsUnion?", False),
])
def test_an_office_asked_of_a_person_is_answered_from_the_stored_roles(fresh_store, write, question, yes_no):
    text = ("title: Register\ndate: 2017-08-30\n\nNetsUnion Clearing Corporation was registered on August 29. "
            "Dong Junfeng serves as the legal representative, Cai Hongbo serves as chairman of the board, "
            "Zhang Xuyang serves as chairman of the board of supervisors.\n")
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is yes_no, answer.answer
    if yes_no is False:
        assert "Cai Hongbo" in answer.answer.splitlines()[0]


def test_a_no_from_the_act_of_another_never_names_the_body_the_asked_unit_belongs_to(fresh_store, write):
    text = ("title: Notices\ndate: 2017-03-25\n\n"
            "In January 2017, the People's Bank of China issued a notice on the centralized deposit of customer reserves.\n\n"
            "On January 13, 2017, the General Office of the People's Bank of China issued the notice on the centralized "
            "deposit of customer reserves.\n\n"
            "In August 2017, the Payment and Settlement Department issued notice 209 on direct connections.\n")
    ingest([write("notices.txt", text)], fresh_store)
    answer = ask(fresh_store, "Did the Payment and Settlement Department issue the January 2017 notice on centralized deposit of customer reserves?")
    first = answer.answer.splitlines()[0]
    assert answer.yes_no is False and "General Office of the PBOC" in first and "People's Bank of China as" not in first, first


SIGNINGS = "5月11日，网联与支付宝签署条码支付合作协议。3月31日，网联与财付通签署条码支付合作协议。"


@pytest.mark.parametrize(
    "question, expected",
    [
        # The kind asked comes after 是哪家; the day asked picks the act of that day.
        ("5月11日与网联签署合作协议的是哪家支付机构？", ["alipay"]),
        # 同时宣布签署: no announcement is stored, the signing announced answers.
        ("3月31日与网联同时宣布签署合作协议的是哪家支付机构？", ["tenpay"]),
    ],
)
def test_who_did_the_act_on_the_asked_day_of_the_asked_kind(fresh_store, write, question, expected):
    answer = answer_to(fresh_store, write, f"title: 签约\ndate: 2018-05-12\nlang: zh\n\n{SIGNINGS}\n", question)
    assert answer.answer_type == "entities" and answer.entities == expected, answer.answer


def test_an_office_asked_of_no_named_organisation_lists_who_holds_it_where(fresh_store, write):
    told = "工商登记信息显示，网联清算有限公司的法定代表人为董俊峰。"
    ingest([write("register.txt", f"title: 工商登记\ndate: 2017-08-30\nlang: zh\n\n{told}\n")], fresh_store)
    answer = ask(fresh_store, "Who is the legal representative of the company?")
    assert answer.entities[:2] == ["person:dong_junfeng", "netsunion"], answer.answer
    # No chairman is named: nobody is made one.
    assert ask(fresh_store, "Who is the chairman of the company?").answer_type == "refused"


@pytest.mark.parametrize("batch, named", [
    ("The first batch of access are 4 banks and 3 payment institutions.", None),
    ("The first batch of access are China Construction Bank and 3 payment institutions.", "China Construction Bank"),
])
def test_members_of_a_group_are_named_only_by_a_sentence_telling_what_is_asked_of_them(fresh_store, write, batch, named):
    """ICBC connected, but no sentence puts it in the first batch: naming it would be a guess."""
    told = f"The platform of NetsUnion began its trial run. {batch} In July, ICBC connected to China UnionPay."
    ingest([write("batch.txt", f"title: Batch\ndate: 2017-08-01\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "Which banks are in the first batch of access?")
    first = answer.answer.splitlines()[0]
    assert "Industrial and Commercial" not in first
    assert (answer.answer_type == "refused") if named is None else (named in first), first


@pytest.mark.parametrize("names, linked", [
    ({"Wutongshu Investment Platform Co., Ltd.": "org:wutongshu"}, ["org:wutongshu"]),
    # a first word two names share says neither
    ({"Wutongshu Investment Platform Co., Ltd.": "org:wutongshu", "Wutongshu Capital Group": "org:wutongshu_capital"}, []),
])
def test_a_name_asked_by_its_first_word_is_the_one_entity_it_begins(names, linked):
    question = understand("Did Wutongshu hold 10% of the shares?", names)
    assert [e for e in question.entities if e.startswith("org:")] == linked


@pytest.mark.parametrize("question, shown", [
    ("Who is the legal representative of NetsUnion?", "Dong Junfeng (董俊峰)"),
    ("网联的法定代表人是谁？", "董俊峰"),
])
def test_a_chinese_name_is_given_with_its_english_to_an_english_question(fresh_store, write, question, shown):
    told = "工商登记信息显示，网联清算有限公司董事长由蔡洪波出任，法定代表人为董俊峰。"
    ingest([write("register.txt", f"title: 注册\ndate: 2017-08-30\nlang: zh\n\n{told}")], fresh_store)
    first = ask(fresh_store, question).answer.splitlines()[0]
    assert first.startswith(shown + ":"), first


@pytest.mark.parametrize("day, value", [("1月14日", "2019-01-14"), ("2月15日", "2019-02-15")])
def test_a_when_question_takes_the_date_whose_clause_tells_it(fresh_store, write, day, value):
    """Two deadlines of one notice: the one in the clause telling "100%集中交存" answers."""
    told = f"昨天，央行办公厅下发114号文，要求支付机构自7月9日起按月提高交存比例，并要求到明年{day}实现100%集中交存。"
    ingest([write("notice.txt", f"title: 114号文\ndate: 2018-06-30\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "114号文要求在哪一天实现100%集中交存？")
    assert answer.answer.splitlines()[0].startswith(value), answer.answer


def test_who_asks_of_the_main_verb_not_of_an_act_the_object_names(fresh_store, write):
    """"Who issued the notice on migrating payments to NetsUnion?" asks who issued; the payment
    institutions that migrated are no answer to it."""
    told = ("On June 30, 2018, non-bank payment institutions migrated their online payments to NetsUnion. "
            "The central bank issued a notice in August 2017.")
    ingest([write("story.txt", f"title: Switch\ndate: 2018-07-02\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "Who issued the notice on migrating network payments to NetsUnion?")
    assert "payment_institutions" not in answer.entities, answer.answer
    assert ask(fresh_store, "Who migrated online payments to NetsUnion?").entities[:1] == ["payment_institutions"]


@pytest.mark.parametrize("asked, verdict", [("April 1, 2018", "Yes"), ("March 1, 2018", "No: the sources date it 2018-04-01")])
def test_a_rule_taking_effect_is_confirmed_on_its_day_and_denied_on_another(fresh_store, write, asked, verdict):
    """The rules are what takes effect (a document, no actor), and "take" and "effect" are the
    act's own words: nothing more is asked than the stored act tells."""
    told = "4月1日，《条码支付业务规范（试行）》正式施行。"
    ingest([write("rules.txt", f"title: 条码支付\ndate: 2018-04-03\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"Did the barcode rules take effect on {asked}?")
    assert answer.answer.startswith(verdict), answer.answer


@pytest.mark.parametrize("asked, verdict", [
    ("in 2017", "No: the sources date it 2018-03-31"),
    ("in May 2018", "No: the sources date it 2018-03-31"),
    ("in March 2018", "Yes"),
])  # fmt: skip
def test_an_act_asked_in_a_period_the_sources_date_it_outside_is_a_no_with_its_day(fresh_store, write, asked, verdict):
    told = "On March 31, 2018, NetsUnion and Tenpay signed an agreement on barcode payments."
    ingest([write("signing.txt", f"title: Signing\ndate: 2018-04-02\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"Did Tenpay sign a barcode agreement with NetsUnion {asked}?")
    assert answer.answer.startswith(verdict), answer.answer


def test_a_group_s_entry_does_not_lend_its_sentence_to_members_another_entry_names(fresh_store, write):
    """The batch's entry names only "4 banks"; ICBC's own connection tells nothing of a batch."""
    told = ("The NetsUnion platform began its trial run in March 2017, and the first batch of access are 4 banks "
            "and 3 payment institutions. In July 2017, ICBC connected to NetsUnion.")
    ingest([write("batch.txt", f"title: Batch\ndate: 2017-08-01\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "Which four banks are in the first batch of access?")
    assert answer.answer_type == "refused", answer.answer


def test_a_question_s_trigger_word_counts_whatever_part_of_speech_the_parse_gave_it(fresh_store, write):
    """"When did the central bank fine JD?" parses "fine" as an adjective."""
    told = "The central bank fined JD.com 1 million yuan on June 27, 2018."
    ingest([write("fine.txt", f"title: Fine\ndate: 2018-06-29\n\n{told}")], fresh_store)
    assert ask(fresh_store, "When did the central bank fine JD?").dates == ["2018-06-27"]
    assert ask(fresh_store, "Did the central bank fine Alipay?").yes_no is not True


def test_chinese_what_is_completed_is_the_act_asked_about(fresh_store, write):
    """网联在哪一天完成工商注册? asks of the registration, not of any act completed."""
    told = "2017年8月29日，网联清算有限公司完成工商注册。2018年3月31日，网联与财付通完成首笔交易。"
    ingest([write("zh.txt", f"title: 网联\ndate: 2018-09-14\nlang: zh\n\n{told}")], fresh_store)
    assert ask(fresh_store, "网联清算有限公司在哪一天完成工商注册？").dates == ["2017-08-29"]


@pytest.mark.parametrize("question", [
    "Did the central bank postpone the deadline?",
    "Did the central bank approve the deadline?",
    "央行是否推迟了断直连期限？",
])  # fmt: skip
def test_an_act_on_another_is_not_affirmed_by_its_object(fresh_store, write, question):
    """A deadline set is no deadline postponed: only entries of the act asked may say Yes."""
    text = ("title: Deadline\ndate: 2018-06-20\n\n"
            "The central bank told payment firms in August last year that all online payments must go through "
            "a licensed clearing house by June 30, 2018.\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is not True and not answer.answer.startswith("Yes"), answer.answer


@pytest.mark.parametrize("question", ["Did the central bank postpone the June 30 deadline?", "央行是否推迟了6月30日的最后期限？"])
def test_a_chinese_yes_no_question_naming_a_deadline_is_a_yes_no_about_the_act_asked(fresh_store, write, question):
    """是否 makes a yes/no question though 期限 names a deadline; and 推迟 is asked, not the
    deadline it is about, in whatever order the words come: both languages refuse alike."""
    text = ("title: Deadline\ndate: 2018-06-20\n\n"
            "The central bank told payment firms in August last year that all online payments must go through "
            "a licensed clearing house by June 30, 2018.\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    assert answer.question["shape"] == "yes_no" and answer.answer_type == "refused", answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("财付通是否在6月30日前完成切量？", "Yes"),  # May is before the limit
    ("财付通是否在7月1日后完成切量？", "No"),
    ("Did Tenpay finish the switch-over after July 1?", "No"),
    ("财付通是否在5月10日前完成切量？", None),  # "May" holds days on both sides of May 10: not said
])  # fmt: skip
def test_a_day_asked_as_a_limit_is_answered_by_the_side_the_act_falls_on(fresh_store, write, question, verdict):
    text = "title: 切量\ndate: 2018-06-25\nlang: zh\n\n其中，财付通已于5月底完成全部切量。\n"
    answer = answer_to(fresh_store, write, text, question)
    assert verdict_of(answer) == verdict, answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("Did UnionPay sign a cooperation agreement with Alipay in April?", "No"),  # a month asked without its year
    ("Did UnionPay sign a cooperation agreement with Alipay in September?", "Yes"),
    ("Did Tenpay sign a cooperation agreement with UnionPay?", None),  # another's deal says nothing of Tenpay's
])  # fmt: skip
def test_a_month_asked_without_its_year_and_anothers_act(fresh_store, write, question, verdict):
    text = "title: Deal\ndate: 2018-10-20\n\nUnionPay signed a cooperation agreement with Alipay on September 10, the company said.\n"
    answer = answer_to(fresh_store, write, text, question)
    assert verdict_of(answer) == verdict, answer.answer


@pytest.mark.parametrize("question, affirmed", [
    ("网联的注册资本是30亿元吗？", False),  # the act is stored, the figure asked is not the one told
    ("网联的注册资本是20亿元吗？", True),
    ("Did payment institutions deposit 20 percent of reserves in 2017?", True),
    ("Did payment institutions deposit 50 percent of reserves in 2017?", False),  # 50 is April 2018's
])  # fmt: skip
def test_a_figure_asked_in_a_yes_no_must_be_the_one_the_sources_write_for_that_time(fresh_store, write, question, affirmed):
    text = ("title: 网联\ndate: 2018-06-25\nlang: zh\n\n网联于2017年8月29日完成工商注册，注册资本20亿元。\n")  # fmt: skip
    reserves = ("title: Reserves\ndate: 2018-06-25\n\nPayment institutions made their first deposits on April 17, 2017, "
                "at an average ratio of about 20 percent, and the ratio was raised step by step to about 50 percent by April 2018.\n")  # fmt: skip
    ingest([write("netsunion.txt", text), write("reserves.txt", reserves)], fresh_store)
    answer = ask(fresh_store, question)
    assert (answer.yes_no is True) is affirmed, answer.answer


@pytest.mark.parametrize("question", ["拉卡拉是否已接入网联？", "Has Lakala connected to NetsUnion?"])
def test_a_negation_the_sentence_calls_untrue_and_the_groups_act_say_neither_yes_nor_no(fresh_store, write, question):
    """传出拉卡拉未能接入的消息…报道失实 denies a "not": no "No"; and the whole industry connecting
    is no "Yes" for one of its members."""
    text = ("title: 断直连\ndate: 2018-07-02\nlang: zh\n\n"
            "截至6月30日，支付机构已全部接入网联。市場曾傳出拉卡拉未能如期接入的消息，拉卡拉其後發聲明指有關報道失實。\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no not in (True, False) and not answer.answer.startswith(("Yes", "No")), answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("Did the central bank require payment institutions to connect by October 15?", "Yes"),
    # a limit asked of a requirement asks its deadline, never the day it was set
    ("Did the central bank require payment institutions to connect by May 1?", None),
])  # fmt: skip
def test_a_limit_asked_of_a_requirement_is_its_deadline(fresh_store, write, question, verdict):
    text = ("title: 209\ndate: 2017-09-01\n\n"
            "In August 2017 the central bank required payment institutions to connect to NetsUnion by October 15, 2017.\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    assert verdict_of(answer) == verdict, answer.answer


def test_who_did_an_act_no_source_tells_is_not_whoever_acted_on_the_asked_party(fresh_store, write):
    text = "title: Rule\ndate: 2017-09-01\n\nIn August 2017 the central bank required Lakala to connect to NetsUnion.\n"
    ingest([write("rule.txt", text)], fresh_store)
    assert ask(fresh_store, "Who fined Lakala?").answer_type == "refused"


def test_which_did_an_act_lists_those_who_did_it_and_no_one_a_negation_names(fresh_store, write):
    text = ("title: Denials\ndate: 2018-06-20\n\n"
            "Tenpay connected to NetsUnion in May. Lakala has not yet connected to NetsUnion, according to people familiar with the matter. "
            "Lakala denied that report on Tuesday.\n")  # fmt: skip
    ingest([write("denials.txt", text)], fresh_store)
    assert ask(fresh_store, "Which institutions denied reports?").answer.splitlines()[0] == "Lakala"
    assert "Lakala" not in ask(fresh_store, "Which payment institutions connected to NetsUnion?").answer.splitlines()[0]


def test_a_list_of_names_for_an_act_no_fact_tells_says_so(fresh_store, write):
    text = "title: Banks\ndate: 2018-06-20\n\nBank of China and ICBC were named in the report on payment institutions.\n"
    ingest([write("banks.txt", text)], fresh_store)
    first = ask(fresh_store, "Which banks penalised payment institutions?").answer.splitlines()[0]
    assert first.startswith(("Named in the sources (which of them did it, no stored fact tells)", "The sources")), first


@pytest.mark.parametrize("question, figures", [
    ("网联的注册资本是30亿元吗？", [3e9]),
    ("Did 462 banks connect to NetsUnion?", [462.0]),
    ("Did payment institutions deposit 50% of reserves in 2017?", [50.0]),  # the year is a date, not an amount
    ("From which date does notice No. 114 start raising the ratio?", []),  # a document's number is no amount
    ("114号文规定从哪一天起按月提高比例？", []),
])  # fmt: skip
def test_the_amounts_a_question_asks_are_numbers_with_what_they_count(question, figures):
    assert understand(question, {}).figures == figures


@pytest.mark.parametrize("question, verdict", [
    ("Did CITIC Bank announce on July 31 that it would open a new quick payment interface?", False),
    ("Did CITIC Bank announce on July 31 that it would close its quick payment interface?", True),
])
def test_an_act_told_with_the_contrary_of_the_asked_word_is_a_no(fresh_store, write, question, verdict):
    """The bank's announcement is stored; what it announced (close) is the contrary of what is
    asked (open): never a Yes read off the announcement alone."""
    text = ("title: Interfaces\ndate: 2018-08-01\n\n"
            "On July 31, China CITIC Bank announced that it would close its direct quick payment interface "
            "with third-party payment institutions.\n")  # fmt: skip
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is verdict, answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("Did NetsUnion stop trial operation on March 31, 2017?", None),
    ("Did NetsUnion start trial operation on March 31, 2017?", True),
    ("网联是否于2017年3月31日终止了试运行？", None),
])
def test_the_end_of_an_act_is_never_affirmed_by_the_act(fresh_store, write, question, verdict):
    """The sources tell the trial operation began that day; stopping it is another act."""
    text = "title: NetsUnion\ndate: 2017-04-01\n\nNetsUnion started trial operation on March 31, 2017.\n"
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is verdict, answer.answer


def test_a_chinese_yes_no_question_asks_the_act_it_names_first(fresh_store, write):
    """网联是否删除了与支付宝合作的公告: the deletion is asked, not the announcement it deleted."""
    told = "5月11日，网联与支付宝同时对外宣布开展条码支付业务合作，但网联随后又删除了相关公告。"
    ingest([write("zh.txt", f"title: 网联\ndate: 2018-05-20\nlang: zh\n\n{told}\n")], fresh_store)
    assert ask(fresh_store, "网联是否删除了与支付宝合作的公告？").yes_no is True


def test_another_party_named_in_a_sentence_of_another_time_denies_no_stored_act(fresh_store, write):
    """The signing of September 10, 2018 is stored with both asked parties; a sentence of 2017
    naming other signers of another agreement is no "No" to it."""
    older = ("title: NetsUnion registered, Alipay and Tenpay each hold 9.61%\ndate: 2017-08-31\n\n"
             "At the end of July, 45 institutions signed the clearing agreement that set up NetsUnion.\n")
    newer = "title: Alipay\ndate: 2018-09-14\n\nAlipay began cooperating with China UnionPay on September 10, 2018.\n"
    ingest([write("older.txt", older), write("newer.txt", newer)], fresh_store)
    answer = ask(fresh_store, "Did UnionPay and Alipay sign a clearing agreement on September 10, 2018?")
    assert answer.yes_no is not False, answer.answer


def test_the_act_of_the_asked_day_by_another_is_a_no_though_the_asked_party_acted_on_other_days(fresh_store, write):
    text = ("title: Rules\ndate: 2018-04-02\n\n"
            "On August 4, 2017, the Payment and Settlement Department of the central bank issued a notice on "
            "moving network payments to NetsUnion. On March 1, 2018, UnionPay issued a notice on barcode fees.\n")  # fmt: skip
    ingest([write("rules.txt", text)], fresh_store)
    answer = ask(fresh_store, "Was the August 4, 2017 notice issued by UnionPay?")
    assert answer.yes_no is False and "Payment and Settlement Department" in answer.answer.split("\n")[0], answer.answer


def test_a_denial_asked_is_affirmed_by_the_denial_whatever_it_calls_untrue(fresh_store, write):
    """"not true" is what UnionPay's denial says: no contrary of "deny"."""
    text = ("title: Alipay\ndate: 2018-04-28\n\n"
            "On April 27 it was reported that Alipay had connected to UnionPay. "
            "That evening UnionPay issued a statement saying the report was not true.\n")  # fmt: skip
    ingest([write("deny.txt", text)], fresh_store)
    assert ask(fresh_store, "Did UnionPay deny the report?").yes_no is True


def test_the_words_of_a_date_ask_no_end_of_an_act(fresh_store, write):
    """"at the end of March 2017": a date, not the end of the trial operation."""
    text = "title: NetsUnion\ndate: 2017-04-01\n\nNetsUnion started trial operation on March 31, 2017.\n"
    ingest([write("trial.txt", text)], fresh_store)
    assert ask(fresh_store, "Did NetsUnion start trial operation at the end of March 2017?").yes_no is True


def test_a_chinese_word_for_the_act_its_chinese_sources_never_write_is_not_affirmed(fresh_store, write):
    """试运行 is asked; the stored launch of that day is the cooperation going live."""
    told = "2018年3月31日，网联与财付通签署条码支付业务合作协议，并于4月1日正式上线。"
    ingest([write("zh.txt", f"title: 网联\ndate: 2018-04-02\nlang: zh\n\n{told}\n")], fresh_store)
    assert ask(fresh_store, "网联是否于2018年4月1日试运行？").yes_no is not True
    assert ask(fresh_store, "网联是否于2018年4月1日上线？").yes_no is True


@pytest.mark.parametrize("question, verdict", [
    ("银联是否在4月27日晚发布声明否认支付宝接入？", True),
    ("Did UnionPay deny Alipay's access?", True),
    # the sentence, read in English words too (access: 接入), names Alipay where Tenpay is asked
    ("Did UnionPay deny Tenpay's access?", False),
])
def test_a_denial_whose_object_the_store_did_not_link_answers_when_its_sentence_names_the_rest(fresh_store, write, question, verdict):
    """UnionPay's denial has no stored target; its sentence names Alipay (and not Tenpay)."""
    told = "4月27日，有媒体报道称支付宝已接入银联，但银联当晚发布声明，间接否认了这一说法。"
    answer = answer_to(fresh_store, write, f"title: 银联\ndate: 2018-05-20\nlang: zh\n\n{told}\n", question)
    assert answer.yes_no is verdict, answer.answer


def test_a_signing_asked_as_a_noun_is_the_signing(fresh_store, write):
    text = "title: Alipay\ndate: 2018-09-14\n\nAlipay and China UnionPay signed a clearing agreement on September 10, 2018.\n"
    ingest([write("alipay.txt", text)], fresh_store)
    answer = ask(fresh_store, "On what day did Alipay and UnionPay hold their internal signing ceremony?")
    assert answer.dates[:1] == ["2018-09-10"], answer.answer


def test_when_asked_of_a_figure_no_act_of_another_figure_answers(fresh_store, write):
    text = ("title: Reserves\ndate: 2017-04-20\nlang: en\n\n"
            "On April 17, 2017, payment institutions made their first deposit of client reserves, at a ratio of about 20%.\n")
    answer = answer_to(fresh_store, write, text, "When did payment institutions deposit 100% of client reserves?")
    assert "2017-04-17" not in answer.answer, answer.answer
    # the figure the sentence writes still answers
    assert answer_to(fresh_store, write, text, "When did payment institutions deposit 20% of client reserves?").answer.startswith("2017-04-17")


@pytest.mark.parametrize("question, verdict", [
    # wholly before the limit: the act as told
    ("Did Alipay sign with UnionPay before October 2018?", "Reported, not confirmed"),
    # inside the month asked as a limit: before it or by it, the words allow both
    ("Did Alipay sign with UnionPay before September 2018?", "The sources do not say so"),
    ("Did Alipay sign with UnionPay after September 2018?", "The sources do not say so"),
])
def test_an_act_inside_a_month_asked_as_a_limit_is_neither_yes_nor_no(fresh_store, write, question, verdict):
    text = ("title: Deal\ndate: 2018-09-14\nlang: en\n\n"
            "Alipay signed an agreement with China UnionPay on September 10, people familiar with the matter said.\n")
    assert answer_to(fresh_store, write, text, question).answer.startswith(verdict)


def test_a_short_word_of_a_synonym_group_matches_only_its_inflections():
    from pipeline.views.questions.sentences import _same

    # "ban" (a prohibition) is "bans" and "banned", never "banks"
    assert _same("banned", "ban") and _same("bans", "ban") and not _same("banks", "ban")


def test_an_english_question_of_two_acts_is_answered_by_its_verb_s_act_told_in_chinese(fresh_store, write):
    text = ("title: 条码支付\ndate: 2018-04-02\nlang: zh\n\n"
            "4月1日，財付通旗下微信支付與中國銀聯的條碼支付合作正式上線。\n")
    answer = answer_to(fresh_store, write, text, "Did WeChat Pay's barcode cooperation with UnionPay go live on April 1, 2018?")
    assert answer.answer.startswith("Yes. 2018-04-01") and "launched" in answer.answer, answer.answer


def test_a_statement_about_another_act_does_not_answer_for_the_asked_one(fresh_store, write):
    text = ("title: 网联\ndate: 2018-06-25\nlang: zh\n\n"
            "3月31日，网联宣布已与财付通签署条码支付业务合作协议。5月11日，网联随后又删除了相关公告。\n\n"
            "有消息指，部分支付机构或需申请延期，但网联回应称，大限不会推迟。\n")
    answer = answer_to(fresh_store, write, text, "网联是否宣布大限将推迟？").answer
    assert not answer.startswith("Yes") and "财付通" not in answer.split("\n")[0], answer


def test_what_is_completed_is_the_act_asked_of(fresh_store, write):
    text = ("title: Reserves\ndate: 2019-01-15\nlang: en\n\n"
            "On March 31, 2018, NetsUnion completed its first barcode transaction with Tenpay.\n")
    answer = answer_to(fresh_store, write, text, "Did payment institutions complete 100% deposit in 2018?").answer
    assert "NetsUnion" not in answer.split("\n")[0], answer


def test_a_plural_noun_whose_lemma_is_no_stem_of_it_is_looked_for_as_written(fresh_store, write):
    """"media" is lemmatised "medium", which no sentence writes: the question's own form is read."""
    text = ("title: Lakala\ndate: 2018-07-03\n\n"
            "On Thursday Lakala denied a media report that it had failed to connect to NetsUnion on time.\n")
    answer = answer_to(fresh_store, write, text, "Did Lakala deny the media report?")
    assert answer.answer.startswith("Yes"), answer.answer


def test_who_did_an_act_of_one_party_alone_is_never_that_party(fresh_store, write):
    text = "title: NetsUnion\ndate: 2018-07-03\n\nNetsUnion launched its trial run on March 31, 2017.\n"
    answer = answer_to(fresh_store, write, text, "Who launched NetsUnion?")
    assert not answer.answer.startswith("NetsUnion"), answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("Did NetsUnion say 462 banks had connected?", True),
    ("Did NetsUnion say 500 banks had connected?", None),  # not the figure it gave
    ("Did UnionPay say 462 banks had connected?", False),  # another speaker
])
def test_what_a_body_says_of_others_acts_is_its_saying(fresh_store, write, question, verdict):
    """A body speaking for itself tells its facts and no statement of its own is stored: the
    sentence naming it before "said" is where its saying is read."""
    text = "title: NetsUnion\ndate: 2018-07-03\n\nNetsUnion said on Monday that 462 banks had connected to its platform by June 30.\n"
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is verdict, answer.answer


def test_by_what_date_asks_the_limit_written_as_an_end(fresh_store, write):
    """"from July 9 …, so that all reserves are deposited by Jan 14, 2019": two limits of one
    requirement; "By what date" asks the end one."""
    text = ("title: Reserves\ndate: 2018-07-02\n\nOn Friday, the General Office of the PBOC issued a notice requiring payment "
            "institutions to raise the share of client reserve funds they deposit centrally step by step each month from "
            "July 9, so that all reserves are deposited by Jan 14, 2019.\n")
    answer = answer_to(fresh_store, write, text, "By what date must payment institutions deposit all of their client reserves centrally?")
    assert answer.answer.startswith("2019-01-14"), answer.answer


def test_the_first_asked_is_not_answered_by_parties_whose_own_sentences_tell_no_first(fresh_store, write):
    """An answer listing banks from a later act, shown after the groups' acts (one of which tells a
    first batch): the banks' own sentences tell no first, so the list is no answer to "the first"."""
    from pipeline.views.questions.answer import Knowledge
    from pipeline.views.questions.model import Answer

    text = ("title: NetsUnion\ndate: 2018-04-20\n\nOn March 31, 2017 banks connected to NetsUnion, a first batch of four banks "
            "and three payment institutions.\n\nAs of April 1, 2018, China Merchants Bank and Bank of China had connected to "
            "UnionPay's barcode platform.\n")
    ingest([write("batch.txt", text)], fresh_store)
    knowledge = Knowledge(fresh_store)
    question = understand("Which banks will be the first to connect to the platform?", knowledge.known_names)
    groups = [e for e in knowledge.entries if e.type == "connect" and "cmb" not in e.actor_ids]
    shown = Answer("China Merchants Bank, Bank of China", "entities", 0.8, [dict(s) for s in groups[0].sources],
                   events=[groups[0].id], entities=["cmb", "bank_of_china"])
    assert knowledge._unless_a_sentence_tells_more(question, shown) is None


def test_a_clearing_agreement_asked_is_the_signing_machine_translation_tells_as_liquidation(fresh_store, write):
    """An agreement is what a signing makes; 清算 is "liquidation" in machine translation."""
    text = ("title: Alipay\ndate: 2018-09-12\n\nOn September 10, Pay treasure and China Silver Union completed the internal "
            "signing, the two sides will carry out the liquidation cooperation in the fields of bar code payment.\n")
    answer = answer_to(fresh_store, write, text, "Did Alipay sign a clearing agreement with UnionPay in September 2018?")
    assert answer.answer.startswith("Yes. 2018-09-10"), answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("Did the ratio reach 50% in April 2018?", True),
    ("Did the ratio reach 50% in March 2018?", None),  # another month's figure
    ("Did the ratio reach 60% in April 2018?", None),  # another amount
    ("Did the share of transactions reach 50% in April 2018?", None),  # the figure's sentence tells no transactions
])
def test_a_yes_no_asked_of_a_figure_is_the_stored_figure_of_that_time(fresh_store, write, question, verdict):
    text = ("title: Reserves\ndate: 2018-07-02\n\nFrom January this year the proportion was raised by 10 percentage points "
            "each month, and reached about 50% in April.\n")
    answer = answer_to(fresh_store, write, text, question)
    assert answer.yes_no is verdict, answer.answer


def test_a_unit_named_with_its_organisation_is_the_one_asked_to_have_acted(fresh_store, write):
    """"the PBOC's Payment and Settlement Department": the department is asked to have acted, the
    bank only says whose it is; an act of the bank itself is not another party's."""
    text = ("title: Platform\ndate: 2017-09-01\n\n"
            "In April 2016 the Payment and Clearing Association of China approved the People's Bank of China's plan for a clearing platform.\n\n"
            "On August 4, 2017, the Payment and Settlement Department of the People's Bank of China issued Document 209.\n\n"
            "In January 2017 the People's Bank of China issued a notice on client reserves.\n")  # fmt: skip
    ingest([write("platform.txt", text)], fresh_store)
    by_the_bank = ask(fresh_store, "Did the PBOC's Payment and Settlement Department issue a notice on client reserves in January 2017?")
    assert by_the_bank.yes_no is not False, by_the_bank.answer  # (the bank's act may be its department's)
    approved = ask(fresh_store, "Did the PBOC's Payment and Settlement Department approve the platform plan in April 2016?")
    assert approved.yes_no is False and "Payment and Clearing Association of China" in approved.answer, approved.answer
    issued = ask(fresh_store, "Did the PBOC's Payment and Settlement Department issue Document 209?")
    assert issued.yes_no is True, issued.answer
    assert understand("Did the PBOC's Payment and Settlement Department issue Document 209?", knowledge_names(fresh_store)).actor == "pboc_payment_dept"


def test_the_organisation_of_the_unit_asked_is_no_party_the_other_doer_must_share(fresh_store, write):
    """Asked of "the PBOC's Payment and Settlement Department", an act of that month by another
    body that names no PBOC is still the No: the PBOC was only whose unit was asked."""
    text = ("title: Platform\ndate: 2016-11-01\n\n"
            "In April 2016 the Payment and Clearing Association of China approved the proposal for a clearing platform.\n\n"
            "On October 20, 2016 the People's Bank of China approved the preparatory establishment of the platform.\n")  # fmt: skip
    approved = answer_to(fresh_store, write, text, "Did the PBOC's Payment and Settlement Department approve the platform proposal in April 2016?")
    assert approved.yes_no is False and "Payment and Clearing Association of China" in approved.answer, approved.answer


@pytest.mark.parametrize("question", [
    "Had Alipay announced a barcode arrangement with NetsUnion or UnionPay?",
    "Had Alipay announced a barcode arrangement with either NetsUnion or UnionPay?",
])
def test_parties_asked_as_alternatives_need_only_one_of_them_in_the_act(fresh_store, write, question):
    """"with NetsUnion or UnionPay": the act with either answers; a statement a company did not
    issue is no rule it issued, and its denial is the No."""
    text = ("title: Barcodes\ndate: 2018-04-02\n\n"
            "In August last year, the central bank's Payment and Settlement Department issued a notice on NetsUnion.\n\n"
            "Neither Alipay nor UnionPay had issued a public statement on the agreement at the time of writing.\n")
    answer = answer_to(fresh_store, write, text, question)
    assert not [e for e in build_entries(fresh_store) if e.type == "issue" and "alipay" in e.actor_ids]
    assert answer.answer.startswith("No") and answer.yes_no in (False, "denied") and "Alipay" in answer.answer, answer.answer


def test_an_act_dated_to_another_month_than_the_asked_day_is_a_no_with_that_month(fresh_store, write):
    text = ("title: Barcodes\ndate: 2018-01-05\n\n"
            "In December 2017 the People's Bank of China issued the Bar Code Payment Business Standards (Trial).\n")  # fmt: skip
    ingest([write("barcodes.txt", text)], fresh_store)
    other_year = ask(fresh_store, "Did the PBOC issue the Bar Code Payment Business Standards on December 25, 2016?")
    assert other_year.yes_no is False and "December 2017" in other_year.answer, other_year.answer
    # a day of the month the sources give: they do not tell which day it was
    assert ask(fresh_store, "Did the PBOC issue the Bar Code Payment Business Standards on December 25, 2017?").yes_no is not False


def test_an_undated_retelling_of_a_dated_act_leaves_the_asked_month_wrong(fresh_store, write):
    """Of two dated launches, an undated page's retelling with the same parties is one of them
    (which, it does not say): no launch of another time is left that could be in the asked month."""
    dated = ("title: Launch\ndate: 2018-04-02\n\nOn March 31, 2017, NetsUnion began its trial run with Tenpay.\n\n"
             "On March 31, 2018, NetsUnion launched barcode payments with Tenpay.\n")
    undated = "title: Platform\n\nNetsUnion launched barcode payments with Tenpay, the platform said.\n"
    ingest([write("dated.txt", dated), write("undated.txt", undated)], fresh_store)
    answer = ask(fresh_store, "Did NetsUnion launch barcode payments with Tenpay in May 2016?")
    assert answer.yes_no is False and "2018-03-31" in answer.answer, answer.answer


def test_an_undated_report_of_a_documents_issue_is_answered_by_its_dated_report(fresh_store, write):
    """A document is issued once: an undated page's report of the issue, whatever parties it
    names, is the issue the dated page tells, and a question of another year is a No."""
    guideline = "Operating Guidelines for Payment Institutions Depositing Part of Client Reserve Funds with the PBOC"
    dated = f"title: Guidelines\ndate: 2017-03-30\n\nOn March 23, 2017, the People's Bank of China issued the {guideline}.\n"
    undated = f"title: Reserves\n\nThe People's Bank of China issued the {guideline} to payment institutions.\n"
    ingest([write("undated.txt", undated)], fresh_store)  # (read first, its report stays an entry of its own)
    ingest([write("dated.txt", dated)], fresh_store)
    answer = ask(fresh_store, f"Did the People's Bank of China issue the {guideline} in March 2016?")
    assert answer.yes_no is False and "2017-03-23" in answer.answer, answer.answer


def test_an_undated_report_naming_some_of_an_acts_parties_retells_it(fresh_store, write):
    """The undated report tells more of the question's words and ranks first: it stands for the
    dated deal (its parties are some of that deal's), whose day answers."""
    undated = "title: Clearing\n\nAlipay and UnionPay have signed a clearing agreement and will work together on barcode payments.\n"
    dated = "title: Clearing\ndate: 2018-09-14\n\nOn September 10, 2018, Alipay and UnionPay signed a deal with NetsUnion.\n"
    ingest([write("undated.txt", undated)], fresh_store)  # (read first, its report stays an entry of its own)
    ingest([write("dated.txt", dated)], fresh_store)
    answer = ask(fresh_store, "Did Alipay sign a clearing agreement with UnionPay on September 10, 2017?")
    assert answer.yes_no is False and "2018-09-10" in answer.answer, answer.answer


def test_an_answer_in_chinese_quotes_an_english_source_as_written(fresh_store, write):
    told = "In August 2017, the People's Bank of China told payment institutions to route payments through NetsUnion."
    ingest([write("route.txt", f"title: Routing\ndate: 2017-09-01\n\n{told}\n")], fresh_store)
    from pipeline.views.questions import knowledge

    answer = f"The People's Bank of China told them; a sentence that bears on it: {told}"
    chinese = knowledge(fresh_store).in_chinese(answer, quoted=[told])
    assert chinese.startswith("The 中国人民银行 told them") and chinese.endswith(told), chinese


@pytest.mark.parametrize("question, yes", [("网联是否于2017年3月31日上线？", True), ("Did NetsUnion launch on March 31, 2017?", True),
                                           # a word narrower than the type's own: another launch may be meant
                                           ("网联是否于2017年3月31日完成首笔交易？", None)])
def test_the_type_s_own_chinese_word_asks_no_more_than_the_type(fresh_store, write, question, yes):
    told = "2017年3月31日，网联平台启动试运行，首批接入4家银行。"
    ingest([write("trial.txt", f"title: 网联\ndate: 2017-04-05\nlang: zh\n\n{told}\n")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.yes_no is yes, answer.answer


def test_a_switch_over_asked_in_the_words_of_moving_traffic_is_read_as_one():
    question = understand("Did payment institutions move their traffic to NetsUnion on July 1, 2017?", {})
    assert question.types == ["switch_traffic"], question.types


def test_a_chinese_answer_names_every_factuality_of_a_conflict_in_chinese():
    from pipeline.views.questions.answer import _in_phrases
    from pipeline.views.questions.understand import grammar

    said = _in_phrases(" — conflicting: sources differ: asserted, reported, planned, speculative, denied, retracted",
                       grammar().chinese_phrases)
    assert said == "——来源有出入：各来源说法不一：确认, 据报道, 计划, 推测, 已被否认, 已撤回", said


def test_a_document_described_by_its_title_is_the_one_whose_title_holds_least_else(fresh_store, write):
    told = ("On January 13, 2017, the PBOC General Office issued the Notice on the Centralised Deposit of Client Reserve "
            "Funds of Payment Institutions. On June 29, 2018, the PBOC General Office issued the Notice on Matters "
            "Relating to the Full Centralised Deposit of Client Reserve Funds of Payment Institutions (Yinbanfa [2018] No. 114).")
    # the later notice told again in words closer to the question's than its title
    again = ("The PBOC General Office issued Yinbanfa [2018] No. 114 on June 29, 2018: the centralized deposit of "
             "customer reserves rises each month to 100 percent.")
    ingest([write("second.txt", f"title: Reserves\ndate: 2018-07-03\n\n{again}\n")], fresh_store)
    answer = answer_to(fresh_store, write, f"title: Notices\ndate: 2018-07-02\n\n{told}\n",
                       "When did the PBOC General Office issue the notice on the centralized deposit of customer reserves?")
    assert answer.dates[:1] == ["2017-01-13"], answer.answer
    # named by its fuller title, the other one
    full = ask(fresh_store, "When did the PBOC General Office issue the notice on the full centralized deposit of reserves?")
    assert full.dates[:1] == ["2018-06-29"], full.answer


@pytest.mark.parametrize("question", [
    # another kind than the title's: reporters call a letter a notice
    "What date does the notice on channel access to the clearing platform carry?",
    "What date does the letter on channel access bear?",
])
def test_the_date_a_document_bears_is_the_day_it_was_issued(fresh_store, write, question):
    # (a connection and another notice beside it: neither is what the question describes)
    told = ("On March 20, 2018, NetsUnion issued the Letter on Channel Access to the Online Payment Clearing Platform for "
            "Non-bank Payment Institutions (Wanglianhan [2018] No. 42). By June 30, 2018, 462 banks and Alipay had "
            "connected to NetsUnion.\n\nThe central bank issued a notice on January 13, 2017.")
    answer = answer_to(fresh_store, write, f"title: Channels\ndate: 2018-07-02\n\n{told}\n", question)
    assert answer.dates[:1] == ["2018-03-20"], answer.answer


def test_figures_written_in_chinese_numerals_are_counted(fresh_store, write):
    # Hong Kong papers write numbers in characters: 逾四百家, 二十億元
    told = "網聯昨日表示，目前已有逾四百家銀行接入網聯平台。網聯於去年八月完成工商註冊，註冊資本二十億元人民幣。"
    answer = answer_to(fresh_store, write, f"title: 網聯\ndate: 2018-06-30\nlang: zh\n\n{told}\n", "目前有多少家银行接入网联？")
    assert answer.answer.startswith("400"), answer.answer
    capital = ask(fresh_store, "网联的注册资本是多少元？")
    assert capital.answer.startswith("2 billion (二十億元)"), capital.answer


def test_two_or_three_in_characters_is_no_figure():
    from pipeline.views.figures import numbers_in

    # 两三家, 四五家: "two or three", "four or five"; 第十: an ordinal
    assert numbers_in("逾四百家 二十亿元 两三家 四五家 第十家 十家") == [400.0, 2e9, 10.0]


@pytest.mark.parametrize("question, no", [
    ("Does Wutongshu hold the largest stake in NetsUnion?", True),
    ("Does Alipay hold the largest stake in NetsUnion?", True),
    # the asked party holds it there: never a "No"
    ("Is the China National Clearing Center the largest shareholder of NetsUnion?", False),
])
def test_a_role_one_party_alone_holds_given_another_is_a_no(fresh_store, write, question, no):
    told = ("NetsUnion has 45 shareholders; the largest shareholder is the China National Clearing Center, with 12 percent; "
            "the second is Wutongshu Investment Platform, with 10 percent; Alipay and Tenpay hold 9.61 percent each.")
    answer = answer_to(fresh_store, write, f"title: Shareholders\ndate: 2017-08-31\n\n{told}\n", question)
    assert answer.answer.startswith("No") == no, answer.answer
    assert not answer.answer.startswith("Yes"), answer.answer
