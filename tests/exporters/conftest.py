"""Fixtures of the exporter tests; makes this directory's helper modules importable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest runs with --import-mode=importlib, which puts no test directory on sys.path; the helper
# modules here have names no other test directory uses.
sys.path.insert(0, str(Path(__file__).parent))

from exporter_fixture import build_timeline

from timeline.models import Timeline


@pytest.fixture
def timeline() -> Timeline:
    return build_timeline()
