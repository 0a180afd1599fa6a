"""The syntax diagnostic: CoNLL-U reader, gold rules, alignment and each scorer on known cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.evaluation.syntax import adapter, gold
from timeline.evaluation.syntax.__main__ import corpus_files, main
from timeline.evaluation.syntax.adapter import Analysis, DatedDecision
from timeline.evaluation.syntax.conllu import ConlluError, Sentence, Word, parse_conllu, read_conllu
from timeline.evaluation.syntax.scoring import Tally, score_clauses, score_dates, score_parts_of_speech

FIXTURE = Path(__file__).parent / "syntax_data" / "fixture.conllu"


@pytest.fixture(scope="module")
def sentences() -> dict[str, Sentence]:
    return {s.sent_id: s for s in read_conllu(FIXTURE)}


def _span(sentence: Sentence, text: str) -> tuple[int, int]:
    start = sentence.text.index(text)
    return start, start + len(text)


def _word(sentence: Sentence, form: str) -> Word:
    return next(w for w in sentence.words if w.form == form)


# -- reader ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent_id", "text"),
    [
        ("s1", "The council approved the budget on Monday."),
        ("s4", "We didn't vote in 2019."),
        ("s8", "The new coach, Ann wants to win in May."),
    ],
)
def test_text_is_rebuilt_from_forms_and_space_after(
    sentences: dict[str, Sentence], sent_id: str, text: str
) -> None:
    assert sentences[sent_id].text == text


def test_word_offsets_point_at_their_forms(sentences: dict[str, Sentence]) -> None:
    for sentence in sentences.values():
        for word in sentence.words:
            if word.form not in ("did", "n't"):
                assert sentence.text[word.start : word.end] == word.form


def test_words_of_a_multiword_token_share_its_span(sentences: dict[str, Sentence]) -> None:
    s4 = sentences["s4"]
    did, nt = _word(s4, "did"), _word(s4, "n't")
    assert (did.start, did.end) == (nt.start, nt.end) == _span(s4, "didn't")
    assert [w.id for w in s4.words] == [1, 2, 3, 4, 5, 6, 7]


def test_document_and_creation_date_are_read(sentences: dict[str, Sentence]) -> None:
    assert {(s.document, s.date) for s in sentences.values()} == {("fixture-doc", "2021-03-04")}


def test_a_malformed_row_is_a_one_line_error() -> None:
    with pytest.raises(ConlluError, match=r"x\.conllu:2: expected 10"):
        list(parse_conllu("# sent_id = a\n1\tOnly\tthree\n", "x.conllu"))


def test_command_reports_a_missing_corpus_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "absent")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_ud_directory_is_read_by_its_dev_split_only(tmp_path: Path) -> None:
    for name in ("en_x-ud-train.conllu", "en_x-ud-dev.conllu", "en_x-ud-test.conllu"):
        (tmp_path / name).write_text("")
    assert [f.name for f in corpus_files(tmp_path)] == ["en_x-ud-dev.conllu"]


# -- gold rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent_id", "date", "expected"),
    [
        ("s1", "Monday", "approved"),  # obl of a verb
        ("s6", "Tuesday", "attack"),  # nmod of a noun: the noun is the predicate
        ("s8", "May", "win"),  # obl of the xcomp, not of "wants"
        ("s3", "Friday", "reopen"),  # inside the reported clause
    ],
)
def test_gold_predicate_of_a_date(
    sentences: dict[str, Sentence], sent_id: str, date: str, expected: str
) -> None:
    sentence = sentences[sent_id]
    found, why = gold.predicate(sentence, _span(sentence, date))
    assert found is not None and found.form == expected, why


def test_a_date_hanging_on_another_date_joins_its_predicate(sentences: dict[str, Sentence]) -> None:
    s5 = sentences["s5"]
    alone, _ = gold.predicate(s5, _span(s5, "June"))
    joined, _ = gold.predicate(s5, _span(s5, "June"), [_span(s5, "April")])
    assert alone is not None and alone.form == "April"
    assert joined is not None and joined.form == "ran"


def test_nearest_verb_baseline_takes_the_closest_gold_verb(sentences: dict[str, Sentence]) -> None:
    s8 = sentences["s8"]
    nearest = gold.nearest_verb(s8, _span(s8, "May"))
    assert nearest is not None and nearest.form == "win"


@pytest.mark.parametrize(
    ("sent_id", "verb", "expected"),
    [
        ("s1", "approved", "council"),
        ("s2", "arrested", "mayor"),  # nsubj:pass
        ("s8", "win", "coach"),  # xcomp: the controller, the subject of "wants"
        ("s7", "returned", "Residents"),  # conj: the first conjunct's subject
    ],
)
def test_gold_subject(sentences: dict[str, Sentence], sent_id: str, verb: str, expected: str) -> None:
    sentence = sentences[sent_id]
    found = gold.subject(sentence, _word(sentence, verb))
    assert found is not None and found.form == expected


def test_gold_subject_phrase_drops_articles_and_appositions(sentences: dict[str, Sentence]) -> None:
    s8 = sentences["s8"]
    phrase = gold.subject_phrase(s8, _word(s8, "coach"))
    assert sorted(s8.text[a:b] for a, b in phrase) == ["coach", "new"]


def test_gold_clause_starts(sentences: dict[str, Sentence]) -> None:
    s7 = sentences["s7"]
    # the advcl "after the storm hit" and the conjoined verb phrase "and returned home"
    assert gold.clause_starts(s7) == {_span(s7, "after")[0], _span(s7, "and")[0]}


def test_gold_voice(sentences: dict[str, Sentence]) -> None:
    assert gold.passive(sentences["s2"], _word(sentences["s2"], "arrested"))
    assert not gold.passive(sentences["s1"], _word(sentences["s1"], "approved"))


def test_reporting_complement(sentences: dict[str, Sentence]) -> None:
    s3 = sentences["s3"]
    found = gold.reporting_complement(s3, _word(s3, "reopen"))
    assert found is not None and (found[0].form, found[1].form) == ("said", "reopen")
    assert gold.reporting_complement(s3, _word(s3, "said")) is None


# -- scorers, on decisions given by hand (the adapter stubbed) ---------------------------------


def _decision(
    sentence: Sentence, date: str, trigger: str | None, who: tuple[str, ...], passive: bool
) -> DatedDecision:
    span = _span(sentence, trigger) if trigger else None
    return DatedDecision(
        _span(sentence, date),
        "2021",
        span,
        (span,) if span else (),
        False,
        tuple(_span(sentence, w) for w in who),
        passive,
        passive,
        "title",
    )


@pytest.mark.parametrize(
    ("trigger", "who", "date_ok", "subject_ok", "phrase_ok"),
    [
        ("approved", ("council",), 1, 1, 1),
        ("approved", ("budget",), 1, 0, 0),
        ("budget", ("council",), 0, None, None),  # the subject is scored only on a right predicate
    ],
)
def test_date_and_subject_scorers(
    sentences: dict[str, Sentence],
    monkeypatch: pytest.MonkeyPatch,
    trigger: str,
    who: tuple[str, ...],
    date_ok: int,
    subject_ok: int | None,
    phrase_ok: int | None,
) -> None:
    s1 = sentences["s1"]
    decision = _decision(s1, "Monday", trigger, who, False)
    monkeypatch.setattr(adapter, "analyze", lambda text, ref: Analysis((decision,), (decision.timex,)))
    tally = Tally()
    score_dates(s1, tally)
    assert (tally.counts["date.n"], tally.counts["date.ok"]) == (1, date_ok)
    assert tally.counts["nearest.ok"] == 1  # "approved" is the nearest gold verb
    if subject_ok is None:
        assert tally.counts["subject.n"] == 0
    else:
        assert tally.counts["subject.ok"] == subject_ok
        assert tally.counts["subject.phrase.ok"] == phrase_ok


@pytest.mark.parametrize(("ours", "right"), [(True, 1), (False, 0)])
def test_voice_scorer(
    sentences: dict[str, Sentence], monkeypatch: pytest.MonkeyPatch, ours: bool, right: int
) -> None:
    s2 = sentences["s2"]
    decision = _decision(s2, "June", "arrested", ("mayor",), ours)
    monkeypatch.setattr(adapter, "analyze", lambda text, ref: Analysis((decision,), (decision.timex,)))
    tally = Tally()
    score_dates(s2, tally)
    assert (tally.counts["voice.passive.n"], tally.counts["voice.passive.ok"]) == (1, right)


@pytest.mark.parametrize(("trigger", "inside"), [("reopen", 1), ("said", 0)])
def test_reported_speech_scorer(
    sentences: dict[str, Sentence], monkeypatch: pytest.MonkeyPatch, trigger: str, inside: int
) -> None:
    s3 = sentences["s3"]
    decision = _decision(s3, "Friday", trigger, (), False)
    monkeypatch.setattr(adapter, "analyze", lambda text, ref: Analysis((decision,), (decision.timex,)))
    tally = Tally()
    score_dates(s3, tally)
    assert (tally.counts["reported.n"], tally.counts["reported.ok"]) == (1, inside)


def test_clause_scorer_counts_boundary_positions(
    sentences: dict[str, Sentence], monkeypatch: pytest.MonkeyPatch
) -> None:
    s7 = sentences["s7"]
    ours = frozenset({_span(s7, "after")[0], _span(s7, "storm")[0]})
    monkeypatch.setattr(adapter, "clause_starts", lambda text: ours)
    tally = Tally()
    score_clauses(s7, tally)
    assert (tally.counts["clause.tp"], tally.counts["clause.fp"], tally.counts["clause.fn"]) == (1, 1, 1)


def test_parts_of_speech_are_scored_on_aligned_words_only(sentences: dict[str, Sentence]) -> None:
    s4 = sentences["s4"]  # "didn't" is one gold token of two words: neither is scored
    tally = Tally()
    score_parts_of_speech(s4, tally)
    assert tally.counts["pos.gold_words"] == 7
    assert tally.counts["pos.aligned"] == 5
    assert tally.upos_total["AUX"] == tally.upos_total["PART"] == 0
    assert tally.upos_right["VERB"] == tally.upos_total["VERB"] == 1


# -- the real adapter on sentences the event layer gets right ----------------------------------


def test_adapter_classes_map_to_upos() -> None:
    classes = {t.text: t.upos for t in adapter.word_classes("The council approved the budget on Monday.")}
    assert classes["approved"] == "VERB"
    assert classes["the"] == "DET"
    assert classes["."] == "PUNCT"


def test_adapter_anchors_a_plain_sentence(sentences: dict[str, Sentence]) -> None:
    s1 = sentences["s1"]
    (decision,) = adapter.analyze(s1.text, date(2021, 3, 4)).decisions
    assert decision.timex == _span(s1, "Monday")
    assert decision.trigger == _span(s1, "approved")
    assert [s1.text[a:b] for a, b in decision.subject] == ["council"]
    assert decision.passive_group is False


def test_adapter_reads_the_voice_of_the_verb_group() -> None:
    text = "The mayor was arrested in June 2019."
    (decision,) = adapter.analyze(text, date(2021, 3, 4)).decisions
    assert decision.passive_group is True


def test_adapter_clause_starts_follow_commas_and_subordinators() -> None:
    text = "Residents left, and officials said that the storm hit because the dam broke."
    starts = {text[s:].split()[0] for s in adapter.clause_starts(text)}
    assert starts == {"and", "because"} | ({"that"} & starts)
