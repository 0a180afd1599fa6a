"""The compiled build in a copy of the project, extensions beside their sources: what the tests
and benchmarks build (`pip install .` with TIMELINE_COMPILE=1 builds the same modules into a wheel)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What setup.py's compiled build reads: the package, the build script and backend, the project's
# metadata and [tool.mypy] settings, and the readme the metadata names.
INPUTS = ("timeline", "setup.py", "_build", "pyproject.toml", "README.md")


def build_in_place(root: Path) -> subprocess.CompletedProcess[str]:
    """Compile the copy of the project at `root` (holding INPUTS) with mypyc; check the return code."""
    return subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace", "--parallel", "2"],
        cwd=root,
        env={**os.environ, "TIMELINE_COMPILE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
