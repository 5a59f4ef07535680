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


def test_export_html_zooms_at_the_pointer_and_finds_a_node(chromium, fresh_store, tmp_path):
    from playwright.sync_api import sync_playwright

    ingest([FOUNDING], fresh_store)
    graph = build_graph(fresh_store)
    page_path = html_page(graph, build_entries(fresh_store), tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        circle = page.locator("circle").nth(3)
        box = circle.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        for _ in range(3):
            page.mouse.wheel(0, -100)
        page.wait_for_timeout(200)
        after = circle.bounding_box()
        # The node under the pointer stays under it (it grew, it did not run to a corner).
        assert after["width"] > box["width"]
        assert abs(after["x"] + after["width"] / 2 - x) < 3 and abs(after["y"] + after["height"] / 2 - y) < 3
        page.locator("#find").fill("支付宝")
        assert page.locator("#details h2").first.inner_text() == "Alipay"
        page.locator("#find").fill("no such entity")
        assert "No entity is called" in page.locator("#details").inner_text()
        browser.close()


def test_export_html_aggregates_parallel_relations(chromium, fresh_store, tmp_path):
    from playwright.sync_api import sync_playwright

    ingest([FOUNDING], fresh_store)
    graph = build_graph(fresh_store)
    pairs = {}
    for u, v, d in graph.edges(data=True):
        pairs.setdefault(frozenset((u, v)), []).append(d.get("relation"))
    busiest = max(pairs.values(), key=len)
    assert len(busiest) > 1  # the founding article has a pair with several relations
    page_path = html_page(graph, build_entries(fresh_store), tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        assert page.locator("line.edge").count() == len(pairs)
        counts = page.locator("text.count")
        assert counts.count() == sum(1 for rels in pairs.values() if len(rels) > 1)
        label = f"×{len(busiest)}"
        page.locator("text.count", has_text=label).first.click(force=True)
        assert f"{len(busiest)} relations" in page.locator("#details").inner_text()
        assert page.locator("#details h3").count() == len(busiest)
        browser.close()
