"""Loading the tagger's language data: named pattern lists, normalization tables and rule records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from timeline.errors import LanguageError
from timeline.models import TimexType

_ESCAPED_OR_LETTER = re.compile(r"\\.|[a-z]")
_RECORD_KEYS = frozenset({"name", "type", "build", "pattern", "example", "after"})


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
    after: tuple[str, ...] = ()  # the match must follow one of these words (context, not span)


@dataclass(frozen=True, slots=True)
class Language:
    """All data of one language, loaded once."""

    patterns: Mapping[str, str]  # list name -> regex alternation (no groups)
    alternatives: Mapping[str, tuple[str, ...]]  # list name -> its lines, inclusions expanded
    tables: Mapping[str, Mapping[str, Any]]
    rules: tuple[Rule, ...]
    negatives: tuple[str, ...]  # texts that must yield no DATE/TIME
    lead_words: frozenset[str]  # words that may open an expression before its trigger word


def _root(language: str) -> Any:
    return resources.files("timeline.tagging") / "resources" / language


@cache
def shipped_languages() -> tuple[str, ...]:
    """The languages with rule files in the package (the directory names under resources/)."""
    base = resources.files("timeline.tagging") / "resources"
    return tuple(sorted(entry.name for entry in base.iterdir() if (entry / "rules.toml").is_file()))


def supported_language(tag: str) -> str:
    """The shipped language a language tag names: "en", "EN", "en-US" and "en_GB" give "en".

    The tag comes from input data (a JSONL line, a sidecar, an HTML page) and must never pick
    a path: anything that is not a shipped language, "de" or "../../x" alike, is refused with
    LanguageError (a ValueError) rather than read as a directory or tagged with English rules.
    """
    shipped = shipped_languages()
    normal = tag.strip().lower().replace("_", "-") if isinstance(tag, str) else ""
    for candidate in (normal, normal.split("-")[0]):
        if candidate in shipped:
            return candidate
    raise LanguageError(f"language {tag!r} is not supported (supported: {', '.join(shipped)})")


def _title_variants(alternative: str) -> str:
    """`Jan\\.?` also as `JAN\\.?`: headlines are in capitals; escapes stay untouched."""
    upper = _ESCAPED_OR_LETTER.sub(
        lambda m: m.group().upper() if len(m.group()) == 1 else m.group(), alternative
    )
    return alternative if upper == alternative else f"{alternative}|{upper}"


def _load_patterns(root: Any) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
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
    flat: dict[str, tuple[str, ...]] = {}

    def lines_of(name: str) -> tuple[str, ...]:
        if name not in flat:
            out: list[str] = []
            for line in raw[name][1]:
                out.extend(lines_of(line[1:]) if line.startswith("@") else [line])
            flat[name] = tuple(dict.fromkeys(out))
        return flat[name]

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
        lines_of(name)
    return compiled, flat


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
        params = {k: v for k, v in record.items() if k not in _RECORD_KEYS}
        rules.append(
            Rule(
                name=record["name"],
                type=TimexType(record["type"]),
                build=record["build"],
                pattern=record["pattern"],
                params=params,
                examples=tuple(_example(e) for e in record.get("example", ())),
                after=tuple(record.get("after", ())),
            )
        )
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ValueError("rule names must be unique")
    return tuple(rules), tuple(data.get("negative", {}).get("texts", ()))


def load_language(language: str = "en") -> Language:
    """The pattern lists, tables and rules of `language` (package data, read once); a tag such
    as "en-US" loads its shipped language, an unknown one raises LanguageError."""
    return _load_language(supported_language(language))


@cache
def _load_language(language: str) -> Language:
    root = _root(language)
    tables = tomllib.loads((root / "tables.toml").read_text(encoding="utf-8"))
    rules, negatives = _load_rules(root)
    lead_words = frozenset(
        line.strip().lower()
        for line in (root / "patterns" / "lead_word.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    patterns, alternatives = _load_patterns(root)
    return Language(
        patterns=patterns,
        alternatives=alternatives,
        tables=tables,
        rules=rules,
        negatives=negatives,
        lead_words=lead_words,
    )
