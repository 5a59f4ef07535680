"""Which folders on the server the app may read from, and where its uploads are kept.

The app's "folder on this machine" box reads files and shows their text in the browser: left
open, anyone who reaches the app can read whatever the server can (`/` walked the whole disk).
It reads only under the configured roots, and only when the app listens on this machine alone
unless an administrator enables it for a wider address.

Uploads are kept by their content: `<store folder>/uploads/<digest>/<name>`. A second upload
with the same name and other words is another article, never a replacement of the first.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.errors import KBError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class FolderNotAllowed(KBError):
    """A folder outside the roots the app may read."""


def user_data_folder() -> Path:
    """Where a user keeps articles for the app: $XDG_DATA_HOME/duanzhilian-kb, else ~/.local/share/…"""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "duanzhilian-kb"


def ingest_roots() -> list[Path]:
    """KB_INGEST_ROOTS (folders separated by os.pathsep), else the project's corpus/ and the
    user data folder."""
    configured = os.environ.get("KB_INGEST_ROOTS")
    if configured:
        return [Path(p).expanduser().resolve() for p in configured.split(os.pathsep) if p.strip()]
    return [Path("corpus").resolve(), user_data_folder().resolve()]


def folder_box_enabled(address: str | None) -> bool:
    """On when the app listens on this machine only (`make app`: 127.0.0.1), or when
    KB_INGEST_FOLDERS=1 says an administrator wants it on a wider address. Streamlit listens
    on every interface when no address is given."""
    if os.environ.get("KB_INGEST_FOLDERS", "").lower() in ("1", "true", "yes"):
        return True
    return (address or "") in LOOPBACK


def allowed_path(given: str, roots: list[Path]) -> Path:
    """The folder or file named, once it is known to lie under a root (after following every
    symbolic link); else FolderNotAllowed saying where the app may read."""
    path = Path(given).expanduser().resolve()
    if not any(path.is_relative_to(root) for root in roots):
        raise FolderNotAllowed(
            f"{given}: the app reads only folders under {', '.join(str(r) for r in roots)} "
            "(set KB_INGEST_ROOTS to change them, or use `kb ingest` in a shell)"
        )
    return path


def inside(path: Path, roots: list[Path]) -> bool:
    return any(path.resolve().is_relative_to(root) for root in roots)


def upload_path(store_path: str, name: str, content: bytes) -> Path:
    """Where an upload is kept: by its content and its own name (no folders from the browser)."""
    digest = hashlib.sha256(content).hexdigest()[:16]
    own = Path(name.replace("\\", "/")).name
    if own in ("", ".", ".."):  # a name that would climb out of its folder
        own = "upload"
    return Path(store_path).resolve().parent / "uploads" / digest / own
