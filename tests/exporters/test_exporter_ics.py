"""The ics exporter: RFC 5545 bytes, two parsers, the date rules of FORMATS.md, stable UIDs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest
from exporter_fixture import build_timeline
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.text import clean_line
from timeline.models import Anchoring, Event, Granularity, Mention, Status, Timeline, TimeValue


def export(timeline: Timeline, **options: object) -> bytes:
    return exporters.get("ics").export(timeline, ExportOptions.model_validate(options))


def lint(data: bytes) -> None:
    """The byte rules no parser checks: CRLF only, content lines of at most 75 octets, UTF-8."""
    data.decode("utf-8")
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        assert b"\r" not in line and b"\n" not in line, f"bare CR/LF in line {number}: {line!r}"
        assert len(line) <= 75, f"line {number} has {len(line)} octets: {line!r}"
        assert line, f"empty line {number}"


def parse(data: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        assert component.errors == [], (component.name, component.errors)
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is type(end)  # both DATE or both DATE-TIME
        assert end > start
    IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))  # strict second parser; raises
    return calendar


def vevents(data: bytes) -> dict[str, icalendar.Component]:
    return {str(e["summary"]).split(" [")[0]: e for e in parse(data).walk("VEVENT")}


def categories(event: icalendar.Component) -> list[str]:
    value: Any = event["categories"]
    return [str(c) for c in value.cats]


def test_bytes_follow_rfc5545(timeline: Timeline) -> None:
    lint(export(timeline))


def test_calendar_properties(timeline: Timeline) -> None:
    data = export(timeline)
    assert data.startswith(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//timeline//Timeline of dated news events//EN\r\n"
    )
    calendar = parse(data)
    assert calendar["method"] == "PUBLISH"
    assert calendar["x-wr-calname"] == calendar["name"] == "Timeline"
    assert b"METHOD:REQUEST" not in data


def test_calendar_name_option_is_text_escaped(timeline: Timeline) -> None:
    data = export(timeline, calendar_name="Libya, 2017; a\\b\r\nnews")
    assert b"\r\nNAME:Libya\\, 2017\\; a\\\\b news\r\n" in data
    assert b"\r\nX-WR-CALNAME:Libya\\, 2017\\; a\\\\b news\r\n" in data
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert strict.name == ["Libya, 2017; a\\b news"]  # read back as the name given


def test_calendar_description_states_the_as_of_date(timeline: Timeline) -> None:
    data = export(timeline)
    assert "as of 2017-02-12" in icalendar.Calendar.from_ical(data)["x-wr-caldesc"]
    event = vevents(data)["Airstrike by forces loyal to Khalifa Haftar in Benghazi"]
    assert "Status: past (as of 2017-02-12)" in str(event["description"])


@pytest.mark.parametrize(
    ("summary", "start", "end"),
    [
        ("Airstrike by forces loyal to Khalifa Haftar in Benghazi", date(2014, 10, 22), date(2014, 10, 23)),
        ("Peace talks began", date(2015, 1, 1), date(2016, 1, 1)),
        ("Close to 9,500 migrants crossed the Mediterranean", date(2017, 1, 1), date(2018, 1, 1)),
        ("EU agreed to give the Tripoli government $213 million", date(2017, 2, 1), date(2017, 3, 1)),
        ("Libyan coast guard rescued more than 100 migrants", date(2017, 2, 6), date(2017, 2, 13)),
        (  # no zone in the text: a floating local time
            "UN envoy Kobler met Prime Minister al-Sarraj",
            datetime(2017, 2, 10, 14, 30),
            datetime(2017, 2, 10, 15, 30),
        ),
    ],
)
def test_event_spans(timeline: Timeline, summary: str, start: date, end: date) -> None:
    event = vevents(export(timeline))[summary]
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (start, end)


def test_all_day_values_are_dates_and_zoneless_times_float(timeline: Timeline) -> None:
    data = export(timeline)
    assert b"DTSTART;VALUE=DATE:20170206\r\nDTEND;VALUE=DATE:20170213\r\n" in data
    # "2:30 p.m." with no zone is 2:30 p.m. wherever the calendar is: no Z, no TZID.
    assert b"DTSTART:20170210T143000\r\nDTEND:20170210T153000\r\n" in data
    assert b"VTIMEZONE" not in data and b"TZID" not in data


def _timed(timeline: Timeline, value: str, zone: str | None) -> bytes:
    meeting = next(e for e in timeline.events if e.id == "ev-2017-02-10t14-30-meeting")
    when = meeting.date.model_copy(update={"value": value, "zone": zone})
    return export(timeline.model_copy(update={"events": (meeting.model_copy(update={"date": when}),)}))


@pytest.mark.parametrize(
    ("value", "zone", "start"),
    [
        ("2017-02-10T20:00", None, b"DTSTART:20170210T200000\r\n"),
        ("2017-02-10T20:00", "CET", b"DTSTART:20170210T190000Z\r\n"),
        ("2017-02-10T20:00", "GMT", b"DTSTART:20170210T200000Z\r\n"),
        ("2017-02-10T20:00", "ET", b"DTSTART:20170211T010000Z\r\n"),  # EST in February
        ("2017-02-10T20:00Z", None, b"DTSTART:20170210T200000Z\r\n"),
        ("2017-02-10T20:00-05:00", None, b"DTSTART:20170211T010000Z\r\n"),
    ],
)
def test_a_zone_named_in_the_text_gives_utc_else_floating(value: str, zone: str | None, start: bytes) -> None:
    data = _timed(build_timeline(), value, zone)
    lint(data)
    assert start in data
    assert b"VTIMEZONE" not in data
    (event,) = parse(data).walk("VEVENT")
    assert (event.decoded("dtstart").tzinfo is None) == (start.endswith(b"0\r\n"))


def test_timed_event_length_option(timeline: Timeline) -> None:
    event = vevents(export(timeline, timed_event_minutes=15))["UN envoy Kobler met Prime Minister al-Sarraj"]
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=15)


@pytest.mark.parametrize(
    ("summary_start", "suffix"),
    [
        ("EU agreed", "[February 2017, day unknown]"),
        ("Libyan coast guard", "[week 6 of 2017 (6\u201312 February 2017), day unknown]"),
        ("Close to 9,500", "[2017, month and day unknown]"),
        ("Peace talks", "[mid-2015, month and day unknown]"),
    ],
)
def test_summary_says_the_precision(timeline: Timeline, summary_start: str, suffix: str) -> None:
    summaries = [str(e["summary"]) for e in parse(export(timeline)).walk("VEVENT")]
    matching = [s for s in summaries if s.startswith(summary_start)]
    assert len(matching) == 1 and matching[0].endswith(suffix)


def test_unresolved_events_are_left_out(timeline: Timeline) -> None:
    events = parse(export(timeline)).walk("VEVENT")
    resolved = [e for e in timeline.events if e.date.resolved]
    assert len(events) == len(resolved) == len(timeline.events) - 1
    assert all("Alfano" not in str(e["summary"]) for e in events)


def test_every_event_is_free_published_and_stamped(timeline: Timeline) -> None:
    for event in parse(export(timeline)).walk("VEVENT"):
        assert event["transp"] == "TRANSPARENT"
        assert event["x-microsoft-cdo-busystatus"] == "FREE"
        assert event["sequence"] == 0
        assert event.decoded("dtstamp") == datetime(2017, 2, 12, tzinfo=UTC)  # latest reference date
        assert str(event["uid"]).endswith("@timeline.invalid")
        for category in categories(event):
            assert "," not in category


def test_location_url_description(timeline: Timeline) -> None:
    event = vevents(export(timeline))["Airstrike by forces loyal to Khalifa Haftar in Benghazi"]
    assert event["location"] == "Benghazi"
    assert event["url"] == "https://example.org/news/libya?id=1&lang=en"
    description = str(event["description"])
    assert description.startswith("An airstrike by forces loyal to Khalifa Haftar hit Benghazi")
    assert "When: 22 October 2014 [TimeML 2014-10-22]" in description
    assert "Source: Migrants, Libya & the EU: a week of rescues (AP, 2017-02-10)" in description
    assert "Source: Zuwārah report (2017-02-12) zuwara-report.txt" in description


@pytest.mark.parametrize("source", ["/home/ana/news/zuwara-report.txt", "C:\\Users\\ana\\zuwara-report.txt"])
def test_no_local_path_goes_into_the_description(timeline: Timeline, source: str) -> None:
    moved = timeline.model_copy(
        update={"documents": tuple(d.model_copy(update={"source": source}) for d in timeline.documents)}
    )
    data = export(moved)
    assert b"ana" not in data.replace(b"\r\n ", b"")
    descriptions = " ".join(str(e["description"]) for e in parse(data).walk("VEVENT"))
    assert "zuwara-report.txt" in descriptions
    assert "https://example.org/news/libya?id=1&lang=en" in descriptions  # a URL is kept


def test_hostile_text_is_escaped_and_one_line(timeline: Timeline) -> None:
    data = export(timeline)
    event = vevents(data)['<script>alert(1)</script> =HYPERLINK("http://x"), a;b second line — Zuwārah 🚢']
    assert event["location"] == "Tripoli, Libya"
    assert b"LOCATION:Tripoli\\, Libya\r\n" in data
    assert b"a\\;b second lin" in data
    assert categories(event) == ["past", "negated"]
    assert "Negated: the text says this did not happen." in str(event["description"])


def test_options_override_dtstamp_and_domain(timeline: Timeline) -> None:
    data = export(timeline, dtstamp="2020-05-01T12:00:00+02:00", uid_domain="news.example.org")
    for event in parse(data).walk("VEVENT"):
        assert event.decoded("dtstamp") == datetime(2020, 5, 1, 10, tzinfo=UTC)
        assert str(event["uid"]).endswith("@news.example.org")


def test_dtstamp_without_any_reference_date_is_still_fixed(timeline: Timeline) -> None:
    undated = timeline.model_copy(
        update={"documents": tuple(d.model_copy(update={"reference_date": None}) for d in timeline.documents)}
    )
    event = parse(export(undated)).walk("VEVENT")[0]
    assert event.decoded("dtstamp") == datetime(2018, 1, 1, tzinfo=UTC) - timedelta(days=1)


def _uids(timeline: Timeline) -> dict[str, str]:
    return {str(e["summary"]): str(e["uid"]) for e in parse(export(timeline)).walk("VEVENT")}


def test_uids_are_unique_and_come_from_the_event_ids(timeline: Timeline) -> None:
    uids = _uids(timeline)
    assert len(set(uids.values())) == len(uids)
    # Offsets, titles and sentences may change; the UID follows the event's id and nothing else.
    edited = timeline.model_copy(
        update={
            "events": tuple(
                e.model_copy(
                    update={
                        "title": e.title + " (corrected)",
                        "sentence": "Updated: " + e.sentence,
                        "mentions": tuple(
                            m.model_copy(update={"start": m.start + 500, "end": m.end + 500})
                            for m in e.mentions
                        ),
                    }
                )
                for e in timeline.events
            )
        }
    )
    assert sorted(_uids(edited).values()) == sorted(uids.values())
    renamed = timeline.model_copy(
        update={"events": tuple(e.model_copy(update={"id": e.id + "-x"}) for e in timeline.events)}
    )
    assert not set(_uids(renamed).values()) & set(uids.values())


def test_duplicate_identities_get_distinct_uids(timeline: Timeline) -> None:
    first = timeline.events[0]
    twin = first.model_copy(update={"id": "twin"})
    data = export(timeline.model_copy(update={"events": (first, twin)}))
    uids = [str(e["uid"]) for e in parse(data).walk("VEVENT")]
    assert len(set(uids)) == 2


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [(date(9999, 12, 31), date(9999, 12, 31), 0), (date(1, 1, 1), date(1, 1, 1), 1)],
)
def test_calendar_edges(timeline: Timeline, start: date, end: date, kept: int) -> None:
    event = timeline.events[0].model_copy(
        update={
            "date": TimeValue(
                value="x", granularity=Granularity.DAY, start=start, end=end, anchoring=Anchoring.EXPLICIT
            )
        }
    )
    data = export(timeline.model_copy(update={"events": (event,)}))
    lint(data)
    assert len(parse(data).walk("VEVENT")) == kept


_text = st.text(st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=60, deadline=None)
@given(title=_text, sentence=_text, place=_text, participant=_text)
def test_any_text_gives_valid_folded_ics(title: str, sentence: str, place: str, participant: str) -> None:
    event = Event(
        id="e",
        date=TimeValue(
            value="2017-02",
            granularity=Granularity.MONTH,
            start=date(2017, 2, 1),
            end=date(2017, 2, 28),
            anchoring=Anchoring.EXPLICIT,
        ),
        title=title,
        trigger="t",
        sentence=sentence,
        status=Status.PAST,
        participants=(participant,),
        place=place,
        mentions=(Mention(document_id="d", start=0, end=1, text="x"),),
    )
    data = export(Timeline(documents=(), events=(event,)))
    lint(data)
    (parsed,) = parse(data).walk("VEVENT")
    expected = clean_line(title) or "t"  # an empty title falls back to the trigger
    assert str(parsed["summary"]) == f"{expected} [February 2017, day unknown]"
