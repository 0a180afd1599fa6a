"""The build backend asks for mypyc's requirements only when TIMELINE_COMPILE asks for a compiled build."""

from __future__ import annotations

from pathlib import Path

import backend
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "requested"),
    [
        ("1", True),
        ("true", True),
        (" YES ", True),
        ("0", False),
        ("", False),
        ("no", False),
        ("false", False),
        (None, False),
    ],
)
def test_compile_requested(monkeypatch: pytest.MonkeyPatch, value: str | None, requested: bool) -> None:
    if value is None:
        monkeypatch.delenv("TIMELINE_COMPILE", raising=False)
    else:
        monkeypatch.setenv("TIMELINE_COMPILE", value)
    assert backend.compile_requested() is requested


@pytest.mark.parametrize("flag", ["1", None])
def test_wheel_requirements(monkeypatch: pytest.MonkeyPatch, flag: str | None) -> None:
    pytest.importorskip("setuptools")
    monkeypatch.chdir(ROOT)  # setuptools answers by running setup.py from the project directory
    if flag is None:
        monkeypatch.delenv("TIMELINE_COMPILE", raising=False)
    else:
        monkeypatch.setenv("TIMELINE_COMPILE", flag)
    requires = backend.get_requires_for_build_wheel()
    assert any(r.startswith("mypy") for r in requires) is (flag is not None)
    if flag is not None:
        assert set(backend.COMPILE_REQUIRES) <= set(requires)
        assert backend.compile_requested()  # the flag is back after the pure build was asked


def test_compiled_editable_install_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_COMPILE", "1")
    with pytest.raises(SystemExit, match="editable"):
        backend.get_requires_for_build_editable()
