"""One bad record never loses the run, and reads are bounded (issue 17, items 3, 4 and 10).

Each bad record is skipped with a one-line warning naming it, the run ends with a count of
what was skipped and exit code 3; the other documents are exported.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from timeline.cli.app import app
from timeline.cli.common import EXIT_OK, EXIT_SKIPPED, EXIT_USAGE
from timeline.errors import InputError
from timeline.reading import read_inputs

ROOT = Path(__file__).resolve().parents[2]
FUZZ = bool(os.environ.get("TIMELINE_FUZZ_EXAMPLES"))
CLI = ROOT / ".venv" / "bin" / "timeline"
GOOD = {"id": "good", "text": "The council met on Feb. 3, 2017.", "published": "2017-02-10"}


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def assert_skipped_one(result: Result, fragment: str) -> dict[str, object]:
    """The run went on: exit 3, one warning naming the record, the count, the good document."""
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    warnings = [line for line in result.stderr.splitlines() if fragment in line]
    assert len(warnings) == 1 and warnings[0].startswith("timeline: warning: "), result.stderr
    assert "1 document skipped" in result.stderr
    exported: dict[str, object] = json.loads(result.stdout)
    assert [d["id"] for d in exported["documents"]] == ["good"]  # type: ignore[index]
    return exported


@pytest.mark.parametrize("field", ["title", "url", "id", "text"])
def test_a_lone_surrogate_skips_its_line(tmp_path: Path, field: str) -> None:
    bad = {"id": "bad", "text": "They met on Oct. 22, 2014.", field: "x\\ud800y"}
    line = json.dumps(bad).replace("\\\\ud800", "\\ud800")  # the JSON escape, not its text
    corpus = jsonl(tmp_path / "c.jsonl", line, json.dumps(GOOD))
    result = run(str(corpus), "-f", "json", "-o", "-")
    assert_skipped_one(result, f"c.jsonl:1: skipped bad line ({field}: ")


def test_a_deeply_nested_line_skips_only_that_line(tmp_path: Path) -> None:
    deep = '{"id": "deep", "text": "x", "nested": ' + "[" * 200_000 + "]" * 200_000 + "}"
    corpus = jsonl(tmp_path / "c.jsonl", json.dumps(GOOD), deep)
    result = run(str(corpus), "-f", "json", "-o", "-")
    assert_skipped_one(result, "c.jsonl:2: skipped bad line (JSON nested too deeply)")


def test_a_file_name_that_is_not_utf8_skips_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD["text"], encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(b"They met on Oct. 22, 2014.")
    result = run(str(folder), "--ref-date", "2017-02-10", "-f", "json", "-o", "-")
    assert_skipped_one(result, "bad\\xff.txt: skipped: file name is not valid UTF-8")


def test_a_document_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    big = {"id": "big", "text": "They met on Oct. 22, 2014. " * 20}
    corpus = jsonl(tmp_path / "c.jsonl", json.dumps(big), json.dumps(GOOD))
    result = run(str(corpus), "--max-bytes", "200", "-f", "json", "-o", "-")
    assert_skipped_one(result, "c.jsonl:1: skipped line longer than --max-bytes")
    article = tmp_path / "big.txt"
    article.write_text(big["text"], encoding="utf-8")
    result = run(str(article), str(corpus), "--max-bytes", "200", "-f", "json", "-o", "-")
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "big.txt: skipped: larger than --max-bytes (200 bytes)" in result.stderr
    assert "2 documents skipped" in result.stderr


def test_stdin_over_max_bytes_is_skipped_and_nothing_is_left(tmp_path: Path) -> None:
    result = run("-", "--max-bytes", "10", "-o", str(tmp_path / "out"), stdin="They met on Oct. 22, 2014.")
    assert result.exit_code == EXIT_USAGE, result.output
    assert "stdin: skipped: larger than --max-bytes" in result.stderr
    assert "every input was skipped" in result.stderr
    assert not (tmp_path / "out").exists()


def _memory_cap() -> None:
    # 1 GiB of address space: enough for a run, far from what reading 2 GB would need
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/zero, sparse files and RLIMIT_AS")
def test_endless_stdin_is_refused_from_its_first_bytes(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [CLI, "extract", "-", "-o", str(tmp_path / "o")],
            stdin=zeros,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_memory_cap,
        )
    assert done.returncode == EXIT_USAGE, done.stderr
    assert done.stderr.strip() == "timeline: error: stdin: looks like a binary file, not text"


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/zero, sparse files and RLIMIT_AS")
def test_a_huge_sparse_file_is_not_read_whole(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD["text"], encoding="utf-8")
    sparse = tmp_path / "sparse.txt"
    sparse.write_text("They met on Oct. 22, 2014.\n" * 400, encoding="utf-8")
    os.truncate(sparse, 2 << 30)  # 2 GB: text first, then a hole of zeros
    done = subprocess.run(
        [CLI, "extract", str(good), str(sparse), "--ref-date", "2017-02-10", "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_memory_cap,
    )
    assert done.returncode == EXIT_SKIPPED, done.stderr
    assert "sparse.txt: skipped: larger than --max-bytes (10,000,000 bytes)" in done.stderr
    assert (tmp_path / "o" / "good.json").is_file()


def test_encoding_applies_to_jsonl(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    record = {"id": "café", "text": "The café opened on Feb. 3, 2017.", "published": "2017-02-10"}
    corpus.write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252") + b"\n")
    docs, _ = read_inputs([str(corpus)], encoding="cp1252")
    assert [(d.info.id, d.text) for d in docs] == [(record["id"], record["text"])]
    with pytest.raises(InputError, match="no valid documents"):
        read_inputs([str(corpus)])  # not UTF-8: the line is reported, not garbled


def test_when_every_line_is_bad_the_reasons_are_printed(tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", "{not json", json.dumps({"id": "x"}))
    result = run(str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == EXIT_USAGE, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("timeline: warning: ") and "c.jsonl:1: skipped bad line" in lines[0]
    assert "c.jsonl:2: skipped bad line (text: Field required)" in lines[1]
    assert lines[-1].startswith("timeline: error: ") and "no valid documents" in lines[-1]
    assert len(lines) == 3


@pytest.mark.parametrize(
    "published", ["2017-02-10garbage", "2017-02-10Tnoon", "2017-02-10 14:03 and on", 20170210]
)
def test_a_bad_published_drops_only_that_field(tmp_path: Path, published: object) -> None:
    bad = {"id": "bad", "text": "They met on Oct. 22, 2014.", "published": published}
    corpus = jsonl(tmp_path / "c.jsonl", json.dumps(bad), json.dumps(GOOD))
    result = run(str(corpus), "-f", "json", "-o", "-")
    assert result.exit_code == EXIT_OK, result.output
    documents = json.loads(result.stdout)["documents"]
    assert [(d["id"], d["reference_date"]) for d in documents] == [("bad", None), ("good", "2017-02-10")]
    assert f"c.jsonl:1: published date {published!r} is not" in result.stderr


@pytest.mark.parametrize(
    "doc_id", ["x" * 300, "é" * 200, "../../etc/passwd", "a/b\\c", "\x1b[2J", ".hidden", "..", "-"]
)
def test_an_id_is_made_a_safe_file_name_before_any_work(tmp_path: Path, doc_id: str) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", json.dumps({**GOOD, "id": doc_id}))
    out = tmp_path / "out"
    result = run(str(corpus), "-f", "json,ics", "-o", str(out))
    assert result.exit_code == EXIT_OK, result.output
    written = sorted(out.iterdir())
    assert [p.suffix for p in written] == [".ics", ".json"]
    for path in written:
        assert len(path.name.encode()) <= 255 and not path.name.startswith(".")
        assert path.parent == out


def test_two_long_ids_give_two_names() -> None:
    from timeline.output import safe_basename

    first, second = safe_basename("x" * 300 + "1"), safe_basename("x" * 300 + "2")
    assert first != second and len(first.encode()) <= 200


@pytest.mark.parametrize(
    "sidecar", ['{"title": "x\\ud800"}', '{"title": ' + "[" * 100_000 + "]" * 100_000 + "}"]
)
def test_a_sidecar_with_a_lone_surrogate_or_deep_nesting_is_a_one_line_error(
    tmp_path: Path, sidecar: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD["text"], encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(sidecar, encoding="utf-8")
    result = run(str(article), "-o", str(tmp_path / "out"))
    assert result.exit_code == EXIT_USAGE, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "a.meta.json: unreadable metadata sidecar" in lines[0], result.stderr


# st.text and st.characters() leave out surrogates: draw lone ones (and escapes) on purpose
# st.text and st.characters() leave out surrogates: draw lone ones (and escapes) on purpose
_TEXT = st.lists(st.sampled_from("a1 .-/\x1b\ud800\udfff") | st.characters(), max_size=20).map("".join)
_VALUES = _TEXT | st.none() | st.booleans() | st.integers() | st.lists(st.integers(), max_size=3)
_FIELD = _TEXT | _VALUES  # mostly text


@pytest.mark.fuzz
@settings(parent=settings.get_profile("robustness-fuzz" if FUZZ else "robustness-ci"))
@given(
    record=st.fixed_dictionaries(
        {"id": _FIELD, "text": _FIELD},
        optional={
            "title": _FIELD,
            "url": _FIELD,
            "published": _VALUES | st.dates().map(str),
            "language": _VALUES | st.sampled_from(["en", "en-US", "de", "../x"]),
        },
    ),
    raw=st.binary(max_size=60),
)
@example(record={"id": "a", "text": "x", "title": "\ud800"}, raw=b"")
@example(record={"id": "a", "text": "x", "url": "\udfff"}, raw=b"[" * 100_000)
def test_any_jsonl_line_gives_a_document_or_a_warning(record: dict[str, object], raw: bytes) -> None:
    """Whatever a line holds (lone surrogates included), reading it yields a
    Document that every export can serialize, or a one-line warning; it never raises."""
    from timeline.reading.jsonl import iter_jsonl

    warnings: list[str] = []
    lines = [json.dumps(record).encode(), raw + b"\n"]
    for document in iter_jsonl(lines, "c.jsonl", None, warnings.append):
        document.model_dump_json()
    assert all("\n" not in warning for warning in warnings)
