"""datefinder's `find_dates` as a peer.

Mapping: its (datetime, source, (start, end)) matches become DATE timexes valued at day granularity
(YYYY-MM-DD); when its index does not point at its source string, the source is searched from there.
"""

from __future__ import annotations

from datetime import date
from importlib import metadata
from typing import Any

from timeline.evaluation.corpus import Annotation
from timeline.evaluation.peers.base import Peer, PeerUnavailable, day_value, midnight, register


@register
class DatefinderPeer(Peer):
    name = "datefinder"
    description = "datefinder.find_dates with source and index, base date = reference date"

    def __init__(self) -> None:
        self._find: Any = None

    def load(self) -> None:
        try:
            from datefinder import find_dates
        except ImportError as err:
            raise PeerUnavailable("datefinder is not installed (pip install 'timeline[peers]')") from err
        self._find = find_dates

    def version(self) -> str:
        return metadata.version("datefinder")

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        base = midnight(reference_date)
        annotations: list[Annotation] = []
        for moment, source, (start, end) in self._find(text, source=True, index=True, base_date=base):
            if text[start:end] != source:
                start = text.find(source, start)
                if start < 0:
                    continue
                end = start + len(source)
            value = day_value(moment)
            annotations.append(Annotation(start=start, end=end, text=source, type="DATE", value=value))
        return annotations
