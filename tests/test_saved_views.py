"""Views saved beside the store: a new process reads them back, and any write makes them stale."""

import logging

import pytest

from pipeline import saved_views
from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views import timeline
from pipeline.views.timeline import build_entries
from tests.test_timeline import STORY


def entries_in_a_new_process(db_path):
    """What a new process (a fresh connection, nothing memoised) gets."""
    with Store(db_path, readonly=True) as store:
        return [entry.to_dict() for entry in build_entries(store)]


@pytest.fixture
def built(db_path, write):
    """A store on disk with one article, whose entries were built and saved."""
    path = write("story.txt", STORY)
    with Store(db_path) as store:
        ingest([path], store)
        entries = [entry.to_dict() for entry in build_entries(store)]
    saved_views.wait()
    return path, entries


def test_saved_entries_are_read_back_not_built_again(db_path, built, monkeypatch):
    _, entries = built
    assert [p.name.split("-")[0] for p in (db_path.parent / "kb.sqlite.views").iterdir()] == ["entries"]
    monkeypatch.setattr(timeline, "_build_entries", lambda store: pytest.fail("built again"))
    assert entries_in_a_new_process(db_path) == entries


def test_an_edited_article_makes_the_saved_entries_stale(db_path, built):
    path, entries = built
    assert ("connect", "2018-04-27") in {(e["type"], e["value"]) for e in entries}
    path.write_text(STORY.replace("In April 27th", "In March 3rd"))
    with Store(db_path) as store:
        ingest([path], store)
    moved = {(e["type"], e["value"]) for e in entries_in_a_new_process(db_path)}
    assert ("connect", "2018-03-03") in moved and ("connect", "2018-04-27") not in moved


def test_re_ingesting_an_unchanged_corpus_keeps_the_saved_entries(db_path, built, monkeypatch):
    path, entries = built
    with Store(db_path) as store:
        before = store.generation()
        assert ingest([path], store).unchanged == 1
        assert store.generation() == before  # nothing written, not even the entity table
    monkeypatch.setattr(timeline, "_build_entries", lambda store: pytest.fail("built again"))
    assert entries_in_a_new_process(db_path) == entries


def test_an_analyst_judgement_makes_the_saved_entries_stale(db_path, built):
    with Store(db_path) as store:
        before = store.generation()
        store.add_judgement("merge", "alipay", "unionpay")
        assert store.generation() == before + 1


def test_a_damaged_saved_view_is_built_again(db_path, built, caplog):
    _, entries = built
    [saved] = (db_path.parent / "kb.sqlite.views").iterdir()
    saved.write_text('[{"id": 1, "cut short')
    with caplog.at_level(logging.WARNING):
        assert entries_in_a_new_process(db_path) == entries
    assert "unreadable saved view" in caplog.text



def _kinds(db_path) -> set[tuple[str, str]]:
    return {(e["type"], e["value"]) for e in entries_in_a_new_process(db_path)}


def test_a_restored_backup_written_to_as_often_never_reads_the_other_views(db_path, built, write, tmp_path):
    import shutil

    backup = tmp_path / "backup.sqlite"
    shutil.copy(db_path, backup)  # a backup of the store as `built` left it (WAL checkpointed on close)
    may = write("may.txt", "title: May\ndate: 2018-05-20\n\nTenpay connected to NetsUnion on 20 May 2018.")
    with Store(db_path) as store:
        ingest([may], store)
        generation = store.generation()
    assert ("connect", "2018-05-20") in _kinds(db_path)  # built and saved for this content
    saved_views.wait()
    shutil.copy(backup, db_path)  # restored; then as many writes, of other words
    june = write("june.txt", "title: June\ndate: 2018-06-30\n\nTenpay connected to UnionPay on 30 June 2018.")
    with Store(db_path) as store:
        ingest([june], store)
        assert store.generation() == generation
    kinds = _kinds(db_path)
    assert ("connect", "2018-06-30") in kinds and ("connect", "2018-05-20") not in kinds


def test_a_row_edited_by_hand_makes_the_saved_entries_stale(db_path, built):
    import sqlite3

    _, entries = built
    assert ("connect", "2018-04-27") in _kinds(db_path)
    with sqlite3.connect(db_path) as conn:  # the sqlite3 shell, say: no kb code runs
        conn.execute("UPDATE event SET date = '2018-03-03' WHERE date = '2018-04-27'")
        conn.execute("UPDATE timeline_entry SET date = '2018-03-03' WHERE date = '2018-04-27'")
    kinds = _kinds(db_path)
    assert ("connect", "2018-03-03") in kinds and ("connect", "2018-04-27") not in kinds
