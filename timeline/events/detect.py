"""detect_events: one event per calendar date mention, anchored to the event word it modifies."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from timeline.events.anchoring import Anchor, anchor, cue_matches, hard_segment
from timeline.events.fields import (
    MAX_TITLE_WORDS,
    complement,
    fit,
    join,
    noun_head,
    participants,
    places,
    predicate,
    subject,
    title,
    word_count,
)
from timeline.events.sentences import sentences_around
from timeline.events.status import VerbGroup, noun_group, status_of, verb_group
from timeline.events.tokens import EVENT_NOUN, VERB, Kind, Token, classify, lemma_of, tokenize
from timeline.models import Document, Event, Granularity, Mention, Timex, TimexType

DATED_TYPES = frozenset({TimexType.DATE, TimexType.TIME})
_VAGUE = Granularity.VAGUE  # read per timex: an enum member is a slow attribute lookup (speed)


def is_calendar_date(timex: Timex) -> bool:
    """DATE/TIME with a calendar value (resolved or not); never PRESENT_REF-style or vague ones."""
    if timex.type not in DATED_TYPES or timex.time is None:
        return False
    return timex.time.granularity is not _VAGUE and "REF" not in timex.value


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One dated event of one sentence with the evidence behind it: the date expressions that
    date it and the character spans of its event word(s) (coordinated verbs, a light verb)."""

    timexes: tuple[Timex, ...]
    anchor: Anchor
    event: Event
    words: tuple[tuple[int, int], ...]
    extent: tuple[tuple[int, int], ...]  # the words the title was made of


def detect_events(document: Document, timexes: Sequence[Timex]) -> tuple[Event, ...]:
    """The events dated by the document's DATE/TIME expressions, in text order, one mention each
    (two mentions when one sentence dates one event twice); ids are provisional.

    One date for coordinated verbs ("expected to trek across deserts and board boats this year")
    gives ONE event: its trigger is the first verb, its title spans the coordination. A line
    that holds nothing but a date (a dateline such as "March 01, 2008") dates no event."""
    return tuple(found.event for found in dated_events(document, timexes))


def dated_events(document: Document, timexes: Sequence[Timex]) -> tuple[DatedEvent, ...]:
    """detect_events with its evidence (for measurement and debugging)."""
    text = document.text
    dated = sorted([t for t in timexes if is_calendar_date(t)], key=lambda t: (t.start, t.end))
    if not dated:
        return ()
    all_spans = sorted((t.start, t.end) for t in timexes)
    # Durations and sets are content a title may say ("took six months off"); dates are not.
    calendar_spans = frozenset((t.start, t.end) for t in timexes if t.type in DATED_TYPES)
    # A sentence never splits a date expression ("next\nJanuary", "May,Jan. 1"). Only the
    # sentences holding a date are split out: the same spans as join_across(split_sentences(text)).
    sentences = sentences_around(text, [t.start for t in dated], all_spans)
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[Timex]] = {}
    for timex in dated:
        index = max(0, bisect_right(starts, timex.start) - 1)
        by_sentence.setdefault(index, []).append(timex)
    found: list[DatedEvent] = []
    for index in sorted(by_sentence):
        found.extend(
            _sentence_events(document, sentences[index], by_sentence[index], all_spans, calendar_spans)
        )
    return tuple(found)


def _covering(tokens: tuple[Token, ...], ends: list[int], start: int, end: int) -> range:
    """Indices of the tokens overlapping the characters [start, end)."""
    first = bisect_right(ends, start)
    # Tokens are ordered and disjoint: those ending by `end` start before it, and of the
    # others only the first can (a date ending inside a token).
    last = bisect_right(ends, end)
    if last < len(tokens) and tokens[last].start < end:
        last += 1
    return range(first, max(first, last))


def span_tokens(
    tokens: tuple[Token, ...], ends: list[int], spans: list[tuple[int, int]], start: int, end: int
) -> frozenset[int]:
    """Indices of the tokens overlapped by those of the sorted `spans` that begin in [start, end)
    (the time expressions of one sentence); `ends` are the tokens' end offsets."""
    return _marked_tokens(tokens, ends, spans, frozenset(), start, end)[0]


