"""assemble: duplicates merged (within and across articles), time order, stable ids, idempotence."""

from __future__ import annotations

from datetime import date

from events_helpers import dated, document, time_value
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.assemble import assemble, same_event
from timeline.events import detect_events
from timeline.models import Event, Mention, Status, Timeline


def _timeline(*texts: str, dates: tuple[str, ...] = ("Tuesday",)) -> Timeline:
    docs = [document(text, doc_id=f"doc{i}") for i, text in enumerate(texts)]
    events = []
    for doc in docs:
        present = [d for d in dates if d.partition("#")[0] in doc.text]
        events.extend(detect_events(doc, dated(doc.text, *present)))
    return assemble([d.info for d in docs], events)


def test_repeated_caption_is_one_event_with_two_mentions() -> None:
    caption = "FILE - Smoke billows from a factory after an airstrike in Benghazi, Libya, Oct. 22, 2014."
    text = f"{caption}\n\n{caption}"
    doc = document(text)
    events = detect_events(doc, dated(text, "Oct. 22, 2014#0", "Oct. 22, 2014#1"))
    timeline = assemble([doc.info], events)
    (event,) = timeline.events
    assert [m.start for m in event.mentions] == [
        caption.index("Oct."),
        len(caption) + 2 + caption.index("Oct."),
    ]


def test_same_event_from_two_articles_merges_with_a_mention_from_each() -> None:
    a = "The Libyan coast guard rescued 100 migrants off Tripoli on Tuesday."
    b = "On Tuesday, the Libyan coast guard rescued more than 100 migrants near Tripoli, officials said."
    timeline = _timeline(a, b)
    rescued = [e for e in timeline.events if e.trigger == "rescued"]
    assert len(rescued) == 1
    assert [m.document_id for m in rescued[0].mentions] == ["doc0", "doc1"]
    assert "Libyan coast guard" in rescued[0].participants


def test_same_words_on_different_days_never_merge() -> None:
    a = "The Libyan coast guard rescued 100 migrants off Tripoli on Tuesday."
    b = "The Libyan coast guard rescued 100 migrants off Tripoli on Wednesday."
    timeline = _timeline(a, b, dates=("Tuesday", "Wednesday"))
    assert [e.date.value for e in timeline.events] == ["2017-02-07", "2017-02-08"]


def test_different_events_on_one_day_stay_apart() -> None:
    a = "Rebels attacked a police station in Mosul on Tuesday."
    b = "The central bank raised interest rates on Tuesday."
    assert len(_timeline(a, b).events) == 2


def test_ids_do_not_move_when_unrelated_text_is_added() -> None:
    text = "The Senate approved the bill on Tuesday. The president vetoed it on Wednesday."
    longer = "Markets were calm. Analysts had expected little. " + text
    ids = [e.id for e in _timeline(text, dates=("Tuesday", "Wednesday")).events]
    moved = [e.id for e in _timeline(longer, dates=("Tuesday", "Wednesday")).events]
    assert ids == moved
    assert len(set(ids)) == 2


def test_ids_survive_a_reworded_title_and_text_added_before_and_after() -> None:
    # A one-word correction changes the title; the article grows at both ends with unrelated
    # text, one piece of it dated: no id may move (calendar UIDs are made from them).
    text = "The Senate approved the bill on Tuesday. The president vetoed it on Wednesday."
    edited = (
        "Markets were calm on Thursday. Analysts had expected little. "
        "The US Senate approved the budget bill on Tuesday. The president vetoed it on Wednesday. "
        "Shares rose later."
    )
    dates = ("Tuesday", "Wednesday")
    before = _timeline(text, dates=dates).events
    after = [e for e in _timeline(edited, dates=(*dates, "Thursday")).events if e.date.value != "2017-02-09"]
    assert [e.title for e in before] != [e.title for e in after]
    assert [e.id for e in before] == [e.id for e in after]


def test_ids_tell_repeated_date_and_word_pairs_apart_by_their_order() -> None:
    text = "Rebels attacked a base in Mosul on Tuesday. Militants attacked a convoy in Kirkuk on Tuesday."
    events = _timeline(text, dates=("Tuesday#0", "Tuesday#1")).events
    assert len({e.id for e in events}) == len(events) == 2


def test_order_is_start_end_then_source_position_unresolved_last() -> None:
    text = (
        "The vote was held this week. Talks resumed on Monday. Rebels fled this month. "
        "Officials met on Monday. Ministers will meet next week."
    )
    timeline = _timeline(text, dates=("this week", "Monday#0", "this month", "Monday#1", "next week"))
    assert [e.trigger for e in timeline.events] == ["fled", "Talks", "met", "vote", "meet"]


