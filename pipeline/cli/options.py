"""Options and output helpers that several commands share, so they read the same everywhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.errors import KBError
from pipeline.settings import SETTINGS, default_db_path
from pipeline.store import Store


def db_option(fn):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=SETTINGS["db"].help + f" Default: {SETTINGS['db'].default}",
    )(fn)


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(fn)


def open_store(db_path: Path | None, *, readonly: bool = False) -> Store:
    try:
        return Store(db_path or default_db_path(), readonly=readonly)
    except KBError as e:
        raise click.ClickException(str(e)) from e


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def progress_enabled(quiet: bool) -> bool:
    """A progress bar only for a person at a terminal."""
    return not quiet and sys.stderr.isatty()


def entity_id_for(store: Store, name: str) -> str:
    """The entity an analyst names on the command line, or a message saying how to find one."""
    from pipeline.views.entities import resolve_name

    entity_id = resolve_name(store, name)
    if entity_id is None:
        raise click.ClickException(f"no entity called {name!r}\n\nList them with: kb entities")
    return entity_id
