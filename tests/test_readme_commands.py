"""The README's first command, run as a new user would: from a clean clone, `make app`.

It creates the virtual environment, installs, builds the knowledge base from corpus/ and
serves the app on 127.0.0.1. (The second command, `make test`, is what CI runs on a clean
clone: this very suite.) The clone is of the last commit, so commit before relying on it.
"""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def test_readme_make_app_from_a_clean_clone(tmp_path):
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("no commit to clone yet")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("KB_DB", "VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL")}
    app = subprocess.Popen(
        ["make", "app", f"PORT={port}"], cwd=clone, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.time() + 420
        while time.time() < deadline and app.poll() is None and not _healthy(port):
            time.sleep(1)
        if not _healthy(port):
            os.killpg(app.pid, signal.SIGTERM)
            pytest.fail("make app did not serve the app:\n" + app.stdout.read()[-3000:])
        listed = subprocess.run(
            [str(clone / ".venv" / "bin" / "kb"), "articles", "--json", "--db", str(clone / ".kb" / "kb.sqlite")],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        titles = [a["title"] for a in json.loads(listed.stdout)]
        assert any(t.startswith("Alipay has entered into cooperation") for t in titles)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
            assert page.status == 200
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=30)
