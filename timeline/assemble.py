"""Assembly: merge repeated mentions of one event, order the timeline, give events stable ids, and
judge every status against the timeline's one as-of date."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from timeline.events import looks_like_name, trigger_lemma
from timeline.models import DocumentInfo, Event, Mention, Status, Timeline

# Title words that say nothing about which event it is.
_FILLER = frozenset(
    {
        *("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or"),
        *("its", "his", "her", "their", "this", "that", "is", "are", "was", "were", "be", "been"),
        *("has", "have", "had", "will", "would"),
    }
)
# Title similarity (Jaccard of content words) above which two same-day reports are one event
# even when their event words differ ("rescued" / "saved"), and the lower bar when the event
# word is the same.
SAME_TITLE = 0.6
SAME_TRIGGER_TITLE = 0.25
_WORD = re.compile(r"[\w$€£]+(?:[.'\u2019-]\w+)*")


def _content_words(title: str) -> frozenset[str]:
    if title.isascii():
        # Lowercasing ASCII maps letters to letters, so the words of the lowercased title are
        # the lowercased words: one lower() call instead of one per word (speed). Not so
        # beyond ASCII: "İ" lowercases to "i" and a combining dot, which no \w matches.
        return frozenset(_WORD.findall(title.lower())) - _FILLER
    return frozenset([w.lower() for w in _WORD.findall(title)]) - _FILLER


# Prepositions after which a title names a place, not an actor ("... in Benghazi").
_LOCATIVE = frozenset(
    {"in", "at", "off", "near", "outside", "inside", "across", "through", "of", "from", "to"}
)


def _names(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """Actors and places named in a title: capitalized words after a locative preposition are
    places ("... in Benghazi"); the others are actors, except a capitalized first word that is
    only capitalized for being first ("Airstrike by ...", "Police arrested ...")."""
    words = _WORD.findall(title)
    actors: set[str] = set()
    places: set[str] = set()
    after_locative = False
    for n, word in enumerate(words):
        lower = word.lower()
        if lower in _LOCATIVE:
            after_locative = True
            continue
        if not word[:1].isupper():
            after_locative = False
            continue
        name = lower[:-2] if lower.endswith(("'s", "\u2019s")) else lower  # "Italy's" names Italy
        if after_locative:
            places.add(name)
            continue
        first_only = n == 0 and not (len(words) > 1 and words[1][:1].isupper())
        if first_only and not looks_like_name(word):
            continue
        actors.add(name)
    return frozenset(actors), frozenset(places)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class _Identity(NamedTuple):
    """What merging compares, computed once per event."""

    value: str
    start: date | None
    negated: bool
    lemma: str
    words: frozenset[str]
    actors: frozenset[str]
    places: frozenset[str]

    @classmethod
    def of(cls, event: Event, words: frozenset[str] | None = None) -> _Identity:
        return cls(
            event.date.value,
            event.date.start,
            event.negated,
            trigger_lemma(event),
            _content_words(event.title) if words is None else words,
            *_names(event.title),
        )

    def matches(self, other: _Identity) -> bool:
        if self.value != other.value or self.start != other.start or self.negated != other.negated:
            return False
        same_word = self.lemma == other.lemma
        if same_word and self.actors & other.actors:
            return True  # the same event word, the same day, a shared actor ("Alfano ... meet")
        if self.places and other.places and not self.places & other.places:
            return False  # "leaders met in Paris" and "leaders met in Geneva": two meetings
        similarity = _similarity(self.words, other.words)
        return similarity >= (SAME_TRIGGER_TITLE if same_word else SAME_TITLE)


def same_event(a: Event, b: Event) -> bool:
    """Whether two dated events are one: same date value, and the same event word with related
    titles or a shared actor (titles are compared, being what a merge never changes), or
    near-identical titles. Events on different dates never merge."""
    return _Identity.of(a).matches(_Identity.of(b))


def _position(order: dict[str, int], mention: Mention) -> tuple[int, int, int]:
    return (order.get(mention.document_id, len(order)), mention.start, mention.end)


def _first_mention(order: dict[str, int], event: Event) -> Mention:
    mentions = event.mentions
    if len(mentions) == 1:
        return mentions[0]
    return min(mentions, key=lambda m: _position(order, m))


def _first_position(order: dict[str, int], event: Event) -> tuple[int, int, int]:
    mentions = event.mentions
    if len(mentions) == 1:  # most events: no generator for min to drain (speed)
        return _position(order, mentions[0])
    return min(_position(order, m) for m in mentions)


def _merge(group: list[Event], order: dict[str, int], event_id: str) -> Event:
    """The earliest report speaks for the group, under `event_id`; mentions and participants
    are pooled."""
    first = group[0]
    if len(group) == 1 and _already_pooled(first, order):
        # What pooling would give, without pooling (speed); the same fields are set.
        return first.model_copy(
            update={
                "mentions": first.mentions,
                "participants": first.participants,
                "place": first.place,
                "confidence": first.confidence,
                "id": event_id,
            }
        )
    mentions: dict[tuple[str, int, int], Mention] = {}
    for event in group:
        for mention in event.mentions:
            mentions.setdefault((mention.document_id, mention.start, mention.end), mention)
    participants: list[str] = []
    for event in group:
        for name in event.participants:
            if name not in participants:
                participants.append(name)
    return first.model_copy(
        update={
            "mentions": tuple(sorted(mentions.values(), key=lambda m: _position(order, m))),
            "participants": tuple(participants),
            "place": first.place or next((e.place for e in group if e.place), None),
            "confidence": max(e.confidence for e in group),
            "id": event_id,
        }
    )


def _already_pooled(event: Event, order: dict[str, int]) -> bool:
    """Whether merging an event alone changes nothing but its id: its mentions distinct and in
    source order, its participants distinct, and its place not an empty string (which merging
    turns into None)."""
    if event.place == "" or len(set(event.participants)) != len(event.participants):
        return False
    mentions = event.mentions
    if len(mentions) == 1:
        return True
    keys = {(m.document_id, m.start, m.end) for m in mentions}
    positions = [_position(order, m) for m in mentions]
    return len(keys) == len(mentions) and positions == sorted(positions)


def document_identity(info: DocumentInfo | None, document_id: str) -> str:
    """What names a document across runs: its URL when known (the same article read from another
    file is the same article), else its id."""
    return (info.url if info is not None and info.url else None) or document_id


def event_key(event: Event, identity: str, ordinal: int) -> str:
    """The identity an id is derived from: the document that first reports the event, the date
    value, the event word's lemma and the ordinal of that (value, lemma) pair among the events
    the document leads. Never the title: a reworded title is the same event; and an ordinal,
    not an offset, so text added elsewhere in the article moves nothing."""
    return f"{identity}|{event.date.value}|{trigger_lemma(event)}|{ordinal}"


def stable_id(key: str) -> str:
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def default_as_of(documents: Sequence[DocumentInfo]) -> date | None:
    """The story's "now" when none is given: the newest reference date of its documents."""
    days = [info.reference_date for info in documents if info.reference_date is not None]
    return max(days) if days else None


