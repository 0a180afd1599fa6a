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


def _print_version(requested: bool) -> None:
    if requested:
        from timeline import __version__
        from timeline.buildinfo import describe

        typer.echo(f"timeline {__version__} ({describe()})")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version, and whether this build is compiled, and exit.",
    ),
) -> None:
    pass  # options of the program itself; each command has its own
