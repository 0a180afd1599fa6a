"""From the named groups of a rule match to a typed underspecified expression (one builder per kind)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.models import Mod
from timeline.settings import TaggerSettings
from timeline.tagging import numbers
from timeline.tagging.expressions import (
    Absolute,
    ClockTime,
    Duration,
    Era,
    Expression,
    Holiday,
    Period,
    Recurrence,
    Relative,
    Shift,
    Unit,
    Vague,
    Weekday,
)
from timeline.tagging.numbers import key


@lru_cache(maxsize=4096)
def _table_key(surface: str) -> str:
    """The key a matched string has in a table; the matched words recur, so it is kept."""
    return key(surface).replace("-", " ")


# Not frozen: one is made per rule match and only read, and a frozen dataclass pays a
# object.__setattr__ call per field when it is made (1.5 against 0.4 us).
@dataclass(slots=True)
class Match:
    """What a builder sees: the matched text, its named groups, the rule's fixed parameters."""

    surface: str
    fields: Mapping[str, str]
    params: Mapping[str, str | int]
    tables: Mapping[str, Mapping[str, Any]]
    settings: TaggerSettings

    def lookup(self, table: str, field: str) -> Any:
        """The table value of a matched group (None when the group did not take part)."""
        surface = self.fields.get(field)
        if surface is None:
            return None
        return self.tables[table].get(_table_key(surface))

    def count(self, field: str = "number") -> int | None:
        return numbers.number(self.fields[field], self.tables["number"])

    def param_int(self, name: str) -> int | None:
        value = self.params.get(name)
        return int(value) if value is not None else None

    def unit(self) -> Unit:
        for field in ("unit", "unit_singular", "unit_plural", "unit_calendar"):
            if field in self.fields:
                return Unit(self.tables["unit"][key(self.fields[field])])
        return Unit(str(self.params["unit"]))

    def direction(self, field: str = "direction") -> int | None:
        value = self.lookup("direction", field) if field in self.fields else None
        return int(value) if value is not None else self.param_int(field)

    def year(self) -> int | None:
        if "year_words" in self.fields:
            tables = self.tables
            return numbers.spelled_year(self.fields["year_words"], tables["number"], tables["century_word"])
        for field in ("year", "year2"):
            if field in self.fields:
                return numbers.year(self.fields[field])
        return self.param_int("year")

    def month(self) -> int | None:
        if "month" in self.fields:
            return int(self.tables["month"][key(self.fields["month"])])
        if "month_num" in self.fields:
            return int(self.fields["month_num"])
        return None

    def clock(self) -> ClockTime | None:
        fields = self.fields
        named = self.lookup("named_time", "named_time") if "named_time" in fields else None
        if named is not None:
            return ClockTime(hour=int(named), minute=0)
        part = self.lookup("part_of_day", "part_of_day") if "part_of_day" in fields else None
        if part is None and "part" in self.params:
            part = str(self.params["part"])
        if "hour" not in self.fields:
            return ClockTime(part=str(part)) if part is not None else None
        hour = int(self.fields["hour"])
        minute = int(self.fields["minute"]) if "minute" in self.fields else None
        second = int(self.fields["second"]) if "second" in self.fields else None
        meridiem = key(self.fields.get("ampm", "")).replace(" ", "")
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or (meridiem and hour > 23):
            return None
        zone = self.fields.get("timezone")
        utc = zone is not None and key(zone) in ("utc", "gmt", "z")
        return ClockTime(hour=hour, minute=minute, utc=utc, second=second, zone=zone)

    def signed(self) -> int | None:
        """number x sign ("two days ago" = -2); None for vague amounts ("a few days ago")."""
        amount = self.count()
        sign = self.param_int("sign") or 1
        return None if amount is None else amount * sign


Builder = Callable[[Match], Expression | None]


def _full_date(m: Match) -> Expression | None:
    found = numbers.full_date(m.fields.get("date", m.surface), m.settings.day_first, m.settings.language)
    return Absolute(found.year, found.month, found.day, clock=m.clock()) if found is not None else None


