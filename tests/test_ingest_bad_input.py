"""Bad input: one clear line naming the file and the reason; the batch goes on; nothing is lost."""

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest import ingest

GOOD = "title: good\n\nTenpay connected to UnionPay and NetsUnion in April 2018."


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \n", "empty file"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document, not text"),
        ("archive.txt", _zip_bytes(), "this is a ZIP archive"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
        ("noise.txt", bytes(range(256)) * 8, "binary data"),
        ("garbled.txt", "记者获悉".encode("gbk") + b"\xff\xfe\xff\x80\x81" * 20, "undecodable bytes"),
        ("broken.json", b'{"text": "Alipay', "malformed JSON"),
        ("empty.json", b"[]", "empty JSON list"),
        ("notext.json", b'{"title": "only a title"}', 'no "text" or "content" field'),
        ("headeronly.txt", b"title: nothing else\ndate: 2018-01-01\n\n", "no article text after the header"),
        ("french.txt", b"lang: fr\n\nBonjour.", 'language "fr" is not supported'),
    ],
)
def test_ingest_bad_file_reported_and_batch_goes_on(fresh_store, write, name, content, reason):
    bad = write(name, content)
    good = write("good.txt", GOOD)
    report = ingest([bad, good], fresh_store)
    assert report.ingested == 1
    [failure] = report.failed
    assert failure["path"] == str(bad)
    assert reason in failure["error"]


def test_ingest_malformed_json_line_names_the_line(fresh_store, write):
    lines = [json.dumps({"text": "Alipay connected to NetsUnion."}), '{"text": "unterminated', json.dumps({"text": "Tenpay too."})]
    path = write("batch.jsonl", "\n".join(lines))
    report = ingest([path], fresh_store)
    assert report.ingested == 2
    assert report.failed == [{"path": f"{path}:2", "error": report.failed[0]["error"]}]
    assert report.failed[0]["error"].startswith("malformed JSON line")


def test_ingest_file_over_size_limit(fresh_store, write):
    # One long sentence said again and again: parsed once, so the test stays fast.
    big = write("big.txt", "Alipay connected to NetsUnion and Tenpay connected to UnionPay in April 2018. " * 1_000)
    report = ingest([big], fresh_store, max_mb=0.05)
    assert "file is 0.1 MB, over the 0.05 MB limit (raise it with --max-size)" in report.failed[0]["error"]
    assert ingest([big], fresh_store, max_mb=1).ingested == 1


def test_ingest_unreadable_file(fresh_store, write, monkeypatch):
    # Root reads any file whatever its mode, so the refusal is simulated at the OS call.
    locked = write("locked.txt", GOOD)
    real = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = ingest([locked, write("ok.txt", GOOD + " Later.")], fresh_store)
    assert report.failed == [{"path": str(locked), "error": "cannot read the file: Permission denied"}]
    assert report.ingested == 1


