"""kb eval: score the knowledge base against a gold corpus (dates, entities, timeline, questions)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import print_json
from pipeline.errors import KBError

# (label, key, shown as): the rows of the printed table, in the order an analyst reads them.
ROWS = [
    ("publication date right", "pubdate_right", "%"),
    ("  right or a month holding it", "pubdate_right_or_coarse", "%"),
    ("  wrong", "pubdate_wrong", "%"),
    ("  undated", "pubdate_undated", "%"),
    ("  right or coarse where stated", "pubdate_stated_right_or_coarse", "%"),
    ("entity mentions right", "entities_right", "%"),
    ("  wrong", "entities_wrong", "%"),
    ("  unlinked", "entities_unlinked", "%"),
    ("  missed", "entities_missed", "%"),
    ("  garbles right", "garbles_right", "%"),
    ("timeline recall (dated facts)", "timeline_recall", "%"),
    ("timeline precision", "timeline_precision", "%"),
    ("  dated entries, wrong date", "timeline_wrong_date", "%"),
    ("  entries", "timeline_entries", "n"),
    ("questions right (answerable)", "questions_right", "%"),
    ("  date", "questions_date_right", "%"),
    ("  entities", "questions_entities_right", "%"),
    ("  count", "questions_count_right", "%"),
    ("  yes/no", "questions_yesno_right", "%"),
    ("  unanswerable refused", "unanswerable_refused", "%"),
    ("  'Yes' where the answer is No", "false_yes", "n"),
]
OVERALL_ONLY = [
    ("new organisations split", "new_split"),
    ("known entities merged", "known_merged"),
    ("discovered entities", "discovered_entities"),
    ("  of them junk", "junk_share"),
    ("articles that failed to ingest", "ingest_failures"),
]


@click.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--ids", "ids_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score only the articles whose ids this file lists (one a line, # comments).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Ingest into this store and score it (default: a scratch store, deleted afterwards).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also show the N worst failures of each kind, with sentence, system output and gold.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Processes for the NLP stages.")
def evaluate(corpus, ids_file, db_path, as_json, errors, workers):
    """Score the knowledge base against a gold CORPUS folder (articles/ and gold/, in the format
    of the development corpus README): publication dates, entity mentions, timeline recall and
    precision, and the gold questions (refusals and false premises too).

    \b
    Example:
        kb eval ../shared/corpus/dev --ids tests/dev_split/check.txt
        kb eval ../shared/corpus/dev --ids tests/dev_split/tuning.txt --errors 10
    """
    from pipeline.evaluate import evaluate as run_evaluation, read_ids

    try:
        ids = read_ids(ids_file) if ids_file else None
        report = run_evaluation(corpus, ids, db_path=db_path, workers=workers)
    except KBError as e:
        raise click.ClickException(str(e)) from e
    for failure in report.ingest_failures:
        click.echo(f"error: {failure['path']}: {failure['error']}", err=True)
    if as_json:
        print_json(report.to_dict(errors))
        return
    click.echo(render(report.figures()))
    if errors:
        for kind, failures in report.failures(errors).items():
            click.echo(f"\n== {kind}: the {len(failures)} worst")
            for f in failures:
                click.echo(f"[{f['article']}] {f['what']}: system {f['system']} | gold {f['gold']}")
                if f["sentence"]:
                    click.echo(f"      {f['sentence'][:240]}")


def render(figures: dict[str, dict]) -> str:
    langs = list(figures)
    width = max(len(label) for label, *_ in ROWS + OVERALL_ONLY) + 2
    lines = [f"{'':{width}}" + "".join(f"{lang:>9}" for lang in langs)]
    lines.append(f"{'articles':{width}}" + "".join(f"{figures[lang]['articles']:>9}" for lang in langs))
    for label, key, shown in ROWS:
        lines.append(f"{label:{width}}" + "".join(f"{_cell(figures[lang].get(key), shown):>9}" for lang in langs))
    overall = figures["all"]
    for label, key in OVERALL_ONLY:
        lines.append(f"{label:{width}}{_cell(overall.get(key), '%' if key.endswith('share') else 'n'):>9}")
    return "\n".join(lines)


def _cell(value, shown: str) -> str:
    if value is None:
        return "-"
    return f"{100 * value:.0f}%" if shown == "%" else str(value)
