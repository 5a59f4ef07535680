"""kb timeline: the sourced timeline of events, filtered by entity, type and dates."""

from __future__ import annotations

import click

from pipeline.cli.options import db_option, entity_id_for, json_option, open_store, print_json, say
from pipeline.views.dates import parse_bound


class DateBound(click.ParamType):
    name = "date"

    def convert(self, value, param, ctx):
        try:
            return parse_bound(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


@click.command()
@db_option
@click.option("--entity", "entity", help="Only entries involving this entity (any alias, either language).")
@click.option("--type", "types", multiple=True, help="Only this event type (repeatable): issue, require, connect, ...")
@click.option("--from", "date_from", type=DateBound(), help="Only entries on or after this date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", type=DateBound(), help="Only entries on or before this date (YYYY[-MM[-DD]]).")
@click.option("--facts-only", is_flag=True, help="Leave out commentary (experts' assessments).")
@json_option
def timeline(db_path, entity, types, date_from, date_to, facts_only, as_json):
    """Who did what, when, on whose order, with the sentences that say so.

    Entries are ordered by date; a partial date ("April 2018") is placed at its start, and
    undated entries follow. Reports that disagree are flagged as a conflict.

    \b
    Example:
        kb timeline --entity Alipay --from 2018-04 --json
    """
    from pipeline.views.entities import with_descendants
    from pipeline.views.timeline import sources_phrase
    from pipeline.views.timeline import timeline as build_timeline

    with open_store(db_path, readonly=True) as store:
        entity_ids = with_descendants(store, entity_id_for(store, entity)) if entity else None
        entries = build_timeline(
            store,
            entity_ids=entity_ids,
            types=set(types) or None,
            date_from=date_from,
            date_to=date_to,
            categories={"regulatory", "industry"} if facts_only else None,
        )
    if as_json:
        print_json([e.to_dict() for e in entries])
        return
    if not entries:
        say("No timeline entries. Add articles with: kb ingest PATH")
    for e in entries:
        flags = "".join([" [conflict]" if e.conflict else "", f" ({e.factuality})" if e.factuality != "asserted" else ""])
        say(f"{e.display_date:<22} {e.type:<14} {e.summary}{flags}  [{sources_phrase(e.sources)}]")
