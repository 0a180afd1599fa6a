"""What every command shares: one-line errors with exit code 2, warnings, option parsing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import NoReturn, ParamSpec, TypeVar

import typer

from timeline.errors import OutputClosed, TimelineError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3  # finished, but some inputs were skipped (each named in a warning)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_PIPE = 141  # 128 + SIGPIPE: what `cmd | head` gives a command that the reader left

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str) -> NoReturn:
    typer.echo(f"timeline: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def counted(count: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def warn(message: str) -> None:
    typer.echo(f"timeline: warning: {message}", err=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn TimelineError (bad input or option) into a one-line message and exit code 2,
    and Ctrl-C into one line and exit code 130."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except OutputClosed:
            # The reader chose to stop (`| head`): nothing to tell it, but the code says the
            # export did not arrive whole.
            raise typer.Exit(EXIT_PIPE) from None
        except TimelineError as err:
            fail(str(err))
        except KeyboardInterrupt:
            # Outputs are written atomically, so nothing half-written is left behind.
            typer.echo("timeline: interrupted; nothing was written", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
