"""Command-line entry point: imports every command module so they register on the app."""

from __future__ import annotations

from timeline.cli import evaluation, extract  # noqa: F401  (registration side effect)
from timeline.cli.app import app


def main() -> None:
    app()
