"""The tense of the verb a date hangs on, as a signal for resolving the date's direction."""

from __future__ import annotations

from typing import NamedTuple

from timeline.events.anchoring import anchor, cue_matches
from timeline.events.status import verb_group
from timeline.events.tokens import VERB, classify, tokenize

# Auxiliaries that put an event after the moment of speaking, also inside a past report
# ("said it would", "was to be tried").
FUTURE_WORDS = frozenset({"will", "'ll", "shall", "would", "wo"})


_NEGATION = frozenset({"not", "n't", "never"})
_REPORTED_MODALS = frozenset({"would", "could"})


class TimeReading(NamedTuple):
    """What the governing verb says about when a date lies.

    tense: the verb group's tense (past | present | perfect | future | none); direction: which
    way an underspecified date ("Friday", "in June") should be read from the reference date
    (past | future | none: either way); trigger: the event word the date was anchored to."""

    tense: str
    direction: str
    trigger: str | None


def time_reading(
    sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()
) -> TimeReading:
    """The reading of the date at sentence[start:end] from the verb it is anchored to.

    `others` are the character spans of the sentence's other time expressions (they are never
    the event). Pure: the same sentence and span always give the same reading.

    "He was arrested in June" -> past; "He will be tried on February 12" -> future; "The
    company said it would cut jobs next year" -> future (future in the past); "The team is
    travelling on Saturday" -> future (the progressive for a plan); "The team travels on
    Saturday" -> direction none (the present may be the news's present or a schedule)."""
    tokens = tokenize(sentence, 0, len(sentence))
    spans = sorted({(start, end), *others})
    dates = frozenset(i for i, t in enumerate(tokens) if any(a < t.end and t.start < b for a, b in spans))
    own = [i for i, t in enumerate(tokens) if start < t.end and t.start < end]
    if not own:
        return TimeReading("none", "none", None)
    kinds = classify(tokens, dates)
    cue_tokens = {i: kind for a, b, kind in cue_matches(tokens) for i in range(a, b)}
    blocked = dates | {i for i, kind in cue_tokens.items() if kind != "negation"}
    found = anchor(tokens, kinds, own[0], own[-1] + 1, frozenset(blocked), dates)
    if found.trigger is None:
        return TimeReading("none", "none", None)
    verb = next((i for i in found.conjuncts if kinds[i] is VERB), found.trigger)
    group = verb_group(tokens, kinds, verb, cue_tokens, dates)
    words = [tokens[i].lower for i in range(group.start, verb)]
    trigger = tokens[found.trigger].text
    if _NEGATION & set(words) and _REPORTED_MODALS & set(words):
        # "could not be reached Wednesday", "would not comment on Monday": the news idiom of an
        # attempt already made, not a plan; the modal says nothing of the date's side.
        return TimeReading(group.tense, "none", trigger)
    if any(w in FUTURE_WORDS for w in words) or group.tense == "future":
        return TimeReading(group.tense if group.tense == "future" else "future", "future", trigger)
    if group.tense in ("past", "perfect"):
        return TimeReading(group.tense, "past", trigger)
    if "expectation" in group.cue_kinds or (
        group.tense == "present" and tokens[verb].lower.endswith("ing") and kinds[verb] is VERB
    ):
        return TimeReading(group.tense, "future", trigger)  # "is expected to", "is meeting on Friday"
    return TimeReading(group.tense, "none", trigger)
