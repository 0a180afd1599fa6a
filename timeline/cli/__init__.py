"""Command-line entry point: imports every command module so they register on the app."""

from __future__ import annotations

import sys

from timeline.cli import evaluation, extract, show  # noqa: F401  (registration side effect)
from timeline.cli.app import app
from timeline.cli.common import EXIT_INTERNAL


def main() -> None:
    try:
        app()
    except Exception as err:  # a bug, not a user error: still one line, never a traceback
        print(
            f"timeline: internal error: {type(err).__name__}: {err} (please report this bug)",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)
