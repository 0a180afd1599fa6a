"""Loading the tagger's language data: named pattern lists, normalization tables and rule records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from timeline.models import TimexType

_ESCAPED_OR_LETTER = re.compile(r"\\.|[a-z]")


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: `text` tagged against the fixed test reference date yields `value`."""

    text: str
    value: str
    type: TimexType | None = None
    span: str | None = None  # the expected timex text; the whole `text` when None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One extraction rule: a pattern over named pattern lists and how to build its value."""

    name: str
    type: TimexType
    build: str
    pattern: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True, slots=True)
class Language:
    """All data of one language, loaded once."""

    patterns: Mapping[str, str]  # list name -> regex alternation (no groups)
    tables: Mapping[str, Mapping[str, Any]]
    rules: tuple[Rule, ...]
    negatives: tuple[str, ...]  # texts that must yield no DATE/TIME


def _root(language: str) -> Any:
    return resources.files("timeline.tagging") / "resources" / language


def _title_variants(alternative: str) -> str:
    """`Jan\\.?` also as `JAN\\.?`: headlines are in capitals; escapes stay untouched."""
    upper = _ESCAPED_OR_LETTER.sub(lambda m: m.group().upper() if len(m.group()) == 1 else m.group(), alternative)
    return alternative if upper == alternative else f"{alternative}|{upper}"


def _load_patterns(root: Any) -> dict[str, str]:
    raw: dict[str, tuple[str, list[str]]] = {}
    for entry in (root / "patterns").iterdir():
        if not entry.name.endswith(".txt"):
            continue
        case = "insensitive"
        lines: list[str] = []
        for line in entry.read_text(encoding="utf-8").splitlines():
            if line.startswith("#! case="):
                case = line.removeprefix("#! case=").strip()
            elif line.strip() and not line.startswith("#"):
                lines.append(line.strip())
        raw[entry.name.removesuffix(".txt")] = (case, lines)

    compiled: dict[str, str] = {}

    def expand(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in compiled:
            return compiled[name]
        if name in seen:
            raise ValueError(f"pattern list {name} includes itself")
        case, lines = raw[name]
        parts: list[str] = []
        for line in dict.fromkeys(lines):
            if line.startswith("@"):
                parts.append(expand(line[1:], (*seen, name)))
            elif case == "title":
                parts.append(_title_variants(line))
            else:
                parts.append(line.replace(" ", r"\s+"))
        body = "|".join(parts)
        # Rules match case-insensitively; lists of proper names switch that off for themselves.
        compiled[name] = f"(?-i:{body})" if case in ("title", "exact") else f"(?:{body})"
        return compiled[name]

    for name in raw:
        expand(name)
    return compiled


def _example(record: Mapping[str, Any]) -> Example:
    kind = record.get("type")
    return Example(
        text=record["text"],
        value=record["value"],
        type=TimexType(kind) if kind else None,
        span=record.get("span"),
        mod=record.get("mod"),
    )


def _load_rules(root: Any) -> tuple[tuple[Rule, ...], tuple[str, ...]]:
    data = tomllib.loads((root / "rules.toml").read_text(encoding="utf-8"))
    rules: list[Rule] = []
    for record in data["rule"]:
        params = {k: v for k, v in record.items() if k not in {"name", "type", "build", "pattern", "example"}}
        rules.append(
            Rule(
                name=record["name"],
                type=TimexType(record["type"]),
                build=record["build"],
                pattern=record["pattern"],
                params=params,
                examples=tuple(_example(e) for e in record.get("example", ())),
            )
        )
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ValueError("rule names must be unique")
    return tuple(rules), tuple(data.get("negative", {}).get("texts", ()))


@cache
def load_language(language: str = "en") -> Language:
    """The pattern lists, tables and rules of `language` (package data, read once)."""
    root = _root(language)
    tables = tomllib.loads((root / "tables.toml").read_text(encoding="utf-8"))
    rules, negatives = _load_rules(root)
    return Language(patterns=_load_patterns(root), tables=tables, rules=rules, negatives=negatives)
