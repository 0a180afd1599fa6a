"""The opt-in compiled build (TIMELINE_COMPILE=1, mypyc) writes exactly what the pure build writes.

The build compiles a copy of the package in a temporary directory (about a minute on two cores);
every comparison then runs both builds in subprocesses, each first on the import path.
"""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from inplace import INPUTS, build_in_place

from timeline.buildinfo import compiled_modules

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora"
# Hand-written articles (never corpus text) for corpus mode: enough documents for several batches,
# so `--jobs 2` really starts a pool and pickles across it.
ARTICLES = [
    "The minister resigned on Oct. 22, 2014. Talks will resume next week in Geneva.",
    "Protesters marched on Monday. The vote, held on March 1, 2015, was annulled yesterday.",
    "The bridge opened in June 2016. A second bridge will open in 2018, officials said.",
    "Floods hit the region on January 3. Rescue teams arrived two days later.",
    "Italy signed the deal on Feb. 2, 2017. Libya rejected it on Thursday, and talks end this week.",
]


def _compiler() -> str | None:
    command = str(sysconfig.get_config_var("CC") or "cc").split()
    return shutil.which(command[0]) if command else None


def _listed_modules() -> list[str]:
    """The COMPILED list of setup.py, read without running setup.py."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets
        ):
            paths: list[str] = ast.literal_eval(node.value)
            return sorted(p.removesuffix(".py").replace("/", ".") for p in paths)
    raise AssertionError("setup.py defines no COMPILED list")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if _compiler() is None:
        pytest.skip("no C compiler: the compiled build cannot be built here")
    if importlib.util.find_spec("mypyc") is None or importlib.util.find_spec("setuptools") is None:
        pytest.skip("mypy (with mypyc) and setuptools are needed: pip install -e '.[test]'")
    root = tmp_path_factory.mktemp("compiled")
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    for name in INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, root / name)
    done = build_in_place(root)
    assert done.returncode == 0, f"compiled build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return root


def _run(tree: Path, *args: str) -> bytes:
    """stdout of `python *args` with the package in `tree` first on the import path."""
    # Run from `tree`: `python -c` puts the working directory before PYTHONPATH on the path.
    done = subprocess.run(
        [sys.executable, *args],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return done.stdout


def _cli(tree: Path, *args: str) -> bytes:
    return _run(tree, "-c", "from timeline.cli import main; main()", *args)


def test_every_listed_module_is_compiled(compiled: Path) -> None:
    assert list(compiled_modules(compiled / "timeline")) == _listed_modules()
    assert compiled_modules() == ()  # the tree under test is the pure build
    found = _run(compiled, "-c", "import timeline.events.tokens as m; print(m.__file__)").decode()
    assert found.strip().endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    version = _cli(compiled, "--version").decode()
    assert f"(compiled with mypyc, {len(_listed_modules())} modules)" in version


def test_seed_exports_are_identical(compiled: Path, tmp_path: Path) -> None:
    outputs = {}
    for name, tree in (("pure", ROOT), ("compiled", compiled)):
        out = tmp_path / name
        _cli(tree, "extract", str(ROOT / "seeds"), "-f", "all", "-o", str(out))
        outputs[name] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert outputs["pure"]  # something was written
    assert outputs["compiled"] == outputs["pure"]


def test_corpus_mode_across_a_pool_is_identical(compiled: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {
            "id": f"doc-{i:03d}",
            "text": ARTICLES[i % len(ARTICLES)],
            "published": f"20{14 + i % 5}-0{1 + i % 9}-1{i % 10}",
        }
        for i in range(60)  # several 16-document batches
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    pure = _cli(ROOT, "extract", str(corpus), "-f", "jsonl", "-o", "-", "--jobs", "1")
    fast = _cli(compiled, "extract", str(corpus), "-f", "jsonl", "-o", "-", "--jobs", "2")
    assert pure.count(b"\n") >= 60
    assert fast == pure


@pytest.mark.skipif(
    not (SHARED / "te3-tbaq").is_dir() or not (SHARED / "meantime-en").is_dir(),
    reason="TBAQ and MEANTIME are read from ../shared/corpora, absent here",
)
def test_corpora_fingerprint_is_identical(compiled: Path) -> None:
    # Every tagged expression and every event line of TBAQ and MEANTIME, hashed.
    script = str(ROOT / "benchmarks" / "fingerprint.py")
    pure = _run(ROOT, script)
    assert b"lines" in pure
    assert _run(compiled, script) == pure
