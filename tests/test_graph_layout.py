"""The graph's drawing answers who connects to whom on whose order: regulators above clearing
houses above payment institutions and banks, a product beside its company."""

import json
import re

import networkx as nx
import pytest

from pipeline.export import html_page
from pipeline.views.graph import layered_layout


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, kind, mentions in [("pboc", "regulator", 30), ("doc209", "document", 5), ("netsunion", "clearing_house", 20),
                                 ("unionpay", "clearing_house", 15), ("alipay", "payment_institution", 13),
                                 ("tenpay", "payment_institution", 9), ("tencent", "company", 8), ("wechat_pay", "product", 4),
                                 ("ant", "company", 6), ("xue", "person", 4), ("icbc", "bank", 3)]:  # fmt: skip
        g.add_node(node, type=kind, mentions=mentions, label=node)
    for u, v, relation in [("pboc", "doc209", "issues"), ("doc209", "netsunion", "requires"), ("alipay", "netsunion", "connects_to"),
                           ("tenpay", "unionpay", "connects_to"), ("tencent", "wechat_pay", "parent_of"),
                           ("tencent", "tenpay", "parent_of"), ("ant", "alipay", "parent_of"), ("xue", "alipay", "affiliated_with")]:  # fmt: skip
        g.add_edge(u, v, relation=relation)
    return g


def test_graph_layout_layers_by_role(graph):
    pos = layered_layout(graph)
    assert set(pos) == set(graph)
    top = lambda n: pos[n][1]  # noqa: E731 — smaller is higher on the page
    assert top("pboc") < top("doc209") < min(top("netsunion"), top("unionpay"))
    assert max(top("netsunion"), top("unionpay")) < min(top(n) for n in ("alipay", "tenpay", "icbc", "tencent", "wechat_pay"))
    assert max(top(n) for n in ("alipay", "tenpay", "icbc")) < top("xue")
    assert all(-1.0 <= x <= 1.0 for x, _ in pos.values())


def test_graph_layout_puts_a_product_beside_its_company(graph):
    pos = layered_layout(graph)
    row = sorted((n for n in graph if graph.nodes[n]["type"] in ("payment_institution", "bank", "company", "product")), key=lambda n: pos[n][0])
    assert row.index("wechat_pay") == row.index("tencent") + 1


def test_graph_page_colours_edges_by_relation_with_a_legend(graph, tmp_path):
    page = html_page(graph, [], tmp_path).read_text(encoding="utf-8")
    data = json.loads(re.search(r"const data = (.*?);\n", page).group(1))
    assert set(data["relation_colours"]) == {"issues", "requires", "connects_to", "parent_of", "affiliated_with"}
    assert len(set(data["relation_colours"].values())) == 5
    assert "relation_colours" in page and 'class="relation"' in page


def test_graph_layout_wraps_a_crowded_layer_into_rows():
    from pipeline.views.graph import ROW_NODES

    g = nx.MultiDiGraph()
    g.add_node("pboc", type="regulator", mentions=9)
    institutions = [f"pay{i:02}" for i in range(17)]
    for i, node in enumerate(institutions):
        g.add_node(node, type="payment_institution", mentions=i)
        g.add_edge("pboc", node, relation="regulates")
    people = [f"person{i}" for i in range(5)]
    for node in people:
        g.add_node(node, type="person", mentions=1)
    pos = layered_layout(g)
    rows: dict[float, list[str]] = {}
    for node in institutions:
        rows.setdefault(pos[node][1], []).append(node)
    assert len(rows) == -(-17 // ROW_NODES) and all(len(r) <= ROW_NODES for r in rows.values())
    # Neighbours from left to right are on different rows: each label has room to itself.
    by_x = sorted(institutions, key=lambda n: pos[n][0])
    assert all(pos[a][1] != pos[b][1] for a, b in zip(by_x, by_x[1:], strict=False))
    # The layers still read top to bottom.
    assert pos["pboc"][1] < min(pos[n][1] for n in institutions) and max(pos[n][1] for n in institutions) < min(pos[n][1] for n in people)
    assert all(-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0 for x, y in pos.values())
