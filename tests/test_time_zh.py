"""The Chinese temporal tagger: absolute, partial, relative, anaphoric and fuzzy dates,
durations, sets and times. Example sentences are our own; the corpus articles are read
from the shared folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.extract.time import tag

sys.path.insert(0, str(Path(__file__).parent / "gold"))

DCT = "2017-03-25"  # a Saturday, ISO week 12


def values(text: str, dct: str | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct, "zh")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # absolute
        ("2017年8月，央行发文。", [("2017年8月", "2017-08")]),
        ("2018年6月30日起全部迁移。", [("2018年6月30日", "2018-06-30")]),
        ("二〇一七年十二月三十一日是大限。", [("二〇一七年十二月三十一日", "2017-12-31")]),
        ("截至2016年三季度，规模超过四千亿。", [("2016年三季度", "2016-Q3")]),
        ("2014年下半年，风险事件频发。", [("2014年下半年", "2014-H2")]),
        ("上世纪90年代，银行卡开始普及。", [("上世纪90年代", "199")]),
        # partial: the year comes from the DCT and the tense
        ("3月23日，机构证实了消息。", [("3月23日", "2017-03-23")]),
        ("12月，该机构完成了备案。", [("12月", "2016-12")]),
        ("7月，新系统将投入使用。", [("7月", "2017-07")]),
        ("自4月17日起，机构开始交存。", [("4月17日", "2017-04-17")]),
        # relative to the DCT
        ("今年4月17日，集中存管正式开始。", [("今年4月17日", "2017-04-17")]),
        ("去年12月，多家机构收到通知。", [("去年12月", "2016-12")]),
        ("明年，存管比例将提高。", [("明年", "2018")]),
        ("上月，央行召开了会议。", [("上月", "2017-02")]),
        ("上周五，央行约谈了机构。", [("上周五", "2017-03-17")]),
        ("昨天，央行发布了通知。", [("昨天", "2017-03-24")]),
        ("上季度客户备付金日均余额", [("上季度", "2016-Q4")]),
        ("两年前，该公司获得牌照。", [("两年前", "2015")]),
        # anaphora: 同年, 当天, 次日 follow the narrative, not the DCT
        ("2017年8月，央行发文；同年12月，又发布规范。", [("2017年8月", "2017-08"), ("同年12月", "2017-12")]),
        ("2016年11月8日系统上线，当天交易量破百万。", [("2016年11月8日", "2016-11-08"), ("当天", "2016-11-08")]),
        ("2016年11月8日系统上线；次日，交易量大增。", [("2016年11月8日", "2016-11-08"), ("次日", "2016-11-09")]),
        ("2016年6月30日通知下发，当天晚上机构开会。", [("2016年6月30日", "2016-06-30"), ("当天晚上", "2016-06-30TEV")]),
        # the day a rule took effect is its start day, not the day it was issued
        ("2016年12月5日发布办法，自2017年3月1日起施行。办法施行当天，首家机构接入。",
         [("2016年12月5日", "2016-12-05"), ("2017年3月1日", "2017-03-01"), ("当天", "2017-03-01")]),
        ("2016年12月5日发布办法，自2017年3月1日起施行。当天，首家机构接入。",
         [("2016年12月5日", "2016-12-05"), ("2017年3月1日", "2017-03-01"), ("当天", "2016-12-05")]),
        # a deadline in between does not move the narrative
        ("2017年8月，央行要求自2018年6月30日起全部迁移；同年12月，央行发布规范。",
         [("2017年8月", "2017-08"), ("2018年6月30日", "2018-06-30"), ("同年12月", "2017-12")]),
        # fuzzy positions
        ("3月底，网联将进行测试。", [("3月底", "2017-03")]),
        ("在年初央行发布通知后", [("年初", "2017")]),
        ("本月底，平台将灰度上线。", [("本月底", "2017-03")]),
        ("截至去年底，规模约五千亿。", [("去年底", "2016")]),
        ("1月中旬，监管部门开会。", [("1月中旬", "2017-01")]),
        ("2016年中国第三方支付规模", [("2016年", "2016")]),  # 年中 here is not "mid-year"
        # durations, sets, references, times
        ("资金沉淀期是7天。", [("7天", "P7D")]),
        ("过渡期为一年半。", [("一年半", "P1Y6M")]),
        ("交存期限为3个月。", [("3个月", "P3M")]),
        ("多年来，机构直连银行。", [("多年", "PXY")]),
        ("备付金每年产生收益。", [("每年", "P1Y")]),
        ("比例每季度调整一次。", [("每季度", "P3M")]),
        ("目前，比例为20%。", [("目前", "PRESENT_REF")]),
        ("日前，机构接到通知。", [("日前", "PAST_REF")]),
        ("未来，行业将整合。", [("未来", "FUTURE_REF")]),
        ("下午3点半，会议开始。", [("下午3点半", "2017-03-25T15:30")]),
        ("3月20日晚间，机构发布公告。", [("3月20日晚间", "2017-03-20TEV")]),
        # not dates
        ("支付宝和财付通分别持股9.61%。", []),
        ("其中2016年增长最快。", [("2016年", "2016")]),  # 中 before a year is not "mid"
        ("支付宝一周年庆典", []),
        ("今日头条的用户增长", []),
    ],
)
def test_time_zh_values(text, expected):
    assert values(text) == expected


def test_time_zh_offsets_index_the_text():
    text = "2017年8月，央行发文；同年12月，又发布规范。"
    for t in tag(text, DCT, "zh"):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("written, year", [("2017年8月", "2017"), ("2015年8月", "2015"), ("2019年1月", "2019")])
def test_time_zh_changing_the_date_changes_the_value(written, year):
    found = tag(f"{written}，央行发文；同年12月，又发布规范。", DCT, "zh")
    assert found[1].value == f"{year}-12"
    assert found[1].anchor.startswith("previous:")


def test_time_zh_without_dct_leaves_the_year_open():
    assert values("3月23日，机构证实了消息。", None) == [("3月23日", "XXXX-03-23")]


def test_time_zh_gold_value_accuracy():
    from score_timex_zh import load_gold, score

    docs = load_gold()
    result = score(docs)
    assert result["total"] >= 300
    assert result["accuracy"] >= 0.90, result["errors"][:20]


def test_time_zh_corpus_articles(shared):
    body = (shared / "corpus" / "zh" / "reserve-deposit-countdown-2017-03.txt").read_text(encoding="utf-8")
    body = body.split("\n\n", 1)[1]
    found = {t.text: t.value for t in tag(body, "2017-03-25", "zh")}
    assert found["3月23日"] == "2017-03-23"
    assert found["今年4月17日"] == "2017-04-17"
    assert found["1月13日"] == "2017-01-13"
    assert found["2010年6月"] == "2010-06"
    assert found["彼时"] == "2017-01-13"  # "at that time": the date just named


@pytest.mark.parametrize(
    "text, value",
    [
        # the written year of the sentence before governs a month-day without one
        ("2017年8月，网联获批。10月15日，首批机构接入。", "2017-10-15"),
        ("2016年8月，网联获批。10月15日，首批机构接入。", "2016-10-15"),
        # two sentences back is too far: the DCT and its tense decide
        ("2017年8月，网联获批。\n\n网联平台运行平稳。10月15日，首批机构接入。", "2018-10-15"),
        # ... going forward only: a day earlier in the calendar than that month is not of its year
        ("2017年12月，网联获批。3月31日，首批机构接入。", "2018-03-31"),
        ("该规范由人民银行于去年12月25日印发。3月31日，网联与财付通签署合作协议。", "2018-03-31"),
        ("该规范由人民银行于去年12月25日印发。12月28日，网联与财付通签署合作协议。", "2017-12-28"),
        # into a new paragraph only a year written in figures carries; a look back (去年) does not
        ("2017年3月31日，网联开始试运行。\n\n8月4日，央行下发通知。", "2017-08-04"),
        ("去年3月，央行发布通知。\n\n另外，4月中旬，财付通的合作上线。", "2018-04"),
        ("去年3月，央行发布通知。另外，4月中旬，财付通的合作上线。", "2017-04"),
    ],
)
def test_time_zh_previous_sentence_year_governs_a_month_day(text, value):
    assert tag(text, "2018-09-14", "zh")[-1].value == value


@pytest.mark.parametrize("year", ["2018", "2017"])
def test_time_zh_a_day_after_the_dated_start_of_its_sentence_goes_on_from_it(year):
    """Read in December, "自7月9日起" after "今年6月29日" is that July, not next year's: the
    requirement's 起 looks ahead of the notice, not of the article."""
    text = "根据人民银行办公厅今年6月29日下发的通知，自7月9日起，交存比例按月提高，到明年1月14日实现100%集中交存。"
    assert values(text, f"{year}-12-07") == [("今年6月29日", f"{year}-06-29"), ("7月9日", f"{year}-07-09"),
                                             ("明年1月14日", f"{int(year) + 1}-01-14")]


