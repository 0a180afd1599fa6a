"""Hypothesis budgets of the robustness tests, the stress marker, and this directory's helpers.

CI runs a small budget. The fuzz command raises it without touching code:

    TIMELINE_FUZZ_EXAMPLES=100000 .venv/bin/python -m pytest tests/robustness -m fuzz -q

(see benchmarks/fuzz.sh). `TIMELINE_STRESS=1` also runs the tests marked `stress` (a 100 MB
file, 1 MB of every adversarial pattern), which take minutes and stay out of CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# pytest runs with --import-mode=importlib, which puts no test directory on sys.path; the helper
# modules here have names no other test directory uses.
sys.path.insert(0, str(Path(__file__).parent))

CI_EXAMPLES = 60
FUZZ_EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "0") or 0)
STRESS = os.environ.get("TIMELINE_STRESS", "") not in ("", "0")

# No example database: tests must not write outside temporary directories, and a fuzz failure
# is reported with its minimal example in the test output anyway. No deadline: machine load
# varies; the linear-time tests measure speed on purpose.
settings.register_profile(
    "robustness-ci",
    max_examples=CI_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "robustness-fuzz",
    max_examples=max(FUZZ_EXAMPLES, CI_EXAMPLES),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: property tests whose budget TIMELINE_FUZZ_EXAMPLES raises")
    config.addinivalue_line("markers", "stress: minutes-long inputs (100 MB); run with TIMELINE_STRESS=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if STRESS:
        return
    skip = pytest.mark.skip(reason="stress test: set TIMELINE_STRESS=1 (benchmarks/fuzz.sh does)")
    for item in items:
        if "stress" in item.keywords:
            item.add_marker(skip)
