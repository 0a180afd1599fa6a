"""Command-line entry point: imports every command module so they register on the app."""

from __future__ import annotations

import importlib
import sys

from timeline.cli.app import app
from timeline.cli.common import EXIT_INTERNAL, handle_sigterm, terminal_safe

# Registration order is the order `timeline --help` lists the commands in.
COMMAND_MODULES = ("extract", "show", "evaluation")
for _module in COMMAND_MODULES:
    importlib.import_module(f"timeline.cli.{_module}")

__all__ = ["app", "main"]


def main() -> None:
    handle_sigterm()
    try:
        app()
    except Exception as err:  # a bug, not a user error: still one line, never a traceback
        message = terminal_safe(str(err))
        print(
            f"timeline: internal error: {type(err).__name__}: {message} (please report this bug)",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)