@pytest.mark.parametrize("year", ["2018", "2017"])
def test_time_zh_the_day_a_notice_was_sent_is_behind_the_article_whatever_it_requires(year):
    """Written on July 10: the notice of June 29 was sent this June; what it requires from July 9
    looks ahead of the notice, not of the article."""
    text = "6月29日，央行办公厅下发通知，要求自7月9日起按月提高交存比例。"
    assert values(text, f"{year}-07-10") == [("6月29日", f"{year}-06-29"), ("7月9日", f"{year}-07-09")]
    # told as still to come, the same day is next year's
    assert values("6月29日，网联将正式切量。", f"{year}-07-10") == [("6月29日", f"{int(year) + 1}-06-29")]


@pytest.mark.parametrize("year", ["2018", "2017"])
def test_time_zh_a_month_before_a_requirement_is_when_it_was_required(year):
    """Written in late August: 央行7月要求… tells a requirement of this July (要求 after the date
    is the act, not a "must" ahead of it), and so does a penalty beside 按要求; a limit after 要求
    is still ahead."""
    assert values("央行7月要求支付机构完成切量。", f"{year}-08-30") == [("7月", f"{year}-07")]
    assert values("央行7月对一家未按要求完成切量的支付机构开出罚单。", f"{year}-08-30") == [("7月", f"{year}-07")]
    assert values("央行要求支付机构7月前完成切量。", f"{year}-08-30") == [("7月", f"{int(year) + 1}-07")]


