"""The app in a real headless browser: Debian's Chromium driven by Playwright.

Nothing is downloaded by Playwright (`playwright install` is never run): the browser comes
from Debian's package, installed here when missing and possible. Set KB_SCREENSHOT=path to
keep the screenshot (`make screenshot` refreshes the README's).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from pipeline.ingest import ingest
from pipeline.store import Store
from tests.conftest import FOUNDING, ROOT

CHROMIUM = "/usr/bin/chromium"
# Debian packages: the browser, and a font with Chinese glyphs (without it 断直连 draws as boxes).
PACKAGES = {"chromium": CHROMIUM, "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def chromium() -> str:
    missing = [name for name, path in PACKAGES.items() if not os.path.exists(path)]
    if missing and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env, capture_output=True, timeout=900)
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser test skipped: no Chromium at {CHROMIUM} and it could not be installed with apt-get")
    return CHROMIUM


@pytest.fixture
def served_app(db_path):
    with Store(db_path) as store:
        ingest([FOUNDING], store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--", "--db", str(db_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_app_in_chromium_shows_the_articles(chromium, served_app, tmp_path):
    from playwright.sync_api import sync_playwright

    shot = os.environ.get("KB_SCREENSHOT") or str(tmp_path / "app.png")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(served_app)
        page.get_by_text("Articles (1)").wait_for(timeout=60_000)
        page.get_by_text("Our reporter Xie Shui Wang reports from Shanghai.").wait_for(timeout=30_000)
        page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # the table paints on its canvas after it appears
        page.screenshot(path=shot, full_page=False)
        browser.close()
    assert os.path.getsize(shot) > 10_000
