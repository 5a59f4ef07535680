"""Inferring an article's publication date from its text (dateline, latest explicit dates)."""

from __future__ import annotations

import pytest

from pipeline.extract.time import PublicationDate, infer_publication_date


def body_of(path) -> str:
    """A corpus article without its `key: value` header (which holds the real date)."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def test_pubdate_founding_article(shared):
    text = (shared / "corpus" / "en" / "alipay-unionpay-netsunion-clearing-2018-09.txt").read_text(encoding="utf-8")
    found = infer_publication_date(text, "en")
    assert found.value == "2018-09-13"
    assert '"September 13th"' in found.evidence and "2018" in found.evidence


def test_pubdate_chinese_article_with_a_dateline(shared):
    # published 2017-03-25; its first sentence reports the news of 3月23日, and its
    # latest explicit date is 2016年三季度, so the dateline must fall in 2017
    found = infer_publication_date(body_of(shared / "corpus" / "zh" / "reserve-deposit-countdown-2017-03.txt"), "zh")
    assert found.value == "2017-03-23"
    assert "3月23日" in found.evidence and "2016年三季度" in found.evidence


def test_pubdate_chinese_article_with_only_years_is_not_guessed(shared):
    # no dateline and no explicit month: a bare year cannot give "YYYY-MM"
    assert infer_publication_date(body_of(shared / "corpus" / "zh" / "netsunion-grey-launch-test-2017-03.txt"), "zh") is None


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Beijing, March 5, 2019 -- The bank said it would comply.", "en", "2019-03-05"),
        ("Shanghai reporter.\n\nIn June 3rd, the bank joined. In August 2017 rules were issued.", "en", "2018-06-03"),
        ("In March 2016 the rules were drafted; in May 2016 they were issued.", "en", "2016-05"),
        ("3月23日，机构证实，2016年三季度备付金超过4600亿元。", "zh", "2017-03-23"),
        ("The bank said it would comply.", "en", None),
    ],
)
def test_pubdate_from_dateline_and_latest_dates(text, lang, value):
    found = infer_publication_date(text, lang)
    assert (found.value if found else None) == value


def test_pubdate_is_a_small_frozen_record():
    found = PublicationDate("2018-09-13", "dateline")
    with pytest.raises(AttributeError):
        found.value = "2018-09-14"
