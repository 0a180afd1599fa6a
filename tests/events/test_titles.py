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
    # a verb particle is not a dangling preposition
    ("Organizers called the march off on Monday.", "Monday", "called the march off", "Monday"),
    ("The talks were called off on Monday.", "Monday", "called off", "Monday"),
    ("The rebels took over the airport in May.", "May", "took over the airport", "May"),
    # a dangling preposition still goes
    ("The army withdrew from on Tuesday.", "Tuesday", "withdrew", "from"),
]


@pytest.mark.parametrize(("sentence", "when", "has", "lacks"), TITLES)
def test_title(sentence: str, when: str, has: str, lacks: str) -> None:
    events = document_events(text_document(sentence, REFERENCE, doc_id="t"), None)
    (event,) = [e for e in events if any(m.text == when for m in e.mentions)]
    assert has in event.title, event.title
    assert lacks not in event.title, event.title
