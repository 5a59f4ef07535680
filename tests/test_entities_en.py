"""English recognition and resolution: the garbles of the issue, near spellings, and traps.

Sentences are our own, written in the style of the founding article's machine translation.
The English model is loaded once for the module.
"""

from __future__ import annotations

import pytest

from entities_helpers import by_text, run_text
from pipeline.extract.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp("en")


def test_entities_en_pipeline_places_ruler_before_ner(nlp):
    names = nlp.pipe_names
    assert names.index("kb_curated_ruler") < names.index("ner") < names.index("kb_ent_fixes")
    assert "parser" in names  # the events stage reuses the parse


@pytest.mark.parametrize("text, name, entity_id", [
    ("Alipay has entered into cooperation with UnionPay.", "Alipay", "alipay"),
    ("Alipay and Cai Fu Tongs bar code payment business has wide audience.", "Cai Fu Tongs", "tenpay"),
    ("It shall be handled through the Peoples Bank of Chinas inter-bank clearing system.",
     "Peoples Bank of Chinas", "pboc"),
    ("Alipay works with UnionPay and Internet Federation to carry out liquidation.",
     "Internet Federation", "netsunion"),
    ("In May, the Internet Union and Alipay announced the cooperation.", "Internet Union", "netsunion"),
    ("The Payment Department of the Central Bank issued its Article 209 in August.",
     "Article 209", "doc_209"),
    # a known name right before a rendering is no longer unknown name around it
    ("People's Bank of China Liquidation Total Center holds 12%.", "Liquidation Total Center", "pboc_clearing_center"),
    # an ordinary word a translation made a name of: a name where it describes no noun
    ("The first batch includes Pay treasure, Fiscal and 4 banks.", "Fiscal", "tenpay"),
    ("UnionPay and Fiscal signed the agreement.", "Fiscal", "tenpay"),
    ("Payments should all go through Networking or UnionPay.", "Networking", "netsunion"),
    ("The People's Bank of China General Office issued the notice.", "People's Bank of China General Office", "pboc_general_office"),
    ("The people's Bank office hall issued the notice.", "people's Bank office hall", "pboc_general_office"),
    ("Yesterday, the central bank office issued the notice.", "central bank office", "pboc_general_office"),
    # the platform's full name in the order of its Chinese name
    ("The non-bank payment institution network payment clearing platform started a trial run.",
     "non-bank payment institution network payment clearing platform", "netsunion"),
    # the other spelling of a word of a name
    ("The National Clearing Centre signed the agreement.", "National Clearing Centre", "pboc_clearing_center"),
    # 209号文 word by word
    ("Last year August, central bank payment settlement department issue 209 text.", "209 text", "doc_209"),
    # a unit written with its bank as owner
    ("It was set up by the central bank's clearing centre and 44 others.", "central bank's clearing centre", "pboc_clearing_center"),
    # 京东支付 word by word
    ("Jingdong payment joined the platform.", "Jingdong payment", "jd_wallet"),
    # 中国支付清算协会 word by word: no "and" between its words
    ("The China payment clearing association led the preparation.", "China payment clearing association", "pcac"),
])
def test_entities_en_garble_resolves(nlp, text, name, entity_id):
    found = by_text(run_text(nlp, text, "en"))
    assert found.get(name) == [entity_id], found


@pytest.mark.parametrize("text, name, entity_id", [
    ("Reporter learned from Net Union Clearing Co., Ltd. that the work went well.", "Net Union Clearing Co., Ltd.", "netsunion"),
    ("The Network Union Liquidation Co., Ltd. was registered in August.", "Network Union Liquidation Co., Ltd.", "netsunion"),
    ("Internet Union Clearing Corporation is its full name.", "Internet Union Clearing Corporation", "netsunion"),
    ("The Net Union clearing was fast.", "Net Union", "netsunion"),  # no company form: the word is no part of the name
])
def test_entities_en_a_company_form_with_its_line_of_business_belongs_to_the_name(nlp, text, name, entity_id):
    found = by_text(run_text(nlp, text, "en"))
    assert found.get(name) == [entity_id], found


def test_entities_en_alipay_is_not_a_person(nlp):
    result = run_text(nlp, "Alipay said that Alipay had access to the UnionPay.", "en")
    assert [m.label for m in result.mentions if m.text == "Alipay"] == ["payment_institution"] * 2


