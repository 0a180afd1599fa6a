"""Resolution: underspecified candidates to TimeML values against the reference or previous date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.models import Anchoring, Granularity, TimeValue, Timex
from timeline.resolving import calendar, values
from timeline.resolving.values import GRANULARITY_OF_UNIT, UNRESOLVED, clock_granularity
from timeline.settings import TaggerSettings
from timeline.tagging.expressions import (
    Absolute,
    Candidate,
    ClockTime,
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

_ORDER = {granularity: rank for rank, granularity in enumerate(Granularity)}
_PERIODS = (Granularity.QUARTER, Granularity.HALF)


@dataclass(frozen=True, slots=True)
class Point:
    """A resolved calendar value: the `granularity` period containing `day`."""

    granularity: Granularity
    day: dt.date
    clock: ClockTime | None = None
    weekend: bool = False

    def value(self) -> str:
        return values.point(self.granularity, self.day, self.clock, self.weekend)

    def span(self) -> tuple[dt.date, dt.date]:
        if self.weekend:
            saturday = self.day + dt.timedelta(days=5 - self.day.weekday())
            return saturday, saturday + dt.timedelta(days=1)
        return calendar.span(self.granularity, self.day)


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A value that needs a reference date we do not have (TimeML X placeholders)."""

    value: str
    granularity: Granularity


Outcome = tuple[Point, Anchoring] | Unresolved | Vague | None


def _with_clock(granularity: Granularity, clock: ClockTime | None) -> Granularity:
    return clock_granularity(clock) if clock is not None and granularity is Granularity.DAY else granularity


def _unresolved_day(prefix: str, clock: ClockTime | None) -> Unresolved:
    granularity = clock_granularity(clock)
    return Unresolved(prefix + (values.clock_suffix(clock) if clock else ""), granularity)


def _absolute(e: Absolute, reference: dt.date | None, tense: Tense) -> Outcome:
    if e.month is None:
        if e.year is None:
            return None
        return Point(Granularity.YEAR, dt.date(e.year, 1, 1)), Anchoring.EXPLICIT
    granularity = _with_clock(Granularity.DAY if e.day is not None else Granularity.MONTH, e.clock)

    def point(year: int) -> Point | None:
        try:
            return Point(granularity, dt.date(year, e.month or 1, e.day or 1), e.clock)
        except ValueError:
            return None

    if e.year is not None:
        found = point(e.year)
        return (found, Anchoring.EXPLICIT) if found else None
    if reference is None:
        day = f"-{e.day:02d}" if e.day is not None else ""
        if e.day is None and e.clock is None:
            return Unresolved(f"XXXX-{e.month:02d}", Granularity.MONTH)
        return _unresolved_day(f"XXXX-{e.month:02d}{day}", e.clock)
    if e.year_offset is not None:
        found = point(reference.year + e.year_offset)
        return (found, Anchoring.REFERENCE_DATE) if found else None
    options = [p for p in (point(reference.year + k) for k in (-1, 0, 1)) if p is not None]
    chosen = _pick(options, e.direction, tense, reference)
    return (chosen, Anchoring.REFERENCE_DATE) if chosen else None


def _pick(options: list[Point], direction: int | None, tense: Tense, reference: dt.date) -> Point | None:
    """Which yearly occurrence a year-less date means: the one the direction word says,
    else the nearest, pushed by the clause's tense."""
    if direction == -1:
        before = [p for p in options if p.span()[1] < reference]
        return before[-1] if before else None
    if direction == 1:
        after = [p for p in options if p.span()[0] > reference]
        return after[0] if after else None
    if direction == 0:
        return next((p for p in options if p.day.year == reference.year), None)
    return min(options, key=lambda p: _distance(p, reference, tense), default=None)


