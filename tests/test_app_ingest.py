"""The Ingest page's web addresses and pasted texts, driven headless with streamlit.testing:
each source's result, the links to the articles and timeline entries a batch wrote, the
sidebar's counts after a batch, and the timeline page opened at a linked entry."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from pipeline.store import Store
from pipeline.views.timeline import build_entries
from tests.test_app import open_app

STORY = "On {day}, Alipay and Tenpay connected to NetsUnion.\n\nThe move ends their direct connections with banks."


def sidebar_counts(at) -> str:
    return next(c.value for c in at.sidebar.caption if c.value.startswith("articles:"))


def links(at, css_class: str) -> list[tuple[str, str]]:
    """(href, text) of the links of this class the page's markdown draws."""
    found = []
    for block in (m.value for m in at.markdown):
        for href, text in re.findall(rf'<a class="{css_class}" href="([^"]+)"[^>]*>(.*?)</a>', block):
            found.append((html.unescape(href), html.unescape(text)))
    return found


def paste(at, text: str, **fields):
    at.text_area(key="ing_text").input(text)
    if "title" in fields:
        at.text_input(key="ing_title").input(fields["title"])
    if "day" in fields:
        at.date_input(key="ing_date").set_value(fields["day"])
    return at.button(key="ing_paste").click().run()


@pytest.mark.parametrize("day, expected", [("15 March 2019", "2019-03-15"), ("2 November 2020", "2020-11-02")])
def test_app_ingest_pasted_text_is_an_article_and_its_events_dated_from_the_text(db_path, monkeypatch, day, expected):
    at = open_app(db_path, "ingest", monkeypatch)
    paste(at, STORY.format(day=day), title="Wallets move to NetsUnion", day=dt.date(2021, 1, 5))
    assert not at.exception, at.exception
    with Store(db_path, readonly=True) as store:
        [article] = store.articles()
        entries = build_entries(store)
    assert (article["title"], article["date"], article["date_source"]) == ("Wallets move to NetsUnion", "2021-01-05", "metadata")
    assert [e.date for e in entries] == [expected]  # the event's day comes from the text, not from the form
    assert links(at, "kb-article") == [(f"articles?article={article['id']}", "Wallets move to NetsUnion")]
    assert [href for href, _ in links(at, "kb-entry")] == [f"timeline?entry={entries[0].id}"]
    assert any("kb-entry" in m.value and "new entry" in m.value for m in at.markdown)
    assert sidebar_counts(at).startswith("articles: 1 ")  # drawn again after the batch
    assert at.dataframe[0].value["result"].tolist() == ["ingested"]
    assert at.dataframe[0].value["source"].tolist() == ["pasted text “Wallets move to NetsUnion”"]


def test_app_ingest_empty_paste_says_so_and_stores_nothing(db_path, monkeypatch):
    at = open_app(db_path, "ingest", monkeypatch)
    paste(at, "  \n\n ")
    assert not at.exception
    assert "no text to ingest" in at.warning[0].value
    assert not db_path.exists() or not Store(db_path, readonly=True).articles()


def test_app_ingest_addresses_each_named_with_its_result(db_path, monkeypatch, news_site):
    good, missing = news_site.base + "/news/netsunion-routing", news_site.base + "/news/gone"
    at = open_app(db_path, "ingest", monkeypatch)
    at.number_input(key="ing_delay").set_value(0.0)
    at.text_area(key="ing_urls").input(f"{missing}\n\n# a comment\n{good}\n{good}\n")
    at.button(key="ing_fetch").click().run()
    assert not at.exception, at.exception
    results = at.dataframe[0].value
    assert results["source"].tolist() == [missing, good]  # in the order given, each once
    assert results["result"].tolist() == ["failed", "ingested"]
    assert "404" in results["detail"][0]
    assert "1 could not be ingested" in at.error[0].value
    with Store(db_path, readonly=True) as store:
        [article] = store.articles()
    assert links(at, "kb-article") == [(f"articles?article={article['id']}", "Wallets now pay through NetsUnion")]
    assert sidebar_counts(at).startswith("articles: 1 ")
    # Again: the page is asked for with its validators and comes back unchanged.
    at.button(key="ing_fetch").click().run()
    assert at.dataframe[0].value["result"].tolist() == ["failed", "unchanged"]
    assert not links(at, "kb-article")


def test_app_ingest_without_addresses_says_so(db_path, monkeypatch):
    at = open_app(db_path, "ingest", monkeypatch)
    at.text_area(key="ing_urls").input("# only a comment\n")
    at.button(key="ing_fetch").click().run()
    assert "one web address a line" in at.warning[0].value


def test_app_timeline_opens_at_the_linked_entry(db_path, monkeypatch, write):
    from pipeline.ingest import ingest

    older = write("old.txt", "title: old\n\nOn 15 March 2010, UnionPay denied that Alipay had access to its network.")
    newer = write("new.txt", "title: new\n\nOn 4 August 2017, Tenpay connected to NetsUnion. " + STORY.format(day="2 May 2018"))
    with Store(db_path) as store:
        ingest([older, newer], store)
        entries = build_entries(store)
    assert len(entries) == 4  # the denial, the connection it denies (to UnionPay's network), two connections
    for entry in [e for e in entries[1:] if e.date]:  # not the first: the page shows that one unasked
        at = open_app(db_path, "timeline", monkeypatch, entry=str(entry.id))
        assert not at.exception, at.exception
        assert at.selectbox[0].value == entry.id
        assert not at.info
    # Filtered out, the linked entry is still shown, and said to be outside the filters.
    other = next(e.type for e in entries if e.type != entry.type)
    at.multiselect(key="tl_types").set_value([other]).run()
    assert "The linked entry is outside these filters" in at.info[0].value
    assert any(entry.summary in html.unescape(m.value) for m in at.markdown)
