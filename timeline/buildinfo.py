"""Which of the package's modules this installation runs compiled (mypyc) rather than as Python."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def compiled_modules(package: Path = PACKAGE) -> tuple[str, ...]:
    """Dotted names of the package's modules built as C extensions, sorted; () for the pure build.

    Read from the files, not by importing: the answer must not load what it reports on."""
    names = []
    for path in package.rglob("*"):
        suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is not None:
            relative = path.relative_to(package.parent).as_posix()[: -len(suffix)]
            names.append(relative.replace("/", "."))
    return tuple(sorted(names))


def describe() -> str:
    """One phrase for --version and benchmark reports: "pure Python" or "compiled with mypyc, N modules"."""
    compiled = compiled_modules()
    return f"compiled with mypyc, {len(compiled)} modules" if compiled else "pure Python"
