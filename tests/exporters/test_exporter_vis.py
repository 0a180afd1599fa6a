"""vis-timeline items and groups: points for days, ranges with exclusive end for spans."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.models import Anchoring, Granularity, Timeline, TimeValue


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
        # No zone in the text: a floating local time, as in the calendar and TimelineJS.
        ("ev-2017-02-10t14-30-meeting", {"type": "point", "start": "2017-02-10T14:30:00"}),
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


def test_tooltips_name_the_sources(timeline: Timeline) -> None:
    items = {i["id"]: i for i in document(timeline)["items"]}
    airstrike = items["ev-2014-10-22-airstrike"]["title"]  # reported by both articles
    assert "Source: <a href=" in airstrike
    assert "Migrants, Libya &amp; the EU: a week of rescues</a> (AP, 2017-02-10)" in airstrike
    assert "Zuwārah report (2017-02-12)" in airstrike
    assert "Zuwārah report" in items["ev-2017-02-07-hostile"]["title"]


def test_the_as_of_date_is_stated(timeline: Timeline) -> None:
    assert document(timeline)["as_of"] == "2017-02-12"
    assert document(timeline.model_copy(update={"as_of": None}))["as_of"] is None


@pytest.mark.parametrize(
    ("value", "granularity", "start", "end"),
    [
        ("2017-Q3", Granularity.QUARTER, date(2017, 7, 1), date(2017, 9, 30)),
        ("2016-SU", Granularity.SEASON, date(2016, 6, 1), date(2016, 8, 31)),
        ("198", Granularity.DECADE, date(1980, 1, 1), date(1989, 12, 31)),
    ],
)
def test_quarters_seasons_and_decades_draw_their_full_span(
    timeline: Timeline, value: str, granularity: Granularity, start: date, end: date
) -> None:
    when = TimeValue(value=value, granularity=granularity, start=start, end=end, anchoring=Anchoring.EXPLICIT)
    event = timeline.events[0].model_copy(update={"date": when})
    (entry,) = document(timeline.model_copy(update={"events": (event,)}))["items"]
    assert (entry["type"], entry["start"], entry["end"]) == (
        "range",
        start.isoformat(),
        (end + timedelta(days=1)).isoformat(),
    )
