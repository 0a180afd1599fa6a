"""The finder: trigger words locate candidates cheaply, the compiled rules are tried only there."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from timeline.models import Mod, TimexType
from timeline.settings import TaggerSettings
from timeline.tagging.builders import BUILDERS, Match, build_mod
from timeline.tagging.compiler import Dispatch, TriggerScan, trigger_pattern
from timeline.tagging.context import TenseReader, sentence_window
from timeline.tagging.expressions import (
    Absolute,
    Candidate,
    Duration,
    Expression,
    Holiday,
    Period,
    Relative,
    Tense,
    Weekday,
)
from timeline.tagging.numbers import range_end_year
from timeline.tagging.resources import Language, load_language

# How far back from a trigger word an expression may start ("at least the past several years").
_LOOKBACK_CHARS = 64
# A match as its builder sees it: the rule's index, the matched text, the groups that took part.
_BuiltKey = tuple[int, str, tuple[tuple[str, str], ...]]
# The expression (None: the rule's words are no date after all), its mod, whether it needs the tense.
_Built = tuple[Expression | None, Mod | None, bool]
_MAX_BUILT = 1 << 14
# Starts already tried that are kept before those behind the look-back window are dropped.
_TRIED_KEPT = 1 << 10


@dataclass(frozen=True, slots=True)
class Tagger:
    """The compiled data of one language."""

    language: Language
    scanners: Dispatch  # the rules, compiled, and which of them to try where
    triggers: TriggerScan  # where trigger words start
    numbers: re.Pattern[str]
    tenses: TenseReader
    # Rule parameter `unless_near`: a pattern list whose words in the sentence veto the match
    # ("the third quarter" of a game is no calendar quarter).
    vetoes: Mapping[str, re.Pattern[str]]
    range_gap: re.Pattern[str]  # what separates the two ends of a range
    day_tail: re.Pattern[str]  # the day ending a range of days after a month and day ("March 3-5")
    year_tail: re.Pattern[str]  # the year ending a range of years ("1994-97")
    # What the builders made of a match, per settings: the same few matches recur ("Friday",
    # "last year", "1990"), and a builder's result depends on nothing else (bounded below).
    built: dict[TaggerSettings, dict[_BuiltKey, _Built]] = field(default_factory=dict)


@cache
def tagger(language: str) -> Tagger:
    """The language's rules compiled once per process (checked: every rule names a known builder)."""
    data = load_language(language)
    for rule in data.rules:
        if rule.build not in BUILDERS:
            raise ValueError(f"rule {rule.name}: unknown builder {rule.build!r}")
    vetoes = {str(rule.params["unless_near"]) for rule in data.rules if "unless_near" in rule.params}
    return Tagger(
        language=data,
        scanners=Dispatch(data.rules, data.patterns),
        triggers=TriggerScan(trigger_pattern(data.alternatives["trigger"])),
        numbers=re.compile(rf"(?i:\d{{1,3}}(?:st|nd|rd|th)?|{data.patterns['number_word']})"),
        tenses=TenseReader.from_patterns(data.patterns),
        vetoes={name: re.compile(rf"(?<!\w)(?i:{data.patterns[name]})(?!\w)") for name in vetoes},
        range_gap=re.compile(rf"\s*(?i:{data.patterns['range_to']}|and)\s*"),
        day_tail=re.compile(
            rf"\s*(?i:{data.patterns['range_to']}|and|or)\s*(?P<tail>(?P<day>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?)"
            r"(?!\d|[:.,/]\d|\s?(?:%|percent|[ap]\.?m\b))"
            # a number counting something is no day ("on March 3 and 4 people died")
            r"(?!\s+(?!(?:in|at|on|of|for|from|to|and|or|but|when|while|as|after|before|with)\b)[a-z])"
        ),
        year_tail=re.compile(r"[-\u2013](?P<year>\d\d(?:\d\d)?)(?!\d)"),
    )


_OPENERS = "([{"


