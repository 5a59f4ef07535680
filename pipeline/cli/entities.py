"""kb entities, kb entity, and the analysts' merge and split decisions."""

from __future__ import annotations

import click

from pipeline.cli.options import db_option, entity_id_for, json_option, open_store, print_json, say


@click.group(invoke_without_command=True)
@db_option
@click.option("--type", "entity_type", help="Only entities of this type (regulator, clearing_house, person, ...).")
@json_option
@click.pass_context
def entities(ctx, db_path, entity_type, as_json):
    """List the entities: names in both languages, spellings seen, mention and article counts.

    \b
    Examples:
        kb entities --type clearing_house --json
        kb entities merge "Xue Hongyan" "Xue Hong Yan"
        kb entities split netsunion "Networking" --as "Networking Ltd"
    """
    if ctx.invoked_subcommand:
        return
    from pipeline.views.entities import entity_list

    with open_store(db_path, readonly=True) as store:
        rows = entity_list(store, entity_type)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        names = " / ".join(n for n in (row["names"]["en"], row["names"]["zh"]) if n) or row["name"]
        say(f"{row['id']:<34} {row['type']:<20} {row['mentions']:>4} mentions {row['articles']:>3} articles  {names}")


@entities.command()
@click.argument("keep")
@click.argument("fold")
@db_option
def merge(keep, fold, db_path):
    """Fold entity FOLD into KEEP (any alias names them). Re-applied after every ingest."""
    from pipeline import judge

    with open_store(db_path) as store:
        keep_id, fold_id = entity_id_for(store, keep), entity_id_for(store, fold)
        if keep_id == fold_id:
            raise click.ClickException(f"{keep!r} and {fold!r} are already one entity ({keep_id})")
        judgement_id, changed = _judged(judge.record, store, "merge", keep_id, fold_id)
    say(f"merged {fold_id} into {keep_id} (judgement {judgement_id}); {changed} article(s) updated")


@entities.command()
@click.argument("entity")
@click.argument("spelling")
@click.option("--as", "new_name", help="Name of the new entity (default: the spelling).")
@db_option
def split(entity, spelling, new_name, db_path):
    """Move the mentions of ENTITY written as SPELLING to an entity of their own."""
    from pipeline import judge
    from pipeline.extract.entities import discovered_id
    from pipeline.views.entities import entity_list

    if not spelling.strip() or (new_name is not None and not new_name.strip()):
        raise click.UsageError("SPELLING and --as must not be empty")
    with open_store(db_path) as store:
        entity_id = entity_id_for(store, entity)
        kind = next((e["type"] for e in entity_list(store) if e["id"] == entity_id), "organization")
        name = new_name or spelling
        new_id = discovered_id(kind, name)
        judgement_id, changed = _judged(judge.record, store, "split", entity_id, new_id, alias=spelling, name=name)
    say(f"split {spelling!r} off {entity_id} as {new_id} ({name}, judgement {judgement_id}); {changed} article(s) updated")


@entities.command()
@db_option
@json_option
def judgements(db_path, as_json):
    """List the judgement log: id, action, entities, spelling, when; when a row was undone, or
    why it is skipped."""
    with open_store(db_path, readonly=True) as store:
        rows = store.judgement_log()
    if as_json:
        print_json(rows)
        return
    if not rows:
        say("No judgements yet. Record one with: kb entities merge KEEP FOLD")
    for row in rows:
        what = (f"{row['other']} into {row['entity_id']}" if row["action"] == "merge"
                else f"{row['alias']!r} of {row['entity_id']} to {row['other']}")  # fmt: skip
        skipped = (f"  [undone {row['undone_at']}]" if row["undone_at"]
                   else f"  [skipped: {row['problem']}]" if row["problem"] else "")  # fmt: skip
        say(f"{row['id']:>4}  {row['created_at']}  {row['action']:<6} {what}{skipped}")


@entities.command()
@click.argument("judgement_id", metavar="ID", type=int)
@db_option
def undo(judgement_id, db_path):
    """Take judgement ID back (see kb entities judgements) and re-derive what it changed; the
    log keeps it, marked undone."""
    from pipeline import judge

    with open_store(db_path) as store:
        row, changed = _judged(judge.undo, store, judgement_id)
    say(f"undid judgement {judgement_id} ({row['action']} {row['entity_id']} {row['other']}); {changed} article(s) updated")


def _judged(fn, *args, **kwargs):
    from pipeline.errors import JudgementRejected

    try:
        return fn(*args, **kwargs)
    except JudgementRejected as e:
        raise click.ClickException(str(e)) from e


@click.command()
@click.argument("name")
@db_option
@json_option
def entity(name, db_path, as_json):
    """One entity's profile, found by any alias in either language or a near spelling."""
    from pipeline.views.entities import entity_profile

    with open_store(db_path, readonly=True) as store:
        profile = entity_profile(store, name)
    if profile is None:
        raise click.ClickException(f"no entity called {name!r}\n\nList them with: kb entities")
    if as_json:
        print_json(profile)
        return
    say(f"{profile['name']}  [{profile['type']}, {profile['id']}]")
    say(f"  names: {profile['names']['en'] or '-'} / {profile['names']['zh'] or '-'}")
    if profile["parent"]:
        say(f"  part of: {profile['parent']['name']}")
    for role in profile["roles"]:
        say(f"  role: {role['role']}" + (f", {role['affiliation']}" if role["affiliation"] else ""))
    say(f"  seen as: {', '.join(profile['aliases_seen'])}")
    say(f"  {profile['mentions']} mentions in {profile['articles']} article(s)")
    for ev in profile["evidence"][:5]:
        say(f"  - [{ev['article_id']}] {ev['sentence'][:110]}")
