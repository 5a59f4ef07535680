"""Ingest: upload files or name a folder, ingest them in one batch with a progress bar, then
the summary with each file's error. Every view refreshes afterwards."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline import saved_views
from pipeline.app_pages import common
from pipeline.errors import BadInput
from pipeline.folders import FolderNotAllowed, allowed_path, folder_box_enabled, ingest_roots, inside, upload_path
from pipeline.ingest import SUPPORTED, find_files, ingest
from pipeline.locks import StoreBusy
from pipeline.settings import SETTINGS
from pipeline.store import Store
from pipeline.views.timeline import build_entries


def run_batch(path: str, sources: list[str], max_mb: float) -> dict:
    files = [f for f in find_files(sources) if not isinstance(f, BadInput)]
    bar = st.progress(0.0, text=f"Ingesting {len(files)} file(s)…")
    done = []

    def progress(name: str) -> None:
        done.append(name)
        bar.progress(min(len(done) / max(len(files), 1), 1.0), text=f"{len(done)}/{len(files)}: {Path(name).name}")

    with Store(path) as store:
        before = store.generation()
        try:
            report = ingest(sources, store, max_mb=max_mb, progress=progress)
        except StoreBusy as e:
            bar.empty()
            st.error(str(e))
            return st.session_state.get("ing_report") or {}
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
    if st.button("Ingest", type="primary", key="ing_go"):
        sources = []
        for upload in uploads or []:
            content = upload.getvalue()
            target = upload_path(path, upload.name, content)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            sources.append(str(target))
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
            st.session_state["ing_report"] = run_batch(path, sources, max_mb)
        elif not (enabled and folder.strip()):
            st.warning("Upload files or name a folder first.")
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
