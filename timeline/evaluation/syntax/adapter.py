"""The one place the syntax diagnostic calls into the event layer (re-point it when that layer changes).

Everything the scorers need comes out of this module as plain character spans, so the scorers
never read the event layer's tokens, kinds or window arithmetic:
- `word_classes`: our tokens and the word class each is given in its sentence;
- `analyze`: for each calendar DATE/TIME expression the tagger finds, the event word(s) it is
  anchored to, the subject the title uses, and the voice our verb group and our title express;
- `clause_starts`: where the event layer starts a new clause (segment) in a sentence.

The subject and voice are recomputed here from the event's anchor with the same calls
`timeline.events.detect._event` makes (verb group, subject, predicate), on the whole sentence:
UD sentences are shorter than the event layer's 48-token window on each side of a date.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.events.anchoring import cue_matches, is_hard_boundary, is_soft_boundary, subordinators
from timeline.events.detect import dated_events, is_calendar_date, span_tokens
from timeline.events.fields import BE_FORMS, predicate, subject
from timeline.events.lexicon import word_set
from timeline.events.status import verb_group
from timeline.events.tokens import AUX, EVENT_NOUN, VERB, Kind, Token, classify, tokenize
from timeline.models import Document, DocumentInfo, ReferenceSource, Timex
from timeline.temporal import annotate

Span = tuple[int, int]
Classify = Callable[[tuple[Token, ...], frozenset[int]], tuple[Kind, ...]]

# Which classes this process measures: the engine's word lists, or the perceptron (use_perceptron).
_STATE: dict[str, Any] = {"classify": classify, "tagged": False, "ambiguous_only": False}

# Words whose presence in a verb group before a participle makes it passive.
_PASSIVE_AUX = BE_FORMS | {"been", "being", "get", "gets", "got", "gotten"}


@dataclass(frozen=True, slots=True)
class TokenClass:
    """One of our tokens and its class: the Kind the anchoring rules use, and the word-form
    facts (WordInfo) that the fields rules read, reduced to the UPOS they imply."""

    start: int
    end: int
    text: str
    kind: str  # verb | aux | event_noun | other
    upos: str  # the UPOS our class implies (see `implied_upos`)


@dataclass(frozen=True, slots=True)
class DatedDecision:
    """What the event layer decided for one date expression."""

    timex: Span
    value: str
    trigger: Span | None  # the event word (None: no event word found)
    words: tuple[Span, ...]  # the trigger, coordinated verbs, the light verb of "held talks"
    noun: bool  # the trigger is an event noun (its title has no subject)
    subject: tuple[Span, ...]  # the subject the title uses, word by word
    passive_group: bool | None  # our verb group reads passive (None: no verb)
    passive_title: bool | None  # the title's predicate keeps the passive auxiliary
    title: str


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(
        {"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "who", "whom"}
        | {"what", "which", "this", "these", "those", "itself", "himself", "herself", "themselves"}
        | {"myself", "yourself", "ourselves", "something", "anything", "nothing", "everyone", "someone"}
    )


@cache
def reporting_lemmas() -> frozenset[str]:
    """The reporting verbs the event layer knows (reporting_verbs.txt)."""
    return word_set("reporting_verbs.txt")


_CCONJ = frozenset({"and", "or", "but", "nor", "yet"})
_PART = frozenset({"to", "not", "n't"})


def implied_upos(token: Token, kind: Kind) -> str:
    """The UPOS our classes imply. The anchoring Kind decides first (VERB, AUX, an event noun
    is a NOUN); for the other tokens the WordInfo flags the field rules read decide, in this
    order: punctuation, number, pronoun, determiner, preposition (ADP), coordinator
    (CCONJ), subordinator (subordinators.txt: SCONJ), "to"/"not"
    (PART), -ly adverb (ADV), adjective, capitalized word (PROPN), else NOUN."""
    info = token.info
    if kind is VERB:
        return "VERB"
    if kind is AUX:
        return "AUX"
    if kind is EVENT_NOUN:
        return "NOUN"
    if not info.word:
        return "PUNCT"
    if info.digit:
        return "NUM"
    if info.lower in _pronouns():
        return "PRON"
    if info.determiner and not info.clitic:
        return "DET"
    if info.preposition:
        return "ADP"
    if info.lower in _CCONJ:
        return "CCONJ"
    if info.lower in subordinators():
        return "SCONJ"
    if info.lower in _PART or info.clitic:
        return "PART"
    if info.adverb:
        return "ADV"
    if info.adjective:
        return "ADJ"
    if info.capitalized:
        return "PROPN"
    return "NOUN"


def word_classes(text: str) -> tuple[TokenClass, ...]:
    """Our tokens of a sentence and their classes (no dates marked: the class of every word)."""
    tokens = tokenize(text)
    kinds = _STATE["classify"](tokens, frozenset())
    if _STATE["tagged"]:
        tags = _perceptron_tags(tokens)
    else:
        tags = [implied_upos(t, kind) for t, kind in zip(tokens, kinds, strict=True)]
    return tuple(
        TokenClass(t.start, t.end, t.text, kind.value, tag)
        for t, kind, tag in zip(tokens, kinds, tags, strict=True)
    )


def clause_starts(text: str) -> frozenset[int]:
    """Character offsets where the event layer starts a new clause: the first word after a
    comma or a hard boundary (dash, semicolon, quote, bracket, colon), and a subordinator or
    relative pronoun itself (subordinators.txt, "who", "which", "that" after a noun)."""
    tokens = tokenize(text)
    starts: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text == "," or is_hard_boundary(token):
            following = next((t for t in tokens[i + 1 :] if t.info.word), None)
            if following is not None:
                starts.add(following.start)
        elif i > 0 and is_soft_boundary(token):
            starts.add(token.start)
    return frozenset(starts)


def timexes(text: str, reference: dt.date | None) -> tuple[Timex, ...]:
    """The tagger's temporal expressions of the text."""
    return annotate(text, reference)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The decisions for a text's dates, and the spans of all its time expressions."""

    decisions: tuple[DatedDecision, ...]
    timexes: tuple[Span, ...]