def test_ingest_missing_path_and_empty_folder(fresh_store, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4")
    report = ingest([tmp_path / "nope", tmp_path / "empty"], fresh_store)
    assert [f["error"] for f in report.failed] == [
        "no such file or folder",
        "nothing to ingest: no .htm, .html, .json, .jsonl, .md, .txt files or web archives in this folder",
    ]


def test_ingest_unsupported_file_named_explicitly(fresh_store, write):
    report = ingest([write("slides.pptx", b"PK\x03\x04")], fresh_store)
    assert "unsupported file type .pptx" in report.failed[0]["error"]


def test_ingest_bad_input_never_touches_stored_articles(fresh_store, write):
    path = write("a.txt", GOOD)
    ingest([path], fresh_store)
    before = (fresh_store.articles(), fresh_store.counts())
    path.write_bytes(b"%PDF-1.4 now a pdf")
    report = ingest([path], fresh_store)
    assert report.failed and (fresh_store.articles(), fresh_store.counts()) == before


def _bad_inputs(folder: Path) -> dict[str, str]:
    """One file of each input that used to stop a whole batch; name -> what its line says."""
    nested = "[" * 100_000 + "]" * 100_000
    (folder / "nested.json").write_text(nested)
    (folder / "nested.jsonl").write_text(json.dumps({"text": "Alipay connected to NetsUnion."}) + "\n" + nested + "\n")
    (folder / "number.json").write_text('{"text": "Tenpay connected to UnionPay.", "id": ' + "7" * 5_000 + "}")
    # 1.1 MB with no sentence end: over spaCy's max_length of 1,000,000 characters.
    (folder / "run.txt").write_text("title: a dump\n\n" + "Alipay NetsUnion UnionPay Tenpay " * 35_000)
    (folder / "run.html").write_text("<html><body><article><p>" + "网联 银联 支付宝 " * 5_000 + "</p></article></body></html>")
    (folder / "title.json").write_text(json.dumps({"text": "Tenpay connected to UnionPay.", "title": ["a", "list"]}))
    (folder / "wall.html").write_text("<html><body><h2>Subscribe to continue reading</h2><p>Sign in to read.</p></body></html>")
    return {
        "nested.json": "JSON nested too deeply to read",
        "nested.jsonl:2": "JSON nested too deeply to read",
        "number.json": "a JSON number too long to read",
        "run.txt": "with no sentence end (the limit is 20,000): a table or a dump, not an article's prose",
        "run.html": "with no sentence end (the limit is 20,000)",
        "title.json": '"title" must be text, not a JSON list',
        "wall.html": "no article text: a login or subscription page?",
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_mixed_batch_stores_every_good_file(db_path, tmp_path, workers):
    from pipeline.store import Store

    folder = tmp_path / "batch"
    folder.mkdir()
    expected = _bad_inputs(folder)
    goods = [
        "Tenpay connected to UnionPay in April 2018.",
        "The People's Bank of China required payment institutions to connect to NetsUnion by June 30, 2018.",
        "NetsUnion Clearing Corporation was founded in Beijing in August 2017.",
    ]
    for i, text in enumerate(goods):
        (folder / f"good{i}.txt").write_text(f"title: good {i}\n\n{text}")
    # A name in GBK bytes, as Chinese Windows archives carry them: stored under its Chinese name.
    gbk_name = os.fsdecode("网联报道.txt".encode("gbk"))
    (folder / gbk_name).write_text("title: 网联\n\n网联于2018年6月30日起处理所有网络支付业务。", encoding="utf-8")
    with Store(db_path) as store:
        report = ingest([folder], store, workers=workers)
        stored = {row["title"]: row["path"] for row in store.articles()}
    failed = {Path(f["path"]).name: f["error"] for f in report.failed}
    assert set(failed) == set(expected)
    for name, reason in expected.items():
        assert reason in failed[name], (name, failed[name])
    # The good files, the good line beside a bad one, and the file with a GBK name.
    assert report.ingested == 5
    assert {"good 0", "good 1", "good 2", "网联"} <= set(stored)
    assert stored["网联"] == str(folder / "网联报道.txt")
    again = ingest([folder], Store(db_path))
    assert again.unchanged == 5 and len(again.failed) == len(expected)


def test_ingest_bad_input_lines_reach_a_terminal_and_json(db_path, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    folder = tmp_path / "batch"
    folder.mkdir()
    _bad_inputs(folder)
    (folder / os.fsdecode(b"\xcd\xf8\xc1\xaa\xff.txt")).write_text("Tenpay connected to UnionPay in April 2018.")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path), "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ingested"] == 2 and len(report["failed"]) == 7
    assert result.stderr.count("error: ") == 7


@pytest.mark.parametrize("given", ["2018-02-30", "2018-04-31", "2017-02-29", "tomorrow"])
def test_ingest_impossible_header_date_warned_not_stored(fresh_store, write, given):
    path = write("dated.txt", f"title: dated\ndate: {given}\n\nNetsUnion was set up to clear payments for Alipay and Tenpay.")
    report = ingest([path], fresh_store)
    assert report.ingested == 1 and not report.failed
    assert report.warnings == [{"path": str(path), "warning": f'date "{given}" is not a date (impossible, or not understood); not stored as the date'}]
    [row] = fresh_store.articles()
    assert row["date"] is None or row["date_source"] == "inferred"
    assert ingest([path], fresh_store).warnings == []  # unchanged: said once


def test_ingest_leap_day_header_date_is_kept(fresh_store, write):
    path = write("leap.txt", "title: leap\ndate: 2016-02-29\n\nNetsUnion was set up to clear payments for Alipay and Tenpay.")
    assert ingest([path], fresh_store).warnings == []
    assert fresh_store.articles()[0]["date"] == "2016-02-29"


def test_ingest_linked_folders_followed_once(fresh_store, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text("title: linked\n\nTenpay connected to UnionPay in April 2018.")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "here.txt").write_text("title: here\n\nThe People's Bank of China ordered the disconnection in August 2017.")
    (batch / "more").symlink_to(elsewhere)
    (elsewhere / "loop").symlink_to(batch)  # a link back up: walked once, not forever
    report = ingest([batch], fresh_store)
    assert (report.ingested, report.failed) == (2, [])
    assert sorted(row["title"] for row in fresh_store.articles()) == ["here", "linked"]


def test_ingest_unreadable_folder_is_reported(tmp_path):
    import shutil
    import subprocess
    import sys

    batch = tmp_path / "batch"
    (batch / "locked").mkdir(parents=True)
    (batch / "ok.txt").write_text("title: ok\n\nTenpay connected to UnionPay in April 2018.")
    (batch / "locked" / "hidden.txt").write_text("title: locked\n\nAlipay connected to NetsUnion in May 2018.")
    (batch / "locked").chmod(0)
    command = [sys.executable, "-m", "pipeline", "ingest", str(batch), "--db", str(tmp_path / "kb.sqlite"), "--json"]
    if os.geteuid() == 0:
        # Root reads any folder: run kb without the capabilities that let it.
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to run kb without root's right to read any folder")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[1])
    finally:
        (batch / "locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["ingested"] == 1
    assert report["failed"] == [{"path": str(batch / "locked"), "error": "cannot read this folder: Permission denied; its files were not ingested"}]


WALL = "no article text: a login or subscription page? (save the article's own page or text)"


@pytest.mark.parametrize(
    "name, content",
    [
        ("paywall.html", "<html><body><div class=paywall><h2>Subscribe to continue reading</h2><p>Sign in or create an "
                         "account to read this article.</p><form><input name=user><input type=password></form></div></body></html>"),
        ("nav.html", "<html><head><title>Login</title></head><body><nav>Home News</nav></body></html>"),
        ("wall.txt", "title: Caixin\n\n登录后阅读全文。订阅财新通，畅读全部内容。"),
        ("wall.json", json.dumps({"title": "FT", "text": "Subscribe to read. Sign in to your account to continue reading."})),
    ],
)  # fmt: skip
def test_ingest_login_wall_is_reported_not_stored(fresh_store, write, name, content):
    report = ingest([write(name, content), write("good.txt", GOOD)], fresh_store)
    assert report.ingested == 1
    assert [f["error"] for f in report.failed] == [WALL]


def test_ingest_short_news_that_mentions_a_login_is_kept(fresh_store, write):
    news = "title: app\n\nAlipay users must log in again after the switch to NetsUnion, the company said on 30 June 2018."
    assert ingest([write("news.txt", news)], fresh_store).ingested == 1


def test_ingest_a_chinese_brief_about_a_registration_and_members_is_kept(fresh_store, write):
    # 工商注册 and 会员代表大会 are this story's news, no gate's words
    brief = "title: 网联\nlang: zh\n\n中国支付清算协会会员代表大会审议通过设立网联的议案。网联清算有限公司于2017年8月完成工商注册。"
    assert ingest([write("brief.txt", brief)], fresh_store).ingested == 1


def test_ingest_an_article_a_stage_fails_on_costs_only_itself():
    from pipeline.errors import BadInput
    from pipeline.facts import Article
    from pipeline.ingest import process_batch

    # No reader makes a French article (they refuse it), so the language stage raises for it:
    # the article parsed in the same stream is still extracted.
    good = Article(text="Tenpay connected to UnionPay in April 2018.", lang="en", path="good.txt", key="k:good")
    odd = Article(text="Tenpay s'est connecté à UnionPay en avril 2018.", lang="fr", path="odd.txt", key="k:odd")
    record, failed = process_batch([good, odd], [])
    assert record.article.key == "k:good" and any(m.entity_id == "tenpay" for _, m in record.mentions)
    assert isinstance(failed, BadInput) and failed.path == "odd.txt"
    assert failed.reason.startswith("could not be processed (ValueError: no pipeline for language 'fr'")
