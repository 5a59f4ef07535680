"""Articles: a filterable list, and a reader that marks entities (linked to their profiles)
and dates in the text."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline.app_pages import common


def _title(row: dict) -> str:
    return row["title"] or Path(row["path"] or "").name or f"article {row['id']}"


def read(path: str, stamp: tuple, article_id: int) -> None:
    """The article's text, paragraph by paragraph, entities and dates marked."""
    article = common.cached_article(path, stamp, article_id)
    if article is None:
        st.info(f"There is no article {article_id}.")
        return
    common.html_block(f"<h3>{common.esc(article['title'] or 'untitled article')}</h3>")
    when = f"{article['date'] or 'undated'} (date from {article['date_source'] or 'nowhere: unknown'})"
    if article.get("date_evidence"):
        when += f": {article['date_evidence']}"
    where = article["source"] or article["url"] or article["path"] or ""
    copy = f" · repost of article {article['duplicate_of']}" if article["duplicate_of"] else ""
    common.html_block(f"{common.esc(when)} · {common.esc(where)} · {common.esc(article['lang'])}{common.esc(copy)}")
    st.caption("Entities are marked in their type's colour and link to their profiles; dates are yellow.")
    text = article["text"]
    paragraphs: dict[int, list[dict]] = {}
    for sentence in article["sentence_rows"]:
        paragraphs.setdefault(sentence["paragraph"], []).append(sentence)
    for sentences in paragraphs.values():
        start, end = sentences[0]["start"], sentences[-1]["end"]
        mentions = [m for m in article["mention_rows"] if start <= m["start"] and m["end"] <= end]
        timexes = [t for t in article["timex_rows"] if start <= t["start"] and t["end"] <= end]
        spans = common.date_spans(timexes, start) + common.entity_spans(mentions, start)
        repeat = " <i>(repeated paragraph)</i>" if all(s["repeat_of"] is not None for s in sentences) else ""
        common.html_block(f"<p>{common.highlight(text[start:end], spans)}{repeat}</p>")


def render() -> None:
    st.header("Articles")
    opened = common.require_store()
    if opened is None:
        return
    path, _, stamp = opened
    rows = common.cached_articles(path, stamp)
    with st.expander("Filters", expanded=True):
        c1, c2, c3 = st.columns(3)
        langs = sorted({r["lang"] for r in rows})
        chosen_langs = c1.multiselect("Language", langs, default=langs, key="art_langs")
        sources = sorted({r["source"] or "(none)" for r in rows})
        chosen_sources = c2.multiselect("Source", sources, key="art_sources", placeholder="all sources")
        copies = c3.radio("Duplicates", ["all", "originals only", "reposts only"], horizontal=True, key="art_copies")
        c4, c5 = st.columns(2)
        years = sorted({r["date"][:4] for r in rows if r["date"]})
        chosen_years = c4.multiselect("Year", years + ["undated"], key="art_years", placeholder="any date")
        search = c5.text_input("Title contains", key="art_search")
    shown = [
        r for r in rows
        if r["lang"] in chosen_langs
        and (not chosen_sources or (r["source"] or "(none)") in chosen_sources)
        and (copies == "all" or (copies == "originals only") == (r["duplicate_of"] is None))
        and (not chosen_years or (r["date"][:4] if r["date"] else "undated") in chosen_years)
        and (not search or search.lower() in (r["title"] or "").lower())
    ]  # fmt: skip
    st.subheader(f"Articles ({len(shown)})")
    st.dataframe(
        [
            {
                "id": r["id"], "date": r["date"] or "undated", "date known from": r["date_source"] or "-",
                "lang": r["lang"], "title": _title(r), "source": r["source"] or "", "sentences": r["sentences"],
                "repost of": r["duplicate_of"],
            }
            for r in shown
        ],  # fmt: skip
        hide_index=True,
        width="stretch",
    )
    if not shown:
        st.info("No article matches these filters.")
        return
    ids = [r["id"] for r in shown]
    titles = {r["id"]: f"{r['id']}: {_title(r)}" for r in shown}
    wanted = st.query_params.get("article")
    index = ids.index(int(wanted)) if wanted and wanted.isdigit() and int(wanted) in ids else 0
    article_id = st.selectbox("Read an article", ids, index=index, format_func=titles.__getitem__, key="art_read")
    read(path, stamp, article_id)


if __name__ == "__main__":
    render()
