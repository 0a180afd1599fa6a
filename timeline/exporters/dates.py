"""Calendar facts every exporter shares: known date parts, clock times, and precision in words."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from timeline.exporters.zones import offset_label, to_utc, zone_named
from timeline.models import Granularity, Mod, TimeValue

# English month names kept here, not taken from strftime("%B"), whose output depends on the
# machine's locale and would make exports differ between machines.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

CLOCK_GRANULARITIES = frozenset({Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND})
COARSER_THAN_DAY = frozenset(
    {
        Granularity.MILLENNIUM,
        Granularity.CENTURY,
        Granularity.DECADE,
        Granularity.YEAR,
        Granularity.HALF,
        Granularity.QUARTER,
        Granularity.SEASON,
        Granularity.MONTH,
        Granularity.WEEK,
    }
)

_CLOCK = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})T(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})")
_QUARTER = re.compile(r"^(?P<year>\d{4})-Q(?P<n>[1-4])$")
_HALF = re.compile(r"^(?P<year>\d{4})-H(?P<n>[12])$")
# An en dash between the ends of a span, as in "6\u201312 February 2017".
DASH = "\u2013"
SPACED_DASH = f" {DASH} "

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SEASON = re.compile(r"^(?P<year>\d{4})-(?P<s>SP|SU|FA|WI)$")
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_PART_OF_DAY = re.compile(r"T(?P<p>MO|MI|AF|EV|NI|DT)$")

_MOD_WORDS = {
    Mod.START: "early",
    Mod.MID: "mid",
    Mod.END: "late",
    Mod.APPROX: "about",
    Mod.BEFORE: "before",
    Mod.AFTER: "after",
    Mod.ON_OR_BEFORE: "on or before",
    Mod.ON_OR_AFTER: "on or after",
    Mod.LESS_THAN: "less than",
    Mod.MORE_THAN: "more than",
    Mod.EQUAL_OR_LESS: "at most",
    Mod.EQUAL_OR_MORE: "at least",
}
# Mods worded as adjectives, which take the place of a decade's "the".
_ADJECTIVE_MODS = frozenset({Mod.START, Mod.MID, Mod.END})


class Clock(NamedTuple):
    """A clock time as the text gives it."""

    wall: datetime  # naive: the date and time as written
    zone: tzinfo | None  # None: the text names no zone we know, a floating local time
    zone_name: str | None  # how a reader is told the zone: "CET", "UTC", "UTC-05:00"


def clock_of(value: TimeValue) -> Clock | None:
    """The clock time of a TIME value, with its zone when the text names one: a TimeML offset
    ("T20:00Z", "T20:00-05:00") or the zone the tagger read ("8 p.m. CET"). None for values
    without a clock time."""
    if value.granularity not in CLOCK_GRANULARITIES or value.start is None:
        return None
    match = _CLOCK.match(value.value)
    if match is None:
        return None
    year, month, day = (int(part) for part in match["date"].split("-"))
    try:
        wall = datetime(
            year, month, day, int(match["hour"]), int(match["minute"] or 0), int(match["second"] or 0)
        )
    except ValueError:  # "T25:00", "2017-02-30T10"
        return None
    if match["zone"] == "Z":
        return Clock(wall, UTC, "UTC")
    if match["zone"]:
        digits = match["zone"].replace(":", "")
        offset = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
        zone = timezone(-offset if digits[0] == "-" else offset)
        return Clock(wall, zone, offset_label(wall.date(), zone))
    named = zone_named(value.zone) if value.zone else None
    if named is not None and value.zone is not None:
        return Clock(wall, named, value.zone.strip())
    return Clock(wall, None, None)


def clock_time(value: TimeValue) -> datetime | None:
    """The moment of a TIME value with a clock time, else None.

    News gives times in the local time of the story, which we know only when the text names the
    zone ("8 p.m. ET"). Then the moment is an aware UTC datetime. Otherwise it is a naive
    datetime, a floating local time: calendars and viewers show "8 p.m." as 8 p.m. wherever
    they are, where a guessed UTC would move it by the reader's offset.
    """
    clock = clock_of(value)
    if clock is None:
        return None
    if clock.zone is None:
        return clock.wall
    try:
        return to_utc(clock.wall, clock.zone)
    except OverflowError:  # past year 9999 in UTC
        return None


def iso_moment(moment: datetime) -> str:
    """ISO 8601 with a four-digit year (strftime("%Y") drops leading zeros on Linux): in UTC with
    a Z for an aware moment, without a zone for a floating local time."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    zone = "Z" if moment.tzinfo is not None else ""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}{zone}"
    )


