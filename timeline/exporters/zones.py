"""Time zones named in news text ("CET", "ET", "GMT"): what each name means on a given day."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Names whose offset never changes (a summer-time name is its own entry). Left out on purpose:
# names that mean different zones in different countries ("IST": India, Ireland or Israel;
# "BST" is kept, meaning British Summer Time, as in British and international news).
FIXED_HOURS: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    "WET": 0,
    "WEST": 1,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "GST": 4,
    "PKT": 5,
    "ICT": 7,
    "HKT": 8,
    "SGT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "ACST": 9.5,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
}
# Names that follow their region's summer time: the offset depends on the day.
REGIONAL: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "UK": "Europe/London",
}
_OFFSET = re.compile(r"^(?:UTC|GMT)?(?P<sign>[+-\u2212])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")


def zone_named(name: str) -> tzinfo | None:
    """The zone a name from the text stands for: an abbreviation ("CET"), a regional name ("ET"),
    an offset ("UTC+2", "+05:30") or an IANA name ("Europe/Paris"); None when unknown, which
    exporters treat as no zone at all (a floating local time) rather than guess."""
    key = name.strip().upper().replace(".", "")
    if key in FIXED_HOURS:
        hours = FIXED_HOURS[key]
        return UTC if hours == 0 else timezone(timedelta(hours=hours), key)
    if key in REGIONAL:
        return ZoneInfo(REGIONAL[key])
    offset = _OFFSET.match(key)
    if offset:
        delta = timedelta(hours=int(offset["h"]), minutes=int(offset["m"] or 0))
        if delta >= timedelta(hours=15):
            return None
        return timezone(-delta if offset["sign"] != "+" else delta)
    if "/" in name:
        try:
            return ZoneInfo(name.strip())
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None


def to_utc(wall: datetime, zone: tzinfo) -> datetime:
    """The UTC moment of a wall-clock time in `zone` (regional zones give the day's offset)."""
    return wall.replace(tzinfo=zone).astimezone(UTC)


def offset_label(day: date, zone: tzinfo) -> str:
    """ "UTC+01:00" for a zone's offset on `day` (for values that carry only an offset)."""
    delta = datetime.combine(day, datetime.min.time(), zone).utcoffset() or timedelta()
    sign = "-" if delta < timedelta() else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
