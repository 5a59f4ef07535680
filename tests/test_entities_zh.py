"""Chinese recognition and resolution: curated names through jieba, organisation, document and
person patterns, and in-article short forms. Sentences are our own."""

from __future__ import annotations

import opencc
import pytest

from entities_helpers import by_text, run_text
from pipeline.extract.entities.english_names import id_spelling
from pipeline.extract.entities.model import discovered_id
from pipeline.extract.nlp import get_nlp


def person_id(name: str) -> str:
    """A Chinese person's id: made from the pinyin English news would write (范一飞 Fan Yifei)."""
    return discovered_id("person", id_spelling(name, "person"))


@pytest.fixture(scope="module")
def nlp():
    return get_nlp("zh")


def test_entities_zh_curated_names_are_whole_jieba_tokens(nlp):
    doc = nlp("网联系统与银联系统有一定相似性。")
    assert "网联" in [t.text for t in doc]
    assert [(e.text, e.id_) for e in doc.ents] == [("网联", "netsunion"), ("银联", "unionpay")]


@pytest.mark.parametrize("text", ["分析人士指出，微信支付宝之争将进入新阶段。", "分析人士指出，微信支付寶之爭將進入新階段。"])
def test_entities_zh_two_names_written_together_are_both_found(nlp, text):
    """jieba cuts 微信|支付宝; 微信支付, the longest name there, ends inside a word."""
    found = by_text(run_text(nlp, text, "zh"))
    assert found.get("微信") == ["wechat_pay"] and (found.get("支付宝") or found.get("支付寶")) == ["alipay"], found


@pytest.mark.parametrize("text, name, entity_id", [
    ("中国银联与网联清算有限公司都是清算机构。", "中国银联", "unionpay"),
    ("中国银联与网联清算有限公司都是清算机构。", "网联清算有限公司", "netsunion"),
    ("人民银行支付结算司要求各银行完成接入。", "人民银行支付结算司", "pboc_payment_dept"),
    ("据央行有关负责人介绍，工作已经开始。", "央行", "pboc"),
    ("随着支付宝和微信支付的崛起，财付通也在增长。", "财付通", "tenpay"),
    # names jieba cuts into a curated name and a word, or into words and 银行 (the banks as a whole)
    ("银联商务相关负责人表示，切换工作已经完成。", "银联商务", "ums"),
    ("网商银行和微众银行也已接入网联平台。", "网商银行", "mybank"),
    ("网商银行和微众银行也已接入网联平台。", "微众银行", "webank"),
])
def test_entities_zh_curated_names_resolve(nlp, text, name, entity_id):
    assert by_text(run_text(nlp, text, "zh"))[name] == [entity_id]


def test_entities_zh_traditional_characters_resolve_and_stay_as_written(nlp):
    text = "網聯清算有限公司與銀聯都要求支付寶和財付通接入，人民銀行表示備付金將集中存管。"
    result = run_text(nlp, text, "zh")
    found = by_text(result)
    assert found["網聯清算有限公司"] == ["netsunion"]
    assert found["銀聯"] == ["unionpay"]
    assert found["支付寶"] == ["alipay"]
    assert found["財付通"] == ["tenpay"]
    assert found["人民銀行"] == ["pboc"]
    assert all(text[m.start:m.end] == m.text for m in result.mentions)


@pytest.mark.parametrize("text, name", [("人行辦公廳發出通知。", "人行辦公廳"), ("央行清算总中心牵头出资。", "央行清算总中心")])
def test_entities_zh_a_unit_is_named_with_any_name_of_its_bank(nlp, text, name):
    """The table writes 中国人民银行办公厅; texts put the bank's other names before the unit."""
    assert by_text(run_text(nlp, text, "zh"))[name] == [{"人行辦公廳": "pboc_general_office"}.get(name, "pboc_clearing_center")]


