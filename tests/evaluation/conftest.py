"""Shared fixtures: where the corpora are (../shared/corpora beside the repo), skipping when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"


def corpus_dir(name: str) -> Path:
    path = CORPORA / name
    if not path.is_dir():
        pytest.skip(f"corpus {name} not found at {path} (the shared corpora sit beside the repo)")
    return path


@pytest.fixture
def tbaq() -> Path:
    return corpus_dir("te3-tbaq")


@pytest.fixture
def meantime() -> Path:
    return corpus_dir("meantime-en")


@pytest.fixture(scope="module")
def ud_pud() -> Path:
    return corpus_dir("ud-english-pud")
