"""Reading inputs: decoding, sidecar metadata, the reference-date cascade."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import InputError, OptionError
from timeline.models import ReferenceSource
from timeline.reading import parse_date_option, read_inputs, resolve_reference
from timeline.reading.decoding import decode_text, looks_binary


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2017-02-10", date(2017, 2, 10)), (" 2024-02-29 ", date(2024, 2, 29))],
)
def test_ref_date_accepts_iso_days(text: str, expected: date) -> None:
    assert parse_date_option(text) == expected


@pytest.mark.parametrize("text", ["10/02/2017", "2017-02", "2017-02-30", "2017-13-01", "tomorrow", ""])
def test_ref_date_rejects_everything_else(text: str) -> None:
    with pytest.raises(OptionError, match="--ref-date"):
        parse_date_option(text)


@pytest.mark.parametrize(
    ("explicit", "metadata", "html", "expected"),
    [
        (date(2020, 1, 1), date(2017, 2, 10), date(2016, 1, 1), (date(2020, 1, 1), ReferenceSource.CLI)),
        (None, date(2017, 2, 10), date(2016, 1, 1), (date(2017, 2, 10), ReferenceSource.METADATA)),
        (None, None, date(2016, 1, 1), (date(2016, 1, 1), ReferenceSource.HTML_METADATA)),
        (None, None, None, (None, ReferenceSource.NONE)),
    ],
)
def test_cascade_takes_the_first_available(
    explicit: date | None, metadata: date | None, html: date | None, expected: tuple[date | None, str]
) -> None:
    assert resolve_reference(explicit, metadata, html) == expected


@pytest.mark.parametrize(
    ("data", "binary"),
    [(b"plain text\n", False), (b"\x00\x01\x02ELF", True), (bytes(range(1, 32)) * 10, True), (b"", False)],
)
def test_binary_sniffing(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_decoding_strips_bom_and_reports_bad_bytes() -> None:
    assert decode_text("\ufeffcafé".encode(), "x") == "café"
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xe9 at offset 3\).*--encoding"):
        decode_text("café".encode("cp1252"), "x")
    assert decode_text("café".encode("cp1252"), "x", encoding="cp1252") == "café"
    with pytest.raises(InputError, match="unknown encoding"):
        decode_text(b"x", "x", encoding="no-such-codec")


def _article(tmp_path: Path, name: str, text: str, meta: dict[str, str] | None = None) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_sidecar_supplies_metadata_and_reference(tmp_path: Path) -> None:
    meta = {"title": "T", "publisher": "P", "published": "2017-02-10T23:30:00-05:00", "language": "en"}
    path = _article(tmp_path, "a", "Text on Friday.", meta)
    (doc,), _ = read_inputs([str(path)])
    assert doc.info.id == "a"
    assert (doc.info.title, doc.info.publisher) == ("T", "P")
    # The local publication day is the article's "today", whatever its UTC offset.
    assert doc.info.reference_date == date(2017, 2, 10)
    assert doc.info.reference_source is ReferenceSource.METADATA
    (doc,), _ = read_inputs([str(path)], ref_date=date(2020, 5, 5))
    assert (doc.info.reference_date, doc.info.reference_source) == (date(2020, 5, 5), ReferenceSource.CLI)


def test_directories_are_read_recursively_in_order_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _article(tmp_path, "b", "Second.")
    _article(tmp_path / "sub", "b", "Nested.")
    _article(tmp_path, "a", "First.")
    (tmp_path / "notes.json").write_text("{}")
    docs, _ = read_inputs([str(tmp_path)])
    assert [d.info.id for d in docs] == ["a", "b", "b-2"]
    assert [d.text for d in docs] == ["First.", "Second.", "Nested."]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: _article(p, "empty", "  \n"), "empty file"),
        (lambda p: (p / "bin.txt", (p / "bin.txt").write_bytes(b"\x00\x01"))[0], "binary"),
        (lambda p: (p / "d").mkdir() or p / "d", "no articles"),
        (
            lambda p: _article(p, "m", "x") if (p / "m.meta.json").write_text("{not json") else p,
            "unreadable metadata",
        ),
        (lambda p: _article(p, "d2", "x", {"published": "Feb 10"}), "not ISO 8601"),
    ],
)
def test_bad_inputs_raise_one_line_errors(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    path = setup(tmp_path)
    with pytest.raises(InputError, match=message) as info:
        read_inputs([str(path)])
    assert "\n" not in str(info.value)


def test_stdin_is_read_once_as_a_document() -> None:
    docs, _ = read_inputs(["-"], ref_date=date(2017, 2, 10), read_stdin=lambda: b"Hello today.")
    assert [(d.info.id, d.text, d.info.reference_date) for d in docs] == [
        ("stdin", "Hello today.", date(2017, 2, 10))
    ]


@given(st.lists(st.text(max_size=6), max_size=300))
def test_the_compact_id_set_answers_exactly_as_a_set(words: list[str]) -> None:
    from timeline.reading.sources import IdSet

    expected: set[str] = set()
    compact = IdSet()
    for word in words:
        assert (word in compact) == (word in expected)
        compact.add(word)
        expected.add(word)
    assert len(compact) == len(expected)
    assert all(word in compact for word in expected)


def test_unique_ids_number_repeats_and_never_reuse_a_given_id() -> None:
    from timeline.reading.sources import ReadContext

    ctx = ReadContext()
    given_out = [ctx.unique_id(stem) for stem in ["a", "a", "a-2", "a", "b", "\ud800", "\ud800"]]
    assert given_out == ["a", "a-2", "a-2-2", "a-3", "b", "\ud800", "\ud800-2"]
    many = [ctx.unique_id(f"d{n % 700}") for n in range(3000)]  # several index growths
    assert len(set(many)) == len(many) and not set(many) & set(given_out)
