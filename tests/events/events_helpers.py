"""Hand-built timexes for event-layer tests, located by their text (the tagger is not needed)."""

from __future__ import annotations

from datetime import date

from timeline.models import (
    Anchoring,
    Document,
    DocumentInfo,
    Granularity,
    ReferenceSource,
    TimeValue,
    Timex,
    TimexType,
)


def time_value(
    value: str, granularity: str, start: date | None, end: date | None, explicit: bool = False
) -> TimeValue:
    anchoring = Anchoring.EXPLICIT if explicit else Anchoring.REFERENCE_DATE
    if start is None:
        anchoring = Anchoring.UNRESOLVED
    return TimeValue(
        value=value, granularity=Granularity(granularity), start=start, end=end, anchoring=anchoring
    )


def timex_at(
    text: str,
    surface: str,
    value: str,
    granularity: str,
    start: date | None,
    end: date | None,
    occurrence: int = 0,
) -> Timex:
    """The timex for the `occurrence`-th appearance of `surface` in `text`."""
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(surface, position + 1)
    explicit = any(ch.isdigit() for ch in surface) and len(surface) > 4
    return Timex(
        start=position,
        end=position + len(surface),
        text=surface,
        type=TimexType.DATE,
        value=value,
        rule="test",
        time=time_value(value, granularity, start, end, explicit),
    )


def document(text: str, reference: date | None = date(2017, 2, 10), doc_id: str = "doc") -> Document:
    source = ReferenceSource.CLI if reference else ReferenceSource.NONE
    info = DocumentInfo(id=doc_id, reference_date=reference, reference_source=source)
    return Document(info=info, text=text)


# Calendar values against the reference date 2017-02-10 (a Friday, ISO week 6).
DAY = {
    "2014-10-22": (date(2014, 10, 22), date(2014, 10, 22)),
    "2017-01-27": (date(2017, 1, 27), date(2017, 1, 27)),
}
WEEK6 = ("2017-W06", "week", date(2017, 2, 6), date(2017, 2, 12))
WEEK7 = ("2017-W07", "week", date(2017, 2, 13), date(2017, 2, 19))
MONTH = ("2017-02", "month", date(2017, 2, 1), date(2017, 2, 28))
YEAR = ("2017", "year", date(2017, 1, 1), date(2017, 12, 31))


def seed_timexes(text: str) -> list[Timex]:
    """What a correct tagger finds in the seed (DATE expressions only)."""
    out = [
        timex_at(text, "Friday, Jan. 27, 2017", "2017-01-27", "day", *DAY["2017-01-27"]),
        timex_at(text, "this year", *YEAR, occurrence=0),
        timex_at(text, "this week", *WEEK6, occurrence=0),
        timex_at(text, "this year", *YEAR, occurrence=1),
        timex_at(text, "2017", *YEAR, occurrence=1),
        timex_at(text, "this month", *MONTH, occurrence=0),
        timex_at(text, "Oct. 22, 2014", "2014-10-22", "day", *DAY["2014-10-22"], occurrence=0),
        timex_at(text, "Oct. 22, 2014", "2014-10-22", "day", *DAY["2014-10-22"], occurrence=1),
        timex_at(text, "this week", *WEEK6, occurrence=1),
        timex_at(text, "this week", *WEEK6, occurrence=2),
        timex_at(text, "this month", *MONTH, occurrence=1),
        timex_at(text, "next week", *WEEK7, occurrence=0),
    ]
    return sorted(out, key=lambda t: t.start)


# Values of date expressions against the reference date 2017-02-10 (Friday, ISO week 6), so
# that tables of sentences can name their dates by text.
REFERENCE_VALUES: dict[str, tuple[str, str, date, date]] = {
    "today": ("2017-02-10", "day", date(2017, 2, 10), date(2017, 2, 10)),
    "Friday": ("2017-02-10", "day", date(2017, 2, 10), date(2017, 2, 10)),
    "yesterday": ("2017-02-09", "day", date(2017, 2, 9), date(2017, 2, 9)),
    "Thursday": ("2017-02-09", "day", date(2017, 2, 9), date(2017, 2, 9)),
    "Wednesday": ("2017-02-08", "day", date(2017, 2, 8), date(2017, 2, 8)),
    "Tuesday": ("2017-02-07", "day", date(2017, 2, 7), date(2017, 2, 7)),
    "Monday": ("2017-02-06", "day", date(2017, 2, 6), date(2017, 2, 6)),
    "tomorrow": ("2017-02-11", "day", date(2017, 2, 11), date(2017, 2, 11)),
    "Tuesday, Feb. 7, 2017": ("2017-02-07", "day", date(2017, 2, 7), date(2017, 2, 7)),
    "Oct. 22, 2014": ("2014-10-22", "day", date(2014, 10, 22), date(2014, 10, 22)),
    "March 3": ("2017-03-03", "day", date(2017, 3, 3), date(2017, 3, 3)),
    "this week": ("2017-W06", "week", date(2017, 2, 6), date(2017, 2, 12)),
    "last week": ("2017-W05", "week", date(2017, 1, 30), date(2017, 2, 5)),
    "next week": ("2017-W07", "week", date(2017, 2, 13), date(2017, 2, 19)),
    "this month": ("2017-02", "month", date(2017, 2, 1), date(2017, 2, 28)),
    "next month": ("2017-03", "month", date(2017, 3, 1), date(2017, 3, 31)),
    "this year": ("2017", "year", date(2017, 1, 1), date(2017, 12, 31)),
    "2017": ("2017", "year", date(2017, 1, 1), date(2017, 12, 31)),
    "last year": ("2016", "year", date(2016, 1, 1), date(2016, 12, 31)),
    "next year": ("2018", "year", date(2018, 1, 1), date(2018, 12, 31)),
    "2014": ("2014", "year", date(2014, 1, 1), date(2014, 12, 31)),
}


def dated(text: str, *surfaces: str) -> list[Timex]:
    """Timexes for the given date expressions of `text` (values from REFERENCE_VALUES).
    A surface may be given as "text#n" for its n-th occurrence."""
    out = []
    for surface in surfaces:
        name, _, nth = surface.partition("#")
        value, granularity, start, end = REFERENCE_VALUES[name]
        out.append(timex_at(text, name, value, granularity, start, end, int(nth or 0)))
    return out
