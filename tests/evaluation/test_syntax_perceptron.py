"""The averaged-perceptron UPOS tagger: learns a small hand-made set, and the committed model loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.syntax import adapter
from timeline.evaluation.syntax.__main__ import main
from timeline.evaluation.syntax.conllu import read_conllu
from timeline.evaluation.syntax.perceptron import CONFIG, load, train
from timeline.events.tokens import Kind, tokenize

FIXTURE = Path(__file__).parent / "syntax_data" / "fixture.conllu"


def _sentences() -> list[tuple[list[str], list[str]]]:
    return [([w.form for w in s.words], [w.upos for w in s.words]) for s in read_conllu(FIXTURE)]


def test_training_learns_its_sentences_and_is_deterministic() -> None:
    config = {**CONFIG, "iterations": 8, "tagdict_min_count": 1000, "prune_below": 0.0}
    data = _sentences()
    first, second = train(data, config), train(data, config)
    assert first.weights == second.weights
    right = sum(g == t for words, tags in data for g, t in zip(first.tag(words), tags, strict=True))
    assert right / sum(len(t) for _, t in data) > 0.9


def test_the_tag_dictionary_holds_frequent_unambiguous_words_only() -> None:
    data = _sentences() * 30
    model = train(data, {**CONFIG, "iterations": 1})
    assert model.tagdict["the"] == "DET"
    assert "to" not in model.tagdict  # ADP and PART in the fixture


def test_the_committed_model_tags_a_plain_sentence() -> None:
    words = ["The", "council", "approved", "the", "budget", "on", "Monday", "."]
    assert load().tag(words) == ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]


def test_perceptron_classes_map_tags_to_kinds() -> None:
    tokens = tokenize("The attack on the embassy was condemned on Monday.")
    kinds = adapter.perceptron_classes(tokens, frozenset({8}))
    by_word = {t.text: k for t, k in zip(tokens, kinds, strict=True)}
    assert by_word["attack"] is Kind.EVENT_NOUN
    assert by_word["was"] is Kind.AUX
    assert by_word["condemned"] is Kind.VERB
    assert by_word["Monday"] is Kind.OTHER


def test_the_command_measures_with_perceptron_classes_and_can_switch_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import timeline.events.detect as detect

    engine_classes = detect.classify
    try:
        assert main(["--classes", "perceptron", str(FIXTURE)]) == 0
        assert detect.classify is adapter.perceptron_classes
        upos = next(line for line in capsys.readouterr().out.splitlines() if "UPOS accuracy" in line)
        assert float(upos.split("|")[2]) > 90  # the perceptron's own tags, not the word lists'
    finally:
        adapter.use_word_lists()
    assert detect.classify is engine_classes
