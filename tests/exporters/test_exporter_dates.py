"""Shared calendar facts: precision in words, known date parts, clock times, text cleaning."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.exporters.dates import clock_time, known_parts, precision_label
from timeline.exporters.text import clean_line, clean_text
from timeline.models import Anchoring, Granularity, Mod, TimeValue

G = Granularity


def tv(
    value: str,
    granularity: Granularity,
    start: str | None,
    end: str | None,
    mod: Mod | None = None,
    zone: str | None = None,
) -> TimeValue:
    return TimeValue(
        value=value,
        granularity=granularity,
        start=date.fromisoformat(start) if start else None,
        end=date.fromisoformat(end) if end else None,
        anchoring=Anchoring.EXPLICIT if start else Anchoring.UNRESOLVED,
        mod=mod,
        zone=zone,
    )


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (tv("2014-10-22", G.DAY, "2014-10-22", "2014-10-22"), "22 October 2014"),
        (
            tv("2017-W06", G.WEEK, "2017-02-06", "2017-02-12"),
            "week 6 of 2017 (6\u201312 February 2017), day unknown",
        ),
        (
            tv("2015-W01", G.WEEK, "2014-12-29", "2015-01-04"),
            "week 1 of 2015 (29 December 2014 \u2013 4 January 2015), day unknown",
        ),
        (tv("2017-02", G.MONTH, "2017-02-01", "2017-02-28"), "February 2017, day unknown"),
        (tv("2017-12", G.MONTH, "2017-12-01", "2017-12-31", Mod.START), "early December 2017, day unknown"),
        (tv("2017", G.YEAR, "2017-01-01", "2017-12-31"), "2017, month and day unknown"),
        (tv("2015", G.YEAR, "2015-01-01", "2015-12-31", Mod.MID), "mid-2015, month and day unknown"),
        (
            tv("2017-Q1", G.QUARTER, "2017-01-01", "2017-03-31"),
            "Q1 2017 (1 January \u2013 31 March 2017), month and day unknown",
        ),
        (tv("199", G.DECADE, "1990-01-01", "1999-12-31"), "the 1990s, month and day unknown"),
        (tv("198", G.DECADE, "1980-01-01", "1989-12-31", Mod.END), "late 1980s, month and day unknown"),
        (tv("201", G.DECADE, "2010-01-01", "2019-12-31", Mod.START), "early 2010s, month and day unknown"),
        (tv("199", G.DECADE, "1990-01-01", "1999-12-31", Mod.MID), "mid-1990s, month and day unknown"),
        (
            tv("199", G.DECADE, "1990-01-01", "1999-12-31", Mod.BEFORE),
            "before the 1990s, month and day unknown",
        ),
        (
            tv("2017-SU", G.SEASON, "2017-06-01", "2017-08-31"),
            "summer 2017 (1 June \u2013 31 August 2017), month and day unknown",
        ),
        (
            tv("2017-02-10TMO", G.PART_OF_DAY, "2017-02-10", "2017-02-10"),
            "10 February 2017, morning, time unknown",
        ),
        # No zone in the text: the time as written, in the story's local time.
        (tv("2017-02-10T14:30", G.MINUTE, "2017-02-10", "2017-02-10"), "10 February 2017, 14:30 local time"),
        (tv("2017-02-10T14", G.HOUR, "2017-02-10", "2017-02-10"), "10 February 2017, 14:00 local time"),
        (tv("2017-02-10T14:30Z", G.MINUTE, "2017-02-10", "2017-02-10"), "10 February 2017, 14:30 UTC"),
        (
            tv("2017-02-10T20:00", G.MINUTE, "2017-02-10", "2017-02-10", zone="CET"),
            "10 February 2017, 20:00 CET",
        ),
        (
            tv("2017-02-10T20:00-05:00", G.MINUTE, "2017-02-10", "2017-02-10"),
            "10 February 2017, 20:00 UTC-05:00",
        ),
        (tv("2017-02-10T25:00", G.MINUTE, "2017-02-10", "2017-02-10"), "10 February 2017, time unknown"),
        (
            tv("XXXX-WXX", G.WEEK, None, None),
            "unresolved date XXXX-WXX (no reference date to resolve it against)",
        ),
    ],
)
def test_precision_label(value: TimeValue, label: str) -> None:
    assert precision_label(value) == label


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        (tv("2014-10-22", G.DAY, "2014-10-22", "2014-10-22"), (2014, 10, 22)),
        (tv("2017-W06", G.WEEK, "2017-02-06", "2017-02-12"), (2017, 2, None)),
        (tv("2017-W05", G.WEEK, "2017-01-30", "2017-02-05"), (2017, None, None)),
        (tv("2015-W01", G.WEEK, "2014-12-29", "2015-01-04"), (None, None, None)),
        (tv("2017-02", G.MONTH, "2017-02-01", "2017-02-28"), (2017, 2, None)),
        (tv("2017", G.YEAR, "2017-01-01", "2017-12-31"), (2017, None, None)),
        (tv("199", G.DECADE, "1990-01-01", "1999-12-31"), (None, None, None)),
        (tv("XXXX", G.YEAR, None, None), (None, None, None)),
    ],
)
def test_known_parts_are_those_every_day_shares(
    value: TimeValue, parts: tuple[int | None, int | None, int | None]
) -> None:
    assert known_parts(value) == parts


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        # No zone: a floating local time (naive), never a guessed UTC.
        ("2017-02-10T14:30", datetime(2017, 2, 10, 14, 30)),
        ("2017-02-10T14", datetime(2017, 2, 10, 14)),
        ("2017-02-10T14:30:15Z", datetime(2017, 2, 10, 14, 30, 15, tzinfo=UTC)),
        ("2017-02-10T00:30+01:00", datetime(2017, 2, 9, 23, 30, tzinfo=UTC)),
        ("2017-02-10T14:30-0500", datetime(2017, 2, 10, 19, 30, tzinfo=UTC)),
        ("2017-02-10T24:00", None),
        ("2017-02-10TAF", None),
        ("2017-02-10", None),
    ],
)
def test_clock_time_is_utc_when_the_zone_is_known_else_floating(value: str, moment: datetime | None) -> None:
    found = clock_time(tv(value, G.MINUTE, "2017-02-10", "2017-02-10"))
    assert found == moment
    assert found is None or moment is None or (found.tzinfo is None) == (moment.tzinfo is None)


@pytest.mark.parametrize(
    ("zone", "day", "moment"),
    [
        ("CET", "2017-02-10", datetime(2017, 2, 10, 19, tzinfo=UTC)),
        ("CEST", "2017-07-10", datetime(2017, 7, 10, 18, tzinfo=UTC)),
        ("GMT", "2017-02-10", datetime(2017, 2, 10, 20, tzinfo=UTC)),
        ("UTC", "2017-02-10", datetime(2017, 2, 10, 20, tzinfo=UTC)),
        # ET follows New York's summer time: EST in February, EDT in July.
        ("ET", "2017-02-10", datetime(2017, 2, 11, 1, tzinfo=UTC)),
        ("ET", "2017-07-10", datetime(2017, 7, 11, 0, tzinfo=UTC)),
        ("PT", "2017-07-10", datetime(2017, 7, 11, 3, tzinfo=UTC)),
        ("EST", "2017-07-10", datetime(2017, 7, 11, 1, tzinfo=UTC)),
        ("UTC+3", "2017-02-10", datetime(2017, 2, 10, 17, tzinfo=UTC)),
        ("Europe/Paris", "2017-07-10", datetime(2017, 7, 10, 18, tzinfo=UTC)),
        # A name we cannot be sure of is no zone: floating, not a guess.
        ("IST", "2017-02-10", datetime(2017, 2, 10, 20)),
        ("Mars/Olympus", "2017-02-10", datetime(2017, 2, 10, 20)),
    ],
)
def test_a_zone_named_in_the_text_gives_the_utc_moment(zone: str, day: str, moment: datetime) -> None:
    assert clock_time(tv(f"{day}T20:00", G.MINUTE, day, day, zone=zone)) == moment


def test_day_values_have_no_clock_time() -> None:
    assert clock_time(tv("2017-02-10T14:30", G.DAY, "2017-02-10", "2017-02-10")) is None


@pytest.mark.parametrize(
    ("raw", "text", "line"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd", "a b c d"),
        ("bell\x07 nul\x00 del\x7f c1\x9b", "bell nul del c1", "bell nul del c1"),
        ("tab\tkept\u2028sep", "tab\tkept\nsep", "tab kept sep"),
        ("  spaced   out  ", "  spaced   out  ", "spaced out"),
    ],
)
def test_text_cleaning(raw: str, text: str, line: str) -> None:
    assert clean_text(raw) == text
    assert clean_line(raw) == line
