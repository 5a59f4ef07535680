"""Options and output helpers that several commands share, so they read the same everywhere."""

from __future__ import annotations

import json
import re
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
        raise click.ClickException(terminal_safe(str(e))) from e


# C0 and C1 control characters, and the bidirectional overrides, that a title or a file name
# may carry: written raw, "\x1b]0;...\x07" retitles the terminal and "\x1b[2J" clears it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text as a terminal may show it: controls written as \\x1b, \\u202e (lines and tabs kept)."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(message: str, *, err: bool = False) -> None:
    """click.echo for text that holds what articles and file names say."""
    click.echo(terminal_safe(message), err=err)


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
