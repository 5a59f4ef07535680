"""The `kb` command line for ingestion: summary lines, JSON contract, exit codes."""

import json

from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import FOUNDING


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_cli_ingest_summary_and_json(db_path):
    result = run("ingest", FOUNDING, "--db", db_path)
    assert result.exit_code == 0
    assert result.output == "1 ingested, 0 unchanged, 0 updated, 0 duplicates, 0 failed\n"
    again = run("ingest", FOUNDING, "--db", db_path, "--json")
    assert json.loads(again.output) == {
        "ingested": 0, "unchanged": 1, "updated": 0, "reprocessed": 0, "duplicates": 0, "off_topic": [], "failed": [],
    }  # fmt: skip


def test_cli_ingest_failures_exit_1_and_name_the_file(db_path, write):
    bad = write("bad.txt", b"%PDF-1.4")
    result = run("ingest", bad, FOUNDING, "--db", db_path, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ingested"] == 1
    assert report["failed"] == [{"path": str(bad), "error": "this is a PDF document, not text; convert it to .txt, .html or .json first"}]
    assert f"error: {bad}: this is a PDF document" in result.stderr


def test_cli_ingest_usage_errors_exit_2(db_path):
    assert run("ingest", "--db", db_path).exit_code == 2
    assert run("ingest", FOUNDING, "--max-size", "-1").exit_code == 2


def test_cli_ingest_uses_kb_db_env(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_DB", str(tmp_path / "env.sqlite"))
    assert run("ingest", FOUNDING, "--quiet").output == ""
    assert (tmp_path / "env.sqlite").exists()


def test_cli_articles_json_contract(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    [row] = json.loads(run("articles", "--db", db_path, "--json").output)
    assert set(row) >= {"id", "title", "date", "date_source", "lang", "source", "url", "sentences", "duplicate_of"}
    assert row["lang"] == "en" and row["sentences"] == 37 and row["duplicate_of"] is None


def test_cli_articles_on_empty_store_says_how_to_ingest(db_path):
    assert "kb ingest corpus/" in run("articles", "--db", db_path).output


def test_cli_build_ingests_the_shipped_corpus_once(db_path, monkeypatch):
    monkeypatch.chdir(FOUNDING.parents[2])
    assert run("build", "--db", db_path).output.startswith("1 ingested")
    assert run("build", "--db", db_path).output.startswith("0 ingested, 1 unchanged")
