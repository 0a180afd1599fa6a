"""Exit codes tell the truth (issue 17, item 6): a full disk, a malformed --dask address and a
non-text codec are the user's or the environment's, exit 2 in one line, not "internal error"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.cli.common import EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "timeline"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("The minister resigned on Oct. 22, 2014.", encoding="utf-8")
    return path


def one_line_error(stderr: str, fragment: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: error: "), stderr
    assert fragment in lines[0] and "internal error" not in lines[0], stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_stdout_on_a_full_disk_is_an_environment_error(article: Path, fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [CLI, "extract", str(article), "--ref-date", "2017-02-10", "-f", fmt, "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == EXIT_USAGE, done.stderr
    one_line_error(done.stderr, "cannot write to standard output (No space left on device)")


@pytest.mark.parametrize("address", ["tcp://host:port", "nonsense", "tcp://[::1", "://x", "tcp://h:99999"])
def test_a_malformed_dask_address_is_refused_without_contacting_anything(
    article: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.distributed

    def no_connection(address: str) -> None:
        raise AssertionError(f"tried to connect to {address}")

    monkeypatch.setattr(timeline.distributed, "connect", no_connection)
    result = CliRunner().invoke(app, ["extract", str(article), "--dask", address, "-o", str(tmp_path / "o")])
    assert result.exit_code == EXIT_USAGE, result.output
    one_line_error(result.stderr, "is not a scheduler address")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex"])
def test_a_non_text_codec_is_a_usage_error(article: Path, tmp_path: Path, codec: str) -> None:
    for args in (["-o", str(tmp_path / "o")], ["-f", "jsonl", "-o", str(tmp_path / "e.jsonl")]):
        result = CliRunner().invoke(app, ["extract", str(article), "--encoding", codec, *args])
        assert result.exit_code == EXIT_USAGE, result.output
        one_line_error(result.stderr, "is not a text encoding")
