"""Where exports go: resolving -o into files, and writing them atomically (temp file + rename)."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from timeline.errors import OptionError, OutputError

STDOUT = "-"

# Characters a file name component must not hold: path separators (an id like "../x" or "/etc/x"
# would write outside the output directory), NUL, and control characters.
_UNSAFE_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")


def safe_basename(name: str) -> str:
    """`name` as one harmless file name in the output directory.

    The base name often comes from input data (a JSONL line's id), which must never choose
    where files are written.
    """
    # Leading dots go too: "." and ".." are not file names, ".x" would be a hidden file.
    return _UNSAFE_NAME.sub("_", name).strip().lstrip(".") or "timeline"


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write that appears at `path` only once complete: readers see the old file or
    the new one, never a partial one."""
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        # Also on Ctrl-C (KeyboardInterrupt) or SystemExit: no temporary file is left behind,
        # and the previous export, untouched until os.replace, stays intact.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (see `atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(data)


def check_writable(path: Path) -> None:
    """Fail before any work when `path` could not be created: its nearest existing ancestor
    must be a writable directory."""
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(f"{path}: cannot write ({ancestor} is not a directory)")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write (permission denied in {ancestor})")


def format_of_file(name: str, extensions: dict[str, str]) -> str | None:
    """The format a file name asks for: the longest known extension it ends with, so that
    events.vis.json is vis, not json, and t.timelinejs.csv is timelinejs-csv, not csv."""
    lowered = name.lower()
    matching = [(len(ext), fmt) for fmt, ext in extensions.items() if lowered.endswith("." + ext.lower())]
    return max(matching)[1] if matching else None


def plan_outputs(
    target: str, formats: list[str] | None, extensions: dict[str, str], basename: str, default: list[str]
) -> list[tuple[str, Path | None]]:
    """Map each format to its destination; None means standard output.

    `-o` names a file when it has a suffix and is not an existing directory (a trailing
    slash forces a directory); the format of a file defaults to the one its suffix names.
    """
    if target == STDOUT:
        chosen = formats or default[:1]
        if len(chosen) != 1:
            raise OptionError("-o - writes to standard output: choose exactly one --format")
        return [(chosen[0], None)]
    path = Path(target)
    if path.suffix and not path.is_dir() and not target.endswith(("/", os.sep)):
        named = format_of_file(path.name, extensions)
        if formats is None:
            if named is None:
                known = ", ".join(f".{ext}" for ext in sorted(extensions.values()))
                raise OptionError(
                    f"-o {target}: unknown file extension (known: {known}); pass --format or a directory"
                )
            formats = [named]
        if len(formats) != 1:
            raise OptionError(f"-o {target} is one file: choose exactly one --format or give a directory")
        if named is not None and named != formats[0]:
            raise OptionError(
                f"-o {target}: the file name says {named} but --format {formats[0]} was given; "
                f"name the file .{extensions[formats[0]]} or drop --format"
            )
        check_writable(path)
        return [(formats[0], path)]
    if path.exists() and not path.is_dir():
        raise OptionError(f"-o {target}: exists and is not a directory")
    plan: list[tuple[str, Path | None]] = []
    for name in formats or default:
        destination = path / f"{safe_basename(basename)}.{extensions[name]}"
        check_writable(destination)
        plan.append((name, destination))
    return plan
