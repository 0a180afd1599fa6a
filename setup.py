"""Build script: pure Python by default; TIMELINE_COMPILE=1 compiles the hot modules with mypyc.

All metadata lives in pyproject.toml. The compiled build turns the modules below into C
extensions (the same source, type-checked by mypy and compiled by mypyc, as black and mypy ship
themselves); it needs a C compiler, and `_build/backend.py` adds mypy to the build requirements.
The output is identical to the pure build's: tests/scale/test_compiled_build.py checks it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
from backend import compile_requested  # the one reading of TIMELINE_COMPILE

# The modules a pass over news text spends its time in (cProfile: `benchmarks/throughput.py
# --profile`). The pipeline, the process pool, the CLI and the pydantic models stay Python:
# they run once per document or less, and the pool pickles what they define.
COMPILED = [
    "timeline/assemble.py",
    "timeline/events/anchoring.py",
    "timeline/events/antecedents.py",
    "timeline/events/detect.py",
    "timeline/events/fields.py",
    "timeline/events/lexicon.py",
    "timeline/events/nonevents.py",
    "timeline/events/reported.py",
    "timeline/events/sentences.py",
    "timeline/events/status.py",
    "timeline/events/tense.py",
    "timeline/events/tokens.py",
    "timeline/resolving/calendar.py",
    "timeline/resolving/dates.py",
    "timeline/resolving/narrative.py",
    "timeline/resolving/occurrence.py",
    "timeline/resolving/points.py",
    "timeline/resolving/resolver.py",
    "timeline/resolving/values.py",
    "timeline/tagging/compiler.py",
    "timeline/tagging/context.py",
    "timeline/tagging/finder.py",
    "timeline/tagging/numbers.py",
]


def ext_modules() -> list[object]:
    if not compile_requested():
        return []
    from mypyc.build import mypycify

    root = Path(__file__).resolve().parent
    os.chdir(root)  # mypycify takes paths relative to the project, and reads its [tool.mypy]
    return list(mypycify(COMPILED, opt_level="3"))


setup(ext_modules=ext_modules())
