"""Reading numbers, years and dates from matched strings (tables first, dateparser for full dates)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

# dateparser only validates and normalizes dates whose day, month and year the text states
# (REQUIRE_PARTS), so this fixed base is never used to fill a part in; tagging stays
# independent of the reference date, which only the resolver sees.
_NEVER_USED_BASE = dt.datetime(2000, 1, 1)


def key(surface: str) -> str:
    """The table key of a matched string: lower case, single spaces, no trailing period."""
    return " ".join(surface.lower().replace("\u2019", "'").split()).rstrip(".")


def number(surface: str, numbers: Mapping[str, Any]) -> int | None:
    """12, "twelve", "twenty-one" -> int; vague quantities ("several") -> None (TimeML X)."""
    text = key(surface).replace(",", "")
    if text.isdigit():
        return int(text)
    if text in numbers:
        value = int(numbers[text])
        return None if value < 0 else value
    tens, _, units = text.replace(" ", "-").partition("-")
    if tens in numbers and units in numbers:
        return int(numbers[tens]) + int(numbers[units])
    return None


def year(surface: str) -> int:
    """A four-digit year, or a two-digit one read as 19xx/20xx the way news uses them."""
    digits = surface.strip("'\u2019 ")  # '80s, with a straight or a typographic apostrophe
    value = int(digits)
    if len(digits) <= 2:
        return value + (2000 if value < 30 else 1900)
    return value


def range_end_year(start: int, digits: str) -> int | None:
    """The year ending a range of years from `start`: "1994-97" and "1994-1997" end in 1997;
    None when the digits name no later year within the century ("2014-10" is a month)."""
    end = int(digits) if len(digits) == 4 else start // 100 * 100 + int(digits)
    return end if start < end < start + 100 else None


def spelled_year(surface: str, numbers: Mapping[str, Any], centuries: Mapping[str, Any]) -> int | None:
    """ "nineteen ninety-six" -> 1996, "eighteen hundred" -> 1800."""
    century, _, rest = key(surface).replace("-", " ").partition(" ")
    if century not in centuries:
        return None
    if rest == "hundred":
        return int(centuries[century]) * 100
    within = number(rest, numbers)
    return None if within is None else int(centuries[century]) * 100 + within


@lru_cache(maxsize=4096)
def full_date(surface: str, day_first: bool, language: str = "en") -> dt.date | None:
    """A date whose day, month and year are all in `surface`; None when it is not a real date."""
    # Imported here: dateparser takes about a fifth of a second to import, and only texts with a
    # full date ("Oct. 22, 2014") need it.
    import dateparser

    parsed = dateparser.parse(
        surface,
        languages=[language],
        settings={
            "DATE_ORDER": "DMY" if day_first else "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "RELATIVE_BASE": _NEVER_USED_BASE,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["absolute-time"],
        },
    )
    return parsed.date() if parsed is not None else None
