"""Hostile inputs through the CLI (issue 7, part 2): a one-line error with exit code 2, or a
documented, correct result. Output failures (unwritable path, full disk, Ctrl-C) are in
test_output_failures.py, hostile text in exports in test_hostile_exports.py."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from timeline import extract
from timeline.cli.app import app
from timeline.cli.common import EXIT_OK, EXIT_SKIPPED, EXIT_USAGE
from timeline.errors import InputError
from timeline.reading.decoding import decode_text
from timeline.temporal import annotate

REFERENCE = date(2017, 2, 10)
FUZZ = bool(os.environ.get("TIMELINE_FUZZ_EXAMPLES"))
ARTICLE = "“Talks on Feb. 3, 2017 failed,” said the café owner, who paid 5 € on Feb. 6, 2017."


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def assert_one_line_error(result: Result, *fragments: str) -> str:
    assert result.exit_code == EXIT_USAGE, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: error: "), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("name", "data", "fragments"),
    [
        ("empty.txt", b"", ["empty file"]),
        ("blank.txt", b" \n\r\n\t \n", ["empty file"]),
        ("bom-only.txt", b"\xef\xbb\xbf", ["empty file"]),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ["binary"]),
        ("elf.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, ["binary"]),
        ("invalid.txt", b"On Feb. 3, 2017 \xff\xfe\xfd happened.", ["not valid UTF-8", "--encoding"]),
        ("truncated.txt", "On Feb. 3, 2017 the café".encode()[:-1], ["not valid UTF-8", "offset 23"]),
        ("cp1252.txt", ARTICLE.encode("cp1252"), ["not valid UTF-8", "--encoding cp1252"]),
        ("latin1.txt", "Le 3 février 2017, à Paris.".encode("latin-1"), ["not valid UTF-8", "--encoding"]),
        ("utf16.txt", ARTICLE.encode("utf-16"), ["UTF-16", "--encoding utf-16"]),
        ("utf32.txt", ARTICLE.encode("utf-32"), ["UTF-32", "--encoding utf-32"]),
    ],
)
def test_unreadable_files_give_one_line_errors(
    tmp_path: Path, name: str, data: bytes, fragments: list[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(data)
    result = run(str(tmp_path / "in" / name), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, *fragments)
    assert not (tmp_path / "out").exists()  # nothing written


def test_binary_and_invalid_stdin_give_one_line_errors() -> None:
    assert_one_line_error(run("-", "-o", "-", stdin=b"\x00\x01\x02\x03binary"), "binary")
    assert_one_line_error(run("-", "-o", "-", stdin=b"caf\xe9 on Feb. 3, 2017"), "not valid UTF-8")
    assert_one_line_error(run("-", "-o", "-", stdin=b""), "empty input")


@pytest.mark.parametrize(
    ("codec", "data"),
    [
        ("cp1252", ARTICLE.encode("cp1252")),
        ("latin-1", ARTICLE.replace("“", '"').replace("”", '"').replace("€", "EUR").encode("latin-1")),
        ("utf-16", ARTICLE.encode("utf-16")),
    ],
)
def test_legacy_encodings_are_read_exactly_with_encoding(tmp_path: Path, codec: str, data: bytes) -> None:
    source = tmp_path / "legacy.txt"
    source.write_bytes(data)
    result = run(str(source), "--encoding", codec, "--ref-date", "2017-02-10", "-f", "json", "-o", "-")
    assert result.exit_code == EXIT_OK, result.output
    timeline = json.loads(result.stdout)
    sentences = " ".join(event["sentence"] for event in timeline["events"])
    # No mojibake: the text is the article's, character for character.
    assert "café" in sentences and "Ã" not in sentences
    if codec == "cp1252":
        assert "“Talks" in sentences and "5 €" in sentences
    assert [e["date"]["value"] for e in timeline["events"]] == ["2017-02-03", "2017-02-06"]


def test_ten_thousand_dates(tmp_path: Path) -> None:
    """Documented result: one event per distinct dated report, in date order, in seconds."""
    first = date(1990, 1, 1)
    days = [first + timedelta(days=i) for i in range(10_000)]
    lines = [f"On {d:%B} {d.day}, {d.year} the council met.\n" for d in days]
    source = tmp_path / "many.txt"
    source.write_text("".join(lines), encoding="utf-8")
    result = run(
        str(source),
        "--max-bytes",
        "200000000",
        "--ref-date",
        "2017-02-10",
        "-f",
        "json",
        "-o",
        str(tmp_path / "out.json"),
    )
    assert result.exit_code == EXIT_OK, result.output
    events = json.loads((tmp_path / "out.json").read_text())["events"]
    assert [e["date"]["value"] for e in events] == [d.isoformat() for d in days]
    assert len({e["id"] for e in events}) == 10_000


@pytest.mark.parametrize(
    ("text", "impossible"),
    [
        ("The accord was signed on Feb. 30, 2017 in Rome.", ["2017-02-30"]),
        ("The file is dated 2017-13-01 in the archive.", ["2017-13-01", "2017-13"]),
        ("They met on April 31, 2017 in Paris.", ["2017-04-31"]),
        ("It happened on Feb. 29, 2017 at noon.", ["2017-02-29"]),
        ("The form says 31/04/2017 and 2017-00-10.", ["2017-04-31", "2017-00-10", "2017-00"]),
        ("The clock showed 25:61 on the wall.", ["T25:61"]),
    ],
)
def test_impossible_dates_are_not_tagged_as_those_dates(text: str, impossible: list[str]) -> None:
    values = [t.value for t in annotate(text, REFERENCE)]
    values += [e.date.value for e in extract(text, reference_date=REFERENCE).events]
    for value in values:
        assert not any(bad in value for bad in impossible), (text, values)


@pytest.mark.parametrize(
    "text",
    ["Robots will rule in 99999, he said.", "In the year 123456789 nothing happened.", "in 10000 BC"],
)
def test_absurd_years_are_not_tagged(text: str) -> None:
    """Documented result: years of five or more digits are not dates (TimeML has four)."""
    timexes = annotate(text, REFERENCE)
    assert not [t for t in timexes if t.time is not None and t.time.resolved], timexes
    assert extract(text, reference_date=REFERENCE).events == ()


def test_calendar_edges_do_not_crash() -> None:
    """Relative dates that would leave the calendar (years 1 and 9999) stay within it."""
    for reference in (date(1, 1, 1), date(9999, 12, 31)):
        text = "Last year, yesterday, tomorrow, next decade, the next century and in two weeks it rained."
        for timex in annotate(text, reference):
            if timex.time is not None and timex.time.resolved:
                assert date(1, 1, 1) <= timex.time.start <= timex.time.end <= date(9999, 12, 31)  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        # Arabic and Hebrew around an English date; right-to-left and pop marks; zero-width joiners.
        "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 The minister resigned on Oct. 22, 2014. "
        "\u05d4\u05e9\u05e8 \u05d4\u05ea\u05e4\u05d8\u05e8",
        "\u202eThe minister resigned on Oct. 22, 2014.\u202c \u200d\u200c",
        "Министр ушёл в отставку. The minister resigned on Oct. 22, 2014. 部长于辞职。",
        # "minister" in mathematical bold letters, an emoji, combining accents.
        "The \U0001d426\U0001d422\U0001d427\U0001d422\U0001d42c\U0001d42d\U0001d41e\U0001d42b "
        "resigned 🎉 on Oct. 22, 2014 — e\u0301te\u0301.",
    ],
)
def test_right_to_left_and_mixed_scripts(text: str) -> None:
    """Documented result: the English date is found with offsets into the exact text."""
    timeline = extract(text, reference_date=REFERENCE)
    values = [e.date.value for e in timeline.events]
    assert values == ["2014-10-22"], values
    mention = timeline.events[0].mentions[0]
    assert text[mention.start : mention.end] == mention.text == "Oct. 22, 2014"


def test_a_directory_without_articles_and_a_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path), "-o", "-"), "no articles")
    assert_one_line_error(run(str(tmp_path / "missing.txt"), "-o", "-"), "no such file")


def test_bad_jsonl_lines_are_skipped_with_their_numbers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = {"id": "a", "text": "The council met on Feb. 3, 2017.", "published": "2017-02-10"}
    corpus.write_bytes(b"{not json\n" + json.dumps(good).encode() + b"\n[1, 2]\n\xff\xfe\n")
    result = run(str(corpus), "-f", "json", "-o", "-")
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert len(json.loads(result.stdout)["events"]) == 1
    for number in (1, 3, 4):
        assert f"corpus.jsonl:{number}: skipped bad line" in result.stderr
    assert "3 documents skipped" in result.stderr


@pytest.mark.stress
def test_hundred_megabyte_file(tmp_path: Path) -> None:
    """100 MB of news-like text (a dated sentence every few lines) completes, with every date.

    Stress only (TIMELINE_STRESS=1): it takes minutes; figures are in BENCHMARKS.md."""
    import time

    paragraph = (
        "The committee discussed the report and members asked many questions about the budget.\n"
        "Officials said the talks would continue, and the minister declined to comment further.\n"
    )
    source = tmp_path / "huge.txt"
    count = 0
    with source.open("w", encoding="utf-8") as handle:
        written = 0
        while written < 100 * 1024 * 1024:
            day = date(2000, 1, 1) + timedelta(days=count % 6000)
            chunk = paragraph * 4 + f"On {day:%B} {day.day}, {day.year} the council voted.\n"
            handle.write(chunk)
            written += len(chunk)
            count += 1
    began = time.perf_counter()
    result = run(
        str(source),
        "--max-bytes",
        "200000000",
        "--ref-date",
        "2017-02-10",
        "-f",
        "json",
        "-o",
        str(tmp_path / "out.json"),
    )
    seconds = time.perf_counter() - began
    assert result.exit_code == EXIT_OK, result.output
    events = json.loads((tmp_path / "out.json").read_text())["events"]
    print(
        f"\n100 MB: {source.stat().st_size} bytes, {count} dated sentences, "
        f"{len(events)} events, {seconds:.0f} s"
    )
    assert len(events) == min(count, 6000)
    os.unlink(source)


@pytest.mark.fuzz
@settings(parent=settings.get_profile("robustness-fuzz" if FUZZ else "robustness-ci"))
@given(
    data=st.binary(max_size=300) | st.text(max_size=100).map(lambda t: t.encode("utf-16")),
    encoding=st.sampled_from([None, "utf-8", "cp1252", "latin-1", "utf-16", "utf-32", "ascii"]),
)
def test_any_bytes_decode_or_give_an_input_error(data: bytes, encoding: str | None) -> None:
    """Reading never fails with anything but a one-line input error, whatever the bytes."""
    try:
        text = decode_text(data, "file.txt", encoding)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert isinstance(text, str)
