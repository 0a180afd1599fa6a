"""exports/ holds exactly what the README's main command produces from seeds/ today."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def test_exports_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the command is run from the repository root, as in the README
    result = CliRunner().invoke(app, ["extract", "seeds/", "-f", "all", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    fresh = {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir())}
    committed = {p.name: p.read_bytes() for p in sorted((ROOT / "exports").iterdir())}
    assert sorted(committed) == sorted(fresh), "exports/ lists other files than the command writes"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale exports {stale}: rerun the README's Quick-start command"


def test_the_seed_calendar_imports_cleanly() -> None:
    """The acceptance checks of the seed's .ics: two parsers, CRLF, 75-octet lines, all events."""
    from ical.calendar_stream import IcsCalendarStream
    from icalendar import Calendar

    data = (ROOT / "exports" / "voa-2017-02-10-italy-russia-libya.ics").read_bytes()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line and len(line) <= 75 for line in lines)
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 10
    for component in [calendar, *events]:
        assert not component.errors
    assert all(e["DTEND"].dt > e["DTSTART"].dt for e in events)
    assert len(IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events) == 10
