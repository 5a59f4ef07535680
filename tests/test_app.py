"""The Streamlit app, driven headless with streamlit.testing."""

from streamlit.testing.v1 import AppTest

from pipeline.ingest import ingest
from pipeline.store import Store
from tests.conftest import FOUNDING, ROOT


def test_app_on_empty_path_says_how_to_ingest(db_path, monkeypatch):
    monkeypatch.setenv("KB_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert "kb ingest" in at.warning[0].value


def test_app_lists_and_reads_articles(db_path, write, monkeypatch):
    with Store(db_path) as store:
        ingest([FOUNDING, write("x.txt", "title: <script>alert(1)</script>\n\nAlipay *joined* <b>NetsUnion</b>.")], store)
    monkeypatch.setenv("KB_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert at.subheader[0].value == "Articles (2)"
    at.selectbox[0].select_index(1).run()
    shown = " ".join(m.value for m in at.markdown)
    # Markup in an article is escaped, so it shows as text rather than acting.
    assert "\\<script\\>" in shown and "\\*joined\\*" in shown and "<b>" not in shown
