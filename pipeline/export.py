"""The graph and the timeline in the formats journalists' tools open: one function per format,
registered in EXPORTERS. Every file carries its sources.

GEXF and GraphML take only scalar attributes, so lists are joined with "; ", structured values
(sources) become JSON text, and missing values are left out (networkx's writers reject None).
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import networkx as nx

from pipeline.errors import KBError
from pipeline.views.graph import layered_layout
from pipeline.views.timeline import Entry

TYPE_COLOURS = {
    "regulator": "#c0392b", "clearing_house": "#2471a3", "payment_institution": "#27ae60", "company": "#7d3c98",
    "bank": "#b9770e", "association": "#5d6d7e", "media": "#95a5a6", "document": "#e67e22", "person": "#d35400",
    "product": "#16a085", "place": "#7f8c8d", "organization": "#34495e",
}  # fmt: skip

# Edge colours, one per relation type of the graph drawn (the legend lists them).
RELATION_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                    "#bcbd22", "#7f7f7f", "#393b79", "#637939"]  # fmt: skip


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only strings, numbers and booleans as attribute values."""
    flat = nx.MultiDiGraph(**{k: _flat(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flat(v) for k, v in data.items() if v is not None})
    return flat


def _flat(value):
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return "; ".join(value)
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def gexf(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    """GEXF 1.3 for Gephi: dynamic (nodes start when first seen, edges on their date)."""
    path = out / "graph.gexf"
    nx.write_gexf(flat_graph(graph), path, version="1.3")
    # The writer stamps today's date; exports of an unchanged store should be byte-identical.
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1), encoding="utf-8")
    return path