def _starts(text: str, trigger: int, lead_words: frozenset[str], numbers: re.Pattern[str]) -> list[int]:
    """Where an expression containing the trigger at `trigger` may start, leftmost first:
    the run of lead words before it ("the past several"), the word holding it ("mid-2015"),
    and the trigger itself."""
    # Words are runs of non-space characters, read backwards from the trigger with str methods
    # (whose whitespace is the regex engine's \s): most triggers follow no lead word, so one
    # or two steps settle it, where a regex would list every word of the look-back window.
    window_start = max(0, trigger - _LOOKBACK_CHARS)
    rest = text[window_start:trigger]
    starts = [trigger]
    if not text[trigger].isspace() and rest and not rest[-1].isspace():
        holder = rest.rsplit(None, 1)[-1]  # the part of the trigger's word before it ("mid-")
        starts.append(trigger - len(holder))
        rest = rest[: len(rest) - len(holder)]
    while rest := rest.rstrip():
        token = rest.rsplit(None, 1)[-1]
        start = window_start + len(rest) - len(token)
        if start == window_start and window_start > 0:
            break  # possibly a cut word
        word = token.lower()
        # Numbers open expressions before their trigger too ("22 October", "twenty-one years").
        if word not in lead_words and not numbers.fullmatch(word):
            # A number after an opening bracket or quote ("(5 February 1951)"), or ending a
            # range of days ("5-6 June"), opens the expression after it.
            head, dash, tail = word.replace("\u2013", "-").rpartition("-")
            tail = tail.lstrip(_OPENERS)
            if tail and (head or not dash) and tail != word and numbers.fullmatch(tail):
                starts.append(start + len(token) - len(tail))
            break
        starts.append(start)
        rest = rest[: len(rest) - len(token)]
    starts.reverse()
    return starts


def _needs_tense(expression: object) -> bool:
    """Only dates the text leaves open in direction need the clause's tense."""
    match expression:
        case Weekday(direction=None) | Absolute(year=None, direction=None, year_offset=None):
            return True
        case Holiday(year=None, direction=None):
            return True
        case Relative(by_tense=True):
            return True
        case Period(index=int(), year=None, year_offset=None):
            return True
    return False


def cuts_token(text: str, start: int, end: int) -> bool:
    """Whether the span [start, end) begins or ends inside a token: between two letters or
    digits, or inside a number ("4:1|2:09", "12|.5"), as the TE3 scorer's tokens see it."""
    if start > 0:
        before, first = text[start - 1], text[start]
        if before.isalnum() and first.isalnum():
            return True
        if before in ":.," and first.isdigit() and start > 1 and text[start - 2].isdigit():
            return True
    if 0 < end < len(text):
        last, after = text[end - 1], text[end]
        if last.isalnum() and after.isalnum():
            return True
        if after in ":," and last.isdigit() and end + 1 < len(text) and text[end + 1].isdigit():
            return True
    return False


# A line shorter than this ends a unit of its own (a headline, a dateline, a heading, a
# paragraph's last line): wrapped text fills its lines further.
_SHORT_LINE = 50


def unit_break(text: str, start: int, end: int) -> int | None:
    """The first line break inside [start, end) that separates units of the text (a blank
    line, or the end of a short line: a headline followed by its dateline), else None."""
    newline = text.find("\n", start, end)
    while newline != -1:
        line_start = text.rfind("\n", 0, newline) + 1
        if len(text[line_start:newline].strip()) < _SHORT_LINE:
            return newline
        if text[newline + 1 : end].lstrip(" \t\r").startswith("\n"):
            return newline
        newline = text.find("\n", newline + 1, end)
    return None


def _span(match: re.Match[str]) -> tuple[int, int]:
    return match.span("timex") if "timex" in match.re.groupindex and match.group("timex") else match.span()


def _matches(text: str, compiled: Tagger) -> Iterator[tuple[int, re.Match[str]]]:
    """Leftmost-first rule matches (rule index, match), tried only near trigger words.

    Yielded one by one, and the starts already tried are forgotten once behind the look-back
    window: a list of every match (each holds the offsets of all the rules' groups) and a set
    of every start made memory grow by ~60 bytes per input byte on dense dates and digits.
    """
    cursor = 0
    tried: set[int] = set()
    lead_words = compiled.language.lead_words
    match_at = compiled.scanners.match
    for position in compiled.triggers.starts(text):
        if position < cursor:
            continue
        if len(tried) > _TRIED_KEPT:
            # every start of this trigger and the next is at most the look-back before it
            tried = {start for start in tried if start >= position - _LOOKBACK_CHARS}
        for start in _starts(text, position, lead_words, compiled.numbers):
            if start < cursor or start in tried:
                continue
            tried.add(start)
            match = match_at(text, start)
            if match is not None and "\n" in match[1].group():
                boundary = unit_break(text, *_span(match[1]))
                if boundary is not None:
                    # No expression runs from a headline into the next line: the rules again
                    # on the text up to the break (the offsets stay those of `text`).
                    match = match_at(text[:boundary].rstrip(), start) if boundary > start else None
            if match is not None and cuts_token(text, *_span(match[1])):
                continue
            if match is not None:
                yield match
                cursor = match[1].end()
                if cursor > position:
                    break


