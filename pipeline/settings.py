"""Settings shared by the CLI, the app and the docs: one table of name, default and help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = {
    s.name: s
    for s in [
        Setting("db", ".kb/kb.sqlite", "The SQLite file of the knowledge base (or set KB_DB)."),
        Setting("max_file_mb", 20, "Files larger than this many megabytes are refused."),
        Setting("near_duplicate_ratio", 90.0, "rapidfuzz ratio (0-100) above which an article is a repost."),
        Setting("near_duplicate_bits", 8, "simhash bits two articles may differ in to be compared as reposts."),
    ]
}


def default_db_path() -> Path:
    return Path(os.environ.get("KB_DB") or SETTINGS["db"].default)
