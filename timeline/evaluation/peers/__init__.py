"""Peer taggers behind one adapter interface; importing this registers them (their libraries load lazily)."""

from __future__ import annotations

from timeline.evaluation.peers import (
    baselines,
    datefinder_peer,
    dateparser_peer,
    heideltime_peer,
    timeline_peer,
)
from timeline.evaluation.peers.base import PEERS, Peer, PeerUnavailable, register

__all__ = [
    "PEERS",
    "Peer",
    "PeerUnavailable",
    "baselines",
    "datefinder_peer",
    "dateparser_peer",
    "heideltime_peer",
    "register",
    "timeline_peer",
]
