"""Writing TimeML values: calendar points by granularity, durations and sets."""

from __future__ import annotations

import datetime as dt

from timeline.models import Granularity
from timeline.resolving.calendar import season_of
from timeline.tagging.expressions import ClockTime, Duration, Recurrence, Unit

GRANULARITY_OF_UNIT = {
    Unit.CENTURY: Granularity.CENTURY,
    Unit.DECADE: Granularity.DECADE,
    Unit.YEAR: Granularity.YEAR,
    Unit.HALF: Granularity.HALF,
    Unit.QUARTER: Granularity.QUARTER,
    Unit.SEASON: Granularity.SEASON,
    Unit.MONTH: Granularity.MONTH,
    Unit.WEEK: Granularity.WEEK,
    Unit.WEEKEND: Granularity.WEEK,
    Unit.DAY: Granularity.DAY,
    Unit.HOUR: Granularity.HOUR,
    Unit.MINUTE: Granularity.MINUTE,
    Unit.SECOND: Granularity.SECOND,
}

# Unspecified values of a granularity, used when there is no reference date to resolve against.
UNRESOLVED = {
    Granularity.CENTURY: "XX",
    Granularity.DECADE: "XXX",
    Granularity.YEAR: "XXXX",
    Granularity.HALF: "XXXX-HX",
    Granularity.QUARTER: "XXXX-QX",
    Granularity.SEASON: "XXXX-XX",
    Granularity.MONTH: "XXXX-XX",
    Granularity.WEEK: "XXXX-WXX",
    Granularity.DAY: "XXXX-XX-XX",
    Granularity.PART_OF_DAY: "XXXX-XX-XXTXX",
    Granularity.HOUR: "XXXX-XX-XXTXX:XX",
    Granularity.MINUTE: "XXXX-XX-XXTXX:XX",
    Granularity.SECOND: "XXXX-XX-XXTXX:XX",
}


def clock_suffix(clock: ClockTime) -> str:
    if clock.hour is not None:
        seconds = f":{clock.second:02d}" if clock.second is not None else ""
        return f"T{clock.hour:02d}:{clock.minute or 0:02d}{seconds}" + ("Z" if clock.utc else "")
    return f"T{clock.part}"


def clock_granularity(clock: ClockTime | None) -> Granularity:
    if clock is None:
        return Granularity.DAY
    if clock.hour is None:
        return Granularity.PART_OF_DAY
    if clock.second is not None:
        return Granularity.SECOND
    return Granularity.HOUR if clock.minute is None else Granularity.MINUTE


def point(
    granularity: Granularity, day: dt.date, clock: ClockTime | None = None, weekend: bool = False
) -> str:
    """The TimeML value of the `granularity` period containing `day`."""
    year = day.year
    if granularity is Granularity.MILLENNIUM:
        return f"{year // 1000}"
    if granularity is Granularity.CENTURY:
        return f"{year // 100:02d}"
    if granularity is Granularity.DECADE:
        return f"{year // 10:03d}"
    if granularity is Granularity.YEAR:
        return f"{year:04d}"
    if granularity is Granularity.HALF:
        return f"{year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity is Granularity.QUARTER:
        return f"{year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity is Granularity.SEASON:
        season_year, season = season_of(day)
        return f"{season_year:04d}-{season}"
    if granularity is Granularity.MONTH:
        return f"{year:04d}-{day.month:02d}"
    if granularity is Granularity.WEEK:
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if weekend else "")
    value = day.isoformat()
    if clock is not None and granularity in (
        Granularity.PART_OF_DAY,
        Granularity.HOUR,
        Granularity.MINUTE,
        Granularity.SECOND,
    ):
        value += clock_suffix(clock)
    return value


_DESIGNATOR = {
    Unit.CENTURY: ("Y", 100, False),
    Unit.DECADE: ("Y", 10, False),
    Unit.YEAR: ("Y", 1, False),
    Unit.HALF: ("M", 6, False),
    Unit.QUARTER: ("M", 3, False),
    Unit.SEASON: ("M", 3, False),
    Unit.MONTH: ("M", 1, False),
    Unit.WEEK: ("W", 1, False),
    Unit.WEEKEND: ("D", 2, False),
    Unit.DAY: ("D", 1, False),
    Unit.HOUR: ("H", 1, True),
    Unit.MINUTE: ("M", 1, True),
    Unit.SECOND: ("S", 1, True),
}


# Half a unit in the next smaller designator ("two and a half years" = P2Y6M); a half week or
# month has no exact value and is left out.
_HALF = {Unit.YEAR: "6M", Unit.DAY: "T12H", Unit.HOUR: "30M", Unit.MINUTE: "30S"}


def duration(value: Duration) -> str:
    """P3Y, PXM, PT5H, P2Y6M, PT5H30M, P20Y (two decades), P1DE (a decade), PT1H58M40S."""
    if value.parts:
        return "PT" + "".join(f"{amount}{_DESIGNATOR[unit][0]}" for unit, amount in value.parts if amount)
    if value.in_decades and value.amount is not None and not value.half:
        return f"P{value.amount}DE"
    designator, factor, is_time = _DESIGNATOR[value.unit]
    if value.amount is None:
        return ("PT" if is_time else "P") + "X" + designator
    amount = value.amount * factor
    extra = ""
    if value.half and value.unit in (Unit.DECADE, Unit.CENTURY):
        amount += factor // 2
    elif value.half:
        extra = _HALF.get(value.unit, "")
    return ("PT" if is_time else "P") + str(amount) + designator + extra


def recurrence(value: Recurrence) -> str:
    if value.weekday is not None:
        suffix = clock_suffix(value.clock) if value.clock is not None else ""
        return f"XXXX-WXX-{value.weekday + 1}{suffix}"
    if value.month is not None:
        return f"XXXX-{value.month:02d}"
    if value.period is not None:
        return duration(value.period)
    return "PX"