def _holiday(e: Holiday, reference: dt.date | None, tense: Tense) -> Outcome:
    def point(year: int) -> Point | None:
        try:
            if e.easter is not None:
                return Point(Granularity.DAY, calendar.easter(year) + dt.timedelta(days=e.easter))
            if e.month is None:
                return None
            if e.day is not None:
                return Point(Granularity.DAY, dt.date(year, e.month, e.day))
            day = calendar.nth_weekday(year, e.month, e.weekday or 0, e.from_day, e.nth)
            return Point(Granularity.DAY, day)
        except ValueError:
            return None

    if e.year is not None:
        found = point(e.year)
        return (found, Anchoring.EXPLICIT) if found else None
    if reference is None:
        fixed = e.month is not None and e.day is not None
        return Unresolved(f"XXXX-{e.month:02d}-{e.day:02d}" if fixed else "XXXX-XX-XX", Granularity.DAY)
    options = [p for p in (point(reference.year + k) for k in (-1, 0, 1)) if p is not None]
    chosen = _pick(options, e.direction, tense, reference)
    return (chosen, Anchoring.REFERENCE_DATE) if chosen else None


# Days a year-less date is pushed away when it contradicts the clause's tense: the nearest
# occurrence wins unless the tense clearly points the other way (tense cues are noisy).
_TENSE_PENALTY = 120
# News mostly reports the past: with no tense cue, a later occurrence must be clearly nearer.
_FUTURE_PENALTY = 60


def _distance(point: Point, reference: dt.date, tense: Tense) -> int:
    start, end = point.span()
    days = (start - reference).days if start > reference else max(0, (reference - end).days)
    contradicts = (tense is Tense.PAST and start > reference) or (tense is Tense.FUTURE and end < reference)
    unknown_future = tense is Tense.UNKNOWN and start > reference
    return days + (_TENSE_PENALTY if contradicts else 0) + (_FUTURE_PENALTY if unknown_future else 0)


def _weekday(e: Weekday, reference: dt.date | None, tense: Tense) -> Outcome:
    granularity = clock_granularity(e.clock)
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
    elif tense is Tense.FUTURE:
        delta = (e.weekday - today) % 7
    else:
        delta = -((today - e.weekday) % 7)
    return Point(granularity, reference + dt.timedelta(days=delta), e.clock), Anchoring.REFERENCE_DATE


def _relative(e: Relative, reference: dt.date | None, anchor: Point | None, tense: Tense) -> Outcome:
    if e.comparative and e.offset and anchor is not None and anchor.granularity in _PERIODS:
        return Point(
            anchor.granularity, calendar.add_months(anchor.day, 12 * e.offset)
        ), Anchoring.PREVIOUS_DATE
    granularity = _with_clock(GRANULARITY_OF_UNIT[e.unit], e.clock)
    weekend = e.unit is Unit.WEEKEND
    if reference is None or e.offset is None:
        if e.clock is not None:
            return _unresolved_day("XXXX-XX-XX", e.clock)
        return Unresolved(UNRESOLVED[granularity] + ("-WE" if weekend else ""), granularity)
    if e.by_tense and weekend:
        return Point(granularity, _weekend(reference, tense), weekend=True), Anchoring.REFERENCE_DATE
    day = calendar.shift(reference, GRANULARITY_OF_UNIT[e.unit], e.offset)
    return Point(granularity, day, e.clock, weekend), Anchoring.REFERENCE_DATE


def _weekend(reference: dt.date, tense: Tense) -> dt.date:
    """A day of the week whose weekend "the weekend" means: the coming one when the clause
    speaks of the future, else the one just past early in the week, the coming one late in it."""
    weekday = reference.weekday()
    previous_week = reference - dt.timedelta(days=7)
    if weekday >= 5 or tense is Tense.FUTURE:
        return reference
    if tense is Tense.PAST or weekday <= 2:
        return previous_week
    return reference


def _period(e: Period, reference: dt.date | None) -> Outcome:
    granularity = GRANULARITY_OF_UNIT[e.unit]
    if e.unit is Unit.SEASON:
        return _season(e, reference)
    months = 3 if e.unit is Unit.QUARTER else 6
    letter = "Q" if e.unit is Unit.QUARTER else "H"
    if e.index is not None:
        index = int(e.index)
        if e.year is not None:
            return Point(granularity, dt.date(e.year, (index - 1) * months + 1, 1)), Anchoring.EXPLICIT
        if reference is None:
            return Unresolved(f"XXXX-{letter}{index}", granularity)
        year = reference.year + (e.year_offset or 0)
        return Point(granularity, dt.date(year, (index - 1) * months + 1, 1)), Anchoring.REFERENCE_DATE
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
    finer = _ORDER[base.granularity] >= _ORDER[unit_granularity] and e.offset
    granularity = base.granularity if finer else unit_granularity
    if _ORDER[granularity] > _ORDER[Granularity.DAY]:
        granularity = Granularity.DAY
    if e.at_most is not None and _ORDER[granularity] > _ORDER[GRANULARITY_OF_UNIT[e.at_most]]:
        granularity = GRANULARITY_OF_UNIT[e.at_most]
    day = calendar.shift(base.day, unit_granularity, e.offset or 0)
    return Point(_with_clock(granularity, e.clock), day, e.clock), anchoring


