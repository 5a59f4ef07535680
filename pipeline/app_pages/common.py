"""What every page of the app shares: the store's path, the cached store and queries, and
rendering that never lets article text act as markup.

Queries are cached under a *version* of the store (the modification times of the SQLite file
and its WAL), so an ingest or a judgement, from the app or from `kb` in a shell, refreshes
every view on its next run. Small results are cached with `st.cache_data` (each run gets its
own copy); the large ones every page reads (the timeline entries, the relations, the graph
and its drawing) with `st.cache_resource`, shared as they are: `st.cache_data` would pickle
them on the way in and unpickle a copy on every run. Their readers never change them.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

import networkx as nx
import streamlit as st

from pipeline.errors import StoreError
from pipeline.export import EXPORTERS, TYPE_COLOURS, export_all, html_page
from pipeline.extract.nlp import warm_up
from pipeline.settings import default_db_path
from pipeline.store import Store
from pipeline.views.entities import entity_list, entity_profile
from pipeline.views.graph import build_graph, most_mentioned
from pipeline.views.relations import relations
from pipeline.views.timeline import FACT_ORDER, Entry, build_entries, timeline

FACT_COLOURS = {
    "asserted": "green", "reported": "blue", "required": "violet",
    "planned": "orange", "speculative": "gray", "denied": "red",
}  # fmt: skip
DATE_COLOUR = "#f7dc6f"
ANSWER_COLOUR = "#aed6f1"
# HTML's own characters, and those that mean something to Streamlit's markdown (emphasis,
# links, LaTeX, emoji shortcodes, colour directives, tables, headings), become character
# references, in one pass so that no reference is escaped twice.
_ESCAPES = {ch: f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]()#+-!|~$:^="} | {"\n": "<br>"}
# The Graph page's drawing: at most this many nodes (the most mentioned) and sources per edge,
# so that a large store's page stays light in the browser; downloads and the evidence below
# the drawing have everything.
DRAWN_NODES = 300
DRAWN_SOURCES = 3


# -- the language pipelines ----------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def preload_pipelines() -> threading.Thread:
    """Load spaCy's pipelines in the background as the app opens, once per process: the
    first question then does not wait a second or two for them."""
    thread = threading.Thread(target=warm_up, name="preload-pipelines", daemon=True)
    thread.start()
    return thread


# -- the store ----------------------------------------------------------------------------


def db_path_from_argv(argv: list[str]) -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    args, _ = parser.parse_known_args(argv)
    return args.db or default_db_path()


def db_path() -> str:
    """`streamlit run app.py -- --db PATH`, else KB_DB, else .kb/kb.sqlite."""
    return str(db_path_from_argv(sys.argv[1:]))


def version(path: str) -> tuple[int, int]:
    """Changes whenever the store is written (the WAL takes writes, checkpoints the file)."""
    stamps = []
    for name in (path, path + "-wal"):
        try:
            stamps.append(os.stat(name).st_mtime_ns)
        except OSError:
            stamps.append(0)
    return stamps[0], stamps[1]


@st.cache_resource(show_spinner=False)
def get_store(path: str) -> Store:
    return Store(path, readonly=True)


def how_to_ingest(path: str) -> str:
    return (
        f"Add articles on the **Ingest** page, or from a shell with `kb ingest corpus/ --db {path}` "
        "(`make app` builds the shipped corpus)."
    )


def require_store() -> tuple[str, Store, tuple] | None:
    """The path, the read-only store and its version; or a warning saying how to ingest."""
    path = db_path()
    try:
        store = get_store(path)
    except StoreError as e:
        st.warning(f"{e}\n\n{how_to_ingest(path)}")
        return None
    stamp = version(path)
    if cached_counts(path, stamp)["articles"] == 0:
        st.warning(f"The knowledge base at `{path}` has no articles yet.\n\n{how_to_ingest(path)}")
        return None
    return path, store, stamp


def refresh() -> None:
    """Forget every cached query: the next run of any page reads the store afresh."""
    st.cache_data.clear()
    for shared in (cached_entries, cached_timeline, _relation_list, cached_relations, cached_graph, cached_graph_files):
        shared.clear()


# -- cached queries (path and version are the cache key; the store comes from the resource) --


@st.cache_data(show_spinner=False)
def cached_counts(path: str, stamp: tuple) -> dict[str, int]:
    return get_store(path).counts()


@st.cache_data(show_spinner=False)
def cached_articles(path: str, stamp: tuple) -> list[dict]:
    return get_store(path).articles()


@st.cache_data(show_spinner=False)
def cached_article_rows(path: str, stamp: tuple) -> dict[int, dict]:
    """Every article's row (no text) by id, for citations."""
    return {row["id"]: row for row in cached_articles(path, stamp)}


