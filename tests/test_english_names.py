"""English for Chinese names the entity table does not know (extract.entities.english_names)."""

import pytest

from pipeline.ingest import ingest
from pipeline.extract.entities.english_names import english_name, id_spelling, with_english
from pipeline.views.timeline import timeline


@pytest.mark.parametrize("name, entity_type, english", [
    ("光大银行", "bank", "Guangda Bank"),  # an ending in English after the rest in pinyin
    ("天翼电子商务有限公司", "company", "Tianyi E-commerce Co., Ltd."),  # endings read from the end, longest first
    ("浙江易士", "company", "Zhejiang Yishi"),  # a place of the table opening the name
    ("平安银行", "bank", "Ping'an Bank"),  # the apostrophe before a syllable starting with a vowel
    ("交通银行", "bank", "Bank of Communications"),  # the dictionary lists the whole name, with "Bank"
    ("兴业银行", "bank", "Xingye Bank"),  # the dictionary's "Société Générale" has no "Bank": pinyin
    ("蔡洪波", "person", "Cai Hongbo"),  # family name first
    ("欧阳明", "person", "Ouyang Ming"),  # a family name of two characters
    ("興業銀行", "bank", "Xingye Bank"),  # Traditional characters read as Simplified
])
def test_english_name_of_a_chinese_name(name, entity_type, english):
    assert english_name(name, entity_type) == english


def test_names_without_chinese_and_document_titles_are_left_as_written():
    assert english_name("Alipay", "payment_institution") is None
    assert english_name("条码支付业务规范", "document") is None
    assert with_english("光大银行", "bank") == "Guangda Bank (光大银行)"
    assert with_english("光大银行", "bank", english="China Everbright Bank") == "China Everbright Bank (光大银行)"
    assert with_english("Alipay") == "Alipay"


def test_a_timeline_summary_names_a_chinese_party_in_english_too(fresh_store, write):
    text = "title: 银行公告\ndate: 2018-12-03\nlang: zh\n\n2018年9月，光大银行宣布关闭直连快捷支付接口，邮储银行也发布了类似公告。\n"
    ingest([write("banks.txt", text)], fresh_store)
    summaries = [e.summary for e in timeline(fresh_store, keep_undated=True)]
    assert any("Guangda Bank (光大银行)" in s for s in summaries), summaries


@pytest.mark.parametrize("chinese, english, entity_type", [
    ("范一飞", "Fan Yifei", "person"),  # pinyin, family name first, as English news writes it
    ("中信银行", "China CITIC Bank", "bank"),  # the dictionary's name for the whole bank
])
def test_a_name_discovered_in_chinese_has_the_id_of_its_english_spelling(chinese, english, entity_type):
    from pipeline.extract.entities.model import discovered_id

    assert discovered_id(entity_type, id_spelling(chinese, entity_type)) == discovered_id(entity_type, english)
    # A pinyin guess is no sure spelling: 光大银行 keeps its own id (English news say "Everbright").
    assert id_spelling("光大银行", "bank") == "光大银行"
