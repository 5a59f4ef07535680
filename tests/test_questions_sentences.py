"""Answers read off a sentence, for what the articles tell but no event records: a number, a yes
or no with its negation, the things a sentence names, a role, a date. Each answer quotes the
sentence, and each changes when the article's words change."""

import opencc
import pytest

from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.questions import ask


@pytest.fixture
def store(gold_store):
    return gold_store


@pytest.mark.parametrize(
    "question, count, said",
    [
        ("全国有多少家支付机构?", 267, "267家支付机构"),
        # English question, Chinese sentence: "data centres" is 数据中心 by questions.yaml's synonyms.
        ("How many data centres is NetsUnion building?", 6, "6个数据中心"),
        # Licences (牌照), revoking (吊销), misuse (挪用): two sentences of the article tell it.
        ("How many payment institutions lost their licences for misusing reserve funds?", 3, "3家支付机构"),
        ("截至2016年三季度，支付机构吸收的客户备付金合计超过多少亿元?", 4600, "4600亿元"),
    ],
)
def test_a_count_is_the_number_a_sentence_gives(store, question, count, said):
    answer = ask(store, question)
    assert (answer.answer_type, answer.count) == ("count", count)
    assert said in answer.answer and said in answer.evidence[0]["sentence"]


def test_a_value_of_a_named_entity_is_part_of_its_profile(store):
    answer = ask(store, "网联清算有限公司的注册资本是多少?")
    assert answer.answer_type == "profile" and answer.count == 2_000_000_000 and "20亿元" in answer.answer


def test_a_count_needs_its_date_in_the_sentence(store):
    assert ask(store, "网联2020年的交易量是多少?").answer_type == "refused"


@pytest.mark.parametrize(
    "question, yes_no, quoted",
    [
        # 股东 found as 持股 (synonyms); the sentence is shown, but shared words never make a "Yes".
        ("支付宝是网联的股东吗?", None, "分别持股"),
        ("网联直接开展支付业务吗?", False, "并不直接开展支付业务"),  # a negation before the asked words
        ("交存到专用存款账户的备付金计付利息吗?", False, "暂不计付利息"),
        ("Was the disconnection completed on schedule?", False, "postponed"),  # a word contrary to the question's
        ("董俊峰会担任网联总裁吗?", "reported", "有望担任"),  # a hedge: expected, not held
    ],
)
def test_yes_or_no_as_a_sentence_tells_it(store, question, yes_no, quoted):
    """A sentence may say no (a negation, a contrary word) or hedge; it never decides yes alone."""
    answer = ask(store, question)
    assert (answer.answer_type, answer.yes_no) == ("yes_no", yes_no)
    assert any(quoted in ev["sentence"] for ev in answer.evidence)


def test_the_things_a_sentence_names(store):
    shareholders = ask(store, "网联的股东有哪些?")
    assert {"pboc_clearing_center", "shanghai_clearing_house", "shanghai_gold_exchange", "alipay", "tenpay"} <= set(shareholders.entities)
    # 这三家支付机构…: the three named in the sentences before.
    revoked = ask(store, "哪三家支付机构因挪用备付金被吊销牌照?")
    assert revoked.answer_type == "entities" and len(revoked.entities) == 3
    assert all(e.startswith("org:") for e in revoked.entities)


def test_a_date_a_sentence_gives(store):
    answer = ask(store, "三家支付机构挪用备付金是什么时候被查出的?")
    assert (answer.answer_type, answer.dates) == ("date", ["2014-H2"])


def test_each_commentator_of_a_shared_remark_is_named(store):
    # 孙爽和郭竞指出: one remark, two speakers.
    answer = ask(store, "哪些专家或分析师评论了备付金集中存管?")
    assert {"person:sun_shuang", "person:guo_jing", "person:wang_pengbo"} <= set(answer.entities)


def test_changing_the_number_in_the_article_changes_the_answer(tmp_path, shared):
    """Real, not memorised: the count is read from the article as it is now."""
    source = (shared / "corpus" / "zh" / "netsunion-grey-launch-test-2017-03.txt").read_text(encoding="utf-8")
    assert "全国267家支付机构" in source
    article = tmp_path / "corpus" / "grey-launch-edited.txt"
    article.parent.mkdir()
    article.write_text(source.replace("全国267家支付机构", "全国312家支付机构"), encoding="utf-8")
    with Store(tmp_path / "kb.sqlite") as store:
        ingest([article.parent], store)
        assert ask(store, "全国有多少家支付机构?").count == 312