@pytest.mark.parametrize("issued", ["去年12月", "2017年12月"])
def test_time_zh_a_day_after_the_sentences_date_and_earlier_in_the_calendar_is_no_day_before_it(issued):
    """Read in April: the rules issued last December took effect this April 1, not the April
    before that December."""
    text = f"央行{issued}下发的《条码支付业务规范（试行）》于4月1日正式实施。"
    assert values(text, "2018-04-03") == [(issued, "2017-12"), ("4月1日", "2018-04-01")]
    # ... but told as done before that date (已), it is of that date's year
    assert values(f"央行{issued}表示，支付宝已于3月完成对接。", "2018-04-03") == [(issued, "2017-12"), ("3月", "2017-03")]


def test_time_zh_days_counted_from_the_story_move_it_on():
    text = "6月28日，支付宝完成切量。3天后，京东金融完成迁移。次日，拉卡拉宣布完成。"
    assert values(text, "2018-07-10") == [("6月28日", "2018-06-28"), ("3天后", "2018-07-01"), ("次日", "2018-07-02")]


@pytest.mark.parametrize("year", ["2018", "2019"])
def test_time_zh_a_deadline_named_again_is_the_same_day(year):
    text = f"2017年8月4日，央行下发209号文，要求自{year}年6月30日起全部迁移。6月30日之后，直连模式成为历史。"
    assert values(text, "2019-12-24")[-1] == ("6月30日", f"{year}-06-30")


def test_time_zh_two_spellings_of_one_date_get_one_year():
    found = values("支付机构须在6月30日前完成切换。6月30号以后，直连全部关闭。", "2018-03-14")
    assert found == [("6月30日", "2018-06-30"), ("6月30号", "2018-06-30")]


def test_time_zh_day_of_a_relative_month_without_dct_leaves_the_month_open():
    assert values("上月20日签约，本月10日完成。", None) == [("上月20日", "XXXX-XX-20"), ("本月10日", "XXXX-XX-10")]


def test_time_zh_range_start_takes_the_year_of_its_end():
    assert values("1月至2018年4月，比例逐月提高。", "2018-12-24") == [("1月", "2018-01"), ("2018年4月", "2018-04")]


