"""Exports open in journalists' tools: they read back with networkx, follow the formats'
rules, and the shipped graph_exports/ are what the shipped corpus produces today."""

import csv
import html
import filecmp
import json
import os

import networkx as nx
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.export import EXPORTERS, export_all
from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.graph import build_graph
from pipeline.views.timeline import build_entries
from tests.conftest import FOUNDING, ROOT


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    with Store(out / "kb.sqlite") as store:
        ingest([FOUNDING], store)
        graph, entries = build_graph(store), build_entries(store)
    export_all(graph, entries, out / "files")
    return graph, entries, out / "files"


def _same_graph(original: nx.MultiDiGraph, read: nx.Graph):
    assert set(read.nodes) == set(original.nodes)
    assert read.number_of_edges() == original.number_of_edges()
    for node, data in original.nodes(data=True):
        assert read.nodes[node]["label"] == data["label"] and read.nodes[node]["type"] == data["type"]
    assert sorted(d["relation"] for _, _, d in read.edges(data=True)) == sorted(d["relation"] for _, _, d in original.edges(data=True))


def test_export_gexf_round_trip(exported):
    graph, _, out = exported
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert 'version="1.3"' in text and 'mode="dynamic"' in text and "网联清算有限公司" in text
    _same_graph(graph, nx.read_gexf(out / "graph.gexf", version="1.3"))


def test_export_graphml_round_trip(exported):
    graph, _, out = exported
    _same_graph(graph, nx.read_graphml(out / "graph.graphml"))


def test_export_cytoscape_and_node_link_round_trip(exported):
    graph, _, out = exported
    _same_graph(graph, nx.cytoscape_graph(json.loads((out / "graph.cyjs").read_text())))
    _same_graph(graph, nx.node_link_graph(json.loads((out / "graph.json").read_text()), edges="links"))


def test_export_edges_carry_their_sources(exported):
    graph, _, out = exported
    read = nx.node_link_graph(json.loads((out / "graph.json").read_text()), edges="links")
    connects = [d for u, v, d in read.edges(data=True) if d["relation"] == "connects_to"]
    assert connects and all(d["sources"] and d["sources"][0]["sentence"] for d in connects)


def test_export_timelinejs_rules(exported):
    _, entries, out = exported
    data = json.loads((out / "timeline.json").read_text())
    events = data["events"]
    assert len(events) == len([e for e in entries if e.date])
    assert len({e["unique_id"] for e in events}) == len(events)
    for event in events:
        start = event["start_date"]
        assert isinstance(start["year"], int) and 1 <= start.get("month", 1) <= 12
        assert event["text"]["headline"] and "<li>" in event["text"]["text"]
    # The Chinese sentence stands beside the English one, for readers of either language.
    chinese = {e.id: e.summary_zh for e in entries if e.date}
    assert any(chinese.values())
    for event in events:
        entry_id = int(event["unique_id"].removeprefix("entry-"))
        if chinese.get(entry_id):
            assert f'<p lang="zh">{html.escape(chinese[entry_id])}</p>' in event["text"]["text"]


def test_export_kumu_and_flourish(exported):
    graph, _, out = exported
    kumu = json.loads((out / "kumu.json").read_text())
    labels = {e["label"] for e in kumu["elements"]}
    assert len(labels) == graph.number_of_nodes()
    assert all(c["from"] in labels and c["to"] in labels for c in kumu["connections"])
    with open(out / "flourish_points.csv", encoding="utf-8") as f:
        points = {row["id"] for row in csv.DictReader(f)}
    with open(out / "flourish_links.csv", encoding="utf-8") as f:
        assert all(row["source"] in points and row["target"] in points for row in csv.DictReader(f))


def test_export_cli_neighbourhood_and_sources_filters(tmp_path):
    db = tmp_path / "kb.sqlite"
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(FOUNDING), "--db", str(db)], catch_exceptions=False)
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--out", str(tmp_path / "x"), "--entity", "Cai Fu Tong", "--depth", "1", "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    read = nx.node_link_graph(json.loads((tmp_path / "x" / "graph.json").read_text()), edges="links")
    assert "tenpay" in read and all(nx.has_path(read.to_undirected(), "tenpay", n) for n in read)
    full = build_graph(Store(db, readonly=True))
    assert read.number_of_nodes() < full.number_of_nodes()