def graphml(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    path = out / "graph.graphml"
    nx.write_graphml(flat_graph(graph), path, named_key_ids=True)
    return path


def cytoscape(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    """Cytoscape JSON (File > Import > Network from File)."""
    path = out / "graph.cyjs"
    data = nx.cytoscape_data(graph)
    for node in data["elements"]["nodes"]:
        node["data"]["name"] = node["data"].get("label", node["data"]["id"])
    _write_json(path, data)
    return path


def node_link(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    """Node-link JSON, as D3's force layouts read it."""
    path = out / "graph.json"
    _write_json(path, nx.node_link_data(graph, edges="links"))
    return path


def kumu(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    """A Kumu blueprint: elements and connections, joined by unique labels."""
    label = _unique_labels(graph)
    elements = [
        {
            "label": label[node],
            "type": data.get("type"),
            # Kumu shows descriptions as markup: escaped, as timeline.json's texts are.
            "description": html.escape(" / ".join(n for n in (data.get("name_en"), data.get("name_zh")) if n), quote=False),
            "tags": data.get("aliases", []),
            "mentions": data.get("mentions"),
            "community": data.get("community"),
            "id": node,
        }
        for node, data in graph.nodes(data=True)
    ]
    connections = [
        {
            "from": label[u],
            "to": label[v],
            "type": data.get("relation"),
            "direction": "directed",
            "label": data.get("display_date"),
            "description": html.escape(_sources_text(data), quote=False),
            "factuality": data.get("factuality"),
            "date": data.get("date"),
        }
        for u, v, data in graph.edges(data=True)
    ]
    path = out / "kumu.json"
    _write_json(path, {"elements": elements, "connections": connections})
    return path


def flourish(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> list[Path]:
    """The two sheets of Flourish's network template: points and links."""
    label = _unique_labels(graph)
    points, links = out / "flourish_points.csv", out / "flourish_links.csv"
    with points.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "label", "group", "size", "name_zh", "community"])
        for node, data in graph.nodes(data=True):
            writer.writerow(_cells([label[node], data.get("label"), data.get("type"), data.get("mentions", 0), data.get("name_zh") or "", data.get("community")]))
    with links.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "target", "value", "type", "date", "factuality", "sources"])
        for u, v, data in graph.edges(data=True):
            writer.writerow(_cells([label[u], label[v], data.get("n_sources", 1), data.get("relation"), data.get("date") or "", data.get("factuality"), _sources_text(data)]))
    return [points, links]


def timelinejs(graph: nx.MultiDiGraph, entries: list[Entry], out: Path) -> Path:
    """TimelineJS JSON: dated entries, partial dates as spans, sources in the text."""
    path = out / "timeline.json"
    _write_json(path, timelinejs_data(entries))
    return path


def timelinejs_data(entries: list[Entry]) -> dict:
    """What timeline.json holds: TimelineJS's title and one event per dated entry."""
    events = []
    for entry in entries:
        if not entry.date:
            continue  # TimelineJS needs a year: undated entries stay in timeline.json of the app
        start = _timeline_date(entry.date, entry.granularity)
        item = {
            "unique_id": f"entry-{entry.id}",
            "start_date": start,
            "display_date": entry.display_date,
            "group": (entry.actors or [entry.document or entry.type])[0],
            "text": {"headline": html.escape(entry.summary), "text": _entry_html(entry)},
        }
        if entry.granularity != "day":
            item["end_date"] = _timeline_date(entry.date_end, "day")
        events.append(item)
    return {"title": {"text": {"headline": "断直连: China's payment disconnection", "text": "Built from the news, every entry with its sources."}}, "events": events}


def html_page(graph: nx.MultiDiGraph, entries: list[Entry], out: Path, *, max_sources: int | None = None) -> Path:
    """A self-contained interactive graph: opens from disk, loads nothing from the network.

    max_sources: list at most this many sources per edge (the page says how many it leaves
    out); the export keeps them all, the app's drawing stays light on a large store."""
    # The layout reads only the structure: a view, not a copy of every edge's sources.
    positions = layered_layout(graph)
    relations = sorted({d.get("relation") or "related" for _, _, d in graph.edges(data=True)})
    data = {
        "nodes": [
            {"id": n, "x": round(float(positions[n][0]), 4), "y": round(float(positions[n][1]), 4), "colour": TYPE_COLOURS.get(d.get("type"), "#555"), **d}
            for n, d in graph.nodes(data=True)
        ],
        "edges": [{"source": u, "target": v, **_shown_sources(d, max_sources)} for u, v, d in graph.edges(data=True)],
        "colours": TYPE_COLOURS,
        "relation_colours": {r: RELATION_PALETTE[i % len(RELATION_PALETTE)] for i, r in enumerate(relations)},
    }
    template = resources.files("pipeline").joinpath("templates/graph.html").read_text(encoding="utf-8")
    # "</" inside the JSON would end the script element early.
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    path = out / "graph.html"
    path.write_text(template.replace("/*GRAPH_DATA*/null", payload), encoding="utf-8")
    return path


def _shown_sources(data: dict, limit: int | None) -> dict:
    """An edge's attributes with at most `limit` sources, and how many were left out."""
    sources = data.get("sources")
    if limit is None or not sources or len(sources) <= limit:
        return data
    return {**data, "sources": sources[:limit], "sources_left_out": len(sources) - limit}


EXPORTERS: dict[str, Callable[[nx.MultiDiGraph, list[Entry], Path], Path | list[Path]]] = {
    "gexf": gexf,
    "graphml": graphml,
    "cytoscape": cytoscape,
    "json": node_link,
    "kumu": kumu,
    "flourish": flourish,
    "timelinejs": timelinejs,
    "html": html_page,
}


# The files each format writes: export_all refuses to write through a link by any of these names.
OUTPUT_NAMES = {
    "gexf": ["graph.gexf"], "graphml": ["graph.graphml"], "cytoscape": ["graph.cyjs"], "json": ["graph.json"],
    "kumu": ["kumu.json"], "flourish": ["flourish_points.csv", "flourish_links.csv"],
    "timelinejs": ["timeline.json"], "html": ["graph.html"],
}  # fmt: skip


class ExportError(KBError):
    """The exports cannot be written where asked; the message says why in one line."""


def export_all(graph: nx.MultiDiGraph, entries: list[Entry], out: Path, formats: list[str] | None = None) -> list[Path]:
    formats = formats or list(EXPORTERS)
    _check_out(out, formats)
    written: list[Path] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name in formats:
            result = EXPORTERS[name](graph, entries, out)
            written += result if isinstance(result, list) else [result]
    except OSError as e:
        raise ExportError(f"{out}: cannot write the exports there ({e.strerror or e})") from e
    return written


def _check_out(out: Path, formats: list[str]) -> None:
    """A link would send the files (and overwrite whatever it points to) somewhere else."""
    if not str(out).strip():
        raise ExportError("--out needs a folder to write to")
    if out.is_symlink():
        raise ExportError(f"{out}: is a symbolic link; name the folder itself")
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: is a file, not a folder")
    for name in (n for f in formats for n in OUTPUT_NAMES[f]):
        if (out / name).is_symlink():
            raise ExportError(f"{out / name}: is a symbolic link; remove it or write elsewhere")


def _cells(row: list) -> list:
    """CSV cells a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
    start with an apostrophe instead: a sentence of the news must never become a formula."""
    return ["'" + cell if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell for cell in row]


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def _unique_labels(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Kumu and Flourish join on labels: two entities with one name get their ids appended."""
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data.get("label")] = counts.get(data.get("label"), 0) + 1
    return {n: d.get("label") if counts[d.get("label")] == 1 else f"{d.get('label')} ({n})" for n, d in graph.nodes(data=True)}


def _sources_text(data: dict) -> str:
    sources = data.get("sources") or []
    return " | ".join(f"{s.get('title') or 'article'} ({s.get('date') or 'undated'}): {s.get('sentence') or s.get('source', '')}" for s in sources)


def _timeline_date(iso: str, granularity: str | None) -> dict:
    year, month, day = (int(x) for x in iso.split("-"))
    if granularity == "year":
        return {"year": year}
    if granularity == "month":
        return {"year": year, "month": month}
    return {"year": year, "month": month, "day": day}  # days, and weeks/quarters/seasons by their first day


def _entry_html(entry: Entry) -> str:
    parts = [f"<p lang=\"zh\">{html.escape(entry.summary_zh)}</p>"] if entry.summary_zh else []
    parts += [f"<p><b>{html.escape(entry.type)}</b>, {html.escape(entry.factuality)}"
             + (" · <b>conflicting reports</b>: " + html.escape("; ".join(entry.conflict_reasons)) if entry.conflict else "") + "</p>"]
    parts.append("<ul>" + "".join(
        f"<li>{html.escape(s['title'] or 'article')} ({html.escape(s['date'] or 'undated')}): “{html.escape(s['sentence'])}”</li>"
        for s in entry.sources
    ) + "</ul>")  # fmt: skip
    return "".join(parts)
