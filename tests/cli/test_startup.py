"""`timeline --help` stays fast: start-up never imports the heavy stages (speed is benchmarked
elsewhere; this pins the cause of slowness instead of timing it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ["dateparser", "icalendar", "trafilatura", "dask", "timeline.models", "timeline.temporal"]


@pytest.mark.parametrize("module", HEAVY)
def test_cli_start_up_does_not_import(module: str) -> None:
    code = f"import sys, timeline.cli; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
