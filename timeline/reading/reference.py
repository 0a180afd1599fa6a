"""The reference-date cascade: explicit option, then document metadata, then nothing."""

from __future__ import annotations

import re
from datetime import date

from timeline.errors import InputError, OptionError
from timeline.models import ReferenceSource

_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
# A publication timestamp: the day, optionally a time and a zone, and nothing after them
# ("2017-02-10garbage" is as bad as any other malformed date).
_ISO_TIMESTAMP = re.compile(
    _ISO_DAY.pattern + r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_date_option(text: str, option: str = "--ref-date") -> date:
    """Parse a date option's value (--ref-date, --as-of); only the unambiguous ISO form
    YYYY-MM-DD is accepted."""
    match = _ISO_DAY.fullmatch(text.strip())
    if match is None:
        raise OptionError(f"invalid {option} {text!r}: expected YYYY-MM-DD, e.g. 2017-02-10")
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError as err:
        raise OptionError(f"invalid {option} {text!r}: {err}") from None


def parse_published(text: str, where: str) -> date:
    """Read the day of a metadata timestamp such as 2017-02-10 or 2017-02-10T14:03:00+01:00.

    The local calendar day as published is what the article's "today" means, so the
    offset is deliberately not converted to UTC.
    """
    match = _ISO_TIMESTAMP.fullmatch(text.strip())
    if match is None:
        raise InputError(f"{where}: published date {text!r} is not ISO 8601 (YYYY-MM-DD...)")
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError as err:
        raise InputError(f"{where}: published date {text!r}: {err}") from None


def resolve_reference(
    explicit: date | None,
    metadata: date | None,
    html_metadata: date | None = None,
) -> tuple[date | None, ReferenceSource]:
    """Cheapest reliable evidence first; each step returns early (the htmldate recipe)."""
    if explicit is not None:
        return explicit, ReferenceSource.CLI
    if metadata is not None:
        return metadata, ReferenceSource.METADATA
    if html_metadata is not None:
        return html_metadata, ReferenceSource.HTML_METADATA
    return None, ReferenceSource.NONE
