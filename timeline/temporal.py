"""The temporal tagger's public entry point: tag a text, then resolve it (HeidelTime's two phases)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence

from timeline.models import Timex
from timeline.resolving import resolve
from timeline.settings import TaggerSettings
from timeline.tagging import tag
from timeline.tagging.expressions import Absolute, Candidate, Holiday, Period, Tense, Weekday

_DEFAULT_SETTINGS = TaggerSettings()
# The verb's reading replaces the cue words' but weighs as they do: a past verb still lets an
# occurrence up to about two months ahead win (resolving.occurrence). Trusting it strictly
# (the latest occurrence begun by the reference date) cost 0.9 value F1 on TBAQ and 0.7 on
# MEANTIME, whose gold follows the nearest reading more often than the verb.
_DIRECTIONS = {"past": Tense.PAST, "future": Tense.FUTURE}


def annotate(
    text: str, reference_date: dt.date | None, settings: TaggerSettings = _DEFAULT_SETTINGS
) -> tuple[Timex, ...]:
    """Every temporal expression in `text`, sorted and non-overlapping, normalized.

    Relative expressions are resolved against `reference_date`; with None they keep an
    underspecified value and `anchoring=unresolved`. Never reads the clock; deterministic.
    """
    candidates = tag(text, settings)
    tenses = governing_tenses(text, candidates) if reference_date is not None else None
    return resolve(candidates, reference_date, settings, tenses)


def _open(candidate: Candidate) -> bool:
    """A date the text leaves open on the calendar (no year, no week: "in June", "on Monday"),
    whose occurrence only the clause's time can choose; a leading word ("since", "until")
    fixes it already."""
    if candidate.tense in (Tense.BEGUN, Tense.PENDING):
        return False
    e = candidate.expression
    if isinstance(e, Weekday):
        return e.direction is None and not e.from_previous
    return isinstance(e, Absolute | Holiday | Period) and e.year is None


def governing_tenses(text: str, candidates: Sequence[Candidate]) -> dict[int, Tense]:
    """The direction the verb governing each open date gives it, by the date's start offset:
    the event layer's reading of the verb group (tense, modals, "is expected to", "would"),
    which sees the clause's own verb where the tagger's cue words see the nearest tense-looking
    word ("lowered its prices in January and will raise them": past, not future). Dates whose
    verb says nothing keep the tagger's cue reading."""
    open_ones = [c for c in candidates if _open(c)]
    if not open_ones:
        return {}
    from timeline.events.sentences import join_across, split_sentences
    from timeline.events.tense import time_reading

    spans = [(c.start, c.end) for c in candidates]
    sentences = join_across(split_sentences(text), spans)
    starts = [s for s, _ in sentences]
    out: dict[int, Tense] = {}
    for candidate in open_ones:
        k = bisect_right(starts, candidate.start) - 1
        if k < 0:
            continue
        first, last = sentences[k]
        if candidate.end > last:
            continue
        others = tuple(
            (a - first, b - first) for a, b in spans if first <= a and b <= last and a != candidate.start
        )
        reading = time_reading(text[first:last], candidate.start - first, candidate.end - first, others)
        direction = _DIRECTIONS.get(reading.direction)
        if direction is not None:
            out[candidate.start] = direction
    return out


__all__ = ["annotate", "governing_tenses"]
