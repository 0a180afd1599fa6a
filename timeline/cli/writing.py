"""Sending rendered exports to files (atomically) or to standard output."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from timeline.errors import OutputError
from timeline.output import atomic_write

if TYPE_CHECKING:
    from timeline.models import Event


def write_output(path: Path | None, data: bytes) -> None:
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    atomic_write(path, data)
    typer.echo(f"wrote {path}", err=True)


def write_stream(events: Iterable[Event], path: Path | None) -> int:
    """Write one JSON event per line as they come; a file appears only once it is complete."""
    from timeline.exporters.jsonl_exporter import event_line  # lazy: keep --help fast

    if path is None:
        count = 0
        for event in events:
            sys.stdout.buffer.write(event_line(event))
            count += 1
        sys.stdout.buffer.flush()
        return count
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
    try:
        count = 0
        with os.fdopen(fd, "wb") as handle:
            for event in events:
                handle.write(event_line(event))
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        # Interrupted or failed (even Ctrl-C): drop the partial file, keep any previous export.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
        raise
    typer.echo(f"wrote {path}", err=True)
    return count
