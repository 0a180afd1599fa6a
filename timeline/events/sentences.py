"""Sentence segmentation for news text: character spans of sentences, headlines and captions."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from timeline.events.lexicon import word_set
from timeline.events.tokens import WORD_CACHE

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, whitespace.
# Spelled [.!?][.!?]* rather than [.!?]+: a pattern opening with a plain character set lets
# the regex engine skip to the next candidate character instead of trying a match at every
# position (speed; the same matches).
_END = re.compile(r"([.!?][.!?]*)[\"'”\u2019)\]]*(?=\s)")
# What may open the next sentence: a capital, digit, opening quote or bracket.
_OPENER = re.compile(r"\s+([\"'“\u2018(\[]*[A-Z0-9])")
# A dateline opening a story, its own unit: "NAIROBI, Kenya (AP) _" or "WASHINGTON (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .'-]+)?\s*\([A-Za-z .]+\)\s*(?:[-_—\u2013]+|:)\s*")
_NEXT_WORD = re.compile(r"\s*[\"'“\u2018(\[]*([\w\u2019']+)")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_LINE = re.compile(r"[^\n]+")


@cache
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations.txt")


@cache
def _openers() -> frozenset[str]:
    return word_set("sentence_openers.txt")


def _is_boundary(text: str, punct_end: int, after: int) -> bool:
    """Whether the punctuation run ending at `punct_end` really ends a sentence."""
    if text[punct_end - 1] != ".":
        return True  # ! and ? always end
    back = max(0, punct_end - 64)
    space = max(
        text.rfind(" ", back, punct_end), text.rfind("\n", back, punct_end), text.rfind("\t", back, punct_end)
    )
    word = text[space + 1 : punct_end]
    # Only a word of ordinary length is cached: with no space in reach, it is the whole text
    # before the period.
    kind = _dotted_word(word) if len(word) <= _MAX_CACHED_WORD else _dotted(word)
    if kind == "initial":
        # Initials ("John F. Kennedy") and dotted acronyms ("the U.N. envoy") usually continue
        # the sentence; they end it only when a typical sentence opener follows.
        next_word = _NEXT_WORD.match(text, after)
        following = next_word.group(1) if next_word else ""
        return following.lower() in _openers()
    return kind == "word"


# What a word before a period is, for sentence ends: an abbreviation binds to what follows
# ("Oct. 22", "Gen. Haftar", "Mr. Smith"); an initial or a dotted acronym ("F.", "U.N.") ends a
# sentence only before a typical opener; after any other word the period ends the sentence.
_Dotted = Literal["abbreviation", "initial", "word"]


_MAX_CACHED_WORD = 64


def _dotted(word: str) -> _Dotted:
    """What the text before a period (from the last space) is: it depends on that text only."""
    token = word.lstrip("\"'“\u2018([")
    if token.rstrip(".").lower() in _abbreviations():
        return "abbreviation"
    if _INITIAL.match(token) or _ACRONYM.fullmatch(token):
        return "initial"
    return "word"


# The same, cached per distinct word (speed).
_dotted_word = lru_cache(maxsize=WORD_CACHE)(_dotted)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences within one paragraph line."""
    spans: list[tuple[int, int]] = []
    begin = start
    dateline = _DATELINE.match(text, start, end)
    if dateline and dateline.end() < end:
        spans.append((start, dateline.end()))
        begin = dateline.end()
    for match in _END.finditer(text, begin, end):
        opener = _OPENER.match(text, match.end(), end)
        if opener is None:
            continue
        punct_end = match.end(1)  # where the punctuation run ends, before closing quotes
        if not _is_boundary(text, punct_end, match.end()):
            continue
        spans.append((begin, match.end()))
        begin = opener.start(1)
    spans.append((begin, end))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    """Paragraph lines; a hard-wrapped line continuing in lowercase is joined to the previous."""
    lines: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line_start, line_end = match.span()
        # The line's first non-space character; most lines start with it, and then the line
        # need not be copied to find it (speed).
        first = text[line_start]
        if first.isspace():
            first = text[line_start:line_end].lstrip()[:1]
        if lines and first.islower():
            prev_start, prev_end = lines[-1]
            previous = text[prev_start:prev_end].rstrip()
            blank_between = "\n\n" in text[prev_end:line_start] or text[prev_end:line_start].count("\n") > 1
            if previous and previous[-1] not in '.!?"”' and not blank_between:
                lines[-1] = (prev_start, line_end)
                continue
        lines.append((line_start, line_end))
    return lines


