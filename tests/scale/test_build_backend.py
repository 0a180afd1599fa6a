"""The build backend asks for mypyc's requirements only when TIMELINE_COMPILE asks for a compiled build."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _backend() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timeline_build_backend", ROOT / "_build" / "backend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    assert _backend().compile_requested() is requested


@pytest.mark.parametrize("flag", ["1", None])
def test_wheel_requirements(monkeypatch: pytest.MonkeyPatch, flag: str | None) -> None:
    pytest.importorskip("setuptools")
    monkeypatch.chdir(ROOT)  # setuptools answers by running setup.py from the project directory
    if flag is None:
        monkeypatch.delenv("TIMELINE_COMPILE", raising=False)
    else:
        monkeypatch.setenv("TIMELINE_COMPILE", flag)
    backend = _backend()
    requires = backend.get_requires_for_build_wheel()
    assert any(r.startswith("mypy") for r in requires) is (flag is not None)
    if flag is not None:
        assert set(backend.COMPILE_REQUIRES) <= set(requires)
        assert backend.compile_requested()  # the flag is back after the pure build was asked


def test_compiled_editable_install_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_COMPILE", "1")
    with pytest.raises(SystemExit, match="editable"):
        _backend().get_requires_for_build_editable()