def test_entities_zh_bank_of_china_is_not_banking_industry(nlp):
    text = "中央财经大学中国银行业研究中心主任郭田勇认为监管有必要。"
    found = by_text(run_text(nlp, text, "zh"))
    assert "bank_of_china" not in {i for ids in found.values() for i in ids}
    assert found["中央财经大学中国银行业研究中心"] == ["org:中央财经大学中国银行业研究中心"]
    plain = by_text(run_text(nlp, "中国银行网络金融部副总经理出席。", "zh"))
    assert plain["中国银行"] == ["bank_of_china"]


@pytest.mark.parametrize("text, name, entity_type", [
    ("浙江易士企业管理服务有限公司被查出挪用备付金。", "浙江易士企业管理服务有限公司", "company"),
    ("中国人民大学重阳金融研究院客座研究员董希淼举例称。", "中国人民大学重阳金融研究院", "organization"),
    ("中国银行业协会发布报告。", "中国银行业协会", "association"),
    ("中国社科院金融研究所支付清算研究中心发布报告。", "中国社科院金融研究所支付清算研究中心", "organization"),
    # the verb before the name (继, "after") is no part of it
    ("继平安银行之后，又有两家银行关闭了通道。", "平安银行", "bank"),
    ("中国银保监会尚未就此表态。", "中国银保监会", "regulator"),
    ("国家外汇管理局尚未就此表态。", "国家外汇管理局", "regulator"),
])
def test_entities_zh_organisation_patterns(nlp, text, name, entity_type):
    result = run_text(nlp, text, "zh")
    mention = next(m for m in result.mentions if m.text == name)
    assert mention.label == entity_type
    assert mention.entity_id.startswith("org:")


@pytest.mark.parametrize("text", ["支付机构应通过交存银行办理。", "由商业银行开立专用存款账户。",
                                  "控制中心和业务中心都在北京。", "第三方支付机构将无法直连银行。",
                                  # described, not named: "a payment company in East China"
                                  "一家华东地区支付公司的负责人说。", "另一家北京支付公司也表示赞同。", "这家深圳支付公司表示。",
                                  "中小银行都会在年内完成切换。", "全国性银行已经关闭直连通道。",
                                  # a kind named by what it is not: non-bank institutions
                                  "平台主要处理由非银行金融机构发起的网络支付业务。",
                                  "一位不愿具名的华南地区支付公司高管说。",
                                  # a date's last character is no name's first
                                  "6月30日起所有涉及银行账户的网络支付业务须经网联处理。",
                                  # a modal and a verb before 银行, its object, are no bank's name
                                  "规范明确，支付机构不得直接连接银行办理条码支付业务。"])
def test_entities_zh_generic_words_are_not_organisations(nlp, text):
    assert not [m for m in run_text(nlp, text, "zh").mentions if m.entity_id.startswith("org:")]


def test_entities_zh_document_numbers(nlp):
    text = "央行下发《条码支付业务规范（试行）》（银发〔2017〕296号），并按银支付〔2017〕209号执行，银办发〔2018〕99号另有规定。"
    found = by_text(run_text(nlp, text, "zh"))
    assert found["条码支付业务规范（试行）"] == ["doc_296_barcode_rules"]
    assert found["银发〔2017〕296号"] == ["doc_296_barcode_rules"]
    assert found["银支付〔2017〕209号"] == ["doc_209"]
    assert found["银办发〔2018〕99号"] == ["doc:银办发_2018_99号"]


@pytest.mark.parametrize("verb", ["下发", "印发", "根据"])
def test_entities_zh_the_verb_before_a_number_is_not_the_issuers_abbreviation(nlp, verb):
    text = f"人民银行办公厅{verb}银办发〔2018〕114号文。央行{verb}银发〔2099〕7号。"
    found = by_text(run_text(nlp, text, "zh"))
    assert found["银办发〔2018〕114号文"] == ["doc_114_full_deposit"]
    assert found["银发〔2099〕7号"] == ["doc:银发_2099_7号"]


