"""The exceptions a user can cause; the CLI turns each into a one-line message and exit code 2."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: a problem with the user's input or options, never a bug."""


class InputError(TimelineError):
    """An input cannot be read: missing, unreadable, binary, badly encoded or malformed."""


class OptionError(TimelineError):
    """An option has an invalid value (a bad --ref-date, an unknown format...)."""


class OutputError(TimelineError):
    """An output cannot be written."""


class OutputClosed(TimelineError):
    """The reader of standard output went away (`| head`): the export did not arrive whole."""


class WorkerError(TimelineError):
    """A worker process died (killed by the out-of-memory killer, say): the run cannot finish."""


class LanguageError(InputError, ValueError):
    """A document's language is not one the tagger ships rules for (a ValueError to API callers)."""
