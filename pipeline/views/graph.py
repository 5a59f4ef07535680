"""The relationship graph: a networkx MultiDiGraph of entities and documents, built from the
stored relations. Nodes carry names in both languages, counts and first/last sightings; edges
carry the relation, its date, factuality and sources. Centrality and communities are computed
here so every export and the app show the same numbers.
"""

from __future__ import annotations

from datetime import date

import networkx as nx

from pipeline.extract.entities.english_names import with_english
from pipeline.store import Store
from pipeline.views.entities import entity_list
from pipeline.views.relations import Relation, relations


def build_graph(
    store: Store,
    *,
    entity_id: str | None = None,
    depth: int = 1,
    date_from: date | None = None,
    date_to: date | None = None,
    min_sources: int = 1,
    relation_list: list[Relation] | None = None,
) -> nx.MultiDiGraph:
    """The graph of the store, optionally cut to an entity's neighbourhood, a period, or edges
    with at least `min_sources` sources. Undated edges (the hierarchy, affiliations) stay in a
    period."""
    graph = nx.MultiDiGraph(name="断直连 knowledge base")
    known = {e["id"]: e for e in entity_list(store)}
    seen = _sightings(store)
    for relation in relation_list if relation_list is not None else relations(store):
        if relation.predicate == "reports" or relation.subject not in known or relation.object not in known:
            continue
        sources = _source_count(relation)
        if not _in_period(relation, date_from, date_to) or sources < min_sources:
            continue
        for node in (relation.subject, relation.object):
            if node not in graph:
                graph.add_node(node, **_node_attributes(known[node], seen.get(node)))
        graph.add_edge(relation.subject, relation.object, **_edge_attributes(relation, sources))
    if entity_id is not None:
        if entity_id not in graph:
            return nx.MultiDiGraph(name=graph.graph["name"])
        graph = _induced(graph, set(nx.ego_graph(graph.to_undirected(as_view=True), entity_id, radius=depth)))
    _add_measures(graph)
    return graph


def _induced(graph: nx.MultiDiGraph, keep: set[str]) -> nx.MultiDiGraph:
    """The subgraph on `keep`, nodes and edges in the graph's own order (networkx's subgraph
    of a small set follows the set's order, which changes from one process to the next)."""
    sub = nx.MultiDiGraph(**graph.graph)
    sub.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    return sub


