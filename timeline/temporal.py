"""The temporal tagger's public entry point: tag a text, then resolve it (HeidelTime's two phases)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from timeline.models import Timex
from timeline.resolving import resolve
from timeline.settings import TaggerSettings
from timeline.tagging import tag
from timeline.tagging.context import TenseReader, sentence_window
from timeline.tagging.expressions import Absolute, Candidate, Holiday, Period, Tense, Weekday
from timeline.tagging.finder import tagger

_DEFAULT_SETTINGS = TaggerSettings()
# The verb's reading replaces the cue words' but weighs as they do: a past verb still lets an
# occurrence up to about two months ahead win (resolving.occurrence). Trusting it strictly
# (the latest occurrence begun by the reference date) cost 0.9 value F1 on TBAQ and 0.7 on
# MEANTIME, whose gold follows the nearest reading more often than the verb.
_DIRECTIONS = {"past": Tense.PAST, "future": Tense.FUTURE}
# Longer "sentences" are lists and tables, not clauses with a governing verb; reading each of
# their dates would re-read the whole sentence per date (quadratic on a long dated list).
_MAX_SENTENCE = 600


def annotate(
    text: str, reference_date: dt.date | None, settings: TaggerSettings = _DEFAULT_SETTINGS
) -> tuple[Timex, ...]:
    """Every temporal expression in `text`, sorted and non-overlapping, normalized.

    Relative expressions are resolved against `reference_date`; with None they keep an
    underspecified value and `anchoring=unresolved`. Never reads the clock; deterministic.
    """
    candidates = tag(text, settings)
    tenses = governing_tenses(text, candidates, settings) if reference_date is not None else None
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


def _disputed(text: str, candidate: Candidate, cues: TenseReader) -> bool:
    """Whether the tagger's cue reading may be wrong: no cue at all, or cues of both kinds in
    the date's sentence ("lowered ... in January and will raise ...")."""
    if candidate.tense not in (Tense.PAST, Tense.FUTURE):
        return True
    left, right = sentence_window(text, candidate.start, candidate.end)
    opposite = cues.future if candidate.tense is Tense.PAST else cues.past
    return opposite.search(text, left, right) is not None


def governing_tenses(
    text: str, candidates: Sequence[Candidate], settings: TaggerSettings = _DEFAULT_SETTINGS
) -> dict[int, Tense]:
    """The direction the verb governing each open date gives it, by the date's start offset:
    the event layer's reading of the verb group (tense, modals, "is expected to", "would"),
    which sees the clause's own verb where the tagger's cue words see the nearest tense-looking
    word ("lowered its prices in January and will raise them": past, not future). Dates whose
    verb says nothing keep the tagger's cue reading, and so do dates whose sentence has cue words
    of one kind only: there the two readings agree but for rare cases, and reading the clause
    costs about as much as tagging it."""
    cues = tagger(settings.language).tenses
    open_ones = [c for c in candidates if _open(c) and _disputed(text, c, cues)]
    if not open_ones:
        return {}
    from timeline.events.sentences import join_across, split_sentences
    from timeline.events.tense import time_reading

    spans = [(c.start, c.end) for c in candidates]
    span_starts = [a for a, _ in spans]
    lines: dict[int, tuple[tuple[int, int], ...]] = {}  # each line's sentences, split once
    out: dict[int, Tense] = {}
    for candidate in open_ones:
        line_start = text.rfind("\n", 0, candidate.start) + 1
        if line_start not in lines:
            line_end = text.find("\n", candidate.end)
            line_end = len(text) if line_end == -1 else line_end
            inside_line = spans[bisect_left(span_starts, line_start) : bisect_right(span_starts, line_end)]
            local = [(a - line_start, b - line_start) for a, b in inside_line if b <= line_end]
            lines[line_start] = tuple(
                (a + line_start, b + line_start)
                for a, b in join_across(split_sentences(text[line_start:line_end]), local)
            )
        sentence = next(
            (s for s in lines[line_start] if s[0] <= candidate.start and candidate.end <= s[1]), None
        )
        # sentences never cross a line break (events.sentences splits lines first); a very long
        # one is a list or a table, not a clause with a governing verb
        if sentence is None or sentence[1] - sentence[0] > _MAX_SENTENCE:
            continue
        first, last = sentence
        inside = spans[bisect_left(span_starts, first) : bisect_right(span_starts, last)]
        others = tuple((a - first, b - first) for a, b in inside if b <= last and a != candidate.start)
        reading = time_reading(text[first:last], candidate.start - first, candidate.end - first, others)
        direction = _DIRECTIONS.get(reading.direction)
        if direction is not None:
            out[candidate.start] = direction
    return out


__all__ = ["annotate", "governing_tenses"]
