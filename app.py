"""The analysts' app: `streamlit run app.py -- --db .kb/kb.sqlite` (what `make app` runs).

Pages call the library (pipeline.*) and nothing else; article text is always shown as text,
never as markup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import streamlit as st

from pipeline.errors import StoreError
from pipeline.settings import default_db_path
from pipeline.store import Store


def db_path_from_argv(argv: list[str]) -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    args, _ = parser.parse_known_args(argv)
    return args.db or default_db_path()


@st.cache_resource
def get_store(path: str) -> Store:
    return Store(path, readonly=True)


@st.cache_data(ttl=10)
def load_articles(path: str) -> list[dict]:
    return get_store(path).articles()


def articles_page(path: str) -> None:
    rows = load_articles(path)
    st.subheader(f"Articles ({len(rows)})")
    langs = sorted({r["lang"] for r in rows})
    chosen = st.multiselect("Language", langs, default=langs)
    shown = [r for r in rows if r["lang"] in chosen]
    st.dataframe(
        [
            {
                "id": r["id"],
                "date": r["date"] or "undated",
                "date known from": r["date_source"] or "-",
                "lang": r["lang"],
                "title": r["title"] or Path(r["path"] or "").name,
                "sentences": r["sentences"],
                "copy of": r["duplicate_of"],
            }
            for r in shown
        ],
        hide_index=True,
        width="stretch",
    )
    if not shown:
        return
    ids = {f"{r['id']}: {r['title'] or r['path']}": r["id"] for r in shown}
    article_id = ids[st.selectbox("Read an article", list(ids))]
    store = get_store(path)
    article = store.article(article_id)
    st.markdown(f"**{_escape(article['title'] or '')}**")
    st.caption(f"{article['date'] or 'undated'} ({article['date_source'] or 'unknown'}) · {article['source'] or article['path']}")
    for sentence in store.sentences(article_id):
        note = f" _(repeats sentence {sentence['repeat_of']})_" if sentence["repeat_of"] is not None else ""
        st.markdown(f"`{sentence['idx']}` {_escape(sentence['text'])}{note}")


def _escape(text: str) -> str:
    """Show article text literally: markdown and HTML characters lose their meaning."""
    specials = "\\`*_{}[]()#+-.!|<>~$"
    return "".join("\\" + ch if ch in specials else ch for ch in text)


def main() -> None:
    st.set_page_config(page_title="断直连 knowledge base", layout="wide")
    st.title("断直连 · China's payment disconnection, from the news")
    path = str(db_path_from_argv(sys.argv[1:]))
    try:
        get_store(path)
    except StoreError as e:
        st.warning(f"{e}\n\nAdd articles with `kb ingest PATH --db {path}`.")
        return
    articles_page(path)


main()
