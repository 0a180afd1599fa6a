"""Resolution: underspecified candidates to TimeML values against the reference or previous date."""

from __future__ import annotations

import datetime as dt

from timeline.models import Anchoring, Granularity, TimeValue, Timex
from timeline.resolving import values
from timeline.resolving.dates import resolve_expression
from timeline.resolving.points import Point, Unresolved
from timeline.settings import TaggerSettings
from timeline.tagging.expressions import Candidate, Duration, Expression, Recurrence, Vague


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
            outcome = resolve_expression(candidate.expression, candidate.tense, reference_date, previous)
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
