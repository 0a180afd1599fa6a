"""detect_events: one event per calendar date mention, anchored to the event word it modifies."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from timeline.events.anchoring import Anchor, anchor, cue_matches, hard_segment
from timeline.events.antecedents import PERSONAL, antecedent
from timeline.events.fields import (
    BE_FORMS,
    MAX_TITLE_WORDS,
    PRONOUNS,
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
from timeline.events.nonevents import dateline_line, nonevent
from timeline.events.reported import content_predicate, quote_spans, quoted_predicate, reporter
from timeline.events.sentences import sentences_around
from timeline.events.status import VerbGroup, noun_group, status_of, verb_group
from timeline.events.tokens import AUX, EVENT_NOUN, VERB, Kind, Token, classify, lemma_of, tokenize
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
    # Dates that date nothing (a comparison's "since 2008", a duration's "in forty minutes") are
    # words of the title like any other ("Harvest worst since 1990"): out of the calendar set.
    skipped: set[tuple[int, int]] = set()
    for timex in timexes:
        covered = _covering(tokens, ends, timex.start, timex.end)
        if covered and (
            nonevent(tokens, kinds, covered.start, covered.stop, timex)
            or dateline_line(text, timex, sentence)
        ):
            skipped.add((timex.start, timex.end))
            calendar = calendar.difference(covered)
    # The sorted marks serve windows smaller than the sentence only: made on the first (speed).
    marks: _Marks | None = None
    last_of_value: dict[str, tuple[int, int | None]] = {}  # value -> (index in found, trigger)
    later: list[list[tuple[Timex, tuple[Mention, ...]]]] = []  # per found event: its later dates
    # Most sentences fit in one window around each of their dates: that window is then the
    # whole sentence, built once for all its dates rather than once per date (speed).
    whole: _Window | None = None
    size = len(tokens)
    timexes = _quote_time(text, tokens, timexes)
    widen: dict[int, Timex] = {}  # found index -> the last date of its range ("2015-2016")
    previous: Timex | None = None
    for timex in timexes:
        covered = _covering(tokens, ends, timex.start, timex.end)
        start, end = (covered.start, covered.stop) if covered else (0, 0)
        joined = previous is not None and found and _continues(text, previous, timex)
        previous = timex
        if joined and found:
            # one event: a range's end ("2015-2016", "from May to July") or the time of a date
            # ("on Monday at 3 p.m.")
            later[-1].append((timex, (_mention(document, sentence, timex),)))
            if timex.time is not None and found[-1].event.date.granularity is timex.time.granularity:
                widen[len(found) - 1] = timex
            continue
        if start <= WINDOW and end + WINDOW >= size:
            if whole is None:
                whole = _whole(tokens, kinds, dates, calendar, cue_tokens)
            w = whole
        else:
            if marks is None:
                marks = _Marks(cue_tokens, sorted(dates), sorted(calendar), sorted(cue_tokens))
            w = _window(tokens, kinds, marks, start, end)
        date_range = (start - w.offset, end - w.offset)
        if (timex.start, timex.end) in skipped:
            previous = None
            continue
        result = anchor(w.tokens, w.kinds, *date_range, w.blocked, w.dates)
        shown = sentence
        if s_end - s_start > MAX_SENTENCE_CHARS and w.tokens:
            shown = (w.tokens[0].start, w.tokens[-1].end)  # a run-on "sentence": the part around the date
        event, extent, reported_at = _event(
            document, shown, w.tokens, w.kinds, timex, result, w.cues, w.dates, w.calendar, date_range
        )
        trigger = None if result.trigger is None else result.trigger + w.offset
        earlier = last_of_value.get(timex.value)
        if earlier is not None and reported_at is not None and earlier[1] == reported_at + w.offset:
            # the saying's date and the date inside what was said ("'Shares fell today,' he said
            # on Tuesday"): one event, the saying's title
            head = found[earlier[0]]
            found[earlier[0]] = DatedEvent(
                head.timexes,
                head.anchor,
                event.model_copy(update={"mentions": head.event.mentions}),
                head.words,
                head.extent,
            )
            later[earlier[0]].append((timex, event.mentions))
            continue
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
            update: dict[str, object] = {"mentions": mentions}
            tail = widen.get(index)
            if tail is not None and tail.time is not None and tail.time.end is not None:
                span = head.event.date
                if span.end is not None and tail.time.end > span.end:
                    update["date"] = span.model_copy(update={"end": tail.time.end})
            merged = head.event.model_copy(update=update)
            timexes_of = (*head.timexes, *(t for t, _ in extra))
            found[index] = DatedEvent(timexes_of, head.anchor, merged, head.words, head.extent)
    return found


# What may stand between the two dates of a range or list, or a date and its time.
RANGE_JOINERS = frozenset(
    {"-", "\u2013", "\u2014", "to", "through", "until", "till", "/", "and", "at", ",", "or"}
)
RANGE_OPENERS = frozenset({"from", "between"})


def _continues(text: str, previous: Timex, timex: Timex) -> bool:
    """Whether `timex` ends a range or list opened by `previous` ("2015-2016", "1998-99", "from
    May to July", "between 2010 and 2012") or gives the time of the same day ("Monday at 3 p.m.")."""
    between = text[previous.end : timex.start].strip().lower()
    if previous.time is None or timex.time is None or len(between) > 8:
        return False
    if timex.rule == "date_range_tail" and between in ("-", "\u2013", "to", "/"):
        return True
    if timex.type is TimexType.TIME and previous.type is TimexType.DATE:
        return timex.value.startswith(previous.value) and between in ("", ",", "at", ", at")
    if between not in RANGE_JOINERS or between in ("at", ",", "or"):
        return False
    if between in ("-", "\u2013"):
        return True
    opener = text[max(0, previous.start - 9) : previous.start].strip().lower().rsplit(" ", 1)[-1]
    return opener in RANGE_OPENERS and (between != "and" or opener == "between")


def _mention(document: Document, sentence: tuple[int, int], timex: Timex) -> Mention:
    return Mention(
        document_id=document.info.id,
        start=timex.start,
        end=timex.end,
        text=timex.text,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


# Deictic words a quotation says from the speaker's day, not the article's.
QUOTE_DEICTICS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _quote_time(text: str, tokens: tuple[Token, ...], timexes: list[Timex]) -> list[Timex]:
    """The sentence's dates, with "today"/"yesterday"/"tomorrow" inside a quotation resolved
    against the day its attribution gives ("'Shares fell today,' he said on Tuesday")."""
    if len(timexes) < 2 or not any(t.text.lower() in QUOTE_DEICTICS for t in timexes):
        return timexes
    quoted = [(tokens[a].start, tokens[b - 1].end) for a, b in quote_spans(tokens) if b > a]
    if not quoted:
        return timexes

    def inside(t: Timex) -> bool:
        return any(a <= t.start and t.end <= b for a, b in quoted)

    speech = next(
        (
            t
            for t in timexes
            if not inside(t)
            and t.time is not None
            and t.time.granularity is Granularity.DAY
            and t.time.start is not None
        ),
        None,
    )
    if speech is None or speech.time is None or speech.time.start is None:
        return timexes
    out: list[Timex] = []
    for t in timexes:
        shift = QUOTE_DEICTICS.get(t.text.lower())
        if shift is not None and inside(t) and t.time is not None:
            day = speech.time.start + timedelta(days=shift)
            time = t.time.model_copy(update={"value": day.isoformat(), "start": day, "end": day})
            t = t.model_copy(update={"value": day.isoformat(), "time": time})
        out.append(t)
    return sorted(out, key=lambda t: (t.start, t.end))


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
) -> tuple[Event, list[int], int | None]:
    """The event for one date, the tokens its title was made of and, when the date dates a
    saying, the reported predicate (sentence-window index); `dates` are the tokens of all
    time expressions, `calendar` those of dates and times only (what a title leaves out)."""
    text = document.text
    document_id = document.info.id
    assert timex.time is not None
    lo, hi = hard_segment(tokens, *date_range)
    found_places = places(tokens, lo, hi, dates)
    near = [p for p in found_places if _distance(p.phrase, _focus(date_range, result)) <= PLACE_REACH]
    place = min(near, key=lambda p: _distance(p.phrase, date_range)) if near else None
    trigger_word: str
    reported_by: str | None = None
    reported_at: int | None = None  # the reported predicate, when the date dates a saying
    antecedent_name: str | None = None
    copula = _copula(tokens, kinds, lo, hi, dates) if result.trigger is None else None
    if copula is not None:
        # No event word, but a clause: "This year's harvest was the worst since 1990"
        found_clause = _clause_parts(text, tokens, kinds, copula, cue_tokens, dates, calendar)
        group = found_clause.group
        parts = found_clause.parts
        trigger_word = tokens[copula].text
        named = found_clause.who_indices + found_clause.tail
        extent = found_clause.who_indices + found_clause.verb + found_clause.tail
    elif result.trigger is None:
        group = VerbGroup(date_range[0], "none", False, frozenset())
        clause = [i for i in range(lo, hi) if i not in calendar and tokens[i].info.word]
        head = clause[:MAX_FALLBACK_WORDS]
        parts = [join(text, tokens, head)]
        trigger_word = tokens[head[-1]].text if head else timex.text
        named = head
        extent = head
    elif (
        kinds[result.trigger] is EVENT_NOUN
        and not _light_verb(result, kinds)
        and not _subject_event(result, kinds)
    ):
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
        # keeps the subject and the verb, the trigger is the noun); an event noun heading the
        # subject of an aspectual verb ("The summit is expected to open") keeps that verb too.
        head_verb = (
            result.conjuncts[1]
            if _light_verb(result, kinds) or _subject_event(result, kinds)
            else result.trigger
        )
        verb_clause = _clause_parts(text, tokens, kinds, head_verb, cue_tokens, dates, calendar)
        group = verb_clause.group
        content = content_predicate(tokens, kinds, head_verb, dates)
        if content is None:
            content = quoted_predicate(tokens, kinds, head_verb)
        if content is not None and content != head_verb:
            # The date dates the saying: the title says what was said, and who says it
            # ("Exports fell 4%, ministry says"); the speaker is also recorded apart.
            speaker = verb_clause.who_indices
            said_clause = _clause_parts(text, tokens, kinds, content, cue_tokens, dates, calendar)
            reported_by = _speaker(text, tokens, speaker)
            parts = [*said_clause.parts]
            if reported_by:
                last = max((n for n, part in enumerate(parts) if part), default=None)
                if last is not None:
                    parts[last] += ","
                parts.append(_says(tokens, speaker, reported_by))
            who = said_clause.who_indices
            tail = said_clause.tail
            reported_at = content
        else:
            parts = [*verb_clause.parts]
            who = verb_clause.who_indices
            tail = verb_clause.tail
            rep = reporter(tokens, kinds, group.start, dates)
            if rep is not None and rep != head_verb:
                rep_group = verb_group(tokens, kinds, rep, cue_tokens, dates)
                reported_by = _speaker(text, tokens, subject(tokens, kinds, rep_group.start, dates))
        if place is not None and who and who[-1] < place.phrase[0] < group.start:
            place = None  # said in an appositive ("Kopp, who is from Vermont, was indicted")
        trigger_word = tokens[result.trigger].text
        named = who + tail
        extent = who + verb_clause.verb + tail
        antecedent_name = verb_clause.antecedent
    place_tokens = set(range(*place.phrase)) if place else set()
    # a place is never a participant, even one too far away to be where the event happened
    elsewhere = {i for p in found_places for i in range(*p.phrase)}
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
            "participants": _with_name(
                participants(tokens, named, place_tokens | elsewhere), antecedent_name
            ),
            "place": place.name if place else None,
            "confidence": max(0.0, min(1.0, result.confidence)),
            "mentions": (mention,),
            "reported_by": reported_by,
        }
    )
    return event, extent, reported_at