def _outcome(
    expression: Expression, tense: Tense, reference: dt.date | None, anchor: Point | None
) -> Outcome:
    match expression:
        case Absolute():
            return _absolute(expression, reference, tense)
        case Holiday():
            return _holiday(expression, reference, tense)
        case Weekday():
            return _weekday(expression, reference, tense)
        case Relative():
            return _relative(expression, reference, anchor, tense)
        case Period():
            return _period(expression, reference)
        case Era():
            return _era(expression)
        case Vague():
            return expression
        case Shift():
            if anchor is not None:
                return _shift(expression, anchor, Anchoring.PREVIOUS_DATE)
            if reference is not None:
                base = Point(GRANULARITY_OF_UNIT[expression.unit], reference)
                return _shift(expression, base, Anchoring.REFERENCE_DATE)
            granularity = GRANULARITY_OF_UNIT[expression.unit]
            return Unresolved(UNRESOLVED[granularity], granularity)
        case Duration() | Recurrence():
            return None
    return None


def _non_calendar_value(expression: Expression) -> str | None:
    if isinstance(expression, Duration):
        return values.duration(expression)
    if isinstance(expression, Recurrence):
        return values.recurrence(expression)
    return None


def resolve(
    candidates: tuple[Candidate, ...],
    reference_date: dt.date | None,
    settings: TaggerSettings | None = None,
) -> tuple[Timex, ...]:
    """Timexes with TimeML values; relative ones computed from `reference_date` (news) or,
    for "two days later"-style shifts, from the previous resolved date in the text."""
    anchor_to_previous = settings.anchor_to_previous if settings is not None else True
    found: list[Timex] = []
    anchor: tuple[int, Point] | None = None
    for candidate in candidates:
        common = {
            "start": candidate.start,
            "end": candidate.end,
            "text": candidate.text,
            "type": candidate.type,
            "mod": candidate.mod,
            "rule": candidate.rule,
        }
        plain = _non_calendar_value(candidate.expression)
        if plain is not None:
            found.append(Timex(value=plain, **common))
            continue
        previous = anchor[1] if anchor is not None and anchor_to_previous else None
        try:
            outcome = _outcome(candidate.expression, candidate.tense, reference_date, previous)
        except (OverflowError, ValueError):
            outcome = None
        if outcome is None:
            continue
        if isinstance(outcome, Vague):
            anchoring = Anchoring.REFERENCE_DATE if reference_date is not None else Anchoring.UNRESOLVED
            time = TimeValue(
                value=outcome.value, granularity=Granularity.VAGUE, anchoring=anchoring, mod=candidate.mod
            )
            found.append(Timex(value=outcome.value, time=time, **common))
            continue
        if isinstance(outcome, Unresolved):
            time = TimeValue(
                value=outcome.value,
                granularity=outcome.granularity,
                anchoring=Anchoring.UNRESOLVED,
                mod=candidate.mod,
            )
            found.append(Timex(value=outcome.value, time=time, **common))
            continue
        point, anchoring = outcome
        try:
            value = point.value()
            start, end = point.span()
        except (OverflowError, ValueError):
            continue
        time = TimeValue(
            value=value,
            granularity=point.granularity,
            start=start,
            end=end,
            anchoring=anchoring,
            mod=candidate.mod,
        )
        anchor_index = anchor[0] if anchoring is Anchoring.PREVIOUS_DATE and anchor is not None else None
        found.append(Timex(value=value, time=time, anchor_index=anchor_index, **common))
        if anchoring is not Anchoring.PREVIOUS_DATE:
            # "A year earlier ... year-earlier results" both compare with the period under
            # discussion, not with each other: shifted dates never become anchors themselves.
            anchor = (len(found) - 1, point)
    return tuple(found)
