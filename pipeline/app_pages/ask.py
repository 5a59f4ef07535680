"""Ask: a question in English or Chinese; the answer first, then its evidence sentences
(entities and dates marked), their articles and factuality, and the related timeline entries."""

from __future__ import annotations

import streamlit as st

from pipeline.app_pages import common

# Evidence sentences and timeline entries shown at first, and added by each "Show more": on a
# large store an answer can rest on a thousand reports of one event.
SHOWN = 20
EXAMPLES = [
    "When did the Bar Code Payment Business Standards take effect?",
    "Who issued Document 209?",
    "How are Alipay and NetsUnion related?",
    "网联和支付宝什么时候宣布合作？",
]


def _use_example(question: str) -> None:
    st.session_state["ask_question"] = question


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


def show_answer(path: str, stamp: tuple, result: dict, limit: int | None = None) -> None:
    """The answer, then its first `limit` evidence sentences and related entries (all if None)."""
    with st.container(border=True):
        first, *more = (result.get("answer") or "No answer found").splitlines() or [""]
        st.markdown(f"### {common.esc(first)}", unsafe_allow_html=True)
        if more:
            st.markdown("\n".join(f"- {common.esc(line)}" for line in more if line.strip()), unsafe_allow_html=True)
        facts = [f"{result.get('answer_type') or 'answer'}"]
        if result.get("confidence") is not None:
            facts.append(f"confidence {float(result['confidence']):.2f}")
        if result.get("factuality"):
            facts.append(common.badge(result["factuality"]))
        st.markdown(" · ".join(facts))
    entries = {e.id: e for e in common.cached_timeline(path, stamp)}
    evidence = result.get("evidence") or []
    # The factuality of a sentence the engine gives none for, as the timeline read it.
    unknown = {(item.get("article_id"), item.get("sentence")) for item in evidence[:limit] if not item.get("factuality")}
    sentence_facts = {(s["article_id"], s["sentence"]): s["factuality"] for e in entries.values() for s in e.sources} if unknown else {}
    st.markdown(f"#### Evidence ({len(evidence)})")
    if evidence:
        st.caption("Entities are marked in their type's colour and link to their profiles; dates are yellow; the other words the answer rests on are blue.")
    for item in evidence[:limit]:
        fact = item.get("factuality") or sentence_facts.get((item.get("article_id"), item.get("sentence"))) or result.get("factuality")
        meta = common.source_line(item.get("title"), item.get("date"), article_id=item.get("article_id"))
        body = common.highlight(item.get("sentence") or "", evidence_spans(path, stamp, item))
        common.html_block(f"{meta} · {common.badge_html(fact)}<br>“{body}”")
    related = [entries[i] for i in result.get("events") or [] if i in entries]
    if related:
        st.markdown(f"#### Timeline ({len(related)})")
        for e in related[:limit]:
            conflict = " :red-badge[conflict]" if e.conflict else ""
            st.markdown(
                f"- **{common.esc(e.display_date)}** {common.esc(e.summary)} {common.badge(e.factuality)}{conflict} "
                f"({len(e.sources)} source(s))",
                unsafe_allow_html=True,
            )
    if limit is not None and max(len(evidence), len(related)) > limit:
        st.caption(f"Showing the first {limit} of {len(evidence)} evidence sentences and {len(related)} timeline entries.")
        st.button(f"Show {SHOWN} more", key="ask_more", on_click=_show_more)


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
    question = st.text_input("Question", key="ask_question", placeholder="When did Tenpay connect to NetsUnion?")
    if not question.strip():
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
    show_answer(path, stamp, result, shown_count(question.strip()))


if __name__ == "__main__":
    render()