def analyze(text: str, reference: dt.date | None) -> Analysis:
    """The event layer's decisions for each calendar date expression of the text."""
    found = timexes(text, reference)
    document = Document(
        info=DocumentInfo(id="ud", reference_date=reference, reference_source=ReferenceSource.NONE), text=text
    )
    spans = sorted((t.start, t.end) for t in found)
    out: list[DatedDecision] = []
    for dated in dated_events(document, found):
        event = dated.event
        mention = event.mentions[0]
        s_start = mention.sentence_start or 0
        s_end = mention.sentence_end if mention.sentence_end is not None else len(text)
        tokens = tokenize(text, s_start, s_end)
        ends = [t.end for t in tokens]
        dates = span_tokens(tokens, ends, spans, s_start, s_end)
        kinds = _STATE["classify"](tokens, dates)
        words = dated.words
        trigger = words[0] if words else None
        subject_spans: tuple[Span, ...] = ()
        passive_group: bool | None = None
        passive_title: bool | None = None
        noun = False
        if trigger is not None:
            index = _index(tokens, trigger)
            noun = index is not None and kinds[index] is EVENT_NOUN
            light = len(words) > 1 and words[1][0] < trigger[0]
            head = _index(tokens, words[1]) if light else index
            if head is not None and (not noun or light):
                noun = False
                cue_tokens = {i: k for a, b, k in cue_matches(tokens) for i in range(a, b)}
                group = verb_group(tokens, kinds, head, cue_tokens, dates)
                who = subject(tokens, kinds, group.start, dates)
                subject_spans = tuple((tokens[i].start, tokens[i].end) for i in who)
                passive_group = _passive(tokens, range(group.start, head), head)
                kept = predicate(tokens, group.start, head, dates)
                passive_title = _passive(tokens, [i for i in kept if i < head], head)
        for timex in dated.timexes:
            out.append(
                DatedDecision(
                    (timex.start, timex.end),
                    timex.value,
                    trigger,
                    words,
                    noun,
                    subject_spans,
                    passive_group,
                    passive_title,
                    event.title,
                )
            )
    return Analysis(tuple(sorted(out, key=lambda d: d.timex)), tuple(spans))


def calendar_timexes(text: str, reference: dt.date | None) -> tuple[Span, ...]:
    """The spans of the calendar DATE/TIME expressions the event layer dates events by."""
    return tuple((t.start, t.end) for t in timexes(text, reference) if is_calendar_date(t))


def _index(tokens: tuple[Token, ...], span: Span) -> int | None:
    i = bisect_right([t.start for t in tokens], span[0]) - 1
    return i if 0 <= i < len(tokens) and tokens[i].start == span[0] else None


def _passive(tokens: tuple[Token, ...], group: range | list[int], head: int) -> bool:
    participle = bool(tokens[head].info.tenses & {"participle", "past"})
    return participle and any(tokens[i].lower in _PASSIVE_AUX for i in group)


def _perceptron_tags(tokens: tuple[Token, ...]) -> list[str]:
    from timeline.evaluation.syntax.perceptron import load

    guesses = None
    if _STATE["ambiguous_only"]:
        # Words the lists cannot make a verb, auxiliary or event noun keep the lists' tag.
        guesses = [None if t.info.classifiable else implied_upos(t, Kind.OTHER) for t in tokens]
    return load().tag([t.text for t in tokens], guesses)


def perceptron_classes(tokens: tuple[Token, ...], dates: frozenset[int] = frozenset()) -> tuple[Kind, ...]:
    """Our Kinds from the EWT perceptron's UPOS instead of the word lists (measurement only): VERB
    and AUX as tagged; a NOUN that is a listed or suffix event noun ("attack", "invasion") is an
    EVENT_NOUN unless a NOUN follows it ("arrest warrant"); everything else, and dates, OTHER."""
    tags = _perceptron_tags(tokens)
    kinds: list[Kind] = []
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        following = tags[i + 1] if i + 1 < len(tags) and i + 1 not in dates else ""
        if i in dates:
            kinds.append(Kind.OTHER)
        elif tag == "VERB":
            kinds.append(VERB)
        elif tag == "AUX":
            kinds.append(AUX)
        elif tag == "NOUN" and (token.info.event_noun or token.info.gerund_noun) and following != "NOUN":
            kinds.append(EVENT_NOUN)
        else:
            kinds.append(Kind.OTHER)
    return tuple(kinds)


def use_perceptron(ambiguous_only: bool = False) -> None:
    """Make this process's event layer read the perceptron's classes (measurement only: the
    engine's modules are not changed, only the name this process's event layer looks up); with
    `ambiguous_only`, only the words the lists could make a verb, auxiliary or event noun are
    scored by the perceptron."""
    import timeline.events.detect as detect

    _STATE["ambiguous_only"] = ambiguous_only
    setattr(detect, "classify", perceptron_classes)  # noqa: B010 (a name mypy sees as private)
    _STATE["classify"] = perceptron_classes
    _STATE["tagged"] = True


def use_word_lists() -> None:
    """Undo use_perceptron: the engine's own classes again."""
    import timeline.events.detect as detect

    setattr(detect, "classify", classify)  # noqa: B010
    _STATE["classify"] = classify
    _STATE["tagged"] = False
    _STATE["ambiguous_only"] = False
