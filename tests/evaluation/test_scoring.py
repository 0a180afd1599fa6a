"""The TE3 Task A rules on hand-made examples: overlap, strict, type/value, micro average, text mismatch."""

from __future__ import annotations

import pytest

from timeline.evaluation.corpus import Annotation, CorpusDocument, CorpusFormat
from timeline.evaluation.scoring import CorpusResult, Counts, Scores, score_document

TEXT = "He left on Friday, March 3, 2014 and came back three weeks later."


def timex(text: str, type_: str = "DATE", value: str = "2014-03-03", within: str = TEXT) -> Annotation:
    start = within.index(text)
    return Annotation(start=start, end=start + len(text), text=text, type=type_, value=value)


FRIDAY = timex("Friday, March 3, 2014")
WEEKS = timex("three weeks", "DURATION", "P3W")
GOLD = CorpusDocument(id="d", path="", format=CorpusFormat.TIMEML, text=TEXT, timexes=(FRIDAY, WEEKS))


def test_gold_against_itself_is_100() -> None:
    scores = Scores.of(score_document(GOLD, TEXT, GOLD.timexes).counts)
    assert set(scores.model_dump().values()) == {1.0}


def test_overlap_is_a_relaxed_but_not_a_strict_match() -> None:
    result = score_document(GOLD, TEXT, [timex("March 3, 2014"), WEEKS])
    s = Scores.of(result.counts)
    assert (s.relaxed_precision, s.relaxed_recall) == (1.0, 1.0)
    assert (s.strict_precision, s.strict_recall) == (0.5, 0.5)
    assert [p.system.text for p in result.wrong_span] == ["March 3, 2014"]
    assert s.value_f1 == 1.0  # attributes are compared on relaxed matches


def test_adjacent_spans_do_not_overlap() -> None:
    result = score_document(GOLD, TEXT, [timex(" and")])
    assert result.counts.relaxed_system == 0
    assert [a.text for a in result.spurious] == [" and"]


def test_type_and_value_mismatch_count_against_attribute_f1_only() -> None:
    wrong = [
        timex("Friday, March 3, 2014", "TIME", "2014-03-03T10:00"),
        timex("three weeks", "DURATION", "P2W"),
    ]
    result = score_document(GOLD, TEXT, wrong)
    s = Scores.of(result.counts)
    assert s.strict_f1 == 1.0
    assert s.type_accuracy == 0.5 and s.type_f1 == 0.5
    assert s.value_f1 == 0.0
    assert len(result.wrong_type) == 1 and len(result.wrong_value) == 2


def test_attribute_f1_is_accuracy_times_relaxed_f1() -> None:
    # One of two gold timexes found (R = .5), one spurious (P = .5), found one has the right value.
    result = score_document(GOLD, TEXT, [FRIDAY, timex("back")])
    s = Scores.of(result.counts)
    assert s.relaxed_f1 == pytest.approx(0.5)
    assert s.value_accuracy == 1.0 and s.value_f1 == pytest.approx(0.5)
    assert [a.text for a in result.missed] == ["three weeks"]


def test_precision_and_recall_count_their_own_side() -> None:
    # One system span over both gold timexes: one correct system timex, two found gold timexes.
    whole = timex("Friday, March 3, 2014 and came back three weeks")
    c = score_document(GOLD, TEXT, [whole]).counts
    assert (c.relaxed_system, c.system, c.relaxed_gold, c.gold) == (1, 1, 2, 2)


def test_attributes_compared_with_the_same_span_partner_first() -> None:
    system = [timex("Friday", value="XXXX-WXX-5"), FRIDAY]
    result = score_document(GOLD, TEXT, system)
    assert result.counts.value_correct == 1  # FRIDAY (same span) is the partner, not "Friday"


def test_document_with_different_text_scores_nothing_and_is_reported() -> None:
    result = score_document(GOLD, TEXT.replace("He", "She"), [FRIDAY, WEEKS])
    assert result.text_mismatch
    assert result.counts == Counts(gold=2)
    corpus = CorpusResult(documents=(result, score_document(GOLD, TEXT, GOLD.timexes)))
    assert corpus.mismatched == ("d",)
    assert corpus.scores.relaxed_recall == 0.5 and corpus.scores.relaxed_precision == 1.0


def test_micro_average_sums_counts_before_dividing() -> None:
    one = score_document(GOLD, TEXT, [FRIDAY])  # R = 1/2
    other_text = "Today."
    other = CorpusDocument(
        id="e",
        path="",
        format=CorpusFormat.TIMEML,
        text=other_text,
        timexes=(timex("Today", within=other_text),),
    )
    two = score_document(other, other_text, [])  # R = 0/1
    scores = CorpusResult(documents=(one, two)).scores
    assert scores.relaxed_recall == pytest.approx(1 / 3)  # not the macro (1/2 + 0) / 2


def test_unscored_spans_are_ignored_on_both_sides() -> None:
    dateline = timex("Friday, March 3, 2014")
    doc = GOLD.model_copy(update={"timexes": (WEEKS,), "unscored": ((dateline.start, dateline.end),)})
    c = score_document(doc, TEXT, [timex("March 3"), WEEKS]).counts
    assert (c.gold, c.system, c.strict_gold) == (1, 1, 1)


def test_a_span_tagged_twice_counts_once() -> None:
    c = score_document(GOLD, TEXT, [FRIDAY, FRIDAY, timex("back")]).counts
    assert (c.system, c.relaxed_system) == (2, 1)
