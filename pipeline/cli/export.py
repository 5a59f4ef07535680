"""kb export: the graph and the timeline for Gephi, Cytoscape, Kumu, Flourish, TimelineJS, D3."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import db_option, entity_id_for, open_store, say
from pipeline.cli.timeline import DateBound

# The names of pipeline.export.EXPORTERS, written out so that `kb --help` need not import
# networkx (a test keeps the two lists equal).
FORMATS = ("gexf", "graphml", "cytoscape", "json", "kumu", "flourish", "timelinejs", "html")


@click.command()
@db_option
@click.option("--out", "out", type=click.Path(), required=True, callback=lambda ctx, param, value: _folder(value),
              help="Folder to write to.")
@click.option("--format", "formats", multiple=True, type=click.Choice(FORMATS), help="Only these formats (repeatable); default all.")
@click.option("--entity", help="Only this entity's neighbourhood (any alias).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Neighbourhood radius with --entity.")
@click.option("--from", "date_from", type=DateBound(), help="Only relations and entries from this date.")
@click.option("--to", "date_to", type=DateBound(), help="Only relations and entries up to this date.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, help="Only edges with at least this many sources.")
def export(db_path, out, formats, entity, depth, date_from, date_to, min_sources):
    """Write the graph and the timeline for journalists' tools.

    \b
    graph.gexf (Gephi), graph.graphml, graph.cyjs (Cytoscape), graph.json (D3 node-link),
    kumu.json (Kumu), flourish_points.csv + flourish_links.csv (Flourish), timeline.json
    (TimelineJS), graph.html (opens from disk, no network).

    \b
    Example:
        kb export --out graph_exports/ --entity Alipay --depth 2
    """
    from pipeline.export import export_all
    from pipeline.views.graph import build_graph
    from pipeline.views.timeline import timeline

    with open_store(db_path, readonly=True) as store:
        entity_id = entity_id_for(store, entity) if entity else None
        entries = timeline(store, date_from=date_from, date_to=date_to, entity_ids={entity_id} if entity_id else None)
        graph = build_graph(store, entity_id=entity_id, depth=depth, date_from=date_from, date_to=date_to, min_sources=min_sources)
    from pipeline.export import ExportError

    try:
        written = export_all(graph, entries, out, list(formats) or None)
    except ExportError as e:
        raise click.ClickException(str(e)) from e
    say(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {len(entries)} timeline entries")
    for path in written:
        say(f"  {path}")


def _folder(value: str) -> Path:
    # Path("") is the current folder: an empty --out (an unset shell variable) is a mistake.
    if not value.strip():
        raise click.BadParameter("needs a folder to write to (--out DIR)")
    return Path(value)