def test_entities_en_run_together_word_is_not_a_person(nlp):
    text = "Bar code payment of thedisconnected direct Connectionsolved, the work is close to success."
    result = run_text(nlp, text, "en")
    assert all("Connection" not in m.text for m in result.mentions)


def test_entities_en_the_union_is_decided_by_the_article(nlp):
    text = ("China UnionPay and the Internet Federation are the two clearing houses. "
            "Most institutions connected to the Union first.")
    result = run_text(nlp, text, "en")
    union = next(m for m in result.mentions if m.text == "Union")
    assert (union.entity_id, union.resolved_by) == ("unionpay", "context")


def test_entities_en_the_union_is_refused_when_two_entities_carry_it(nlp):
    text = "UnionPay and NetsUnion are the two clearing houses. Most institutions connected to the Union first."
    assert not {"unionpay", "netsunion"} & set(by_text(run_text(nlp, text, "en")).get("Union", []))


@pytest.mark.parametrize("text, person, role", [
    ("Chief Economist Li Ming of Everbright Securities said the sector would adjust.", "Li Ming", "chief economist"),
    ("Analyst Wang Lei said the rules were clear.", "Wang Lei", "analyst"),
])
def test_entities_en_a_role_before_a_name_is_no_part_of_it(nlp, text, person, role):
    result = run_text(nlp, text, "en")
    assert person in by_text(result) and not any(m.text.lower().startswith(("economist", "analyst")) for m in result.mentions)
    assert [r["role"] for r in result.roles.get(f"person:{person.lower().replace(' ', '_')}", [])] == [role]


def test_entities_en_a_one_word_person_is_an_organisation_unless_a_family_name(nlp):
    """The model reads "Tianyi" (Bestpay) as a person; a lone family name stays a person."""
    result = run_text(nlp, "Tianyi, the payment arm of China Telecom, holds a stake. Simon Crane of Meridian agreed.", "en")
    ids = {m.text: m.entity_id for m in result.mentions}
    assert ids.get("Tianyi") == "org:tianyi" and ids.get("Simon Crane") == "person:simon_crane"
    assert {d.id: d.type for d in result.discovered}.get("org:tianyi") == "organization"
    from pipeline.extract.entities.english_names import chinese_family_names_latin

    assert {"wang", "li", "zhang", "ouyang"} <= chinese_family_names_latin()


def test_entities_en_a_photo_credit_gives_its_agencies_without_brackets_or_slashes(nlp):
    text = "[Photo: A customer pays with Alipay. Credit: Visual China Group/Getty Images] A customer paid. Photo/Xinhua]"
    found = {m.text: m.entity_id for m in run_text(nlp, text, "en").mentions}
    assert {"Visual China Group", "Getty Images", "Xinhua"} <= set(found), found
    assert not [name for name in found if any(ch in name for ch in "[]/")], found


def test_entities_en_two_companies_read_as_one_person_across_and_are_two_companies(nlp):
    text = "The reporter noticed, Ping An Payment and Union Mobile Payment also published the announcement."
    found = {m.text: m.entity_id for m in run_text(nlp, text, "en").mentions}
    assert found.get("Ping An Payment", "").startswith("org:") and found.get("Union Mobile Payment", "").startswith("org:"), found
    assert not [eid for eid in found.values() if eid.startswith("person:")], found
    people = {m.text for m in run_text(nlp, "Analysts Li Ming and Wang Lei said so.", "en").mentions}
    assert {"Li Ming", "Wang Lei"} <= people, people


@pytest.mark.parametrize("text", [
    "Fiscal policy stayed loose while Tencent grew.",
    "My laptop was connected to the Internet all day.",
    "A Chinese bank lent more to the network.",
])
def test_entities_en_ordinary_words_are_not_names(nlp, text):
    found = by_text(run_text(nlp, text, "en"))
    assert not {"Fiscal", "Internet", "Chinese bank", "network"} & set(found), found


@pytest.mark.parametrize("text, name, entity_id", [
    ("Nets-Union Clearing Corp said on Monday that it had finished the switch.",
     "Nets-Union Clearing Corp", "netsunion"),
    ("A spokesman for the Peoples' Bank of China declined to comment.", "Peoples' Bank of China", "pboc"),
    ("The NetsUnion Clearing Corporation and Alipey signed a deal.", "Alipey", "alipay"),
    ("Analysts at Tencnet were not available.", "Tencnet", "tencent"),
])
def test_entities_en_never_seen_variant_still_resolves(nlp, text, name, entity_id):
    found = by_text(run_text(nlp, text, "en"))
    assert found.get(name) == [entity_id], found


