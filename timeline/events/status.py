"""Tense, modality and negation of an event's verb group, and its status against the reference date."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from timeline.events.anchoring import is_hard_boundary
from timeline.events.lexicon import auxiliaries, linking_verbs
from timeline.events.tokens import AUX, VERB, Kind, Token
from timeline.models import Status, TimeValue

# Adverbs that may sit inside a verb group without ending it ("have already crossed").
GROUP_ADVERBS = frozenset(
    {"already", "also", "just", "still", "now", "then", "recently", "reportedly", "again", "finally", "yet"}
    | {"first", "last", "later", "once"}
)
NEGATORS = frozenset({"not", "n't", "never"})


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class VerbGroup(NamedTuple):
    """The auxiliaries, cues and adverbs before an event verb, with what they say about time."""

    start: int  # index of the first token of the group
    tense: str  # past | present | perfect | future | none
    negated: bool
    cue_kinds: frozenset[str]


def verb_group(
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    trigger: int,
    cue_tokens: dict[int, str],
    dates: frozenset[int],
) -> VerbGroup:
    """Walk left from a verb over auxiliaries, cues, adverbs and dates: its verb group."""
    start = trigger
    aux = auxiliaries()
    while start > 0:
        # auxiliaries, cue words, dates, negators, adverbs and "to" belong to the group
        token = tokens[start - 1]
        word = token.lower
        if not (
            start - 1 in cue_tokens
            or start - 1 in dates
            or word in aux
            or word in NEGATORS
            or word in GROUP_ADVERBS
            or word == "to"
            or (word.endswith("ly") and len(word) > 4 and token.text.islower())
            or (start == trigger and word in linking_verbs())  # "will stay closed"
        ):
            break
        start -= 1
    # A date opening the group belongs to the clause, not the verb group.
    while start < trigger and start in dates:
        start += 1
    group = range(start, trigger)
    kinds_found = frozenset(cue_tokens[i] for i in group if i in cue_tokens)
    negated = "negation" in kinds_found or any(tokens[i].lower in NEGATORS for i in group)
    return VerbGroup(start, _tense(tokens, group, trigger, kinds_found), negated, kinds_found)


def _tense(tokens: tuple[Token, ...], group: range, trigger: int, cue_kinds: frozenset[str]) -> str:
    if "future" in cue_kinds:
        return "future"
    if "expectation" in cue_kinds:
        return "present"  # a present prediction about the period ("are expected to trek")
    aux = auxiliaries()
    for i in group:
        word = tokens[i].lower
        if word in ("would", "'d") and i + 1 < trigger and tokens[i + 1].lower != "have":
            return "future"  # the future in the past: "said it would cut jobs this year"
        if word == "would" and i + 1 == trigger:
            return "future"
        if word in aux:
            tense = aux[word]
            if tense == "future":
                return "future"
            if word in ("has", "have", "'ve"):
                return "perfect"
            if tense == "past":
                return "past"
            if tense in ("present", "modal"):
                return "present"
    # The verb that carries the tense: a linking verb before the trigger ("stayed closed" is past
    # by "stayed", "stay closed" not past by "closed"), else the trigger.
    verb = trigger - 1 if group and tokens[trigger - 1].lower in linking_verbs() else trigger
    readings = tokens[verb].info.tenses
    if verb > group.start and tokens[verb - 1].lower == "to":
        return "none"
    if "past" in readings:
        return "past"
    if readings & {"present", "base"}:
        return "present"
    return "none"


def noun_group(
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    noun: int,
    cue_tokens: dict[int, str],
    dates: frozenset[int],
) -> VerbGroup:
    """An event noun takes its tense from the verb governing its clause ("talks collapsed")."""
    for j in range(noun - 1, -1, -1):
        if is_hard_boundary(tokens[j]):
            break
        if kinds[j] is VERB:
            # the verb's negation is not the noun's: "did not attend the meeting on Monday"
            group = verb_group(tokens, kinds, j, cue_tokens, dates)
            return VerbGroup(noun, group.tense, False, group.cue_kinds)
        if kinds[j] is AUX:
            return VerbGroup(noun, _tense(tokens, range(j, j + 1), j, frozenset()), False, frozenset())
    # No verb before it: the noun is the subject ("Friday's attack killed 20 people").
    for j in range(noun + 1, len(tokens)):
        if is_hard_boundary(tokens[j]):
            break
        if kinds[j] is VERB:
            group = verb_group(tokens, kinds, j, cue_tokens, dates)
            return VerbGroup(noun, group.tense, False, group.cue_kinds)
    return VerbGroup(noun, "none", False, frozenset())


def status_of(value: TimeValue, reference: date | None, tense: str) -> Status:
    """The span decides first; when it contains the reference date, tense and modality decide."""
    if reference is None or value.start is None or value.end is None:
        return Status.UNKNOWN
    if value.end < reference:
        return Status.PAST
    if value.start > reference:
        return Status.UPCOMING
    if tense == "past":
        return Status.PAST
    if tense == "future":
        return Status.UPCOMING
    return Status.ONGOING