_BETWEEN = re.compile(r"(?i:between)\s+$")
# "the highest level since 1990": a date after "since" in a comparison is the point compared
# with (TimeML tags it as a DATE), not the start of an event's time.
_SINCE = re.compile(r"(?i:since)\s+(?:(?:early|mid|late)[- ]|the )?$")
_COMPARISON = re.compile(
    r"(?i:\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|best|worst|most|least|"
    r"first|fastest|slowest|deepest|steepest|sharpest|longest|shortest|heaviest|greatest|\w+est)\b)"
)
# "two days after the siege", "eight days before the new year": an amount before an event.
_THEN = re.compile(r"\s+(after|before)\s+(?=[a-z])(?!(?:that|this|which|it)\b)", re.IGNORECASE)
# The suffix of the rule name of such a date: the event layer reads it and makes no event.
SINCE_COMPARISON = "+since_comparison"


def _in_comparison(text: str, start: int, end: int) -> bool:
    lead = _SINCE.search(text, max(0, start - 16), start)
    if lead is None:
        return False
    left = sentence_window(text, start, end)[0]
    return _COMPARISON.search(text, left, lead.start()) is not None


def _range_end(text: str, first: Candidate, second: Candidate, compiled: Tagger) -> Candidate:
    """`second` read as the end of a range that `first` starts, when the text joins them so
    ("from December to February", "Monday through Friday", "between March and May")."""
    a, b = first.expression, second.expression
    if isinstance(a, Weekday) and isinstance(b, Weekday) and b.direction is None:
        end: Expression = replace(b, direction=1, from_previous=True)
    elif (
        isinstance(a, Absolute)
        and isinstance(b, Absolute)
        and a.month is not None
        and b.month is not None
        and b.year is None
        and b.direction is None
        and b.year_offset is None
    ):
        end = replace(b, after_previous=True)
    else:
        return second
    gap = compiled.range_gap.fullmatch(text, first.end, second.start)
    if gap is None:
        return second
    between = _BETWEEN.search(text, max(0, first.start - 12), first.start)
    if gap.group().strip().lower() == "and" and not between:
        # "postponed to Saturday and Sunday", "since May and June": the word leading the first
        # date leads both
        return replace(second, tense=first.tense) if first.tense in (Tense.BEGUN, Tense.PENDING) else second
    return replace(second, expression=end)


def _range_tail(text: str, first: Candidate, following: int, compiled: Tagger) -> Candidate | None:
    """The bare number ending a range started by `first` ("March 3-5", "April 24 and 25",
    "1994-97"), as a date of its own, when no other expression starts there."""
    e = first.expression
    if not isinstance(e, Absolute) or e.week:
        return None
    if e.month is not None and e.day is not None and e.clock is None:
        found = compiled.day_tail.match(text, first.end)
        if found is None or found.end() > following or int(found.group("day")) <= e.day:
            return None
        day = int(found.group("day"))
        expression = Absolute(e.year, e.month, day, after_previous=e.year is None)
        start, end = found.span("tail")
    elif e.year is not None and e.month is None:
        found = compiled.year_tail.match(text, first.end)
        if found is None or found.end() > following:
            return None
        year = range_end_year(e.year, found.group("year"))
        if year is None:
            return None
        expression = Absolute(year)
        start, end = found.span("year")
    else:
        return None
    return Candidate(start, end, text[start:end], "date_range_tail", first.type, expression)


_DAY_HEAD = re.compile(r"(?<![\d.,:/-])(?P<day>[12]\d|3[01]|0?[1-9])\s*[-\u2013]\s*$")


