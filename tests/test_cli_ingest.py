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
        "skipped_judgements": [], "warnings": [],
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


def test_cli_build_ingests_the_shipped_corpus_once(db_path, monkeypatch, tmp_path):
    monkeypatch.chdir(FOUNDING.parents[2])
    exports = str(tmp_path / "exports")  # (the repository's graph_exports/ is no test's to write)
    assert run("build", "--db", db_path, "--exports", exports).output.startswith("1 ingested")
    assert run("build", "--db", db_path, "--exports", exports).output.startswith("0 ingested, 1 unchanged")


def test_cli_build_leaves_exports_alone_when_the_store_holds_other_articles(db_path, tmp_path, write):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "founding.txt").write_bytes(FOUNDING.read_bytes())
    exports = tmp_path / "exports"
    first = run("build", "--db", db_path, "--corpus", corpus, "--exports", exports)
    assert first.output.endswith(f"exports: 9 files in {exports}\n")
    shipped = {p.name: p.read_bytes() for p in exports.iterdir()}
    mine = write("mine.txt", "title: mine\n\nTenpay connected to UnionPay and NetsUnion in April 2018.")
    assert run("ingest", mine, "--db", db_path).exit_code == 0
    again = run("build", "--db", db_path, "--corpus", corpus, "--exports", exports)
    assert again.exit_code == 0
    assert f"exports: not written, the store holds 1 article(s) from outside {corpus}/ ({mine})" in again.output
    assert "kb export --out DIR" in again.output
    assert {p.name: p.read_bytes() for p in exports.iterdir()} == shipped


def test_cli_read_commands_never_create_or_write_a_store(db_path, tmp_path):
    missing = tmp_path / "typo.sqlite"
    for args in (["articles"], ["entities"], ["entity", "Alipay"], ["timeline"], ["ask", "When?"],
                 ["export", "--out", tmp_path / "x"], ["entities", "judgements"]):  # fmt: skip
        result = run(*args, "--db", missing)
        assert result.exit_code == 1, args
        assert "no knowledge base here yet; build it with `kb ingest corpus/`" in result.output
        assert not missing.exists()
    run("ingest", FOUNDING, "--db", db_path)
    before = db_path.read_bytes()
    for args in (["articles"], ["entities"], ["timeline"], ["ask", "When did Alipay connect to UnionPay?"]):
        assert run(*args, "--db", db_path).exit_code == 0
    assert db_path.read_bytes() == before


def test_cli_ingest_refuses_a_store_another_batch_is_writing(db_path, write):
    import subprocess
    import sys

    # A real second process holds the writer lock, as a running `kb ingest` does.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pipeline.locks import writer_lock\n"
         f"with writer_lock({str(db_path)!r}):\n    print('held', flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        busy = run("ingest", FOUNDING, "--db", db_path)
        assert busy.exit_code == 1
        assert f"another kb ingest or judgement (process {holder.pid}) is writing to it" in busy.output
        assert not _has_articles(db_path)
    finally:
        holder.kill()
        holder.wait()
    assert run("ingest", FOUNDING, "--db", db_path).output.startswith("1 ingested")  # the lock went with the process


def _has_articles(db_path) -> bool:
    from pipeline.store import Store

    with Store(db_path) as store:
        return bool(store.articles())


def test_cli_control_characters_never_reach_the_terminal(db_path, write):
    title = "\x1b]0;pwned\x07Alipay \x1b[2Jnews\u202e"
    # In JSON (a text file with control characters is refused as binary data).
    good = write("good.json", json.dumps({"title": title, "text": "Tenpay connected to UnionPay and NetsUnion in April 2018."}))
    bad = write("scan\x1b[31m.txt", b"%PDF-1.4")
    ingested = run("ingest", good, bad, "--db", db_path)
    listed = run("articles", "--db", db_path)
    for output in (ingested.output, ingested.stderr, listed.output):
        assert not any(ch in output for ch in "\x1b\x07\u202e")
    assert "scan\\x1b[31m.txt: this is a PDF document" in ingested.stderr
    assert "\\x1b]0;pwned\\x07Alipay \\x1b[2Jnews\\u202e" in listed.output
    # JSON keeps the text as it is (escaped by JSON itself).
    [row] = json.loads(run("articles", "--db", db_path, "--json").output)
    assert row["title"] == title
