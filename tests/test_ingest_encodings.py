"""Encodings are detected, and so is the language when the file does not say it."""

import codecs

import pytest

from pipeline.ingest import ingest
from pipeline.ingest.clean import detect_lang

ZH = "title: 网联\n\n2017年8月，中国人民银行支付结算司要求支付机构于2018年6月30日前接入网联平台。财付通已接入银联和网联。"
EN = "title: Cafe\n\nThe café’s “barcode” payments went through NetsUnion in 2018 — naïvely or not."


@pytest.mark.parametrize(
    "text, encoding, bom",
    [
        (ZH, "utf-8", b""),
        (ZH, "utf-8", codecs.BOM_UTF8),
        (ZH, "gb18030", b""),
        (ZH, "gbk", b""),
        (ZH, "utf-16-le", codecs.BOM_UTF16_LE),
        (ZH, "utf-16-be", codecs.BOM_UTF16_BE),
        (EN, "utf-16-le", b""),
        (EN, "cp1252", b""),
    ],
)
def test_ingest_decodes(fresh_store, write, text, encoding, bom):
    path = write("a.txt", bom + text.encode(encoding))
    report = ingest([path], fresh_store)
    assert not report.failed, report.failed
    stored = fresh_store.article(fresh_store.articles()[0]["id"])
    assert stored["text"] == text.split("\n\n", 1)[1]
    assert stored["title"] == text.split("\n")[0].removeprefix("title: ")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("支付宝和财付通已接入网联。", "zh"),
        ("Alipay and Tenpay have connected to NetsUnion.", "en"),
        ("央行要求非银行支付机构（Alipay、Tenpay等）接入NetsUnion平台。", "zh"),
        ("The notice 银支付〔2017〕209号 asked payment institutions to move to NetsUnion by June 2018.", "en"),
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_ingest_lang_from_header_wins(fresh_store, write):
    ingest([write("a.txt", "lang: en\n\n支付宝 (Alipay) is the subject here.")], fresh_store)
    assert fresh_store.articles()[0]["lang"] == "en"