def _numeric_date(m: Match) -> Expression | None:
    first, second = int(m.fields["n1"]), int(m.fields["n2"])
    day, month = (first, second) if m.settings.day_first else (second, first)
    year = m.year()
    if year is None or not 1 <= month <= 12:
        return None
    text = f"{day:02d}/{month:02d}/{year}"  # canonical form: dateparser validates it
    found = numbers.full_date(text, True, "en")
    return Absolute(found.year, found.month, found.day) if found is not None else None


def _absolute(m: Match) -> Expression | None:
    day = int(m.fields["day"]) if "day" in m.fields else m.param_int("day")
    return Absolute(
        year=m.year(),
        month=m.month() or m.param_int("month"),
        day=day,
        clock=m.clock(),
        direction=m.direction(),
        year_offset=m.direction("year_direction"),
        week=bool(m.param_int("week")),
    )


def _year_range(m: Match) -> Expression | None:
    """The first year of "1994-97" or "1994-1997" (the finder adds the second); nothing when
    what follows the dash is no later year ("2014-10" is a month)."""
    start = int(m.fields["year"])
    return Absolute(start) if numbers.range_end_year(start, m.fields["year_end"]) is not None else None


def _holiday(m: Match) -> Expression | None:
    entry = m.lookup("holiday", "holiday")
    if entry is None:
        return None
    return Holiday(
        month=entry.get("month"),
        day=entry.get("day"),
        weekday=entry.get("weekday"),
        from_day=entry.get("from_day", 1),
        nth=entry.get("nth", 1),
        easter=entry.get("easter"),
        year=m.year(),
        direction=m.direction(),
        clock=m.clock(),
    )


def _period(m: Match) -> Expression | None:
    unit = Unit(str(m.params["unit"]))
    index: int | str | None
    if "season" in m.fields:
        index = str(m.lookup("season", "season"))
    elif "ordinal" in m.fields:
        index = int(m.lookup("ordinal", "ordinal"))
        index = min(index, 2) if unit is Unit.HALF else index
    else:
        index = m.param_int("index")
    return Period(
        unit=unit,
        index=index,
        year=m.year(),
        year_offset=m.direction("year_direction"),
        offset=m.direction() if "direction" in m.fields else m.param_int("offset"),
    )


