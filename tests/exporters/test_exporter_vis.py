"""vis-timeline items and groups: points for days, ranges with exclusive end for spans."""

from __future__ import annotations

import json
from typing import Any

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.models import Timeline


def document(timeline: Timeline) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(exporters.get("vis").export(timeline, ExportOptions()))
    return data


@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("ev-2014-10-22-airstrike", {"type": "point", "start": "2014-10-22"}),
        ("ev-2017-02-eu", {"type": "range", "start": "2017-02-01", "end": "2017-03-01"}),
        ("ev-2017-w06-rescued", {"type": "range", "start": "2017-02-06", "end": "2017-02-13"}),
        (
            "ev-2017-crossed",
            {"type": "range", "start": "2017-01-01", "end": "2018-01-01", "group": "ongoing"},
        ),
        ("ev-2017-02-10t14-30-meeting", {"type": "point", "start": "2017-02-10T14:30:00Z"}),
        ("ev-2017-02-07-hostile", {"className": "status-past granularity-day negated"}),
    ],
)
def test_items(timeline: Timeline, event_id: str, expected: dict[str, str]) -> None:
    (entry,) = [i for i in document(timeline)["items"] if i["id"] == event_id]
    assert {k: entry.get(k) for k in expected} == expected
    assert entry["type"] != "range" or entry["end"] > entry["start"]


def test_groups_and_unresolved(timeline: Timeline) -> None:
    data = document(timeline)
    assert data["groups"] == [
        {"id": "past", "content": "Past", "order": 0},
        {"id": "ongoing", "content": "Ongoing", "order": 1},
    ]
    assert "ev-unresolved-meet" not in {i["id"] for i in data["items"]}


def test_content_and_tooltip_are_escaped(timeline: Timeline) -> None:
    (entry,) = [i for i in document(timeline)["items"] if i["id"] == "ev-2017-02-07-hostile"]
    assert entry["content"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<script" not in entry["title"]
