"""The exporter registry: names, lookup, errors, lazy imports, determinism of every format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import exporters
from timeline.errors import OptionError
from timeline.exporters import Exporter, ExportOptions
from timeline.models import Timeline

ROOT = Path(__file__).resolve().parents[2]


def test_builtin_formats_are_registered_in_order() -> None:
    assert exporters.names()[:3] == ["json", "csv", "ics"]


@pytest.mark.parametrize("name", exporters.names())
def test_every_exporter_describes_itself(name: str) -> None:
    exporter = exporters.get(name)
    assert isinstance(exporter, Exporter)
    assert exporter.name == name
    assert exporter.extension and not exporter.extension.startswith(".")
    assert "/" in exporter.media_type
    assert exporter.description
    assert exporters.get(name) is exporter  # instantiated once


def test_extensions_are_unique() -> None:
    # Files of one run share a base name: two formats with one extension would overwrite each other.
    extensions = [exporters.get(name).extension for name in exporters.names()]
    assert len(set(extensions)) == len(extensions)


def test_unknown_format_is_a_user_error_listing_the_choices() -> None:
    with pytest.raises(OptionError, match="unknown format 'pdf'; choose from json, csv, ics, "):
        exporters.get("pdf")


def test_register_adds_a_format() -> None:
    class Upper(Exporter):
        name = "test-upper"
        extension = "txt"
        media_type = "text/plain"
        description = "titles in capitals"

        def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
            return "\n".join(e.title.upper() for e in timeline.events).encode()

    exporters.register("test-upper", Upper)
    try:
        assert "test-upper" in exporters.names()
        assert exporters.get("test-upper").extension == "txt"
    finally:
        exporters._factories.pop("test-upper")
        exporters._instances.pop("test-upper", None)


def _run(code: str, **env: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_registry_imports_no_heavy_library() -> None:
    # `timeline --help` lists the formats; that must not load icalendar or any exporter module.
    out = _run(
        "import sys, timeline.exporters as x; x.names(); x.get('ics'); "
        "print(sorted(m for m in sys.modules if m.startswith(('icalendar', 'ical.'))))"
    )
    assert out.strip() == "[]"


def test_output_does_not_depend_on_hash_seed() -> None:
    code = (
        "import sys, hashlib; sys.path.insert(0, 'tests/exporters'); "
        "from exporter_fixture import build_timeline; "
        "import timeline.exporters as x; t = build_timeline(); "
        "print(*(n + ':' + hashlib.sha256(x.get(n).export(t, x.ExportOptions())).hexdigest() "
        "for n in x.names()))"
    )
    assert _run(code, PYTHONHASHSEED="1") == _run(code, PYTHONHASHSEED="4242")


@pytest.mark.parametrize("name", exporters.names())
def test_same_input_gives_same_bytes(name: str, timeline: Timeline) -> None:
    exporter = exporters.get(name)
    rebuilt = Timeline.model_validate_json(timeline.model_dump_json())
    assert exporter.export(timeline, ExportOptions()) == exporter.export(rebuilt, ExportOptions())


@pytest.mark.parametrize("name", exporters.names())
def test_empty_timeline_exports(name: str) -> None:
    data = exporters.get(name).export(Timeline(documents=(), events=()), ExportOptions())
    # One line per event: no events is the empty file; every other format still has a frame.
    assert (data == b"") if name == "jsonl" else data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("dtstamp", "2017-02-10T00:00:00"),  # naive: ambiguous
        ("uid_domain", "bad domain"),
        ("uid_domain", "x@y"),
        ("csv_delimiter", "|"),
        ("min_confidence", 1.5),
        ("timed_event_minutes", 0),
    ],
)
def test_options_are_validated(field: str, value: object) -> None:
    with pytest.raises(ValueError):
        ExportOptions.model_validate({field: value})


@pytest.mark.parametrize(
    ("options", "kept"),
    [
        (ExportOptions(), 8),
        (ExportOptions(include_negated=False), 7),
        (ExportOptions(min_confidence=0.7), 7),
        (ExportOptions(min_confidence=0.8, include_negated=False), 6),
    ],
)
def test_filters_apply_to_json(timeline: Timeline, options: ExportOptions, kept: int) -> None:
    exported = Timeline.model_validate_json(exporters.get("json").export(timeline, options))
    assert len(exported.events) == kept
