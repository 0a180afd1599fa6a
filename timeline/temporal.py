"""The temporal tagger's public entry point: tag a text, then resolve it (HeidelTime's two phases)."""

from __future__ import annotations

import datetime as dt

from timeline.models import Timex
from timeline.resolving import resolve
from timeline.settings import TaggerSettings
from timeline.tagging import tag

_DEFAULT_SETTINGS = TaggerSettings()


def annotate(
    text: str, reference_date: dt.date | None, settings: TaggerSettings = _DEFAULT_SETTINGS
) -> tuple[Timex, ...]:
    """Every temporal expression in `text`, sorted and non-overlapping, normalized.

    Relative expressions are resolved against `reference_date`; with None they keep an
    underspecified value and `anchoring=unresolved`. Never reads the clock; deterministic.
    """
    return resolve(tag(text, settings), reference_date, settings)


__all__ = ["annotate"]
