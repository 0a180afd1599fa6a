"""Golden files: every exporter's output for the fixture, byte for byte.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/exporters`, then review
the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.models import Timeline

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", exporters.names())
def test_matches_golden_file(name: str, timeline: Timeline) -> None:
    exporter = exporters.get(name)
    path = GOLDEN / f"{name}.{exporter.extension.rsplit('.', 1)[-1]}"
    produced = exporter.export(timeline, ExportOptions())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(produced)
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 and review it"
    assert produced == path.read_bytes(), f"{name} output changed; if intended, UPDATE_GOLDEN=1"
