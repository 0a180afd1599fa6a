"""The syntax diagnostic over gold-parsed news (UD PUD): it runs and its figures are sane."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.syntax.__main__ import sentences
from timeline.evaluation.syntax.report import table
from timeline.evaluation.syntax.scoring import Tally, score_sentence


@pytest.fixture(scope="module")
def pud(ud_pud: Path) -> Tally:
    tally = Tally()
    for sentence in sentences(ud_pud):
        score_sentence(sentence, tally)
    return tally


def _rate(tally: Tally, decision: str) -> float:
    return 100 * tally.counts[f"{decision}.ok"] / tally.counts[f"{decision}.n"]


def test_every_sentence_is_read_and_most_words_align(pud: Tally) -> None:
    assert pud.counts["sentences"] == 1000
    assert pud.counts["pos.aligned"] / pud.counts["pos.gold_words"] > 0.9


def test_figures_are_within_sane_bounds(pud: Tally) -> None:
    upos = 100 * sum(pud.upos_right.values()) / sum(pud.upos_total.values())
    assert 60 < upos < 100
    assert pud.counts["date.n"] > 150
    for decision in ("date", "nearest", "subject", "subject.phrase", "voice"):
        assert 20 < _rate(pud, decision) <= 100, decision
    assert 0 < pud.counts["clause.tp"] < pud.counts["clause.tp"] + pud.counts["clause.fn"]


def test_the_table_names_each_decision_and_the_probe(pud: Tally) -> None:
    printed = table(["pud"], [pud])
    for label in (
        "UPOS accuracy",
        "date -> predicate",
        "nearest gold VERB",
        "subject head",
        "clause starts",
        "voice",
    ):
        assert label in printed
    assert "79 (GUM news)" in printed