def test_graph_exports_in_the_repository_are_current(tmp_path):
    """graph_exports/ is what `kb build` writes for corpus/: rebuilt here, it must not differ."""
    runner = CliRunner()
    env = {"KB_DB": str(tmp_path / "kb.sqlite")}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = runner.invoke(cli, ["build", "--exports", str(tmp_path / "exports")], env=env, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    shipped = sorted(p.name for p in (ROOT / "graph_exports").iterdir())
    match, mismatch, errors = filecmp.cmpfiles(ROOT / "graph_exports", tmp_path / "exports", shipped, shallow=False)
    assert not mismatch and not errors, f"graph_exports/ is stale ({mismatch or errors}): run `make build` and commit it"


def test_export_html_page_can_list_fewer_sources_and_says_so(exported, tmp_path):
    from pipeline.export import html_page

    graph, entries, out = exported
    full = _page_data((out / "graph.html").read_text(encoding="utf-8"))
    assert [len(e["sources"]) for e in full["edges"]] == [len(d["sources"]) for _, _, d in graph.edges(data=True)]
    assert not any("sources_left_out" in e for e in full["edges"])
    light = _page_data(html_page(graph, entries, tmp_path, max_sources=1).read_text(encoding="utf-8"))
    for shown, (_, _, data) in zip(light["edges"], graph.edges(data=True), strict=True):
        assert shown["sources"] == data["sources"][:1]
        assert shown.get("sources_left_out", 0) == max(len(data["sources"]) - 1, 0)
    assert [(n["x"], n["y"]) for n in light["nodes"]] == [(n["x"], n["y"]) for n in full["nodes"]]  # same drawing


def _page_data(page: str) -> dict:
    start = page.index("const data = ") + len("const data = ")
    return json.loads(page[start : page.index(";\nconst NS")].replace("<\\/", "</"))


def test_graph_neighbourhood_keeps_the_whole_graphs_order_and_cut_keeps_the_most_mentioned(exported, tmp_path):
    from pipeline.views.graph import most_mentioned

    graph, _, _ = exported
    with Store(tmp_path / "kb.sqlite") as store:
        ingest([FOUNDING], store)
        near = build_graph(store, entity_id="alipay", depth=1)
    assert list(near.nodes) == [n for n in graph.nodes if n in near]  # the same order in every process
    assert list(near.edges(keys=True)) == [(u, v, k) for u, v, k in graph.edges(keys=True) if u in near and v in near]
    top = most_mentioned(graph, 3)
    ranked = sorted((d["mentions"] for _, d in graph.nodes(data=True)), reverse=True)
    assert top.number_of_nodes() == 3 and sorted((d["mentions"] for _, d in top.nodes(data=True)), reverse=True) == ranked[:3]
    assert most_mentioned(graph, graph.number_of_nodes()) is graph


def test_export_cli_format_names_are_the_exporters():
    from pipeline.cli.export import FORMATS

    assert list(FORMATS) == list(EXPORTERS)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A store whose article title is a spreadsheet formula and whose sentence holds markup."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text('title: =HYPERLINK("http://evil.example","x")\n\n'
                       "Alipay connected to NetsUnion <script>alert(1)</script> on 30 June 2018.\n")  # fmt: skip
    with Store(folder / "kb.sqlite") as store:
        ingest([article], store)
        graph, entries = build_graph(store), build_entries(store)
    assert graph.number_of_edges() >= 1
    return graph, entries, folder


def test_export_flourish_cells_never_start_a_formula(hostile):
    graph, entries, folder = hostile
    export_all(graph, entries, folder / "out", ["flourish"])
    cells = [cell for name in ("flourish_points.csv", "flourish_links.csv")
             for row in csv.reader((folder / "out" / name).open(encoding="utf-8")) for cell in row]  # fmt: skip
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell[:1] in ("=", "+", "-", "@") for cell in cells)


def test_export_kumu_descriptions_are_escaped(hostile):
    graph, entries, folder = hostile
    export_all(graph, entries, folder / "kumu", ["kumu"])
    data = json.loads((folder / "kumu" / "kumu.json").read_text(encoding="utf-8"))
    descriptions = " ".join(c["description"] for c in data["connections"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in descriptions and "<script>" not in descriptions


def test_export_out_refuses_links_files_and_empty(db_path, tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(FOUNDING), "--db", str(db_path)], catch_exceptions=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "linked").symlink_to(elsewhere)
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "kumu.json").symlink_to(tmp_path / "victim.txt")
    (tmp_path / "a_file").write_text("x")
    cases = {
        "": "needs a folder to write to (--out DIR)",
        str(tmp_path / "linked"): "is a symbolic link; name the folder itself",
        str(planted): "kumu.json: is a symbolic link; remove it or write elsewhere",
        str(tmp_path / "a_file"): "is a file, not a folder",
        str(tmp_path / "a_file" / "sub"): "cannot write the exports there (Not a directory)",
    }
    for out, message in cases.items():
        result = runner.invoke(cli, ["export", "--db", str(db_path), "--out", out], catch_exceptions=False)
        assert result.exit_code in (1, 2), out
        assert message in result.output, (out, result.output)
        assert "Traceback" not in result.output
    assert not any(elsewhere.iterdir()) and not (tmp_path / "victim.txt").exists()
