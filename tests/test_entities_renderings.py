"""Garbles by construction: renderings of the curated Chinese names, tested with the English
garbles held OUT of the table (a copy of entities.yaml that keeps only canonical English names),
so a pass means the rendering was derived, not listed. The renderings below are our own."""

from __future__ import annotations

import pytest
import yaml
from entities_helpers import by_text, run_text

from pipeline.extract.entities import load_entity_table
from pipeline.extract.entities.renderings import DEFAULT_TABLE_HINT, Renderings
from pipeline.extract.nlp import get_nlp


@pytest.fixture(scope="module")
def held_out(tmp_path_factory):
    data = yaml.safe_load(DEFAULT_TABLE_HINT.read_text(encoding="utf-8"))
    for record in data["entities"]:
        (record.get("aliases") or {}).pop("en", None)
        record.pop("exact", None)
    path = tmp_path_factory.mktemp("table") / "entities.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Renderings(load_entity_table(path))


def _spans(renderings: Renderings, text: str) -> dict[str, str]:
    words = [renderings.normalise(w) for w in text.replace(",", " , ").split()]
    return {" ".join(text.replace(",", " , ").split()[a:b]): entity for a, b, entity, _ in renderings.match(words)}


@pytest.mark.parametrize("text, span, entity_id", [
    ("the Net Alliance said", "Net Alliance", "netsunion"),  # 网 net, 联 alliance
    ("Silver Link and others", "Silver Link", "unionpay"),  # 银 silver, 联 link
    ("Treasure Pay", None, None),  # the order of the characters is kept: no match
    ("Zhifubao grew", "Zhifubao", "alipay"),  # pinyin as one word
    ("Cai Fu Tong said", "Cai Fu Tong", "tenpay"),  # pinyin, a syllable a word
    ("Money Pay Through", "Money Pay Through", "tenpay"),  # 财 money, 付 pay, 通 through
    # "in" renders 中 of 支付宝（中国）, a part the name may leave out: the name ends before it
    ("Pay Treasure in March completed", "Pay Treasure", "alipay"),
    ("the Ant Gold Serve group", "Ant Gold Serve group", "ant_financial"),
    ("the Ant Gold Service group", "Ant Gold Service group", "ant_financial"),  # 服 to serve: service
    ("Easy Treasure said", "Easy Treasure", "yeepay"),  # 易宝, YeePay's short name: 易 easy, 宝 treasure
    ("Netunion Clearing Co., Ltd. said", "Netunion Clearing Co. , Ltd.", "netsunion"),  # one word, two characters
    # 快 fast: a sense CC-CEDICT writes inside another behind semicolons ("fast; high-speed; rapid")
    ("Alipay and Fast Money said", "Fast Money", "kuaiqian"),
    # 中国 moved last, after "of", as English orders an association's name (中国支付清算协会)
    ("the Payment Liquidation Association of China approved", "Payment Liquidation Association of China", "pcac"),
    # 条码 barcode, written apart: a compound's two spellings are one word
    ("the bar code payment business norms were issued", "bar code payment business norms", "doc_296_barcode_rules"),
])
def test_entities_renderings_held_out_garbles_resolve(held_out, text, span, entity_id):
    found = _spans(held_out, text)
    if span is None:
        assert not found, found
    else:
        assert found.get(span) == entity_id, found


@pytest.mark.parametrize("text", ["a Chinese bank", "the network", "fast growth", "the Union",
                                  "at the end of March", "bar code payment is popular",  # 央 end, 行 march: words of a date are no name
                                  "the market once spread out the news"])  # 腾 (腾出) out, 讯 news: telling news is no name
def test_entities_renderings_ordinary_words_are_no_name(held_out, text):
    assert not _spans(held_out, text)


def test_entities_renderings_read_every_sense_between_slashes_and_semicolons():
    from pipeline.extract.entities.renderings import senses

    assert list(senses("/fast; high-speed; rapid/quick/")) == ["fast", "high-speed", "rapid", "quick"]
    assert list(senses("/variant of 捷[jie2]; quick/nimble/")) == ["nimble"]  # a variant's sense is skipped whole


def test_entities_renderings_never_merge_unionpay_and_netsunion(held_out):
    # 银联 and 网联 share 联: what renders the other character decides, and one word alone is
    # left to the article (context.py).
    assert _spans(held_out, "Silver Union") == {"Silver Union": "unionpay"}
    assert _spans(held_out, "Net Union") == {"Net Union": "netsunion"}
    assert {"unionpay", "netsunion"} <= held_out.partial("union")


def test_entities_renderings_a_persons_given_name_renders_nothing():
    """彭博 is Bloomberg, and "Pengbo" its pinyin; after a family name it is a person's given name."""
    found = by_text(run_text(get_nlp("en"), "Wang Pengbo, senior analyst of Broadcom Consulting, said the reserves were deposited.", "en"))
    assert found["Wang Pengbo"] == ["person:wang_pengbo"]
    assert "Pengbo" not in found


@pytest.mark.parametrize("text, name_words, subject", [
    # "Through" is a preposition and "Pay" a verb unless the parser reads them as a name's words
    ("Pay treasure and Wealth Pay Through both said the work had been completed.", ["Wealth", "Pay", "Through"], "treasure"),
    ("Wealth Pay Through and the silver union reached cooperation in March.", ["Wealth", "Pay", "Through"], "Through"),
])
def test_entities_renderings_are_parsed_as_names(text, name_words, subject):
    doc = get_nlp("en")(text)
    tokens = {t.text: t for t in doc}
    assert all(tokens[w].pos_ == "PROPN" for w in name_words), [(t.text, t.pos_) for t in doc]
    assert tokens[subject].dep_ == "nsubj", [(t.text, t.dep_, t.head.text) for t in doc]


def test_entities_renderings_leave_the_norms_of_names_written_as_names():
    """"Net Union Clearing Co., Ltd." parses as written: only words no name is made of are read as a name's."""
    doc = get_nlp("en")("In August, Net Union Clearing Co., Ltd. was registered in Beijing, and Pay treasure connected.")
    assert [t.text for t in doc if t.norm_ != t.lower_] == ["Pay", "treasure"]
