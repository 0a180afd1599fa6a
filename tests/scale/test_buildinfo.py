"""`timeline --version` and the build report say which modules run compiled, read from the files."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import __version__
from timeline.buildinfo import compiled_modules, describe
from timeline.cli.app import app


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([], ()),
        (["a.py", "b/c.py"], ()),
        ([f"b/c{EXTENSION_SUFFIXES[0]}", "b/c.py", f"a{EXTENSION_SUFFIXES[-1]}"], ("pkg.a", "pkg.b.c")),
        ([f"z/y/x{EXTENSION_SUFFIXES[0]}", "notes.txt"], ("pkg.z.y.x",)),
    ],
)
def test_compiled_modules(tmp_path: Path, files: list[str], expected: tuple[str, ...]) -> None:
    package = tmp_path / "pkg"
    for name in files:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_bytes(b"")
    package.mkdir(exist_ok=True)
    assert compiled_modules(package) == expected


def test_version_names_the_build() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"timeline {__version__} ({describe()})"
    assert describe() == "pure Python"  # the tests run the source tree, never a compiled copy