def most_mentioned(graph: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The graph cut to its `limit` most mentioned nodes (the graph itself when it is that small)."""
    if graph.number_of_nodes() <= limit:
        return graph
    ranked = sorted(graph.nodes(data=True), key=lambda item: -(item[1].get("mentions") or 0))
    return _induced(graph, {node for node, _ in ranked[:limit]})


def _sightings(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """entity id -> the dates of the first and last original articles that name it."""
    return {entity_id: (first, last) for entity_id, (_, _, _, first, last) in store.entity_stats().items()}


def _node_attributes(entity: dict, sightings: tuple[str | None, str | None] | None) -> dict:
    first, last = sightings or (None, None)
    return {
        # A name only discovered in Chinese carries its English too: "Fan Yifei (范一飞)".
        "label": with_english(entity["name"], entity["type"], entity["names"]["en"]),
        "type": entity["type"],
        "name_en": entity["names"]["en"],
        "name_zh": entity["names"]["zh"],
        "aliases": entity["aliases_seen"],
        "mentions": entity["mentions"],
        "articles": entity["articles"],
        "first_seen": first,
        "last_seen": last,
        "start": _full_date(first),
    }


def _edge_attributes(relation: Relation, n_sources: int) -> dict:
    # "relation", not "type": GEXF reserves an edge's type for directed/undirected.
    return {
        "relation": relation.predicate,
        "event_type": relation.event_type,
        "date": relation.date,
        "date_end": relation.date_end,
        "display_date": relation.display_date,
        "start": relation.date,
        "factuality": relation.factuality,
        "conflict": relation.conflict,
        "summary": relation.summary,
        "role": relation.role,
        "entry_id": relation.entry_id,
        "n_sources": n_sources,
        "sources": relation.sources,
    }


def _source_count(relation: Relation) -> int:
    articles = {s.get("article_id") for s in relation.sources if s.get("article_id") is not None}
    return len(articles) or len(relation.sources)


def _in_period(relation: Relation, date_from: date | None, date_to: date | None) -> bool:
    if relation.date is None:
        return True
    if date_from and date.fromisoformat(relation.date_end or relation.date) < date_from:
        return False
    return not (date_to and date.fromisoformat(relation.date) > date_to)


def _full_date(value: str | None) -> str | None:
    """GEXF dates are whole days: a month-precise sighting starts on its first day."""
    if not value:
        return None
    parts = value.split("-") + ["01", "01"]
    return "-".join(parts[:3])


def _add_measures(graph: nx.MultiDiGraph) -> None:
    """Degree and betweenness centrality and a community per node (on the undirected graph)."""
    if not graph:
        return
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v in graph.edges():
        if u != v:
            weight = simple.get_edge_data(u, v, {"weight": 0})["weight"] + 1
            simple.add_edge(u, v, weight=weight)
    degree = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=7) if simple.number_of_edges() else []
    community_of = {node: i for i, members in enumerate(sorted(communities, key=len, reverse=True)) for node in members}
    for node, data in graph.nodes(data=True):
        data["degree_centrality"] = round(degree.get(node, 0.0), 4)
        data["betweenness"] = round(betweenness.get(node, 0.0), 4)
        data["community"] = community_of.get(node, -1)


# The layers of the drawing, top to bottom: who orders, what they issue, who clears, who pays,
# and everyone else. A type not named here goes to the last layer.
LAYERS = [
    ("regulator",),
    ("document", "association"),
    ("clearing_house",),
    ("payment_institution", "bank", "company", "product"),
]


ROW_NODES = 3  # nodes side by side in one row of a layer: room for a label of about 20 characters each


def layered_layout(graph: nx.MultiDiGraph, row_nodes: int = ROW_NODES) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1] for a drawing that answers who connects to whom on whose order:
    regulators on top, then documents, clearing houses, payment institutions and banks (a
    product beside its company), the rest below. Within a layer, a node sits near the nodes
    of the layers above it that it is linked to. A layer of more than `row_nodes` nodes is
    drawn on several rows, neighbours on different rows, so that each label has the width of
    `row_nodes` nodes to itself however many a layer holds (one row of 17 labels was a smear)."""
    layer_of = {t: i for i, types in enumerate(LAYERS) for t in types}
    layers: list[list[str]] = [[] for _ in range(len(LAYERS) + 1)]
    for node, data in graph.nodes(data=True):
        layers[layer_of.get(data.get("type"), len(LAYERS))].append(node)
    layers = [nodes for nodes in layers if nodes]
    undirected = graph.to_undirected(as_view=True)
    parent = {v: u for u, v, d in graph.edges(data=True) if d.get("relation") == "parent_of"}
    mentions = lambda n: -(graph.nodes[n].get("mentions") or 0)  # noqa: E731
    rows_of = [-(-len(nodes) // row_nodes) for nodes in layers]  # ceil
    # Every row one step down; one step more between layers, so that a layer reads as one.
    steps = sum(rows_of) + len(layers) - 2
    placed: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    first_row = 0
    for depth, nodes in enumerate(layers):
        def key(node: str) -> tuple:
            if graph.nodes[node].get("type") == "product" and parent.get(node) in nodes:
                return (*key(parent[node])[:3], 1, mentions(node), node)  # right after its company
            above = [placed[n] for n in undirected.neighbors(node) if n in placed]
            return (sum(above) / len(above) if above else 0.0, mentions(node), node, 0, 0, node)

        ordered = sorted(nodes, key=key)
        for i, node in enumerate(ordered):
            x = -1.0 + 2.0 * (i + 0.5) / len(ordered)  # the drawing leaves room on the right for the last label
            row = first_row + depth + i % rows_of[depth]
            placed[node] = x
            positions[node] = (x, -1.0 + 2.0 * row / max(steps, 1))
        first_row += rows_of[depth]
    return positions
