"""Resolving -o into destinations, and atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline.errors import OptionError, OutputError
from timeline.output import atomic_write, plan_outputs

EXT = {"json": "json", "csv": "csv", "ics": "ics", "timelinejs-csv": "csv"}
DEFAULT = ["json", "csv", "ics"]


@pytest.mark.parametrize(
    ("target", "formats", "expected"),
    [
        ("-", None, [("json", None)]),
        ("-", ["ics"], [("ics", None)]),
        ("out", None, [("json", "out/a.json"), ("csv", "out/a.csv"), ("ics", "out/a.ics")]),
        ("out/", ["csv"], [("csv", "out/a.csv")]),
        ("cal.ics", None, [("ics", "cal.ics")]),
        ("x.dat", ["json"], [("json", "x.dat")]),
        ("v1.2/", ["json"], [("json", "v1.2/a.json")]),
    ],
)
def test_plans(target: str, formats: list[str] | None, expected: list[tuple[str, str | None]]) -> None:
    plan = plan_outputs(target, formats, EXT, "a", DEFAULT)
    assert [(f, str(p) if p is not None else None) for f, p in plan] == expected


@pytest.mark.parametrize(
    ("target", "formats", "message"),
    [
        ("-", ["json", "csv"], "exactly one"),
        ("cal.ics", ["json", "ics"], "exactly one"),
        ("notes.txt", None, "unknown file extension"),
    ],
)
def test_bad_plans(target: str, formats: list[str] | None, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        plan_outputs(target, formats, EXT, "a", DEFAULT)


def test_a_directory_named_like_a_file_stays_a_directory(tmp_path: Path) -> None:
    (tmp_path / "cal.ics").mkdir()
    plan = plan_outputs(str(tmp_path / "cal.ics"), ["json"], EXT, "a", DEFAULT)
    assert plan == [("json", tmp_path / "cal.ics" / "a.json")]


def test_atomic_write_replaces_and_creates_parents(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["file.json"]


def test_atomic_write_reports_unwritable_places(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write(blocker / "sub" / "out.json", b"data")
