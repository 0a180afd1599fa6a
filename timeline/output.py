"""Where exports go: resolving -o into files, and writing them atomically (temp file + rename)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from timeline.errors import OptionError, OutputError

STDOUT = "-"

# Characters a file name component must not hold: path separators (an id like "../x" or "/etc/x"
# would write outside the output directory), NUL, and control characters.
_UNSAFE_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")


# File systems limit a name to 255 bytes; the longest export suffix (".timelinejs.json") and
# the temporary name around it (".NAME.PID.RANDOM.tmp") need the rest.
_MAX_BASENAME_BYTES = 200
# Temporary files: ".<final name>.<pid>.<random>.tmp" (see `remove_stale_temporaries`).
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{16}\.tmp")
_UMASK_LOCK = threading.Lock()
# Temporary files being written by this process, for `remove_live_temporaries`.
_LIVE: set[str] = set()


def safe_basename(name: str) -> str:
    """`name` as one harmless file name in the output directory.

    The base name often comes from input data (a JSONL line's id), which must never choose
    where files are written, nor be too long to be a file name (255 bytes): a long one is cut
    and keeps a short hash of the whole, so that two long ids still give two names.
    """
    # Leading dots go too: "." and ".." are not file names, ".x" would be a hidden file.
    safe = _UNSAFE_NAME.sub("_", name).strip().lstrip(".") or "timeline"
    encoded = safe.encode("utf-8", "backslashreplace")
    if len(encoded) <= _MAX_BASENAME_BYTES:
        return encoded.decode("utf-8")
    digest = hashlib.sha256(encoded).hexdigest()[:12]
    head = encoded[: _MAX_BASENAME_BYTES - len(digest) - 1].decode("utf-8", "ignore").rstrip()
    return f"{head}-{digest}"


def _new_file_mode(path: Path) -> int:
    """The mode `path` gets: the old file's when it is replaced, else what the umask gives
    (0644 under 022), as with open(); mkstemp's 0600 would keep a served .ics from its readers."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    with _UMASK_LOCK:  # os.umask only reads the mask by setting it
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_stale_temporaries(directory: Path) -> None:
    """Delete the temporary files that a killed run (SIGKILL, a crash, power loss) left in
    `directory`: ours by their name, stale since the process named in it is gone."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            match = _TEMPORARY.fullmatch(entry.name)
            if match and int(match["pid"]) != os.getpid() and not _pid_alive(int(match["pid"])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def remove_live_temporaries() -> None:
    """Delete this process's temporary files (on SIGTERM, which leaves no time to unwind)."""
    for tmp in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _LIVE.clear()


def _create_temporary(path: Path) -> tuple[int, str]:
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(directory)
    while True:
        tmp = directory / f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
        _LIVE.add(str(tmp))
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            _LIVE.discard(str(tmp))
            continue
        except OSError:
            _LIVE.discard(str(tmp))
            raise
        # the final mode is set while the file is still private, then it is renamed into place
        os.fchmod(fd, _new_file_mode(path))
        return fd, str(tmp)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write that appears at `path` only once complete: readers see the old file or
    the new one, never a partial one."""
    with _temporary(path) as (handle, commit):
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        commit()


@contextlib.contextmanager
def _temporary(path: Path) -> Iterator[tuple[BinaryIO, Callable[[], None]]]:
    """A temporary file beside `path` and the function that renames it into place; the
    temporary file is removed on any exit that did not rename it."""
    try:
        fd, tmp = _create_temporary(path)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None

    def commit() -> None:
        os.replace(tmp, path)
        _LIVE.discard(tmp)

    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle, commit
    except BaseException as err:
        # Also on Ctrl-C (KeyboardInterrupt) or SystemExit: no temporary file is left behind,
        # and the previous export, untouched until os.replace, stays intact.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _LIVE.discard(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (see `atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(data)


def write_set(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write several files as nearly as possible as a set: every file is written and synced to
    a temporary file first, then all are renamed in one quick pass. A failure while writing
    leaves every old file untouched; only a crash during the renames themselves (microseconds)
    can leave some files new and some old, since POSIX has no atomic rename of several files."""
    with contextlib.ExitStack() as stack:
        commits = []
        for path, data in files:
            handle, commit = stack.enter_context(_temporary(path))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            commits.append((path, commit))
        for path, commit in commits:
            try:
                commit()
            except OSError as err:
                raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None


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
