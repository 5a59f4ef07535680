"""The English temporal tagger: what it finds and the TIMEX3 value it gives, anchored to the
document date (DCT) and to the narrative. Every example sentence is our own."""

from __future__ import annotations

import importlib.util
import json

import pytest

from pipeline.extract.time import tag

DCT = "2018-09-13"  # a Thursday, ISO week 37


def values(text: str, dct: str | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct, "en")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # absolute dates at their own granularity
        ("The rule took effect on April 1, 2018.", [("April 1, 2018", "2018-04-01")]),
        ("It was announced on 30 June 2018.", [("30 June 2018", "2018-06-30")]),
        ("The notice came in August 2017.", [("August 2017", "2017-08")]),
        ("Sales doubled in 2016.", [("2016", "2016")]),
        ("Filed on 2018-05-02 with the regulator.", [("2018-05-02", "2018-05-02")]),
        ("Growth slowed in the third quarter of 2017.", [("the third quarter of 2017", "2017-Q3")]),
        ("Profits rose in the first half of 2018.", [("the first half of 2018", "2018-H1")]),
        ("Cash ruled in the 1990s.", [("the 1990s", "199")]),
        ("The winter of 2017 was hard for lenders.", [("The winter of 2017", "2017-WI")]),
        ("Payments changed in the 20th century.", [("the 20th century", "19")]),
        # partial dates take their year from the DCT and the tense
        ("In April 27th, the bank said it had joined.", [("April 27th", "2018-04-27")]),
        ("In May 11th the platform denied it.", [("May 11th", "2018-05-11")]),
        ("Rules were issued in December.", [("December", "2017-12")]),
        ("The platform will launch in December.", [("December", "2018-12")]),
        ("As early as April this year, the test began.", [("April this year", "2018-04")]),
        ("It happened in March last year.", [("March last year", "2017-03")]),
        # relative to the DCT
        ("Officials spoke today.", [("today", "2018-09-13")]),
        ("The bank confirmed it yesterday.", [("yesterday", "2018-09-12")]),
        ("The rules change tomorrow.", [("tomorrow", "2018-09-14")]),
        ("Volumes fell last year.", [("last year", "2017")]),
        ("The deadline is next year.", [("next year", "2019")]),
        ("The regulator met last week.", [("last week", "2018-W36")]),
        ("Talks continue this week.", [("this week", "2018-W37")]),
        ("It was approved last month.", [("last month", "2018-08")]),
        ("The fee starts next month.", [("next month", "2018-10")]),
        ("The bank said on Tuesday it would comply.", [("Tuesday", "2018-09-11")]),
        ("The test will run on Monday.", [("Monday", "2018-09-17")]),
        ("It signed the deal last Friday.", [("last Friday", "2018-09-07")]),
        ("Two years ago the plan was drafted.", [("Two years ago", "2016")]),
        ("Three months ago it was tested.", [("Three months ago", "2018-06")]),
        ("The platform failed last night.", [("last night", "2018-09-12TNI")]),
        ("The system was upgraded this morning.", [("this morning", "2018-09-13TMO")]),
        # anaphora: the last date of the narrative, not the DCT
        ("In August 2017 the bank wrote; in December of the same year it ruled.",
         [("August 2017", "2017-08"), ("December of the same year", "2017-12")]),
        ("In April 27th it joined. On the evening of the same day, the union denied it.",
         [("April 27th", "2018-04-27"), ("the evening of the same day", "2018-04-27TEV")]),
        # the day a rule took effect is its start day, not the narrative's date
        ("On May 2, 2017 the bank issued rules to apply from June 1, 2017. On the same day that the rules were implemented, "
         "Tenpay joined.", [("May 2, 2017", "2017-05-02"), ("June 1, 2017", "2017-06-01"), ("the same day", "2017-06-01")]),
        ("On May 2, 2017 the bank issued rules to apply from June 1, 2017. On the same day, Tenpay joined.",
         [("May 2, 2017", "2017-05-02"), ("June 1, 2017", "2017-06-01"), ("the same day", "2017-05-02")]),
        ("The law passed in 2015, and the following year it was tested.",
         [("2015", "2015"), ("the following year", "2016")]),
        ("The vote was on March 3, 2016; the next day prices fell.",
         [("March 3, 2016", "2016-03-03"), ("the next day", "2016-03-04")]),
        ("Revenue rose in the second quarter of 2017; a year earlier it fell.",
         [("the second quarter of 2017", "2017-Q2"), ("a year earlier", "2016-Q2")]),
        # deadlines do not move the narrative: "the same year" is 2017, not 2018
        ("In August 2017 the bank asked that from 30 June 2018 all payments move; "
         "in December of the same year it issued rules.",
         [("August 2017", "2017-08"), ("30 June 2018", "2018-06-30"), ("December of the same year", "2017-12")]),
        # fuzzy positions keep the period's value and carry a modifier
        ("Prices peaked in early April.", [("early April", "2018-04")]),
        ("The merger closes in mid-2019.", [("mid-2019", "2019")]),
        ("Reserves are due by the end of the month.", [("the end of the month", "2018-09")]),
        ("The policy was drafted in late 2016.", [("late 2016", "2016")]),
        # durations
        ("The test lasted two years.", [("two years", "P2Y")]),
        ("Clearing takes 24 hours.", [("24 hours", "PT24H")]),
        ("The review took three months.", [("three months", "P3M")]),
        ("It hit a five year low.", [("five year", "P5Y")]),
        ("Shares gained over the past two weeks.", [("the past two weeks", "P2W")]),
        ("They waited for several years.", [("several years", "PXY")]),
        ("The pilot ran for a year and a half.", [("a year and a half", "P1Y6M")]),
        ("It took nearly forty minutes.", [("nearly forty minutes", "PT40M")]),
        # sets and references
        ("Balances are reported daily.", [("daily", "P1D")]),
        ("The board meets every month.", [("every month", "P1M")]),
        ("Fees are now higher.", [("now", "PRESENT_REF")]),
        ("The bank recently changed its rules.", [("recently", "PAST_REF")]),
        ("More rules will come in the future.", [("the future", "FUTURE_REF")]),
        # times
        ("The market closed at 3 p.m. on Friday.", [("3 p.m. on Friday", "2018-09-07T15:00")]),
        ("Trading resumed at 10:30 a.m.", [("10:30 a.m.", "2018-09-13T10:30")]),
        # ranges and rough counts keep their whole extent; the lower count is the value
        ("The review took two to three weeks.", [("two to three weeks", "P2W")]),
        ("It could take a year or two.", [("a year or two", "P1Y")]),
        ("It has run for at least 30 days.", [("at least 30 days", "P30D")]),
        ("It fell for eight trading days.", [("eight trading days", "P8D")]),
        ("The project took almost a hundred years.", [("almost a hundred years", "P100Y")]),
        ("It made a profit after several quarters of losses.", [("several quarters", "PXQ")]),
        # "earlier"/"later" belong to a relative date, not to a weekday
        ("Rates rose earlier this year.", [("earlier this year", "2018")]),
        ("The firm will report later this month.", [("later this month", "2018-09")]),
        ("Earlier Friday the shares fell.", [("Friday", "2018-09-07")]),
        # a hyphenated quarter is an adjective: "the" stays out
        ("Shares fell after the third-quarter loss.", [("third-quarter", "2018-Q3")]),
        # weeks, weekends, parts of days
        ("Hearings were held the week of March 6.", [("the week of March 6", "2018-W10")]),
        ("It rained this past weekend.", [("this past weekend", "2018-W36-WE")]),
        ("Flights leave on Tuesday nights.", [("Tuesday nights", "XXXX-WXX-2TNI")]),
        ("The blast came at 4 in the morning.", [("4 in the morning", "2018-09-13T04:00")]),
        ("The firm grew in recent years.", [("recent years", "PAST_REF")]),
        # "the day before <event>" is placed by the event, not by the narrative
        ("It was seen on Nov. 3, the day before police arrived.", [("Nov. 3", "2017-11-03")]),
        # a year named earlier in the sentence does not override the tense
        ("Talks began in July 2017 and the deal will be signed on March 12.",
         [("July 2017", "2017-07"), ("March 12", "2019-03-12")]),
        # one reading per text: a month named again keeps the year it was given
        ("The three will join in April. A summit is held in April.", [("April", "2019-04"), ("April", "2019-04")]),
        # not dates
        ("You may pay by card.", []),
        ("She ran the March of Dimes campaign.", []),
        ("Protesters march on the bank.", []),
        ("The 21st Century Business Herald reported it.", []),
        # lunar holidays named after a season are no season
        ("Spending rose before the Spring Festival holiday.", []),
        ("Sales peak around the Mid-Autumn Festival.", []),
        ("Spending rose in the spring.", [("the spring", "2018-SP")]),
        # a translation's 2017年1月13日 and 同年4月17日, word for word
        ("Review this process, 2017 year January 13 day, the bank issued it. Same year April 17, it began.",
         [("2017 year January 13 day", "2017-01-13"), ("Same year April 17", "2017-04-17")]),
        ("In 2016 year 9 month 30 number the count was done.", [("2016 year 9 month 30 number", "2016-09-30")]),
        ("By 2017 year 8 months the rules were out.", [("2017 year 8 months", "2017-08")]),
        # days counted from the story's day move it on: the next day is the day after those three
        ("On June 28 Alipay finished. Three days later, JD finished. The next day, Lakala finished.",
         [("June 28", "2018-06-28"), ("Three days later", "2018-07-01"), ("The next day", "2018-07-02")]),
    ],
)
def test_time_en_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        # holidays: fixed days, nth weekdays counted from a day, and feasts counted from Easter
        ("Voters go to the polls on Election Day.", "1998-10-26", [("Election Day", "1998-11-03")]),
        ("Shops will close on Good Friday.", "2013-03-20", [("Good Friday", "2013-03-29")]),
        ("Crowds gathered as Easter week began.", "2000-04-17", [("Easter week", "2000-W16")]),
        ("He was rescued last Thanksgiving.", "2000-02-10", [("last Thanksgiving", "1999-11-25")]),
        ("Markets were shut on New Year’s Day.", "2013-01-05", [("New Year’s Day", "2013-01-01")]),
        # a preposition right before a bare month decides its side of the DCT
        ("The bank had extended the loan until January.", "1989-10-30", [("January", "1990-01")]),
        ("It must repay the debt by February.", "1989-10-30", [("February", "1990-02")]),
        # ...but a state found by then is one passed: "there were" as "had connected"
        ("By June 30, there were 462 banks on the platform.", "2018-07-05", [("June 30", "2018-06-30")]),
        ("By June 30, there will be 462 banks on the platform.", "2018-07-05", [("June 30", "2019-06-30")]),
        ("The dividend is payable Jan. 3.", "1989-11-01", [("Jan. 3", "1990-01-03")]),
        ("Prices have risen since September.", "1990-02-10", [("September", "1989-09")]),
        # "year-end" is a December 31, on the side the preposition says
        ("It expects to close the deal by year-end.", "1989-11-02", [("year-end", "1989-12-31")]),
        ("The index is up 8% since year-end.", "1989-10-30", [("year-end", "1988-12-31")]),
        # "the day before" a written date is counted from that date
        ("The day before last Tuesday's hearing, talks failed.", "2000-02-24",
         [("The day before last Tuesday", "2000-02-21")]),
        # "in the past" is a vague past time, as "the past" alone
        ("Such bids have failed in the past.", "1998-03-03", [("the past", "PAST_REF")]),
        # halves and fiscal years written as codes
        ("Sales fell in H1 2013.", "2013-09-01", [("H1 2013", "2013-H1")]),
        ("The budget for FY2014 was cut.", "2013-09-01", [("FY2014", "2014")]),
        # a count never starts inside a range of years ("2013-14" is not 14 of anything)
        ("The 2013-14 fiscal year budget passed.", "2013-09-01", [("2013", "2013")]),
        ("It took one-and-a-half years.", "2013-09-01", [("one-and-a-half years", "P1Y6M")]),
    ],
)
def test_time_en_rule_classes(text, dct, expected):
    assert values(text, dct) == expected


