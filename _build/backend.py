"""PEP 517 backend: setuptools, plus mypyc's build requirements when TIMELINE_COMPILE asks for them.

The default build is pure Python and needs nothing but setuptools. `TIMELINE_COMPILE=1 pip install .`
compiles the hot modules with mypyc (see setup.py), which needs mypy, and the packages the compiled
modules' types come from, in the isolated build environment: they are added here, and only then.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the whole PEP 517 interface, then overrides)

# What mypy needs to type the compiled modules exactly as `mypy timeline` does in development:
# the checker and compiler, the pydantic plugin and the typed dependencies the modules import.
COMPILE_REQUIRES = ["mypy>=1.10", "pydantic>=2.6,<3", "regex>=2023.0", "types-regex"]


def compile_requested() -> bool:
    """Whether TIMELINE_COMPILE asks for the compiled build (1, true, yes; anything else: no)."""
    return os.environ.get("TIMELINE_COMPILE", "").strip().lower() in ("1", "true", "yes")


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    if not compile_requested():
        return list(_setuptools.get_requires_for_build_wheel(config_settings))
    # setuptools runs setup.py to answer, and setup.py would import mypyc, which this very
    # answer is about to have installed: ask for the pure build's requirements, then add ours.
    flag = os.environ.pop("TIMELINE_COMPILE")
    try:
        pure = _setuptools.get_requires_for_build_wheel(config_settings)
    finally:
        os.environ["TIMELINE_COMPILE"] = flag
    return [*pure, *COMPILE_REQUIRES]


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    refuse_compiled_editable()
    return list(_setuptools.get_requires_for_build_editable(config_settings))


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    refuse_compiled_editable()
    return str(_setuptools.build_editable(wheel_directory, config_settings, metadata_directory))


def refuse_compiled_editable() -> None:
    # Python imports an extension module before the .py of the same name: in an editable install,
    # compiled modules would silently shadow every later edit of their sources.
    if compile_requested():
        raise SystemExit(
            "error: TIMELINE_COMPILE cannot be combined with an editable install (-e): compiled "
            "modules would shadow edits to their sources; install with `pip install .` instead"
        )
