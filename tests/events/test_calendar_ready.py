"""Events a person can put on a calendar: one table per failure pattern of issue 14 ("Why").

Each row runs the whole pipeline (our tagger) on our own sentences against the reference date
2017-02-10 (a Friday) and checks the event of one date mention: its value, event word, title,
status, participants and who reported it. No row comes from a corpus.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest

from timeline.models import Event, Status
from timeline.pipeline import document_events, text_document

REFERENCE = date(2017, 2, 10)
PAST, UPCOMING, ONGOING = Status.PAST, Status.UPCOMING, Status.ONGOING


class Row(NamedTuple):
    text: str
    when: str  # the date mention whose event is checked
    value: str
    trigger: str
    title: str
    status: Status
    participants: tuple[str, ...] = ()
    reported_by: str | None = None


def _events(text: str) -> tuple[Event, ...]:
    return document_events(text_document(text, REFERENCE, doc_id="t"), None)


def _check(row: Row) -> None:
    (event,) = [e for e in _events(row.text) if any(m.text == row.when for m in e.mentions)]
    assert (event.date.value, event.trigger, event.title, event.status) == (
        row.value,
        row.trigger,
        row.title,
        row.status,
    )
    for name in row.participants:
        assert name in event.participants, event.participants
    assert event.reported_by == row.reported_by


BARE_NOUNS = [
    Row("The summit in Rome on May 3 ended without a deal.", "May 3", "2016-05-03", "ended",
        "Summit in Rome ended without a deal", PAST),
    Row("The summit is expected to open on Monday.", "Monday", "2017-02-13", "summit",
        "Summit expected to open", UPCOMING),
    Row("The trial is scheduled to begin next week.", "next week", "2017-W07", "trial",
        "Trial scheduled to begin", UPCOMING),
]  # fmt: skip

REPORTED_SPEECH = [
    # the date dates the saying: what was said, then who says it
    Row("The ministry said on Monday that exports fell 4%.", "Monday", "2017-02-06", "said",
        "Exports fell 4%, ministry says", PAST, reported_by="ministry"),
    Row("Police said on Tuesday that the suspect had fled.", "Tuesday", "2017-02-07", "said",
        "Suspect had fled, police say", PAST, reported_by="Police"),
    # the date is inside what was said: the event is the content, the speaker stays apart
    Row("The ministry said exports fell 4% on Friday.", "Friday", "2017-02-10", "fell",
        "Exports fell 4%", PAST, reported_by="ministry"),
    Row("Exports fell 4% on Friday, the ministry said.", "Friday", "2017-02-10", "fell",
        "Exports fell 4%", PAST, reported_by="ministry"),
    # a quotation's "today" is the day of the speech, not the publication day
    Row("'Our shares fell sharply today,' the chief executive said on Tuesday.", "today", "2017-02-07",
        "said", "Our shares fell sharply, chief executive says", PAST, reported_by="chief executive"),
    # a "he" speaker is the person named before, name and case kept
    Row("Councillor Ruth Amsel, 46, opposed the plan. She said on Tuesday that residents were "
        "considering a legal challenge.", "Tuesday", "2017-02-07", "said",
        "Residents considering a legal challenge, Councillor Ruth Amsel says", PAST,
        reported_by="Councillor Ruth Amsel"),
]  # fmt: skip

GLUED_CLAUSES = [
    Row("Sales rose in 2019 and are expected to double by 2025.", "2019", "2019", "rose",
        "Sales rose", UPCOMING),
    Row("Sales rose in 2019 and are expected to double by 2025.", "2025", "2025", "double",
        "Sales expected to double", UPCOMING),
    Row("The firm lowered its prices in January and will raise them next month.", "January", "2017-01",
        "lowered", "Firm lowered its prices", PAST),
]  # fmt: skip

CUT_MID_PHRASE = [
    Row("Ana Ruiz spoke to reporters. She agreed on Friday to testify in exchange for immunity.", "Friday",
        "2017-02-10", "agreed", "Ana Ruiz agreed to testify in exchange for immunity", PAST, ("Ana Ruiz",)),
]  # fmt: skip

WRONG_SUBJECT = [
    Row("At least 12 people died when the storm hit on Sunday.", "Sunday", "2017-02-05", "storm",
        "Storm hit", PAST),
    Row("At least 12 people died on Sunday.", "Sunday", "2017-02-05", "died",
        "At least 12 people died", PAST),
    Row("Tom Baker, 71, died on Sunday in Leeds.", "Sunday", "2017-02-05", "died",
        "Tom Baker died in Leeds", PAST, ("Tom Baker",)),
    Row("The law, passed in 2010, took effect in 2012.", "2012", "2012", "took",
        "Law took effect", PAST),
    Row("The law, passed in 2010, took effect in 2012.", "2010", "2010", "passed",
        "Law passed", PAST),
    Row("Acme Corp., based in St. Louis, opened a plant on Monday.", "Monday", "2017-02-06", "opened",
        "Acme Corp opened a plant", PAST),
]  # fmt: skip

NO_SUBJECT = [
    Row("Paul Grant, 58, who led the council from 2009 to 2015, was convicted in November.", "2009", "2009",
        "led", "Paul Grant led the council", PAST, ("Paul Grant",)),
    Row("Dan Mills, who was first elected in 2004, retired on Monday.", "2004", "2004", "elected",
        "Dan Mills first elected", PAST, ("Dan Mills",)),
]  # fmt: skip

BAD_FIRST_WORD = [
    Row("Acme Inc. said on Tuesday that its quarterly profit rose 20%.", "Tuesday", "2017-02-07", "said",
        "Quarterly profit rose 20%, Acme Inc says", PAST, reported_by="Acme Inc"),
    Row("This year's harvest was the worst since 1990.", "This year", "2017", "was",
        "Harvest was the worst since 1990", ONGOING),
    Row("This decision was announced on Monday.", "Monday", "2017-02-06", "announced",
        "Decision announced", PAST),
]  # fmt: skip

VOICE = [
    # two people named before "he": the pronoun stays, and so does its passive
    Row("Judge Ann Moss said Grant lied. He was jailed on Monday.", "Monday", "2017-02-06", "jailed",
        "He was jailed", PAST),
    Row("Mark Hale was detained in June. He was charged on Monday.", "Monday", "2017-02-06", "charged",
        "Mark Hale charged", PAST, ("Mark Hale",)),
    Row("He was arrested at the airport in June.", "June", "2016-06", "arrested",
        "He was arrested at the airport", PAST),
    Row("Mark Hale was arrested in June. He will be tried on March 3.", "March 3", "2017-03-03", "tried",
        "Mark Hale will be tried", UPCOMING, ("Mark Hale",)),
]  # fmt: skip

RANGES_AND_TIMES = [
    Row("The project ran from 2015-2016.", "2015", "2015", "ran", "Project ran", PAST),
    Row("The bridge was built between 1998 and 2001.", "1998", "1998", "built", "Bridge built", PAST),
    Row("The talks were held on Monday at 3 p.m. in Geneva.", "Monday", "2017-02-06", "talks",
        "Talks held in Geneva", PAST),
    # a clock time before a holiday is one time on that day, its measuring adverb the date's
    Row("Police arrived shortly after 9 p.m. on Christmas Eve.", "9 p.m. on Christmas Eve",
        "2016-12-24T21:00", "arrived", "Police arrived", PAST),
    Row("The fire was put out at the depot shortly after 11 p.m.", "11 p.m.", "2017-02-10T23:00",
        "put", "Fire put out at the depot", PAST),
    Row("The rebels withdrew just before dawn on Monday.", "Monday", "2017-02-06", "withdrew",
        "Rebels withdrew before dawn", PAST),
]  # fmt: skip

ANCHORING = [
    # a participle afterthought after the date is not the dated event
    Row("The ferry sank off the coast on Monday, killing 40 passengers.", "Monday", "2017-02-06", "sank",
        "Ferry sank off the coast", PAST),
    # a noun inside a name is no event
    Row("Jo Park gave the opening speech to the Annual Farmers Conference on Monday.", "Monday", "2017-02-06",
        "speech", "Jo Park gave the opening speech to the Annual Farmers Conference", PAST, ("Jo Park",)),
    # a participle after an object event noun dates the noun
    Row("The union says the firm broke an agreement reached between them in 2014.", "2014", "2014",
        "agreement", "Agreement reached between them", PAST),
    # "X based" before a name is a modifier, not the event
    Row("When the city hired Leeds based Brightwork on Monday, rivals protested.", "Monday", "2017-02-06",
        "hired", "City hired Leeds based Brightwork", PAST),
    # a light verb's object compound: its head
    Row("The mayor gave the opening address at the fair on Tuesday.", "Tuesday", "2017-02-07", "address",
        "Mayor gave the opening address at the fair", PAST),
    # a compound's head is its last noun
    Row("A test flight of the new jet was delayed today after an accident.", "today", "2017-02-10", "flight",
        "Test flight of the new jet delayed", PAST),
]  # fmt: skip

STATUS = [
    # a linking verb's tense is the group's: "will stay closed on Thursday" is the coming one
    Row("Schools in the region will stay closed on Thursday, the ministry said.", "Thursday",
        "2017-02-16", "closed", "Schools in the region will stay closed", UPCOMING, reported_by="ministry"),
    Row("The border crossing remained closed on Thursday.", "Thursday", "2017-02-09", "closed",
        "Border crossing remained closed", PAST),
    # the future in the past: not yet done, though the year has begun
    Row("The company said it would cut 500 jobs this year.", "this year", "2017", "cut",
        "Company would cut 500 jobs", UPCOMING, reported_by="company"),
    Row("Ministers are expected to sign the deal this week.", "this week", "2017-W06", "deal",
        "Ministers expected to sign the deal", ONGOING),
    Row("The board plans to vote this month.", "this month", "2017-02", "vote",
        "Board plans to vote", UPCOMING),
    Row("Police did not arrest anyone on Tuesday.", "Tuesday", "2017-02-07", "arrest",
        "Police did not arrest anyone", PAST),
]  # fmt: skip

TABLES = {
    "status": STATUS,
    "anchoring": ANCHORING,
    "bare nouns": BARE_NOUNS,
    "reported speech": REPORTED_SPEECH,
    "glued clauses": GLUED_CLAUSES,
    "cut mid-phrase": CUT_MID_PHRASE,
    "wrong subject": WRONG_SUBJECT,
    "no subject": NO_SUBJECT,
    "bad first word": BAD_FIRST_WORD,
    "voice": VOICE,
    "ranges and times": RANGES_AND_TIMES,
}
ROWS = [(name, row) for name, rows in TABLES.items() for row in rows]


@pytest.mark.parametrize(("pattern", "row"), ROWS, ids=[f"{n}: {r.text[:40]}" for n, r in ROWS])
def test_calendar_ready(pattern: str, row: Row) -> None:
    _check(row)


# sentence, a date mention that must date no event (comparison, duration, generic "today", dateline)
NO_EVENT = [
    ("The index posted its biggest drop since 2008 on Monday.", "2008"),
    ("This year's harvest was the worst since 1990.", "1990"),
    ("It was the wettest summer in a century.", "a century"),
    ("Prices rose more than in 2010.", "2010"),
    ("The race finished in forty minutes on Saturday.", "forty minutes"),
    ("Families pay more today than ever.", "today"),
    ("What families pay today is far too much.", "today"),
    ("He took bribes as easily as he did a decade ago.", "a decade ago"),
    ("Flood waters rise\nMarch 01, 2008\nHeavy rain fell across the region on Monday.", "March 01, 2008"),
]


@pytest.mark.parametrize(("text", "when"), NO_EVENT)
def test_no_event(text: str, when: str) -> None:
    assert not [e for e in _events(text) if any(m.text == when for m in e.mentions)]


# a date that must still date its event (the rules above stay narrow)
STILL_EVENTS = [
    ("The ferry leaves in forty minutes.", "forty minutes"),
    ("Prices have risen since 2008.", "2008"),
    ("Apple today unveiled its latest phone.", "today"),
]


@pytest.mark.parametrize(("text", "when"), STILL_EVENTS)
def test_still_an_event(text: str, when: str) -> None:
    assert [e for e in _events(text) if any(m.text == when for m in e.mentions)]


def test_range_is_one_event_with_its_span() -> None:
    (event,) = _events("The project ran from 2015-2016.")
    assert (event.date.start, event.date.end) == (date(2015, 1, 1), date(2016, 12, 31))
    assert [m.text for m in event.mentions] == ["2015", "2016"]


# sentence, a name that must not be a participant (a place, a currency), and the participants
NOT_PARTICIPANTS = [
    ("Shares of Acme fell 3 US$ in St. Louis on Monday.", "US", ("Acme",)),
    ("A storm hit the coast of Valmora on Sunday.", "Valmora", ()),
    ("Tom Hale met Acme Corp. executives in Leeds on Monday.", "Leeds", ("Tom Hale", "Acme Corp")),
    ("The former mayor of Bexley was jailed on Monday.", "Bexley", ()),
]


@pytest.mark.parametrize(("text", "name", "expected"), NOT_PARTICIPANTS)
def test_not_a_participant(text: str, name: str, expected: tuple[str, ...]) -> None:
    (event,) = _events(text)
    assert name not in event.participants
    for participant in expected:
        assert participant in event.participants, event.participants


def test_currency_and_abbreviated_place() -> None:
    (event,) = _events("Shares of Acme fell 3 US$ in St. Louis on Monday.")
    assert "US" not in event.participants
    assert event.place == "St. Louis"


# title parts -> the title: no clitic, relative pronoun, auxiliary or demonstrative first, no
# auxiliary, "to" or conjunction last
TITLE_EDGES = [
    (["First flight", "is", ""], "First flight"),
    (["'s harvest", "was the worst", ""], "Harvest was the worst"),
    (["Whose car", "found", ""], "Car found"),
    (["This decision", "announced", ""], "Decision announced"),
    (["Talks", "were due to", ""], "Talks were due"),
    (["Sales", "rose and", ""], "Sales rose"),
]


@pytest.mark.parametrize(("parts", "expected"), TITLE_EDGES)
def test_title_edges(parts: list[str], expected: str) -> None:
    from timeline.events.fields import title

    assert title(parts) == expected