@pytest.mark.parametrize("defined, named_by", [("（以下简称《规程》）", "支付机构客户备付金存管操作规程"), ("（下称《规程》）", "支付机构客户备付金存管操作规程"),
                                              ("（银发〔2099〕7号，以下简称《规程》）", "银发〔2099〕7号")])
def test_entities_zh_titled_document_and_its_short_name(nlp, defined, named_by):
    """The short name defined in brackets is the document named just before it: the title, or the
    document's number in the same brackets."""
    text = (f"央行下发了《支付机构客户备付金存管操作规程》{defined}。"
            "《规程》明确了交存比例。")
    result = run_text(nlp, text, "zh")
    found = by_text(result)
    full = found[named_by]
    assert full[0].startswith("doc:")
    assert found["规程"] == full * 2  # the definition and the later use
    assert next(m for m in result.mentions if m.text == "规程").label == "document"


@pytest.mark.parametrize("text, name, label", [("《信報》引述業內人士稱。", "信報", "media"), ("《新京报》记者获悉。", "新京报", "media"),
                                               ("《2017年年报》显示。", "2017年年报", "document")])
def test_entities_zh_a_short_title_ending_in_a_newspaper_word_is_the_paper(nlp, text, name, label):
    found = {m.text: m.label for m in run_text(nlp, text, "zh").mentions}
    assert found.get(name) == label, found


def test_entities_zh_magazine_in_brackets_is_media_not_document(nlp):
    found = by_text(run_text(nlp, "研究员赵鹞向《财经》记者表示，发布平稳。", "zh"))
    assert found["《财经》"] == ["caijing"]
    assert "财经" not in found


@pytest.mark.parametrize("text, name", [
    ("据金融早报报道，网联开始试运行。", "金融早报"),
    ("新经济导报记者获悉，支付宝已接入网联。", "新经济导报"),
    ("证券时讯消息，网联开始试运行。", "证券时讯"),
])
def test_entities_zh_a_name_ending_in_a_newspaper_word_is_media(nlp, text, name):
    result = run_text(nlp, text, "zh")
    assert next(m for m in result.mentions if m.text == name).label == "media"


@pytest.mark.parametrize("text, name", [
    ("原创：金桥观察 记者 何思远 2018-05-11", "金桥观察"),
    ("来源:支付新知网 作者:周博 2018-12-24", "支付新知网"),
    ("（本文来源：金桥观察，ID：jqgc；责编：钟言）", "金桥观察"),
    ("来源：金桥观察综合", "金桥观察"),  # 综合: compiled by the outlet
])
def test_entities_zh_the_outlet_a_page_names_as_its_source_is_media(nlp, text, name):
    result = run_text(nlp, text, "zh")
    assert next(m for m in result.mentions if m.text == name).label == "media"


@pytest.mark.parametrize("text, name, role, affiliation", [
    ("苏宁金融研究院互联网金融研究中心主任薛洪言表示，断直连已近尾声。", "薛洪言", "主任", "suning_ifrc"),
    ("中国银行网络金融部副总经理董俊峰此前借调到人民银行。", "董俊峰", "副总经理", "bank_of_china"),
    ("易观支付分析师王蓬博进一步指出，影响不大。", "王蓬博", "分析师", "analysys"),
    ("北京商报记者张弛报道，网联开始试运行。", "张弛", "记者", "beijing_business_today"),
    ("央行副行长范一飞曾表示，网联定位公共属性。", "范一飞", "副行长", "pboc"),
    # jieba's own words 大学教授, 证券分析师 would hide the organisation's suffix
    ("中央财经大学教授王磊认为，网联的建立是重大变革。", "王磊", "教授", "org:中央财经大学"),
    ("中泰证券分析师刘健表示，断直连完成后央行可以看清资金流向。", "刘健", "分析师", "org:中泰证券"),
])
def test_entities_zh_people_by_role(nlp, text, name, role, affiliation):
    result = run_text(nlp, text, "zh")
    assert by_text(result)[name] == [person_id(name)]
    person = next(d for d in result.discovered if d.id == person_id(name))
    assert person.roles[0]["role"] == role
    assert person.roles[0]["affiliation"] == affiliation


