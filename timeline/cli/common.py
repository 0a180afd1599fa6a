"""What every command shares: one-line errors with exit code 2, warnings, option parsing."""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Callable
from functools import wraps
from types import FrameType
from typing import NoReturn, ParamSpec, TypeVar

import typer

from timeline.errors import TimelineError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3  # finished, but some inputs were skipped (each named in a warning)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM

# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional
# overrides that reorder what a terminal shows: input data (a JSONL id or title, a file name)
# reaches stderr and `timeline show`, and must not drive the terminal.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with control characters shown as escapes (\\x1b), so it prints inert."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that `finally` blocks remove temporary files."""


_MAIN_PID: list[int] = []


def _terminate(signum: int, frame: FrameType | None) -> None:
    del frame
    if [os.getpid()] != _MAIN_PID:
        # a forked worker inherited the handler: die as SIGTERM intends (the parent, which
        # stops its workers with SIGTERM, reports the run)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise Terminated


def handle_sigterm() -> None:
    """Turn SIGTERM into Terminated (a BaseException, like KeyboardInterrupt), not a silent death."""
    _MAIN_PID[:] = [os.getpid()]
    signal.signal(signal.SIGTERM, _terminate)


P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str) -> NoReturn:
    typer.echo(f"timeline: error: {terminal_safe(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def warn(message: str) -> None:
    typer.echo(f"timeline: warning: {terminal_safe(message)}", err=True)


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
        except Terminated:
            typer.echo("timeline: terminated; no export was left half-written", err=True)
            raise typer.Exit(EXIT_TERMINATED) from None

    return wrapper
