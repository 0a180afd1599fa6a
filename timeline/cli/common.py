"""What every command shares: one-line errors with exit code 2, warnings, option parsing."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
from collections.abc import Callable
from functools import wraps
from types import FrameType
from typing import NoReturn, ParamSpec, TypeVar

import typer

from timeline.errors import OutputClosed, TimelineError, WorkerError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3  # finished, but some inputs were skipped (each named in a warning)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_PIPE = 141  # 128 + SIGPIPE: what `cmd | head` gives a command that the reader left
EXIT_TERMINATED = 143  # 128 + SIGTERM

# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional
# overrides that reorder what a terminal shows: input data (a JSONL id or title, a file name)
# reaches stderr and `timeline show`, and must not drive the terminal.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with control characters shown as escapes (\\x1b), so it prints inert."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_MAIN_PID: list[int] = []


def _terminate(signum: int, frame: FrameType | None) -> None:
    del frame
    signal.signal(signum, signal.SIG_DFL)
    if [os.getpid()] != _MAIN_PID:
        # a forked worker inherited the handler: die as SIGTERM intends
        os.kill(os.getpid(), signum)
        return
    # Not an exception unwinding the stack: a multiprocessing pool being terminated can wait
    # forever on a task pipe its dead workers no longer read. Remove our temporary files, stop
    # the workers, and leave at once; earlier exports were never touched.
    output = sys.modules.get("timeline.output")
    if output is not None:
        output.remove_live_temporaries()
    processes = sys.modules.get("multiprocessing")
    if processes is not None:
        for child in processes.active_children():
            if child.pid:
                with contextlib.suppress(OSError):
                    os.kill(child.pid, signal.SIGKILL)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("timeline: terminated; no export was left half-written\n")
        sys.stderr.flush()
    os._exit(EXIT_TERMINATED)


def handle_sigterm() -> None:
    """SIGTERM ends the run like Ctrl-C: no temporary file left, one line, exit code 143."""
    _MAIN_PID[:] = [os.getpid()]
    signal.signal(signal.SIGTERM, _terminate)


DOCUMENT_TYPE_HELP = (
    "news, narrative or auto. news: year-less and relative dates count from the publication "
    "date; narrative (history, biography): from the last date the text told; auto: detected "
    "(dense years long past, or many different years, and few words like 'Tuesday')."
)

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str) -> NoReturn:
    typer.echo(f"timeline: error: {terminal_safe(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def counted(count: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def warn(message: str) -> None:
    typer.echo(f"timeline: warning: {terminal_safe(message)}", err=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn TimelineError (bad input or option) into a one-line message and exit code 2,
    and Ctrl-C into one line and exit code 130."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except OutputClosed:
            # The reader chose to stop (`| head`): nothing to tell it, but the code says the
            # export did not arrive whole.
            raise typer.Exit(EXIT_PIPE) from None
        except WorkerError as err:
            # The pool is broken and its workers stopped; leave at once. Interpreter exit would run
            # concurrent.futures' exit hook, which can write to the dead pool's closed wake-up
            # pipe and print "Exception ignored ... Bad file descriptor" under the one line.
            typer.echo(f"timeline: error: {terminal_safe(str(err))}", err=True)
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(EXIT_USAGE)
        except TimelineError as err:
            fail(str(err))
        except KeyboardInterrupt:
            # Outputs are written atomically, so nothing half-written is left behind.
            typer.echo("timeline: interrupted; nothing was written", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
