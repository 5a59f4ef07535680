"""The `kb` command line: one module per command group, registered on one click group."""

import click

from pipeline import saved_views
from pipeline.cli import ask, entities, evaluate, export, fetch, ingest, timeline
from pipeline.cli.timex import timex


@click.group()
@click.version_option(package_name="duanzhilian-kb")
def cli():
    """Build and query the knowledge base of the 断直连 payment disconnection."""


@cli.result_callback()
def save_views(*_, **__):
    saved_views.wait()  # what a command built (the timeline, say) serves the next command and the app


for command in (
    ingest.ingest, fetch.fetch, ingest.articles, ingest.build, entities.entities, entities.entity, timeline.timeline, export.export, ask.ask, timex,
    evaluate.evaluate,
):
    cli.add_command(command)
