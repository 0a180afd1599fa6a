"""Cleaning article text for output formats: control characters out, line breaks normalized."""

from __future__ import annotations

import re

# C0/C1 controls except TAB and LF, plus DEL. iCalendar TEXT forbids them (RFC 5545 3.3.11), XML
# and HTML reject most, and spreadsheets show them as boxes; scraped text carries them anyway.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|[\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Multi-line text: every line break becomes LF and control characters go."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text))


def clean_line(text: str) -> str:
    """Single-line text (titles, names): like `clean_text`, with all whitespace runs as one space."""
    return _SPACES.sub(" ", clean_text(text)).strip()