def test_time_en_offsets_index_the_text():
    text = "Rules were issued in August 2017 and again on April 1, 2018."
    for t in tag(text, DCT):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "written, value",
    [("April 1, 2018", "2018-04-01"), ("April 2, 2018", "2018-04-02"), ("May 1, 2017", "2017-05-01"),
     ("June 2016", "2016-06"), ("2015", "2015")],
)
def test_time_en_changing_the_date_changes_the_value(written, value):
    text = f"The rule took effect on {written}; the same year, banks complied."
    found = tag(text, DCT)
    assert found[0].value == value
    assert found[1].value == value[:4]  # "the same year" follows the date written


@pytest.mark.parametrize(
    "dct, text, value",
    [
        (None, "In April 27th the bank joined.", "XXXX-04-27"),
        (None, "Volumes fell last year.", "XXXX"),
        (None, "It joined in August 2017.", "2017-08"),
        ("2018-09", "The bank confirmed it yesterday.", "2018-09-XX"),
        ("2018-09", "Volumes fell last year.", "2017"),
    ],
)
def test_time_en_degrades_without_a_full_dct(dct, text, value):
    assert [t.value for t in tag(text, dct)] == [value]


def test_time_en_records_anchor_granularity_and_modifier():
    found = tag("In August 2017 it began; in early December of the same year it ended.", DCT)
    first, second = found
    assert (first.anchor, first.granularity) == ("absolute", "month")
    assert second.anchor == "previous:2017-08"
    assert (second.value, second.modifier, second.granularity) == ("2017-12", "START", "month")


