"""Command-line entry point: imports every command module so they register on the app."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import NoReturn

import typer

from timeline.cli.app import app
from timeline.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PIPE,
    EXIT_USAGE,
    handle_sigterm,
    terminal_safe,
)

# Registration order is the order `timeline --help` lists the commands in.
COMMAND_MODULES = ("extract", "show", "evaluation")
for _module in COMMAND_MODULES:
    importlib.import_module(f"timeline.cli.{_module}")

__all__ = ["app", "main"]


def _usage_error_types() -> tuple[type[Exception], ...]:
    """click's UsageError: typer >= 0.24 raises its vendored copy, older typer click's own."""
    found: list[type[Exception]] = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        with contextlib.suppress(ImportError, AttributeError):
            found.append(importlib.import_module(module).UsageError)
    return tuple(found)


_USAGE_ERRORS = _usage_error_types()


def main() -> None:
    handle_sigterm()
    try:
        # standalone_mode=False: click's usage errors come back to us, to be told in one line
        code = app(standalone_mode=False)
    except _USAGE_ERRORS as err:
        _usage(err)
    except typer.Abort:
        print("timeline: interrupted; nothing was written", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_PIPE)
    except Exception as err:  # a bug, not a user error: still one line, never a traceback
        message = terminal_safe(str(err))
        print(
            f"timeline: internal error: {type(err).__name__}: {message} (please report this bug)",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


def _usage(err: Exception) -> NoReturn:
    message: str = getattr(err, "format_message", lambda: str(err))()
    if type(err).__name__ == "NoArgsIsHelpError":  # a bare `timeline`: the help, as click does
        print(message, file=sys.stderr)
        sys.exit(EXIT_USAGE)
    ctx = getattr(err, "ctx", None)
    where = getattr(ctx, "command_path", None) or "timeline"
    print(f"timeline: error: {terminal_safe(_one_line(message))} (see '{where} --help')", file=sys.stderr)
    sys.exit(EXIT_USAGE)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _quiet_stdout() -> None:
    """The reader of standard output left (`timeline show ... | head`): later flushes at exit
    would fail again and print 'Exception ignored', so point the descriptor at /dev/null."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
