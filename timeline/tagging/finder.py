"""The finder: one scan of a text with the compiled rules, yielding typed candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.settings import TaggerSettings
from timeline.tagging.builders import BUILDERS, Match, build_mod
from timeline.tagging.compiler import CompiledRule, compile_rules
from timeline.tagging.context import TenseReader
from timeline.tagging.expressions import Absolute, Candidate, Period, Tense, Weekday
from timeline.tagging.resources import Language, load_language


@dataclass(frozen=True, slots=True)
class Tagger:
    """The compiled data of one language."""

    language: Language
    scanner: re.Pattern[str]
    rules: dict[str, CompiledRule]
    tenses: TenseReader


@cache
def tagger(language: str = "en") -> Tagger:
    data = load_language(language)
    for rule in data.rules:
        if rule.build not in BUILDERS:
            raise ValueError(f"rule {rule.name}: unknown builder {rule.build!r}")
    scanner, rules = compile_rules(data.rules, data.patterns)
    return Tagger(data, scanner, rules, TenseReader.from_patterns(data.patterns))


def _needs_tense(candidate: Candidate) -> bool:
    """Only dates the text leaves open in direction need the clause's tense."""
    match candidate.expression:
        case Weekday(direction=None) | Absolute(year=None, direction=None):
            return True
        case Period(year=None, offset=None):
            return False
    return False


def tag(text: str, settings: TaggerSettings | None = None) -> tuple[Candidate, ...]:
    """Every temporal expression in `text` with its underspecified value, in text order."""
    settings = settings or TaggerSettings()
    compiled = tagger(settings.language)
    found: list[Candidate] = []
    for match in compiled.scanner.finditer(text):
        if match.lastgroup is None:
            continue
        rule = compiled.rules[match.lastgroup]
        fields = {short: value for full, short in rule.fields if (value := match.group(full)) is not None}
        group = f"{rule.group}_timex" if "timex" in fields else rule.group
        start, end = match.span(group)
        surface = text[start:end]
        view = Match(surface, fields, rule.rule.params, compiled.language.tables, settings)
        expression = BUILDERS[rule.rule.build](view)
        if expression is None:
            continue
        candidate = Candidate(
            start=start,
            end=end,
            text=surface,
            rule=rule.rule.name,
            type=rule.rule.type,
            expression=expression,
            mod=build_mod(view),
        )
        if _needs_tense(candidate):
            tense = compiled.tenses.tense(text, start, end)
            candidate = _with_tense(candidate, tense)
        found.append(candidate)
    return tuple(found)


def _with_tense(candidate: Candidate, tense: Tense) -> Candidate:
    return Candidate(
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        rule=candidate.rule,
        type=candidate.type,
        expression=candidate.expression,
        mod=candidate.mod,
        tense=tense,
    )
