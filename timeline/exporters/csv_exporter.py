"""The `csv` exporter: one spreadsheet row per event, safe to open in Excel and LibreOffice."""

from __future__ import annotations

import csv
import io

from timeline.exporters.base import Exporter, ExportOptions, selected_events
from timeline.exporters.dates import clock_of, clock_time, known_parts, precision_label
from timeline.exporters.text import clean_text
from timeline.models import Event, Timeline

COLUMNS = (
    "id",
    "value",
    "granularity",
    "precision",
    "start",
    "end",
    "year",
    "month",
    "day",
    "time_utc",
    "mod",
    "anchoring",
    "status",
    "title",
    "trigger",
    "participants",
    "place",
    "negated",
    "confidence",
    "sentence",
    "document_ids",
    "mention_texts",
    "mention_offsets",
    "time",
    "time_zone",
    "as_of",
)
"""Column order of the CSV (a public contract: append new columns, never reorder)."""

# Several mentions share one cell; "; " reads naturally and never clashes with the delimiter
# because the csv module quotes cells that contain it.
JOIN = "; "

# A spreadsheet evaluates a cell that starts with one of these as a formula (CWE-1236): "=HYPERLINK"
# in a scraped headline would become a live link. TAB and CR/LF also open injection variants.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize(cell: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with ' (OWASP's advice).

    Leading spaces are looked through because some spreadsheets strip them before evaluating.
    """
    if cell.lstrip(" ").startswith(_FORMULA_STARTS) or cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def _row(event: Event, as_of: str) -> dict[str, str]:
    value = event.date
    year, month, day = known_parts(value)
    moment = clock_time(value)
    clock = clock_of(value) if moment is not None else None
    # time_utc only when the text names the zone: a zone-less "8 p.m." has no known UTC time.
    utc = moment.strftime("%H:%M:%S") if moment is not None and moment.tzinfo is not None else ""
    return {
        "id": event.id,
        "value": value.value,
        "granularity": value.granularity.value,
        "precision": precision_label(value),
        "start": value.start.isoformat() if value.start else "",
        "end": value.end.isoformat() if value.end else "",
        "year": str(year) if year is not None else "",
        "month": str(month) if month is not None else "",
        "day": str(day) if day is not None else "",
        "time_utc": utc,
        "mod": value.mod.value if value.mod else "",
        "anchoring": value.anchoring.value,
        "status": event.status.value,
        "title": event.title,
        "trigger": event.trigger,
        "participants": JOIN.join(event.participants),
        "place": event.place or "",
        "negated": "true" if event.negated else "false",
        "confidence": f"{event.confidence:.2f}",
        "sentence": event.sentence,
        "document_ids": JOIN.join(dict.fromkeys(m.document_id for m in event.mentions)),
        "mention_texts": JOIN.join(m.text for m in event.mentions),
        "mention_offsets": JOIN.join(f"{m.document_id}:{m.start}-{m.end}" for m in event.mentions),
        "time": clock.wall.strftime("%H:%M:%S") if clock else "",
        "time_zone": (clock.zone_name or "") if clock else "",
        "as_of": as_of,
    }


class CsvExporter(Exporter):
    """RFC 4180 CSV (CRLF, quoted where needed), UTF-8 with a BOM unless `csv_bom=False`.

    Dates come three ways: the TimeML value, ISO `start`/`end` of the span, and the separate
    year/month/day parts every day of the span shares (empty when not known: a month-only date
    has no day). A clock time is `time` as the text gives it, with `time_zone` when the text
    names one (empty: local time of the story), and `time_utc` only when that zone is known.
    `as_of` is the date the statuses are judged from. Line breaks inside cells are kept as LF
    within quotes, as Excel writes them.
    """

    name = "csv"
    extension = "csv"
    media_type = "text/csv; charset=utf-8; header=present"
    description = "one row per event for spreadsheets (Excel-safe: BOM, formula injection neutralized)"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter=options.csv_delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
        )
        writer.writerow(COLUMNS)
        as_of = timeline.as_of.isoformat() if timeline.as_of else ""
        for event in selected_events(timeline, options):
            row = _row(event, as_of)
            writer.writerow([neutralize(clean_text(row[column])) for column in COLUMNS])
        return buffer.getvalue().encode("utf-8-sig" if options.csv_bom else "utf-8")