def _range_head(text: str, second: Candidate, previous_end: int) -> Candidate | None:
    """The bare day starting a range of days before a month ("5-6 June"), as a date of its own."""
    e = second.expression
    if not isinstance(e, Absolute) or e.day is None or e.month is None or e.week or e.clock is not None:
        return None
    found = _DAY_HEAD.search(text, max(previous_end, second.start - 6), second.start)
    if found is None or int(found.group("day")) >= e.day:
        return None
    start, end = found.span("day")
    expression = Absolute(e.year, e.month, int(found.group("day")), direction=e.direction)
    return Candidate(
        start, end, text[start:end], "date_range_head", second.type, expression, tense=second.tense
    )


def _head_year(text: str, first: Candidate, second: Candidate, compiled: Tagger) -> Candidate:
    """A year-less date starting a range takes the year of the range's end ("21 March - 22
    March 1917"): the year the end's month and day first follow it."""
    a, b = first.expression, second.expression
    if not (isinstance(a, Absolute) and isinstance(b, Absolute)):
        return first
    if a.year is not None or a.month is None or b.year is None or b.month is None or a.direction is not None:
        return first
    if a.year_offset is not None or compiled.range_gap.fullmatch(text, first.end, second.start) is None:
        return first
    if text[first.end : second.start].strip().lower() == "and":
        return first
    year = b.year if (a.month, a.day or 1) <= (b.month, b.day or 1) else b.year - 1
    return replace(first, expression=replace(a, year=year))


def _ranges(text: str, found: list[Candidate], compiled: Tagger) -> list[Candidate]:
    """Both ends of every range the text states, the second read from the first."""
    linked: list[Candidate] = []
    for index, candidate in enumerate(found):
        head = _range_head(text, candidate, linked[-1].end if linked else 0)
        if head is not None:
            linked.append(head)
        if linked:
            linked[-1] = _head_year(text, linked[-1], candidate, compiled)
            candidate = _range_end(text, linked[-1], candidate, compiled)
        linked.append(candidate)
        following = found[index + 1].start if index + 1 < len(found) else len(text)
        tail = _range_tail(text, candidate, following, compiled)
        if tail is not None:
            linked.append(tail)
    return linked


def tag(text: str, settings: TaggerSettings | None = None) -> tuple[Candidate, ...]:
    """Every temporal expression in `text` with its underspecified value, in text order."""
    settings = settings or TaggerSettings()
    compiled = tagger(settings.language)
    found: list[Candidate] = []
    rules = compiled.scanners.rules
    built = compiled.built.setdefault(settings, {})
    if len(built) > _MAX_BUILT:
        built.clear()
    for index, match in _matches(text, compiled):
        rule = rules[index]
        groups = match.groupdict()
        fields = tuple(item for item in groups.items() if item[1] is not None)
        start, end = match.span(0 if groups.get("timex") is None else "timex")
        veto = rule.params.get("unless_near")
        if veto is not None and compiled.vetoes[str(veto)].search(text, *sentence_window(text, start, end)):
            continue
        surface = text[start:end]
        key = (index, surface, fields)
        made = built.get(key)
        if made is None:
            view = Match(surface, dict(fields), rule.params, compiled.language.tables, settings)
            expression = BUILDERS[rule.build](view)
            made = (
                (expression, build_mod(view), _needs_tense(expression))
                if expression is not None
                else (None, None, False)
            )
            built[key] = made
        expression, mod, needs_tense = made
        if expression is None:
            continue
        kind = rule.type
        # "Crews repaired the line in three weeks": after a past verb, how long it took.
        if (
            isinstance(expression, Relative)
            and expression.offset is not None
            and rule.params.get("past_duration")
            and compiled.tenses.tense(text, start, end) is Tense.PAST
        ):
            expression, kind = Duration(expression.unit, abs(expression.offset)), TimexType.DURATION
        if isinstance(expression, Duration) and expression.amount is not None and not expression.parts:
            then = _THEN.match(text, end)
            if then is not None:
                expression = replace(expression, then=1 if then.group(1).lower() == "after" else -1)
        tense = compiled.tenses.tense(text, start, end) if needs_tense else Tense.UNKNOWN
        found.append(
            Candidate(
                start=start,
                end=end,
                text=surface,
                rule=rule.name + SINCE_COMPARISON if _in_comparison(text, start, end) else rule.name,
                type=kind,
                expression=expression,
                mod=mod,
                tense=tense,
            )
        )
    return tuple(_ranges(text, found, compiled))
