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