def test_time_en_founding_article(shared):
    text = (shared / "corpus" / "en" / "alipay-unionpay-netsunion-clearing-2018-09.txt").read_text(encoding="utf-8")
    found = {t.text: t.value for t in tag(text, "2018-09-13")}
    assert found["September 13th"] == "2018-09-13"
    assert found["August 2017"] == "2017-08"
    assert found["December of the same year"] == "2017-12"
    assert found["April 1, 2018"] == "2018-04-01"
    assert found["April this year"] == "2018-04"
    assert found["April 27th"] == "2018-04-27"
    assert found["the evening of the same day"] == "2018-04-27TEV"
    assert not any("Century" in t for t in found)  # the newspaper's name is not a date


# Pinned floor: Value F1 on tbaq_train (development set) was 80.88 when this was last
# raised (80.51 before); lowering it needs a reason in the commit that does it.
TE3_TRAIN_VALUE_F1_FLOOR = 0.806


def _te3_scorer(shared):
    """Import the shared TE3 scorer from where it lives (it is not copied into the project)."""
    spec = importlib.util.spec_from_file_location("score_timex", shared / "bench" / "te3" / "score_timex.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_time_en_te3_train_value_f1_floor(shared):
    gold_path = shared / "bench" / "te3" / "tbaq_train.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"needs {gold_path}")
    scorer = _te3_scorer(shared)
    gold = scorer.load_jsonl(str(gold_path))
    pred = {doc_id: {"doc_id": doc_id,
                     "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                                 for t in tag(d["text"], d["dct"])]}
            for doc_id, d in gold.items()}
    result = scorer.score(gold, pred)
    assert result["relaxed"]["F1"] >= 0.90
    assert result["value"]["F1"] >= TE3_TRAIN_VALUE_F1_FLOOR, json.dumps(result["value"])


@pytest.mark.parametrize(
    "sentences, value",
    [
        (None, "2016-12"),  # the rough splitter keeps a clause after ";" in the sentence
        ([(0, 69)], "2016-12"),  # one sentence: December follows the August 2016 before it
        ([(0, 31), (32, 69)], "2017-12"),  # two: last December, from the DCT and the past tense
    ],
)
def test_time_en_sentence_spans_decide_the_narrative(sentences, value):
    text = "In August 2016 the bank applied; in December it was approved by them."
    found = tag(text, DCT, sentences=sentences)
    assert found[-1].value == value


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("It was signed on the 20th of last month.", "2018-09-17", "2018-08-20"),
        ("They met on the 10th of this month.", "2018-09-17", "2018-09-10"),
        ("It began in May 2017; on the 3rd of the following month it ended.", "2018-09-17", "2017-06-03"),
        # without a document date the month is as unknown as the year
        ("It was signed on the 20th of last month.", None, "XXXX-XX-20"),
        # a day alone (a translation's 13日) is of the month the story is in, else the article's
        ("The office on 13th issued the notice.", "2017-01-14", "2017-01-13"),
        ("The office issued the notice on the 13th.", "2017-01-14", "2017-01-13"),
        ("Tenpay signed on May 11, 2018. On 13th, Alipay signed too.", "2018-09-17", "2018-05-13"),
        # a clause after the comma that opens with "the" is no "the same month"
        ("On 16th, the reporter learned it from the association.", "2016-08-17", "2016-08-16"),
        ("On the 16th, the reporter learned it from the association.", "2016-08-17", "2016-08-16"),
        # a part of such a day: "the evening of the 27th"
        ("NetsUnion issued a statement on the evening of the 27th.", "2018-04-28", "2018-04-27TEV"),
        ("On the night of the 26th, the notice was deleted.", "2018-04-28", "2018-04-26TNI"),
    ],
)
def test_time_en_day_of_a_relative_month(text, dct, value):
    assert tag(text, dct)[-1].value == value


