"""The one interface every tagger under evaluation is run through, and the peer registry."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import date, datetime

from timeline.evaluation.corpus import Annotation


class PeerUnavailable(Exception):
    """The peer cannot run here (not installed, no Java, ...); the message says why."""


class Peer(ABC):
    """A temporal tagger adapted to produce TE3 annotations over exactly the text it is given.

    `load` does the lazy import (raising PeerUnavailable with the reason); `warm_up` runs once
    before timing so import and model loading are not counted as tagging time.
    """

    name: str = ""
    description: str = ""

    @abstractmethod
    def load(self) -> None: ...

    @abstractmethod
    def version(self) -> str: ...

    @abstractmethod
    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]: ...

    def warm_up(self) -> None:
        self.annotate("The meeting was held on Monday, March 3, 2014, three days ago.", date(2014, 3, 6))

    def close(self) -> None:  # noqa: B027  (optional hook: most peers hold nothing)
        """Release external resources (processes); the default has none."""


PEERS: dict[str, Callable[[], Peer]] = {}


def register(factory: Callable[[], Peer]) -> Callable[[], Peer]:
    """Add a peer under its `name` (used as a class decorator)."""
    PEERS[factory().name] = factory
    return factory


def day_value(moment: date) -> str:
    """The mapping of a bare date/datetime to TimeML: a DATE at day granularity (time of day dropped)."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


def midnight(day: date | None) -> datetime | None:
    """The reference date as the naive datetime the date libraries take as their base."""
    return datetime(day.year, day.month, day.day) if day is not None else None
