"""Ask: a question in English or Chinese; a short headline answer, the details and how sure
it is in words, then its evidence sentences (entities and dates marked), their articles and
factuality, and the related timeline entries. `ask?q=...` asks a question from a link; the
session keeps a history of the questions asked, and an answer downloads as Markdown."""

from __future__ import annotations

import functools

import streamlit as st

from pipeline.app_pages import common
from pipeline.views import answers
from pipeline.views.glosses import english_names
from pipeline.views.questions import MAX_QUESTION_CHARS, QuestionRejected, clean_question
from pipeline.views.timeline import sources_phrase

# Evidence sentences and timeline entries shown at first, and added by each "Show more": on a
# large store an answer can rest on a thousand reports of one event.
SHOWN = 20
HISTORY = 20  # questions kept in the session's history
# The box is bound to the address (?q=...): a shared link asks its question, reloading asks it
# again, and Streamlit keeps the two in step (the key is the query parameter's name).
QUESTION_KEY = "q"
EXAMPLES = [
    "When did the Bar Code Payment Business Standards take effect?",
    "Who issued Document 209?",
    "How are Alipay and NetsUnion related?",
    "网联和支付宝什么时候宣布合作？",
]


def _use_example(question: str) -> None:
    st.session_state[QUESTION_KEY] = question


def _show_more() -> None:
    st.session_state["ask_shown"] += SHOWN


def shown_count(question: str) -> int:
    """How many evidence sentences (and related entries) to show for this question."""
    if st.session_state.get("ask_shown_for") != question:
        st.session_state["ask_shown_for"], st.session_state["ask_shown"] = question, SHOWN
    return st.session_state["ask_shown"]


def evidence_spans(path: str, stamp: tuple, item: dict) -> list[dict]:
    """The entities and dates the store found in the sentence, then the answer's highlights."""
    spans: list[dict] = []
    article = common.cached_article(path, stamp, item["article_id"]) if item.get("article_id") is not None else None
    if article:
        sentence = next((s for s in article["sentence_rows"] if s["text"] == item["sentence"]), None)
        if sentence:
            inside = lambda r: sentence["start"] <= r["start"] and r["end"] <= sentence["end"]  # noqa: E731
            spans += common.date_spans([t for t in article["timex_rows"] if inside(t)], sentence["start"])
            spans += common.entity_spans([m for m in article["mention_rows"] if inside(m)], sentence["start"])
    # The words the answer rests on, where they are no entity or date already.
    return spans + [{"start": a, "end": b, "kind": "answer", "title": "answer", "colour": common.ANSWER_COLOUR} for a, b in item.get("highlights") or []]