def test_sentence_search_ranks_originals_only_reposts_stay_out_of_the_index(fresh_store, write):
    told = "The reserve ratio was raised for every institution on the central bank's list that year."
    filler = " ".join(f"Paragraph {i} says the clearing house routed payments for banks." for i in range(20))
    ingest([write("original.txt", f"title: Original\n\n{told} {filler}")], fresh_store)
    ingest([write("repost.txt", f"title: Repost\n\n{told.replace(' that year', '')} {filler}")], fresh_store)
    assert [a["duplicate_of"] is not None for a in fresh_store.articles()] == [False, True]
    found = fresh_store.match_sentences('"ratio"', limit=5)
    assert [(s["title"], s["sentence"]) for s in found] == [("Original", told)]


@pytest.mark.parametrize(
    "question",
    [
        "Is Lakala a shareholder of NetsUnion?",  # the founding articles name no such holding
        "百度钱包是网联的股东吗?",
        "Did NetsUnion deny Alipay's access?",  # UnionPay denied it
        "Did Tenpay connect to Baidu?",
        "Did Alipay connect to China UnionPay on Saturday?",
        "Was the notice on migrating to the NetsUnion platform issued by UnionPay?",
    ],
)
def test_false_premises_never_get_a_yes(store, question):
    answer = ask(store, question)
    assert answer.yes_no is not True and not answer.answer.lower().startswith("yes"), answer.answer


def _store_of(fresh_store, write, text):
    # The central bank is named elsewhere in the store, as it is in any real one.
    ingest([write("meeting.txt", f"title: 会议\n\n{text}\n\n人民银行发布了2016年支付体系运行总体情况。")], fresh_store)
    return fresh_store


MEETING = "据了解，中国支付清算协会日前召开会员代表大会，审议通过了关于设立网联平台的议案。"


def test_another_party_named_in_the_asked_ones_place_is_a_no(fresh_store, write):
    """The sentence tells the asked act and names another organisation where the question puts
    the central bank: a No naming who the source names, never a Yes."""
    store = _store_of(fresh_store, write, MEETING)
    answer = ask(store, "审议通过设立网联平台议案的，是人民银行召开的会员代表大会吗？")
    assert answer.yes_no is False and "pcac" in answer.entities, answer.answer
    assert MEETING in answer.evidence[0]["sentence"]


def test_the_asked_party_named_is_no_no(fresh_store, write):
    # The same sentence with the asked party in it: nothing stands against the premise.
    store = _store_of(fresh_store, write, MEETING.replace("中国支付清算协会", "人民银行"))
    answer = ask(store, "审议通过设立网联平台议案的，是人民银行召开的会员代表大会吗？")
    assert answer.yes_no is not False, answer.answer


def test_a_department_is_not_named_in_place_of_its_parent(fresh_store, write):
    # The PBOC's payment department acts for the PBOC: naming it is no other party.
    store = _store_of(fresh_store, write, MEETING.replace("中国支付清算协会", "人民银行支付结算司"))
    answer = ask(store, "审议通过设立网联平台议案的，是人民银行召开的会员代表大会吗？")
    assert answer.yes_no is not False, answer.answer


def test_a_two_character_name_with_one_wrong_is_no_name(fresh_store, write):
    """One character wrong is a typing slip in 董骏峰 for 董俊峰, but in two characters it leaves
    the surname alone: 张旭阳 is not 张磊."""
    store = _store_of(fresh_store, write, "分析师张磊表示，集中存管有利于防范风险。")
    assert "person:zhang_lei" in ask(store, "张磊是谁？").entities
    assert "person:zhang_lei" not in ask(store, "张旭阳是谁？").entities


