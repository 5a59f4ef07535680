"""Fixtures shared by the whole suite: stores, the shared folder beside the checkout, files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
FOUNDING = ROOT / "corpus" / "en" / "alipay-unionpay-netsunion-clearing-2018-09.txt"


@pytest.fixture
def fresh_store():
    """An empty store in memory."""
    with Store(":memory:") as store:
        yield store


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A path for a store on disk (not created yet)."""
    return tmp_path / "kb.sqlite"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder with other publishers' articles and the benchmarks (never copied in)."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"needs the shared folder at {SHARED} (set KB_SHARED): other publishers' articles are read from there")
    return SHARED


@pytest.fixture
def write(tmp_path):
    """write("name.txt", "text" or b"bytes") -> the path of a new file under tmp_path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write
