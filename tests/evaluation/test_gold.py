"""Done-when: the gold annotations scored against themselves give 100 everywhere, on both corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.benchmark import gold_run
from timeline.evaluation.loading import load_corpus


@pytest.mark.parametrize("name", ["tbaq", "meantime"])
def test_gold_scored_against_itself_is_100(name: str, request: pytest.FixtureRequest) -> None:
    corpus: Path = request.getfixturevalue(name)
    result = gold_run(load_corpus(corpus))
    assert result.mismatched == ()
    assert result.counts.gold > 100
    assert all(value == 1.0 for value in result.scores.model_dump().values()), result.scores
