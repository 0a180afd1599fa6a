"""Sending rendered exports to files (atomically) or to standard output."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import typer

from timeline.cli.common import terminal_safe
from timeline.errors import OutputClosed, OutputError
from timeline.output import atomic_file, write_set


@contextlib.contextmanager
def _stdout() -> Iterator[BinaryIO]:
    """Standard output, flushed at the end; a reader that went away (`| head`) ends the command
    quietly with the SIGPIPE exit code, not a traceback nor an exit 0 over a truncated export."""
    out = sys.stdout.buffer
    try:
        yield out
        out.flush()
    except OSError as err:
        # Later flushes (at exit) would fail again and print "Exception ignored": point the
        # descriptor at /dev/null, as the Python documentation on SIGPIPE advises.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        if isinstance(err, BrokenPipeError):
            raise OutputClosed("standard output was closed before the export was complete") from None
        # a full disk (> /dev/full), a quota, an I/O error: the environment's, not a bug
        raise OutputError(f"cannot write to standard output ({err.strerror or err})") from None


def _write_all(out: BinaryIO, data: bytes) -> None:
    # A buffered write to a pipe can come back short when the reader closes: finish or fail.
    view = memoryview(data)
    while view:
        written = out.write(view)
        if not written:
            raise BrokenPipeError
        view = view[written:]


def write_outputs(rendered: Sequence[tuple[Path | None, bytes]]) -> None:
    """Write every export of a run: to standard output, or to files replaced as a set
    (see `output.write_set`)."""
    files = [(path, data) for path, data in rendered if path is not None]
    for path, data in rendered:
        if path is None:
            with _stdout() as out:
                _write_all(out, data)
    write_set(files)
    for path, _ in files:
        typer.echo(f"wrote {terminal_safe(str(path))}", err=True)


def write_output(path: Path | None, data: bytes) -> None:
    write_outputs([(path, data)])


def write_stream(lines: Iterable[bytes], path: Path | None) -> int:
    """Write lines (one JSON event each) as they come and count them; a file appears only once
    it is complete."""
    if path is None:
        count = 0
        with _stdout() as out:
            for line in lines:
                _write_all(out, line)
                count += 1
        return count
    count = 0
    with atomic_file(path) as handle:
        for line in lines:
            handle.write(line)
            count += 1
    typer.echo(f"wrote {terminal_safe(str(path))}", err=True)
    return count