@st.cache_data(show_spinner=False)
def cached_reposts(path: str, stamp: tuple) -> set[int]:
    """The ids of the articles that are reposts of another."""
    return {row["id"] for row in cached_articles(path, stamp) if row["duplicate_of"] is not None}


@st.cache_data(show_spinner=False)
def cached_article(path: str, stamp: tuple, article_id: int) -> dict | None:
    """One article with its sentences, entity mentions and dates."""
    store = get_store(path)
    article = store.article(article_id)
    if article is None:
        return None
    return {
        **article,
        "sentence_rows": store.sentences(article_id),
        "mention_rows": store.mentions(article_id),
        "timex_rows": store.timexes(article_id),
    }


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_entries(path: str, stamp: tuple) -> list[Entry]:
    """Every timeline entry, built once per version of the store for the timeline, the
    relations, the graph and the question engine (which finds them memoised in the store)."""
    return build_entries(get_store(path))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_timeline(
    path: str,
    stamp: tuple,
    entity_ids: frozenset[str] | None = None,
    types: frozenset[str] | None = None,
    factuality: frozenset[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    keep_undated: bool = False,
) -> list[Entry]:
    return timeline(
        get_store(path),
        entity_ids=set(entity_ids) if entity_ids else None,
        types=set(types) if types else None,
        factuality=set(factuality) if factuality else None,
        date_from=date_from,
        date_to=date_to,
        entries=cached_entries(path, stamp),
        keep_undated=keep_undated,
    )


@st.cache_data(show_spinner=False)
def cached_entities(path: str, stamp: tuple) -> list[dict]:
    return entity_list(get_store(path))


@st.cache_data(show_spinner=False)
def cached_entity_labels(path: str, stamp: tuple) -> dict[str, str]:
    """id -> name of every entity, for pickers (cheaper than the list with its counts)."""
    return get_store(path).entity_labels()


@st.cache_data(show_spinner=False)
def cached_profile(path: str, stamp: tuple, name: str) -> dict | None:
    return entity_profile(get_store(path), name)


@st.cache_resource(show_spinner=False, max_entries=4)
def _relation_list(path: str, stamp: tuple):
    return relations(get_store(path))  # the store memoises them, shared with the question engine


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_relations(path: str, stamp: tuple, entity_id: str | None = None) -> list[dict]:
    """The relations, or those `entity_id` is the subject or the object of."""
    return [r.to_dict() for r in _relation_list(path, stamp) if entity_id is None or entity_id in (r.subject, r.object)]


@st.cache_data(show_spinner=False)
def cached_judgements(path: str, stamp: tuple) -> list[dict]:
    return get_store(path).judgement_log()


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_graph(path: str, stamp: tuple, entity_id: str | None, depth: int, min_sources: int, period: tuple[date, date] | None = None):
    """The graph, an entity's neighbourhood of it, cut to edges with `min_sources` and to a
    period (first day, last day; undated edges stay)."""
    return build_graph(
        get_store(path), entity_id=entity_id, depth=depth, min_sources=min_sources,
        date_from=period[0] if period else None, date_to=period[1] if period else None,
        relation_list=_relation_list(path, stamp),
    )  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_graph_files(path: str, stamp: tuple, entity_id: str | None, depth: int, min_sources: int, period: tuple[date, date] | None = None) -> dict:
    """The interactive drawing of this graph and every export format of it:
    {"html": str, "drawn": number of nodes drawn, "files": {name: (format, content)}}.

    The drawing is made now, light (DRAWN_NODES, DRAWN_SOURCES); each file's content is a
    callable that makes it, complete, when it is downloaded (st.download_button takes one): on
    a large store every format takes about a second, and a page render should not pay for
    files nobody asked for."""
    drawn = most_mentioned(cached_graph(path, stamp, entity_id, depth, min_sources, period), DRAWN_NODES)
    with tempfile.TemporaryDirectory() as tmp:
        # The drawing is of the graph alone (html_page does not read the timeline entries).
        page = html_page(drawn, [], Path(tmp), max_sources=DRAWN_SOURCES).read_text(encoding="utf-8")
    files = {}
    for fmt in EXPORTERS:
        for name in _export_names(fmt):
            files[name] = (fmt, functools.partial(_export_file, path, stamp, entity_id, depth, min_sources, fmt, name, period))
    return {"html": page, "drawn": drawn.number_of_nodes(), "files": files}


@functools.cache
def _export_names(fmt: str) -> tuple[str, ...]:
    """The files an export format writes (their names do not depend on the graph)."""
    with tempfile.TemporaryDirectory() as tmp:
        return tuple(p.name for p in export_all(nx.MultiDiGraph(), [], Path(tmp), [fmt]))


def _export_file(
    path: str, stamp: tuple, entity_id: str | None, depth: int, min_sources: int, fmt: str, name: str, period: tuple[date, date] | None = None
) -> bytes:
    return cached_export(path, stamp, entity_id, depth, min_sources, fmt, period).get(name, b"")


@st.cache_data(show_spinner=False)
def cached_export(
    path: str, stamp: tuple, entity_id: str | None, depth: int, min_sources: int, fmt: str, period: tuple[date, date] | None = None
) -> dict[str, bytes]:
    """One export format of the graph: {file name: content}."""
    graph = cached_graph(path, stamp, entity_id, depth, min_sources, period)
    entries = cached_timeline(path, stamp, frozenset({entity_id}) if entity_id else None, None, None, *(period or (None, None)))
    with tempfile.TemporaryDirectory() as tmp:
        return {written.name: written.read_bytes() for written in export_all(graph, entries, Path(tmp), [fmt])}


@st.cache_data(show_spinner=False)
def cached_sentence_mentions(path: str, stamp: tuple, sentences: tuple[tuple[int, int], ...]) -> dict[tuple[int, int], list[dict]]:
    """The resolved mentions of these sentences ((article id, index) each), for their English names."""
    return get_store(path).sentence_mentions(list(sentences))


def ask_function():
    """The question engine, or None while this version of the library has none."""
    try:
        from pipeline.views.questions import ask
    except ImportError:
        return None
    return ask


@st.cache_data(show_spinner=False)
def cached_answer(path: str, stamp: tuple, question: str) -> dict | None:
    ask = ask_function()
    if ask is None:
        return None
    return ask(get_store(path), question).to_dict()


# -- rendering ----------------------------------------------------------------------------


def esc(text: str | None) -> str:
    """Source text for st.markdown(..., unsafe_allow_html=True): shown as text, never as markup."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text or "")


def highlight(text: str, spans: list[dict]) -> str:
    """`text` escaped, with spans ({start, end, kind, title, href?}) marked; earlier spans in
    the list win where two overlap."""
    chosen: list[dict] = []
    for span in spans:
        if not (0 <= span["start"] < span["end"] <= len(text)):
            continue
        if any(span["start"] < other["end"] and other["start"] < span["end"] for other in chosen):
            continue
        chosen.append(span)
    out, at = [], 0
    for span in sorted(chosen, key=lambda s: s["start"]):
        out.append(esc(text[at : span["start"]]))
        piece = esc(text[span["start"] : span["end"]])
        title = esc(span.get("title") or "")
        colour = span.get("colour") or DATE_COLOUR
        style = f"background:{colour};border-radius:3px;padding:0 2px;color:inherit;text-decoration:none"
        if span.get("href"):
            out.append(f'<a class="kb-{span["kind"]}" href="{esc(span["href"])}" target="_self" title="{title}" style="{style}">{piece}</a>')
        else:
            out.append(f'<mark class="kb-{span["kind"]}" title="{title}" style="{style}">{piece}</mark>')
        at = span["end"]
    out.append(esc(text[at:]))
    return "".join(out)


def entity_spans(mentions: list[dict], offset: int = 0, *, link: bool = True) -> list[dict]:
    """Mentions (offsets into the article) as spans relative to `offset`, linked to profiles."""
    return [
        {
            "start": m["start"] - offset,
            "end": m["end"] - offset,
            "kind": "entity",
            "title": f"{m['name'] or m['text']} ({m['type'] or m['label']})",
            "colour": TYPE_COLOURS.get(m["type"] or m["label"], "#555555") + "40",
            "href": f"entities?entity={m['entity_id']}" if link and m["entity_id"] else None,
        }
        for m in mentions
    ]


def date_spans(timexes: list[dict], offset: int = 0) -> list[dict]:
    return [
        {"start": t["start"] - offset, "end": t["end"] - offset, "kind": "date", "title": f"{t['type']} {t['value']}", "colour": DATE_COLOUR}
        for t in timexes
    ]


def badge(factuality: str | None) -> str:
    """A coloured factuality badge, as Streamlit markdown (the vocabulary is ours, not the article's)."""
    if not factuality:
        return ""
    return f":{FACT_COLOURS.get(factuality, 'gray')}-badge[{factuality}]"


def badge_html(factuality: str | None) -> str:
    """The factuality badge inside an HTML block, where markdown directives do not apply."""
    if not factuality:
        return ""
    colour = {"green": "#1e8449", "blue": "#2471a3", "violet": "#7d3c98", "orange": "#ca6f1e", "gray": "#616a6b", "red": "#c0392b"}[
        FACT_COLOURS.get(factuality, "gray")
    ]
    return (f'<span class="kb-badge" style="color:{colour};background:{colour}1f;border-radius:4px;'
            f'padding:1px 6px;font-size:0.85em">{esc(factuality)}</span>')


def scroll_to(element_id: str) -> None:
    """Scroll the page to the element with this id once it is drawn (a script in a frame of
    no height: Streamlit's markdown runs no script)."""
    st.iframe(
        "<script>const find = () => window.parent.document.getElementById(" + repr(element_id) + ");"
        "let tries = 0; const go = () => { const el = find(); if (el) { el.scrollIntoView({block: 'center'}); }"
        " else if (tries++ < 50) { setTimeout(go, 100); } }; go();</script>",
        height=1,
    )


def english_names_html(names: list[dict]) -> str:
    """The English names of the entities a Chinese sentence names (views.glosses.english_names),
    as one escaped line to show beside it; "" when there are none."""
    if not names:
        return ""
    pairs = " · ".join(f"{esc(n['written'])} = {esc(n['english'])}" for n in names)
    return f'<span class="kb-english" style="display:block;color:#5d6d7e;font-size:0.88em">In English: {pairs}</span>'


def html_block(content: str) -> None:
    st.markdown(f'<div class="kb-text" style="line-height:1.7">{content}</div>', unsafe_allow_html=True)


def source_line(
    title: str | None, when: str | None, url: str | None = None, article_id: int | None = None, sentence: int | None = None
) -> str:
    """An article's title and date as escaped HTML, linked to the reader (opened at the cited
    sentence, when its index is given); the source's own address is a link too."""
    name = esc(title or "untitled article")
    if article_id is not None:
        at = f"&sentence={sentence}" if sentence is not None else ""
        name = f'<a class="kb-article" href="articles?article={article_id}{at}" target="_self">{name}</a>'
    parts = [f"<b>{name}</b>", esc(when or "undated")]
    if url:
        parts.append(url_link(url))
    return " · ".join(parts)


def url_link(url: str) -> str:
    """A source's address as a link that opens in a new tab (an http(s) address only; anything
    else is shown as text)."""
    if not url.lower().startswith(("http://", "https://")):
        return f'<span style="color:#888">{esc(url)}</span>'
    return f'<a class="kb-url" href="{esc(url)}" target="_blank" rel="noopener noreferrer" style="color:#888">{esc(url)}</a>'


def sentence_index(path: str, stamp: tuple, article_id: int | None, text: str | None) -> int | None:
    """The index of the sentence of the article that reads `text`, if there is one."""
    article = cached_article(path, stamp, article_id) if article_id is not None and text else None
    return next((s["idx"] for s in article["sentence_rows"] if s["text"] == text), None) if article else None


def fact_order(values) -> list[str]:
    return sorted(values, key=lambda v: FACT_ORDER.index(v) if v in FACT_ORDER else len(FACT_ORDER))


def entry_label(entry: Entry) -> str:
    return f"{entry.display_date} · {entry.summary}"[:160]
