"""CI gate: the tagger's TE3 scores on TBAQ and MEANTIME never drop below benchmarks/floors.json.

Raising a floor is a normal commit (benchmarks/update_floors.py); lowering one needs a reason in
the commit message. Skipped, with a message, when ../shared/corpora is not beside the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.floors import Floors, below, measure, raised, read_floors

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
FLOORS = read_floors(REPO / "benchmarks" / "floors.json")


@pytest.mark.parametrize("corpus", sorted(FLOORS.corpora))
def test_scores_stay_above_their_floors(corpus: str) -> None:
    path = CORPORA / corpus
    if not path.is_dir():
        pytest.skip(f"corpus {corpus} not found at {path}: the score floors are not checked")
    measured = measure(path)
    failures = below(measured, FLOORS.corpora[corpus])
    assert not failures, f"{corpus}: {'; '.join(failures)} (measured {measured})"


def test_floors_cover_both_corpora_and_every_metric() -> None:
    assert set(FLOORS.corpora) == {"te3-tbaq", "meantime-en"}
    for floors in FLOORS.corpora.values():
        assert set(floors) == {"strict_f1", "relaxed_f1", "type_f1", "value_f1"}


def test_floors_only_go_up_unless_lowering_is_explicit() -> None:
    current = Floors(
        tolerance={"c": 0.5},
        corpora={"c": {"strict_f1": 80.0, "relaxed_f1": 90.0, "type_f1": 85.0, "value_f1": 70.0}},
    )
    measured = {"c": {"strict_f1": 85.0, "relaxed_f1": 85.0, "type_f1": 85.3, "value_f1": 70.0}}
    up, changes = raised(current, measured, allow_lower=False)
    assert up.corpora["c"] == {"strict_f1": 84.5, "relaxed_f1": 90.0, "type_f1": 85.0, "value_f1": 70.0}
    assert changes == ["c strict_f1: 80.0 -> 84.5"]
    down, _ = raised(current, measured, allow_lower=True)
    assert down.corpora["c"]["relaxed_f1"] == 84.5


def test_tolerance_is_per_corpus_with_a_default() -> None:
    floors = Floors(tolerance={"small": 1.0}, corpora={})
    assert (floors.tolerance_of("small"), floors.tolerance_of("other")) == (1.0, 0.5)
    assert FLOORS.tolerance_of("meantime-en") > FLOORS.tolerance_of("te3-tbaq")
