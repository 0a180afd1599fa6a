"""The typed, underspecified values the tagger emits and the resolver completes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from timeline.models import Mod, TimexType


class Unit(StrEnum):
    """Calendar units, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    WEEKEND = "weekend"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


class Tense(StrEnum):
    """What the words around an expression say about its direction in time.

    PAST and FUTURE come from the clause's cue words (noisy: they only push the choice);
    BEGUN and PENDING from the word leading the date, which fixes it: "since March" has begun
    by the reference date, "until Friday" has not yet ended. PRESENT is a present-tense report
    ("the company says Tuesday"): the nearest occurrence, on either side."""

    PAST = "past"
    FUTURE = "future"
    BEGUN = "begun"
    PENDING = "pending"
    PRESENT = "present"
    UNKNOWN = "unknown"

    @property
    def looks_back(self) -> bool:
        return self in (Tense.PAST, Tense.BEGUN)

    @property
    def looks_ahead(self) -> bool:
        return self in (Tense.FUTURE, Tense.PENDING)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day: an hour (and minute) or a named part of the day (TimeML MO/AF/EV/NI)."""

    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO, AF, EV, NI, MI (midday), DT (daytime)
    utc: bool = False  # stated in UTC/GMT: TimeML writes it with a Z
    second: int | None = None
    zone: str | None = None  # the time zone as the text names it ("CET", "ET", "UTC")


@dataclass(frozen=True, slots=True)
class Absolute:
    """A calendar date with the parts the text states; a missing year comes from the context.

    `direction` says which occurrence a year-less date means: -1 "last April", +1 "next April",
    0 "this April", None when the text does not say.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    clock: ClockTime | None = None
    direction: int | None = None
    year_offset: int | None = None  # "June last year": the year relative to the reference
    week: bool = False  # "the week of March 6": the (ISO) week holding the date
    # The end of a range ("from December to February", "March 3-5"): the first such date after
    # the one the range starts from, not the one nearest the reference date.
    after_previous: bool = False


@dataclass(frozen=True, slots=True)
class Holiday:
    """A named day: a fixed month and day, the `nth` `weekday` on or after `from_day` of a month
    (-1: the last), or `easter` days from Easter Sunday; in `year`, or the occurrence the
    context gives (`direction` as for Absolute)."""

    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    from_day: int = 1
    nth: int = 1
    easter: int | None = None
    year: int | None = None
    direction: int | None = None
    clock: ClockTime | None = None  # "9 p.m. on Christmas Eve"


@dataclass(frozen=True, slots=True)
class Period:
    """A named part of a year: quarter (1-4), half (1-2) or season (SP, SU, FA, WI).

    The year is stated (`year`), relative to the reference (`year_offset`), or, when both are
    None, the current one; `offset` counts whole periods from the current one ("last quarter").
    """

    unit: Unit
    index: int | str | None
    year: int | None = None
    year_offset: int | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Era:
    """A decade (value 199 for the 1990s) or a century (value 19 for the 20th century)."""

    unit: Unit
    value: int


@dataclass(frozen=True, slots=True)
class Relative:
    """`offset` whole units from the reference date: "last week" is (WEEK, -1), "today" (DAY, 0)."""

    unit: Unit
    offset: int | None
    clock: ClockTime | None = None
    # "a year ago" comparing reporting periods: when the text was just speaking of a quarter
    # or half, it means that period a year before (TimeML news convention).
    comparative: bool = False
    # "the weekend": which one (past or coming) the clause's tense decides, not the calendar.
    by_tense: bool = False


@dataclass(frozen=True, slots=True)
class Weekday:
    """A named day of the week (0 = Monday), with the direction the text gives, if any."""

    weekday: int
    direction: int | None = None
    clock: ClockTime | None = None
    # "the previous Friday": counted from the date last spoken of, not from the reference date.
    from_previous: bool = False


@dataclass(frozen=True, slots=True)
class Shift:
    """`offset` units from the previous date in the text ("two days later", "a year earlier")."""

    unit: Unit
    offset: int | None
    clock: ClockTime | None = None
    # "the year-ago quarter" is a quarter even when the date spoken of was a day.
    at_most: Unit | None = None
    # "year-earlier results" compare with the current reporting period: a date spoken of that
    # ended long before the reference date is not that period (it is the compared one).
    current_period: bool = False


@dataclass(frozen=True, slots=True)
class Vague:
    """A reference with no calendar extent: PRESENT_REF, PAST_REF, FUTURE_REF."""

    value: str


@dataclass(frozen=True, slots=True)
class Duration:
    """An amount of time: `amount` units (None = unspecified, TimeML X), and a half more."""

    unit: Unit
    amount: int | None
    half: bool = False  # "two and a half years" = P2Y6M, "5 1/2 hours" = PT5H30M
    # A time stated in several units, coarsest first: a race time "1:58:40" = PT1H58M40S.
    parts: tuple[tuple[Unit, int], ...] = ()
    # "a decade" is one decade (TimeML P1DE), not ten years counted.
    in_decades: bool = False
    # "two days after the siege": +1 after / -1 before an event the text names; a narrative
    # dates it from its last date (news keeps the duration).
    then: int | None = None


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A set: every `period`, every named weekday (with an optional part of day), or every named
    month."""

    period: Duration | None = None
    weekday: int | None = None
    clock: ClockTime | None = None
    month: int | None = None  # "each July": every year's July


Expression = Absolute | Holiday | Period | Era | Relative | Weekday | Shift | Vague | Duration | Recurrence


@dataclass(frozen=True, slots=True)
class Candidate:
    """A temporal expression found in a text, before resolution."""

    start: int
    end: int
    text: str
    rule: str
    type: TimexType
    expression: Expression
    mod: Mod | None = None
    tense: Tense = Tense.UNKNOWN