def test_entities_zh_coordinated_people_share_the_role(nlp):
    result = run_text(nlp, "零壹财经分析师孙爽和郭竞指出，创收方式将改变。", "zh")
    roles = {d.id: d.roles[0]["role"] for d in result.discovered if d.type == "person"}
    assert roles == {person_id("孙爽"): "分析师", person_id("郭竞"): "分析师"}


def test_entities_zh_people_by_speech_verb_and_repeats(nlp):
    text = "王蓬博表示，竞争不是坏事。在王蓬博看来，存管扫清了障碍。"
    assert by_text(run_text(nlp, text, "zh"))["王蓬博"] == [person_id("王蓬博")] * 2


def test_entities_zh_english_and_chinese_names_are_one_entity(nlp):
    zh = by_text(run_text(nlp, "网联与银联都在北京。", "zh"))
    en = by_text(run_text(get_nlp("en"), "NetsUnion and UnionPay are both in Beijing.", "en"))
    assert zh["网联"] == en["NetsUnion"] and zh["银联"] == en["UnionPay"] and zh["北京"] == en["Beijing"]


def test_entities_zh_place_abbreviations_only_in_lists(nlp):
    listed = run_text(nlp, "网联采用京、沪、深多个机房的分布式架构。", "zh")
    assert by_text(listed) == {"网联": ["netsunion"], "京": ["beijing"], "沪": ["shanghai"], "深": ["shenzhen"]}
    assert {m.resolved_by for m in listed.mentions if len(m.text) == 1} == {"context"}
    alone = by_text(run_text(nlp, "他爱听京剧，水很深。", "zh"))
    assert "京" not in alone and "深" not in alone


def test_entities_zh_a_post_after_the_name_keeps_its_hedge(nlp):
    # 有望担任: expected to take the post; the role says so, and NetsUnion is where.
    result = run_text(nlp, "中国银行网络金融部副总经理董俊峰牵头筹备。公司成立之后，董俊峰有望担任网联总裁。", "zh")
    person = next(d for d in result.discovered if d.id == person_id("董俊峰"))
    assert [(r["role"], r["affiliation"]) for r in person.roles] == [("副总经理", "bank_of_china"), ("有望担任总裁", "netsunion")]


@pytest.mark.parametrize("text, name", [
    ("本报讯（记者 林一鸣）网联平台今日上线。", "林一鸣"),
    ("来源：某某日报 作者：徐清 2018-06-30", "徐清"),
    ("（责任编辑：高远）", "高远"),
])
def test_entities_zh_byline_names_after_a_space_or_colon(nlp, text, name):
    assert by_text(run_text(nlp, text, "zh"))[name] == [person_id(name)]


@pytest.mark.parametrize("text, name", [
    ("公司的法定代表人为董俊峰，注册资本20亿元。", "董俊峰"),  # no role word right before it
    ("温信祥出席了发布会。", "温信祥"),
])
def test_entities_zh_a_name_jieba_does_not_know_is_a_person(nlp, text, name):
    result = run_text(nlp, text, "zh")
    assert [d.type for d in result.discovered if d.name == name] == ["person"], [(d.name, d.type) for d in result.discovered]


@pytest.mark.parametrize("text", ["备付金亦会如期于14日全部集中交存。", "王者归来的消息传遍了市场。"])
def test_entities_zh_words_that_start_with_a_surname_are_no_people(nlp, text):
    assert not [d for d in run_text(nlp, text, "zh").discovered if d.type == "person"]


