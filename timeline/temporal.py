"""The temporal tagger's public entry point: tag a text, then resolve it (HeidelTime's two phases)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterator, Sequence

from timeline.models import Timex
from timeline.resolving import resolve
from timeline.resolving.resolver import Resolution, reads_as_narrative
from timeline.settings import TaggerSettings
from timeline.tagging import tag
from timeline.tagging.context import TenseReader, sentence_window
from timeline.tagging.expressions import Absolute, Candidate, Holiday, Period, Shift, Tense, Weekday
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
# A longer text is tagged, resolved and read for events a section at a time, so that the
# working memory of those steps (about 460 bytes per character on text dense with dates) is
# bounded by the section, not by the text. Four times the longest article of the corpora
# (88 kB), so that articles are read whole.
SECTION_CHARS = 1 << 18
# Where a section may end, best first: a line break (no sentence or expression crosses one),
# the end of a sentence (a word of two lower-case letters or more, then a capital: not "Jan. 3"
# nor "Mr. Smith"), a space after a semicolon or a bracket, a space neither after a period or
# a comma nor before a digit (those lie inside dates: "Jan. 3, 2017"), any space. Searched in
# the section's last half.
_CUTS = (
    re.compile(r"\n"),
    re.compile(r"(?<=[a-z]{2})[.!?][\"')\]]*\s(?=\s*[\"'(\[]?[A-Z])"),
    re.compile(r"[;)\]]\s"),
    re.compile(r"(?<![.,])\s(?!\d)"),
    re.compile(r"\s"),
)


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


def sections(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """The text cut into consecutive [start, end) sections of at most `size` characters
    (default SECTION_CHARS), each ending after a line break where one falls in its last half,
    else after a sentence or a space."""
    size = size or SECTION_CHARS
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = limit  # no break at all in half a section: not prose, cut anywhere
        for pattern in _CUTS:
            last = deque(pattern.finditer(text, start + size // 2, limit), maxlen=1)
            if last:
                cut = last[0].end()
                break
        yield start, cut
        start = cut
    yield start, len(text)


def annotated_sections(
    text: str, reference_date: dt.date | None, settings: TaggerSettings = _DEFAULT_SETTINGS
) -> Iterator[tuple[int, int, tuple[Timex, ...]]]:
    """annotate() a section at a time (`sections`): each section's (start, end) in the text and
    its timexes, their offsets in the section. Any article is one section: annotate() itself. A
    longer text carries its previous date and its story from one section to the next; whether
    it is a narrative is read from its first section."""
    resolution: Resolution | None = None
    for start, end in sections(text):
        piece = text[start:end]  # the text itself when it is one section (a full slice is no copy)
        candidates = tag(piece, settings)
        tenses = governing_tenses(piece, candidates, settings) if reference_date is not None else None
        if resolution is None:
            narrative = reads_as_narrative(candidates, reference_date, settings)
            resolution = Resolution(reference_date, settings, narrative)
        yield start, end, resolution(candidates, tenses)


def _open(candidate: Candidate) -> bool:
    """A date the text leaves open on the calendar (no year, no week: "in June", "on Monday";
    a clock time alone), whose occurrence only the clause's time can choose; a leading word
    ("since", "until") fixes it already."""
    if candidate.tense in (Tense.BEGUN, Tense.PENDING):
        return False
    e = candidate.expression
    if isinstance(e, Weekday):
        return e.direction is None and not e.from_previous
    if isinstance(e, Shift):
        # a clock time alone ("at 8 a.m."): the previous date's day, unless the verb says the
        # time is past and that day is still to come (resolving.dates)
        return e.clock is not None and not e.offset
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


__all__ = ["SECTION_CHARS", "annotate", "annotated_sections", "governing_tenses", "sections"]