def test_time_zh_a_weekday_that_comes_back_each_month_is_no_date():
    found = tag("支付机构于每月第二个星期一调整交存金额。", "2018-12-06", "zh")
    assert [(t.text, t.type) for t in found] == [("每月第二个星期一", "SET")]


@pytest.mark.parametrize("day, value", [("4月1日", "2018-04-01"), ("3月29日", "2018-03-29")])
def test_time_zh_the_same_day_is_the_last_day_read_past_a_month_read_since(day, value):
    found = values(f"{day}，新规正式实施。新规于去年12月底发布。同日，银联与财付通签署合作协议。", "2018-04-02")
    assert found[-1] == ("同日", value)


@pytest.mark.parametrize("day, value", [("6月30日", "2018-06-29"), ("5月30日", "2018-05-29")])
def test_time_zh_the_same_month_is_the_last_month_read_past_a_year_read_since(day, value):
    found = values(f"2017年8月4日，央行下发209号文。次年{day}，断直连完成。当年年底，比例提高。同月29日，网联成立。", "2018-12-07")
    assert found[-1] == ("同月29日", value)


@pytest.mark.parametrize("month", ["5", "8"])
def test_time_zh_a_bare_day_is_of_the_month_the_sentence_before_named(month):
    found = values(f"{month}月11日，网联宣布合作。但网联在13日删除了公告，月底又恢复。", "2018-12-07")
    assert found[1:] == [("13日", f"2018-{int(month):02d}-13"), ("月底", f"2018-{int(month):02d}")]


def test_time_zh_a_bare_day_far_from_a_named_month_is_of_the_articles_month():
    found = values("5月11日，网联宣布合作。市场反应平淡。业内人士认为这是好事。3日，网联发布新规。", "2018-12-07")
    assert found[-1] == ("3日", "2018-12-03")


@pytest.mark.parametrize("opening, year", [("到了去年初", "2018"), ("2017年初", "2017")])
def test_time_zh_the_start_of_a_year_dates_the_bare_months_after_it(opening, year):
    # In January 2019, "early last year … from January … to April" is January and April of 2018.
    found = values(f"{opening}，人行再加码，比例由1月的20%起每月上调，至4月升至约50%。", "2019-01-16")
    assert [v for t, v in found if t in ("1月", "4月")] == [f"{year}-01", f"{year}-04"]


def test_time_zh_the_end_of_a_year_does_not_hold_the_months_after_it():
    # after "the end of 2017" a bare March is the next one
    assert ("3月", "2018-03") in values("2017年底，比例为20%。3月，比例升至30%。", "2018-06-20")


@pytest.mark.parametrize("text, values", [
    ("2017年10月，网联表示将承担约50%的交易。当时已有18家银行接入。", ["2017-10", "2017-10"]),
    ("当时已有18家银行接入。", []),  # nothing named before: not the article's day
])
def test_time_zh_dangshi_is_the_time_the_story_named(text, values):
    from pipeline.extract.time import tag

    assert [t.value for t in tag(text, "2017-10-20", "zh")] == values


@pytest.mark.parametrize("text, expected", [
    # a report of April 2nd looking back: the 28th is last month's
    ("28日，人民银行印发了通知。", "2017-03-28"),
    # looking ahead, or a day already past this month: this month's
    ("平台将于29日上线。", "2017-04-29"),
    ("1日，人民银行印发了通知。", "2017-04-01"),
])
def test_time_zh_a_bare_day_after_the_article_day_is_of_the_month_before_unless_ahead(text, expected):
    assert values(text, "2017-04-02")[0][1] == expected


def test_time_zh_a_later_day_of_the_sentence_goes_on_from_its_first_one():
    # read in December: the July 9 after the June 29 notice is of the same year, not of next year
    text = "央行办公厅6月29日发布的114号文要求，支付机构客户备付金自7月9日起按月提高集中交存比例，明年1月14日实现100%集中交存。"
    assert [v for _, v in values(text, "2018-12-24")] == ["2018-06-29", "2018-07-09", "2019-01-14"]


@pytest.mark.parametrize("text, expected", [
    # 已于 … 起: it has been so since that day, though 起 looks ahead
    ("微信支付已于4月1日起通过银联处理条码支付业务。", "2018-04-01"),
    # 将于 … 前: still ahead
    ("支付机构将于1月14日前完成交存。", "2019-01-14"),
    # 力争 … 前: striving for a limit still ahead
    ("支付宝力争1月14日前完成交存。", "2019-01-14"),
])
def test_time_zh_a_word_right_before_the_date_says_which_side_of_the_article_it_is(text, expected):
    assert values(text, "2018-12-20")[0][1] == expected


