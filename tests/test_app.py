"""The Streamlit app, page by page, driven headless with streamlit.testing.

One store is built per module from corpus/ (and ../shared/corpus/zh where present) plus an
article full of markup; tests that write (judgements, ingest) work on their own copy.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from pipeline import saved_views
from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.answers import headline
from pipeline.views.graph import build_graph
from pipeline.views.timeline import default_period, search, sources_phrase, timeline
from tests.conftest import ROOT, SHARED

PAGES = {
    "ask": "pipeline/app_pages/ask.py",
    "timeline": "pipeline/app_pages/timeline.py",
    "graph": "pipeline/app_pages/graph.py",
    "entities": "pipeline/app_pages/entities.py",
    "articles": "pipeline/app_pages/articles.py",
    "ingest": "pipeline/app_pages/ingest.py",
}
MARKUP = "title: <script>alert(1)</script> **markdown**\nlang: en\n\n" + (
    "Alipay *joined* <b>NetsUnion</b> on 30 June 2018 **markdown** [link](http://example.com) $x$ :red[red] "
    "<script>alert(2)</script>.\n"
)
ZH = SHARED / "corpus" / "zh"


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    """The shipped corpus, the Chinese articles of ../shared when present, and a markup article."""
    folder = tmp_path_factory.mktemp("kb")
    markup = folder / "markup.txt"
    markup.write_text(MARKUP, encoding="utf-8")
    path = folder / "kb.sqlite"
    sources = [ROOT / "corpus", markup] + ([ZH] if ZH.is_dir() else [])
    with Store(path) as store:
        report = ingest(sources, store)
    assert not report.failed
    return path


@pytest.fixture
def writable_kb(kb, tmp_path) -> Path:
    """A copy of the module's store for tests that write to it."""
    copy = tmp_path / "kb.sqlite"
    shutil.copy(kb, copy)
    return copy


