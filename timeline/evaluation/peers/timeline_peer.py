"""Our own tagger (`timeline.temporal.annotate`) as a peer."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.evaluation.corpus import Annotation
from timeline.evaluation.peers.base import Peer, PeerUnavailable, register

if TYPE_CHECKING:
    from timeline.models import Timex
    from timeline.settings import TaggerSettings

    Annotate = Callable[[str, date | None, TaggerSettings], tuple[Timex, ...]]


def _revision() -> str:
    """` (git abc1234)` of the checkout the package runs from, `-dirty` with uncommitted tagger changes."""
    root = Path(__file__).resolve().parents[3]
    if not (root / ".git").exists():
        return ""
    git = ["git", "-C", str(root)]
    try:
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        paths = ["timeline/tagging", "timeline/resolving", "timeline/temporal.py"]
        status = subprocess.run(
            [*git, "status", "--porcelain", "--", *paths], capture_output=True, text=True, check=False
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" (git {head.stdout.strip()}{'-dirty' if status.stdout.strip() else ''})"


@register
class TimelinePeer(Peer):
    name = "timeline"
    description = "timeline.temporal.annotate (rule-based tagger + resolver)"

    def __init__(self) -> None:
        self._annotate: Annotate | None = None
        self._settings: TaggerSettings | None = None

    def load(self) -> None:
        try:
            from timeline.settings import TaggerSettings
            from timeline.temporal import annotate
        except ImportError as err:
            raise PeerUnavailable(f"timeline.temporal is not importable: {err}") from err
        self._annotate, self._settings = annotate, TaggerSettings()

    def version(self) -> str:
        return metadata.version("timeline") + _revision()

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        assert self._annotate is not None and self._settings is not None, "load() first"
        return [
            Annotation(
                start=t.start,
                end=t.end,
                text=t.text,
                type=str(t.type),
                value=t.value,
                mod=str(t.mod) if t.mod else None,
                rule=t.rule,
            )
            for t in self._annotate(text, reference_date, self._settings)
        ]