def show_answer(path: str, stamp: tuple, question: str, result: dict, limit: int | None = None) -> None:
    """The headline answer, the details and how sure it is, then the first `limit` evidence
    sentences and related entries (all if None), and the answer as a Markdown download."""
    entries = {e.id: e for e in common.cached_timeline(path, stamp)}
    reposts = common.cached_reposts(path, stamp)
    first, details = answers.headline(result)
    with st.container(border=True):
        common.html_block(f'<div class="kb-headline" style="font-size:1.3em;font-weight:600">{common.esc(first)}</div>')
        if details:
            st.markdown("\n".join(f"- {common.esc(line)}" for line in details), unsafe_allow_html=True)
        sure = answers.explain(result, entries, reposts)
        common.html_block(f'<span class="kb-sure"><b>How sure:</b> {common.esc(sure)}</span> {common.badge_html(result.get("factuality"))}')
        c1, c2 = st.columns([1, 2])
        c1.download_button(
            "Download the answer (.md)", key="ask_download", file_name="answer.md", mime="text/markdown", on_click="ignore",
            data=functools.partial(answers.answer_markdown, question, result, entries, reposts, common.cached_article_rows(path, stamp)),
        )  # fmt: skip
        c2.markdown(f'<a class="kb-share" href="{common.esc(answers.share_link(question))}" target="_self">Link to this question</a>',
                    unsafe_allow_html=True)  # fmt: skip
    evidence = result.get("evidence") or []
    # The factuality of a sentence the engine gives none for, as the timeline read it.
    unknown = {(item.get("article_id"), item.get("sentence")) for item in evidence[:limit] if not item.get("factuality")}
    sentence_facts = {(s["article_id"], s["sentence"]): s["factuality"] for e in entries.values() for s in e.sources} if unknown else {}
    st.markdown(f"#### Evidence ({len(evidence)})")
    if evidence:
        st.caption("Entities are marked in their type's colour and link to their profiles; dates are yellow; the other words the answer rests on are blue.")
    shown = [(item, common.sentence_index(path, stamp, item.get("article_id"), item.get("sentence"))) for item in evidence[:limit]]
    # The English names of what a Chinese sentence names, from the stored mentions of it.
    mentions = common.cached_sentence_mentions(path, stamp, tuple((item["article_id"], idx) for item, idx in shown if idx is not None))
    for item, idx in shown:
        fact = item.get("factuality") or sentence_facts.get((item.get("article_id"), item.get("sentence"))) or result.get("factuality")
        meta = common.source_line(item.get("title"), item.get("date"), article_id=item.get("article_id"), sentence=idx)
        repost = " · repost" if item.get("article_id") in reposts else ""
        body = common.highlight(item.get("sentence") or "", evidence_spans(path, stamp, item))
        english = common.english_names_html(english_names(item.get("sentence"), mentions.get((item.get("article_id"), idx), [])))
        common.html_block(f"{meta}{repost} · {common.badge_html(fact)}<br>“{body}”{english}")
    related = [entries[i] for i in result.get("events") or [] if i in entries]
    if related:
        st.markdown(f"#### Timeline ({len(related)})")
        for e in related[:limit]:
            conflict = " :red-badge[conflict]" if e.conflict else ""
            st.markdown(
                f"- **{common.esc(e.display_date)}** {common.esc(e.summary)} {common.badge(e.factuality)}{conflict} "
                f"({common.esc(sources_phrase(e.sources))})",
                unsafe_allow_html=True,
            )
    if limit is not None and max(len(evidence), len(related)) > limit:
        st.caption(f"Showing the first {limit} of {len(evidence)} evidence sentences and {len(related)} timeline entries.")
        st.button(f"Show {SHOWN} more", key="ask_more", on_click=_show_more)


def remember(question: str) -> None:
    """Put the question first in the session's history (once)."""
    history = [q for q in st.session_state.get("ask_history", []) if q != question]
    st.session_state["ask_history"] = [question, *history][:HISTORY]


def show_history() -> None:
    history = st.session_state.get("ask_history", [])
    if not history:
        return
    with st.expander(f"Asked in this session ({len(history)})", expanded=False):
        for i, asked in enumerate(history):
            st.button(asked, key=f"ask_history_{i}", on_click=_use_example, args=(asked,), type="tertiary")


def render() -> None:
    st.header("Ask")
    opened = common.require_store()
    if opened is None:
        return
    path, _, stamp = opened
    st.caption("Examples:")
    cols = st.columns(len(EXAMPLES))
    for i, (col, example) in enumerate(zip(cols, EXAMPLES, strict=True)):
        col.button(example, key=f"ask_example_{i}", on_click=_use_example, args=(example,), width="stretch")
    question = st.text_input(
        "Question",
        key=QUESTION_KEY,
        placeholder="When did Tenpay connect to NetsUnion?",
        max_chars=MAX_QUESTION_CHARS,
        bind="query-params",
    )
    if not question.strip():
        show_history()
        return
    try:
        question = clean_question(question)
    except QuestionRejected as e:  # the box stops at the limit; this is for what else sets it
        st.warning(str(e))
        return
    if common.ask_function() is None:
        st.info("This version of the library cannot answer questions yet (no pipeline.views.questions.ask).")
        return
    with st.spinner("Looking through the evidence…"):
        try:
            result = common.cached_answer(path, stamp, question.strip())
        except Exception as e:  # noqa: BLE001 — one failed question should not take the page down
            st.error(f"The question engine failed on this question: {type(e).__name__}: {common.esc(str(e))}")
            return
    question = question.strip()
    remember(question)
    show_history()
    show_answer(path, stamp, question, result, shown_count(question))


if __name__ == "__main__":
    render()
