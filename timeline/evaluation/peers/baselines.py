"""Trivial baselines that bound the table: tag nothing, or tag every four-digit year."""

from __future__ import annotations

import re
from datetime import date

from timeline.evaluation.corpus import Annotation
from timeline.evaluation.peers.base import Peer, register

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@register
class NothingBaseline(Peer):
    name = "nothing"
    description = "tags nothing: every score 0 (checks the table's floor)"

    def load(self) -> None:
        return None

    def version(self) -> str:
        return "-"

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        return []


@register
class YearsBaseline(Peer):
    name = "years"
    description = "every 1800-2099 number is a DATE whose value is that year"

    def load(self) -> None:
        return None

    def version(self) -> str:
        return "-"

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        return [
            Annotation(start=m.start(), end=m.end(), text=m.group(), type="DATE", value=m.group())
            for m in YEAR.finditer(text)
        ]