@pytest.mark.parametrize("text", ["She lives on 3rd floor.", "It came on the 2nd day of talks."])
def test_time_en_an_ordinal_of_something_else_is_no_day(text):
    assert tag(text, "2017-01-14") == []


@pytest.mark.parametrize(
    "text, value",
    [
        # "by" looks ahead, unless the clause tells the limit as reached
        ("A total of 462 banks had connected to NetsUnion by June 30.", "2018-06-30"),
        ("By June 30, 462 banks had connected.", "2018-06-30"),
        ("Banks must connect by June 30.", "2019-06-30"),
    ],
)
def test_time_en_limit_reached_in_the_past(text, value):
    assert tag(text, "2018-07-01")[-1].value == value


@pytest.mark.parametrize(
    "text, values",
    [
        # the start of a range takes the year of its end, which a December article would
        # otherwise read as the coming January
        ("From January to April of this year, the ratio was raised.", ["2018-01", "2018-04"]),
        ("From November to February 2019 the ratio rose.", ["2018-11", "2019-02"]),
        ("In September and November, banks closed the interfaces.", ["2018-09", "2018-11"]),
    ],
)
def test_time_en_range_start_takes_the_year_of_its_end(text, values):
    assert [t.value for t in tag(text, "2018-12-24")] == values


def test_time_en_a_weekday_that_comes_back_each_month_is_no_date():
    # "the second Monday of each month" dated nothing: its "Monday" became the DCT's Monday.
    found = tag("Reserves are adjusted on the second Monday of each month; on Monday the bank said so.", "2018-07-04", "en")
    assert [(t.text, t.type) for t in found] == [("the second Monday of each month", "SET"), ("Monday", "DATE")]
    assert found[1].value == "2018-07-02"


def test_time_en_the_deadline_names_the_last_from_or_by_day():
    # "By the deadline" is by the day a "from/by" date set before; with none before, nothing.
    said = "All online payments must go through NetsUnion from June 30. By the deadline, 462 banks had connected."
    assert values(said, "2018-07-02") == [("June 30", "2018-06-30"), ("the deadline", "2018-06-30")]
    assert values(said.replace("June 30", "July 1"), "2018-07-02")[1] == ("the deadline", "2018-07-01")
    assert values("By the deadline, 462 banks had connected.", "2018-07-02") == []