def _line_sentences(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The sentences of one paragraph line, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for start, end in _split_line(text, line_start, line_end):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans (start, end) of the sentences of `text`, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        spans.extend(_line_sentences(text, line_start, line_end))
    return tuple(spans)


def join_across(
    sentences: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Sentences joined where a span (a date expression) runs from one into the next; both
    sequences sorted by start."""
    out: list[tuple[int, int]] = []
    reach = 0  # the furthest end of a span starting inside the current sentence
    k = 0
    for start, end in sentences:
        if out and reach > out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        while k < len(spans) and spans[k][0] < out[-1][1]:
            reach = max(reach, spans[k][1])
            k += 1
    return tuple(out)


class _LazySentences:
    """The sentences of a text, split one paragraph line at a time on demand: lines are split
    independently of each other, so a line far from any date need never be split (speed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.line_starts = [start for start, _ in self.lines]
        self._split: dict[int, list[tuple[int, int]]] = {}

    def of_line(self, line: int) -> list[tuple[int, int]]:
        found = self._split.get(line)
        if found is None:
            found = self._split[line] = _line_sentences(self.text, *self.lines[line])
        return found

    def last_end(self, line: int) -> int | None:
        """Where the last sentence of `line` ends, without splitting it: at the line's last
        non-space character (a line's last piece is never blank unless the whole line is)."""
        text = self.text
        start, end = self.lines[line]
        while end > start and text[end - 1].isspace():
            end -= 1
        return end if end > start else None

    def last_starting_by(self, position: int) -> tuple[int, int] | None:
        """(line, index) of the last sentence starting at or before `position`, else the first
        sentence of the text (None when there is none): what bisecting the starts of
        split_sentences(text) at `position` finds."""
        line = bisect_right(self.line_starts, position) - 1
        if line >= 0:
            k = bisect_right(self.of_line(line), (position, sys.maxsize)) - 1
            if k >= 0:
                return line, k
            for earlier in range(line - 1, -1, -1):
                if sentences := self.of_line(earlier):
                    return earlier, len(sentences) - 1
        for later in range(max(line, 0), len(self.lines)):
            if self.of_line(later):
                return later, 0
        return None


def sentences_around(
    text: str, positions: Sequence[int], spans: Sequence[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """The sentences of join_across(split_sentences(text), spans) that a bisect of their starts
    at each of `positions` picks (the sentence holding it; the first sentence for a position
    before all of them), in order; only the paragraph lines holding the positions are split.

    Equivalence: join_across joins sentence i to the next exactly when a span starting before
    the end of sentence i ends after it, which depends on that boundary alone."""
    ordered = sorted(spans)
    span_starts = [start for start, _ in ordered]
    reach: list[int] = []  # reach[k]: the furthest end of the first k + 1 spans
    furthest = 0
    for _, end in ordered:
        furthest = max(furthest, end)
        reach.append(furthest)

    def joined_after(end: int) -> bool:
        k = bisect_left(span_starts, end)
        return k > 0 and reach[k - 1] > end

    lazy = _LazySentences(text)
    found: set[tuple[int, int]] = set()
    last: tuple[int, int] = (0, 0)
    for position in positions:
        if last[0] <= position < last[1]:
            # Inside the sentence found last (a sentence's dates come one after another): the
            # last sentence starting by it is one of that joined sentence's, so it is the answer.
            continue
        at = lazy.last_starting_by(position)
        if at is None:
            continue
        line, k = at
        while True:  # back over the boundaries a span crosses
            if k > 0:
                if not joined_after(lazy.of_line(line)[k - 1][1]):
                    break
                k -= 1
                continue
            previous = next((n for n in range(line - 1, -1, -1) if lazy.last_end(n) is not None), None)
            if previous is None or not joined_after(lazy.last_end(previous) or 0):
                break
            line, k = previous, len(lazy.of_line(previous)) - 1
        start = lazy.of_line(line)[k][0]
        line, k = at
        while joined_after(lazy.of_line(line)[k][1]):  # and forward
            if k + 1 < len(lazy.of_line(line)):
                k += 1
                continue
            following = next((n for n in range(line + 1, len(lazy.lines)) if lazy.of_line(n)), None)
            if following is None:
                break
            line, k = following, 0
        last = (start, lazy.of_line(line)[k][1])
        found.add(last)
    return tuple(sorted(found))
