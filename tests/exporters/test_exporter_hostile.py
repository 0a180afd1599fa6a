"""Every exporter against hostile input: calendar extremes, thousands of events, arbitrary text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.csv_exporter import neutralize
from timeline.exporters.text import clean_text
from timeline.models import Anchoring, DocumentInfo, Event, Granularity, Mention, Status, Timeline, TimeValue

G = Granularity


def event(
    number: int,
    value: str,
    granularity: Granularity,
    start: date,
    end: date,
    title: str = "Something happened",
) -> Event:
    return Event(
        id=f"e{number}",
        date=TimeValue(
            value=value, granularity=granularity, start=start, end=end, anchoring=Anchoring.EXPLICIT
        ),
        title=title,
        trigger="happened",
        sentence=f"{title}.",
        status=Status.PAST,
        mentions=(Mention(document_id="d", start=number, end=number + 1, text="x"),),
    )


EXTREMES = Timeline(
    documents=(),
    events=(
        event(1, "0001-01-01", G.DAY, date(1, 1, 1), date(1, 1, 1)),
        event(2, "0999-03", G.MONTH, date(999, 3, 1), date(999, 3, 31)),
        event(3, "0999-03-01T10:00Z", G.MINUTE, date(999, 3, 1), date(999, 3, 1)),
        event(4, "9999-12", G.MONTH, date(9999, 12, 1), date(9999, 12, 31)),
        event(5, "9999", G.YEAR, date(9999, 1, 1), date(9999, 12, 31)),
        event(6, "9999-12-31T23:59", G.MINUTE, date(9999, 12, 31), date(9999, 12, 31)),
        event(7, "9999-12-31T23:59-05:00", G.MINUTE, date(9999, 12, 31), date(9999, 12, 31)),
        event(8, "0999-03-01T11:00", G.MINUTE, date(999, 3, 1), date(999, 3, 1)),
    ),
)


@pytest.mark.parametrize("name", exporters.names())
def test_calendar_extremes_do_not_crash(name: str) -> None:
    assert exporters.get(name).export(EXTREMES, ExportOptions())


def test_four_digit_years_everywhere() -> None:
    vis = json.loads(exporters.get("vis").export(EXTREMES, ExportOptions()))
    assert {i["id"]: i["start"] for i in vis["items"]}["e3"] == "0999-03-01T10:00:00Z"
    assert {i["id"]: i["start"] for i in vis["items"]}["e8"] == "0999-03-01T11:00:00"  # floating
    assert {i["id"]: i.get("end") for i in vis["items"]}["e5"] == "9999-12-31T23:59:59.999Z"
    ics = exporters.get("ics").export(EXTREMES, ExportOptions())
    assert b"DTSTART:09990301T100000Z" in ics
    assert b"DTSTART:09990301T110000\r\n" in ics
    html = exporters.get("html").export(EXTREMES, ExportOptions())
    assert b'datetime="0999-03-01T10:00:00Z"' in html


@pytest.mark.parametrize("name", exporters.names())
def test_ten_thousand_same_day_events_stay_fast(name: str) -> None:
    crowd = Timeline(
        documents=(),
        events=tuple(
            event(n, "2017-02-10", G.DAY, date(2017, 2, 10), date(2017, 2, 10)) for n in range(10_000)
        ),
    )
    data = exporters.get(name).export(crowd, ExportOptions())
    assert len(data) < 60_000_000


_text = st.text(st.characters(codec="utf-8"), max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_text, sentence=_text, place=_text, participant=_text, url=_text)
def test_any_text_is_exported_safely(
    title: str, sentence: str, place: str, participant: str, url: str
) -> None:
    hostile = Event(
        id="e",
        date=TimeValue(
            value="2017-W06", granularity=G.WEEK, start=date(2017, 2, 6), end=date(2017, 2, 12),
            anchoring=Anchoring.REFERENCE_DATE,
        ),
        title=title,
        trigger="t",
        sentence=sentence,
        status=Status.PAST,
        participants=(participant,),
        place=place,
        mentions=(Mention(document_id="d", start=0, end=1, text="x"),),
    )  # fmt: skip
    timeline = Timeline(documents=(DocumentInfo(id="d", title=title, url=url),), events=(hostile,))
    outputs = {name: exporters.get(name).export(timeline, ExportOptions()) for name in exporters.names()}
    for name in ("json", "timelinejs", "vis"):
        json.loads(outputs[name])
    (row,) = csv.DictReader(io.StringIO(outputs["csv"].decode("utf-8-sig"), newline=""))
    assert row["title"] == neutralize(clean_text(title))
    # Article text never becomes markup: one <script> (ours) in the page, none in HTML payloads.
    assert outputs["html"].count(b"<script") == 1
    for name in ("timelinejs", "vis"):
        assert "<script" not in outputs[name].decode("utf-8").replace("\\u003c", "<")


@st.composite
def time_values(draw: st.DrawFn) -> TimeValue:
    start = draw(st.dates())
    end = draw(st.dates(min_value=start))
    granularity = draw(st.sampled_from(list(G)))
    clock = draw(st.sampled_from(["", "T14:30", "T00", "T23:59:59Z", "T05:00-11:00", "TMO", "T99:99"]))
    return TimeValue(
        value=start.isoformat() + clock,
        granularity=granularity,
        start=start,
        end=end,
        anchoring=Anchoring.EXPLICIT,
    )


@settings(max_examples=150, deadline=None)
@given(values=st.lists(time_values(), min_size=1, max_size=4))
def test_any_calendar_value_exports_with_ordered_spans(values: list[TimeValue]) -> None:
    placeholder = event(0, "2000-01-01", G.DAY, date(2000, 1, 1), date(2000, 1, 1))
    events = tuple(placeholder.model_copy(update={"id": f"e{n}", "date": v}) for n, v in enumerate(values))
    timeline = Timeline(documents=(), events=events)
    outputs = {name: exporters.get(name).export(timeline, ExportOptions()) for name in exporters.names()}
    for component in icalendar.Calendar.from_ical(outputs["ics"]).walk("VEVENT"):
        assert not component.errors
        assert component.decoded("dtend") > component.decoded("dtstart")
    for entry in json.loads(outputs["vis"])["items"]:
        assert entry["type"] != "range" or entry["end"] > entry["start"]
    for slide in json.loads(outputs["timelinejs"])["events"]:
        if "end_date" in slide:
            assert tuple(slide["end_date"].values()) >= tuple(slide["start_date"].values())
