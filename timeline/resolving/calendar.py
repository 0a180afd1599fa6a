"""Calendar arithmetic: spans of years, quarters, seasons, ISO weeks, and moving by whole units."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from timeline.models import Granularity

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = ("WI", "SP", "SU", "FA")  # in the order they start within a year (winter from Dec of year-1)
_MIN_YEAR, _MAX_YEAR = 1, 9999


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise OverflowError("date out of range")
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def iso_week_start(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def season_of(day: dt.date) -> tuple[int, str]:
    """The (year, season) containing `day`; a winter belongs to the year of its December."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[day.month - 3]


def season_span(year: int, season: str) -> tuple[dt.date, dt.date]:
    start = dt.date(year, SEASON_START_MONTH[season], 1)
    return start, add_months(start, 3) - dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def span(granularity: Granularity, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the `granularity` period containing `day` (kept: choosing among
    a date's occurrences asks for the same few spans again and again)."""
    if granularity is Granularity.MILLENNIUM:
        first = day.year // 1000 * 1000
        return dt.date(max(first, 1), 1, 1), dt.date(first + 999, 12, 31)
    if granularity is Granularity.CENTURY:
        first = day.year // 100 * 100
        return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)
    if granularity is Granularity.DECADE:
        first = day.year // 10 * 10
        return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
    if granularity is Granularity.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if granularity is Granularity.HALF:
        first_month = 1 if day.month <= 6 else 7
        return dt.date(day.year, first_month, 1), month_end(day.year, first_month + 5)
    if granularity is Granularity.QUARTER:
        first_month = (day.month - 1) // 3 * 3 + 1
        return dt.date(day.year, first_month, 1), month_end(day.year, first_month + 2)
    if granularity is Granularity.SEASON:
        return season_span(*season_of(day))
    if granularity is Granularity.MONTH:
        return dt.date(day.year, day.month, 1), month_end(day.year, day.month)
    if granularity is Granularity.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    return day, day


def shift(day: dt.date, granularity: Granularity, amount: int) -> dt.date:
    """`day` moved by `amount` periods of `granularity`."""
    if granularity in (Granularity.DAY, Granularity.PART_OF_DAY):
        return day + dt.timedelta(days=amount)
    # "in two hours", "40 minutes later": the same day unless they add up to whole days (the
    # time of day of the reference is unknown).
    if granularity is Granularity.HOUR:
        return day + dt.timedelta(days=int(amount / 24))
    if granularity in (Granularity.MINUTE, Granularity.SECOND):
        return day + dt.timedelta(
            days=int(amount / 1440 if granularity is Granularity.MINUTE else amount / 86400)
        )
    if granularity is Granularity.WEEK:
        return day + dt.timedelta(weeks=amount)
    months = {
        Granularity.MONTH: 1,
        Granularity.SEASON: 3,
        Granularity.QUARTER: 3,
        Granularity.HALF: 6,
        Granularity.YEAR: 12,
        Granularity.DECADE: 120,
        Granularity.CENTURY: 1200,
        Granularity.MILLENNIUM: 12000,
    }.get(granularity, 12)
    return add_months(day, months * amount)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, from_day: int, nth: int) -> dt.date:
    """The `nth` `weekday` on or after day `from_day` of the month; nth = -1 is the last one."""
    if nth < 0:
        last = month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, from_day)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
