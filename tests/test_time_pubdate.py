"""An article's publication date from where the page states it (URL, release line, dateline, a
relative day tied to its date) and, last, from what its text implies; undated when unsure."""

from __future__ import annotations

import pytest

from pipeline.extract.time import PublicationDate, find_publication_date, infer_publication_date
from pipeline.extract.time.pubdate_text import url_date


def body_of(path) -> str:
    """A corpus article without its `key: value` header (which holds the real date)."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def test_pubdate_founding_article(shared):
    # published 2018-09-13: its lead reports "September 13th"; the year comes from the dates
    # it writes out (December 2017 told as past, the 30 June 2018 deadline), the month only
    # from the lead (it was published on or after that day)
    text = (shared / "corpus" / "en" / "alipay-unionpay-netsunion-clearing-2018-09.txt").read_text(encoding="utf-8")
    found = infer_publication_date(text, "en")
    assert found.value == "2018-09"
    assert '"September 13th"' in found.evidence and "2018" in found.evidence


def test_pubdate_chinese_article_with_a_lead_date(shared):
    # published 2017-03-25; its lead reports the news of 3月23日, and it tells 截至2016年三季度
    # as past, so the lead falls in 2017
    found = infer_publication_date(body_of(shared / "corpus" / "zh" / "reserve-deposit-countdown-2017-03.txt"), "zh")
    assert found.value == "2017-03"
    assert "3月23日" in found.evidence and "2016年三季度" in found.evidence


def test_pubdate_chinese_article_with_only_years_is_not_guessed(shared):
    assert infer_publication_date(body_of(shared / "corpus" / "zh" / "netsunion-grey-launch-test-2017-03.txt"), "zh") is None


@pytest.mark.parametrize(
    "text, lang, value, source",
    [
        ("Beijing, March 5, 2019 -- The bank said it would comply.", "en", "2019-03-05", "dateline"),
        ("Payment firms cut direct links\n\nTime: 2017-12-28 10:16:33   Source: Economic Daily\n\n"
         "The rules take effect on April 1, 2018.", "en", "2017-12-28", "dateline"),
        ("断直连大限已至\n\n发布时间：2018-06-30 10:15  来源：金融早报\n\n支付机构网络支付业务明起全部走网联。", "zh", "2018-06-30", "dateline"),
        ("Banks also disconnect\n\nReporter Han Xue December 3\n\nSince July, six banks closed their "
         "interfaces. On July 31, 2018, China CITIC Bank announced it first.", "en", "2018-12-03", "dateline"),
        ("本报北京4月28日讯（记者 陈浩）昨日有消息称支付宝接入银联。2018年4月27日晚，银联回应称不实。", "zh", "2018-04-28", "dateline"),
        ("Title\n\n2018-06-30 星期六\n\n银行表示将遵守新规。", "zh", "2018-06-30", "dateline"),
        ("央行要求撤销账户\n人民网－人民日报 2018年12月06日\n央行支付结算司下发通知。", "zh", "2018-12-06", "dateline"),
        # 电 as a machine translation renders it
        ("Title\n\nXinhua News Agency, Beijing, December 6 electricity (reporter Wang) The central bank "
         "requires the accounts closed before January 14, 2019.", "en", "2018-12-06", "dateline"),
        ("Title\n\nMonday, June 30, 2018\n\nThe bank said it would comply.", "en", "2018-06-30", "dateline"),
        ("Our newspaper news (reporter Sun Yue) Yesterday is June 30, 2018, the big limit day of the "
         "payment industry.", "en", "2018-07-01", "text"),
        ("Shanghai reporter.\n\nIn June 3rd, the bank joined. In August 2017 rules were issued.", "en", "2018-06", "inferred"),
        ("3月23日，机构证实，2016年三季度备付金超过4600亿元。", "zh", "2017-03", "inferred"),
        # a short line with a reporter's name is a byline only when it holds no sentence: this
        # one is the lead, whose day near a month's end gives the year alone
        ("本报讯（记者 王静）央行下发通知。2018年6月29日，央行发布114号文。", "zh", "2018", "inferred"),
        # machine-translated release lines (发布时间, 责任编辑) and year-first dates with slashes or dots
        ("Title\n\nTime of issue: 2018-06-28\n\nThe bank said it would comply.", "en", "2018-06-28", "dateline"),
        ("Title\n\nDate: 2018/06/28\n\nThe bank said it would comply.", "en", "2018-06-28", "dateline"),
        ("Title\n\nReporter Li Wei | 2018.6.28\n\nThe bank said it would comply.", "en", "2018-06-28", "dateline"),
        ("Title\n\nEditor: Zhang San 2018-06-28\n\nThe bank said it would comply.", "en", "2018-06-28", "dateline"),
        ("标题\n\n发布：2018-06-30\n\n银行表示将遵守新规。", "zh", "2018-06-30", "dateline"),
        ("标题\n\n阅读量：1234 2018-06-30\n\n银行表示将遵守新规。", "zh", "2018-06-30", "dateline"),
        # a site's name and a full date under the title, a comma between them
        ("Title\n\nEconomic Information Daily, June 28, 2018\n\nThe bank said it would comply.", "en", "2018-06-28", "dateline"),
        # a row of fields parted by bars, and a label the date follows without a colon
        ("2 July 2018 | Jane Doe\n\nThe bank said it would comply.", "en", "2018-07-02", "dateline"),
        ("Title\n\nSino Finance Daily | 10 Dec 2018\n\nThe bank said it would comply.", "en", "2018-12-10", "dateline"),
        ("Title\n\nFirst published Dec 10 2018\n\nThe bank said it would comply.", "en", "2018-12-10", "dateline"),
    ],
)
def test_pubdate_from_the_words_of_the_page(text, lang, value, source):
    found = find_publication_date(text, lang)
    assert (found.value, found.source) == (value, source), found.evidence


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In March 2016 the rules were drafted; in May 2016 they were issued.", "en"),
        ("The bank said it would comply.", "en"),
        # a fact box and a figure's as-of date near the top are no release lines
        ("Title here\n\nFounded: 29 August 2017\n\nThe bank said it would comply.", "en"),
        ("Title here\n\nThe bank, on June 30, 2018, said so\n\nIt would comply.", "en"),
        ("Title here\n\nSource: PBOC, data as of June 30, 2018\n\nThe bank said it would comply.", "en"),
        # 02/07/2018: 7 February in the US, 2 July elsewhere
        ("Title here\n\nLast updated 02/07/2018\n\nThe bank said it would comply.", "en"),
        ("Title here\n\nDate: 10/12/2018\n\nThe bank said it would comply.", "en"),
        # an encyclopedia: dates of history, none told as recent
        ("NetsUnion Clearing Corporation is a clearing house. Since 30 June 2018, online payments "
         "have gone through it. In 2019 it processed 397 billion transactions.", "en"),
    ],
)
def test_pubdate_abstains_without_evidence_that_dates_the_article(text, lang):
    found = find_publication_date(text, lang)
    assert found.value is None and found.evidence.startswith("undated")


def test_pubdate_from_a_labelled_release_line_closing_a_long_page():
    paragraphs = "".join(f"第{i}段：支付机构已完成断直连改造，网联处理的交易量持续上升。\n" for i in range(12))
    found = find_publication_date("断直连收官\n" + paragraphs + "（责任编辑：赵六）2018-07-02", "zh")
    assert (found.value, found.source) == ("2018-07-02", "dateline") and "closing release line" in found.evidence
    english = "Payment firms cut direct links\n" + "The platform grew again this month.\n" * 12
    assert find_publication_date(english + "Published: 2018-07-02", "en").value == "2018-07-02"
    # a date alone closing the text is as often the date of a notice the page reprints
    assert find_publication_date("断直连收官\n" + paragraphs + "中国人民银行\n2017年8月4日", "zh").value is None


def test_pubdate_changes_with_the_date_in_the_text():
    text = ("BEIJING, Aug 8 (Meridian) - China's central bank has ordered payment companies to route "
            "online payments through a new clearing house. The notice was issued on August 4, 2017.")
    assert find_publication_date(text, "en").value == "2017-08-08"
    assert find_publication_date(text.replace("Aug 8", "Aug 9"), "en").value == "2017-08-09"
    # the dateline has no year: it comes from the date the text writes out
    assert find_publication_date(text.replace("2017", "2018"), "en").value == "2018-08-08"


def test_pubdate_dateline_takes_its_year_from_the_evidence():
    # no year in the dateline; the deadline and what happened before it place it in 2018
    text = ("SHANGHAI, July 1 (Xinhua) -- Online payments must from Sunday be processed by NetsUnion. "
            "A total of 115 payment institutions had connected by the June 30, 2018 deadline set in "
            "August 2017.")
    found = find_publication_date(text, "en")
    assert (found.value, found.source) == ("2018-07-01", "dateline")
    assert '"SHANGHAI, July 1 (Xinhua) --' in found.evidence and "2018" in found.evidence


def test_pubdate_relative_year_naming_a_written_date_gives_the_year():
    # "January 14 next year" is "January 14, 2019": the article was written in 2018, although the
    # nearest past date it writes out is from 2017
    text = ("Beijing, December 6 news (reporter Wen Jing) The central bank requires payment institutions "
            "to close their accounts before January 14 next year. In January 2017 the central bank "
            "started the deposit; the accounts must be closed before January 14, 2019.")
    found = find_publication_date(text, "en")
    assert found.value == "2018-12-06"
    assert '"January 14 next year" is "January 14, 2019"' in found.evidence


@pytest.mark.parametrize("cue", ["since 2016", "as early as 2016", "back in 2016"])
def test_pubdate_background_year_never_dates_the_article(cue):
    text = f"BEIJING, Aug 8 (Meridian) - Payment companies, regulated {cue}, must route payments through NetsUnion."
    found = find_publication_date(text, "en")
    assert found.value is None
    assert '"BEIJING, Aug 8 (Meridian)' in found.evidence and "gives no year" in found.evidence
    # the same year told as news dates it
    assert find_publication_date(text.replace(cue, "in May 2016"), "en").value == "2016-08-08"


def test_pubdate_chinese_background_year_never_dates_the_article():
    text = "本报北京8月8日讯 央行早在2010年6月就提出备付金管理要求，支付机构须接入网联。"
    assert find_publication_date(text, "zh").value is None
    assert find_publication_date(text.replace("早在2010年6月就", "于2017年8月4日"), "zh").value == "2017-08-08"


@pytest.mark.parametrize(
    "url, value",
    [
        ("https://www.asianbankingledger.com/2018/09/14/alipay-signs-unionpay-clearing-pact/", "2018-09-14"),
        ("http://www.hxmoney-en.com/finance/20170114/27744.html", "2017-01-14"),
        ("http://paper.people.com.cn/rmrb/html/n1/2018/1206/c1004-30445678.html", "2018-12-06"),
        ("http://www.huaxiashixun.cn/jinrong/2018-12/07/content_1520663.htm", "2018-12-07"),
        ("http://www.finchina-en.net/html/2019/0311/65127.html", "2019-03-11"),
        ("https://example.com/news/2018/09/some-story", "2018-09"),
        ("http://www.cnfinance-en.com/news/20418-The_central_bank.html", None),
        ("https://www.yuanbrief.com/explainers/payment-reserves-full-custody", None),
        (None, None),
    ],
)
def test_pubdate_url_dates(url, value):
    found = url_date(url)
    assert (found.value if found else None) == value


def test_pubdate_url_wins_over_the_words():
    text = "BEIJING, Aug 8 (Meridian) - The notice was issued on August 4, 2017."
    found = find_publication_date(text, "en", url="https://example.com/2017/08/09/notice")
    assert (found.value, found.source) == ("2017-08-09", "url")
    # a URL with only the month gives the dateline its year
    found = find_publication_date("BEIJING, Aug 8 (Meridian) - The notice was issued.", "en",
                                  url="https://example.com/2017/08/notice")
    assert (found.value, found.source) == ("2017-08-08", "dateline")


def test_pubdate_is_a_small_frozen_record():
    found = PublicationDate("2018-09-13", "dateline")
    with pytest.raises(AttributeError):
        found.value = "2018-09-14"
