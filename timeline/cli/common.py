"""What every command shares: one-line errors with exit code 2, warnings, option parsing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import NoReturn, ParamSpec, TypeVar

import typer

from timeline.errors import TimelineError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C

DOCUMENT_TYPE_HELP = (
    "news, narrative or auto. news: year-less and relative dates count from the publication "
    "date; narrative (history, biography): from the last date the text told; auto: detected "
    "(dense years long past, or many different years, and few words like 'Tuesday')."
)

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str) -> NoReturn:
    typer.echo(f"timeline: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def warn(message: str) -> None:
    typer.echo(f"timeline: warning: {message}", err=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn TimelineError (bad input or option) into a one-line message and exit code 2,
    and Ctrl-C into one line and exit code 130."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TimelineError as err:
            fail(str(err))
        except KeyboardInterrupt:
            # Outputs are written atomically, so nothing half-written is left behind.
            typer.echo("timeline: interrupted; nothing was written", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
