"""The `html` exporter: one self-contained page to explore a timeline on a zoomable time axis.

Everything is inline (stylesheet and script in `html_assets`, written for this page) and a
Content-Security-Policy with `default-src 'none'` forbids any network request, so the file works
offline and from e-mail attachments. Python renders the content: a heading, the sources in a
collapsible list (each linked to its URL), the filter form and one card per event in date order
with its sentence, participants, sources and reporters. Each card carries the numbers the script
needs (`data-from`/`data-to` as day ordinals, status, participants, sources); the script draws
the time axis from them (zoom and pan by mouse, touch and keyboard; stacked lanes, and a count
for what does not fit, which zooms in when activated), and runs search and filters. Without the
script every event is still listed. All article text is HTML-escaped, and the script only ever
sets `textContent`: a headline holding `<script>` is shown as text.

A purpose-built axis rather than vis-timeline: vis's standalone build is 549 kB minified (this
page's script is about 19 kB), and its items are not keyboard-focusable (BENCHMARKS.md).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable
from datetime import date

from timeline.exporters.base import Exporter, ExportOptions, selected_events, timeline_title
from timeline.exporters.dates import clock_time, iso_utc, precision_label
from timeline.exporters.html_assets import SCRIPT, STYLE
from timeline.exporters.markup import line, safe_url, source, text
from timeline.exporters.text import clean_line
from timeline.models import DocumentInfo, Event, Granularity, Status, Timeline


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _sha256(value: str) -> str:
    return base64.b64encode(hashlib.sha256(value.encode("utf-8")).digest()).decode("ascii")


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


def _is_point(event: Event) -> bool:
    """A single day or a moment: drawn as a dot; anything longer is a bar over its whole span."""
    return event.date.start == event.date.end


def _participants(event: Event) -> list[str]:
    return [p for p in (clean_line(p) for p in event.participants) if p]


def _names(value: object) -> list[str]:
    """Names from a `reported_by` value of any plausible shape (a string, names, or objects with a name)."""
    if value is None:
        return []
    items: Iterable[object] = (
        [value] if isinstance(value, str | dict) else value if isinstance(value, Iterable) else []
    )
    names = []
    for item in items:
        name = (
            item.get("name")
            if isinstance(item, dict)
            else item
            if isinstance(item, str)
            else getattr(item, "name", None)
        )
        if isinstance(name, str) and clean_line(name):
            names.append(clean_line(name))
    return list(dict.fromkeys(names))


def _reporters(event: Event) -> list[str]:
    # `reported_by` (who the article says told it) is not in every version of the model: read it
    # if the event has it.
    return _names(getattr(event, "reported_by", None))


def _document_numbers(event: Event, numbers: dict[str, int]) -> list[int]:
    ids = dict.fromkeys(m.document_id for m in event.mentions)
    return [numbers[i] for i in ids if i in numbers]


def _card(number: int, event: Event, documents: tuple[DocumentInfo, ...], numbers: dict[str, int]) -> str:
    value = event.date
    when = line(precision_label(value))
    own = _document_numbers(event, numbers)
    data = [
        f'data-event-id="{_attr(event.id)}"',
        f'data-status="{event.status.value}"',
        f'data-participants="{_attr(json.dumps(_participants(event), ensure_ascii=False))}"',
        f'data-sources="{" ".join(f"s{n}" for n in own)}"',
    ]
    if value.start is not None and value.end is not None:
        data[:0] = [
            f'data-start="{value.start.isoformat()}"',
            f'data-from="{value.start.toordinal()}"',
            f'data-to="{value.end.toordinal() + 1}"',
            f'data-kind="{"point" if _is_point(event) else "range"}"',
        ]
        time = f'<time datetime="{_html_datetime(event)}">{when}</time>'
    else:
        time = f"<span>{when}</span>"
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
    if own:
        label = "Source" if len(own) == 1 else f"Sources ({len(own)})"
        rows.append((label, "<br>".join(source(documents[n - 1]) for n in own)))
    reporters = _reporters(event)
    if reporters:
        rows.append(("Reported by", "; ".join(html.escape(r) for r in reporters)))
    details = "".join(f"<dt>{name}</dt><dd>{content}</dd>" for name, content in rows)
    negated = " negated" if event.negated else ""
    return (
        f'<li class="event status-{event.status.value}{negated}" id="e{number}" {" ".join(data)}>'
        f"<details><summary>"
        f'<span class="num">{number}</span> <span class="when">{time}</span> '
        f'<span class="headline">{line(event.title)}</span> {badges}</summary>'
        f'<div class="body"><blockquote>{text(event.sentence)}</blockquote><dl>{details}</dl></div>'
        "</details></li>"
    )


def _sources(documents: tuple[DocumentInfo, ...]) -> str:
    if not documents:
        return ""
    noun = "source" if len(documents) == 1 else "sources"
    items = "".join(f'<li id="s{n}">{source(info)}</li>' for n, info in enumerate(documents, 1))
    linked = sum(safe_url(info.url) is not None for info in documents)
    note = f", {linked} linked" if linked else ""
    return (
        f'<details class="sources"><summary>{len(documents)} {noun}{note}</summary>'
        f'<ol class="source-list">{items}</ol></details>'
    )


def _filters(events: list[Event], documents: tuple[DocumentInfo, ...]) -> str:
    present = {e.status for e in events}
    boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s.value}" checked> {s.value}</label>'
        for s in Status
        if s in present
    )
    people = sorted({p for e in events for p in _participants(e)}, key=lambda p: (p.casefold(), p))
    who = "".join(f'<option value="{_attr(p)}">{html.escape(p)}</option>' for p in people)
    where = "".join(
        f'<option value="s{n}">{line(info.title or info.id)}</option>' for n, info in enumerate(documents, 1)
    )
    source_filter = (
        f'<label>Source <select name="source"><option value="">any source</option>{where}</select></label>'
        if len(documents) > 1
        else ""
    )
    return (
        '<form id="filters" role="search" aria-label="Find events" hidden>'
        '<label class="search">Search <input type="search" name="q" autocomplete="off" '
        'placeholder="words in the title or sentence"></label>'
        f"<fieldset><legend>Status</legend>{boxes}</fieldset>"
        f'<label>Participant <select name="participant"><option value="">anyone</option>{who}'
        f"</select></label>{source_filter}"
        '<output id="shown" aria-live="polite"></output></form>'
    )


# The axis is drawn by the script; without it this section stays hidden and the list shows all.
AXIS = (
    '<section id="axis" class="axis" aria-labelledby="axis-heading" hidden>'
    '<div class="axis-head"><h2 id="axis-heading">Time axis</h2>'
    '<div class="tools" role="toolbar" aria-label="Move and zoom the time axis" aria-controls="viewport">'
    '<button type="button" data-act="earlier" aria-label="Earlier">&larr;</button>'
    '<button type="button" data-act="out" aria-label="Zoom out">&minus;</button>'
    '<button type="button" data-act="in" aria-label="Zoom in">+</button>'
    '<button type="button" data-act="later" aria-label="Later">&rarr;</button>'
    '<button type="button" data-act="all">Show all</button></div>'
    '<output id="range" aria-live="polite"></output></div>'
    '<div id="viewport" class="viewport" tabindex="0" role="group" aria-roledescription="time axis" '
    'aria-label="Events on the time axis" aria-describedby="axis-help">'
    '<div class="ticks" aria-hidden="true"></div><div class="lanes"></div></div>'
    '<p id="axis-help" class="help">Drag, swipe or use the arrow keys to move in time; + and &minus;, '
    "Ctrl + wheel or a pinch to zoom; 0 shows everything. A number (+12) stands for events too close "
    "to draw apart: select it to zoom in or list them.</p>"
    '<section id="detail" class="detail" aria-labelledby="detail-heading" hidden>'
    '<div class="detail-head"><h3 id="detail-heading" tabindex="-1"></h3>'
    '<button type="button" data-act="close">Close</button></div>'
    '<div class="detail-body"></div></section></section>'
)


def _csp() -> str:
    # No style attributes in the markup (the script positions through the CSSOM, which CSP
    # allows), so the one stylesheet and the one script are both allowed by hash; nothing may
    # be fetched.
    return (
        f"default-src 'none'; style-src 'sha256-{_sha256(STYLE)}'; "
        f"script-src 'sha256-{_sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'"
    )


def _summary(events: list[Event], documents: tuple[DocumentInfo, ...], as_of: date | None = None) -> str:
    noun = "event" if len(events) == 1 else "events"
    spans = [(e.date.start, e.date.end) for e in events if e.date.start and e.date.end]
    span = ""
    if spans:
        first, last = min(s for s, _ in spans).year, max(e for _, e in spans).year
        span = f", {first}" if first == last else f", {first} to {last}"
    dated = sum(1 for e in events if e.date.start and e.date.end)
    undated = f" ({len(events) - dated} not dated)" if dated < len(events) else ""
    # Past / ongoing / upcoming mean "as of" one date for the whole story: say which.
    now = f"; statuses as of {as_of.isoformat()}" if as_of is not None else ""
    return f'<p class="summary">{len(events)} {noun}{undated}{span}{now}</p>'


class HtmlExporter(Exporter):
    """A self-contained HTML page: time axis, event list, search and filters (see the module docstring)."""

    name = "html"
    extension = "html"
    media_type = "text/html; charset=utf-8"
    description = "one self-contained, offline HTML page to explore the timeline on a zoomable time axis"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        documents = timeline.documents
        numbers = {info.id: n for n, info in enumerate(documents, 1)}
        events = list(selected_events(timeline, options))
        numbered = list(enumerate(events, 1))
        dated = [(n, e) for n, e in numbered if e.date.start is not None and e.date.end is not None]
        undated = [(n, e) for n, e in numbered if e.date.start is None or e.date.end is None]
        title = line(timeline_title(timeline, options))
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="timeline">',
            f"<title>{title}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>{title}</h1>",
            _summary(events, documents, timeline.as_of),
            _sources(documents),
            _filters(events, documents),
        ]
        if dated:
            parts.append(AXIS)
            parts.append('<h2 id="events-heading">Events</h2>')
            parts.append('<ol class="events" aria-labelledby="events-heading">')
            parts.extend(_card(n, e, documents, numbers) for n, e in dated)
            parts.append("</ol>")
        if undated:
            parts.append('<h2 id="undated-heading">Not on the axis: date unresolved (no reference date)</h2>')
            parts.append('<ol class="events undated" aria-labelledby="undated-heading">')
            parts.extend(_card(n, e, documents, numbers) for n, e in undated)
            parts.append("</ol>")
        parts += [f"<script>{SCRIPT}</script>", "</main>", "</body>", "</html>", ""]
        return "\n".join(parts).encode("utf-8")
