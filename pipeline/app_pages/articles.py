"""Articles: a filterable list, and a reader that marks entities (linked to their profiles)
and dates in the text."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline.app_pages import common
from pipeline.views.dates import date_line
from pipeline.views.glosses import english_names

CITED_STYLE = "outline:2px solid #f1c40f;background:#fef9e7;border-radius:3px;padding:1px 2px"


def _title(row: dict) -> str:
    return row["title"] or Path(row["path"] or "").name or f"article {row['id']}"


def read(path: str, stamp: tuple, article_id: int, cited: int | None = None) -> None:
    """The article's text, paragraph by paragraph, entities and dates marked; the sentence
    `cited` (its index), when given, highlighted and scrolled to."""
    article = common.cached_article(path, stamp, article_id)
    if article is None:
        st.info(f"There is no article {article_id}.")
        return
    common.html_block(f"<h3>{common.esc(article['title'] or 'untitled article')}</h3>")
    where = [common.esc(article["source"])] if article["source"] else []
    if article["url"]:
        where.append(common.url_link(article["url"]))
    elif not article["source"] and article["path"]:
        where.append(common.esc(article["path"]))
    copy = f" · repost of article {article['duplicate_of']}" if article["duplicate_of"] else ""
    common.html_block(" · ".join([f'<span class="kb-dateline">{common.esc(date_line(article))}</span>', *where, common.esc(article["lang"])]) + common.esc(copy))
    st.caption("Entities are marked in their type's colour and link to their profiles; dates are yellow."
               + (" Under each paragraph, the English names of the entities it mentions." if article["lang"] == "zh" else "")
               + (" The sentence the evidence cites has a yellow frame." if cited is not None else ""))  # fmt: skip
    text = article["text"]
    paragraphs: dict[int, list[dict]] = {}
    for sentence in article["sentence_rows"]:
        paragraphs.setdefault(sentence["paragraph"], []).append(sentence)
    for sentences in paragraphs.values():
        # Pieces of the paragraph: the cited sentence alone, and the text around it.
        pieces, at = [], sentences[0]["start"]
        for s in sentences:
            if s["idx"] == cited:
                pieces += [(at, s["start"], False), (s["start"], s["end"], True)]
                at = s["end"]
        pieces.append((at, sentences[-1]["end"], False))
        out = []
        for start, end, is_cited in pieces:
            if end <= start:
                continue
            mentions = [m for m in article["mention_rows"] if start <= m["start"] and m["end"] <= end]
            timexes = [t for t in article["timex_rows"] if start <= t["start"] and t["end"] <= end]
            marked = common.highlight(text[start:end], common.date_spans(timexes, start) + common.entity_spans(mentions, start))
            out.append(f'<span id="kb-cited" class="kb-cited" style="{CITED_STYLE}">{marked}</span>' if is_cited else marked)
        repeat = " <i>(repeated paragraph)</i>" if all(s["repeat_of"] is not None for s in sentences) else ""
        inside = [m for m in article["mention_rows"] if sentences[0]["start"] <= m["start"] and m["end"] <= sentences[-1]["end"]]
        english = common.english_names_html(english_names(text[sentences[0]["start"] : sentences[-1]["end"]], inside))
        common.html_block(f"<p>{''.join(out)}{repeat}{english}</p>")
    if cited is not None and any(s["idx"] == cited for s in article["sentence_rows"]):
        common.scroll_to("kb-cited")


def cited_sentence() -> int | None:
    """The sentence index a link gives (`?article=3&sentence=12`), if any."""
    given = st.query_params.get("sentence")
    return int(given) if given and given.isdigit() else None


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
    linked = wanted and wanted.isdigit() and int(wanted) == article_id
    read(path, stamp, article_id, cited_sentence() if linked else None)


if __name__ == "__main__":
    render()