def _copula(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], lo: int, hi: int, dates: frozenset[int]
) -> int | None:
    """A form of "be" heading the clause with a subject before it and no verb after it."""
    for i in range(lo, hi):
        if kinds[i] is AUX and tokens[i].lower in BE_FORMS and i > lo and i not in dates:
            if any(kinds[k] is VERB for k in range(i + 1, hi)):
                return None
            return i
    return None


def _with_name(found: tuple[str, ...], name: str | None) -> tuple[str, ...]:
    return found if name is None or name in found else (name, *found)


class _Clause(NamedTuple):
    """A predicate's headline parts: who, the verb group as said, the object or complement."""

    group: VerbGroup
    who_indices: list[int]
    verb: list[int]
    tail: list[int]
    parts: list[str]
    antecedent: str | None  # the name a pronoun subject stands for, when the title uses it


def _clause_parts(
    text: str,
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    head_verb: int,
    cue_tokens: dict[int, str],
    dates: frozenset[int],
    calendar: frozenset[int],
) -> _Clause:
    """Subject, predicate (voice and negation kept) and complement of the verb at head_verb."""
    group = verb_group(tokens, kinds, head_verb, cue_tokens, dates)
    who = subject(tokens, kinds, group.start, dates)
    named: str | None = None
    if len(who) == 1 and tokens[who[0]].lower in PERSONAL:
        named = antecedent(text, tokens[who[0]].start)
    # "He was arrested": a headline drops "was" only once the actor is named ("Mark Hale
    # arrested"); "He arrested" would read as the active voice.
    keep_be = bool(who) and named is None and tokens[who[0]].lower in PRONOUNS
    verb = predicate(tokens, group.start, head_verb, dates, keep_be=keep_be)
    tail = complement(tokens, kinds, head_verb + 1, calendar, noun=False)
    tail = fit(tokens, tail, MAX_TITLE_WORDS - word_count(tokens, who) - word_count(tokens, verb))
    said = join(text, tokens, verb)
    if who and verb and verb[0] < who[0]:
        said = said[:1].lower() + said[1:]  # "Rescued ..., the boy" -> "boy rescued ..."
    first = named if named is not None else join(text, tokens, who)
    return _Clause(group, who, verb, tail, [first, said, join(text, tokens, tail)], named)


