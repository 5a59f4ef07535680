"""kb timex: tag date and time expressions in JSON lines, the TempEval-3 scorer's format."""

from __future__ import annotations

import json
import sys

import click



def _timex_json(t) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}


@click.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help="Language of every document (overrides a document's own \"lang\"). Default: the document's, else en.")
def timex(source, lang: str | None) -> None:
    """Find and normalise date and time expressions in JSON lines.

    Reads one document a line, {"doc_id", "dct", "text"[, "lang"]}, from SOURCE (a file,
    or - for stdin) and writes one line a document, {"doc_id", "timexes": [{"start",
    "end", "text", "type", "value"}]}, with offsets into "text".

    \b
    Example:
        echo '{"doc_id": "a", "dct": "2018-09-13", "text": "in December of the same year"}' | kb timex
    """
    from pipeline.extract.time import tag

    failed = 0
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or "doc_id" not in doc:
                raise ValueError('expected an object with "doc_id" and a string "text"')
            dct = doc.get("dct")
            if dct is not None and not isinstance(dct, str):
                raise ValueError('"dct" must be a string "YYYY-MM-DD" or null')
        except ValueError as e:  # json.JSONDecodeError is a ValueError
            failed += 1
            click.echo(f"line {number}: skipped, not a document: {e}", err=True)
            continue
        doc_lang = lang or doc.get("lang") or "en"
        if doc_lang not in ("en", "zh"):
            failed += 1
            click.echo(f"line {number}: skipped, unsupported lang {doc_lang!r} (use en or zh)", err=True)
            continue
        timexes = tag(doc["text"], dct, doc_lang)
        click.echo(json.dumps({"doc_id": doc["doc_id"], "timexes": [_timex_json(t) for t in timexes]},
                              ensure_ascii=False))
    if failed:
        sys.exit(1)
