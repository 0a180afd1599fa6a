"""Narratives (history, biography): telling them from news, and dating against the story's own dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from timeline.models import Granularity
from timeline.resolving.points import ORDER, Point
from timeline.tagging.expressions import (
    Absolute,
    Candidate,
    Expression,
    Holiday,
    Period,
    Relative,
    Unit,
    Weekday,
)

# An explicit year this far before the reference date is history, not news.
_HISTORY_YEARS = 15
# Auto-detection asks for at least this many historical years, several times more than recent
# ones, and few words that count from the day of writing ("Tuesday", "yesterday", "last year").
_MIN_HISTORY = 1
_HISTORY_PER_RECENT = 3
_HISTORY_PER_DEICTIC = 4
# So many different explicit years make a chronicle, however recent (news articles of TBAQ and
# MEANTIME name at most 10, and then count from the day of writing as often).
_CHRONICLE_YEARS = 8


def _deictic(expression: Expression) -> bool:
    match expression:
        case Weekday():
            return True
        case Relative():
            return True
    return False


def is_narrative(candidates: tuple[Candidate, ...], reference: dt.date | None) -> bool:
    """Whether a text reads as a narrative: dense years long before the reference date (or any
    years when there is none), few recent ones, and little counted from the day of writing."""
    history = recent = deictic = 0
    years: set[int] = set()
    for candidate in candidates:
        e = candidate.expression
        if isinstance(e, Absolute) and e.year is not None:
            years.add(e.year)
            if reference is None or e.year < reference.year - _HISTORY_YEARS:
                history += 1
            else:
                recent += 1
        elif _deictic(e):
            deictic += 1
    if len(years) >= _CHRONICLE_YEARS and 2 * len(years) >= 3 * deictic:
        # A chronicle of recent years ("In 2003 ... in 2005 ..."): many different years told
        # in turn, and little counted from the day of writing.
        return True
    return (
        history >= _MIN_HISTORY
        and history >= _HISTORY_PER_RECENT * recent
        and history >= _HISTORY_PER_DEICTIC * deictic
    )


def _nearest_year(e: Absolute, anchor: Point) -> int:
    """The year of the occurrence of a year-less date nearest the story's last date ("January"
    after "December 1941" is January 1942), or the one the direction word says ("the previous
    April"); the anchor's own year on a tie."""
    first, last = anchor.span()
    month, day = e.month or 1, e.day or 1

    def gap(year: int) -> int:
        try:
            start = dt.date(year, month, day)
        except ValueError:
            return 1 << 30
        if e.direction == -1 and start >= first:
            return 1 << 29
        if e.direction == 1 and start <= last:
            return 1 << 29
        if start > last:
            return (start - last).days
        if start < first:
            return (first - start).days
        return 0

    return min((anchor.day.year, anchor.day.year - 1, anchor.day.year + 1), key=gap)


def in_story(
    expression: Expression, anchor: Point | None, day_anchor: Point | None
) -> tuple[Expression, dt.date] | None:
    """The expression completed from the story's last dates, with the day it is read from:
    a year-less date takes the year of the last date mentioned ("In May" after "1453"), a day
    of the week or "the next day" counts from the last date of day precision. None: the
    expression needs no story date, or the story has none fine enough."""
    if anchor is None or ORDER[anchor.granularity] < ORDER[Granularity.YEAR]:
        return None
    year = anchor.day.year
    base = anchor.day
    match expression:
        case Absolute(year=None, month=int()):
            if expression.after_previous:
                return None
            if expression.year_offset is not None:
                return replace(expression, year=year + expression.year_offset, year_offset=None), base
            return replace(expression, year=_nearest_year(expression, anchor), direction=None), base
        case Period(year=None, index=int() | str()) if expression.offset is None:
            return replace(expression, year=year + (expression.year_offset or 0), year_offset=None), base
        case Holiday(year=None):
            return replace(expression, year=year, direction=None), base
        case Weekday() | Relative():
            unit = Granularity.DAY
            if isinstance(expression, Relative):
                unit = {
                    Unit.YEAR: Granularity.YEAR,
                    Unit.MONTH: Granularity.MONTH,
                    Unit.SEASON: Granularity.MONTH,
                    Unit.HALF: Granularity.MONTH,
                    Unit.QUARTER: Granularity.MONTH,
                }.get(expression.unit, Granularity.DAY)
            source = day_anchor if unit is Granularity.DAY else anchor
            if source is None or ORDER[source.granularity] < ORDER[unit]:
                return None
            return expression, source.day
    return None