def _speaker(text: str, tokens: tuple[Token, ...], who: list[int]) -> str | None:
    """Who reported: the reporting verb's subject as written ("the ministry", "Ana Ruiz")."""
    who = _without_article(tokens, who)
    if not who:
        return None
    spoken = join(text, tokens, who)
    if tokens[who[0]].lower in PRONOUNS:
        return antecedent(text, tokens[who[0]].start) if tokens[who[0]].lower in PERSONAL else None
    return spoken


def _without_article(tokens: tuple[Token, ...], who: list[int]) -> list[int]:
    """A speaker without a leading article or quotation mark: "the ministry" -> "ministry"."""
    while who and (not tokens[who[0]].info.word or tokens[who[0]].lower in ("the", "a", "an")):
        who = who[1:]
    return who


def _says(tokens: tuple[Token, ...], speaker: list[int], name: str) -> str:
    """'ministry says', 'police say': the speaker in a headline's attribution."""
    speaker = _without_article(tokens, speaker)
    if speaker and tokens[speaker[0]].lower in PRONOUNS:
        return f"{name} says"  # "he" stood for the person named earlier: a name keeps its case
    last = tokens[speaker[-1]] if speaker else None
    collective = last is not None and last.lower in COLLECTIVE_SPEAKERS
    plural = last is not None and (
        collective or (last.lower.endswith("s") and not last.info.name and not last.lower.endswith("ss"))
    )
    named = bool(speaker) and tokens[speaker[0]].info.name and not collective
    lowered = name if named else name[:1].lower() + name[1:]
    return f"{lowered} {'say' if plural else 'says'}"


# Plural nouns for groups of speakers, capitalized only when they open a sentence ("Police said").
COLLECTIVE_SPEAKERS = frozenset(
    {"police", "officials", "authorities", "analysts", "witnesses", "prosecutors", "investigators"}
    | {"residents", "experts", "doctors", "scientists", "economists", "sources", "people"}
)


def _subject_event(result: Anchor, kinds: tuple[Kind, ...]) -> bool:
    """Whether the anchor is an event noun heading the subject of a verb after it ("the trial is
    set to begin"): the title is that clause, subject and verb."""
    trigger = result.trigger
    return (
        trigger is not None
        and kinds[trigger] is EVENT_NOUN
        and len(result.conjuncts) > 1
        and result.conjuncts[1] > trigger
        and kinds[result.conjuncts[1]] is VERB
    )


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