def _era(m: Match) -> Expression | None:
    if "decade" in m.fields:
        decade = int(m.fields["decade"])
        # "the 1800s" is the century (the years 1800-1899), not the decade 1800-1809; "the
        # 2000s" is used for the decade as much as for the century and stays a decade.
        if decade % 10 == 0 and decade < 200:
            return Era(Unit.CENTURY, decade // 10)
        return Era(Unit.DECADE, decade)
    if "decade2" in m.fields:
        return Era(Unit.DECADE, 190 + int(m.fields["decade2"]))
    if "decade_word" in m.fields:
        return Era(Unit.DECADE, 190 + int(m.lookup("decade_word", "decade_word")))
    century = m.lookup("century", "ordinal_century")
    return Era(Unit.CENTURY, int(century) - 1) if century is not None else None


def _relative(m: Match) -> Expression | None:
    if "day_word" in m.fields and "offset" not in m.params:
        return Relative(Unit.DAY, int(m.lookup("day_word", "day_word")), m.clock())
    offset: int | None
    if "number" in m.fields:
        offset = m.signed()
        if offset is None:  # "a few years ago": only the direction is known
            return Vague("PAST_REF" if (m.param_int("sign") or 1) < 0 else "FUTURE_REF")
    else:
        offset = m.direction() if "direction" in m.fields else m.param_int("offset")
        offset = 0 if offset is None else offset
    unit = m.unit()
    if unit is Unit.QUARTER:
        return Period(Unit.QUARTER, None, offset=offset)
    comparative = bool(m.param_int("comparative")) and unit is Unit.YEAR
    by_tense = bool(m.param_int("by_tense"))
    return Relative(unit, offset, m.clock(), comparative=comparative, by_tense=by_tense)


def _weekday(m: Match) -> Expression | None:
    weekday = m.lookup("weekday", "weekday")
    if weekday is None:
        return None
    return Weekday(int(weekday), m.direction(), m.clock(), from_previous=bool(m.param_int("from_previous")))


def _shift(m: Match) -> Expression | None:
    if "number" in m.fields:
        offset = m.signed()
    else:
        offset = m.direction() if "direction" in m.fields else m.param_int("offset")
    if offset is None:  # "days later": only the direction is known
        return Vague("PAST_REF" if (m.param_int("sign") or 1) < 0 else "FUTURE_REF")
    at_most = m.params.get("at_most")
    unit = m.unit()
    if m.param_int("as_unit"):  # "the following year" is a year, even after a day
        return Shift(unit, offset, m.clock(), unit)
    return Shift(
        unit,
        offset,
        m.clock(),
        Unit(str(at_most)) if at_most is not None else None,
        current_period=bool(m.param_int("current_period")),
    )


def _vague(m: Match) -> Expression | None:
    if "value" in m.params:
        return Vague(str(m.params["value"]))
    value = m.lookup("vague", "vague_ref")
    return Vague(str(value)) if value is not None else None


def _duration(m: Match) -> Expression | None:
    amount = m.count() if "number" in m.fields else m.param_int("amount")
    half = "half" in m.fields or "half_after" in m.fields
    unit = m.unit()
    # "a decade" names one decade; "two decades" counts years (P20Y, as TimeBank writes it).
    single = unit is Unit.DECADE and key(m.fields.get("number", "")) in ("a", "an", "one")
    return Duration(unit, amount, half=half, in_decades=single)


def _before_common_era(m: Match) -> Expression | None:
    """ "480 BC" = BC0480, "April 480 BC" = BC0480-04 (no calendar span: no value before year 1)."""
    month = m.month()
    return Vague(f"BC{int(m.fields['bc_year']):04d}" + (f"-{month:02d}" if month else ""))


def _clock_duration(m: Match) -> Expression | None:
    """A race time "1:58:40": hours, minutes and seconds."""
    hours, minutes, seconds = (int(m.fields[name]) for name in ("hours", "minutes", "seconds"))
    parts = ((Unit.HOUR, hours), (Unit.MINUTE, minutes), (Unit.SECOND, seconds))
    return Duration(Unit.HOUR, hours, parts=parts)


def _recurrence(m: Match) -> Expression | None:
    if "frequency" in m.fields:
        return Recurrence(period=Duration(Unit(m.lookup("frequency", "frequency")), 1))
    if "weekday" in m.fields:
        return Recurrence(weekday=int(m.lookup("weekday", "weekday")), clock=m.clock())
    if "month" in m.fields:
        return Recurrence(month=m.month())
    amount = m.count() if "number" in m.fields else 1
    return Recurrence(period=Duration(m.unit(), amount))


BUILDERS: Mapping[str, Builder] = {
    "full_date": _full_date,
    "numeric_date": _numeric_date,
    "absolute": _absolute,
    "year_range": _year_range,
    "holiday": _holiday,
    "period": _period,
    "era": _era,
    "relative": _relative,
    "weekday": _weekday,
    "shift": _shift,
    "vague": _vague,
    "duration": _duration,
    "clock_duration": _clock_duration,
    "before_common_era": _before_common_era,
    "recurrence": _recurrence,
}


_MOD_FIELDS = ("mod", "mod_prefix", "mod_phrase", "approx", "approx2", "approx3")


def build_mod(m: Match) -> Mod | None:
    """The rule's fixed mod, else the one its mod or approximation words say."""
    if "mod" in m.params:
        return Mod(str(m.params["mod"]))
    fields = m.fields
    for field in _MOD_FIELDS:
        # Most matches have none of these groups: test membership before the table lookup.
        if field in fields:
            value = m.lookup("mod", field)
            if value is not None:
                return Mod(str(value))
    return None