def _marked_tokens(
    tokens: tuple[Token, ...],
    ends: list[int],
    spans: list[tuple[int, int]],
    calendar: frozenset[tuple[int, int]],
    start: int,
    end: int,
) -> tuple[frozenset[int], frozenset[int]]:
    """span_tokens for all the time expressions and for the `calendar` ones (dates and times)
    in one pass: each span's tokens are found once (speed)."""
    first, last = bisect_left(spans, (start, 0)), bisect_left(spans, (end, 0))
    marked: list[int] = []
    dated: list[int] = []
    for a, b in spans[first:last]:
        covered = _covering(tokens, ends, a, b)
        marked.extend(covered)
        if (a, b) in calendar:
            dated.extend(covered)
    return frozenset(marked), frozenset(dated)


# Tokens on each side of a date that anchoring and titles look at: ordinary sentences fit whole,
# and a sentence made of thousands of dates costs linear, not quadratic, time.
WINDOW = 48
# Longer "sentences" (lists, tables, run-on text) are quoted around the date only.
MAX_SENTENCE_CHARS = 2000


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class _Window(NamedTuple):
    """A slice of a sentence around one date, indices relative to the slice."""

    offset: int
    tokens: tuple[Token, ...]
    kinds: tuple[Kind, ...]
    dates: frozenset[int]
    calendar: frozenset[int]  # tokens of DATE/TIME expressions only
    cues: dict[int, str]
    blocked: frozenset[int]


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class _Marks(NamedTuple):
    """A sentence's cue tokens (index -> kind), and its date, calendar and cue tokens as sorted
    lists to slice."""

    cues: dict[int, str]
    date_list: list[int]
    calendar_list: list[int]
    cue_list: list[int]


def _near(indices: list[int], lo: int, hi: int) -> list[int]:
    """The indices in [lo, hi), shifted by lo: bisection keeps a window's cost to its own size
    (a sentence of thousands of dates would otherwise cost quadratic time)."""
    return [i - lo for i in indices[bisect_left(indices, lo) : bisect_left(indices, hi)]]


def _whole(
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    dates: frozenset[int],
    calendar: frozenset[int],
    cues: dict[int, str],
) -> _Window:
    """The whole sentence as a window: its sets serve as they are (nothing changes them afterwards)."""
    blocked = dates.union([i for i, kind in cues.items() if kind != "negation"])
    return _Window(0, tokens, kinds, dates, calendar, cues, blocked)


def _window(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], marks: _Marks, start: int, end: int
) -> _Window:
    """The slice of the sentence around the date at tokens[start:end], for a date whose window
    is smaller than the sentence (`_whole` serves the others)."""
    lo, hi = max(0, start - WINDOW), min(len(tokens), end + WINDOW)
    near_dates = frozenset(_near(marks.date_list, lo, hi))
    cues = {i: marks.cues[i + lo] for i in _near(marks.cue_list, lo, hi)}
    blocked = near_dates | {i for i, kind in cues.items() if kind != "negation"}
    near_calendar = frozenset(_near(marks.calendar_list, lo, hi))
    return _Window(lo, tokens[lo:hi], kinds[lo:hi], near_dates, near_calendar, cues, blocked)