# The old name, kept for callers: a floating time now comes out without the Z.
iso_utc = iso_moment


def known_parts(value: TimeValue) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) that every day of the span shares; None for the parts not known.

    A month-only date gives (2017, 2, None), a year (2017, None, None); a week inside one month
    gives its year and month; an unresolved value gives nothing.
    """
    start, end = value.start, value.end
    if start is None or end is None or start.year != end.year:
        return (None, None, None)
    if start.month != end.month:
        return (start.year, None, None)
    if start != end:
        return (start.year, start.month, None)
    return (start.year, start.month, start.day)


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _span_label(start: date, end: date) -> str:
    if start.year != end.year:
        return f"{day_label(start)}{SPACED_DASH}{day_label(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]}{SPACED_DASH}{day_label(end)}"
    return f"{start.day}{DASH}{day_label(end)}"


def _base_label(value: TimeValue, start: date, end: date) -> str:
    granularity = value.granularity
    if granularity is Granularity.DAY:
        return day_label(start)
    if granularity is Granularity.PART_OF_DAY:
        part = _PART_OF_DAY.search(value.value)
        return f"{day_label(start)}, {_PARTS_OF_DAY[part['p']] if part else 'part of the day'}"
    if granularity in CLOCK_GRANULARITIES:
        clock = clock_of(value)
        if clock is None or clock_time(value) is None:
            return day_label(start)
        wall = clock.wall
        seconds = f":{wall.second:02d}" if granularity is Granularity.SECOND else ""
        zone = clock.zone_name if clock.zone_name else "local time"
        return f"{day_label(start)}, {wall.hour:02d}:{wall.minute:02d}{seconds} {zone}"
    if granularity is Granularity.WEEK:
        week = _WEEK.match(value.value)
        year, number = (int(week["year"]), int(week["week"])) if week else start.isocalendar()[:2]
        return f"week {number} of {year} ({_span_label(start, end)})"
    if granularity is Granularity.MONTH and start.month == end.month:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if granularity is Granularity.YEAR and start.year == end.year:
        return str(start.year)
    for pattern, template in (
        (_QUARTER, "Q{n} {year}"),
        (_HALF, "H{n} {year}"),
    ):
        match = pattern.match(value.value)
        if match:
            return f"{template.format(**match.groupdict())} ({_span_label(start, end)})"
    season = _SEASON.match(value.value)
    if season:
        return f"{_SEASONS[season['s']]} {season['year']} ({_span_label(start, end)})"
    if granularity is Granularity.DECADE and end.year - start.year == 9:
        return f"the {start.year}s"
    return _span_label(start, end)


def _unknown_parts(value: TimeValue) -> str:
    if value.granularity in CLOCK_GRANULARITIES:
        return "" if clock_time(value) else ", time unknown"
    if value.granularity is Granularity.PART_OF_DAY:
        return ", time unknown"
    if value.granularity in (Granularity.WEEK, Granularity.MONTH):
        return ", day unknown"
    if value.granularity is Granularity.DAY:
        return ""
    return ", month and day unknown"


def precision_label(value: TimeValue) -> str:
    """The date in words with its true precision, e.g. "February 2017, day unknown".

    Calendars and spreadsheets have no partial dates, so the precision has to be said in words
    wherever a reader could mistake a whole-month span for a month-long event.
    """
    if value.start is None or value.end is None:
        return f"unresolved date {value.value} (no reference date to resolve it against)"
    label = _base_label(value, value.start, value.end)
    if value.mod is not None:
        word = _MOD_WORDS[value.mod]
        if value.mod in _ADJECTIVE_MODS:  # "late 1980s", "mid-1990s"; but "before the 1980s"
            label = label.removeprefix("the ")
        label = f"{word}-{label}" if value.mod is Mod.MID else f"{word} {label}"
    return label + _unknown_parts(value)


def is_all_day(value: TimeValue) -> bool:
    """Whether calendars should show the value as whole days (everything without a clock time)."""
    return clock_time(value) is None
