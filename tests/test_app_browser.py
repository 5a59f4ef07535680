"""The app in a real headless browser: Debian's Chromium driven by Playwright, against
`streamlit run` on 127.0.0.1.

Nothing is downloaded by Playwright (`playwright install` is never run): the browser comes
from Debian's package, installed by the `chromium` fixture when missing and possible, and the
test is skipped with the reason when it cannot be had. Set KB_SCREENSHOT=path to keep the
screenshot (`make screenshot` refreshes the README's: the Ask page with an answer).
"""

import os
import re
from contextlib import contextmanager
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.answers import headline
from tests.conftest import CHROMIUM_ARGS, ROOT

QUESTION = "When did the Bar Code Payment Business Standards take effect?"
OTHER_QUESTION = "Who issued Document 209?"


@pytest.fixture(scope="module")
def shipped_kb(tmp_path_factory):
    """The knowledge base `make app` builds: the shipped corpus/ alone."""
    path = tmp_path_factory.mktemp("browser") / "kb.sqlite"
    with Store(path) as store:
        ingest([ROOT / "corpus"], store)
    return path


@pytest.fixture(scope="module")
def served_app(shipped_kb, tmp_path_factory):
    with serve(shipped_kb, log=tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


@contextmanager
def serve(db, log=None):
    """`streamlit run app.py -- --db DB` on a free port of 127.0.0.1; yields its URL. The server's
    output goes to `log` when given (a failing browser test prints it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_file = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--", "--db", str(db)],
        stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
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
        if log:
            log_file.close()


@pytest.fixture
def page(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 1400, "height": 1000})
        browser.close()


def test_app_in_chromium_answers_a_question(page, served_app, shipped_kb, tmp_path):
    from pipeline.views.questions import ask

    with Store(shipped_kb, readonly=True) as store:
        expected = ask(store, QUESTION).to_dict()
    shot = os.environ.get("KB_SCREENSHOT") or str(tmp_path / "app.png")
    page.goto(served_app)
    box = page.get_by_label("Question")
    box.wait_for(timeout=60_000)
    box.fill(QUESTION)
    box.press("Enter")
    page.get_by_text(headline(expected)[0]).first.wait_for(timeout=60_000)
    page.get_by_text(f"Evidence ({len(expected['evidence'])})").wait_for(timeout=60_000)
    page.get_by_text(expected["evidence"][0]["sentence"][:40], exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)  # let the last elements settle before the picture
    page.screenshot(path=shot, full_page=False)
    assert os.path.getsize(shot) > 10_000


@pytest.mark.parametrize(
    "path, text",
    [
        ("ask", "Examples:"),
        ("timeline", "entries"),
        ("graph", "nodes,"),
        ("entities?entity=alipay", "Best sentences"),
        ("articles", "Our reporter Xie Shui Wang reports from Shanghai."),
    ],
)
def test_app_in_chromium_draws_every_page(page, served_app, path, text, tmp_path):
    page.goto(f"{served_app}/{path}")
    page.get_by_text(text, exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    assert not page.get_by_test_id("stException").count()
    assert not page.get_by_text("Page not found").count()  # each page answers at its own address
    page.screenshot(path=str(tmp_path / "page.png"))


@pytest.mark.parametrize("path", ["", "ask"])
def test_app_in_chromium_asks_the_question_of_a_link(page, served_app, shipped_kb, path, tmp_path):
    from urllib.parse import quote

    from playwright.sync_api import expect

    from pipeline.views.questions import ask

    with Store(shipped_kb, readonly=True) as store:
        expected = ask(store, QUESTION).to_dict()
    page.goto(f"{served_app}/{path}?q={quote(QUESTION)}")
    page.get_by_text(headline(expected)[0]).first.wait_for(timeout=60_000)
    page.get_by_text("How sure:").first.wait_for(timeout=60_000)
    box = page.get_by_label("Question")
    expect(box).to_have_value(QUESTION, timeout=30_000)
    assert not page.get_by_text("Page not found").count()
    assert page.url.endswith(f"{path}?q={quote(QUESTION, safe='')}") or QUESTION.split()[0] in page.url
    page.screenshot(path=str(tmp_path / "ask.png"))
    # Asking another question moves the address with it: the link shared is the question shown.
    with Store(shipped_kb, readonly=True) as store:
        other = ask(store, OTHER_QUESTION).to_dict()
    box.fill(OTHER_QUESTION)
    box.press("Enter")
    page.get_by_text(headline(other)[0]).first.wait_for(timeout=60_000)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=OTHER_QUESTION, timeout=30_000)
    expect(box).to_have_value(OTHER_QUESTION)


def test_app_in_chromium_shows_article_markup_as_text(page, tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text("title: <script>alert(1)</script> **bold?**\n\nAlipay *joined* <b>NetsUnion</b> <img src=x onerror=alert(2)>.\n")
    with Store(tmp_path / "kb.sqlite") as store:
        ingest([article], store)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(tmp_path / "kb.sqlite") as url:
        page.goto(f"{url}/articles")
        page.get_by_role("heading", name="<script>alert(1)</script> **bold?**").wait_for(timeout=60_000)
        page.get_by_text("*joined* <b>NetsUnion</b> <img src=x onerror=alert(2)>", exact=False).wait_for(timeout=60_000)
        assert not page.locator("[data-testid='stMain'] img[src='x']").count()
    assert dialogs == []


def test_app_in_chromium_opens_an_article_at_the_cited_sentence(page, served_app, shipped_kb, tmp_path):
    with Store(shipped_kb, readonly=True) as store:
        article = store.articles()[0]
        sentence = store.sentences(article["id"])[-3]  # far down the page
    page.goto(f"{served_app}/articles?article={article['id']}&sentence={sentence['idx']}")
    cited = page.locator("#kb-cited")
    cited.wait_for(timeout=60_000)
    assert cited.inner_text().strip() == sentence["text"].strip()
    # Scrolled to it: the sentence is on the screen without the reader scrolling.
    page.wait_for_function("() => { const r = document.getElementById('kb-cited').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=60_000)  # fmt: skip
    page.screenshot(path=os.environ.get("KB_ARTICLE_SCREENSHOT") or str(tmp_path / "article.png"))


def test_app_in_chromium_downloads_the_filtered_timeline(page, served_app, shipped_kb, tmp_path):
    import csv
    import io
    import json

    from pipeline.views.timeline import default_period, search, timeline

    with Store(shipped_kb, readonly=True) as store:
        start, end = default_period(timeline(store))
        expected = search(timeline(store, date_from=start, date_to=end, keep_undated=True), "UnionPay")

    def searched() -> None:
        page.goto(f"{served_app}/timeline")
        box = page.get_by_label("Search summaries and sources")
        box.wait_for(timeout=60_000)
        box.fill("UnionPay")
        box.press("Enter")
        page.get_by_text(re.compile(rf"^{len(expected)} of \d+ entries")).first.wait_for(timeout=60_000)
        # The chart, drawn anew for the found entries, may report its selection once drawn and so
        # start a run of its own (on_select="rerun"; suspected, not seen in a log): wait for the
        # chart, then for the run.
        page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=60_000)
        _wait_for_the_run(page)

    # Both from one page: a click on a download made on click does not rerun the page, so the
    # other button's file stays registered (it was dropped by the rerun once, under load).
    searched()
    rows = list(csv.DictReader(io.StringIO(_download(page, "Download CSV"))))
    assert [int(r["id"]) for r in rows] == [e.id for e in expected]
    events = json.loads(_download(page, "Download TimelineJS"))["events"]
    assert [e["unique_id"] for e in events] == [f"entry-{e.id}" for e in expected if e.date]


def _wait_for_the_run(page) -> None:
    """Until the page's script has finished: while it runs, the last run's elements are still on
    the page, and a click on one of them acts on what that run registered."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)


def _download(page, button: str) -> str:
    """The text of what a download button gives, clicked once no run is under way (a run ending
    after the click drops the file the button registered: "Deferred file … not found")."""
    _wait_for_the_run(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=button).click()
    return download.value.path().read_text(encoding="utf-8")