@pytest.mark.parametrize("simplified", [
    "上周三（1月9日）国务院新闻办公室举行记者会。",
    "两个月后，网联于7月9日起逐月提高比例。",
    "由当天起百分之百集中交存，三个月内完成。",
])  # fmt: skip
def test_time_zh_traditional_text_is_read_as_its_simplified_twin(simplified):
    """The grammar is written in Simplified characters; a Traditional page (上週三, 兩個月後, 當天)
    gives the same dates, each keeping the page's own characters."""
    import opencc

    traditional = opencc.OpenCC("s2t.json").convert(simplified)
    assert traditional != simplified
    as_simplified, as_traditional = tag(simplified, "2019-01-15", "zh"), tag(traditional, "2019-01-15", "zh")
    assert [(t.start, t.end, t.value) for t in as_traditional] == [(t.start, t.end, t.value) for t in as_simplified]
    assert as_simplified and all(t.text == traditional[t.start : t.end] for t in as_traditional)


def test_time_zh_the_same_day_after_a_coarser_date_names_no_day():
    text = "网联平台今年上半年共处理业务超过1000亿笔。次日，网联予以确认。同日，银联也宣布上线。"
    assert values(text, "2018-07-20") == [("今年上半年", "2018-H1")]


@pytest.mark.parametrize("text, value", [
    # 起 says from when, not which side of the article: read in September, a June 30 is this year's
    ("自6月30日起，网络支付业务已全部通过网联处理。", "2018-06-30"),
    ("6月30日起，网络支付业务全部通过网联处理。", "2018-06-30"),
    # ... and a day just ahead is still the coming one
    ("10月15日起，支付机构须通过网联处理网络支付业务。", "2018-10-15"),
])  # fmt: skip
def test_time_zh_a_start_marked_qi_takes_its_year_from_the_article(text, value):
    assert values(text, "2018-09-14") == [(text[: text.index("日") + 1].lstrip("自"), value)]


@pytest.mark.parametrize("text, value", [
    ("京东支付亦于6月底前完成接入。", "2018-06"),  # told in November: done by last June
    ("支付机构须于3月底前完成接入。", "2019-03"),  # what must be done by a day looks ahead
    ("支付机构应于3月底前完成接入。", "2019-03"),
])  # fmt: skip
def test_time_zh_a_limit_looks_ahead_when_it_is_owed_not_when_it_was_met(text, value):
    dct = "2018-11-13" if "京东" in text else "2018-09-13"
    assert [v for _, v in values(text, dct)] == [value]


def test_time_zh_days_and_weeks_counted_from_a_month_stay_in_it_or_name_nothing():
    # the day before some day of March is read as of March, not shifted into February
    assert values("2018年3月，网联发布公告。此前一天，有媒体报道。", "2019-01-20")[1:] == [("前一天", "2018-03-XX")]
    # two weeks after some day of August may be in September: no week is named
    assert values("2017年8月，网联注册成立。两周后，央行下发209号文。", "2019-01-20") == [("2017年8月", "2017-08")]
    # from a day, they are counted
    assert values("2018年3月31日，网联发布公告。此前一天，有媒体报道。", "2019-01-20")[1:] == [("前一天", "2018-03-30")]


def test_time_zh_the_same_year_after_a_limit_is_the_limit_s_year():
    assert [v for _, v in values("备付金集中存管自2017年1月起开始实施。同年1月13日，央行发布通知。", "2018-07-02")] == ["2017-01", "2017-01-13"]


def test_time_zh_a_year_opening_its_sentence_is_the_year_of_the_days_after_it():
    assert values("2017年，网联平台启动试运行，3月31日首批接入4家银行。", "2018-07-02") == [("2017年", "2017"), ("3月31日", "2017-03-31")]


def test_time_zh_a_limit_just_before_the_sentence_s_date_in_its_month_is_no_year_later():
    text = "今年1月14日，这一目标如期实现。央行有关负责人在1月16日的发布会上表示，截至1月14日，备付金已全部集中交存。"
    assert [v for _, v in values(text, "2019-01-20")] == ["2019-01-14", "2019-01-16", "2019-01-14"]


