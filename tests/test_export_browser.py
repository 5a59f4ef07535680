"""graph.html in a real browser with every network request refused: it must still draw."""

from pipeline.export import html_page
from pipeline.ingest import ingest
from pipeline.views.graph import build_graph
from pipeline.views.timeline import build_entries
from tests.conftest import CHROMIUM_ARGS, FOUNDING


def test_export_html_draws_offline(chromium, fresh_store, tmp_path):
    from playwright.sync_api import sync_playwright

    ingest([FOUNDING], fresh_store)
    graph = build_graph(fresh_store)
    page_path = html_page(graph, build_entries(fresh_store), tmp_path)
    requested = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()

        def refuse(route):
            requested.append(route.request.url)
            route.abort()

        page.route("http*://**/*", refuse)
        page.goto(page_path.as_uri())
        assert page.locator("circle").count() == graph.number_of_nodes()
        page.locator("circle").first.click()
        assert page.locator("#details h2").first.inner_text()
        browser.close()
    assert requested == []
