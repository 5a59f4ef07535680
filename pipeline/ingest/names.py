"""File names as text that SQLite, JSON and a terminal can all take.

Python gives a name whose bytes are not UTF-8 (GBK from a Chinese Windows archive, say) as
text with lone surrogates, which SQLite and UTF-8 output refuse: one such file stopped a whole
batch in `article_by_key`. Such a part of a path is read as GB18030 (what those archives
hold), else its bytes are written as \\xNN; other parts are left as they are.
"""

from __future__ import annotations

import os
from pathlib import Path


def path_text(path: str | Path) -> str:
    text = str(path)
    if _encodable(text):
        return text
    return os.sep.join(_part_text(part) for part in text.split(os.sep))


def _part_text(part: str) -> str:
    if _encodable(part):
        return part
    raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
