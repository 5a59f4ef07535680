"""The Ingest page in headless Chromium (see tests/test_app_browser.py): web addresses served on
127.0.0.1 and a pasted text go in; the sidebar's counts follow the batch without a page change;
the links to the new article and to the timeline entry it added open them.

One app for the module, on its own copy of the shipped store, and one site of made-up news.
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from pipeline.app_pages.common import entry_label
from pipeline.store import Store
from pipeline.views.timeline import build_entries, default_period
from tests import web_pages
from tests import test_app_browser as browser
from tests.test_app_browser import _wait_for_the_run, serve
from tests.web_server import serve as serve_site

# The browser and the shipped store, as the other browser tests have them.
page = browser.page
shipped_kb = browser.shipped_kb

PROXIES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
STORY = "On {day}, Alipay and Tenpay connected to NetsUnion.\n\nThe move ends their direct connections with banks."


@pytest.fixture(scope="module")
def site():
    with serve_site({}) as served:
        served.routes.update(web_pages.news_site(served.base))
        yield served


@pytest.fixture(scope="module")
def kb(shipped_kb, tmp_path_factory):
    copy = tmp_path_factory.mktemp("ingest") / "kb.sqlite"
    shutil.copy(shipped_kb, copy)
    return copy


@pytest.fixture(scope="module")
def app(kb, tmp_path_factory):
    with pytest.MonkeyPatch.context() as env:  # the app reaches 127.0.0.1 directly, as `make app` would
        for name in PROXIES:
            env.delenv(name, raising=False)
        with serve(kb, log=tmp_path_factory.mktemp("server") / "streamlit.log") as url:
            yield url


def articles_in_sidebar(page) -> int:
    found = page.locator("[data-testid='stSidebar']").get_by_text(re.compile(r"articles: \d+")).inner_text()
    return int(re.search(r"articles: (\d+)", found).group(1))


def open_ingest(page, app: str, tab: str) -> None:
    page.goto(f"{app}/ingest")
    page.get_by_role("tab", name=tab).wait_for(timeout=60_000)
    _wait_for_the_run(page)
    page.get_by_role("tab", name=tab).click()


def test_app_in_chromium_fetches_pasted_addresses(page, app, kb, site, tmp_path):
    good, missing = f"{site.base}/news/netsunion-routing", f"{site.base}/news/gone"
    open_ingest(page, app, "Web addresses")
    before = articles_in_sidebar(page)
    page.get_by_label("Web addresses, one a line").fill(f"{good}\n{missing}")
    page.get_by_role("button", name="Fetch and ingest").click()
    failed = page.locator(".kb-batch-failed li")
    failed.first.wait_for(timeout=60_000)
    _wait_for_the_run(page)
    assert failed.count() == 1 and failed.inner_text().startswith(f"{missing}: ") and "404" in failed.inner_text()
    assert articles_in_sidebar(page) == before + 1  # no page change: the sidebar was drawn again
    with Store(kb, readonly=True) as store:
        article = next(a for a in store.articles() if a["url"] == good)
    page.screenshot(path=str(tmp_path / "ingest.png"))
    link = page.locator(".kb-batch-articles a.kb-article")
    link.first.wait_for(timeout=60_000)  # on a loaded machine the rerun that redraws the page may still be drawing it
    assert link.count() == 1 and link.get_attribute("href") == f"articles?article={article['id']}"
    link.click()
    page.get_by_role("heading", name="Wallets now pay through NetsUnion").wait_for(timeout=60_000)
    assert page.url.endswith(f"/articles?article={article['id']}")


def test_app_in_chromium_ingests_a_pasted_text_and_links_its_timeline_entry(page, app, kb):
    open_ingest(page, app, "Paste a text")
    before = articles_in_sidebar(page)
    page.get_by_label("Title (optional)").fill("Wallets move to NetsUnion")
    for part, value in (("year", "2021"), ("month", "01"), ("day", "05")):  # the date box's three fields
        page.get_by_role("spinbutton", name=f"{part}, Published (optional)").click()
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    entries = page.locator(".kb-batch-entries a.kb-entry")
    for day, expected in (("15 March 2019", "2019-03-15"), ("2 November 2020", "2020-11-02")):
        page.get_by_role("textbox", name="The article's text").fill(STORY.format(day=day))
        page.get_by_role("button", name="Ingest the text").click()
        # The entry the text's event makes, dated from the text (not from the form's date).
        entries.filter(has_text=expected).first.wait_for(timeout=60_000)
        _wait_for_the_run(page)
        before += 1
        assert articles_in_sidebar(page) == before
    with Store(kb, readonly=True) as store:
        pasted = [(a["title"], a["date"]) for a in store.articles() if a["title"] == "Wallets move to NetsUnion"]
        [entry] = [e for e in build_entries(store) if e.date == "2020-11-02"]
        start, end = default_period(build_entries(store))
    assert pasted == [("Wallets move to NetsUnion", "2021-01-05")] * 2
    link = entries.filter(has_text="2020-11-02")
    assert link.get_attribute("href") == f"timeline?entry={entry.id}"
    link.click()
    page.get_by_role("heading", name=entry.summary).first.wait_for(timeout=60_000)
    assert page.url.endswith(f"/timeline?entry={entry.id}")
    if start <= date(2020, 11, 2) <= end:  # chosen in the entry list under the chart
        assert entry_label(entry) in page.locator("[data-testid='stSelectbox']").first.inner_text()
    else:  # shown above the chart, the filters being the default ones
        page.get_by_text("The linked entry is outside these filters").wait_for(timeout=10_000)
