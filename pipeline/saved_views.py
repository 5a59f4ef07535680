"""Views saved beside the store, so that a new process reads them instead of building them.

The timeline's entries of a 10k-article store take about a second to build from the facts
and a fifth of that to read back from JSON. A saved view is named by the store's content key
(its generation, which every write moves on, and a token drawn again whenever any row
changes, by kb or by hand: a restored backup or an edit never passes for another content) and
by a fingerprint of the code and data files that build views,
so it is read only while both are what built it; `Store.memo(..., encode=, decode=)` uses it.
A cache and nothing more: the files can be deleted at any time, and a store that cannot be
written beside (read-only folder, in memory) just builds its views each time.

    <store>.views/entries-<generation>.<token>-<fingerprint>.json
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pipeline.store import Store


log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")
_lock = threading.Lock()
_queued: list[tuple[Path, Callable[[object], object], object]] = []
_saving: list[threading.Thread] = []


@cache
def fingerprint() -> str:
    """The code that reads and builds views, and the data files it reads (taxonomy, names):
    change one, and every saved view is stale."""
    code = [*PACKAGE.joinpath("views").rglob("*.py"), *PACKAGE.glob("store*.py"), PACKAGE / "facts.py"]
    digest = hashlib.sha1()
    for path in sorted([*code, *PACKAGE.joinpath("data").rglob("*.yaml")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _path(store: "Store", name: str) -> Path | None:
    content = store.content_key()
    if store.path == ":memory:" or content is None:
        return None
    return Path(f"{store.path}.views") / f"{name}-{content}-{fingerprint()}.json"


def cached(store: "Store", name: str, build: Callable[[], T], *, encode: Callable[[T], object], decode: Callable[[object], T]) -> T:
    """The view `name`: read back when saved for the store as it is now, else `build()` and
    queued for saving (as `encode` makes it JSON-able) by the next `flush()`. Queued only when
    no write landed while it was built (reads outside one transaction could mix two
    generations)."""
    path = _path(store, name)
    saved = _load(path) if path else None
    if saved is not None:
        try:
            return decode(saved)
        except (TypeError, ValueError, KeyError) as error:  # saved by a build that encoded otherwise
            log.warning("%s: saved view does not decode (%s); building it again", path, error)
    value = build()
    if path is not None and _path(store, name) == path:
        with _lock:
            _queued.append((path, encode, value))
    return value


def flush() -> None:
    """Save the queued views in a thread of their own. The app calls this once a page is
    drawn: saving beside the drawing (encoding holds the interpreter) made the first page after
    a write a second slower on a 10k store."""
    with _lock:
        queued, _queued[:] = list(_queued), []
    if queued:
        thread = threading.Thread(target=_write_all, args=(queued,), name="save views", daemon=True)
        _saving.append(thread)
        thread.start()


def wait() -> None:
    """Save the queued views and wait until every view being saved is on disk (the CLI before
    it exits; tests)."""
    flush()
    while _saving:
        _saving.pop().join()


def _load(path: Path) -> object | None:
    if not path.exists():
        return None
    # Parsing makes hundreds of thousands of containers, none in a cycle: the collector's passes
    # over them cost a third of the time (0.33 -> 0.22 s for a 10k store's entries).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as error:  # a damaged file is rebuilt, never trusted
        log.warning("%s: unreadable saved view (%s); building it again", path, error)
        return None
    finally:
        if collecting:
            gc.enable()


def _write_all(queued: list[tuple[Path, Callable[[object], object], object]]) -> None:
    for path, encode, value in queued:
        _write(path, encode, value)


def _write(path: Path, encode: Callable[[object], object], value: object) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(exist_ok=True)
        temporary.write_text(json.dumps(encode(value), ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)  # readers see the whole file or none
        name = path.name.split("-")[0]
        for stale in path.parent.glob(f"{name}-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as error:
        log.warning("%s: could not save the view (%s); it will be built again next time", path, error)
        temporary.unlink(missing_ok=True)