def _event(value: str, start: date | None, title: str, doc: str, offset: int, negated: bool = False) -> Event:
    granularity = "day" if start else "week"
    return Event(
        id="provisional",
        date=time_value(value, granularity, start, start),
        title=title,
        trigger=title.split()[1],
        sentence=title + ".",
        status=Status.PAST if start else Status.UNKNOWN,
        negated=negated,
        mentions=(Mention(document_id=doc, start=offset, end=offset + 5, text="today"),),
    )


def test_unresolved_events_come_last() -> None:
    resolved = _event("2017-02-07", date(2017, 2, 7), "Army attacked the town", "d", 50)
    unresolved = _event("XXXX-WXX", None, "Ministers meet in Paris", "d", 10)
    timeline = assemble([document("x", doc_id="d").info], [unresolved, resolved])
    assert [e.title for e in timeline.events] == ["Army attacked the town", "Ministers meet in Paris"]


def test_id_collisions_are_resolved_deterministically() -> None:
    # Same date, event word and title but one is negated: not merged, ids told apart by the
    # ordinal of (date, event word) in the document.
    happened = _event("2017-02-07", date(2017, 2, 7), "Leaders met in Paris", "d", 10)
    denied = _event("2017-02-07", date(2017, 2, 7), "Leaders met in Paris", "d", 90, negated=True)
    assert not same_event(happened, denied)
    info = document("x", doc_id="d").info
    first = assemble([info], [happened, denied])
    second = assemble([info], [denied, happened])
    assert first == second
    ids = [e.id for e in first.events]
    assert len(set(ids)) == 2


TITLES = [
    "Army attacked the town",
    "Rebels attacked the town",
    "Leaders met in Paris",
    "Leaders met in Geneva",
    "Bank raised interest rates",
    "Police arrested the suspect",
]
DAYS = [date(2017, 2, d) for d in (6, 7, 8)]


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    out = []
    for n in range(draw(st.integers(0, 12))):
        day = draw(st.sampled_from([*DAYS, None]))
        value = day.isoformat() if day else "XXXX-WXX"
        title = draw(st.sampled_from(TITLES))
        doc = draw(st.sampled_from(["a", "b"]))
        out.append(_event(value, day, title, doc, draw(st.integers(0, 500)) * 10 + n))
    return out


INFOS = [document("x", doc_id="a").info, document("y", doc_id="b").info]


def _key(event: Event, order: dict[str, int]) -> tuple[object, ...]:
    first = min((order[m.document_id], m.start) for m in event.mentions)
    start = event.date.start or date.max
    end = event.date.end or date.max
    return (event.date.start is None, start, end, first)


@settings(max_examples=150, deadline=None)
@given(events())
def test_assemble_orders_totally_and_is_idempotent(found: list[Event]) -> None:
    timeline = assemble(INFOS, found)
    order = {"a": 0, "b": 1}
    keys = [_key(e, order) for e in timeline.events]
    assert keys == sorted(keys)
    assert len({e.id for e in timeline.events}) == len(timeline.events)
    # every mention survives exactly once
    assert sorted(m.start for e in timeline.events for m in e.mentions) == sorted(
        m.start for e in found for m in e.mentions
    )
    assert assemble(INFOS, timeline.events) == timeline


@settings(max_examples=100, deadline=None)
@given(events(), st.randoms(use_true_random=False))
def test_assemble_does_not_depend_on_input_order(found: list[Event], random: object) -> None:
    shuffled = list(found)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert assemble(INFOS, shuffled) == assemble(INFOS, found)


def test_same_event_worded_differently_merges_on_a_shared_actor() -> None:
    a = "Italy's foreign minister Angelino Alfano will meet Russia's Sergei Lavrov next week in Bonn."
    b = "Alfano is due to meet his Russian counterpart next week in Germany."
    timeline = _timeline(a, b, dates=("next week",))
    (meeting,) = timeline.events
    assert [m.document_id for m in meeting.mentions] == ["doc0", "doc1"]


def test_a_shared_place_alone_does_not_merge() -> None:
    a = "Government troops attacked rebels in Mosul on Tuesday."
    b = "Insurgents attacked a police convoy near Mosul on Tuesday."
    assert len(_timeline(a, b).events) == 2


def test_same_words_in_different_places_stay_apart() -> None:
    a = "The two leaders met in Paris on Tuesday."
    b = "The two leaders met in Geneva on Tuesday."
    assert len(_timeline(a, b).events) == 2
