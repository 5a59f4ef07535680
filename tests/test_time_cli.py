"""`kb timex`: JSON lines in, one line of TIMEX3 expressions per document out."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli.timex import timex

DOC_EN = {"doc_id": "a", "dct": "2018-09-13", "text": "In August 2017 it began; in December of the same year it ended."}
DOC_ZH = {"doc_id": "b", "dct": "2017-03-25", "text": "同年12月，央行发布规范。", "lang": "zh"}

EXPECTED_EN = {"doc_id": "a", "timexes": [
    {"start": 3, "end": 14, "text": "August 2017", "type": "DATE", "value": "2017-08"},
    {"start": 28, "end": 53, "text": "December of the same year", "type": "DATE", "value": "2017-12"},
]}


def run(args, stdin):
    return CliRunner().invoke(timex, args, input=stdin, catch_exceptions=False)


def lines(doc_list):
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in doc_list)


def test_timex_reads_stdin_by_default():
    result = run([], lines([DOC_EN]))
    assert result.exit_code == 0
    assert result.output == json.dumps(EXPECTED_EN, ensure_ascii=False) + "\n"


def test_timex_reads_a_file(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(lines([DOC_EN, DOC_ZH]), encoding="utf-8")
    result = run([str(path)], None)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [d["doc_id"] for d in out] == ["a", "b"]
    assert out[1]["timexes"] == [{"start": 0, "end": 5, "text": "同年12月", "type": "DATE", "value": "2017-12"}]


def test_timex_writes_chinese_unescaped():
    result = run(["-"], lines([DOC_ZH]))
    assert "同年12月" in result.output


def test_timex_lang_option_overrides_the_document():
    doc = dict(DOC_ZH, lang="en")
    assert json.loads(run(["--lang", "zh"], lines([doc])).output)["timexes"][0]["value"] == "2017-12"
    assert json.loads(run([], lines([doc])).output)["timexes"] == []


def test_timex_bad_line_is_reported_and_the_rest_still_tagged():
    stdin = lines([DOC_EN]) + "not json\n" + '{"doc_id": "c"}\n' + lines([DOC_ZH])
    result = run([], stdin)
    assert result.exit_code == 1
    assert "line 2: skipped, not a document" in result.stderr
    assert 'line 3: skipped, not a document: expected an object with "doc_id" and a string "text"' in result.stderr
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_timex_empty_input_is_fine():
    result = run([], "")
    assert (result.exit_code, result.output) == (0, "")


def test_timex_missing_dct_leaves_years_open():
    result = run([], lines([{"doc_id": "d", "dct": None, "text": "In April 27th it joined."}]))
    assert json.loads(result.output)["timexes"][0]["value"] == "XXXX-04-27"