@pytest.mark.parametrize(
    "text, day, question",
    [
        # The question asks with the lemma (hold), the article tells with the irregular form (held):
        # the lemmatizer's exceptions give one from the other.
        ("At a press briefing held by the State Council Information Office on 9 January 2019, officials spoke about reserves.",
         "9 January", "When was the State Council Information Office briefing held?"),
        # 哪一天 is the question's own word, not one the sentence must tell.
        ("2019年1月9日，国务院新闻办公室举行记者会，央行官员介绍了备付金集中交存的进展。", "1月9日", "国务院新闻办公室记者会于哪一天举行？"),
        # Asked in Traditional characters of a Simplified article: read on its Simplified view.
        ("2019年1月9日，国务院新闻办公室举行记者会，央行官员介绍了备付金集中交存的进展。", "1月9日", "國務院新聞辦公室記者會於哪一天舉行？"),
    ],
)
def test_the_date_a_sentence_gives_whatever_form_its_verb_takes(tmp_path, write, text, day, question):
    for told, expected in ((text, "2019-01-09"), (text.replace(day, day.replace("9", "8")), "2019-01-08")):
        # Read from the sentence as it is: another day written there is another answer.
        with Store(tmp_path / f"{expected}.sqlite") as store:
            ingest([write(f"{expected}/briefing.txt", f"title: Briefing\n\n{told}")], store)
            answer = ask(store, question)
            assert (answer.answer_type, answer.dates) == ("date", [expected]), answer.answer


def test_a_month_asked_without_a_year_must_be_the_sentences(fresh_store, write):
    """A figure of the first quarter answers for the quarter, neither "in June" (asked without a
    year, the month is read in the years the sentence dates) nor "in March": the quarter's
    total is not its last month's."""
    told = "In the first quarter of 2018, NetsUnion processed 5.8 billion transactions."
    ingest([write("volume.txt", f"title: Volume\ndate: 2018-07-02\n\n{told}")], fresh_store)
    quarter = ask(fresh_store, "How many transactions did NetsUnion process in the first quarter of 2018?")
    assert quarter.answer_type == "count" and "5.8 billion" in quarter.answer
    assert ask(fresh_store, "How many transactions did NetsUnion process in March?").answer_type == "refused"
    assert ask(fresh_store, "How many transactions did NetsUnion process in June?").answer_type == "refused"


