"""Bad input: one clear line naming the file and the reason; the batch goes on; nothing is lost."""

import io
import json
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
