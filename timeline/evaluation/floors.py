"""Score floors (benchmarks/floors.json): the CI gate that fails when a change lowers a score.

A floor is a measured score (in %) minus a small tolerance. Raising floors is a normal commit
(`python benchmarks/update_floors.py`); lowering one needs `--allow-lower` and a reason in the
commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field

from timeline.evaluation.benchmark import run_peer
from timeline.evaluation.loading import load_corpus
from timeline.evaluation.peers.timeline_peer import TimelinePeer
from timeline.evaluation.scoring import Scores
from timeline.models import Frozen

METRICS = ("strict_f1", "relaxed_f1", "type_f1", "value_f1")
DEFAULT_TOLERANCE = 0.5  # points: room for tiny, deliberate trade-offs


class Floors(Frozen):
    tolerance: dict[str, float] = Field(
        default_factory=dict,
        description="corpus → points below the measured score (default 0.5); about one or two timexes' "
        "worth, so MEANTIME (145 timexes, ~0.6 points each) needs more than TBAQ (1,822)",
    )
    corpora: dict[str, dict[str, float]] = Field(description="corpus folder name → metric → floor in %")

    def tolerance_of(self, corpus: str) -> float:
        return self.tolerance.get(corpus, DEFAULT_TOLERANCE)


def read_floors(path: Path) -> Floors:
    return Floors.model_validate_json(path.read_text(encoding="utf-8"))


def write_floors(path: Path, floors: Floors) -> None:
    path.write_text(json.dumps(floors.model_dump(), indent=2) + "\n", encoding="utf-8")


def percent(scores: Scores) -> dict[str, float]:
    return {metric: round(100 * getattr(scores, metric), 2) for metric in METRICS}


def measure(corpus: Path) -> dict[str, float]:
    """The timeline tagger's scores on a corpus, in % (raises PeerUnavailable-derived notes as errors)."""
    run = run_peer(TimelinePeer(), load_corpus(corpus))
    if run.result is None:
        raise RuntimeError(f"the timeline tagger did not run: {run.note}")
    if run.failures:
        raise RuntimeError(f"the timeline tagger failed on documents: {'; '.join(run.failures[:3])}")
    return percent(run.result.scores)


def below(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Every metric under its floor, described."""
    return [
        f"{metric} {measured[metric]:.2f} < floor {floor:.2f}"
        for metric, floor in floors.items()
        if measured[metric] < floor
    ]


def raised(
    current: Floors, measured: dict[str, dict[str, float]], allow_lower: bool
) -> tuple[Floors, list[str]]:
    """New floors (measured - tolerance); without `allow_lower` a floor only goes up. Returns the changes."""
    corpora = {name: dict(values) for name, values in current.corpora.items()}
    changes: list[str] = []
    for name, scores in measured.items():
        old = corpora.setdefault(name, {})
        for metric in METRICS:
            candidate = round(max(0.0, scores[metric] - current.tolerance_of(name)), 2)
            previous = old.get(metric)
            if previous is None or candidate > previous or (allow_lower and candidate < previous):
                changes.append(f"{name} {metric}: {previous} -> {candidate}")
                old[metric] = candidate
    return Floors(tolerance=current.tolerance, corpora=corpora), changes
