"""Each page of the app as issue 20 asks for it, in headless Chromium against `streamlit run`:
one served app for the module (corpus/ and, when present, the Chinese articles of ../shared),
one page load per check where possible, and a screenshot of each page kept as a test artefact
(in KB_SCREENSHOTS when set, else in the test's tmp_path).

The browser, the server and the helpers are those of tests/test_app_browser.py.
"""

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from pipeline.ingest import ingest
from pipeline.store import Store
from tests.conftest import ROOT, SHARED
from tests.test_app_browser import _wait_for_the_run, page, serve  # noqa: F401 — `page` is a fixture

ZH = SHARED / "corpus" / "zh"
WAIT = 60_000


@pytest.fixture(scope="module")
def bilingual_kb(tmp_path_factory) -> Path:
    """corpus/ and the Chinese articles of ../shared (the English names beside Chinese evidence need them)."""
    if not ZH.is_dir():
        pytest.skip(f"needs the Chinese articles at {ZH} (set KB_SHARED)")
    path = tmp_path_factory.mktemp("pages") / "kb.sqlite"
    with Store(path) as store:
        assert not ingest([ROOT / "corpus", ZH], store).failed
    return path


@pytest.fixture(scope="module")
def app_url(bilingual_kb, tmp_path_factory):
    with serve(bilingual_kb, log=tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


def screenshot(page, name: str, tmp_path: Path) -> None:  # noqa: F811
    """The page as drawn, kept: in KB_SCREENSHOTS when set (a folder), else beside the test."""
    folder = Path(os.environ.get("KB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{name}.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def no_failure(page) -> None:  # noqa: F811
    assert not page.get_by_test_id("stException").count()
    assert not page.get_by_text("Page not found").count()


def test_page_ask_english_names_and_history(page, app_url, tmp_path):  # noqa: F811
    page.goto(f"{app_url}/ask?q={quote('网联是什么？')}")
    page.locator(".kb-english", has_text="网联 = NetsUnion Clearing Corporation").first.wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    box = page.get_by_label("Question")
    box.fill("Who issued Document 209?")
    box.press("Enter")
    page.get_by_text("Asked in this session (2)").wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    page.get_by_text("Asked in this session (2)").click()
    page.get_by_role("button", name="网联是什么？").wait_for(timeout=WAIT)
    no_failure(page)
    screenshot(page, "ask", tmp_path)


def test_page_timeline_sources_in_english_too(page, app_url, tmp_path):  # noqa: F811
    page.goto(f"{app_url}/timeline")
    box = page.get_by_label("Search summaries and sources")
    box.wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    box.fill("网联")
    box.press("Enter")
    # The first entry found: the PBOC's notice, reported in Chinese.
    page.locator(".kb-english", has_text="= People's Bank of China").first.wait_for(timeout=WAIT)
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=WAIT)
    no_failure(page)
    screenshot(page, "timeline", tmp_path)


def test_page_article_in_chinese_with_english_names(page, app_url, bilingual_kb, tmp_path):  # noqa: F811
    with Store(bilingual_kb, readonly=True) as store:
        article = next(a for a in store.articles() if a["lang"] == "zh")
    page.goto(f"{app_url}/articles?article={article['id']}")
    page.locator(".kb-english").first.wait_for(timeout=WAIT)
    assert "In English:" in page.locator(".kb-english").first.inner_text()
    no_failure(page)
    screenshot(page, "articles", tmp_path)


def test_page_entities_confirm_and_undo(page, app_url, bilingual_kb, tmp_path):  # noqa: F811
    page.goto(f"{app_url}/entities?entity=netsunion")
    page.get_by_text("Best sentences").wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    seen = page.locator("p", has_text="Seen as:").first.inner_text()
    assert "Internet Union" in seen and "UnionPay" not in seen.replace("NetsUnion", "")
    # More than the 6 rows of old: the list is as tall as 18 rows (a header and 35 px a row).
    assert page.get_by_test_id("stDataFrame").first.bounding_box()["height"] > 18 * 35
    screenshot(page, "entities", tmp_path)

    # A merge asks first; cancelled, nothing is written.
    page.get_by_role("button", name="Merge").last.click()
    page.get_by_text("Choose the entity to fold into this one first.").wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    choose(page, "Fold this entity into the profile's", "China UnionPay (clearing_house)")
    page.get_by_role("button", name="Merge").last.click()
    question = page.get_by_text("Fold China UnionPay (clearing_house) into NetsUnion Clearing Corporation (clearing_house)?")
    question.wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    page.get_by_role("button", name="Cancel").last.click()
    question.wait_for(state="detached", timeout=WAIT)
    _wait_for_the_run(page)
    with Store(bilingual_kb, readonly=True) as store:
        assert store.judgement_log() == []

    # Confirmed, then undone from the app: the log keeps both.
    choose(page, "Fold this entity into the profile's", "China UnionPay (clearing_house)")
    page.get_by_role("button", name="Merge").last.click()
    confirm(page)
    page.get_by_text("Merged unionpay into netsunion").wait_for(timeout=WAIT)
    page.get_by_text("Judgement log (1)").wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    choose(page, "Judgement to take back", "1: merge unionpay into netsunion")
    page.get_by_role("button", name="Undo").last.click()
    confirm(page)
    page.get_by_text("Took back judgement 1 (merge)").wait_for(timeout=WAIT)
    with Store(bilingual_kb, readonly=True) as store:
        [row] = store.judgement_log()
        assert row["undone_at"] and store.judgements() == []
    no_failure(page)


def choose(page, label: str, option: str) -> None:  # noqa: F811
    """Pick an option of a select box. The list it opens closes when a rerun draws the box
    again: opened again until the option is picked. While a rerun draws the page the box of the
    last run may still be there beside the new one (seen once in a fresh-clone CI run): the
    newest, last in the page, is the one."""
    from playwright.sync_api import TimeoutError as NotYet

    for _ in range(5):
        _wait_for_the_run(page)
        page.get_by_label(label).last.click()
        try:
            page.get_by_role("option", name=option).click(timeout=5_000)
            return
        except NotYet:
            page.keyboard.press("Escape")
    raise AssertionError(f"{option!r} could not be picked in {label!r}")


def confirm(page) -> None:  # noqa: F811
    """Click Confirm once the run that drew it has ended."""
    page.get_by_role("button", name="Confirm").last.wait_for(timeout=WAIT)
    _wait_for_the_run(page)
    page.get_by_role("button", name="Confirm").last.click()


def _labels_apart(frame) -> tuple[float, int]:
    """The smallest label's height on the screen, and how many pairs of node labels overlap."""
    return frame.evaluate(
        """() => {
          const boxes = [...document.querySelectorAll('.node text')].map(t => t.getBoundingClientRect());
          let overlaps = 0;
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
          }
          return [Math.min(...boxes.map(b => b.height)), overlaps];
        }"""
    )


def _period_hides_lines(frame) -> None:
    years = frame.locator("#from option").all_inner_texts()
    assert len(years) > 1
    shown = frame.locator("line.edge:visible").count()
    narrowed = []
    for year in (years[0], years[-1]):  # a single year, the first then the last
        frame.locator("#from").select_option(years[0])
        frame.locator("#to").select_option(year)
        frame.locator("#from").select_option(year)
        assert frame.locator("#period-note").inner_text().startswith(f"{year}–{year}: ")
        narrowed.append(frame.locator("line.edge:visible").count())
    assert min(narrowed) < shown


def test_page_graph_and_its_export_readable_with_their_period(page, app_url, tmp_path):  # noqa: F811
    page.goto(f"{app_url}/graph")
    page.locator("iframe").first.wait_for(timeout=WAIT)
    frame = page.frame_locator("iframe").first
    frame.locator(".node text").first.wait_for(timeout=WAIT)
    page.locator("iframe").first.scroll_into_view_if_needed()
    height, overlaps = _labels_apart(frame.locator("body"))
    assert height >= 12 and overlaps == 0  # labels at their size (13 px), none on another
    no_failure(page)
    screenshot(page, "graph", tmp_path)
    _period_hides_lines(frame)

    # The exported page, as kb build ships it.
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto((ROOT / "graph_exports" / "graph.html").as_uri())
    height, overlaps = _labels_apart(page.locator("body"))
    assert height >= 12 and overlaps == 0
    assert page.locator("#legend .relation").count() > 0
    _period_hides_lines(page)
    screenshot(page, "graph_export", tmp_path)
