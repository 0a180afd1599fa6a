"""The typer application object that every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="timeline",
    help="Turn news articles into ordered timelines of dated events (JSON, CSV, iCalendar).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich rendering would add ~0.2 s to every `--help`.
    rich_markup_mode=None,
)
