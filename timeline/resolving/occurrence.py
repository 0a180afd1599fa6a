"""Which occurrence a date the text leaves open means: nearest yearly date, weekend, by tense."""

from __future__ import annotations

import datetime as dt

from timeline.resolving.points import Point
from timeline.tagging.expressions import Tense


def pick(options: list[Point], direction: int | None, tense: Tense, reference: dt.date) -> Point | None:
    """Which yearly occurrence a year-less date means: the one the direction word says, or
    the leading word ("since", "until"), else the one the clause's tense says (past: the latest
    begun by the reference date; future: the first not over by it), else the nearest."""
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
    if tense.looks_ahead:  # "until March", "will launch in March": the first not yet over
        return next((p for p in options if p.span()[1] >= reference), None)
    return min(options, key=lambda p: distance(p, reference, tense), default=None)


# A past cue word puts a date at or before the reference date ("was arrested in June"), unless
# the later occurrence begins within about two months: past cue words are often participles or
# adjectives of a clause about the future ("must be returned by Jan. 14", "the reduced dividend
# is payable Jan. 2"), and a misread year costs a whole year.
_PAST_PENALTY = 240
# News mostly reports the past: with no tense cue, a later occurrence must be clearly nearer.
_FUTURE_PENALTY = 60


def distance(point: Point, reference: dt.date, tense: Tense) -> int:
    start, end = point.span()
    days = (start - reference).days if start > reference else max(0, (reference - end).days)
    if start <= reference:
        return days
    return days + (_PAST_PENALTY if tense is Tense.PAST else _FUTURE_PENALTY if tense is Tense.UNKNOWN else 0)


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
