"""A progress bar on stderr (documents/s, MB/s, ETA) shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the models cost ~0.4 s to import: keep `timeline --help` fast
    from timeline.models import Document


class Tracker(Protocol):
    def __call__(self, document: Document) -> None: ...


def _noop(document: Document) -> None:
    del document


@contextmanager
def progress(total_bytes: int | None, enabled: bool | None = None) -> Iterator[Tracker]:
    """Yield a callback to call once per processed document."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield _noop
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("{task.fields[completed_docs]} docs ({task.fields[docs_per_s]:.0f}/s)"),
        BarColumn(),
        DownloadColumn(binary_units=False),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=total_bytes, completed_docs=0, docs_per_s=0.0)
        count = 0

        def advance(document: Document) -> None:
            nonlocal count
            count += 1
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = count / elapsed if elapsed > 0 else 0.0
            bar.update(
                task, advance=len(document.text.encode("utf-8")), completed_docs=count, docs_per_s=rate
            )

        yield advance
        # The total counts file bytes (markup, JSON) and the advance text bytes: a finished run
        # shows a full bar in its last frame, whatever the markup weighed.
        bar.update(task, completed=bar.tasks[0].total or 0)