def status_as_of(event: Event, as_of: date | None, reference: date | None) -> Status:
    """An event's status seen from `as_of`; `reference` is the reference date of the document that
    first reports it. The span decides; a span containing `as_of` keeps the event's own
    tense-based reading only when that reading was made on the same date, and is ongoing
    otherwise ("will meet on Friday" in Monday's article, seen on Friday)."""
    when = event.date
    if as_of is None or as_of == reference or when.start is None or when.end is None:
        return event.status
    if when.end < as_of:
        return Status.PAST
    if when.start > as_of:
        return Status.UPCOMING
    return Status.ONGOING


def _sort_key(event: Event, first: tuple[int, int, int]) -> tuple[int, date, date, tuple[int, int, int], str]:
    """Timeline order; `first` is the event's _first_position."""
    when = event.date  # read once: a pydantic model's attributes are slower to read than most
    resolved = when.start is not None and when.end is not None
    start = when.start or date.max
    end = when.end or date.max
    return (0 if resolved else 1, start, end, first, event.id)


def assemble(
    documents: Sequence[DocumentInfo], events: Sequence[Event], as_of: date | None = None
) -> Timeline:
    """One timeline: duplicates merged (also across documents), ordered by start, end, then
    source position (document order, offset), unresolved dates last; ids stable under edits
    elsewhere in the text and of the title; statuses judged from one date, `as_of` (default: the
    newest reference date). Idempotent: assembling its own events gives the same timeline."""
    order = {info.id: i for i, info in enumerate(documents)}
    first = {id(e): _first_position(order, e) for e in events}
    by_position = sorted(events, key=lambda e: (first[id(e)], e.date.value, e.title))
    groups: list[list[Event]] = []
    # Each group is compared through its first (earliest) event only, so merging is
    # order-independent of later members and assembling again changes nothing.
    # A group's identity is computed only once another event of the same value is compared
    # with it (most dates have one event): identities[k] belongs to groups of that value.
    by_value: dict[str, list[list[Event]]] = {}
    identities: dict[int, _Identity] = {}

    # Content words per event: both the identity and the id read them.
    words: dict[int, frozenset[str]] = {}

    def words_of(event: Event) -> frozenset[str]:
        found = words.get(id(event))
        if found is None:
            found = words[id(event)] = _content_words(event.title)
        return found

    def identity_of(event: Event) -> _Identity:
        found = identities.get(id(event))
        if found is None:
            found = identities[id(event)] = _Identity.of(event, words_of(event))
        return found

    for event in by_position:
        value = event.date.value
        same_value = by_value.get(value)
        if same_value is None:
            group = [event]
            groups.append(group)
            by_value[value] = [group]
            continue
        identity = identity_of(event)
        for group in same_value:
            if identity_of(group[0]).matches(identity):
                group.append(event)
                break
        else:
            group = [event]
            groups.append(group)
            same_value.append(group)
    # Ids from identity: the leading document, date value, event word and the ordinal of that
    # triple among group leaders in source order. Counted over leaders, not over all reports,
    # so that assembling the merged events again gives every group the same ordinal.
    infos = {info.id: info for info in documents}
    as_of = as_of if as_of is not None else default_as_of(documents)
    counts: dict[tuple[str, str, str], int] = {}
    named: list[Event] = []
    # A merged event's first mention is its first event's: the group's earliest (groups are
    # filled in source order), and merging pools mentions without adding any (speed: no min
    # over the merged mentions).
    firsts: dict[int, tuple[int, int, int]] = {}
    for group in groups:  # in source order of their leaders
        leader = group[0]
        document_id = _first_mention(order, leader).document_id
        info = infos.get(document_id)
        doc_identity = document_identity(info, document_id)
        triple = (doc_identity, leader.date.value, trigger_lemma(leader))
        ordinal = counts[triple] = counts.get(triple, -1) + 1
        merged = _merge(group, order, stable_id(event_key(leader, doc_identity, ordinal)))
        status = status_as_of(merged, as_of, info.reference_date if info is not None else None)
        if status is not merged.status:
            merged = merged.model_copy(update={"status": status})
        firsts[id(merged)] = first[id(leader)]
        named.append(merged)
    named.sort(key=lambda e: _sort_key(e, firsts[id(e)]))
    return Timeline(documents=tuple(documents), events=tuple(named), as_of=as_of)