def _sentence_events(
    document: Document,
    sentence: tuple[int, int],
    timexes: list[Timex],
    all_spans: list[tuple[int, int]],
    calendar_spans: frozenset[tuple[int, int]],
) -> list[DatedEvent]:
    text = document.text
    s_start, s_end = sentence
    tokens = tokenize(text, s_start, s_end)
    ends = [t.end for t in tokens]
    dates, calendar = _marked_tokens(tokens, ends, all_spans, calendar_spans, s_start, s_end)
    found: list[DatedEvent] = []
    if all(i in dates or not t.info.word for i, t in enumerate(tokens)):
        return found  # a line holding only a date (a dateline, a caption's date) dates no event
    kinds = classify(tokens, dates)
    cue_tokens = {i: kind for start, end, kind in cue_matches(tokens) for i in range(start, end)}
    # The sorted marks serve windows smaller than the sentence only: made on the first (speed).
    marks: _Marks | None = None
    last_of_value: dict[str, tuple[int, int | None]] = {}  # value -> (index in found, trigger)
    later: list[list[tuple[Timex, tuple[Mention, ...]]]] = []  # per found event: its later dates
    # Most sentences fit in one window around each of their dates: that window is then the
    # whole sentence, built once for all its dates rather than once per date (speed).
    whole: _Window | None = None
    size = len(tokens)
    for timex in timexes:
        covered = _covering(tokens, ends, timex.start, timex.end)
        start, end = (covered.start, covered.stop) if covered else (0, 0)
        if start <= WINDOW and end + WINDOW >= size:
            if whole is None:
                whole = _whole(tokens, kinds, dates, calendar, cue_tokens)
            w = whole
        else:
            if marks is None:
                marks = _Marks(cue_tokens, sorted(dates), sorted(calendar), sorted(cue_tokens))
            w = _window(tokens, kinds, marks, start, end)
        date_range = (start - w.offset, end - w.offset)
        result = anchor(w.tokens, w.kinds, *date_range, w.blocked, w.dates)
        shown = sentence
        if s_end - s_start > MAX_SENTENCE_CHARS and w.tokens:
            shown = (w.tokens[0].start, w.tokens[-1].end)  # a run-on "sentence": the part around the date
        event, extent = _event(
            document, shown, w.tokens, w.kinds, timex, result, w.cues, w.dates, w.calendar, date_range
        )
        trigger = None if result.trigger is None else result.trigger + w.offset
        earlier = last_of_value.get(timex.value)
        if earlier is not None and _same_event(earlier[1], trigger, result, w):
            # Gathered and merged once at the end: merging one by one copies ever longer
            # tuples (quadratic in a sentence that repeats one date thousands of times).
            later[earlier[0]].append((timex, event.mentions))
            continue
        last_of_value[timex.value] = (len(found), trigger)
        # token[1:3] is (start, end): a Token is a tuple (speed)
        words = tuple([w.tokens[i][1:3] for i in result.conjuncts])
        spans = tuple([w.tokens[i][1:3] for i in sorted({*extent, *result.conjuncts})])
        found.append(DatedEvent((timex,), result, event, words, spans))
        later.append([])
    for index, extra in enumerate(later):
        if extra:
            head = found[index]
            mentions = (*head.event.mentions, *(m for _, more in extra for m in more))
            merged = head.event.model_copy(update={"mentions": mentions})
            timexes_of = (*head.timexes, *(t for t, _ in extra))
            found[index] = DatedEvent(timexes_of, head.anchor, merged, head.words, head.extent)
    return found


def _same_event(earlier: int | None, trigger: int | None, result: Anchor, w: _Window) -> bool:
    """Whether a date dates the same event as the previous date of this sentence with the same
    value: the same trigger, or this date hangs on a non-finite afterthought ("... this year —
    putting 2017 on course"). Triggers are sentence token indices."""
    if trigger is None or trigger == earlier or result.mode == "fallback":
        return True
    local = trigger - w.offset
    return (
        w.kinds[local] is VERB
        and w.tokens[local].lower.endswith("ing")
        and trigger > (earlier if earlier is not None else -1)
    )


