"""dateparser's `search_dates` as a peer: what a user would pick to find dates in free text.

Mapping (it returns substrings and datetimes only): each found substring is placed at its next
occurrence in the text (search order), typed DATE, valued at day granularity (YYYY-MM-DD) — the
datetime does not say whether "1998" meant the year or a day. Settings are explicit: English,
relative to the reference date.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import metadata
from typing import Any

from timeline.evaluation.corpus import Annotation
from timeline.evaluation.peers.base import Peer, PeerUnavailable, day_value, midnight, register


def place(text: str, found: list[tuple[str, datetime]]) -> list[Annotation]:
    """Offsets of each (substring, datetime) found in order; substrings not in the text are dropped."""
    annotations: list[Annotation] = []
    cursor = 0
    for surface, moment in found:
        at = text.find(surface, cursor)
        if at < 0:
            continue
        end = at + len(surface)
        annotations.append(Annotation(start=at, end=end, text=surface, type="DATE", value=day_value(moment)))
        cursor = at + len(surface)
    return annotations


@register
class DateparserPeer(Peer):
    name = "dateparser"
    description = "dateparser.search.search_dates, English, relative to the reference date"

    def __init__(self) -> None:
        self._search: Any = None

    def load(self) -> None:
        try:
            from dateparser.search import search_dates
        except ImportError as err:
            raise PeerUnavailable("dateparser is not installed") from err
        self._search = search_dates

    def version(self) -> str:
        return metadata.version("dateparser")

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        settings: dict[str, object] = {"RETURN_AS_TIMEZONE_AWARE": False}
        if reference_date is not None:
            settings["RELATIVE_BASE"] = midnight(reference_date)
        found = self._search(text, languages=["en"], settings=settings) or []
        return place(text, list(found))
