"""An answer as a reader takes it: headline, how sure in words (reposts not counted, denials
named), a Markdown file with its citations, a link that asks it again."""

import pytest

from pipeline.ingest import ingest
from pipeline.views import answers
from pipeline.views.questions import ask
from pipeline.views.timeline import build_entries, sources_phrase

STORY = (
    "title: Alipay and NetsUnion\ndate: 2018-09-13\nurl: https://example.com/a\n\n"
    "In April 27th, it was reported that Alipay had access to the UnionPay. "
    "On the evening of the same day, the UnionPay statement denied the matter indirectly.\n\n"
    "In May 11th, NetsUnion and Alipay announced the cooperation in the bar code payment business."
)
REPOST = STORY.replace("title: Alipay and NetsUnion", "title: Reposted").replace("https://example.com/a", "https://portal.example/b")
QUESTION = "Did UnionPay confirm Alipay's access?"


@pytest.fixture
def reposted(fresh_store, write):
    """The story and a repost of it: (store, answer, entries by id, repost ids, article rows by id)."""
    ingest([write("a.txt", STORY), write("b.txt", REPOST)], fresh_store)
    rows = {r["id"]: r for r in fresh_store.articles()}
    reposts = {i for i, r in rows.items() if r["duplicate_of"] is not None}
    assert len(reposts) == 1
    entries = {e.id: e for e in build_entries(fresh_store)}
    return ask(fresh_store, QUESTION).to_dict(), entries, reposts, rows


@pytest.mark.parametrize(
    "sources, words",
    [
        ([{"article_id": 1, "repost": False}], "1 source"),
        ([{"article_id": 1, "repost": False}, {"article_id": 1, "repost": False}], "1 source"),  # two sentences, one article
        ([{"article_id": 1, "repost": False}, {"article_id": 2, "repost": True}, {"article_id": 3, "repost": False}],
         "3 sources, 1 of them a repost"),
        ([{"article_id": 1, "repost": False}, {"article_id": 2, "repost": True}, {"article_id": 3, "repost": True}],
         "3 sources, 2 of them reposts"),
        ([{"article_id": 2, "repost": True}], "1 source, it a repost"),
    ],
)
def test_views_timeline_sources_phrase_tells_reposts_apart(sources, words):
    assert sources_phrase(sources) == words


@pytest.mark.parametrize(
    "answer, first, rest",
    [
        ({"answer": "Payment and Settlement Department of the PBOC\nAugust 2017: it required\n\n2018-06-30: deadline"},
         "Payment and Settlement Department of the PBOC", ["August 2017: it required", "2018-06-30: deadline"]),
        ({"answer": ""}, "No answer found", []),
        ({"answer": "No. 2018-04-27: Alipay connected (reported) — conflicting: deny by UnionPay\nRelated: x"},
         "No. 2018-04-27: Alipay connected (reported)", ["conflicting: deny by UnionPay", "Related: x"]),
    ],
)  # fmt: skip
def test_views_answers_headline_is_the_first_line(answer, first, rest):
    assert answers.headline(answer) == (first, rest)


def test_views_answers_explain_counts_independent_sources_and_names_the_denial(reposted):
    answer, entries, reposts, _ = reposted
    assert answer["answer"].startswith("No.")
    said = answers.explain(answer, entries, reposts)
    # One article and its repost are one voice, however sure the engine is; the denial is named.
    assert said.startswith("Fairly well supported: only 1 independent source (1 repost not counted)")
    assert "denied by China UnionPay (2018-04-27 evening)" in said
    assert "report it rather than state it" in said
    assert "confidence" not in said and "0." not in said


@pytest.mark.parametrize(
    "evidence, words",
    [([{"article_id": 1, "sentence": "x"}], "the sentences below are only the closest"), ([], "nothing in the knowledge base")],
)
def test_views_answers_explain_a_refusal(evidence, words):
    said = answers.explain({"answer_type": "refused", "confidence": 0.0, "evidence": evidence}, {}, set())
    assert said.startswith("Not answered") and words in said


def test_views_answers_markdown_holds_the_answer_and_its_citations(reposted):
    answer, entries, reposts, rows = reposted
    text = answers.answer_markdown(QUESTION, answer, entries, reposts, rows)
    assert text.startswith("# Did UnionPay confirm Alipay's access?\n")
    assert "**No. 2018-04-27: Alipay connected to China UnionPay (reported)" in text
    assert "*Fairly well supported: only 1 independent source" in text
    assert "“In April 27th, it was reported that Alipay had access to the UnionPay.”" in text
    assert "*Alipay and NetsUnion*, 2018-09-13, <https://example.com/a>, article 1" in text
    assert "<https://portal.example/b>, article 2 (a repost)" in text
    assert "2 sources, 1 of them a repost" in text


def test_views_answers_markdown_escapes_markup_in_sources():
    answer = {"answer": "x", "answer_type": "date", "confidence": 0.9,
              "evidence": [{"article_id": 1, "title": "*bold* [link](http://e.com)", "date": None, "sentence": "<b>hi</b> `x`"}]}  # fmt: skip
    text = answers.answer_markdown("why *now*?", answer, {}, set())
    assert "# why \\*now\\*?" in text
    assert "\\<b\\>hi\\</b\\> \\`x\\`" in text and "\\*bold\\* \\[link\\](http://e.com)" in text


@pytest.mark.parametrize("question, link", [("Who issued Document 209?", "ask?q=Who%20issued%20Document%20209%3F"),
                                            ("网联 & 支付宝", "ask?q=%E7%BD%91%E8%81%94%20%26%20%E6%94%AF%E4%BB%98%E5%AE%9D")])  # fmt: skip
def test_views_answers_share_link(question, link):
    assert answers.share_link(question) == link