def test_time_en_the_same_night_after_a_month_of_its_own_sentence_is_in_that_month():
    said = ("On October 15, 2017, banks finished preparing. "
            "The rumour that Alipay had connected to UnionPay in April was denied by UnionPay on the same night.")
    assert values(said, "2018-06-15")[-1] == ("the same night", "2018-04-XXTNI")


def test_time_en_the_deadline_named_again_moves_no_story():
    """"the deadline" is a limit, as the day it names was: "the same night" after it is of the
    story's day, not of the deadline's."""
    said = ("On April 27 media said Alipay had connected to UnionPay. Firms must connect to NetsUnion by June 30; "
            "the central bank said the deadline will not be delayed. UnionPay denied the report on the same night.")
    assert values(said, "2018-05-15")[-1] == ("the same night", "2018-04-27TNI")


@pytest.mark.parametrize("day, value", [("April 1", "2018-04-01"), ("March 29", "2018-03-29")])
def test_time_en_the_same_day_is_the_last_day_read_past_a_month_read_since(day, value):
    text = (f"Yesterday ({day}), the rules officially took effect. They had been issued by the central bank at "
            "the end of December last year. On the same day, UnionPay and Tenpay signed a cooperation agreement.")
    assert values(text, "2018-04-02")[-1] == ("the same day", value)


def test_time_en_the_same_day_does_not_reach_a_day_read_long_before():
    text = ("On 1 April 2018 the rules took effect. Banks followed. Fees fell. Volumes rose. "
            "The rules had been issued in December 2017. On the same day, the bank spoke.")
    assert values(text, "2018-04-02")[-1] == ("the same day", "2017-12-XX")


@pytest.mark.parametrize("dct, year", [("2019-02-20", "2019"), ("2020-02-20", "2020")])
def test_time_en_a_deadline_before_the_dated_day_of_its_sentence_is_the_next_year(dct, year):
    """The day the sentence opens with (December 5 last year) dates what follows: a deadline
    earlier in the calendar than it comes after it, whatever the article's own date says."""
    text = "On December 5 last year, the department told payment institutions to close their accounts before January 14."
    assert values(text, dct)[-1] == ("January 14", f"{year}-01-14")


@pytest.mark.parametrize("month, value", [("October", "2017-11"), ("March", "2017-04")])
def test_time_en_the_next_month_follows_the_story(month, value):
    text = f"In August 2017 the PBOC issued notice 209. In {month} of that year NetsUnion registered. The next month, Alipay connected."
    assert values(text, "2018-12-07")[-1] == ("The next month", value)


@pytest.mark.parametrize("year, expected", [("2017", "2018-06"), ("2016", "2017-06")])
def test_time_en_the_following_june_is_the_one_after_the_story(year, expected):
    text = f"In October {year} NetsUnion registered. The following June, the cutover came."
    assert values(text, "2019-12-07")[-1] == ("following June", expected)


def test_time_en_the_following_friday_is_the_one_after_the_story():
    assert values("On 25 June 2018 NetsUnion spoke. The following Friday, the cutover came.", "2018-12-07")[-1] == (
        "following Friday", "2018-06-29")


@pytest.mark.parametrize("day, value", [("27 April 2018", "2018-04-27TEV"), ("3 May 2018", "2018-05-03TEV")])
def test_time_en_that_evening_is_of_the_day_the_story_is_at(day, value):
    text = f"On {day} reports said Alipay had connected to UnionPay. That evening, UnionPay denied it."
    assert values(text, "2019-01-20")[-1] == ("That evening", value)


@pytest.mark.parametrize("told, value", [
    ("On May 11 NetsUnion announced it. By the end of the month, it had deleted the notice.", "2018-05"),
    ("Banks must finish their connections by the end of the month.", "2018-12"),
])
def test_time_en_the_end_of_the_month_is_of_the_month_just_named(told, value):
    assert values(told, "2018-12-07")[-1] == ("the end of the month", value)


@pytest.mark.parametrize("year", ["2017", "2016"])
def test_time_en_the_end_of_the_year_is_of_the_year_just_named(year):
    text = f"In {year} NetsUnion launched. By the end of the year, 20 banks had connected."
    assert values(text, "2019-02-07")[-1] == ("the end of the year", year)


@pytest.mark.parametrize("text, values", [
    # "by then": the last time the story named, a deadline too
    ("Institutions had to connect by June 30, 2018. By then 462 banks had connected.", ["2018-06-30", "2018-06-30"]),
    ("In October 2017 the platform cleared half. At that time 18 banks had connected.", ["2017-10", "2017-10"]),
    # with no time named before, "then" is nothing, never the article's own day
    ("By then 462 banks had connected.", []),
])
def test_time_en_then_is_the_time_the_story_named(text, values):
    assert [t.value for t in tag(text, "2018-07-02", "en")] == values


