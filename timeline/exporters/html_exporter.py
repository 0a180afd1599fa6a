"""The `html` exporter: one self-contained page showing the timeline on a time axis.

Everything is inline (the stylesheet and script in `html_assets`, written for this page), and a
Content-Security-Policy with `default-src 'none'` forbids any network request, so the file
works offline and from e-mail attachments. The page is rendered here, in Python: events are
placed on the axis by their start and end (a week, month or year is a bar over its whole span;
a day or clock time is a dot), packed into lanes so they never overlap, and listed below in
date order with their precision, status, participants and source sentence (shown on click, and
on hover as a tooltip). The script only adds filtering by status and participant and opens
the event a marker links to; without it the page still shows everything. All article text is
HTML-escaped: a headline holding `<script>` is displayed as text. Unresolved dates are listed
apart, under the axis they cannot be placed on.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from datetime import date

from timeline.exporters.base import Exporter, ExportOptions, selected_events, timeline_title
from timeline.exporters.dates import MONTHS, clock_time, iso_utc, precision_label
from timeline.exporters.html_assets import SCRIPT, STYLE
from timeline.exporters.markup import event_documents, line, source, text
from timeline.exporters.text import clean_line
from timeline.models import DocumentInfo, Event, Granularity, Status, Timeline

# Axis geometry, in percent of the axis width: the room a dot or a short bar takes, so that lane
# packing keeps labels apart, and the margin left at both ends.
MIN_MARKER_WIDTH = 2.0
MARKER_GAP = 0.5
LANE_HEIGHT_REM = 1.9
MAX_TICKS = 12
MAX_LANES = 12
LABELLED_BAR_WIDTH = 8.0


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


@dataclass(frozen=True)
class Placed:
    number: int
    event: Event
    left: float
    width: float  # 0 for a dot
    lane: int


@dataclass(frozen=True)
class Axis:
    """The drawn interval as day ordinals (may reach past date.min/date.max: it is only arithmetic)."""

    first: int
    last: int  # exclusive

    @property
    def days(self) -> int:
        return max(self.last - self.first, 1)

    def at(self, ordinal: int) -> float:
        return (ordinal - self.first) / self.days * 100


def _axis(events: list[Event]) -> Axis:
    first = min(e.date.start.toordinal() for e in events if e.date.start is not None)
    last = max(e.date.end.toordinal() for e in events if e.date.end is not None) + 1
    margin = max(1, (last - first) // 25)  # keeps edge dots inside the box
    return Axis(first - margin, last + margin)


def _is_dot(event: Event) -> bool:
    value = event.date
    return clock_time(value) is not None or (
        value.start == value.end and value.granularity in (Granularity.DAY, Granularity.PART_OF_DAY)
    )


def _place(numbered: list[tuple[int, Event]], axis: Axis) -> list[Placed]:
    """Greedy lane packing in date order; past MAX_LANES, markers share the lane freed first."""
    lane_ends: list[float] = []
    placed = []
    for number, event in numbered:
        start, end = event.date.start, event.date.end
        assert start is not None and end is not None  # only resolved events reach the axis
        left = axis.at(start.toordinal())
        width = 0.0 if _is_dot(event) else axis.at(end.toordinal() + 1) - left
        # A dot is centred on its day; a bar starts there. Either occupies at least the minimum.
        occupied_from = left - MIN_MARKER_WIDTH / 2 if width == 0 else left
        occupied_to = occupied_from + max(width, MIN_MARKER_WIDTH) + MARKER_GAP
        lane = next((i for i, end_at in enumerate(lane_ends) if end_at <= occupied_from), len(lane_ends))
        if lane == MAX_LANES:  # thousands of same-day events must not make a page miles high
            lane = min(range(MAX_LANES), key=lane_ends.__getitem__)
        if lane == len(lane_ends):
            lane_ends.append(occupied_to)
        else:
            lane_ends[lane] = occupied_to
        placed.append(Placed(number, event, left, width, lane))
    return placed


def _ticks(axis: Axis) -> list[tuple[int, str]]:
    """Tick ordinals and labels: years, months or days, whichever gives at most MAX_TICKS."""
    low = date.fromordinal(max(axis.first, 1))
    high = date.fromordinal(min(axis.last, date.max.toordinal()))
    years = range(low.year + (low != date(low.year, 1, 1)), high.year + 1)
    if len(years) >= 3:
        step = -(-len(years) // MAX_TICKS)
        return [(date(y, 1, 1).toordinal(), str(y)) for y in years if y % step == 0]
    months = [
        date(y, m, 1)
        for y in range(low.year, high.year + 1)
        for m in range(1, 13)
        if low <= date(y, m, 1) < high
    ]
    if len(months) >= 3:
        step = next(s for s in (1, 2, 3, 6, 12) if len(months) / s <= MAX_TICKS)
        return [
            (d.toordinal(), f"{MONTHS[d.month - 1][:3]} {d.year}")
            for d in months
            if (d.month - 1) % step == 0
        ]
    step = -(-(high.toordinal() - low.toordinal()) // MAX_TICKS) or 1
    days = [date.fromordinal(n) for n in range(low.toordinal(), high.toordinal(), step)]
    return [(d.toordinal(), f"{d.day} {MONTHS[d.month - 1][:3]}") for d in days]


def _html_datetime(event: Event) -> str:
    """The `datetime` attribute of <time>: HTML accepts years, months, weeks, days and moments."""
    value = event.date
    start = value.start
    assert start is not None
    moment = clock_time(value)
    if moment is not None:
        return iso_utc(moment)
    if value.granularity is Granularity.YEAR and value.start == date(start.year, 1, 1):
        return f"{start.year:04d}"
    if value.granularity is Granularity.MONTH and start.day == 1:
        return f"{start.year:04d}-{start.month:02d}"
    if value.granularity is Granularity.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return start.isoformat()


def _participants(event: Event) -> list[str]:
    return [p for p in (clean_line(p) for p in event.participants) if p]


def _filter_attrs(event: Event) -> str:
    people = json.dumps(_participants(event), ensure_ascii=False)
    return f'data-status="{event.status.value}" data-participants="{_attr(people)}"'


def _marker(item: Placed) -> str:
    event = item.event
    kind = "point" if item.width == 0 else "range"
    classes = f"marker {kind} filterable status-{event.status.value}" + (" negated" if event.negated else "")
    style = f"left:{item.left:.4f}%;top:{item.lane * LANE_HEIGHT_REM:.2f}rem"
    if item.width:
        style += f";width:{item.width:.4f}%"
    tooltip = f"{clean_line(event.title)} — {precision_label(event.date)}\n\n{clean_line(event.sentence)}"
    # A bar wide enough for words carries the title; dots and short bars carry the event number.
    label = (
        f'<span class="label">{item.number}. {line(event.title)}</span>'
        if item.width >= LABELLED_BAR_WIDTH
        else str(item.number)
    )
    return (
        f'<a class="{classes}" href="#e{item.number}" style="{style}" title="{_attr(tooltip)}" '
        f"{_filter_attrs(event)}>{label}</a>"
    )


def _card(number: int, event: Event, documents: dict[str, DocumentInfo]) -> str:
    value = event.date
    when = line(precision_label(value))
    start = f' data-start="{value.start.isoformat()}"' if value.start else ""
    time = (
        f'<time datetime="{_html_datetime(event)}">{when}</time>' if value.start else f"<span>{when}</span>"
    )
    badges = f'<span class="badge status">{event.status.value}</span>'
    if event.negated:
        badges += ' <span class="badge negated" title="the text says this did not happen">negated</span>'
    rows = []
    people = _participants(event)
    if people:
        rows.append(("Who", "; ".join(html.escape(p) for p in people)))
    if event.place and clean_line(event.place):
        rows.append(("Where", line(event.place)))
    mentions = "; ".join(f"“{line(m.text)}”" for m in event.mentions)
    rows.append(("Date said as", f"{mentions} <small>(TimeML {line(value.value)})</small>"))
    sources = [source(info) for info in event_documents(event, documents)]
    if sources:
        rows.append(("Source", "<br>".join(sources)))
    details = "".join(f"<dt>{name}</dt><dd>{content}</dd>" for name, content in rows)
    return (
        f'<li class="event filterable status-{event.status.value}" id="e{number}"{start} '
        f'data-event-id="{_attr(event.id)}" {_filter_attrs(event)}>'
        f'<details><summary title="{_attr(clean_line(event.sentence))}">'
        f'<span class="num">{number}</span> <span class="when">{time}</span> '
        f'<span class="headline">{line(event.title)}</span> {badges}</summary>'
        f'<div class="body"><blockquote>{text(event.sentence)}</blockquote><dl>{details}</dl></div>'
        "</details></li>"
    )


def _filters(events: list[Event]) -> str:
    present = {e.status for e in events}
    boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s.value}" checked> {s.value}</label>'
        for s in Status
        if s in present
    )
    people = sorted({p for e in events for p in _participants(e)}, key=lambda p: (p.casefold(), p))
    options = "".join(f'<option value="{_attr(p)}">{html.escape(p)}</option>' for p in people)
    return (
        '<form id="filters" hidden><fieldset><legend>Status</legend>'
        f"{boxes}</fieldset>"
        f'<label>Participant <select name="participant"><option value="">anyone</option>{options}'
        '</select></label><output id="shown"></output></form>'
    )


def _axis_html(placed: list[Placed], axis: Axis) -> str:
    ticks = "".join(
        f'<div class="tick" style="left:{axis.at(day):.4f}%">{label}</div>' for day, label in _ticks(axis)
    )
    lanes = max(p.lane for p in placed) + 1
    markers = "".join(_marker(p) for p in placed)
    return (
        f'<section class="axis" aria-label="Time axis"><div class="ticks">{ticks}</div>'
        f'<div class="lanes" style="height:{lanes * LANE_HEIGHT_REM:.2f}rem">{markers}</div></section>'
    )


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    # Style attributes carry the computed positions, hence 'unsafe-inline' for styles only; the
    # one script is allowed by its hash; nothing may be fetched.
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
        "base-uri 'none'; form-action 'none'"
    )


class HtmlExporter(Exporter):
    """A self-contained HTML page: time axis, event list, filters (see the module docstring)."""

    name = "html"
    extension = "html"
    media_type = "text/html; charset=utf-8"
    description = "one self-contained, offline HTML page with the timeline on a time axis"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        documents = {info.id: info for info in timeline.documents}
        events = list(selected_events(timeline, options))
        numbered = list(enumerate(events, 1))
        dated = [(n, e) for n, e in numbered if e.date.start is not None and e.date.end is not None]
        undated = [(n, e) for n, e in numbered if e.date.start is None or e.date.end is None]
        title = line(timeline_title(timeline, options))
        noun = "event" if len(events) == 1 else "events"
        sources = "; ".join(source(info) for info in timeline.documents)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="timeline">',
            f"<title>{title}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>{title}</h1>",
            f'<p class="sources">{len(events)} {noun}' + (f" from {sources}" if sources else "") + "</p>",
            _filters(events),
        ]
        if dated:
            axis = _axis([e for _, e in dated])
            parts.append(_axis_html(_place(dated, axis), axis))
            parts.append('<ol class="events">')
            parts.extend(_card(n, e, documents) for n, e in dated)
            parts.append("</ol>")
        if undated:
            parts.append("<h2>Not on the axis: date unresolved (no reference date)</h2>")
            parts.append('<ol class="events undated">')
            parts.extend(_card(n, e, documents) for n, e in undated)
            parts.append("</ol>")
        parts += [f"<script>{SCRIPT}</script>", "</main>", "</body>", "</html>", ""]
        return "\n".join(parts).encode("utf-8")