@pytest.mark.parametrize("text, name, forbidden", [
    ("The Agricultural Development Bank of China lent more.", "Agricultural Development Bank of China",
     {"bank_of_china", "abc", "pboc", "china"}),
    ("China Merchants Bank is not Bank of China.", "China Merchants Bank", {"bank_of_china"}),
    ("UnionPay International opened an office.", "UnionPay International", {"unionpay"}),
    ("He met the Bank of Beijing on Friday.", "Bank of Beijing", {"beijing", "bank_of_china"}),
])
def test_entities_en_similar_name_must_not_resolve(nlp, text, name, forbidden):
    found = by_text(run_text(nlp, text, "en"))
    assert name in found, found
    assert not set(found[name]) & forbidden, found


def test_entities_en_short_name_points_to_full_name(nlp):
    text = ("Xue Hongyan, director of the Internet Financial Research Center of Suning Financial "
            "Research Institute, told the reporter. Later, Xue said the work is close to success.")
    result = run_text(nlp, text, "en")
    ids = by_text(result)
    assert ids["Xue Hongyan"] == ids["Xue"] == ["person:xue_hongyan"]
    person = next(d for d in result.discovered if d.id == "person:xue_hongyan")
    assert person.type == "person"
    assert person.roles[0]["role"] == "director"
    assert person.roles[0]["affiliation"] == "suning_ifrc"


def test_entities_en_central_bank_is_pboc(nlp):
    text = "The People's Bank of China issued rules. In December, the central bank tightened them."
    assert by_text(run_text(nlp, text, "en")) == {"People's Bank of China": ["pboc"], "central bank": ["pboc"]}


@pytest.mark.parametrize("text, role", [
    ("Our reporter Xie Shui Wang reports from Shanghai.", "reporter"),
    ("The work goes on. (Editor: Ma Chun Yuan)", "editor"),
])
def test_entities_en_role_before_name(nlp, text, role):
    result = run_text(nlp, text, "en")
    people = [d for d in result.discovered if d.type == "person"]
    assert people and people[0].roles[0]["role"] == role


def test_entities_en_offsets_index_the_article_text(nlp):
    text = "  Alipay and Cai Fu Tong joined.\n\nLater the Peoples Bank of Chinas staff met Xue Hongyan."
    result = run_text(nlp, text, "en")
    assert result.mentions
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
    assert len(result.sentence_idx) == len(result.mentions)


def test_entities_en_repeated_sentences_are_skipped(nlp):
    said = "Alipay has carried out liquidation cooperation with UnionPay this year."
    result = run_text(nlp, f"{said}\n\nXue Hongyan said so.\n\n{said}", "en")
    assert [m.text for m in result.mentions] == ["Alipay", "UnionPay", "Xue Hongyan"]


def test_entities_en_a_name_and_its_chinese_in_brackets_are_one_organisation(nlp):
    text = "Lenders such as China CITIC Bank (中信银行) closed the old channels. CITIC Bank said so."
    ids = by_text(run_text(nlp, text, "en"))
    assert ids["China CITIC Bank"] == ids["中信银行"] == ids["CITIC Bank"] == ["org:citic_bank"]


@pytest.mark.parametrize("text, name, chinese", [
    ("Central bank deputy governor Fan Yifei (范一飞) spoke at the briefing.", "Fan Yifei", "范一飞"),
    ("Redwood Hill Investment Platform (红木山投资平台) holds 3 percent of NetsUnion.", "Redwood Hill Investment Platform", "红木山投资平台"),
])
def test_entities_en_the_chinese_in_brackets_after_a_name_is_that_name(nlp, text, name, chinese):
    """Nothing else recognises the characters; the brackets tie them to the name before them."""
    ids = by_text(run_text(nlp, text, "en"))
    assert ids[chinese] == ids[name] and ids[name][0] is not None


@pytest.mark.parametrize("text, name, entity_type", [
    ("2018-03-02 10:15   Source: Market Herald   category: Banking   click: 52", "Market Herald", "media"),
    ("Rates stayed flat this month. Responsible editor: Sun Min", "Sun Min", "person"),  # the model: an organisation
    # the model runs the name on into the next field's label
    ("December 7, 2018 Source: China Business Network Author: Li Ming", "China Business Network", "media"),
])
def test_entities_en_a_name_after_a_label_of_the_page(nlp, text, name, entity_type):
    mention = next(m for m in run_text(nlp, text, "en").mentions if m.text == name)
    assert mention.label == entity_type


