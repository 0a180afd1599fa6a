"""The evaluation harness: corpus readers (TimeML, MEANTIME), TE3 Task A scorer, peer runs, TimeML output."""

from __future__ import annotations

from timeline.evaluation.benchmark import PeerRun, gold_run, run_peer, score_files
from timeline.evaluation.corpus import Annotation, CorpusDocument, CreationTime, EventMention, EventTimeLink
from timeline.evaluation.loading import corpus_files, iter_corpus, load_corpus, read_document
from timeline.evaluation.meantime import read_meantime
from timeline.evaluation.peers import PEERS, Peer, PeerUnavailable
from timeline.evaluation.scoring import CorpusResult, Counts, DocumentResult, Scores, score_document
from timeline.evaluation.timeml import CorpusError, parse_timeml, read_timeml
from timeline.evaluation.timeml_writer import timeml

__all__ = [
    "PEERS",
    "Annotation",
    "CorpusDocument",
    "CorpusError",
    "CorpusResult",
    "Counts",
    "CreationTime",
    "DocumentResult",
    "EventMention",
    "EventTimeLink",
    "Peer",
    "PeerRun",
    "PeerUnavailable",
    "Scores",
    "corpus_files",
    "gold_run",
    "iter_corpus",
    "load_corpus",
    "parse_timeml",
    "read_document",
    "read_meantime",
    "read_timeml",
    "run_peer",
    "score_document",
    "score_files",
    "timeml",
]