@pytest.mark.parametrize("asked, answered", [("March", True), ("June", False)])
def test_a_month_asked_of_an_undated_article_must_be_its_sentences(fresh_store, write, asked, answered):
    """An article without a date leaves the year of "the first quarter of this year" open; the
    quarter still holds only January to March."""
    told = "In the first quarter of this year, NetsUnion processed 5.8 billion transactions."
    ingest([write("volume.txt", f"title: Volume\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"How many transactions did NetsUnion process in {asked}?")
    assert (answer.answer_type == "count" and "5.8 billion" in answer.answer) == answered, answer.answer


@pytest.mark.parametrize("question", ["截至2016年9月底，全国有多少家支付机构持有备付金？", "截至2016年9月底，全國有多少家支付機構持有備付金？"])
def test_a_count_asked_with_its_date_in_either_script(tmp_path, write, question):
    """The words of the asked date (月底) are the date, not words a sentence must also hold; a
    question in Traditional characters is read on its Simplified view."""
    for count in (267, 312):
        with Store(tmp_path / f"{count}.sqlite") as store:
            # The sentence writes the day (9月30日) the question asks as a month end (9月底).
            told = f"截至2016年9月30日，全国共有{count}家支付机构持有客户备付金，合计超过4600亿元。"
            ingest([write(f"{count}/reserves.txt", f"title: 备付金\ndate: 2016-12-01\n\n{told}")], store)
            answer = ask(store, question)
            assert (answer.answer_type, answer.count) == ("count", count), answer.answer


@pytest.mark.parametrize(
    "question, counted",
    [
        ("人民银行召集了多少家支付机构讨论备付金集中交存试点？", "支付机构"),  # the word after the measure word
        ("到2017年底接入网联平台的银行将达到多少家？", "银行"),  # the noun the clause opens with, not its verb
        ("全国有多少家支付机构?", "支付机构"),
    ],
)
def test_the_counted_thing_of_a_chinese_count(question, counted):
    from pipeline.views.questions.understand import understand

    assert understand(question, {}).counted == counted


def test_the_party_named_in_the_asked_place_is_the_one_a_no_names(fresh_store, write):
    """The sentence names two organisations besides the asked ones; the No names the one standing
    where the question put its own (来自 …), and finds the person by the question's words even
    when the store took no entity for them."""
    store = _store_of(fresh_store, write, "工商资料显示，网联的董事长来自中国支付清算协会，监事长李明来自百度。")
    answer = ask(store, "网联监事长李明是否来自支付宝？")
    assert answer.yes_no is False, answer.answer
    assert "baidu" in answer.entities and "pcac" not in answer.entities, answer.answer


@pytest.mark.parametrize("traditional", [False, True])
def test_a_party_the_question_names_elsewhere_may_stand_in_the_asked_place(fresh_store, write, tmp_path, traditional):
    """UnionPay is in the question as what Alipay connected to; in the sentence it is also the one
    that made the statement the question gives to NetsUnion. A Traditional page (銀聯) names it
    as well, its names read in Simplified as the sentence is."""
    told = "5月2日，市场有消息称支付宝已接入银联，银联当晚发表声明，否认了这一说法。"
    told = opencc.OpenCC("s2t.json").convert(told) if traditional else told
    store = _store_of(fresh_store, write, told)
    answer = ask(store, "是网联发表声明否认了支付宝接入银联的消息吗？")
    assert answer.yes_no is False and "unionpay" in answer.entities, answer.answer
    # With NetsUnion as the one who spoke, no other party stands in its place.
    with Store(tmp_path / "netsunion.sqlite") as other:
        answer = ask(_store_of(other, write, told.replace("银联当晚", "网联当晚").replace("銀聯當晚", "網聯當晚")),
                     "是网联发表声明否认了支付宝接入银联的消息吗？")
    assert not answer.answer.startswith("No: the source names"), answer.answer


def test_a_party_left_to_the_sentence_before_is_not_the_one_replaced(fresh_store, write):
    """该平台 names the platform of the sentence before: of the two asked parties the sentence does
    not name, the central bank is the one another organisation replaces (举行 …)."""
    text = "网联平台的筹建方案已经上报。\n中国支付清算协会日前举行会员大会，表决通过了设立该平台的方案。"
    answer = ask(_store_of(fresh_store, write, text), "表决通过设立网联平台方案的，是人民银行举行的会员大会吗？")
    assert answer.yes_no is False and "pcac" in answer.entities, answer.answer


TRADITIONAL = "國務院新聞辦公室1月9日舉行記者會，人行官員在會上表示，全國共有238家支付機構。"


@pytest.mark.parametrize("question", ["全国共有多少家支付机构？", "全國共有多少家支付機構？"])
def test_a_traditional_sentence_is_read_in_simplified_and_quoted_as_written(fresh_store, write, question):
    ingest([write("briefing.txt", f"title: 記者會\ndate: 2019-01-10\n\n{TRADITIONAL}")], fresh_store)
    answer = ask(fresh_store, question)
    assert (answer.answer_type, answer.count) == ("count", 238), answer.answer
    sentence = answer.evidence[0]["sentence"]
    assert sentence == TRADITIONAL
    # What is marked is the sentence's own characters.
    assert "支付機構" in [sentence[a:b] for a, b in answer.evidence[0]["highlights"]]


def test_a_no_read_off_a_traditional_sentence(fresh_store, write):
    ingest([write("briefing.txt", f"title: 記者會\ndate: 2019-01-10\n\n{TRADITIONAL}\n\n財付通是一家支付機構。")], fresh_store)
    answer = ask(fresh_store, "在国务院新闻办公室记者会上表示全国共有238家支付机构的是财付通吗？")
    assert answer.yes_no is False and "pboc" in answer.entities, answer.answer


HOLDINGS = "NetsUnion has 45 shareholders. The China National Clearing Center holds 12% of NetsUnion, and Alipay holds 9.61%."


@pytest.mark.parametrize(
    "question, percent",
    [
        ("What percentage of NetsUnion does Alipay hold?", 9.61),
        ("What share of NetsUnion does the China National Clearing Center hold?", 12),
        ("支付宝持有网联的股份比例是多少？", 9.61),
    ],
)
def test_a_percentage_is_read_from_the_clause_of_the_asked_party(fresh_store, write, tmp_path, question, percent):
    ingest([write("register.txt", f"title: Register\ndate: 2017-08-30\n\n{HOLDINGS}")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.answer_type == "count" and answer.answer.startswith(f"{percent:g}%"), answer.answer
    # Read from the article as it is: another figure written there is another answer.
    with Store(tmp_path / "edited.sqlite") as edited:
        ingest([write("edited/register.txt", f"title: Register\ndate: 2017-08-30\n\n{HOLDINGS.replace('9.61%', '8.5%').replace('12%', '15%')}")], edited)
        assert ask(edited, question).answer.startswith("8.5%" if percent == 9.61 else "15%")


@pytest.mark.parametrize("told, percent", [("约五成交易", 50), ("一半的交易", 50), ("百分之三十的交易", 30)])
def test_a_share_in_chinese_words_is_a_percentage(fresh_store, write, told, percent):
    ingest([write("double11.txt", f"title: 双11\ndate: 2017-10-20\n\n网联预计将承担双11期间{told}的清算。")], fresh_store)
    answer = ask(fresh_store, "网联预计将承担双11期间几成交易的清算？")
    assert answer.answer_type == "count" and answer.answer.startswith(f"{percent}%"), answer.answer


def test_how_many_shareholders_is_no_percentage(fresh_store, write):
    ingest([write("register.txt", f"title: Register\ndate: 2017-08-30\n\n{HOLDINGS}")], fresh_store)
    assert ask(fresh_store, "How many shareholders does NetsUnion have?").count == 45


def test_the_sentence_telling_what_the_stored_acts_do_not_answers_a_list(fresh_store, write):
    """The stored connections tell nothing of a first batch; the sentence that names the batch's
    members answers, and without it nothing does: Lakala connected, but not in the first batch
    as far as the sources say."""
    acts = "On June 30, 2018, Lakala connected to NetsUnion."
    batch = "The first batch of payment institutions connected during the trial were Alipay and Tenpay."
    ingest([write("connections.txt", f"title: Connections\ndate: 2018-07-02\n\n{acts}")], fresh_store)
    question = "Which payment institutions were in the first batch connected during the trial?"
    assert ask(fresh_store, question).answer_type == "refused"
    ingest([write("batch.txt", f"title: Trial\ndate: 2017-04-01\n\n{batch}")], fresh_store)
    answer = ask(fresh_store, question)
    assert set(answer.entities) == {"alipay", "tenpay"}, answer.answer
    assert answer.evidence[0]["sentence"] == batch


def test_who_with_no_act_stored_is_read_off_a_sentence_telling_all_of_it(fresh_store, write):
    told = "据了解，由中国支付清算协会牵头组织的网联平台筹建工作进展顺利。"
    # Another sentence telling it names the central bank too, as the one the plan goes to.
    also = "支付清算协会牵头组织网联平台筹建工作，方案正在报人民银行审批。"
    ingest([write("plan.txt", f"title: 筹建\ndate: 2016-04-15\n\n{told}\n\n{also}")], fresh_store)
    answer = ask(fresh_store, "网联平台的筹建工作由哪个机构牵头组织？")
    # One is asked: the one every such sentence names, not the bank one of them also mentions.
    assert answer.entities == ["pcac"] and answer.evidence[0]["sentence"] == told, answer.answer
    # A word of the question the sentence does not tell (负责 … 办公地址): no answer.
    assert ask(fresh_store, "网联平台的办公地址由哪个机构负责选定？").answer_type == "refused"


@pytest.mark.parametrize(
    "announced, deleted, question",
    [
        ("5月11日，网联与支付宝签署条码支付合作协议，并同时对外发布了合作公告。", "不过，这份合作公告后来被网联删除了。",
         "网联是否保留了5月11日与支付宝同时发布的合作公告？"),
        ("On May 11, NetsUnion and Alipay signed a barcode payment agreement and published a joint announcement of it.",
         "The joint announcement was later deleted by NetsUnion.",
         "Did NetsUnion keep the joint announcement of the agreement with Alipay published on May 11?"),
    ],
)
def test_a_sentence_saying_the_contrary_of_the_questions_word_is_a_no(fresh_store, write, announced, deleted, question):
    """One source tells the announcement (more of the question's words); another tells it was
    deleted, the contrary of the word asked (保留, keep): that one is on point, and it is a No."""
    ingest([write("a.txt", f"title: A\ndate: 2018-05-12\n\n{announced}"), write("b.txt", f"title: B\ndate: 2018-05-14\n\n{deleted}")],
           fresh_store)
    answer = ask(fresh_store, question)
    assert answer.yes_no is False and deleted in [ev["sentence"] for ev in answer.evidence], answer.answer


def test_a_plain_word_read_as_a_name_in_one_article_names_it_nowhere_else(fresh_store, write):
    """"The Union" is UnionPay where its article says so; "network union platform" in another
    article is not UnionPay, so its figure answers no question about UnionPay."""
    ingest([write("unionpay.txt", "title: UnionPay\ndate: 2018-04-02\n\nChina UnionPay signed a barcode agreement with "
                  "Tenpay on 1 April 2018. The Union said the service would start in April."),
            write("volume.txt", "title: Volume\ndate: 2018-07-02\n\nIn the first quarter, the network union platform "
                  "processed 5.8 billion transactions.")], fresh_store)
    from pipeline.views.entities import entity_list

    assert "Union" in next(e for e in entity_list(fresh_store) if e["id"] == "unionpay")["aliases_seen"]
    answer = ask(fresh_store, "How many transactions did UnionPay process in the first quarter?")
    assert "5.8 billion" not in answer.answer, answer.answer


@pytest.mark.parametrize(
    "told, question, said",
    [
        ("Payments through static codes are capped at 500 yuan per customer per day.",
         "What is the daily cap, in yuan, on static code payments?", "500"),
        # Every digit the sentence gives, in the unit asked.
        ("The reserves deposited at the central bank stood at 1,398.562 billion yuan at the end of January 2019.",
         "What was the balance of reserves deposited at the central bank at the end of January 2019, in billion yuan?", "1398.562"),
        ("Payments through static codes are capped at 500 yuan per customer per day.",
         "What is the maximum daily amount in yuan for static code payments?", "500"),
        # The sentence dates the figure in the asked year without writing it (an article of 2019),
        # and leaves its parties to the sentence before.
        ("Payment institutions keep their client reserves at the central bank. The balance stood at 1.398562 trillion "
         "yuan at the end of January.",
         "What was the balance of payment institutions' reserves at the central bank at the end of January 2019, in yuan?",
         "1.398562 trillion"),
    ],
)
def test_a_question_asked_in_a_unit_is_a_count_in_that_unit(fresh_store, write, told, question, said):
    ingest([write("figures.txt", f"title: Figures\ndate: 2019-02-20\n\n{told}")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.answer_type == "count" and answer.answer.startswith(f"{said} "), answer.answer


RESERVE_FIGURES = (
    "title: Reserve figures\ndate: 2019-03-12\n\n"
    "The balance of client reserves stood at {balance} trillion yuan at the end of January 2019, down {fall} billion yuan "
    "from a month earlier. Alipay and Tenpay together held about {held} trillion yuan of customer funds in July 2018. "
    "At the end of September 2016, 267 licensed payment institutions held more than 460 billion yuan of reserves, "
    "and 26 payment institutions joined a pilot. NetsUnion has registered capital of 2 billion yuan. "
    "In the first quarter of 2018, NetsUnion processed transactions worth 2.02 trillion yuan."
)


@pytest.mark.parametrize(
    "question, expected",
    [
        # "how much" asks for a sum: the one whose clause tells the question's verb ("down" for a fall)
        ("How much did the balance of client reserves fall in January 2019?", "{fall} billion"),
        ("What was the balance of client reserves at the end of January 2019?", "{balance} trillion"),
        ("How much customer money did Alipay and Tenpay hold together?", "{held} trillion"),
        ("How much registered capital does NetsUnion have?", "2 billion"),
        # the modifier counts: licensed ones, not the pilot's
        ("How many licensed payment institutions held reserves at the end of September 2016?", "267"),
    ],
)
def test_a_sum_asked_is_the_one_its_clause_gives(fresh_store, write, question, expected):
    figures = {"balance": "1.4", "fall": "231", "held": "1.1"}
    ingest([write("reserves.txt", RESERVE_FIGURES.format(**figures))], fresh_store)
    assert ask(fresh_store, question).answer.startswith(expected.format(**figures) + " "), ask(fresh_store, question).answer
    # the article's figures changed, the answer changes with them
    changed = {"balance": "1.3", "fall": "212", "held": "1.2"}
    ingest([write("reserves.txt", RESERVE_FIGURES.format(**changed))], fresh_store)
    assert ask(fresh_store, question).answer.startswith(expected.format(**changed) + " ")


def test_a_chinese_sum_is_read_whatever_follows_it(fresh_store, write):
    ingest([write("capital.txt", "title: 注册\ndate: 2017-08-30\n\n网联清算有限公司完成工商注册，这家注册资本为20亿元的公司由央行牵头设立。")], fresh_store)
    answer = ask(fresh_store, "网联的注册资本是多少？")
    assert answer.count == 2_000_000_000 and "20亿元" in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What was the balance of client reserves at the end of February 2019?",  # January's is no answer
        "How much were client reserves at the end of November 2018?",
        "How much money did payment institutions deposit on the first day?",  # the first quarter is a date, not the first day
        "What is the total amount of reserves payment institutions currently hold?",  # 2016's is not the present's
    ],
)
def test_a_sum_of_another_time_is_no_answer(fresh_store, write, question):
    figures = {"balance": "1.4", "fall": "231", "held": "1.1"}
    ingest([write("reserves.txt", RESERVE_FIGURES.format(**figures))], fresh_store)
    assert ask(fresh_store, question).answer_type == "refused", ask(fresh_store, question).answer


@pytest.mark.parametrize("holder, share", [("Alipay", "9.61%"), ("the China National Clearing Center", "12%")])
def test_a_share_is_read_from_the_clause_of_its_holder(fresh_store, write, holder, share):
    """A clause naming nobody ("each holding 9.61%") is said of the clause before it; a sentence
    naming both parties but no holding (99 percent of payments) gives no share."""
    told = ("NetsUnion has 45 shareholders. The largest is the China National Clearing Center, holding 12%; "
            "Alipay and Tenpay come third, each holding 9.61%. "
            "Officials of the People's Bank of China said 99 percent of payments by Alipay went through NetsUnion.")
    ingest([write("shares.txt", f"title: Shareholders\ndate: 2017-08-31\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"What share of NetsUnion does {holder} hold?")
    assert answer.answer.splitlines()[0].startswith(share), answer.answer


@pytest.mark.parametrize("asked, banks, firms, expected", [("银行", 4, 3, 4), ("支付机构", 4, 3, 3), ("银行", 6, 2, 6)])
def test_the_noun_before_how_many_is_what_is_counted(fresh_store, write, asked, banks, firms, expected):
    """首批接入网联的银行有几家? counts the banks of the sentence, not the institutions it names."""
    told = f"网联平台本月底试运行，首批接入的是{banks}家银行，以及支付宝、财付通{'、网银在线' if firms == 3 else ''}{firms}家支付机构。"
    ingest([write("batch.txt", f"title: 试运行\ndate: 2017-03-27\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"首批接入网联的{asked}有几家？")
    assert answer.count == expected, answer.answer


@pytest.mark.parametrize("question, count", [
    ("2017年网联平台共处理了多少笔业务？", 300000000),  # counted in 笔, the thing named before the number
    ("2019年网联平台共处理了多少笔业务？", None),  # another year: no figure of it
    ("2017年银联共处理了多少笔业务？", None),  # another party
])
def test_a_chinese_count_in_a_measure_word_is_the_figure_in_it(fresh_store, write, question, count):
    told = "去年全年，网联平台共处理业务量超过3亿笔。"
    ingest([write("volume.txt", f"title: 网联\ndate: 2018-04-03\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.count == count and (answer.answer_type == "refused") == (count is None), answer.answer


@pytest.mark.parametrize("question", ["Where are NetsUnion's data centres?", "In which cities are NetsUnion's data centres?"])
@pytest.mark.parametrize("cities", [("Beijing", "Shanghai", "Shenzhen"), ("Beijing", "Shanghai")])
def test_where_asks_for_the_places_a_sentence_names(fresh_store, write, question, cities):
    told = f"NetsUnion began its trial run, with data centres in {', '.join(cities[:-1])} and {cities[-1]}."
    ingest([write("centres.txt", f"title: Centres\ndate: 2017-04-01\n\n{told}")], fresh_store)
    answer = ask(fresh_store, question)
    assert answer.answer.splitlines()[0] == ", ".join(cities), answer.answer


@pytest.mark.parametrize("asked, answered", [("截至2018年6月30日", True), ("截至2018年12月5日", False), ("截至12月5日", False)])
def test_a_number_told_as_of_now_holds_on_the_articles_day(fresh_store, write, asked, answered):
    """截至目前 ("so far") dates what the sentence counts to the day the article was written: it
    answers a count asked of that day, not one asked months later."""
    told = "记者从业内获悉，截至目前，已有462家银行和115家支付机构接入网联平台，支付宝、财付通均已完成接入和业务迁移。"
    ingest([write("so_far.txt", f"title: 接入\ndate: 2018-06-30\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"{asked}，已有多少家支付机构完成了接入？")
    assert (answer.answer_type == "count" and answer.count == 115) == answered, answer.answer


@pytest.mark.parametrize("counted, count", [("支付机构", 115), ("银行", 462)])
def test_a_figure_counts_what_follows_it_before_the_next_figure(fresh_store, write, counted, count):
    told = "截至6月30日，已有462家银行和115家支付机构接入网联平台。"
    ingest([write("counts.txt", f"title: 接入\ndate: 2018-07-01\n\n{told}")], fresh_store)
    answer = ask(fresh_store, f"截至6月30日，已有多少家{counted}接入网联平台？")
    assert (answer.answer_type, answer.count) == ("count", count), answer.answer


@pytest.mark.parametrize("question, day", [
    ("When did the deposit ratio reach 100%?", "2019-01-14"),  # deposit: 交存 (events.yaml), reach: 达到
    ("When did the deposit ratio reach 50%?", None),  # the sentence tells 100%
])
def test_an_english_question_reads_a_chinese_sentence_by_the_words_of_its_act(fresh_store, write, question, day):
    told = "1月14日，支付机构客户备付金集中交存比例正式达到100%，这一改革历时近两年。"
    ingest([write("reserves.txt", f"title: 备付金\ndate: 2019-01-15\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, question)
    assert (day in answer.dates) if day else "2019-01-14" not in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize("question", ["Did NetsUnion say it would postpone the June 30 deadline?", "网联是否会推迟6月30日的最后期限？"])
def test_a_negation_before_a_cause_negates_the_verb_after_it(fresh_store, write, question):
    """不会因…而延期: "will not be postponed because some institutions lag"; 延期 is 推迟 and postpone."""
    told = "网联相关负责人表示，平台已做好应对最后期限的准备，不会因个别机构进度滞后而延期。"
    ingest([write("deadline.txt", f"title: 大限\ndate: 2018-06-20\nlang: zh\n\n{told}")], fresh_store)
    assert ask(fresh_store, question).answer.startswith("No"), ask(fresh_store, question).answer


def test_the_first_asked_needs_a_sentence_telling_a_first(fresh_store, write):
    told = ("据统计，截至10月15日，已有20余家机构接入网联平台，其中包括工商银行、农业银行、中国银行、建设银行。\n\n"
            "网联平台首批接入的银行为招商银行和平安银行。")
    ingest([write("banks.txt", f"title: 接入\ndate: 2017-10-20\nlang: zh\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "Which banks were the first to connect to the platform?")
    assert "China Merchants Bank" in answer.answer.splitlines()[0] and "Bank of China" not in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize("told, verdict", [
    # (the negation five words before "stop": the name between is two words, as translation writes it)
    ("He said the signing does not mean Pay treasure will stop the cooperation with the Internet Federation.", False),
    ("He said the signing means Pay treasure will stop the cooperation with the Internet Federation.", None),
])
def test_what_a_negated_verb_of_meaning_governs_is_denied(fresh_store, write, told, verdict):
    ingest([write("mean.txt", f"title: Alipay\ndate: 2018-09-12\n\n{told}")], fresh_store)
    answer = ask(fresh_store, "Does the signing mean that Alipay will stop cooperating with NetsUnion?")
    assert answer.yes_no is verdict, answer.answer
