"""Titles through the whole pipeline (our tagger's time expressions): what a headline keeps."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.pipeline import document_events, text_document

REFERENCE = date(2017, 2, 10)

# sentence, the date expression, words the title must contain, words it must not contain
TITLES = [
    # a duration is content, not the date: it stays in the title
    ("The minister took six months off last year.", "last year", "took six months off", "last year"),
    ("The strike lasted three days in March.", "March", "lasted three days", "March"),
    ("Rebels held the town for two weeks in 2014.", "2014", "held the town for two weeks", "2014"),
    # a noun with an adjective's suffix is no adjective: the -s word after it is the verb
    ("The hospital reopens on Friday.", "Friday", "Hospital reopens", " on"),
    ("The tribunal decides the case on Friday.", "Friday", "Tribunal decides the case", " on"),
    ("The proposal calls for talks next week.", "next week", "Proposal calls for talks", "next week"),
    # a verb particle is not a dangling preposition
    ("Organizers called the march off on Monday.", "Monday", "called the march off", "Monday"),
    ("The talks were called off on Monday.", "Monday", "called off", "Monday"),
    ("The rebels took over the airport in May.", "May", "took over the airport", "May"),
    # subjects across appositives, relative clauses, dates between commas, reported clauses
    (
        "Acme Corp., which is also a bank, agreed in June to buy Trustco.",
        "June",
        "Acme Corp agreed",
        "which",
    ),
    ("The embassy bombings, on Aug. 7, killed 247 people.", "Aug. 7", "bombings killed 247 people", "Aug"),
    (
        "In a statement, the ministry said two new flights would leave Rome on Monday.",
        "Monday",
        "flights would leave Rome",
        "statement",
    ),
    (
        "In an interview, the chairman said he expects a deal next month.",
        "next month",
        "Chairman expects a deal",
        "interview",
    ),
    # a fronted participle's subject is the main clause's
    (
        "Rescued on Nov. 25 by fishermen, the boy has become a symbol.",
        "Nov. 25",
        "Boy rescued by fishermen",
        "symbol",
    ),
    # a place named in an appositive is not where the event happened
    ("Kopp, who is from Vermont, was indicted last year.", "last year", "Kopp indicted", "Vermont"),
    # a long subject is cut before a prepositional phrase, never inside one
    (
        "A spokesman said herbicide use in some areas of the U.S. was delayed last year by heavy rains.",
        "last year",
        "Herbicide use in some areas delayed",
        "of the",
    ),
    # "said" opens the reported clause, whose subject the title keeps
    ("The company said net income fell 22% last year.", "last year", "Net income fell 22%", "said"),
    # a dangling preposition still goes
    ("The army withdrew from on Tuesday.", "Tuesday", "withdrew", "from"),
]


@pytest.mark.parametrize(("sentence", "when", "has", "lacks"), TITLES)
def test_title(sentence: str, when: str, has: str, lacks: str) -> None:
    events = document_events(text_document(sentence, REFERENCE, doc_id="t"), None)
    (event,) = [e for e in events if any(m.text == when for m in e.mentions)]
    assert has in event.title, event.title
    assert lacks not in event.title, event.title