@pytest.mark.parametrize("verb, value", [("was issued", "2017-01"), ("will be issued", "2018-01")])
def test_time_en_the_parse_tells_the_tense_a_far_cue_word_does_not(verb, value):
    """No cue word within the tagger's window: the tense of the verb the month hangs on decides."""
    from pipeline.extract.nlp import get_plain_nlp
    from pipeline.extract.time.parsed_tense import tense_reader

    text = f"In January the customer reserve funds centralized deposit notice {verb}."
    doc = get_plain_nlp("en")(text)
    assert values(text, "2017-12-28") == [("January", "2018-01")]  # the words alone: the coming one
    found = tag(text, "2017-12-28", "en", None, tense_reader([doc], [0]))
    assert [(t.text, t.value) for t in found] == [("January", value)]


@pytest.mark.parametrize("verb, values", [("issued", ["2018-06-29", "2018-07-09"]), ("will issue", ["2019-06-29", "2019-07-09"])])
def test_time_en_a_future_word_of_a_later_clause_does_not_turn_a_past_verbs_date(verb, values):
    """"issued the notice on June 29, which will be implemented from July 9", read on July 2: the
    "will" after the date is the relative clause's; the issuing's June 29 is the one just past."""
    from pipeline.extract.nlp import get_plain_nlp
    from pipeline.extract.time.parsed_tense import tense_reader

    text = f"The central bank {verb} the notice on June 29, which will be implemented from July 9."
    found = tag(text, "2018-07-02", "en", None, tense_reader([get_plain_nlp("en")(text)], [0]))
    assert [t.value for t in found] == values


@pytest.mark.parametrize("text, value", [
    # (the parser tags this "connected" a participle: with a subject and no auxiliary it is a past tense)
    ("Tenpay connected to NetsUnion by June 30.", "2017-06-30"),
    ("Tenpay completed the move by June 30.", "2017-06-30"),
    ("Tenpay will complete the move by June 30.", "2018-06-30"),
])
def test_time_en_a_limit_of_an_act_told_done_is_the_last_such_day(text, value):
    """Read in March: the act the parse tells done by June 30 was done by last June 30, though
    the coming one is nearer."""
    from pipeline.extract.nlp import get_plain_nlp
    from pipeline.extract.time.parsed_tense import tense_reader

    found = tag(text, "2018-03-21", "en", None, tense_reader([get_plain_nlp("en")(text)], [0]))
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize("main, value", [("must raise", "2019-01"), ("raised", "2018-01")])
def test_time_en_a_present_tense_in_a_clause_of_time_takes_the_tense_of_the_clause_it_joins(main, value):
    """"…must raise the share until it reaches 100 percent in January", read in September: the
    present of "reaches" tells the coming January, as "must" does; after "raised", the last one."""
    from pipeline.extract.nlp import get_plain_nlp
    from pipeline.extract.time.parsed_tense import tense_reader

    text = f"Payment institutions {main} the share of reserves month by month until it reaches 100 percent in January."
    found = tag(text, "2018-09-14", "en", None, tense_reader([get_plain_nlp("en")(text)], [0]))
    assert [t.value for t in found] == [value]


def test_time_en_a_limit_set_by_a_dated_notice_is_the_next_one_after_it():
    """Read in July 2018: the June 30 a notice of August 2017 gave firms until is 2018's (the next
    one after the notice), not the next after the article."""
    text = "The department ordered the change in a notice issued in August last year, giving firms until June 30 to finish."
    assert values(text, "2018-07-02") == [("August last year", "2017-08"), ("June 30", "2018-06-30")]


@pytest.mark.parametrize("text, value", [
    ("By the end of June, 462 banks and 115 payment institutions had joined the platform.", "2018-06"),
    ("By the end of June, 462 banks and 115 payment institutions will have joined the platform.", "2019-06"),
])  # fmt: skip
def test_time_en_a_completed_past_anywhere_in_the_clause_turns_by_back(text, value):
    assert values(text, "2018-07-02") == [("the end of June", value)]


@pytest.mark.parametrize("text, found", [
    # a translation keeps the order of 去年3月31日: the year named first is the date's
    ("The platform since last year March 31 started trial operation.", [("last year March 31", "2017-03-31")]),
    ("The rules will from this year April 1 be implemented.", [("this year April 1", "2018-04-01")]),
    ("Reach 100% to next year January 14.", [("next year January 14", "2019-01-14")]),
    ("In 2017 March 31 was a Friday.", [("2017 March 31", "2017-03-31"), ("Friday", "2018-03-02")]),
    # apart, each is read on its own
    ("It happened last year. March 31 is the next deadline.", [("last year", "2017"), ("March 31", "2018-03-31")]),
])  # fmt: skip
def test_time_en_a_year_right_before_a_date_gives_it_its_year(text, found):
    assert values(text, "2018-03-05") == found


