"""The analysts' app: `streamlit run app.py -- --db .kb/kb.sqlite` (what `make app` runs).

A thin entry point: the pages live in pipeline/app_pages/ (one module per page) and call the
library. Article text is always shown as text, never as markup.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline import saved_views
from pipeline.app_pages import common

PAGES = Path(__file__).resolve().parent / "pipeline" / "app_pages"
# (module, title, icon): the first is the default page.
NAVIGATION = [
    ("ask", "Ask", ":material/question_answer:"),
    ("timeline", "Timeline", ":material/timeline:"),
    ("graph", "Graph", ":material/hub:"),
    ("entities", "Entities", ":material/badge:"),
    ("articles", "Articles", ":material/article:"),
    ("ingest", "Ingest", ":material/upload_file:"),
]


def sidebar(path: str) -> None:
    st.sidebar.caption(f"Knowledge base: `{path}`")
    try:
        counts = common.cached_counts(path, common.version(path)) if Path(path).exists() else None
    except Exception:  # noqa: BLE001 — an unreadable store is reported by the page itself
        counts = None
    if counts:
        st.sidebar.caption(
            f"articles: {counts['articles']} · entities: {counts['entities']} · timeline entries: {counts['timeline_entries']}"
        )


def main() -> None:
    st.set_page_config(page_title="断直连 knowledge base", layout="wide")
    common.preload_pipelines()
    # Streamlit serves the default page at the root only, and reserves its url_path without
    # serving it: the default is registered as "home", and its own address (/ask, and
    # /ask?q=... in a shared link) is a hidden twin of it, so that every page answers at its name.
    pages = [
        st.Page(PAGES / f"{name}.py", title=title, icon=icon, url_path="home" if i == 0 else name, default=i == 0)
        for i, (name, title, icon) in enumerate(NAVIGATION)
    ]
    name, title, icon = NAVIGATION[0]
    pages.append(st.Page(PAGES / f"{name}.py", title=title, icon=icon, url_path=name, visibility="hidden"))
    page = st.navigation(pages)
    st.sidebar.markdown("**断直连** · China's payment disconnection, from the news")
    sidebar(common.db_path())
    page.run()
    saved_views.flush()  # the views this page built, for the next process (once it is drawn)


main()
