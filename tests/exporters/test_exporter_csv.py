"""The csv exporter: RFC 4180, BOM, date parts, and spreadsheet formula injection (CWE-1236)."""

from __future__ import annotations

import csv
import io

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.csv_exporter import COLUMNS, neutralize
from timeline.models import Timeline


def rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def export(timeline: Timeline, **options: object) -> bytes:
    return exporters.get("csv").export(timeline, ExportOptions.model_validate(options))


def test_bom_by_default_and_switchable(timeline: Timeline) -> None:
    assert export(timeline).startswith(b"\xef\xbb\xbfid,value,")
    assert export(timeline, csv_bom=False).startswith(b"id,value,")


def test_records_end_in_crlf(timeline: Timeline) -> None:
    data = export(timeline, csv_bom=False)
    assert data.endswith(b"\r\n")
    header = data.split(b"\r\n", 1)[0].decode()
    assert header.split(",") == list(COLUMNS)


def test_one_row_per_event_in_timeline_order(timeline: Timeline) -> None:
    assert [r["id"] for r in rows(export(timeline))] == [e.id for e in timeline.events]


@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("ev-2014-10-22-airstrike", {"year": "2014", "month": "10", "day": "22", "start": "2014-10-22"}),
        (
            "ev-2017-02-eu",
            {"year": "2017", "month": "2", "day": "", "precision": "February 2017, day unknown"},
        ),
        ("ev-2017-crossed", {"year": "2017", "month": "", "day": "", "granularity": "year"}),
        ("ev-2017-w06-rescued", {"value": "2017-W06", "start": "2017-02-06", "end": "2017-02-12", "day": ""}),
        # No zone in the text: the time as written, no UTC time.
        ("ev-2017-02-10t14-30-meeting", {"time_utc": "", "time": "14:30:00", "time_zone": "", "day": "10"}),
        ("ev-unresolved-meet", {"start": "", "end": "", "year": "", "anchoring": "unresolved"}),
        (
            "ev-2014-10-22-airstrike",
            {
                "document_ids": "libya-migrants; zuwara-report",
                "mention_texts": "Oct. 22, 2014; 22 October 2014",
                "mention_offsets": "libya-migrants:120-133; zuwara-report:40-55",
            },
        ),
    ],
)
def test_date_columns(timeline: Timeline, event_id: str, expected: dict[str, str]) -> None:
    row = next(r for r in rows(export(timeline)) if r["id"] == event_id)
    assert {k: row[k] for k in expected} == expected


def test_hostile_cells_are_inert_and_intact(timeline: Timeline) -> None:
    row = next(r for r in rows(export(timeline)) if r["id"] == "ev-2017-02-07-hostile")
    # The title starts with "<": no formula, kept as is (commas, quotes and the line break survive
    # inside one quoted cell); a bare CR is normalized to LF.
    assert row["title"] == '<script>alert(1)</script> =HYPERLINK("http://x"), a;b\nsecond line — Zuwārah 🚢'
    assert row["trigger"] == "'=intercepted"
    assert row["participants"] == "'=cmd|' /C calc'!A0; garde-côtes"
    assert row["place"] == "Tripoli, Libya"
    assert row["negated"] == "true"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("a=1", "a=1"),
        ("2017-02-10", "2017-02-10"),
        ("", ""),
    ],
)
def test_neutralize(cell: str, safe: str) -> None:
    assert neutralize(cell) == safe


def test_semicolon_delimiter(timeline: Timeline) -> None:
    data = export(timeline, csv_delimiter=";")
    parsed = rows(data, delimiter=";")
    assert parsed[0]["id"] == "ev-2014-10-22-airstrike"
    assert parsed[3]["participants"] == "EU; Tripoli government"  # quoted, not split