@pytest.mark.parametrize("text, value", [
    # a start just before the article: the rule in force since two days ago, whatever 须 says
    ("人民銀行要求，由6月30日起，支付機構的網絡支付業務須全部通過網聯處理。", "2018-06-30"),
    ("人民银行要求，自6月30日起，支付机构须全部接入网联。", "2018-06-30"),
    # a limit ahead ("须于…前") is still the coming one
    ("人民银行要求，支付机构须于6月30日前完成接入。", "2019-06-30"),
])  # fmt: skip
def test_time_zh_a_start_just_passed_is_this_years(text, value):
    assert values(text, "2018-07-02")[-1][1] == value


def test_time_zh_the_same_day_years_before():
    assert values("两年前的今天，网联平台启动试运行。", "2019-03-31") == [("两年前的今天", "2017-03-31")]
    # without the day, the year alone
    assert values("两年前，网联平台启动试运行。", "2019-03-31") == [("两年前", "2017")]


def test_time_zh_a_date_restating_the_one_before_takes_its_year():
    assert values("2017年1月，央行下发通知。3个月后，即4月17日，支付机构首次交存。", "2019-01-20")[-1] == ("4月17日", "2017-04-17")


@pytest.mark.parametrize("year", ["2018", "2017"])
def test_time_zh_a_cue_word_belongs_to_the_date_nearest_it(year):
    """Written on June 20: 预计 (expected) looks ahead for 月底, the date right after it; the
    April and May told earlier in the sentence, each with its own clause, stay behind the article."""
    text = "公司在4月底才完成系统改造，5月中旬开始与网联联调，预计月底前可以上线。"
    found = dict(values(text, f"{year}-06-20"))
    assert (found["4月底"], found["5月中旬"]) == (f"{year}-04", f"{year}-05")
    # the cue right at the date still looks ahead: "预计4月底完成" written in June is next April
    assert values("该公司预计4月底完成系统改造。", f"{year}-06-20") == [("4月底", f"{int(year) + 1}-04")]


def test_time_zh_the_next_day_after_an_unnamed_time_is_unknown():
    text = "民生银行则在7月25日跟进。此前市场曾传出易宝支付被暂停业务的消息。易宝支付次日发布声明。"
    assert values(text, "2018-08-02") == [("7月25日", "2018-07-25"), ("此前", "PAST_REF")]


@pytest.mark.parametrize("text, expected", [
    ("这一点很重要。", []), ("央行提出三点要求。", []), ("这一时间节点不会推迟。", []), ("一时间，市场哗然。", []),
    ("凌晨一点，系统切换。", [("凌晨一点", "2017-03-25T01:00")]), ("三点整出发。", [("三点", "2017-03-25T03:00")]),
    ("8点开始。", [("8点", "2017-03-25T08:00")]), ("晚上十时许发布。", [("晚上十时", "2017-03-25T22:00")]),
])  # fmt: skip
def test_time_zh_a_bare_hour_in_chinese_numerals_is_a_time_only_as_a_clock_reads(text, expected):
    """一点 is "a little", 三点要求 three points, 一时间 "for a while": a time needs a part of the day,
    minutes, digits or a clock's tail (整, 许, 钟)."""
    assert values(text) == expected


def test_time_zh_the_written_day_before_yesterday_and_the_words_that_only_hold_it():
    """前日 is 前天 in written Chinese; 目前日均 ("at present, a day on average") holds no date."""
    assert values("招商银行前日发布声明否认。", "2018-07-03") == [("前日", "2018-07-01")]
    assert [t for t, _ in values("网联目前日均处理交易1亿笔。", "2018-07-03")] == ["目前"]


@pytest.mark.parametrize("text, value", [
    ("民國107年6月30日起，支付機構須全部接入網聯。", "2018-06-30"),
    ("中華民國一百零七年七月一日起實施。", "2018-07-01"),
    ("民國99年5月，第三方支付管理辦法發布。", "2010-05"),
])
def test_time_zh_a_year_of_the_republic_is_counted_from_1911(text, value):
    """Taiwan writes years of the Republic of China (民國107年 is 2018), not a duration of 107 years."""
    assert values(text, "2018-07-03")[0][1] == value
