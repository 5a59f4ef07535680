"""Ingest: upload files or name a folder, ingest them in one batch with a progress bar, then
the summary with each file's error. Every view refreshes afterwards."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline import saved_views
from pipeline.app_pages import common
from pipeline.errors import BadInput
from pipeline.ingest import SUPPORTED, find_files, ingest
from pipeline.settings import SETTINGS
from pipeline.store import Store
from pipeline.views.timeline import build_entries


def upload_folder(path: str) -> Path:
    """Uploads are kept beside the store, so uploading a file again finds it unchanged."""
    return Path(path).resolve().parent / "uploads"


def run_batch(path: str, sources: list[str], max_mb: float) -> dict:
    files = [f for f in find_files(sources) if not isinstance(f, BadInput)]
    bar = st.progress(0.0, text=f"Ingesting {len(files)} file(s)…")
    done = []

    def progress(name: str) -> None:
        done.append(name)
        bar.progress(min(len(done) / max(len(files), 1), 1.0), text=f"{len(done)}/{len(files)}: {Path(name).name}")

    with Store(path) as store:
        before = store.generation()
        report = ingest(sources, store, max_mb=max_mb, progress=progress)
        if store.generation() != before:
            # Built and saved while the analyst still watches the bar, so the next page opened
            # reads them back (about a second on 10k articles) instead of building them.
            bar.progress(1.0, text="Updating the timeline and entity counts…")
            build_entries(store)
            store.entity_stats()
            store.media_reports()
            saved_views.wait()
    bar.progress(1.0, text=f"Done: {len(done)} file(s) read.")
    common.refresh()
    return report.to_dict()


def render() -> None:
    st.header("Ingest")
    path = common.db_path()
    st.markdown(
        f"Add articles to `{path}`: {', '.join(SUPPORTED)} files (a `.txt`/`.md` may start with "
        "`title:`, `date:`, `source:`, `url:`, `lang:` lines). Unchanged articles are skipped; edited ones replace their old version."
    )
    uploads = st.file_uploader("Upload files", type=[s.lstrip(".") for s in SUPPORTED], accept_multiple_files=True, key="ing_files")
    folder = st.text_input("…or a folder (or file) on this machine, read recursively", key="ing_folder", placeholder="corpus/")
    max_mb = st.number_input("Largest file (MB)", 1.0, 500.0, float(SETTINGS["max_file_mb"].default), key="ing_max_mb")
    if st.button("Ingest", type="primary", key="ing_go"):
        sources = []
        if uploads:
            target = upload_folder(path)
            target.mkdir(parents=True, exist_ok=True)
            for upload in uploads:
                name = Path(upload.name).name  # no folders from the browser
                (target / name).write_bytes(upload.getvalue())
                sources.append(str(target / name))
        if folder.strip():
            sources.append(folder.strip())
        if not sources:
            st.warning("Upload files or name a folder first.")
        else:
            st.session_state["ing_report"] = run_batch(path, sources, max_mb)
    report = st.session_state.get("ing_report")
    if report:
        st.subheader("Summary")
        cols = st.columns(6)
        for col, key in zip(cols, ["ingested", "unchanged", "updated", "reprocessed", "duplicates"], strict=False):
            col.metric(key, report[key])
        cols[5].metric("failed", len(report["failed"]))
        if report["failed"]:
            st.error(f"{len(report['failed'])} file(s) could not be ingested:")
            st.dataframe(report["failed"], hide_index=True, width="stretch")
        else:
            st.success("Every file went in. The other pages show the new articles.")


if __name__ == "__main__":
    render()