def test_time_en_a_limit_written_with_its_year_first_does_not_move_the_story():
    """"from this year June 30" is a limit: "the same year" after it is still the notice's."""
    text = ("Last year August, the department issued a notice, requiring from this year June 30 that payments go through "
            "the platform.\n\nIn December of the same year, the central bank issued the barcode rules.")
    assert values(text, "2018-03-05") == [("Last year August", "2017-08"), ("this year June 30", "2018-06-30"),
                                          ("December of the same year", "2017-12")]


def test_time_en_the_same_day_after_a_coarser_date_names_no_day():
    """After "the first half of this year", "the same day" and "the next day" have no day to
    count from: no date (it was 2018-01-XX, a January day nobody wrote)."""
    text = "In the first half of this year NetsUnion handled 100 billion transactions. On the same day, UnionPay launched it."
    assert values(text, "2018-07-20") == [("the first half of this year", "2018-H1")]


def test_time_en_days_counted_from_a_quarter_or_a_year_name_no_date():
    text = "In the third quarter of 2017 it grew. Two days later it signed. In 2016 the plan was approved. Three months later it was live."
    assert values(text, "2018-07-20") == [("the third quarter of 2017", "2017-Q3"), ("2016", "2016")]
    # nor do weeks counted from a month: "a week later" than some day of August may be in September
    assert values("NetsUnion was registered in August 2017. A week later it hired staff.", "2018-07-20") == [("August 2017", "2017-08")]


@pytest.mark.parametrize("text, found", [
    # the order a translation keeps of 本月10日, 上月27日, 同月29日
    ("Alipay this month 10th completed the signing.", [("this month 10th", "2018-09-10")]),
    ("Last month 27th media reported it.", [("Last month 27th", "2018-08-27")]),
    ("In August of last year it was approved, the same month 29th it registered.",
     [("August of last year", "2017-08"), ("the same month 29th", "2017-08-29")]),
    # a count or an ordinal word after the month is no day of it
    ("This month 20 banks joined.", [("This month", "2018-09")]),
    ("Last month the first bank joined.", [("Last month", "2018-08")]),
])  # fmt: skip
def test_time_en_a_day_written_after_its_month(text, found):
    assert values(text, "2018-09-14") == found


@pytest.mark.parametrize("text, dct, value", [
    # a limit told in the past tense is ahead of when it was set: the nearest such day
    ("Payment firms were told to deposit all client reserve funds by January 14.", "2019-02-20", "2019-01-14"),
    ("Payment firms were told to deposit all client reserve funds by January 14.", "2018-12-10", "2019-01-14"),
    # one still to come looks ahead of the article
    ("Payment firms will deposit all client reserve funds by January 14.", "2019-02-20", "2020-01-14"),
])  # fmt: skip
def test_time_en_by_a_day_in_a_past_tense_clause_is_the_nearest_such_day(text, dct, value):
    assert [v for _, v in values(text, dct)] == [value]


def test_time_en_that_year_after_a_limit_is_the_limit_s_year():
    """A limit moves no story, but "that year" after it names its year, not the article's."""
    text = ("The centralised deposit of reserves started from January 2017. That year January 13, the central "
            "bank issued the notice. In the same year, the platform began its trial run.")
    assert [v for _, v in values(text, "2018-07-02")] == ["2017-01", "2017-01-13", "2017"]


def test_time_en_the_year_of_a_document_number_is_no_date():
    text = "The office issued the notice (Yinbanfa [2018] No. 114) on June 29."
    assert values(text, "2018-07-02") == [("June 29", "2018-06-29")]


@pytest.mark.parametrize("text, value", [
    ("The notice came in January 2017. In the same year, the platform began its trial run, March 31 the first batch connected.", "2017-03-31"),
    ("Volumes rose 20% from 2017, and on March 31 the platform hit a record.", "2018-03-31"),  # a year compared, not the time
])  # fmt: skip
def test_time_en_a_year_opening_its_sentence_is_the_year_of_the_days_after_it(text, value):
    assert values(text, "2018-07-02")[-1] == ("March 31", value)


@pytest.mark.parametrize("text, dct, value", [
    ("From June 30, all payments must go through NetsUnion.", "2018-07-02", "2018-06-30"),
    ("Starting June 30, all payments must go through NetsUnion.", "2018-07-02", "2018-06-30"),
    # long before the article, a start the modal looks ahead to is the coming one
    ("From June 30, all payments must go through NetsUnion.", "2018-10-20", "2019-06-30"),
    ("From June 30, all payments must go through NetsUnion.", "2018-03-20", "2018-06-30"),
])  # fmt: skip
def test_time_en_a_start_just_passed_is_this_years(text, dct, value):
    assert tag(text, dct)[-1].value == value


def test_time_en_a_later_month_of_the_sentence_is_not_past_the_article_unless_it_looks_ahead():
    """After "last Tuesday", "December" goes on from it only up to the article's own day."""
    found = tag("NetsUnion said last Tuesday that it handled 1.2 trillion yuan of transactions in December.", "2019-01-15")
    assert [(t.text, t.value) for t in found] == [("last Tuesday", "2019-01-08"), ("December", "2018-12")]


