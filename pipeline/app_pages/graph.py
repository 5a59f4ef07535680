"""Graph: the interactive network of entities and documents (offline, self-contained), an
entity's neighbourhood, each edge's evidence, and every export format to download."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pipeline.app_pages import common

MIME = {".json": "application/json", ".cyjs": "application/json", ".csv": "text/csv", ".html": "text/html",
        ".gexf": "application/xml", ".graphml": "application/xml"}  # fmt: skip


def render() -> None:
    st.header("Graph")
    opened = common.require_store()
    if opened is None:
        return
    path, _, stamp = opened
    whole = common.cached_graph(path, stamp, None, 1, 1)
    in_graph = sorted(whole.nodes, key=lambda n: whole.nodes[n]["label"].lower())
    c1, c2, c3 = st.columns([2, 1, 1])
    wanted = st.query_params.get("entity")
    centre = c1.selectbox(
        "Neighbourhood of", [None, *in_graph], index=1 + in_graph.index(wanted) if wanted in in_graph else 0,
        format_func=lambda n: "the whole graph" if n is None else f"{whole.nodes[n]['label']} ({whole.nodes[n]['type']})",
        key="graph_centre",
    )  # fmt: skip
    depth = c2.slider("Depth", 1, 4, 1, key="graph_depth", disabled=centre is None)
    min_sources = c3.number_input("Min. sources per edge", 1, 20, 1, key="graph_min_sources")
    years = sorted({d["date"][:4] for _, _, d in whole.edges(data=True) if d.get("date")})
    period = None
    if len(years) > 1:
        first, last = st.select_slider("Period (dated relations; undated ones always shown)", options=years, value=(years[0], years[-1]), key="graph_period")
        if (first, last) != (years[0], years[-1]):
            period = (date(int(first), 1, 1), date(int(last), 12, 31))
    graph = common.cached_graph(path, stamp, centre, depth, int(min_sources), period)
    st.caption(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges. Click a node or an edge for its sources; drag to move, wheel to zoom.")
    # The drawing's side panel has the legend (node types and relation colours): not repeated here.
    if not graph:
        st.info("No relation matches: lower the minimum number of sources or pick another entity.")
        return
    files = common.cached_graph_files(path, stamp, centre, depth, int(min_sources), period)
    if files["drawn"] < graph.number_of_nodes():
        st.info(
            f"The drawing shows the {files['drawn']} most mentioned of {graph.number_of_nodes()} nodes: pick an entity's "
            "neighbourhood or raise the minimum number of sources to see the rest. The downloads have every node."
        )
    st.iframe(files["html"], height=700)  # our own page: every value in it is JSON-escaped
    st.caption(f"The drawing lists up to {common.DRAWN_SOURCES} sources per edge; the edge evidence below and the downloads have them all.")

    edges = list(graph.edges(data=True))
    labels = [
        f"{graph.nodes[u]['label']} —{d.get('relation') or d.get('type')}→ {graph.nodes[v]['label']}" + (f" ({d['display_date']})" if d.get("display_date") else "")
        for u, v, d in edges
    ]
    picked = st.selectbox("Edge evidence", range(len(edges)), format_func=labels.__getitem__, key=f"graph_edge_{centre}_{depth}")
    u, v, data = edges[picked]
    with st.container(border=True):
        st.markdown(f"**{common.esc(labels[picked])}**", unsafe_allow_html=True)
        st.markdown(
            " · ".join(x for x in [common.esc(data.get("summary") or ""), common.badge(data.get("factuality")),
                                   ":red-badge[conflict]" if data.get("conflict") else "",
                                   f"{data.get('n_sources', 0)} source(s)"] if x),
            unsafe_allow_html=True,
        )  # fmt: skip
        # One block for all the sources: an edge of a large store has hundreds.
        common.html_block("".join(
            f"<p>{common.source_line(s.get('title'), s.get('date'), s.get('url'), s.get('article_id'))}<br>“{common.esc(s['sentence'])}”</p>"
            if s.get("sentence") else
            f'<p style="color:#888;font-size:0.85em">{common.esc(s.get("source") or s.get("title") or "no sentence")}</p>'
            for s in data.get("sources") or []
        ))  # fmt: skip

    st.markdown("#### Download")
    st.caption("The graph as drawn above (and its timeline entries), in every export format.")
    columns = st.columns(4)
    for i, (name, (fmt, content)) in enumerate(sorted(files["files"].items())):
        suffix = name[name.rfind(".") :]
        columns[i % 4].download_button(
            f"{name} ({fmt})", content, file_name=name, mime=MIME.get(suffix, "application/octet-stream"),
            key=f"dl_{name}", on_click="ignore",
        )  # fmt: skip


if __name__ == "__main__":
    render()
