"""Re-running is safe: unchanged articles are skipped, edited ones replace their facts."""

from pipeline.ingest import ingest
from pipeline.store import NEAR_DUPLICATE_CANDIDATES
from tests.conftest import FOUNDING

STORY = "title: t\n\nIn April 27th, it was reported that Alipay had access to the UnionPay. On the evening of the same day, UnionPay denied it."


def test_ingest_twice_changes_nothing(fresh_store):
    first = ingest([FOUNDING], fresh_store)
    snapshot = (fresh_store.articles(), fresh_store.counts())
    again = ingest([FOUNDING], fresh_store)
    assert (first.ingested, again.ingested, again.unchanged) == (1, 0, 1)
    assert (fresh_store.articles(), fresh_store.counts()) == snapshot


def test_ingest_edited_article_replaces_old_version_and_facts(fresh_store, write):
    path = write("story.txt", STORY)
    ingest([path], fresh_store)
    [before] = fresh_store.articles()
    path.write_text(STORY.replace("April 27th", "May 3rd") + " Alipay later connected to NetsUnion.")
    report = ingest([path], fresh_store)
    assert (report.updated, report.ingested) == (1, 0)
    [after] = fresh_store.articles()
    assert after["id"] == before["id"]
    texts = [s["text"] for s in fresh_store.sentences(after["id"])]
    assert texts[0] == "In May 3rd, it was reported that Alipay had access to the UnionPay."
    assert texts[-1] == "Alipay later connected to NetsUnion."
    assert fresh_store.counts()["sentences"] == 3


def test_ingest_metadata_change_is_an_update(fresh_store, write):
    path = write("story.txt", STORY)
    ingest([path], fresh_store)
    path.write_text(STORY.replace("title: t", "title: t\ndate: 2018-09-13"))
    assert ingest([path], fresh_store).updated == 1
    assert fresh_store.articles()[0]["date"] == "2018-09-13"


def test_ingest_exact_repost_is_a_duplicate(fresh_store, write):
    ingest([write("a/story.txt", STORY)], fresh_store)
    report = ingest([write("b/repost.txt", STORY)], fresh_store)
    assert (report.ingested, report.duplicates) == (0, 1)
    original, copy = sorted(fresh_store.articles(), key=lambda r: r["id"])
    assert copy["duplicate_of"] == original["id"] and original["duplicate_of"] is None


def test_ingest_near_repost_is_a_duplicate_a_different_story_is_not(fresh_store, write):
    ingest([FOUNDING], fresh_store)
    text = FOUNDING.read_text()
    repost = text.replace("Our reporter Xie Shui Wang reports from Shanghai.", "Reposted from the 21st Century Business Herald.")
    other = "title: other\n\nNetsUnion began a grey launch test at the end of March 2017, with a single centre in Beijing."
    report = ingest([write("repost.txt", repost), write("other.txt", other)], fresh_store)
    assert (report.duplicates, report.ingested) == (1, 1)
    rows = {r["title"]: r for r in fresh_store.articles()}
    assert rows["other"]["duplicate_of"] is None


def test_ingest_repeated_paragraphs_are_marked(fresh_store):
    ingest([FOUNDING], fresh_store)
    sentences = fresh_store.sentences(fresh_store.articles()[0]["id"])
    repeats = [s for s in sentences if s["repeat_of"] is not None]
    # The article's last three paragraphs repeat the end of an earlier one, sentence by sentence.
    assert len(repeats) == 7
    for s in repeats:
        original = sentences[s["repeat_of"]]
        assert s["text"] in original["text"] and original["repeat_of"] is None


def test_near_repost_lookup_reads_the_band_indexes_not_every_article(fresh_store):
    # A scan of every article of the language grew the cost of each new article with the store.
    plan = fresh_store.conn.execute(f"EXPLAIN QUERY PLAN {NEAR_DUPLICATE_CANDIDATES}", ("en", 1) * 4 + ("key",)).fetchall()
    steps = " | ".join(row["detail"] for row in plan)
    assert "MULTI-INDEX OR" in steps
    assert all(f"article_band{i} (lang=? AND band{i}=?)" in steps for i in range(4)), steps


def test_reingest_json_items_without_id_known_by_their_words(fresh_store, write):
    import json

    items = [{"title": "Press release", "text": "Tenpay connected to NetsUnion in April 2018."},
             {"title": "Press release", "text": "UnionPay denied that Alipay had connected on 27 April 2018."}]  # fmt: skip
    path = write("list.json", json.dumps(items))
    first = ingest([path], fresh_store)
    assert (first.ingested, first.updated) == (2, 0)  # one title, two articles
    items.insert(0, {"text": "The People's Bank of China ordered the disconnection in August 2017."})
    path.write_text(json.dumps(items))
    again = ingest([path], fresh_store)
    assert (again.ingested, again.unchanged, again.updated) == (1, 2, 0)
    assert len(fresh_store.articles()) == 3


def test_ingest_report_names_what_became_of_each_article(fresh_store, write):
    story = write("story.txt", STORY)
    first = ingest([story], fresh_store)
    [stored] = fresh_store.articles()
    assert first.articles == [{"where": str(story), "outcome": "ingested", "article_id": stored["id"]}]
    story.write_text(STORY + " Alipay later connected to NetsUnion.")
    copy = write("copy.txt", story.read_text().replace("title: t", "title: c"))  # a repost of the edited story
    second = ingest([story, copy], fresh_store)
    copied = next(a["id"] for a in fresh_store.articles() if a["title"] == "c")
    assert sorted((a["where"], a["outcome"], a["article_id"]) for a in second.articles) == sorted(
        [(str(story), "updated", stored["id"]), (str(copy), "duplicate", copied)]
    )
    assert ingest([story], fresh_store).articles == [{"where": str(story), "outcome": "unchanged", "article_id": stored["id"]}]
    assert "articles" not in second.to_dict()  # kb ingest --json keeps its counts
