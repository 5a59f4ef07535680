"""Fixtures shared by the whole suite: stores, the shared folder beside the checkout, files."""

from __future__ import annotations

import os
import shutil
import subprocess
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


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory, shared):
    """A read-only store of the four gold articles (the founding one and the Chinese three)."""
    from pipeline.ingest import ingest

    path = tmp_path_factory.mktemp("gold") / "kb.sqlite"
    with Store(path) as writable:
        ingest([FOUNDING, shared / "corpus" / "zh"], writable)
    with Store(path, readonly=True) as readonly:
        yield readonly


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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# Debian packages for the browser tests: the browser, and a font with Chinese glyphs (without it
# 断直连 draws as boxes).
BROWSER_PACKAGES = {"chromium": CHROMIUM, "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"}


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed with apt-get when missing and possible; never Playwright's
    own browser download (it cannot work without the network)."""
    missing = [name for name, path in BROWSER_PACKAGES.items() if not os.path.exists(path)]
    if missing and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env, capture_output=True, timeout=900)
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser test skipped: no Chromium at {CHROMIUM} and it could not be installed with apt-get")
    return CHROMIUM


@pytest.fixture
def news_site(monkeypatch):
    """The made-up outlet of tests/web_pages.py, served on 127.0.0.1 (no proxy in between)."""
    from tests.web_pages import news_site as pages
    from tests.web_server import serve

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with serve({}) as site:
        site.routes.update(pages(site.base))
        yield site
