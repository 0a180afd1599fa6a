"""A validator for the TimeML (TIMEX3) values the tagger may emit, and pieces of adversarial text."""

from __future__ import annotations

import re

# A year and what may refine it. Four-character years may be partly unknown (XXXX, 199X, 19XX);
# a decade is three digits ("199"), a century two ("19"), a millennium one ("2"); X stands for
# any unknown digit.
_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_CLOCK = r"(?:[01]\d|2[0-4]|XX)(?::(?:[0-5]\d|XX)(?::[0-5]\d(?:\.\d+)?)?)?"
_PART_OF_DAY = r"(?:MO|MI|AF|EV|NI|DT)"
_ZONE = r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_TIME = rf"T(?:{_CLOCK}{_ZONE}|{_PART_OF_DAY})"
_DAYLIKE = rf"{_YEAR}-{_MONTH}-{_DAY}|{_YEAR}-W{_WEEK}-(?:[1-7X])"
_CALENDAR = (
    rf"(?:{_DAYLIKE})(?:{_TIME})?"  # day, weekday of a week, with an optional time or part of day
    rf"|{_YEAR}-W{_WEEK}(?:-WE)?"  # week, weekend
    rf"|{_YEAR}-{_MONTH}"  # month
    rf"|{_YEAR}-Q[1-4X]"  # quarter
    rf"|{_YEAR}-(?:SU|WI|SP|FA)"  # season
    rf"|{_YEAR}-H[12X]"  # half year
    rf"|{_YEAR}"  # year
    r"|\d{3}|\d{2}X|\dXX|XXX"  # decade, possibly unknown ("XXX": "this decade" without a reference)
    r"|\d{2}|\dX|XX|\d"  # century, millennium
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = (
    rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|Q|H|DE|CE|ML|E|C|L|X))+(?:T(?:{_AMOUNT}[HMSX])+)?"
    rf"|T(?:{_AMOUNT}[HMSX])+)"
)
TIMEML_VALUE = re.compile(rf"(?:{_CALENDAR}|{_DURATION})")
# DATE and TIME carry calendar values; DURATION a period; SET either ("P1W", "XXXX-WXX-4").
_CALENDAR_VALUE = re.compile(_CALENDAR)
_DURATION_VALUE = re.compile(_DURATION)


def valid_timeml(value: str, timex_type: str) -> bool:
    """Whether `value` is a well-formed TimeML value for a TIMEX3 of `timex_type`."""
    if timex_type in ("DATE", "TIME"):
        return _CALENDAR_VALUE.fullmatch(value) is not None
    if timex_type == "DURATION":
        return _DURATION_VALUE.fullmatch(value) is not None
    return TIMEML_VALUE.fullmatch(value) is not None


# Pieces that adversarial date-like text is assembled from: what a date finder keys on, in the
# spellings scraped news uses, plus separators that make or break tokens.
MONTHS = [
    *("January", "February", "March", "April", "May", "June", "July", "August", "September"),
    *("October", "November", "December"),
]
MONTH_ABBREVIATIONS = [
    *("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."),
    *("Jan", "Feb", "Sept", "Dec", "JAN.", "feb.", "mar"),
]
WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon.",
    "Tue.",
    "Thu",
]
RELATIVE = [
    *("next", "last", "this", "previous", "coming", "past", "ago", "later", "earlier", "before", "after"),
    *("yesterday", "today", "tomorrow", "tonight", "now", "week", "month", "year", "decade", "century"),
    *("weekend", "quarter", "spring", "summer", "fall", "winter", "morning", "night", "day", "days"),
    *("early", "mid", "late", "the", "of", "in", "on", "since", "until", "from", "to", "between", "and"),
]
NUMERALS = [
    *("one", "two", "three", "ten", "twenty-one", "hundred", "first", "second", "third", "21st", "3rd"),
    *("a", "an", "few", "several", "half", "dozen", "1990s", "'90s", "1800s", "90s", "Q1", "H2", "W06"),
]
DIGITS = ["0", "1", "9", "10", "12", "13", "29", "30", "31", "32", "99", "2017", "1999", "0000", "99999"]
PUNCTUATION = [" ", " ", " ", ",", ".", "-", "/", ":", "'", "\u2019", "(", ")", "\n", "\r\n", "\t", "\u00a0"]
PIECES = MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS + RELATIVE + NUMERALS + DIGITS
