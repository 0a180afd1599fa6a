"""TimelineJS JSON and Google Sheets CSV: known date parts only, inclusive ends, escaped HTML."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.timelinejs_exporter import SHEET_COLUMNS, slide_dates
from timeline.models import Anchoring, Granularity, Mod, Timeline, TimeValue

G = Granularity


def slides(timeline: Timeline, **options: object) -> dict[str, Any]:
    data = exporters.get("timelinejs").export(timeline, ExportOptions.model_validate(options))
    document: dict[str, Any] = json.loads(data)
    return document


def by_id(timeline: Timeline) -> dict[str, dict[str, Any]]:
    return {slide["unique_id"]: slide for slide in slides(timeline)["events"]}


@pytest.mark.parametrize(
    ("event_id", "start", "end"),
    [
        ("ev-2014-10-22-airstrike", {"year": 2014, "month": 10, "day": 22}, None),
        ("ev-2015-talks", {"year": 2015}, None),
        ("ev-2017-crossed", {"year": 2017}, None),
        ("ev-2017-02-eu", {"year": 2017, "month": 2}, None),
        ("ev-2017-w06-rescued", {"year": 2017, "month": 2, "day": 6}, {"year": 2017, "month": 2, "day": 12}),
        (
            "ev-2017-02-10t14-30-meeting",
            {"year": 2017, "month": 2, "day": 10, "hour": 14, "minute": 30},
            None,
        ),
    ],
)
def test_only_known_date_parts(
    timeline: Timeline, event_id: str, start: dict[str, int], end: dict[str, int] | None
) -> None:
    slide = by_id(timeline)[event_id]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        # A span narrowed inside one month ("early February") is given in days.
        (TimeValue(value="2017-02", granularity=G.MONTH, start=date(2017, 2, 1), end=date(2017, 2, 10),
                   anchoring=Anchoring.EXPLICIT, mod=Mod.START),
         {"year": 2017, "month": 2, "day": 1}, {"year": 2017, "month": 2, "day": 10}),
        # Spans of several units end on their last day: TimelineJS puts {"month": 3} on 1 March
        # and {"year": 1999} on 1 January 1999, which would cut the span short.
        (TimeValue(value="2017-Q1", granularity=G.QUARTER, start=date(2017, 1, 1), end=date(2017, 3, 31),
                   anchoring=Anchoring.EXPLICIT),
         {"year": 2017, "month": 1}, {"year": 2017, "month": 3, "day": 31}),
        (TimeValue(value="2017-SU", granularity=G.SEASON, start=date(2017, 6, 1), end=date(2017, 8, 31),
                   anchoring=Anchoring.EXPLICIT),
         {"year": 2017, "month": 6}, {"year": 2017, "month": 8, "day": 31}),
        (TimeValue(value="199", granularity=G.DECADE, start=date(1990, 1, 1), end=date(1999, 12, 31),
                   anchoring=Anchoring.EXPLICIT),
         {"year": 1990}, {"year": 1999, "month": 12, "day": 31}),
    ],
)  # fmt: skip
def test_spans(timeline: Timeline, value: TimeValue, start: dict[str, int], end: dict[str, int]) -> None:
    event = timeline.events[0].model_copy(update={"date": value})
    assert slide_dates(event) == (start, end)


def test_unresolved_events_are_left_out(timeline: Timeline) -> None:
    assert "ev-unresolved-meet" not in by_id(timeline)
    assert len(slides(timeline)["events"]) == len(timeline.events) - 1


def test_title_slide_and_groups(timeline: Timeline) -> None:
    document = slides(timeline, title="Libya <2017>")
    assert document["title"]["text"]["headline"] == "Libya &lt;2017&gt;"
    assert document["title"]["text"]["text"].startswith("<p>7 dated events from <a href=")
    assert {s["group"] for s in document["events"]} == {"Past", "Ongoing"}


def test_text_is_escaped_html(timeline: Timeline) -> None:
    slide = by_id(timeline)["ev-2017-02-07-hostile"]
    assert slide["text"]["headline"].startswith("&lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(&quot;")
    assert "<script" not in json.dumps(slides(timeline), ensure_ascii=False)
    assert "\r" not in slide["text"]["headline"] and "\n" not in slide["text"]["headline"]


def test_source_links_are_http_only(timeline: Timeline) -> None:
    evil = timeline.model_copy(
        update={
            "documents": tuple(
                d.model_copy(update={"url": "javascript:alert(1)"}) for d in timeline.documents
            )
        }
    )
    assert "javascript:" not in json.dumps(slides(evil))
    assert (
        'href="https://example.org/news/libya?id=1&amp;lang=en"' in slides(timeline)["title"]["text"]["text"]
    )


def sheet(timeline: Timeline) -> list[list[str]]:
    data = exporters.get("timelinejs-csv").export(timeline, ExportOptions())
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_sheet_has_the_18_template_columns(timeline: Timeline) -> None:
    rows = sheet(timeline)
    assert rows[0] == list(SHEET_COLUMNS) and len(SHEET_COLUMNS) == 18
    assert all(len(row) == 18 for row in rows)
    assert rows[1][SHEET_COLUMNS.index("Type")] == "title"


@pytest.mark.parametrize(
    ("headline", "cells"),
    [
        ("Airstrike by forces", {"Year": "2014", "Month": "10", "Day": "22", "End Year": ""}),
        (
            "EU agreed",
            {"Year": "2017", "Month": "2", "Day": "", "Display Date": "February 2017, day unknown"},
        ),
        ("Libyan coast guard", {"Day": "6", "End Year": "2017", "End Month": "2", "End Day": "12"}),
        ("UN envoy", {"Time": "14:30", "Group": "Past"}),
    ],
)
def test_sheet_rows(timeline: Timeline, headline: str, cells: dict[str, str]) -> None:
    (row,) = [r for r in sheet(timeline) if r[SHEET_COLUMNS.index("Headline")].startswith(headline)]
    assert {k: row[SHEET_COLUMNS.index(k)] for k in cells} == cells


def test_sheet_cells_cannot_be_formulas(timeline: Timeline) -> None:
    for row in sheet(timeline):
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))


def test_title_slide_states_the_as_of_date(timeline: Timeline) -> None:
    assert "as of 2017-02-12" in slides(timeline)["title"]["text"]["text"]
    assert "as of" not in slides(timeline.model_copy(update={"as_of": None}))["title"]["text"]["text"]


def _timed(timeline: Timeline, value: str, zone: str | None) -> Timeline:
    meeting = next(e for e in timeline.events if e.id == "ev-2017-02-10t14-30-meeting")
    when = meeting.date.model_copy(update={"value": value, "zone": zone})
    return timeline.model_copy(update={"events": (meeting.model_copy(update={"date": when}),)})


@pytest.mark.parametrize(("zone", "display"), [(None, "20:00 local time"), ("CET", "20:00 CET")])
def test_times_agree_with_vis_and_the_calendar(timeline: Timeline, zone: str | None, display: str) -> None:
    one = _timed(timeline, "2017-02-10T20:00", zone)
    (slide,) = slides(one)["events"]
    assert slide["start_date"] == {"year": 2017, "month": 2, "day": 10, "hour": 20, "minute": 0}
    assert slide["display_date"].endswith(display)
    if zone is None:  # one floating 20:00 everywhere: the hour a reader sees is the same in each
        (item,) = json.loads(exporters.get("vis").export(one, ExportOptions()))["items"]
        assert item["start"] == "2017-02-10T20:00:00"
        assert b"DTSTART:20170210T200000\r\n" in exporters.get("ics").export(one, ExportOptions())
        row = sheet(one)[2]
        assert row[SHEET_COLUMNS.index("Time")] == "20:00"