def test_entities_zh_names_in_latin_letters_inside_chinese(nlp):
    found = by_text(run_text(nlp, "越来越多商户同时接受Alipay和WeChat Pay，也有商户只接受WeChat Pay HK。", "zh"))
    assert found["Alipay"] == ["alipay"] and found["WeChat Pay"] == ["wechat_pay"]
    # the start of a longer name is no name of its own
    assert "WeChat Pay HK" not in found and len(found["WeChat Pay"]) == 1


def test_entities_zh_an_office_is_one_organisation_with_its_english_name(nlp):
    zh = run_text(nlp, "国务院新闻办公室举行发布会。", "zh")
    en = run_text(get_nlp("en"), "The State Council Information Office held a briefing.", "en")
    zh_ids = by_text(zh)["国务院新闻办公室"]
    assert zh_ids == by_text(en)["State Council Information Office"] == ["org:state_council_information_office"]


@pytest.mark.parametrize("traditional", [False, True])
def test_entities_zh_an_office_stated_with_wei_is_at_the_organisation_the_sentence_opens_with(nlp, traditional):
    # In Traditional characters (法定代表人爲董俊峰) the role words are read on the Simplified view.
    text = "工商登记信息显示，网联清算有限公司董事长由中国支付清算协会的蔡洪波出任，法定代表人为董俊峰。"
    text = opencc.OpenCC("s2t.json").convert(text) if traditional else text
    roles = run_text(nlp, text, "zh").roles
    person = next(p for p in roles if p.startswith("person:dong_"))
    assert [(r["role"], r["affiliation"]) for r in roles[person]] == [("法定代表人", "netsunion")], roles


@pytest.mark.parametrize("text, holders", [
    ("公司共有45家股东，其中梧桐树投资平台持股10%；天翼电子商务持股2.77%；快钱、平安付各持股2.45%。",
     {"梧桐树投资平台", "天翼电子商务", "平安付"}),
    ("網聯股東中，梧桐樹投資平台持股10%。", {"梧桐樹投資平台"}),  # Traditional, kept as written
    ("公司股东中，某大型银行持股5%。", set()),  # an unnamed bank is no holder named
])
def test_entities_zh_a_shareholder_list_names_its_holders(nlp, text, holders):
    found = by_text(run_text(nlp, text, "zh"))
    discovered = {name for name, ids in found.items() if all(i and i.startswith("org:") for i in ids)}
    assert discovered == holders, found
    assert found.get("快钱", ["kuaiqian"]) == ["kuaiqian"]  # a curated holder stays curated


@pytest.mark.parametrize("text, names, entity_type", [
    # listed with a payment institution the table knows: payment institutions too, whatever word opens them
    ("截至6月30日，富友支付、银盛支付、通联支付、易宝支付等机构均已完成迁移。", ["富友支付", "银盛支付", "通联支付"], "payment_institution"),
    ("包括随行付、快钱和宝付在内的多家机构已完成迁移。", ["随行付", "宝付"], "payment_institution"),
])
def test_entities_zh_a_name_listed_with_known_ones_is_of_their_kind(nlp, text, names, entity_type):
    found = {m.text: m for m in run_text(nlp, text, "zh").mentions}
    for name in names:
        assert found[name].label == entity_type and found[name].entity_id.startswith("org:"), found


@pytest.mark.parametrize("text", [
    "用户可以使用支付宝、微信支付、银行卡等多种方式付款。",  # a common word listed beside names (jieba tags 银行卡 as a name)
    "北京、上海、深圳三地的机房已经建成。",  # places: no institution of a kind to share
    "支付宝、财付通等机构的条码支付业务已经迁移。",  # the kind after the list is none of its items
])
def test_entities_zh_a_list_lends_its_kind_only_to_names(nlp, text):
    assert not [m for m in run_text(nlp, text, "zh").mentions if m.entity_id.startswith("org:")]
