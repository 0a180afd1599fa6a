"""The resolver's table: typed underspecified values against a fixed reference date, and without one."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.models import Anchoring, Granularity, Mod, TimexType
from timeline.resolving import resolve
from timeline.tagging.expressions import (
    Absolute,
    Candidate,
    ClockTime,
    Duration,
    Era,
    Expression,
    Period,
    Recurrence,
    Relative,
    Shift,
    Tense,
    Unit,
    Vague,
    Weekday,
)

REFERENCE = dt.date(2017, 2, 10)  # Friday of ISO week 2017-W06


def candidate(
    expression: Expression, kind: TimexType = TimexType.DATE, tense: Tense = Tense.UNKNOWN
) -> Candidate:
    return Candidate(0, 1, "x", "test", kind, expression, tense=tense)


TABLE = [
    (Absolute(2014, 10, 22), "2014-10-22", Granularity.DAY, "2014-10-22", "2014-10-22", Anchoring.EXPLICIT),
    (Absolute(2014, 10), "2014-10", Granularity.MONTH, "2014-10-01", "2014-10-31", Anchoring.EXPLICIT),
    (Absolute(2014), "2014", Granularity.YEAR, "2014-01-01", "2014-12-31", Anchoring.EXPLICIT),
    (Absolute(None, 12), "2016-12", Granularity.MONTH, "2016-12-01", "2016-12-31", Anchoring.REFERENCE_DATE),
    (
        Absolute(None, 11, direction=-1),
        "2016-11",
        Granularity.MONTH,
        "2016-11-01",
        "2016-11-30",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Absolute(None, 3, direction=1),
        "2017-03",
        Granularity.MONTH,
        "2017-03-01",
        "2017-03-31",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.WEEK, 0),
        "2017-W06",
        Granularity.WEEK,
        "2017-02-06",
        "2017-02-12",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.WEEK, 1),
        "2017-W07",
        Granularity.WEEK,
        "2017-02-13",
        "2017-02-19",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.MONTH, 0),
        "2017-02",
        Granularity.MONTH,
        "2017-02-01",
        "2017-02-28",
        Anchoring.REFERENCE_DATE,
    ),
    (Relative(Unit.YEAR, -1), "2016", Granularity.YEAR, "2016-01-01", "2016-12-31", Anchoring.REFERENCE_DATE),
    (
        Relative(Unit.DAY, -2),
        "2017-02-08",
        Granularity.DAY,
        "2017-02-08",
        "2017-02-08",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.WEEKEND, 0),
        "2017-W06-WE",
        Granularity.WEEK,
        "2017-02-11",
        "2017-02-12",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.DAY, 0, ClockTime(part="MO")),
        "2017-02-10TMO",
        Granularity.PART_OF_DAY,
        "2017-02-10",
        "2017-02-10",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Relative(Unit.DAY, 0, ClockTime(14, 30)),
        "2017-02-10T14:30",
        Granularity.MINUTE,
        "2017-02-10",
        "2017-02-10",
        Anchoring.REFERENCE_DATE,
    ),
    (Weekday(1, 1), "2017-02-14", Granularity.DAY, "2017-02-14", "2017-02-14", Anchoring.REFERENCE_DATE),
    (Weekday(4, -1), "2017-02-03", Granularity.DAY, "2017-02-03", "2017-02-03", Anchoring.REFERENCE_DATE),
    (Weekday(4), "2017-02-10", Granularity.DAY, "2017-02-10", "2017-02-10", Anchoring.REFERENCE_DATE),
    (
        Period(Unit.QUARTER, 3, year=1998),
        "1998-Q3",
        Granularity.QUARTER,
        "1998-07-01",
        "1998-09-30",
        Anchoring.EXPLICIT,
    ),
    (
        Period(Unit.QUARTER, None, offset=-1),
        "2016-Q4",
        Granularity.QUARTER,
        "2016-10-01",
        "2016-12-31",
        Anchoring.REFERENCE_DATE,
    ),
    (
        Period(Unit.HALF, 2, year=2013),
        "2013-H2",
        Granularity.HALF,
        "2013-07-01",
        "2013-12-31",
        Anchoring.EXPLICIT,
    ),
    (
        Period(Unit.SEASON, "SU", year=2012),
        "2012-SU",
        Granularity.SEASON,
        "2012-06-01",
        "2012-08-31",
        Anchoring.EXPLICIT,
    ),
    (
        Period(Unit.SEASON, "FA", offset=-1),
        "2016-FA",
        Granularity.SEASON,
        "2016-09-01",
        "2016-11-30",
        Anchoring.REFERENCE_DATE,
    ),
    (Era(Unit.DECADE, 199), "199", Granularity.DECADE, "1990-01-01", "1999-12-31", Anchoring.EXPLICIT),
    (Era(Unit.CENTURY, 19), "19", Granularity.CENTURY, "1900-01-01", "1999-12-31", Anchoring.EXPLICIT),
]


@pytest.mark.parametrize(("expression", "value", "granularity", "start", "end", "anchoring"), TABLE)
def test_resolution_table(
    expression: Expression, value: str, granularity: Granularity, start: str, end: str, anchoring: Anchoring
) -> None:
    (timex,) = resolve((candidate(expression),), REFERENCE)
    assert timex.value == value
    assert timex.time is not None
    assert timex.time.granularity is granularity
    assert (timex.time.start, timex.time.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert timex.time.anchoring is anchoring


UNRESOLVED = [
    (Relative(Unit.WEEK, 0), "XXXX-WXX"),
    (Relative(Unit.MONTH, 0), "XXXX-XX"),
    (Relative(Unit.YEAR, -1), "XXXX"),
    (Relative(Unit.DAY, -1), "XXXX-XX-XX"),
    (Weekday(4), "XXXX-WXX-5"),
    (Absolute(None, 10, 22), "XXXX-10-22"),
    (Period(Unit.QUARTER, 1), "XXXX-Q1"),
]


@pytest.mark.parametrize(("expression", "value"), UNRESOLVED)
def test_without_reference_date_values_stay_underspecified(expression: Expression, value: str) -> None:
    (timex,) = resolve((candidate(expression),), None)
    assert timex.value == value
    assert timex.time is not None
    assert timex.time.anchoring is Anchoring.UNRESOLVED
    assert timex.time.start is None and timex.time.end is None


def test_explicit_dates_resolve_without_reference_date() -> None:
    (timex,) = resolve((candidate(Absolute(2014, 10, 22)),), None)
    assert timex.value == "2014-10-22"
    assert timex.time is not None and timex.time.anchoring is Anchoring.EXPLICIT


def test_shift_anchors_to_the_previous_date() -> None:
    found = resolve((candidate(Absolute(2014, 10, 22)), candidate(Shift(Unit.DAY, 2))), REFERENCE)
    assert found[1].value == "2014-10-24"
    assert found[1].anchor_index == 0
    assert found[1].time is not None and found[1].time.anchoring is Anchoring.PREVIOUS_DATE


def test_shift_without_previous_date_uses_the_reference_date() -> None:
    (timex,) = resolve((candidate(Shift(Unit.YEAR, -1)),), REFERENCE)
    assert timex.value == "2016"
    assert timex.time is not None and timex.time.anchoring is Anchoring.REFERENCE_DATE


def test_year_earlier_than_a_quarter_is_that_quarter() -> None:
    quarter = candidate(Period(Unit.QUARTER, 3, year=1989))
    found = resolve((quarter, candidate(Shift(Unit.YEAR, -1))), REFERENCE)
    assert found[1].value == "1988-Q3"


def test_weekday_follows_tense() -> None:
    (past,) = resolve((candidate(Weekday(1), tense=Tense.PAST),), REFERENCE)
    (future,) = resolve((candidate(Weekday(1), tense=Tense.FUTURE),), REFERENCE)
    assert (past.value, future.value) == ("2017-02-07", "2017-02-14")


def test_durations_sets_and_vague_values() -> None:
    found = resolve(
        (
            candidate(Duration(Unit.YEAR, 3), TimexType.DURATION),
            candidate(Duration(Unit.MONTH, None), TimexType.DURATION),
            candidate(Duration(Unit.HOUR, 5), TimexType.DURATION),
            candidate(Duration(Unit.YEAR, 2, half=True), TimexType.DURATION),
            candidate(Recurrence(Duration(Unit.WEEK, 1)), TimexType.SET),
            candidate(Recurrence(weekday=4), TimexType.SET),
            candidate(Vague("PRESENT_REF")),
        ),
        REFERENCE,
    )
    assert [t.value for t in found] == ["P3Y", "PXM", "PT5H", "P2Y6M", "P1W", "XXXX-WXX-5", "PRESENT_REF"]
    assert [t.time for t in found[:6]] == [None] * 6
    assert found[6].time is not None and found[6].time.granularity is Granularity.VAGUE


def test_mod_is_kept() -> None:
    early = Candidate(0, 1, "x", "test", TimexType.DATE, Relative(Unit.YEAR, 0), mod=Mod.START)
    (timex,) = resolve((early,), REFERENCE)
    assert timex.mod is Mod.START and timex.time is not None and timex.time.mod is Mod.START


def test_dates_out_of_calendar_range_are_dropped() -> None:
    assert resolve((candidate(Relative(Unit.YEAR, 1)),), dt.date(9999, 6, 1)) == ()


def test_a_coarser_previous_date_cannot_anchor_a_shift() -> None:
    found = resolve((candidate(Absolute(1998)), candidate(Shift(Unit.DAY, 2))), REFERENCE)
    assert found[1].value == "2017-02-12"
    assert found[1].time is not None and found[1].time.anchoring is Anchoring.REFERENCE_DATE
