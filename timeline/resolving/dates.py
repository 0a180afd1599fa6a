"""Resolving each kind of underspecified expression against the reference or the previous date."""

from __future__ import annotations

import datetime as dt

from timeline.models import Anchoring, Granularity
from timeline.resolving import calendar, values
from timeline.resolving.occurrence import pick, weekend_day
from timeline.resolving.points import (
    ORDER,
    PERIODS,
    Outcome,
    Point,
    Unresolved,
    unresolved_day,
    with_clock,
)
from timeline.resolving.values import GRANULARITY_OF_UNIT, UNRESOLVED, clock_granularity
from timeline.tagging.expressions import (
    Absolute,
    Duration,
    Era,
    Expression,
    Holiday,
    Period,
    Recurrence,
    Relative,
    Shift,
    Tense,
    Unit,
    Vague,
    Weekday,
)

# How near a date still to come a year-less date without tense must be to continue its year.
_CONTINUES_DAYS = 92


def _absolute(e: Absolute, reference: dt.date | None, tense: Tense, anchor: Point | None = None) -> Outcome:
    if e.month is None:
        if e.year is None:
            return None
        return Point(Granularity.YEAR, dt.date(e.year, 1, 1)), Anchoring.EXPLICIT
    granularity = with_clock(Granularity.DAY if e.day is not None else Granularity.MONTH, e.clock)
    if e.week and e.day is not None:
        granularity = Granularity.WEEK

    def point(year: int) -> Point | None:
        try:
            return Point(granularity, dt.date(year, e.month or 1, e.day or 1), e.clock)
        except ValueError:
            return None

    if e.year is not None:
        found = point(e.year)
        return (found, Anchoring.EXPLICIT) if found else None
    if e.after_previous and anchor is not None and ORDER[anchor.granularity] >= ORDER[Granularity.MONTH]:
        begins = anchor.span()[0]
        later = [p for p in (point(begins.year + k) for k in (0, 1)) if p is not None and p.day > begins]
        if later:
            return later[0], Anchoring.PREVIOUS_DATE
    if reference is None and granularity is Granularity.WEEK:
        return Unresolved(UNRESOLVED[granularity], granularity)
    if reference is None:
        day = f"-{e.day:02d}" if e.day is not None else ""
        if e.day is None and e.clock is None:
            return Unresolved(f"XXXX-{e.month:02d}", Granularity.MONTH)
        return unresolved_day(f"XXXX-{e.month:02d}{day}", e.clock)
    if e.year_offset is not None:
        found = point(reference.year + e.year_offset)
        return (found, Anchoring.REFERENCE_DATE) if found else None
    options = [p for p in (point(reference.year + k) for k in (-1, 0, 1)) if p is not None]
    if (
        tense is Tense.UNKNOWN
        and e.direction is None
        and anchor is not None
        and ORDER[anchor.granularity] >= ORDER[Granularity.MONTH]
        and anchor.span()[0] > reference
        and options
    ):
        # A programme or timetable ("from July 6 to July 12, a night of plays on July 17"): with
        # no tense of its own, a year-less date right after one still to come continues it.
        nearest = min(options, key=lambda p: abs((p.day - anchor.day).days))
        if abs((nearest.day - anchor.day).days) <= _CONTINUES_DAYS:
            return nearest, Anchoring.REFERENCE_DATE
    chosen = pick(options, e.direction, tense, reference)
    return (chosen, Anchoring.REFERENCE_DATE) if chosen else None


def _holiday(e: Holiday, reference: dt.date | None, tense: Tense) -> Outcome:
    granularity = with_clock(Granularity.DAY, e.clock)

    def point(year: int) -> Point | None:
        try:
            if e.easter is not None:
                day = calendar.easter(year) + dt.timedelta(days=e.easter)
            elif e.month is None:
                return None
            elif e.day is not None:
                day = dt.date(year, e.month, e.day)
            else:
                day = calendar.nth_weekday(year, e.month, e.weekday or 0, e.from_day, e.nth)
            return Point(granularity, day, e.clock)
        except ValueError:
            return None

    if e.year is not None:
        found = point(e.year)
        return (found, Anchoring.EXPLICIT) if found else None
    if reference is None:
        fixed = e.month is not None and e.day is not None
        return unresolved_day(f"XXXX-{e.month:02d}-{e.day:02d}" if fixed else "XXXX-XX-XX", e.clock)
    options = [p for p in (point(reference.year + k) for k in (-1, 0, 1)) if p is not None]
    chosen = pick(options, e.direction, tense, reference)
    return (chosen, Anchoring.REFERENCE_DATE) if chosen else None