def test_entities_en_a_labelled_known_name_resolves(nlp):
    assert by_text(run_text(nlp, "Source: Xinhua   category: Finance", "en"))["Xinhua"] == ["xinhua"]


@pytest.mark.parametrize("text, name, entity_type", [
    ("Analysts at Ping An Bank were not available.", "Ping An Bank", "bank"),
    ("The report ran in the Sino Finance Daily on Monday.", "Sino Finance Daily", "media"),
    ("Ping An Payment holds 2.45 percent of NetsUnion.", "Ping An Payment", "company"),
    ("Analysts at Redwood Peak Advisory said so.", "Redwood Peak Advisory", "company"),
    # proper nouns the statistical model leaves out, before the word that says what they name
    ("Analysts at Guotai Junan Securities estimated that most traffic runs through the platform.",
     "Guotai Junan Securities", "company"),
    ("Su Ning Payment said it would finish the work on time.", "Su Ning Payment", "company"),
    # a government office hosts briefings and sets no rules (办公室 is an organization too)
    ("The State Council Information Office held a briefing on Jan 9.", "State Council Information Office", "organization"),
    # ... nor is a longer name that a rendering ("China Banking", 中国银行) opens that bank
    ("The China Banking Regulatory Commission said nothing.", "China Banking Regulatory Commission", "regulator"),
    ("The China Banking Association said nothing.", "China Banking Association", "association"),
    # (a name's own "and" keeps it one name)
    ("The China Banking and Insurance Regulatory Commission issued the guidance.",
     "China Banking and Insurance Regulatory Commission", "regulator"),
])
def test_entities_en_a_new_name_is_typed_by_its_last_word(nlp, text, name, entity_type):
    mention = next(m for m in run_text(nlp, text, "en").mentions if m.text == name)
    assert mention.label == entity_type


@pytest.mark.parametrize("text, junk", [
    ("Reporter Li Ming Beijing reported on Monday.", "Li Ming Beijing"),
    ("The registered capital is CN¥2 billion, the filing says.", "CN¥2 billion"),
    ("An Analyst at the firm said so.", "Analyst"),
    ("Source: China Business Network Author: Li Ming", "China Business Network Author"),
    # a place and what it has; the capitals of a headline
    ("China Payments | Reserve custody enters the final stretch\n\nFirms hand over their payments data.", "China Payments"),
    ("Related Coverage: Alipay, Tenpay Face New Rules | UnionPay Launches QR Code Payments", "QR Code Payments"),
])
def test_entities_en_no_junk_names(nlp, text, junk):
    assert junk not in by_text(run_text(nlp, text, "en"))


@pytest.mark.parametrize("text, cut_short", [
    ("March 2016: The member congress of the Payment and Clearing Association of China (PCAC) backs a plan for a clearing platform.",
     "congress of the"),
])
def test_entities_en_a_span_ending_on_a_function_word_is_no_new_entity(nlp, text, cut_short):
    # The statistical model sometimes stops a name after "of the"; such a span names nothing.
    result = run_text(nlp, text, "en")
    assert cut_short not in [d.name for d in result.discovered]


def test_entities_en_a_word_the_article_writes_in_lower_case_is_no_name(nlp):
    heading = "Asia Payments | Reserve custody nears its end"
    # Alone, the heading's capitalised word reads as an organisation to the statistical model...
    assert "Reserve" in by_text(run_text(nlp, heading, "en"))
    # ...but the article writes it as an ordinary word too: no entity.
    body = "Payment firms hand a larger share of each reserve to the central bank every month."
    assert "Reserve" not in by_text(run_text(nlp, f"{heading}\n\n{body}", "en"))


def test_entities_en_buttons_of_a_menu_line_are_no_names(nlp):
    """A footer of short items between bars: its lone capitalised words are buttons; the
    publisher and its city there are still names."""
    found = by_text(run_text(nlp, "Clearing Line Weekly | Singapore | Unsubscribe | Manage preferences", "en"))
    assert "Unsubscribe" not in found and "Manage" not in found
    assert "Singapore" in found and "Clearing Line Weekly" in found


@pytest.mark.parametrize("address", ["paylines.asia", "editors@paylines.asia"])
def test_entities_en_a_web_address_is_no_name(nlp, address):
    found = by_text(run_text(nlp, f"If someone forwarded you this, subscribe at {address} or write to us.", "en"))
    assert address not in found


