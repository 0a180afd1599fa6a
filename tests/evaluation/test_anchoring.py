"""The anchoring scorer on a hand-made gold document."""

from __future__ import annotations

from datetime import date

from timeline.evaluation.anchoring import Score, score_document, value_span
from timeline.evaluation.corpus import (
    Annotation,
    CorpusDocument,
    CorpusFormat,
    CreationTime,
    EventMention,
    EventTimeLink,
)
from timeline.models import Granularity


def _doc() -> CorpusDocument:
    text = "Police arrested the suspect on Tuesday. The trial begins on Friday, officials said."
    spans = {w: text.index(w) for w in ("arrested", "Tuesday", "trial", "Friday", "said")}

    def event(eid: str, word: str) -> EventMention:
        return EventMention(id=eid, start=spans[word], end=spans[word] + len(word), text=word)

    def timex(tid: str, word: str, value: str) -> Annotation:
        return Annotation(
            start=spans[word], end=spans[word] + len(word), text=word, type="DATE", value=value, tid=tid
        )

    return CorpusDocument(
        id="d",
        path="d.tml",
        format=CorpusFormat.TIMEML,
        text=text,
        creation_time=CreationTime(value="1998-01-08"),
        timexes=(timex("t1", "Tuesday", "1998-01-06"), timex("t2", "Friday", "1998-01-09")),
        events=(event("e1", "arrested"), event("e2", "trial"), event("e3", "said")),
        links=(
            EventTimeLink(id="l1", event_id="e1", timex_id="t1", rel_type="IS_INCLUDED"),
            EventTimeLink(id="l2", event_id="e2", timex_id="t2", rel_type="IS_INCLUDED"),
            EventTimeLink(id="l3", event_id="e3", timex_id="t2", rel_type="AFTER"),
            EventTimeLink(id="l4", event_id="e1", timex_id="t0", rel_type="BEFORE", to_creation_time=True),
        ),
    )


def test_scores_links_of_calendar_dates() -> None:
    score = Score("test")
    score_document(_doc(), score)
    assert score.gold_links == 3  # the link to the creation time does not count
    assert score.timexes == 2
    assert score.found == 2  # arrested, trial; "said" is a second event of Friday
    assert score.predictions == 2 and score.correct == 2
    assert score.precision == 100.0
    assert round(score.recall, 1) == 66.7
    assert round(score.ceiling, 1) == 66.7
    assert score.same_sentence == 3  # "said" is in Friday's sentence
    assert round(score.recall_in_sentence, 1) == 66.7


def test_value_span() -> None:
    week = value_span("2017-W06")
    assert (week.start, week.end, week.granularity) == (date(2017, 2, 6), date(2017, 2, 12), Granularity.WEEK)
    month = value_span("2016-02")
    assert month.end == date(2016, 2, 29)
    assert value_span("PRESENT_REF").start is None


def test_clause_words_bound_counts_each_word() -> None:
    score = Score("clause")
    score_document(_doc(), score, clause=True)
    assert score.found == 3  # "said" too: it is in Friday's clause
    # Tuesday: "arrested"; Friday: "trial", "begins", "said" (the event words of their clauses;
    # the fixture's gold leaves the verb "begins" unannotated, so it counts as a wrong guess)
    assert (score.predictions, score.correct) == (4, 3)
    assert score.precision == 75.0
