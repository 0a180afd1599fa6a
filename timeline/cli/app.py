"""The typer application object that every command module registers on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand
from typer.models import CommandFunctionType


class ReadableCommand(TyperCommand):
    """Help that shows each argument by its name (`INPUT...`), without typer's type labels
    (`<list[str]>`) and the braces it puts round required arguments in the usage line."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(_argument_name(param))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: TyperArgument) -> str:
    name = param.metavar or (param.name or "").upper()
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


class _Typer(typer.Typer):
    """Every command gets the readable help (typer has no per-app default command class)."""

    def command(
        self, name: str | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", ReadableCommand)
        return super().command(name, **kwargs)


app = _Typer(
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