@pytest.mark.parametrize("title", [
    "Notice on the implementation of the relevant matters of centralized deposit of customer reserve funds of payment institutions",
    "Notice on the implementation of the relevant matters of reserve funds",
])
def test_entities_en_a_quoted_title_cut_short_runs_to_its_closing_mark(nlp, title):
    doc = nlp(f'The central bank office hall on 13th issued the "{title}", clearly that payment institutions shall deposit funds.')
    titles = [e.text for e in doc.ents if e.label_ in ("LAW", "WORK_OF_ART")]
    # the title whole, or not read as one at all: never a piece of it ("... of the relevant")
    assert all(t == title for t in titles), titles


@pytest.mark.parametrize("title, entity_id", [
    # every word of the known English title, as a translation varies them
    ("Notice on the implementation of the relevant matters of centralized deposit of customer reserve funds of payment institutions",
     "doc_reserve_notice"),
    # "full": the later notice, whose title holds that word too (the first one's leaves it over)
    ("Notice on the full 100 percent centralized deposit of client reserve funds of payment institutions and banks",
     "doc_114_full_deposit"),
    # too few of any title's words: no known document
    ("Notice on the centralized deposit of reserves by banks", None),
])
def test_entities_en_a_written_out_title_is_the_known_document_it_holds_every_word_of(title, entity_id):
    from pipeline.extract.entities.documents import link_written_titles
    from pipeline.extract.entities.model import WorkingMention
    from pipeline.extract.entities.table import load_entity_table

    mention = WorkingMention(0, len(title), title, "document", 0, 0)
    link_written_titles([mention], load_entity_table())
    assert mention.entity_id == entity_id


@pytest.mark.parametrize("text, name, entity_id", [
    ("On Friday the PBOC General Office issued a notice. Last June, the General Office issued another.",
     "General Office", "pboc_general_office"),
    # nothing named before that it shortens: never guessed
    ("Last June, the General Office issued a notice.", "General Office", None),
])
def test_entities_en_a_shortened_name_is_the_known_one_named_before(nlp, text, name, entity_id):
    linked = [i for i in by_text(run_text(nlp, text, "en")).get(name, []) if i and not i.startswith("org:")]
    assert linked == ([entity_id] if entity_id else []), linked


@pytest.mark.parametrize("text, person, role", [
    ("NetsUnion Clearing Corporation was registered on August 29. Dong Junfeng serves as the legal representative.",
     "person:dong_junfeng", "legal representative"),
    ("NetsUnion Clearing Corporation was registered. Key people: Cai Hongbo (chairman); Dong Junfeng (legal representative)",
     "person:cai_hongbo", "chairman"),
])
def test_entities_en_an_office_told_after_the_name_is_held_at_the_organisation_named_before(nlp, text, person, role):
    roles = run_text(nlp, text, "en").roles
    assert [(r["role"], r["affiliation"]) for r in roles[person]] == [(role, "netsunion")], roles


def test_entities_en_a_law_without_a_document_word_is_no_document(nlp):
    """The small model calls "The Direct Connection Era" a law: no notice, rules, measures or
    number names it, so it is no document (it was a new one, junk among the discovered)."""
    found = by_text(run_text(nlp, "The Direct Connection Era is over, wrote Caixin.", "en"))
    assert not [name for name in found if "Connection Era" in name] and found["Caixin"] == ["caixin"]


@pytest.mark.parametrize("written", ["payment organization", "payment organizations", "payment agencies"])
def test_entities_en_the_group_named_with_another_word_for_its_members(nlp, written):
    """机构 is also translated "organization" or "agency": still the payment institutions."""
    found = by_text(run_text(nlp, f"The central bank required the {written} to connect to NetsUnion.", "en"))
    assert found.get(written) == ["payment_institutions"], found


@pytest.mark.parametrize("text, entity_id", [
    # 银联商务 word by word is "UnionPay business", which is UnionPay's business
    ("The UnionPay business of Alipay grew fast in 2018.", "ums"),
    # 连连支付 word by word is "repeated payments", payments made again
    ("Users made repeated payments through the app in 2018.", "lianlian_pay"),
])
def test_entities_en_no_garble_is_derived_where_the_literal_english_reads_as_another_thing(nlp, text, entity_id):
    found = by_text(run_text(nlp, text, "en"))
    assert entity_id not in {i for ids in found.values() for i in ids}, found
