"""Sentences -> the event each date dates: event word, status, participants, place, negation."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from events_helpers import dated, document

from timeline.events import dated_events, detect_events
from timeline.models import Event, Status

PAST, ONGOING, UPCOMING = Status.PAST, Status.ONGOING, Status.UPCOMING


@dataclass(frozen=True)
class Case:
    """One row: a sentence, one of its dates, and what the event for that date must be."""

    name: str
    sentence: str
    date: str
    trigger: str
    status: Status
    participants: tuple[str, ...] = ()
    place: str | None = None
    negated: bool = False
    title_has: tuple[str, ...] = ()
    other_dates: tuple[str, ...] = field(default=())


CASES = [
    # captions and datelines
    Case(
        "caption passive",
        "Rescuers carry a survivor as they are evacuated by members of the Red Cross near Aleppo, Syria, "
        "on Tuesday, Feb. 7, 2017.",
        "Tuesday, Feb. 7, 2017",
        "evacuated",
        PAST,
        ("Red Cross",),
        "Aleppo, Syria",
    ),
    Case(
        "caption FILE",
        "FILE - Protesters march through downtown Caracas, Venezuela, Oct. 22, 2014.",
        "Oct. 22, 2014",
        "march",
        PAST,
        place="Caracas, Venezuela",
    ),
    Case(
        "caption event noun",
        "FILE - Smoke rises from a market after an airstrike by government forces in Idlib, Syria, "
        "Oct. 22, 2014.",
        "Oct. 22, 2014",
        "airstrike",
        PAST,
        place="Idlib, Syria",
        title_has=("government forces",),
    ),
    Case(
        "dateline",
        "NAIROBI, Kenya (AP) - Suspected bombs exploded outside the U.S. embassies Friday, killing dozens.",
        "Friday",
        "exploded",
        PAST,
    ),
    # reported speech
    Case(
        "quote future",
        "\u201cWe will meet again next week,\u201d the minister said.",
        "next week",
        "meet",
        UPCOMING,
    ),
    Case(
        "report and content (report)",
        "The minister said on Tuesday that talks would resume next month.",
        "Tuesday",
        "said",
        PAST,
        other_dates=("next month",),
    ),
    Case(
        "report and content (content)",
        "The minister said on Tuesday that talks would resume next month.",
        "next month",
        "talks",
        UPCOMING,
        other_dates=("Tuesday",),
    ),
    Case(
        "parenthetical report",
        "Hernandez was kidnapped from his small, neighborhood store in Trujillo Alto on Wednesday, "
        "police said.",
        "Wednesday",
        "kidnapped",
        PAST,
    ),
    # future and modality
    Case(
        "expected to",
        "Angela Merkel is expected to visit Washington next month.",
        "next month",
        "visit",
        UPCOMING,
        ("Angela Merkel",),
    ),
    Case(
        "plans to",
        "The company plans to open a new factory in Ohio next year.",
        "next year",
        "open",
        UPCOMING,
        place="Ohio",
    ),
    Case("will", "Voters will go to the polls on March 3.", "March 3", "go", UPCOMING),
    Case(
        "due to, this week",
        "Italy's foreign minister, Angelino Alfano, is due to meet his Russian counterpart this week "
        "in Germany.",
        "this week",
        "meet",
        UPCOMING,
        ("Angelino Alfano",),
        "Germany",
    ),
    Case(
        "scheduled for",
        "Talks between the two sides are scheduled for next week.",
        "next week",
        "Talks",
        UPCOMING,
    ),
    # negation
    Case("did not", "The two leaders did not meet on Tuesday.", "Tuesday", "meet", PAST, negated=True),
    Case(
        "never",
        "The ministry never announced the deal last year.",
        "last year",
        "announced",
        PAST,
        negated=True,
    ),
    # two dates in one sentence, one date for two events
    Case(
        "two dates (first)",
        "The army attacked the town on Monday and withdrew on Wednesday.",
        "Monday",
        "attacked",
        PAST,
        other_dates=("Wednesday",),
    ),
    Case(
        "two dates (second)",
        "The army attacked the town on Monday and withdrew on Wednesday.",
        "Wednesday",
        "withdrew",
        PAST,
        other_dates=("Monday",),
    ),
    Case(
        "one date, coordinated verbs",
        "Police arrested the suspect and seized weapons on Thursday.",
        "Thursday",
        "arrested",
        PAST,
        title_has=("seized",),
    ),
    # closing attributions, fronted settings, adverbs before the date
    Case(
        "closing attribution after a long predicate",
        "The envoy was seized from his car near the border crossing of Rafah late on Wednesday, police said.",
        "Wednesday",
        "seized",
        PAST,
    ),
    Case(
        "closing attribution, future",
        "The delegation would be ready to fly to Geneva as soon as next week, the minister said.",
        "next week",
        "fly",
        UPCOMING,
    ),
    Case(
        "fronted setting with a gerund",
        "In heavy trading Friday, the company's shares fell 12 cents.",
        "Friday",
        "fell",
        PAST,
    ),
    Case(
        "last as an adverb",
        "The suspect was last seen Wednesday near the harbor.",
        "Wednesday",
        "seen",
        PAST,
    ),
    # event nouns, light verbs, aspectual verbs
    Case("noun with in", "The election in 2014 was marred by violence.", "2014", "election", PAST),
    Case(
        "possessive date",
        "Friday's attack killed 20 people in Kabul.",
        "Friday",
        "attack",
        PAST,
        place="Kabul",
    ),
    Case(
        "light verb",
        "The two presidents held talks in Geneva on Wednesday.",
        "Wednesday",
        "talks",
        PAST,
        place="Geneva",
    ),
    Case(
        "aspectual subject",
        "The trial is set to begin on Wednesday in London.",
        "Wednesday",
        "trial",
        PAST,
        place="London",
    ),
    Case(
        "governing verb",
        "Three ministers voted to support the republic on Friday.",
        "Friday",
        "voted",
        PAST,
    ),
    # news-wire patterns
    Case(
        "fronted trading phrase",
        "In heavy trading in London yesterday, Vodafone shares fell 3 percent.",
        "yesterday",
        "fell",
        PAST,
    ),
    Case(
        "date closing the subject",
        "The company's profit last year rose sharply, analysts said.",
        "last year",
        "rose",
        PAST,
    ),
    Case("quantifier subject", "Ministers all voted to support the plan on Friday.", "Friday", "voted", PAST),
    Case(
        "event noun subject",
        "The almost simultaneous attacks on Monday at two embassies killed 20 people.",
        "Monday",
        "attacks",
        PAST,
    ),
    Case(
        "scheduling verb object",
        "Protesters planned a large demonstration in the capital for tomorrow.",
        "tomorrow",
        "demonstration",
        UPCOMING,
    ),
    # tense against a period that contains the reference date
    Case("present perfect", "Prices have risen sharply this year.", "this year", "risen", ONGOING),
    Case("progressive", "Rebels are advancing on the capital this week.", "this week", "advancing", ONGOING),
    Case("simple past", "The central bank raised interest rates this week.", "this week", "raised", PAST),
    Case(
        "expectation is ongoing",
        "Thousands of migrants are expected to cross the sea this year.",
        "this year",
        "cross",
        ONGOING,
    ),
    # position of the date in the clause
    Case(
        "fronted date",
        "On Tuesday, the European Commission proposed new rules.",
        "Tuesday",
        "proposed",
        PAST,
        ("European Commission",),
    ),
    Case(
        "date before verb",
        "The Senate on Thursday approved the bill.",
        "Thursday",
        "approved",
        PAST,
        ("Senate",),
    ),
    Case(
        "appositive subject",
        "Britain's foreign secretary, Boris Johnson, this week offered his support for the deal.",
        "this week",
        "offered",
        PAST,
        ("Boris Johnson",),
    ),
    Case(
        "relative clause",
        "Officials who arrived on Monday inspected the damaged reactor.",
        "Monday",
        "arrived",
        PAST,
    ),
    Case(
        "participle after dash",
        "Close to 9,500 migrants have crossed the sea already this year \u2014 putting 2017 on course "
        "for a record.",
        "this year",
        "crossed",
        ONGOING,
        other_dates=("2017",),
    ),
]


def _event_for(case: Case) -> Event:
    timexes = dated(case.sentence, case.date, *case.other_dates)
    events = detect_events(document(case.sentence), timexes)
    wanted = timexes[0]
    matching = [e for e in events if any(m.start == wanted.start for m in e.mentions)]
    assert len(matching) == 1, events
    return matching[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_event_of_date(case: Case) -> None:
    event = _event_for(case)
    assert event.trigger == case.trigger, event.title
    assert event.status is case.status, event.title
    assert event.negated is case.negated
    for name in case.participants:
        assert name in event.participants, event.participants
    if case.place is not None:
        assert event.place == case.place
    if case.trigger.lower() not in event.title.lower():
        # a dated saying: what was said, then who says it ("Talks would resume, minister says")
        assert event.reported_by is not None, event.title
        assert event.title.endswith((" says", " say")), event.title
    for words in case.title_has:
        assert words in event.title, event.title
    assert case.date not in event.title  # the title never repeats the date
    assert not event.title[:1].islower()
    assert 0.0 <= event.confidence <= 1.0


def test_two_mentions_of_one_event_in_one_sentence() -> None:
    text = "Close to 9,500 migrants have crossed the sea already this year \u2014 putting 2017 on course."
    events = detect_events(document(text), dated(text, "this year", "2017"))
    assert len(events) == 1
    assert [m.text for m in events[0].mentions] == ["this year", "2017"]


def test_one_date_for_coordinated_verbs_is_one_event() -> None:
    text = "Migrants are expected to trek across deserts and board unseaworthy boats this year."
    found = dated_events(document(text), dated(text, "this year"))
    assert len(found) == 1
    event = found[0].event
    assert event.trigger == "trek" and "board" in event.title
    # both verbs are the event's words (for measurement)
    assert [text[a:b] for a, b in found[0].words] == ["trek", "board"]


def test_unresolved_date_keeps_unknown_status() -> None:
    from events_helpers import timex_at

    text = "The vote will take place next week."
    timex = timex_at(text, "next week", "XXXX-WXX", "week", None, None)
    (event,) = detect_events(document(text, reference=None), [timex])
    assert event.status is Status.UNKNOWN
    assert event.trigger == "vote"


def test_durations_sets_and_vague_dates_make_no_event() -> None:
    from events_helpers import time_value

    from timeline.models import Timex, TimexType

    text = "Right now, it has been a month, and talks happen every week."
    now = Timex(
        start=0,
        end=9,
        text="Right now",
        type=TimexType.DATE,
        value="PRESENT_REF",
        rule="t",
        time=time_value("PRESENT_REF", "vague", None, None),
    )
    month = Timex(start=26, end=33, text="a month", type=TimexType.DURATION, value="P1M", rule="t")
    week = Timex(start=52, end=62, text="every week", type=TimexType.SET, value="P1W", rule="t")
    assert detect_events(document(text), [now, month, week]) == ()


TITLES = [
    (
        "From a flimsy rubber dinghy drifting 16 kilometers off Tripoli, the Libyan coast guard rescued "
        "more than 100 migrants this week, including a baby.",
        "this week",
        "Libyan coast guard rescued more than 100 migrants off Tripoli",
    ),
    (
        "FILE - Smoke billows from a factory after an airstrike by forces loyal to former general "
        "Khalifa Haftar, in Benghazi, Libya, Oct. 22, 2014.",
        "Oct. 22, 2014",
        "Airstrike by forces loyal to former general Khalifa Haftar in Benghazi",
    ),
    ("Friday's attack killed 20 people in Kabul.", "Friday", "Attack killed 20 people in Kabul"),
    ("The Senate on Thursday approved the bill.", "Thursday", "Senate approved the bill"),
    ("Prices have risen sharply this year.", "this year", "Prices have risen sharply"),
    ("The election in 2014 was marred by violence.", "2014", "Election was marred by violence"),
    (
        "Britain's foreign secretary, Boris Johnson, this week offered his support for the deal.",
        "this week",
        "Boris Johnson offered his support for the deal",
    ),
    (
        "The European Union agreed this month to give the Tripoli government $213 million to bolster its "
        "security forces and coast guard.",
        "this month",
        "European Union agreed to give the Tripoli government $213 million",
    ),
]


@pytest.mark.parametrize(("sentence", "date", "title"), TITLES, ids=[t[2] for t in TITLES])
def test_title(sentence: str, date: str, title: str) -> None:
    (event,) = detect_events(document(sentence), dated(sentence, date))
    assert event.title == title


def test_a_sentence_of_many_dates_stays_bounded() -> None:
    text = "The army attacked on Monday and " * 300 + "left."
    timexes = dated(text, *[f"Monday#{n}" for n in range(300)])
    events = detect_events(document(text), timexes)
    assert events  # one long sentence: each date looks at a window around it
    for event in events:
        assert len(event.sentence) <= 2000
        for mention in events[0].mentions:
            assert mention.sentence_start is not None and mention.sentence_end is not None
            assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
