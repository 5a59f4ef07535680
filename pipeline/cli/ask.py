"""kb ask: a question in plain English or Chinese, answered from the stored facts with sources."""

from __future__ import annotations

import click

from pipeline.cli.options import db_option, json_option, open_store, print_json, say



@click.command()
@click.argument("question")
@db_option
@json_option
def ask(question, db_path, as_json):
    """Answer QUESTION from the knowledge base, with the sentences the answer rests on.

    \b
    Examples:
        kb ask "When did the Bar Code Payment Business Standards take effect?"
        kb ask "支付宝什么时候接入网联?" --json
    """
    from pipeline.views.questions import QuestionRejected, ask as answer_question, clean_question

    try:
        question = clean_question(question)  # before the store and the models are loaded
    except QuestionRejected as e:
        raise click.UsageError(str(e)) from e
    with open_store(db_path, readonly=True) as store:
        answer = answer_question(store, question)
    if as_json:
        data = answer.to_dict()
        data["evidence"] = [{k: ev[k] for k in ev} for ev in data["evidence"]]
        print_json(data)
        return
    say(answer.answer)
    for ev in answer.evidence[:5]:
        say(f"  - [{ev['article_id']}] {ev['title'] or ''} ({ev['date'] or 'undated'}): {ev['sentence']}")