def _weekday(e: Weekday, reference: dt.date | None, tense: Tense, anchor: Point | None = None) -> Outcome:
    granularity = clock_granularity(e.clock)
    anchoring = Anchoring.REFERENCE_DATE
    if e.from_previous and anchor is not None and ORDER[anchor.granularity] >= ORDER[Granularity.DAY]:
        reference, anchoring = anchor.day, Anchoring.PREVIOUS_DATE
    if reference is None:
        suffix = values.clock_suffix(e.clock) if e.clock else ""
        return Unresolved(f"XXXX-WXX-{e.weekday + 1}{suffix}", granularity)
    today = reference.weekday()
    if e.direction == -1:
        delta = -((today - e.weekday) % 7 or 7)
    elif e.direction == 1:
        delta = (e.weekday - today) % 7 or 7
    elif e.direction == 0:
        delta = e.weekday - today
    elif tense.looks_ahead:
        delta = (e.weekday - today) % 7
    elif tense is Tense.PRESENT:
        ahead = (e.weekday - today) % 7
        delta = ahead if ahead <= 3 else ahead - 7
    else:
        delta = -((today - e.weekday) % 7)
    return Point(granularity, reference + dt.timedelta(days=delta), e.clock), anchoring


def _relative(e: Relative, reference: dt.date | None, anchor: Point | None, tense: Tense) -> Outcome:
    if e.comparative and e.offset and anchor is not None and anchor.granularity in PERIODS:
        return Point(
            anchor.granularity, calendar.add_months(anchor.day, 12 * e.offset)
        ), Anchoring.PREVIOUS_DATE
    granularity = with_clock(GRANULARITY_OF_UNIT[e.unit], e.clock)
    weekend = e.unit is Unit.WEEKEND
    if reference is None or e.offset is None:
        if e.clock is not None:
            return unresolved_day("XXXX-XX-XX", e.clock)
        return Unresolved(UNRESOLVED[granularity] + ("-WE" if weekend else ""), granularity)
    if e.by_tense and weekend:
        return Point(granularity, weekend_day(reference, tense), weekend=True), Anchoring.REFERENCE_DATE
    day = calendar.shift(reference, GRANULARITY_OF_UNIT[e.unit], e.offset)
    return Point(granularity, day, e.clock, weekend), Anchoring.REFERENCE_DATE


def _last_reported(granularity: Granularity, reference: dt.date) -> dt.date:
    """The first day of the period last reported by `reference`: the one before the reference
    date's own (the quarter a January report is about is the fourth of the year before)."""
    return calendar.shift(calendar.span(granularity, reference)[0], granularity, -1)


def _period(
    e: Period, reference: dt.date | None, anchor: Point | None = None, tense: Tense = Tense.UNKNOWN
) -> Outcome:
    granularity = GRANULARITY_OF_UNIT[e.unit]
    if e.unit is Unit.SEASON:
        return _season(e, reference)
    if e.index is None and e.year is not None:
        # "the 1988 quarter": the quarter spoken of, else the last one reported (the one
        # before the reference date's), in 1988.
        if anchor is not None and anchor.granularity is granularity:
            return Point(granularity, dt.date(e.year, anchor.day.month, 1)), Anchoring.PREVIOUS_DATE
        if reference is not None:
            reported = _last_reported(granularity, reference)
            return Point(granularity, dt.date(e.year, reported.month, 1)), Anchoring.REFERENCE_DATE
        return Point(Granularity.YEAR, dt.date(e.year, 1, 1)), Anchoring.EXPLICIT
    months = 3 if e.unit is Unit.QUARTER else 6
    letter = "Q" if e.unit is Unit.QUARTER else "H"
    if e.index is not None:
        index = int(e.index)
        month = (index - 1) * months + 1  # the period's first month
        if e.year is not None:
            return Point(granularity, dt.date(e.year, month, 1)), Anchoring.EXPLICIT
        if reference is None:
            return Unresolved(f"XXXX-{letter}{index}", granularity)
        if e.year_offset is not None:
            year = reference.year + e.year_offset
            return Point(granularity, dt.date(year, month, 1)), Anchoring.REFERENCE_DATE
        # The reference date's year, except for the quarter last reported: "the fourth quarter"
        # in January is the one just ended, unless the clause speaks of the future.
        this_year = Point(granularity, dt.date(reference.year, month, 1))
        last_year = Point(granularity, dt.date(reference.year - 1, month, 1))
        just_ended = reference - last_year.span()[1] <= dt.timedelta(days=months * 31)
        quarter = e.unit is Unit.QUARTER
        if quarter and this_year.day > reference and just_ended and not tense.looks_ahead:
            return last_year, Anchoring.REFERENCE_DATE
        return this_year, Anchoring.REFERENCE_DATE
    if reference is None:
        return Unresolved(UNRESOLVED[granularity], granularity)
    day = calendar.shift(calendar.span(granularity, reference)[0], granularity, e.offset or 0)
    day = calendar.add_months(day, 12 * (e.year_offset or 0))
    return Point(granularity, day), Anchoring.REFERENCE_DATE


