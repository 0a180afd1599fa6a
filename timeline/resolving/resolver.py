"""Resolution: underspecified candidates to TimeML values against the reference or previous date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any, cast

from pydantic import TypeAdapter

from timeline.models import Anchoring, Granularity, Mod, TimeValue, Timex, TimexType
from timeline.resolving import values
from timeline.resolving.dates import resolve_expression
from timeline.resolving.narrative import in_story, is_narrative
from timeline.resolving.points import ORDER, Point, Unresolved
from timeline.resolving.values import GRANULARITY_OF_UNIT
from timeline.settings import TaggerSettings
from timeline.tagging.expressions import (
    Candidate,
    Duration,
    Expression,
    Recurrence,
    Shift,
    Tense,
    Unit,
    Vague,
)

_TIMEXES = TypeAdapter(tuple[Timex, ...])
_COARSE_SHIFTS = frozenset({Unit.YEAR, Unit.MONTH, Unit.DECADE, Unit.CENTURY})


def _shift_story(e: Duration, base: Point) -> object:
    return resolve_expression(Shift(e.unit, (e.then or 1) * (e.amount or 0)), Tense.UNKNOWN, None, base)


def _non_calendar_value(expression: Expression) -> str | None:
    if isinstance(expression, Duration):
        return values.duration(expression)
    if isinstance(expression, Recurrence):
        return values.recurrence(expression)
    return None


@lru_cache(maxsize=4096)
def _time_value(
    value: str,
    granularity: Granularity,
    anchoring: Anchoring,
    mod: Mod | None,
    span: tuple[dt.date, dt.date] | None = None,
    zone: str | None = None,
) -> TimeValue:
    """The (validated, frozen) model of a calendar value, made with the fields it always was
    made with. The same few values recur in a text ("Friday", "last year", the reference date
    itself), so one model serves them all."""
    if span is None:
        return TimeValue(value=value, granularity=granularity, anchoring=anchoring, mod=mod, zone=zone)
    start, end = span
    return TimeValue(
        value=value, granularity=granularity, start=start, end=end, anchoring=anchoring, mod=mod, zone=zone
    )


def resolve(
    candidates: tuple[Candidate, ...],
    reference_date: dt.date | None,
    settings: TaggerSettings | None = None,
    tenses: Mapping[int, Tense] | None = None,
) -> tuple[Timex, ...]:
    """Timexes with TimeML values; relative ones computed from `reference_date` (news) or,
    for "two days later"-style shifts, from the previous resolved date in the text.

    `tenses` gives, by a candidate's start offset, the tense of the verb governing it (from a
    syntactic reading, e.g. the event layer's); it replaces the tagger's cue-word reading
    (`Candidate.tense`) for that candidate. The tense only decides the direction of dates the
    text leaves open: past -> the latest occurrence at or before the reference date, future ->
    the next one, present or unknown -> the nearest.

    A narrative (`settings.document_type`, or detected when "auto") dates year-less and
    relative expressions from the last date the text mentioned, not from `reference_date`."""
    narrative = reads_as_narrative(candidates, reference_date, settings)
    return Resolution(reference_date, settings, narrative)(candidates, tenses)


def reads_as_narrative(
    candidates: tuple[Candidate, ...], reference_date: dt.date | None, settings: TaggerSettings | None
) -> bool:
    """Whether the text's dates count from the story's last date: the settings say so, or,
    when they say "auto", the candidates read as a narrative."""
    anchor_to_previous = settings.anchor_to_previous if settings is not None else True
    document_type = settings.document_type if settings is not None else "auto"
    return anchor_to_previous and (
        document_type == "narrative" or (document_type == "auto" and is_narrative(candidates, reference_date))
    )


class Resolution:
    """One text's resolution, carried from one section of it to the next: the previous date,
    the last one of day precision and a narrative's last date are the text's, not the
    section's, so a long text resolved section by section reads as it would whole."""

    def __init__(
        self, reference_date: dt.date | None, settings: TaggerSettings | None, narrative: bool
    ) -> None:
        self.reference_date = reference_date
        self.anchor_to_previous = settings.anchor_to_previous if settings is not None else True
        self.narrative = narrative
        self.story: tuple[int, Point] | None = None  # a narrative's last date of year precision or finer
        self.anchor: tuple[int, Point] | None = None
        self.day_anchor: tuple[int, Point] | None = None  # the last anchor of day precision or finer
        self.count = 0  # timexes of the earlier sections: `anchor_index` counts them

    def __call__(
        self, candidates: tuple[Candidate, ...], tenses: Mapping[int, Tense] | None = None
    ) -> tuple[Timex, ...]:
        """The next section's timexes (candidates in text order, offsets in the whole text)."""
        reference_date, anchor_to_previous, narrative = (
            self.reference_date,
            self.anchor_to_previous,
            self.narrative,
        )
        story, anchor, day_anchor, before = self.story, self.anchor, self.day_anchor, self.count
        # The fields of each Timex, in order; the models are validated at the end, all in one
        # call (half the cost of making them one by one).
        found: list[dict[str, Any]] = []
        for candidate in candidates:
            plain = _non_calendar_value(candidate.expression)
            # Only the fields the value has are given, as ever: durations and sets have no `time`.
            fields: dict[str, Any] = {
                "start": candidate.start,
                "end": candidate.end,
                "text": candidate.text,
                "type": candidate.type,
                "mod": candidate.mod,
                "rule": candidate.rule,
            }
            expression = candidate.expression
            if (
                narrative
                and story is not None
                and isinstance(expression, Duration)
                and expression.then is not None
                and expression.amount is not None
                and ORDER[story[1].granularity] >= ORDER[GRANULARITY_OF_UNIT[expression.unit]]
            ):
                # "Two days after relieving the siege": in a story, a date counted from its last one.
                point, _ = cast(tuple[Point, Anchoring], _shift_story(expression, story[1]))
                try:
                    value, span = point.value(), point.span()
                except (OverflowError, ValueError):
                    value = None
                if value is not None:
                    fields["type"] = TimexType.DATE
                    fields["value"] = value
                    fields["time"] = _time_value(
                        value, point.granularity, Anchoring.PREVIOUS_DATE, candidate.mod, span
                    )
                    fields["anchor_index"] = story[0]
                    found.append(fields)
                    continue
            if plain is not None:
                fields["value"] = plain
            else:
                previous = anchor[1] if anchor is not None and anchor_to_previous else None
                if narrative and story is not None:
                    previous = story[1]  # a story counts "two days later" from the last date it told
                try:
                    tense = tenses.get(candidate.start, candidate.tense) if tenses else candidate.tense
                    precise = day_anchor[1] if day_anchor is not None and anchor_to_previous else None
                    completed = (
                        in_story(candidate.expression, story[1], precise) if narrative and story else None
                    )
                    if completed is not None:
                        expression, base = completed
                        outcome = resolve_expression(expression, tense, base, previous, precise)
                        if isinstance(outcome, tuple):
                            outcome = (outcome[0], Anchoring.PREVIOUS_DATE)
                    else:
                        expression = candidate.expression
                        if narrative and isinstance(expression, Shift) and expression.unit in _COARSE_SHIFTS:
                            # A story's "two years earlier" is a year, not the day two years before.
                            expression = replace(expression, at_most=expression.unit)
                        outcome = resolve_expression(expression, tense, reference_date, previous, precise)
                except (OverflowError, ValueError):
                    outcome = None
                if outcome is None:
                    continue
                if isinstance(outcome, Vague):
                    anchoring = (
                        Anchoring.REFERENCE_DATE if reference_date is not None else Anchoring.UNRESOLVED
                    )
                    fields["value"] = outcome.value
                    fields["time"] = _time_value(outcome.value, Granularity.VAGUE, anchoring, candidate.mod)
                elif isinstance(outcome, Unresolved):
                    fields["value"] = outcome.value
                    fields["time"] = _time_value(
                        outcome.value, outcome.granularity, Anchoring.UNRESOLVED, candidate.mod
                    )
                else:
                    point, anchoring = outcome
                    try:
                        value = point.value()
                        span = point.span()
                    except (OverflowError, ValueError):
                        continue
                    fields["value"] = value
                    zone = point.clock.zone if point.clock is not None else None
                    fields["time"] = _time_value(
                        value, point.granularity, anchoring, candidate.mod, span, zone
                    )
                    previous_date = anchoring is Anchoring.PREVIOUS_DATE
                    source = anchor
                    if (
                        isinstance(candidate.expression, Shift)
                        and anchor is not None
                        and day_anchor is not None
                        and ORDER[anchor[1].granularity]
                        < ORDER[GRANULARITY_OF_UNIT[candidate.expression.unit]]
                    ):
                        source = day_anchor  # resolve_expression took the last date of day precision
                    if completed is not None and story is not None:
                        source = story
                    fields["anchor_index"] = source[0] if previous_date and source is not None else None
                    if (
                        narrative
                        and anchoring is not Anchoring.REFERENCE_DATE
                        and ORDER[point.granularity] >= ORDER[Granularity.YEAR]
                    ):
                        # A story moves on with each date it tells, shifted ones included; a date
                        # counted from the day of writing ("this period") is not the story's.
                        story = (before + len(found), point)
                        if ORDER[point.granularity] >= ORDER[Granularity.DAY]:
                            day_anchor = story
                    if not previous_date:
                        # "A year earlier ... year-earlier results" both compare with the period under
                        # discussion, not with each other: shifted dates never become anchors themselves.
                        anchor = (before + len(found), point)
                        if ORDER[point.granularity] >= ORDER[Granularity.DAY]:
                            day_anchor = anchor
            found.append(fields)
        self.story, self.anchor, self.day_anchor, self.count = story, anchor, day_anchor, before + len(found)
        return _TIMEXES.validate_python(found)
