"""The json exporter: the Timeline itself, round-trippable and stable."""

from __future__ import annotations

import json

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.models import Timeline


def test_round_trips_to_the_same_timeline(timeline: Timeline) -> None:
    data = exporters.get("json").export(timeline, ExportOptions())
    assert Timeline.model_validate_json(data) == timeline


def test_is_indented_utf8_with_final_newline(timeline: Timeline) -> None:
    data = exporters.get("json").export(timeline, ExportOptions())
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert data.startswith(b'{\n  "schema_version": "1.0",')
    assert "Zuwārah".encode() in data  # readable UTF-8, not \u escapes
    assert list(json.loads(data)) == ["schema_version", "documents", "events", "as_of"]
    assert json.loads(data)["as_of"] == "2017-02-12"


def test_hostile_text_is_escaped_json(timeline: Timeline) -> None:
    data = exporters.get("json").export(timeline, ExportOptions())
    assert b"a;b\\r\\nsecond line" in data
    assert b"\r" not in data
