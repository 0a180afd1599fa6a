"""Reading the tense of the clause around an expression, for dates the text leaves open ("Friday")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from timeline.tagging.expressions import Tense

_SENTENCE_END = re.compile(r"[.!?;]\s|\n\s*\n|''|``|[\"\u201c\u201d]")
_WINDOW = 80  # characters of context each side; clauses rarely carry their verb further away
_LEAD_WINDOW = 24  # characters before an expression that may hold the word leading it
# A cue after the expression counts as this much farther than one before it: the verb before a
# date usually governs it ("will double its flights by August, untouched by the crisis").
_AFTER_WEIGHT = 2
_POSSESSIVE = re.compile(r"['\u2019]s(?!\w)")
_LEAD_TENSES = {"past_lead": Tense.BEGUN, "future_lead": Tense.PENDING, "present_lead": Tense.PRESENT}


def sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the expression's sentence within `_WINDOW` characters on each side."""
    left = max(0, start - _WINDOW)
    stops = list(_SENTENCE_END.finditer(text, left, start))
    if stops:
        left = stops[-1].end()
    right = min(len(text), end + _WINDOW)
    stop = _SENTENCE_END.search(text, end, right)
    if stop is not None:
        right = stop.start()
    return left, right


@dataclass(frozen=True, slots=True)
class TenseReader:
    """The word leading an expression when it fixes the direction ("since March", "until
    Friday"), else the cue word nearest to the expression within its sentence."""

    future: re.Pattern[str]
    past: re.Pattern[str]
    # A present-tense verb of schedules ("opens", "ends", "is due"): the future, when the
    # sentence has no past or future cue word.
    scheduled: re.Pattern[str]
    # The word leading the expression, one group per kind: past_lead "since", future_lead
    # "until", present_lead "says" (one search instead of three).
    lead: re.Pattern[str]

    @classmethod
    def from_patterns(cls, patterns: Mapping[str, str]) -> TenseReader:
        def words(name: str) -> re.Pattern[str]:
            return re.compile(rf"(?<!\w)(?i:{patterns[name]})(?!\w)")

        kinds = "|".join(f"(?P<{name}>{patterns[name]})" for name in _LEAD_TENSES)
        return cls(
            future=words("future_cue"),
            past=words("past_cue"),
            scheduled=words("scheduled_cue"),
            lead=re.compile(rf"(?<!\w)(?i:{kinds})\s+(?:(?:early|mid|late)[- ]|the )?$"),
        )

    def tense(self, text: str, start: int, end: int) -> Tense:
        lead = self.lead.search(text, max(0, start - _LEAD_WINDOW), start)
        if lead is not None and lead.lastgroup is not None:
            # The leading word wins over the clause: a present-tense reporting verb governs the
            # date it is followed by, whatever the reported clause says ("says Tuesday it will").
            return _LEAD_TENSES[lead.lastgroup]
        if _POSSESSIVE.match(text, end):
            # "Wednesday's ruling" names an event already reported; the clause's verb is another's.
            return Tense.UNKNOWN
        left, right = sentence_window(text, start, end)
        # The nearest cue decides; on a tie, the first of: future before, future after, past
        # before, past after. Before the expression the nearest cue is the last one, so that
        # stretch is read whole; after it, the first one (of the past cues, the first not inside
        # a future phrase), so reading stops there.
        nearest: list[tuple[int, Tense]] = []
        future_before = [cue.span() for cue in self.future.finditer(text, left, start)]
        if future_before:
            nearest.append((start - max(b for _, b in future_before), Tense.FUTURE))
        future_after = self.future.finditer(text, end, right)
        following = next(future_after, None)
        if following is not None:
            nearest.append((_AFTER_WEIGHT * (following.start() - end), Tense.FUTURE))
        past_before = [
            start - cue.end()
            for cue in self.past.finditer(text, left, start)
            if not _inside(cue.span(), future_before)
        ]
        if past_before:
            nearest.append((min(past_before), Tense.PAST))
        # A past form inside a future phrase is not a past cue ("would still be held"); the
        # future phrases after the expression are read only as far as the past cues need.
        covering: list[tuple[int, int]] = []
        for cue in self.past.finditer(text, end, right):
            while following is not None and following.start() <= cue.start():
                covering.append(following.span())
                following = next(future_after, None)
            if not _inside(cue.span(), covering):
                nearest.append((_AFTER_WEIGHT * (cue.start() - end), Tense.PAST))
                break
        # min keeps the first of equal distances: the tie order above.
        best = min(nearest, key=lambda cue: cue[0], default=None)
        if best is not None:
            return best[1]
        return Tense.FUTURE if self.scheduled.search(text, left, right) else Tense.UNKNOWN


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(a <= start and end <= b for a, b in spans)