def open_app(db: Path, page: str | None = None, monkeypatch=None, **query) -> AppTest:
    monkeypatch.setenv("KB_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(PAGES[page]).run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """Everything the markdown elements show, as a reader sees it (tags dropped, references decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", raw(at).replace("<br>", "\n")))


def raw(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def store_of(path: Path) -> Store:
    return Store(path, readonly=True)


# -- every page ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", [p for p in PAGES if p != "ingest"])
def test_app_page_on_empty_path_says_how_to_ingest(db_path, monkeypatch, page):
    at = open_app(db_path, page, monkeypatch)
    assert "kb ingest" in at.warning[0].value and "Ingest" in at.warning[0].value


def test_app_ingest_page_on_empty_path_offers_to_ingest(db_path, monkeypatch):
    at = open_app(db_path, "ingest", monkeypatch)
    assert at.header[0].value == "Ingest"
    assert at.button(key="ing_go").label == "Ingest"
    assert not at.warning


@pytest.mark.parametrize(
    "page, expected",
    [
        ("ask", "When did the Bar Code Payment Business Standards take effect?"),
        ("timeline", "of {entries} entries"),
        ("graph", "{nodes} nodes, {edges} edges"),
        ("entities", "NetsUnion Clearing Corporation"),
        ("articles", "Articles ({articles})"),
        ("ingest", "Unchanged articles are skipped"),
    ],
)
def test_app_page_renders(kb, monkeypatch, page, expected):
    with store_of(kb) as store:
        graph = build_graph(store)
        facts = {"entries": len(timeline(store)), "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                 "articles": store.counts()["articles"]}  # fmt: skip
    at = open_app(kb, page, monkeypatch)
    assert at.header[0].value == page.capitalize()
    everything = " ".join(
        [shown(at), *(c.value for c in at.caption), *(s.value for s in at.subheader), *(b.label for b in at.button)]
    )
    assert expected.format(**facts) in everything


def test_app_opens_on_the_ask_page(kb, monkeypatch):
    at = open_app(kb, None, monkeypatch)
    assert at.header[0].value == "Ask"
    assert "articles: " in " ".join(c.value for c in at.sidebar.caption)


# -- ask ------------------------------------------------------------------------------------


def test_app_ask_shows_the_engines_answer_and_evidence(kb, monkeypatch):
    questions = pytest.importorskip("pipeline.views.questions", reason="the question engine (pipeline.views.questions.ask) is not in this checkout yet")
    at = open_app(kb, "ask", monkeypatch)
    at.button(key="ask_example_0").click().run()
    question = at.text_input(key="q").value
    assert question == "When did the Bar Code Payment Business Standards take effect?"
    with store_of(kb) as store:
        expected = questions.ask(store, question).to_dict()
    text = shown(at)
    assert expected["answer_type"] == "date" and headline(expected)[0] in text
    assert f"Evidence ({len(expected['evidence'])})" in text
    for item in expected["evidence"][:3]:
        assert item["sentence"] in text


def test_app_ask_typed_question_in_chinese(kb, monkeypatch, shared):
    questions = pytest.importorskip("pipeline.views.questions", reason="the question engine is not in this checkout yet")
    at = open_app(kb, "ask", monkeypatch)
    at.text_input(key="q").input("网联什么时候上线？").run()
    assert not at.exception
    with store_of(kb) as store:
        expected = questions.ask(store, "网联什么时候上线？").to_dict()
    assert headline(expected)[0] in shown(at)
    assert "Timeline (" in shown(at)  # the related entries


def test_app_ask_headline_then_details_and_how_sure_in_words(kb, monkeypatch):
    from pipeline.views.questions import ask

    question = "Who issued Document 209?"
    at = open_app(kb, "ask", monkeypatch)
    at.text_input(key="q").input(question).run()
    with store_of(kb) as store:
        expected = ask(store, question).to_dict()
    first, details = headline(expected)
    source = raw(at)
    # The first line is the headline (no giant heading of the whole answer); the rest are details.
    drawn = next(m.value for m in at.markdown if "kb-headline" in m.value)
    assert html.unescape(re.sub(r"<[^>]+>", "", drawn)) == first
    assert not any(m.value.startswith("#") and first[:20] in m.value for m in at.markdown)
    text = shown(at)
    assert all(line in text for line in details if line.strip())
    assert "How sure: " in text and "independent source" in text
    assert "confidence 0." not in text and "events ·" not in text
    # The answer downloads as Markdown, and the address holds the question.
    assert any(d.proto.label == "Download the answer (.md)" for d in at.get("download_button"))
    assert at.query_params["q"] == question
    assert 'href="ask?q=Who%20issued%20Document%20209%3F"' in html.unescape(source)


def test_app_ask_keeps_a_history_of_the_session(kb, monkeypatch):
    at = open_app(kb, "ask", monkeypatch)
    at.button(key="ask_example_0").click().run()
    at.button(key="ask_example_1").click().run()
    assert at.expander[0].label == "Asked in this session (2)"
    assert [at.button(key=f"ask_history_{i}").label for i in range(2)] == [
        "Who issued Document 209?", "When did the Bar Code Payment Business Standards take effect?"]  # fmt: skip
    at.button(key="ask_history_1").click().run()
    assert at.text_input(key="q").value == "When did the Bar Code Payment Business Standards take effect?"
    assert at.button(key="ask_history_0").label == "When did the Bar Code Payment Business Standards take effect?"


def test_app_ask_question_from_the_address(kb, monkeypatch):
    from pipeline.views.questions import ask

    question = "网联和支付宝什么时候宣布合作？"
    at = open_app(kb, None, monkeypatch, q=question)
    assert at.text_input(key="q").value == question
    with store_of(kb) as store:
        expected = ask(store, question).to_dict()
    assert headline(expected)[0] in shown(at)
    # Typing another question is not overridden by the link's.
    at.text_input(key="q").input("Who issued Document 209?").run()
    assert at.text_input(key="q").value == "Who issued Document 209?"
    # (the address follows the box in the browser: test_app_browser asks a second question)


# -- timeline -------------------------------------------------------------------------------


def opening_view(store, **filters):
    """What the Timeline page lists before its date range is touched: the busiest span, undated entries too."""
    everything = timeline(store)
    start, end = default_period(everything)
    return timeline(store, date_from=start, date_to=end, keep_undated=True, **filters)


@pytest.mark.parametrize("factuality", ["reported", "required"])
def test_app_timeline_filters_by_factuality(kb, monkeypatch, factuality):
    at = open_app(kb, "timeline", monkeypatch)
    at.multiselect(key="tl_facts").select(factuality).run()
    with store_of(kb) as store:
        expected = opening_view(store, factuality={factuality})
    assert at.caption[0].value.startswith(f"{len(expected)} of ")
    assert set(at.dataframe[0].value["factuality"]) == {factuality}


def test_app_timeline_filters_by_entity_and_shows_sources(kb, monkeypatch):
    at = open_app(kb, "timeline", monkeypatch)
    at.multiselect(key="tl_entities").select("alipay").run()
    with store_of(kb) as store:
        expected = opening_view(store, entity_ids={"alipay"})
    assert at.caption[0].value.startswith(f"{len(expected)} of ")
    first = expected[0]
    text = shown(at)
    assert first.summary in text and sources_phrase(first.sources) in text
    assert first.summary_zh and first.summary_zh in text  # the Chinese sentence beside the English one
    assert first.sources[0]["sentence"] in text
    assert list(at.dataframe[0].value["in Chinese"]) == [e.summary_zh for e in expected]


def test_app_timeline_opens_on_the_busiest_years(kb, monkeypatch):
    with store_of(kb) as store:
        everything = timeline(store)
    oldest = min(e.date for e in everything if e.date)
    at = open_app(kb, "timeline", monkeypatch)
    start, end = at.date_input(key="tl_period").value
    assert (start.isoformat(), end.year) == ("2017-01-01", 2018) and oldest < "2017"
    assert "outside the date range" in at.caption[0].value and "undated, listed below the chart" in at.caption[0].value
    at.checkbox(key="tl_undated").uncheck().run()
    assert all(d != "undated" for d in at.dataframe[0].value["date"])


@pytest.mark.parametrize("text", ["unionpay", "网联", "Internet Federation"])
def test_app_timeline_searches_summaries_and_sources(kb, monkeypatch, text):
    at = open_app(kb, "timeline", monkeypatch)
    at.text_input(key="tl_search").input(text).run()
    with store_of(kb) as store:
        expected = search(opening_view(store), text)
    assert expected and at.caption[0].value.startswith(f"{len(expected)} of ")
    assert list(at.dataframe[0].value["id"]) == [e.id for e in expected]


def test_app_timeline_downloads_the_filtered_view(kb, monkeypatch):
    at = open_app(kb, "timeline", monkeypatch)
    at.multiselect(key="tl_entities").select("alipay").run()
    labels = {d.proto.label for d in at.get("download_button")}
    assert {"Download CSV", "Download TimelineJS"} <= labels


def test_app_timeline_entry_shows_its_conflict(kb, monkeypatch):
    with store_of(kb) as store:
        conflicted = next(e for e in timeline(store) if e.conflict)
    at = open_app(kb, "timeline", monkeypatch)
    at.selectbox(key="tl_entry_None").select(conflicted.id).run()
    assert any("Conflicting reports" in w.value for w in at.warning)
    assert conflicted.conflict_reasons[0] in html.unescape(" ".join(w.value for w in at.warning))


def test_app_timeline_labels_the_important_marks_and_keeps_the_last_day_inside(kb, monkeypatch):
    import json

    from pipeline.views.timeline import labelled, short_summary

    at = open_app(kb, "timeline", monkeypatch)
    with store_of(kb) as store:
        view = [e for e in opening_view(store) if e.date]
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "point", "text"]
    data = b"".join(d.data.data for d in chart.proto.datasets)
    chosen = labelled(view, 10)
    assert 0 < len(chosen) <= 10
    assert all(short_summary(e.summary).encode() in data for e in view if e.id in chosen)
    # The last day's dot is drawn whole: the axis ends after it.
    last = max(e.date_end or e.date for e in view)
    domain = spec["layer"][1]["encoding"]["x"]["scale"]["domain"]
    assert domain[0] < min(e.date for e in view) and domain[1] > last


def test_labelled_prefers_independent_sources_and_short_summaries_cut_at_a_word():
    from pipeline.views.timeline import Entry, labelled, short_summary

    def entry(i, sources, fact="asserted"):
        rows = [{"article_id": a, "repost": r} for a, r in sources]
        return Entry(id=i, date="2018-01-0%d" % i, date_end=None, display_date="", granularity="day", type="connect",
                     category="", summary="", actors=[], targets=[], document=None, factuality=fact, conflict=False,
                     conflict_reasons=[], sources=rows)  # fmt: skip

    two_originals = entry(1, [(1, False), (2, False)])
    reposted = entry(2, [(3, False), (4, True), (5, True)])
    one = entry(3, [(6, False)], "speculative")
    assert labelled([one, reposted, two_originals], 1) == {1}
    assert labelled([one, reposted, two_originals], 2) == {1, 2}
    assert short_summary("NetsUnion Clearing Corporation and Alipay announced cooperation") == "NetsUnion Clearing Corporation…"
    assert short_summary("Alipay connected") == "Alipay connected"


def test_app_timeline_date_range(kb, monkeypatch):
    at = open_app(kb, "timeline", monkeypatch)
    at.date_input(key="tl_period").set_value((dt.date(2018, 1, 1), dt.date(2018, 6, 1))).run()
    with store_of(kb) as store:
        expected = timeline(store, date_from=dt.date(2018, 1, 1), date_to=dt.date(2018, 6, 1), keep_undated=True)
    assert at.caption[0].value.startswith(f"{len(expected)} of ")


# -- graph ----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1, 2])
def test_app_graph_neighbourhood(kb, monkeypatch, depth):
    at = open_app(kb, "graph", monkeypatch)
    at.selectbox(key="graph_centre").select("alipay").run()
    at.slider(key="graph_depth").set_value(depth).run()
    with store_of(kb) as store:
        graph = build_graph(store, entity_id="alipay", depth=depth)
    assert any(c.value.startswith(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges") for c in at.caption)


def test_app_graph_period(kb, monkeypatch):
    at = open_app(kb, "graph", monkeypatch)
    years = at.select_slider(key="graph_period").options
    assert len(years) > 1 and at.select_slider(key="graph_period").value == (years[0], years[-1])
    at.select_slider(key="graph_period").set_value(("2018", "2018")).run()
    assert not at.exception
    with store_of(kb) as store:
        whole = build_graph(store)
        graph = build_graph(store, date_from=dt.date(2018, 1, 1), date_to=dt.date(2018, 12, 31))
    assert graph.number_of_edges() < whole.number_of_edges()
    assert any(c.value.startswith(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges") for c in at.caption)


def test_app_graph_edge_shows_its_evidence_and_offers_every_export(kb, monkeypatch):
    from pipeline.export import EXPORTERS

    at = open_app(kb, "graph", monkeypatch)
    picker = at.selectbox(key="graph_edge_None_1")
    with store_of(kb) as store:
        edges = list(build_graph(store).edges(data=True))
    index = next(i for i, (_, _, d) in enumerate(edges) if any(s.get("sentence") for s in d["sources"]))
    picker.select(index).run()
    sentence = next(s["sentence"] for s in edges[index][2]["sources"] if s.get("sentence"))
    assert sentence in shown(at)
    downloads = at.get("download_button")
    labels = " ".join(str(d.proto.label) for d in downloads)
    for fmt in EXPORTERS:
        assert f"({fmt})" in labels
    assert len(downloads) >= len(EXPORTERS)


# -- entities -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Alipay", "支付宝"])
def test_app_entities_search_and_profile(kb, monkeypatch, query):
    at = open_app(kb, "entities", monkeypatch)
    at.text_input(key="ent_search").input(query).run()
    assert at.selectbox(key="ent_pick_None").value == "alipay"
    text = shown(at)
    assert "Alipay / 支付宝" in text
    assert "Part of" in text and "Ant Financial" in text
    assert "Events (" in text and "Relations (" in text and "Best sentences" in text


@pytest.mark.parametrize("rows, shown", [(1, 1), (6, 6), (18, 18), (300, 18)])
def test_app_entities_list_shows_more_rows(rows, shown):
    from pipeline.app_pages.entities import ROW_PIXELS, list_height

    assert list_height(rows) == ROW_PIXELS * (shown + 1) + 3  # a header and `shown` rows, before it scrolls
    assert list_height(300) > 2 * 260  # the old list showed about 6 rows


def test_app_entities_chart_axis_shows_years(kb, monkeypatch):
    at = open_app(kb, "entities", monkeypatch, entity="alipay")
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert specs and all('"format": "%b %Y"' in spec or '"format":"%b %Y"' in spec for spec in specs)


def test_app_entities_profile_from_a_link(kb, monkeypatch):
    at = open_app(kb, "entities", monkeypatch, entity="pboc")
    assert "People's Bank of China / 中国人民银行" in shown(at)


def test_app_entities_merge_split_and_undo_ask_for_confirmation(writable_kb, monkeypatch):
    at = open_app(writable_kb, "entities", monkeypatch, entity="alipay")
    assert at.selectbox(key="ent_pick_alipay").value == "alipay"  # the profile the link opened

    def logged():
        with store_of(writable_kb) as store:
            return store.judgement_log()

    # The merge form defaults to no entity: a click alone merges nothing.
    merge_box = next(s for s in at.selectbox if s.label == "Fold this entity into the profile's")
    assert merge_box.value is None
    next(b for b in at.button if b.label == "Merge").click().run()
    assert "Choose the entity to fold into this one first." in [w.value for w in at.warning]
    assert logged() == []

    split_box = next(s for s in at.selectbox if s.label == "Spelling to move to an entity of its own")
    split_box.select("Alipay")
    at.text_input(key="ent_split_name").input("Alipay Wallet")
    next(b for b in at.button if b.label == "Split").click().run()
    assert not at.exception
    assert any("to a new entity, Alipay Wallet" in w.value for w in at.warning)
    assert logged() == []  # not before it is confirmed
    at.button(key="ent_cancel").click().run()
    assert logged() == [] and not any("to a new entity" in w.value for w in at.warning)

    split_box = next(s for s in at.selectbox if s.label == "Spelling to move to an entity of its own")
    split_box.select("Alipay")
    at.text_input(key="ent_split_name").input("Alipay Wallet")
    next(b for b in at.button if b.label == "Split").click().run()
    at.button(key="ent_confirm").click().run()
    assert not at.exception
    assert "Split" in at.success[0].value
    [split] = logged()
    assert (split["action"], split["entity_id"], split["alias"]) == ("split", "alipay", "Alipay")
    with store_of(writable_kb) as store:  # named after what the analyst typed
        assert store.conn.execute("SELECT name FROM entity WHERE id = ?", (split["other"],)).fetchone()[0] == "Alipay Wallet"
    assert "Judgement log (1)" in shown(at)

    # Undone from the app, confirmed: the log keeps both the judgement and that it was undone.
    at.selectbox(key="ent_undo_id").select(split["id"])
    next(b for b in at.button if b.label == "Undo").click().run()
    assert logged()[0]["undone_at"] is None
    at.button(key="ent_confirm").click().run()
    assert not at.exception
    assert f"Took back judgement {split['id']} (split)" in at.success[0].value
    [row] = logged()
    assert row["id"] == split["id"] and row["undone_at"]
    with store_of(writable_kb) as store:
        assert store.judgements() == []
        assert store.conn.execute("SELECT COUNT(*) FROM entity WHERE id = ?", (split["other"],)).fetchone()[0] == 0


# -- Chinese evidence -------------------------------------------------------------------------


def test_app_chinese_evidence_shows_english_names(kb, monkeypatch, shared):
    """Beside a Chinese sentence, the English names of the entities it mentions: in the Ask
    evidence, in the timeline entry's sources and under an article's paragraphs."""
    at = open_app(kb, "ask", monkeypatch)
    at.text_input(key="q").input("网联是什么？").run()
    assert not at.exception
    assert re.search(r"In English: [^\n]*网联 = NetsUnion Clearing Corporation", shown(at))

    with store_of(kb) as store:
        chinese = next(e for e in opening_view(store, entity_ids={"netsunion"}) if any("网联" in s["sentence"] for s in e.sources))
    at = open_app(kb, "timeline", monkeypatch)
    at.multiselect(key="tl_entities").select("netsunion").run()
    at.selectbox(key="tl_entry_None").select(chinese.id).run()
    assert not at.exception
    assert re.search(r"In English: [^\n]*= NetsUnion Clearing Corporation", shown(at))

    at = open_app(kb, "articles", monkeypatch)
    at.multiselect(key="art_langs").set_value(["zh"]).run()
    assert not at.exception
    text = shown(at)
    assert "In English:" in text and "= NetsUnion Clearing Corporation" in text
    # English articles have none.
    at.multiselect(key="art_langs").set_value(["en"]).run()
    assert "In English:" not in shown(at)


# -- articles -------------------------------------------------------------------------------


def test_app_articles_reader_shows_markup_as_text(kb, monkeypatch):
    at = open_app(kb, "articles", monkeypatch)
    at.text_input(key="art_search").input("script").run()
    assert at.subheader[0].value == "Articles (1)"
    source = raw(at)
    # Markup in an article is escaped, so it shows as text rather than acting.
    assert "<script>" not in source and "<b>" not in source and "**markdown**" not in source and "$x$" not in source
    text = shown(at)
    assert "<script>alert(1)</script> **markdown**" in text
    assert "Alipay *joined* <b>NetsUnion</b>" in text and "[link](http://example.com) $x$ :red[red]" in text


def test_app_articles_reader_marks_entities_and_dates(kb, monkeypatch):
    at = open_app(kb, "articles", monkeypatch)
    at.text_input(key="art_search").input("Internet Federation").run()
    source = html.unescape(raw(at))
    assert 'class="kb-entity" href="entities?entity=alipay"' in source
    assert re.search(r'class="kb-date" title="DATE 2018-09-13"[^>]*>September 13th<', source)


def test_app_articles_opens_at_the_cited_sentence(kb, monkeypatch):
    with store_of(kb) as store:
        article = next(a for a in store.articles() if a["title"] and a["title"].startswith("Alipay has entered"))
        sentence = store.sentences(article["id"])[5]
    at = open_app(kb, "articles", monkeypatch, article=str(article["id"]), sentence=str(sentence["idx"]))
    cited = re.search(r'<span id="kb-cited" class="kb-cited"[^>]*>(.*?)</span>(?= |<|$)', raw(at))
    assert cited and html.unescape(re.sub(r"<[^>]+>", "", cited.group(1))) == sentence["text"]
    assert raw(at).count('id="kb-cited"') == 1
    assert any("yellow frame" in c.value for c in at.caption)
    # The date line says where the date came from, in words, with its evidence.
    assert 'date inferred from the text: lead date "September 13th"' in shown(at)


def test_app_evidence_links_open_the_article_at_its_sentence(kb, monkeypatch):
    at = open_app(kb, "ask", monkeypatch)
    at.button(key="ask_example_0").click().run()
    assert re.search(r'href="articles\?article=\d+&sentence=\d+"', raw(at))
    at = open_app(kb, "timeline", monkeypatch)
    assert re.search(r'href="articles\?article=\d+&sentence=\d+"', raw(at))


def test_app_articles_source_address_is_a_link(writable_kb, monkeypatch, write):
    article = write("dated.txt", "title: Tenpay joins\ndate: 2018-04-02\nurl: https://news.example.com/2018/04/02/tenpay\n\n"
                                 "Tenpay connected to NetsUnion in April 2018.")  # fmt: skip
    with Store(writable_kb) as store:
        ingest([article], store)
    at = open_app(writable_kb, "articles", monkeypatch)
    at.text_input(key="art_search").input("Tenpay joins").run()
    source = html.unescape(raw(at))
    assert re.search(r'<a class="kb-url" href="https://news.example.com/2018/04/02/tenpay" target="_blank" rel="noopener noreferrer"', source)
    assert '2018-04-02: date from the page\'s metadata: header date "2018-04-02"' in shown(at)


@pytest.mark.parametrize("choice, count", [("originals only", 5), ("reposts only", 0)])
def test_app_articles_duplicates_filter(kb, monkeypatch, shared, choice, count):
    at = open_app(kb, "articles", monkeypatch)
    at.radio(key="art_copies").set_value(choice).run()
    assert at.subheader[0].value == f"Articles ({count})"


def test_app_articles_language_filter(kb, monkeypatch, shared):
    at = open_app(kb, "articles", monkeypatch)
    at.multiselect(key="art_langs").set_value(["zh"]).run()
    assert at.subheader[0].value == "Articles (3)"
    assert set(at.dataframe[0].value["lang"]) == {"zh"}


def test_app_saves_the_views_a_page_built_for_the_next_process(kb, monkeypatch):
    views = kb.parent / f"{kb.name}.views"
    shutil.rmtree(views, ignore_errors=True)
    st.cache_resource.clear()  # a new process: nothing built yet
    open_app(kb, "timeline", monkeypatch)
    assert not saved_views._queued  # app.py handed them to a saving thread once the page was drawn
    saved_views.wait()
    assert "entries" in {p.name.split("-")[0] for p in views.iterdir()}


# -- ingest ---------------------------------------------------------------------------------


@pytest.fixture
def local_app(monkeypatch, tmp_path):
    """The app as `make app` serves it: on 127.0.0.1, reading folders under tmp_path only."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    monkeypatch.setenv("KB_INGEST_ROOTS", str(tmp_path))
    monkeypatch.delenv("KB_INGEST_FOLDERS", raising=False)
    yield
    config.set_option("server.address", before)


def test_app_ingest_folder_reports_errors_and_refreshes_views(db_path, write, monkeypatch, local_app):
    folder = write("news/good.txt", "title: Tenpay joins\ndate: 2018-04-02\n\nTenpay connected to NetsUnion in April 2018.").parent
    write("news/scan.txt", b"%PDF-1.4 binary")
    at = open_app(db_path, "ingest", monkeypatch)
    at.text_input(key="ing_folder").input(str(folder))
    at.button(key="ing_go").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ingested"] == "1" and metrics["failed"] == "1"
    assert "scan.txt" in " ".join(at.dataframe[0].value["source"])
    # The views the pages read first were built and saved for the new state of the store.
    saved = {p.name.split("-")[0] for p in (db_path.parent / f"{db_path.name}.views").iterdir()}
    assert saved == {"entries", "entity_stats", "media_reports"}
    at.switch_page(PAGES["articles"]).run()
    assert at.subheader[0].value == "Articles (1)"


def test_app_ingest_uploads_are_kept_by_content(db_path, monkeypatch):
    at = open_app(db_path, "ingest", monkeypatch)
    uploads = [
        ("tenpay.txt", b"title: Tenpay joins\ndate: 2018-04-02\n\nTenpay connected to NetsUnion in April 2018.", "text/plain"),
        ("scan.txt", b"%PDF-1.4 binary", "text/plain"),
    ]
    at.file_uploader(key="ing_files").set_value(uploads).run()
    at.button(key="ing_go").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["ingested"], metrics["failed"]) == ("1", "1")
    at.button(key="ing_go").click().run()  # the same upload again changes nothing
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["ingested"], metrics["unchanged"]) == ("0", "1")
    # Another file that happens to have the same name is another article: the first stays.
    other = b"title: PBOC orders\ndate: 2017-08-04\n\nThe People's Bank of China ordered institutions to connect to NetsUnion."
    at.file_uploader(key="ing_files").set_value([("tenpay.txt", other, "text/plain")]).run()
    at.button(key="ing_go").click().run()
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["ingested"], metrics["updated"]) == ("1", "0")
    with store_of(db_path) as store:
        rows = store.articles()
        assert sorted(r["title"] for r in rows) == ["PBOC orders", "Tenpay joins"]
        assert all(Path(r["path"]).is_file() and Path(r["path"]).name == "tenpay.txt" for r in rows)


def test_app_ingest_folder_outside_the_roots_is_refused(db_path, monkeypatch, local_app, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "secret.txt").write_text("title: secret\n\nTenpay connected to NetsUnion in April 2018.")
    at = open_app(db_path, "ingest", monkeypatch)
    assert any("Only folders under" in c.value for c in at.caption)
    for given in (str(outside), "/"):
        at.text_input(key="ing_folder").input(given)
        at.button(key="ing_go").click().run()
        assert not at.exception
        assert "the app reads only folders under" in at.error[0].value
        assert not at.metric
    assert not db_path.exists() or not store_of(db_path).articles()


def test_app_ingest_folder_box_off_beyond_loopback(db_path, monkeypatch, tmp_path):
    from streamlit import config

    monkeypatch.setenv("KB_INGEST_ROOTS", str(tmp_path))
    monkeypatch.delenv("KB_INGEST_FOLDERS", raising=False)
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = open_app(db_path, "ingest", monkeypatch)
        assert at.text_input(key="ing_folder").disabled
        assert any("Reading folders on the server is off" in c.value for c in at.caption)
        monkeypatch.setenv("KB_INGEST_FOLDERS", "1")
        at = open_app(db_path, "ingest", monkeypatch)
        assert not at.text_input(key="ing_folder").disabled
    finally:
        config.set_option("server.address", before)


def test_app_ask_question_box_holds_at_most_the_limit(kb, monkeypatch):
    at = open_app(kb, "ask", monkeypatch)
    at.session_state["q"] = "Why " * 1_000
    at.run()
    assert not at.exception
    assert len(at.text_input(key="q").value) == 500


def test_app_example_questions_are_answered_on_the_shipped_corpus(tmp_path):
    """The Ask page offers these to a new user, whose store holds only corpus/: none may be refused."""
    from pipeline.app_pages.ask import EXAMPLES
    from pipeline.views.questions import ask

    with Store(tmp_path / "kb.sqlite") as store:
        ingest([ROOT / "corpus"], store)
        for question in EXAMPLES:
            assert ask(store, question).answer_type != "refused", question
