"""Run taggers through the peer interface over a corpus, timed, and score them with the TE3 scorer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import Field

from timeline.evaluation.corpus import Annotation, CorpusDocument
from timeline.evaluation.peers import PEERS, Peer, PeerUnavailable
from timeline.evaluation.scoring import CorpusResult, DocumentResult, score_document
from timeline.evaluation.timeml import CorpusError, read_timeml
from timeline.models import Frozen


class PeerRun(Frozen):
    """One tagger's run over a corpus: its scores, speed, and what went wrong."""

    name: str
    version: str | None = None
    note: str | None = Field(None, description="why the peer was skipped, when it was")
    seconds: float | None = Field(0.0, description="tagging time; None when scoring files written earlier")
    megabytes: float = 0.0
    result: CorpusResult | None = None
    failures: tuple[str, ...] = Field(
        (), description="documents on which the tagger raised or misplaced spans"
    )

    @property
    def skipped(self) -> bool:
        return self.result is None

    @property
    def seconds_per_mb(self) -> float | None:
        if self.seconds is None or not self.megabytes or self.skipped:
            return None
        return self.seconds / self.megabytes


def text_megabytes(documents: Sequence[CorpusDocument]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000


def _checked(text: str, annotations: list[Annotation]) -> tuple[list[Annotation], int]:
    """Drop annotations whose text is not at their offsets (an adapter bug, counted, never scored)."""
    good = [a for a in annotations if text[a.start : a.end] == a.text]
    return good, len(annotations) - len(good)


def run_peer(
    peer: Peer,
    documents: Sequence[CorpusDocument],
    on_document: Callable[[CorpusDocument], None] | None = None,
) -> PeerRun:
    """Load and warm up `peer`, then tag and score every document, timing the tagging only."""
    try:
        peer.load()
        version = peer.version()
        peer.warm_up()
    except PeerUnavailable as err:
        return PeerRun(name=peer.name, note=str(err))
    except Exception as err:  # a broken peer is reported in the table's notes, not a crashed benchmark
        peer.close()
        return PeerRun(name=peer.name, note=f"failed to start: {type(err).__name__}: {err}")
    results: list[DocumentResult] = []
    failures: list[str] = []
    seconds = 0.0
    try:
        for document in documents:
            started = time.perf_counter()
            try:
                annotations = peer.annotate(document.text, document.reference_date)
            except Exception as err:  # a peer's crash on one document must not end the benchmark
                annotations = []
                failures.append(f"{document.id}: {type(err).__name__}: {err}")
            seconds += time.perf_counter() - started
            annotations, misplaced = _checked(document.text, annotations)
            if misplaced:
                failures.append(
                    f"{document.id}: {misplaced} annotation(s) with offsets not matching their text"
                )
            results.append(score_document(document, document.text, annotations))
            if on_document is not None:
                on_document(document)
    finally:
        peer.close()
    return PeerRun(
        name=peer.name,
        version=version,
        seconds=seconds,
        megabytes=text_megabytes(documents),
        result=CorpusResult(documents=tuple(results)),
        failures=tuple(failures),
    )


def _system_file(document: CorpusDocument, system_dir: Path, gold_root: Path | None) -> Path:
    """The system file of a gold document: same path under `system_dir` (as `timeline timeml`
    mirrors folders), else the same file name directly in it; always with the .tml suffix."""
    gold = Path(document.path)
    if gold_root is not None and gold_root.is_dir() and gold.is_relative_to(gold_root):
        mirrored = system_dir / gold.relative_to(gold_root).with_suffix(".tml")
        if mirrored.is_file():
            return mirrored
    return system_dir / gold.with_suffix(".tml").name


def score_files(
    documents: Sequence[CorpusDocument], system_dir: Path, gold_root: Path | None = None
) -> PeerRun:
    """Score TimeML files another run wrote (e.g. `timeline timeml`, any TE3 system): same file names.

    A missing file scores nothing; a file whose text differs is reported by the scorer.
    """
    results: list[DocumentResult] = []
    failures: list[str] = []
    for document in documents:
        candidate = _system_file(document, system_dir, gold_root)
        if not candidate.is_file():
            failures.append(f"{document.id}: no {candidate.name} in {system_dir}")
            results.append(score_document(document, document.text, []))
            continue
        try:
            system = read_timeml(candidate)
        except CorpusError as err:
            failures.append(str(err))
            results.append(score_document(document, document.text, []))
            continue
        results.append(score_document(document, system.text, system.timexes))
    return PeerRun(
        name=f"files:{system_dir.name}",
        seconds=None,
        megabytes=text_megabytes(documents),
        result=CorpusResult(documents=tuple(results)),
        failures=tuple(failures),
    )


def make_peer(name: str) -> Peer:
    if name not in PEERS:
        raise KeyError(name)
    return PEERS[name]()


def gold_run(documents: Sequence[CorpusDocument]) -> CorpusResult:
    """The gold annotations scored against themselves (100 everywhere, by construction)."""
    return CorpusResult(documents=tuple(score_document(d, d.text, d.timexes) for d in documents))
