"""Ingest: bring articles in from files (uploaded, or a folder on this machine), from web
addresses (fetched as `kb fetch` does) or from a pasted text, one batch at a time with a
progress bar. Then what became of each source, with links to the articles written and to the
timeline entries they are sources of.

After a batch the whole app is drawn again: the sidebar's counts were drawn before the batch
ran, in the same run, and would show the old store until the next page change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path

import streamlit as st

from pipeline import saved_views
from pipeline.app_pages import common
from pipeline.batches import changed_articles, entries_citing, source_results
from pipeline.errors import BadInput
from pipeline.folders import FolderNotAllowed, allowed_path, folder_box_enabled, ingest_roots, inside, upload_path
from pipeline.ingest import SUPPORTED, find_files, ingest
from pipeline.ingest.clean import with_header
from pipeline.ingest.names import path_text
from pipeline.locks import StoreBusy
from pipeline.settings import SETTINGS
from pipeline.store import Store
from pipeline.views.timeline import build_entries

# A batch of thousands of files would list thousands of links: the first ones, and a count.
LINKS_SHOWN = 50
PASTED_NAME = "pasted.txt"
LANGUAGES = {"detect": None, "English": "en", "Chinese": "zh"}


def run_batch(path: str, total: int, work: Callable, *, names: dict[str, str], asked: list[str] | None = None) -> dict | None:
    """Run `work(store, progress)` (an ingest or a fetch, returning its report) under a
    progress bar over `total` sources; returns what the page shows of it, or None when
    another batch holds the store. names: how to call a source (an upload by its own name)."""
    bar = st.progress(0.0, text=f"0/{total}…")
    done = []

    def progress(name: str) -> None:
        done.append(name)
        shown = names.get(name) or Path(name).name or name
        bar.progress(min(len(done) / max(total, 1), 1.0), text=f"{len(done)}/{total}: {shown}")

    with Store(path) as store:
        before, entries_before = store.generation(), store.timeline_entry_ids()
        try:
            report = work(store, progress)
        except StoreBusy as e:
            bar.empty()
            st.error(str(e))
            return None
        if store.generation() != before:
            # Built and saved while the analyst still watches the bar, so the next page opened
            # reads them back (about a second on 10k articles) instead of building them.
            bar.progress(1.0, text="Updating the timeline and entity counts…")
            build_entries(store)
            store.entity_stats()
            store.media_reports()
            saved_views.wait()
        results = source_results(report, asked)
        written = changed_articles(results)
        articles = {i: store.article(i) for i in written[:LINKS_SHOWN]}
        entries = entries_citing(store, written, entries_before)
    common.refresh()
    return {
        "counts": report.to_dict(),
        "results": [{**asdict(r), "source": names.get(r.source, r.source)} for r in results],
        "articles": [
            {"id": i, "title": a["title"], "date": a["date"], "url": a["url"], "result": next(r.result for r in results if r.article_id == i)}
            for i, a in articles.items() if a is not None
        ],  # fmt: skip
        "more_articles": max(len(written) - LINKS_SHOWN, 0),
        "entries": [{"id": e.id, "label": common.entry_label(e), "new": new} for e, new in entries[:LINKS_SHOWN]],
        "more_entries": max(len(entries) - LINKS_SHOWN, 0),
    }


def keep_upload(path: str, name: str, content: bytes) -> str:
    """Write an upload (or a pasted text) beside the store, where ingest reads it; its path."""
    target = upload_path(path, name, content)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return str(target)


def files_section(path: str) -> None:
    uploads = st.file_uploader("Upload files", type=[s.lstrip(".") for s in SUPPORTED], accept_multiple_files=True, key="ing_files")
    roots = ingest_roots()
    enabled = folder_box_enabled(st.get_option("server.address"))
    folder = st.text_input(
        "…or a folder (or file) on this machine, read recursively", key="ing_folder", placeholder="corpus/", disabled=not enabled,
    )  # fmt: skip
    if enabled:
        st.caption("Only folders under " + ", ".join(f"`{r}`" for r in roots) + " (set `KB_INGEST_ROOTS` to change them).")
    else:
        st.caption(
            "Reading folders on the server is off: the app listens beyond 127.0.0.1. Upload files, or set "
            "`KB_INGEST_FOLDERS=1` (and `KB_INGEST_ROOTS`) when starting it."
        )
    max_mb = st.number_input("Largest file (MB)", 1.0, 500.0, float(SETTINGS["max_file_mb"].default), key="ing_max_mb")
    if not st.button("Ingest", type="primary", key="ing_go"):
        return
    sources, names = [], {}
    for upload in uploads or []:
        kept = keep_upload(path, upload.name, upload.getvalue())
        sources.append(kept)
        names[path_text(kept)] = upload.name
    if enabled and folder.strip():
        try:
            given = allowed_path(folder.strip(), roots)
        except FolderNotAllowed as e:
            st.error(str(e))
            given = None
        if given is not None:
            # A link inside a root may point anywhere: only files that resolve under a root are read.
            found = [str(f) for f in find_files([given]) if isinstance(f, Path) and inside(f, roots)]
            if not found:
                st.warning(f"No {', '.join(SUPPORTED)} files under {folder.strip()}.")
            sources += found
    if sources:
        files = [f for f in find_files(sources) if not isinstance(f, BadInput)]
        finish(run_batch(path, len(files), lambda store, progress: ingest(sources, store, max_mb=max_mb, progress=progress), names=names))
    elif not (enabled and folder.strip()):
        st.warning("Upload files or name a folder first.")


def addresses_section(path: str) -> None:
    text = st.text_area("Web addresses, one a line", key="ing_urls", height=120, placeholder="https://example.com/news/netsunion.html")
    delay = st.number_input("Seconds between two requests to one site", 0.0, 30.0, 1.0, key="ing_delay",
                            help="Politeness towards each site; robots.txt is obeyed and may ask for more.")  # fmt: skip
    st.caption("Pages named here are kept whatever their topic; one already stored is downloaded again only if it changed.")
    if not st.button("Fetch and ingest", type="primary", key="ing_fetch"):
        return
    # httpx, trafilatura and the robots rules load when a fetch runs, not with the page.
    from pipeline.ingest.crawl import address_lines, fetch
    from pipeline.ingest.fetch import FetchSettings

    addresses = address_lines(text)
    if not addresses:
        st.warning("Paste one web address a line first.")
        return
    settings = FetchSettings(delay=delay)
    finish(run_batch(path, len(addresses), lambda store, progress: fetch(addresses, store, settings=settings, progress=progress),
                     names={}, asked=addresses))  # fmt: skip


def text_section(path: str) -> None:
    body = st.text_area("The article's text", key="ing_text", height=200,
                        help="Paragraphs separated by blank lines. A `.txt` header (title:, date:… lines) at the top is read too.")  # fmt: skip
    c1, c2, c3, c4 = st.columns([3, 1, 1, 2])
    title = c1.text_input("Title (optional)", key="ing_title")
    day = c2.date_input("Published (optional)", value=None, min_value=date(1990, 1, 1), key="ing_date")
    language = c3.selectbox("Language", list(LANGUAGES), key="ing_lang")
    source = c4.text_input("Source (optional)", key="ing_source", placeholder="Caixin")
    if not st.button("Ingest the text", type="primary", key="ing_paste"):
        return
    if not body.strip():
        st.warning("There is no text to ingest: paste the article's text in the box above.")
        return
    meta = {"title": title, "date": day.isoformat() if day else None, "source": source, "lang": LANGUAGES[language]}
    kept = keep_upload(path, PASTED_NAME, with_header(meta, body).encode("utf-8"))
    label = f"pasted text “{title.strip()}”" if title.strip() else "pasted text"
    finish(run_batch(path, 1, lambda store, progress: ingest([kept], store, progress=progress), names={path_text(kept): label}))


def finish(outcome: dict | None) -> None:
    """Keep the batch's outcome for the next run and start it: the sidebar is drawn again
    with the store as the batch left it."""
    if outcome is not None:
        st.session_state["ing_report"] = outcome
        st.rerun()


def show_outcome(outcome: dict) -> None:
    counts = outcome["counts"]
    st.subheader("Last batch")
    cols = st.columns(6)
    for col, key in zip(cols, ["ingested", "updated", "unchanged", "duplicates"], strict=False):
        col.metric(key, counts[key])
    cols[4].metric("off topic", len(counts["off_topic"]))
    cols[5].metric("failed", len(counts["failed"]))
    if counts["failed"]:
        st.error(f"{len(counts['failed'])} could not be ingested (the rest of the batch went on):")
        failed = [r for r in outcome["results"] if r["result"] == "failed"]
        items = [f"<li><b>{common.esc(r['source'])}</b>: {common.esc(r['detail'])}</li>" for r in failed[:LINKS_SHOWN]]
        more = f"<li>…and {len(failed) - LINKS_SHOWN} more, in the table below</li>" if len(failed) > LINKS_SHOWN else ""
        common.html_block(f'<ul class="kb-batch-failed">{"".join(items)}{more}</ul>')
    elif outcome["results"]:
        st.success("Every source went in.")
    if outcome["results"]:
        rows = [{"source": r["source"], "result": r["result"], "detail": r["detail"]} for r in outcome["results"]]
        st.dataframe(rows, hide_index=True, width="stretch", key="ing_results")
    if outcome["articles"]:
        st.markdown("**Articles written**")
        items = [f"<li>{common.source_line(a['title'], a['date'], a['url'], a['id'])} · {common.esc(a['result'])}</li>" for a in outcome["articles"]]
        more = f"<li>…and {outcome['more_articles']} more (the Articles page lists them)</li>" if outcome["more_articles"] else ""
        common.html_block(f'<ul class="kb-batch-articles">{"".join(items)}{more}</ul>')
    if outcome["entries"]:
        st.markdown("**Timeline entries they are sources of**")
        items = [
            f'<li><a class="kb-entry" href="timeline?entry={e["id"]}" target="_self">{common.esc(e["label"])}</a>'
            f" · {'new entry' if e['new'] else 'a new source for this entry'}</li>"
            for e in outcome["entries"]
        ]
        more = f"<li>…and {outcome['more_entries']} more</li>" if outcome["more_entries"] else ""
        common.html_block(f'<ul class="kb-batch-entries">{"".join(items)}{more}</ul>')
    elif outcome["articles"]:
        st.caption("No timeline entry cites these articles: no dated event was found in them.")


def render() -> None:
    st.header("Ingest")
    path = common.db_path()
    st.markdown(f"Add articles to `{path}`. Unchanged articles are skipped; edited ones replace their old version.")
    files, addresses, text = st.tabs(["Files", "Web addresses", "Paste a text"])
    with files:
        st.caption(f"{', '.join(SUPPORTED)} files (a `.txt`/`.md` may start with `title:`, `date:`, `source:`, `url:`, `lang:` lines); "
                   "a folder may hold web archives (.warc.gz) too.")  # fmt: skip
        files_section(path)
    with addresses:
        addresses_section(path)
    with text:
        text_section(path)
    outcome = st.session_state.get("ing_report")
    if outcome:
        show_outcome(outcome)


if __name__ == "__main__":
    render()
