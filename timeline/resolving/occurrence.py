"""Which occurrence a date the text leaves open means: nearest yearly date, weekend, by tense."""

from __future__ import annotations

import datetime as dt

from timeline.resolving.points import Point
from timeline.tagging.expressions import Tense


def pick(options: list[Point], direction: int | None, tense: Tense, reference: dt.date) -> Point | None:
    """Which yearly occurrence a year-less date means: the one the direction word says, or
    the leading word ("since", "until"), else the nearest, pushed by the clause's tense."""
    if direction == -1:
        before = [p for p in options if p.span()[1] < reference]
        return before[-1] if before else None
    if direction == 1:
        after = [p for p in options if p.span()[0] > reference]
        return after[0] if after else None
    if direction == 0:
        return next((p for p in options if p.day.year == reference.year), None)
    if tense is Tense.BEGUN:  # "since March": the latest that has begun
        return next((p for p in reversed(options) if p.span()[0] <= reference), None)
    if tense is Tense.PENDING:  # "until March": the first that has not ended
        return next((p for p in options if p.span()[1] >= reference), None)
    return min(options, key=lambda p: distance(p, reference, tense), default=None)


_TENSE_PENALTY = 120
# News mostly reports the past: with no tense cue, a later occurrence must be clearly nearer.
_FUTURE_PENALTY = 60


def distance(point: Point, reference: dt.date, tense: Tense) -> int:
    start, end = point.span()
    days = (start - reference).days if start > reference else max(0, (reference - end).days)
    contradicts = (tense is Tense.PAST and start > reference) or (tense is Tense.FUTURE and end < reference)
    unknown_future = tense is Tense.UNKNOWN and start > reference
    return days + (_TENSE_PENALTY if contradicts else 0) + (_FUTURE_PENALTY if unknown_future else 0)


def weekend_day(reference: dt.date, tense: Tense) -> dt.date:
    """A day of the week whose weekend "the weekend" means: the coming one when the clause
    speaks of the future, else the one just past early in the week, the coming one late in it."""
    weekday = reference.weekday()
    previous_week = reference - dt.timedelta(days=7)
    if weekday >= 5 or tense.looks_ahead:
        return reference
    if tense.looks_back or weekday <= 2:
        return previous_week
    return reference