@pytest.mark.parametrize("lang, text, anaphor, value", [
    ("en", "On April 1, the rules took effect; on the same day, the cooperation went online.", "the same day", "XXXX-04-01"),
    ("en", "On May 11 the platform signed. The next day it went live.", "The next day", "XXXX-05-12"),
    ("zh", "4月1日，条码规范正式实施，同日，银联与财付通的合作上线。", "同日", "XXXX-04-01"),
    # a day of no known month between them leaves the anaphor nothing to name
    ("en", "On May 11 the platform signed. Yesterday, on the same day, it went live.", "the same day", "XXXX-XX-XX"),
])
def test_time_a_day_anaphor_on_an_undated_page_names_the_yearless_day_before_it(lang, text, anaphor, value):
    found = {t.text: t.value for t in tag(text, None, lang)}
    assert found[anaphor] == value


@pytest.mark.parametrize("text, value", [
    # a month alone that a limit looks ahead to is the next one after the sentence's date
    ("The bank told the firms in August last year that their links had to be cut by the end of June.", "2018-06"),
    ("The bank told the firms in August last year that their links must be cut by June.", "2018-06"),
    # ... but a limit already reached is the one before
    ("In August last year the bank said 200 banks had connected by the end of June.", "2017-06"),
    ("In August last year the bank said it had 200 members since June.", "2017-06"),
    # a day told after the sentence's date, earlier in the calendar and not as done before, is no
    # day before that date: read in April, the rules of last December took effect this April
    ("The rules the central bank issued in December last year took effect on April 1.", "2018-04-01"),
])
def test_time_en_a_month_looked_ahead_to_after_the_sentence_s_date(text, value):
    assert values(text, "2018-07-02")[-1][1] == value


def test_time_en_a_limit_already_reached_is_the_one_before_the_article():
    text = "In addition, by June 30, the Net Union platform already has 462 home banks and 115 payment institutions."
    assert values(text, "2018-07-03") == [("June 30", "2018-06-30")]


def test_time_en_the_same_day_years_ago():
    assert values("Two years ago today, NetsUnion began its trial run.", "2019-03-31") == [("Two years ago today", "2017-03-31")]


@pytest.mark.parametrize("text, value", [
    ("The bank set the rule on August 4, 2017. Two months later, on October 15, firms were due to finish.", "2017-10-15"),
    ("The PBOC ordered the deposits in January 2017. Three months later, on April 17, firms made their first deposits.", "2017-04-17"),
])
def test_time_en_a_date_restating_the_one_before_takes_its_year(text, value):
    assert values(text, "2019-01-20")[-1][1] == value


def test_time_en_the_next_day_after_an_unnamed_time_is_unknown():
    """"A few days ago" moved the story to a day it does not name: the day after it is not the
    day after July 25; after a named day again, it is."""
    text = ("Minsheng Bank followed on July 25. A few days ago NetsUnion issued a notice. The next day Yibao denied it. "
            "On July 2 the bank closed its channel. The next day it opened a new one.")
    assert values(text, "2018-08-02") == [("July 25", "2018-07-25"), ("A few days ago", "PAST_REF"),
                                          ("July 2", "2018-07-02"), ("The next day", "2018-07-03")]


def test_time_en_the_deadline_of_something_is_not_the_deadline_read_last():
    told = "Firms must raise the ratio from July 9. Media reported that the bank would postpone the deadline of the switch-over."
    assert values(told, "2018-07-02") == [("July 9", "2018-07-09")]
    told = "Firms must connect by June 30. By the deadline, 462 banks will have connected."
    assert values(told, "2018-06-20") == [("June 30", "2018-06-30"), ("the deadline", "2018-06-30")]


@pytest.mark.parametrize("dct, value", [("2018-07-02", "2018-06-30"), ("2018-03-02", "2018-06-30"), ("2018-11-20", "2018-06-30")])
def test_time_en_a_limit_of_a_past_obligation_is_the_nearest_such_day(dct, value):
    """"had to … by June 30": told after the day, the one just past; told before it (reported
    speech shifted back, "said firms had to"), the one ahead."""
    assert values("The central bank said firms had to connect to NetsUnion by June 30.", dct) == [("June 30", value)]


def test_time_en_a_year_told_in_an_aside_is_not_the_year_of_the_main_clause():
    """The clause describing NetsUnion ends before "on May 28": the day is of the article's year."""
    text = "NetsUnion, which started trial operations in March 2017, handled 1.2 billion transactions on May 28."
    assert values(text, "2018-06-12") == [("March 2017", "2017-03"), ("May 28", "2018-05-28")]
    # ... while a day in the same clause as the year goes on from it
    assert values("It started trial operations in March 2017 and connected four banks on May 28.", "2018-06-12")[-1] == ("May 28", "2017-05-28")