def _event(
    document: Document,
    sentence: tuple[int, int],
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    timex: Timex,
    result: Anchor,
    cue_tokens: dict[int, str],
    dates: frozenset[int],
    calendar: frozenset[int],
    date_range: tuple[int, int],
) -> tuple[Event, list[int]]:
    """The event for one date and the tokens its title was made of; `dates` are the tokens of all
    time expressions, `calendar` those of dates and times only (what a title leaves out)."""
    text = document.text
    document_id = document.info.id
    assert timex.time is not None
    lo, hi = hard_segment(tokens, *date_range)
    found_places = places(tokens, lo, hi, dates)
    near = [p for p in found_places if _distance(p.phrase, _focus(date_range, result)) <= PLACE_REACH]
    place = min(near, key=lambda p: _distance(p.phrase, date_range)) if near else None
    trigger_word: str
    if result.trigger is None:
        group = VerbGroup(date_range[0], "none", False, frozenset())
        clause = [i for i in range(lo, hi) if i not in dates and tokens[i].info.word]
        head = clause[:MAX_FALLBACK_WORDS]
        parts = [join(text, tokens, head)]
        trigger_word = tokens[head[-1]].text if head else timex.text
        named = head
        extent = head
    elif kinds[result.trigger] is EVENT_NOUN and not _light_verb(result, kinds):
        group = noun_group(tokens, kinds, result.trigger, cue_tokens, dates)
        head = noun_head(tokens, result.trigger, dates)
        tail = complement(tokens, kinds, result.trigger + 1, calendar, noun=True)
        tail = fit(tokens, tail, MAX_TITLE_WORDS - word_count(tokens, head))
        parts = [join(text, tokens, head + tail)]
        trigger_word = tokens[result.trigger].text
        named = head + tail
        extent = named
    else:
        # A verb, or the light verb of an event noun ("Airbus took delivery ...": the title
        # keeps the subject and the verb, the trigger is the noun).
        head_verb = result.conjuncts[1] if _light_verb(result, kinds) else result.trigger
        group = verb_group(tokens, kinds, head_verb, cue_tokens, dates)
        who = subject(tokens, kinds, group.start, dates)
        if place is not None and who and who[-1] < place.phrase[0] < group.start:
            place = None  # said in an appositive ("Kopp, who is from Vermont, was indicted")
        verb = predicate(tokens, group.start, head_verb, dates)
        tail = complement(tokens, kinds, head_verb + 1, calendar, noun=False)
        tail = fit(tokens, tail, MAX_TITLE_WORDS - word_count(tokens, who) - word_count(tokens, verb))
        said = join(text, tokens, verb)
        if who and verb and verb[0] < who[0]:
            said = said[:1].lower() + said[1:]  # "Rescued ..., the boy" -> "boy rescued ..."
        parts = [join(text, tokens, who), said, join(text, tokens, tail)]
        trigger_word = tokens[result.trigger].text
        named = who + tail
        extent = who + verb + tail
    place_tokens = set(range(*place.phrase)) if place else set()
    if place is not None and not place_tokens <= set(named):
        phrase = list(range(*place.phrase))
        room = MAX_TITLE_WORDS - sum(len(p.split()) for p in parts)
        if place.name.split(",")[0] not in " ".join(parts) and word_count(tokens, phrase) <= room:
            located = join(text, tokens, phrase)
            parts.append(located[:1].lower() + located[1:])  # "In Los Angeles, ..." -> "in Los Angeles"
    # Validated construction through model_validate: pydantic-core builds the models from a
    # dict faster than BaseModel.__init__ does (it validates in place), the mention included.
    mention = {
        "document_id": document_id,
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
    }
    event = Event.model_validate(
        {
            "id": f"{document_id}:{timex.start}",
            "date": timex.time,
            "title": title(parts) or trigger_word,
            "trigger": trigger_word,
            "sentence": text[sentence[0] : sentence[1]],
            "status": status_of(timex.time, document.info.reference_date, group.tense),
            "negated": group.negated,
            "participants": participants(tokens, named, place_tokens),
            "place": place.name if place else None,
            "confidence": max(0.0, min(1.0, result.confidence)),
            "mentions": (mention,),
        }
    )
    return event, extent


MAX_FALLBACK_WORDS = 10


def _light_verb(result: Anchor, kinds: tuple[Kind, ...]) -> bool:
    """Whether the anchor is an event noun found as the object of a light verb ("held talks")."""
    trigger = result.trigger
    return (
        trigger is not None
        and len(result.conjuncts) > 1
        and result.conjuncts[1] < trigger
        and kinds[result.conjuncts[1]] is VERB
    )


# How many tokens away from the date or the event word a place may be and still be where the
# event happened (farther ones usually locate a participant: "rebels in eastern Ukraine").
PLACE_REACH = 8


def _focus(date_range: tuple[int, int], result: Anchor) -> tuple[int, int]:
    """The tokens spanned by the date and the event word together."""
    if result.trigger is None:
        return date_range
    return min(date_range[0], result.trigger), max(date_range[1], result.trigger + 1)


def _distance(span: tuple[int, int], other: tuple[int, int]) -> int:
    if span[1] <= other[0]:
        return other[0] - span[1]
    if other[1] <= span[0]:
        return span[0] - other[1]
    return 0


def trigger_lemma(event: Event) -> str:
    """The normalized event word: the verb lemma, or the lowercased noun."""
    return lemma_of(event.trigger)
