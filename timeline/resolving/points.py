"""What resolution produces: a calendar point with its granularity, or an unresolved placeholder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.models import Anchoring, Granularity
from timeline.resolving import calendar, values
from timeline.resolving.values import clock_granularity
from timeline.tagging.expressions import ClockTime, Vague

ORDER = {granularity: rank for rank, granularity in enumerate(Granularity)}
PERIODS = (Granularity.QUARTER, Granularity.HALF)


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


def with_clock(granularity: Granularity, clock: ClockTime | None) -> Granularity:
    return clock_granularity(clock) if clock is not None and granularity is Granularity.DAY else granularity


def unresolved_day(prefix: str, clock: ClockTime | None) -> Unresolved:
    granularity = clock_granularity(clock)
    return Unresolved(prefix + (values.clock_suffix(clock) if clock else ""), granularity)