def _season(e: Period, reference: dt.date | None) -> Outcome:
    season = str(e.index)
    if e.year is not None:
        return Point(Granularity.SEASON, calendar.season_span(e.year, season)[0]), Anchoring.EXPLICIT
    if reference is None:
        return Unresolved(f"XXXX-{season}", Granularity.SEASON)
    current_start = calendar.season_span(*calendar.season_of(reference))[0]
    starts = [calendar.season_span(reference.year + k, season)[0] for k in (-2, -1, 0, 1)]
    if e.offset == -1:
        chosen = [s for s in starts if s < current_start][-1]
    elif e.offset == 1:
        chosen = next(s for s in starts if s > current_start)
    elif calendar.season_of(reference)[1] == season and not e.year_offset:
        chosen = current_start
    else:
        chosen = calendar.season_span(reference.year + (e.year_offset or 0), season)[0]
    return Point(Granularity.SEASON, chosen), Anchoring.REFERENCE_DATE


def _era(e: Era) -> Outcome:
    if e.unit is Unit.DECADE:
        return Point(Granularity.DECADE, dt.date(max(e.value * 10, 1), 1, 1)), Anchoring.EXPLICIT
    return Point(Granularity.CENTURY, dt.date(max(e.value * 100, 1), 1, 1)), Anchoring.EXPLICIT


def _shift(e: Shift, base: Point, anchoring: Anchoring) -> Outcome:
    unit_granularity = GRANULARITY_OF_UNIT[e.unit]
    # "a year earlier" than a quarter is that quarter a year before; "that year" is a year.
    finer = ORDER[base.granularity] >= ORDER[unit_granularity] and e.offset
    granularity = base.granularity if finer else unit_granularity
    if ORDER[granularity] > ORDER[Granularity.DAY]:
        granularity = Granularity.DAY
    if e.at_most is not None and ORDER[granularity] > ORDER[GRANULARITY_OF_UNIT[e.at_most]]:
        granularity = GRANULARITY_OF_UNIT[e.at_most]
    day = calendar.shift(base.day, unit_granularity, e.offset or 0)
    return Point(with_clock(granularity, e.clock), day, e.clock), anchoring


# A reporting period ends at most this long before the report about it (and a period
# beginning this long after it is a forecast's).
_REPORTING_LAG = dt.timedelta(days=183)


def _not_reported(anchor: Point, reference: dt.date | None) -> bool:
    """A period that cannot be the one a report compares with a year before: over long before
    the report, or beginning long after it ("losses through the third quarter of 1990")."""
    if reference is None:
        return False
    start, end = anchor.span()
    return end < reference - _REPORTING_LAG or start > reference + _REPORTING_LAG


def resolve_expression(
    expression: Expression,
    tense: Tense,
    reference: dt.date | None,
    anchor: Point | None,
    day_anchor: Point | None = None,
) -> Outcome:
    """The value of `expression`. `anchor` is the last date spoken of, `day_anchor` the last
    one of day precision: "the following day" after "June 28, 1919 ... 1918" is June 29."""
    match expression:
        case Absolute():
            return _absolute(expression, reference, tense, anchor)
        case Holiday():
            return _holiday(expression, reference, tense)
        case Weekday():
            return _weekday(expression, reference, tense, anchor)
        case Relative():
            return _relative(expression, reference, anchor, tense)
        case Period():
            return _period(expression, reference, anchor, tense)
        case Era():
            return _era(expression)
        case Vague():
            return expression
        case Shift():
            unit_granularity = GRANULARITY_OF_UNIT[expression.unit]
            if (
                anchor is not None
                and ORDER[anchor.granularity] < ORDER[unit_granularity]
                and day_anchor is not None
                and ORDER[day_anchor.granularity] >= ORDER[unit_granularity]
            ):
                anchor = day_anchor
            if (
                anchor is not None
                and reference is not None
                and expression.clock is not None
                and not expression.offset
                and tense is Tense.PAST
                and anchor.day > reference
            ):
                # "it reopened shortly before 8 a.m." after a sentence on the coming Thursday:
                # what is told as done happened by the day of writing, not on that Thursday.
                anchor = None
            # "Two days later" than "1998" says nothing: only as fine a date can anchor a shift;
            # "year-earlier" results never compare with a period long over.
            if (
                anchor is not None
                and ORDER[anchor.granularity] >= ORDER[unit_granularity]
                and not (expression.current_period and _not_reported(anchor, reference))
            ):
                return _shift(expression, anchor, Anchoring.PREVIOUS_DATE)
            if reference is not None and expression.at_most is Unit.QUARTER:
                # "the year-ago quarter" with no quarter spoken of: the one last reported, a
                # year before.
                reported = _last_reported(Granularity.QUARTER, reference)
                return _shift(expression, Point(Granularity.QUARTER, reported), Anchoring.REFERENCE_DATE)
            if reference is not None:
                return _shift(expression, Point(unit_granularity, reference), Anchoring.REFERENCE_DATE)
            return Unresolved(UNRESOLVED[unit_granularity], unit_granularity)
        case Duration() | Recurrence():
            return None
    return None
