"""Compiling the rules: pattern lists into named groups, trigger words into a trie, dispatch by first word."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from timeline.tagging.resources import Rule

# `%month` inserts the pattern list "month" as the named group "month";
# `%number:count` inserts the list "number" as the group "count" (a second use in one rule).
_LIST_REFERENCE = re.compile(r"%(?P<list>[a-z_0-9]+)(?::(?P<alias>[a-z_0-9]+))?")
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>[a-z_0-9]+)>")


def _lookbehind(word: str) -> str:
    """A fixed-width lookbehind for `word` and one whitespace character (whole words only)."""
    boundary = r"(?<!\w)" if word[:1].isalpha() else ""
    return f"(?<={boundary}{word.replace(' ', chr(92) + 's')}\\s)"


def rule_regex(rule: Rule, patterns: Mapping[str, str], context: bool = True) -> str:
    """The rule's regex: pattern lists inserted as named groups, context as lookbehinds
    (left out with `context=False`: what the match itself consumes)."""

    def insert_list(match: re.Match[str]) -> str:
        name = match.group("list")
        if name not in patterns:
            raise ValueError(f"rule {rule.name}: unknown pattern list %{name}")
        return f"(?P<{match.group('alias') or name}>{patterns[name]})"

    # " ?" is an optional space, any other space a run of whitespace.
    body = _LIST_REFERENCE.sub(insert_list, rule.pattern).replace(" ?", r"\s*").replace(" ", r"\s+")
    if rule.after and context:
        # Context as lookbehinds, so that it never becomes part of (or moves) the match start.
        words = "|".join(_lookbehind(word) for word in rule.after)
        body = f"(?:{words}){body}"
    names = [m.group("name") for m in _NAMED_GROUP.finditer(body)]
    if len(names) != len(set(names)):
        raise ValueError(f"rule {rule.name}: a group name is used twice; give the list an alias")
    return body


_LITERAL = re.compile(r"(?P<word>(?:[\w'\u2019 -]|\\\.)+?)(?:\\\.\??)?")


def _trie(words: list[str]) -> str:
    """An alternation of `words` shaped as a trie, so a failing position costs one branch per letter."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [
            re.escape(char).replace(r"\ ", r"\s+") + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


def trigger_pattern(alternatives: tuple[str, ...]) -> str:
    """The pattern of a trigger word (what follows a word start): literal words as a
    case-sensitive trie of their lower, capitalized, title and upper case forms (whole words),
    the few regex alternatives as they are. Case-sensitive literals keep the regex engine on its
    fast path."""
    words: set[str] = set()
    others: list[str] = []
    for alternative in alternatives:
        literal = _LITERAL.fullmatch(alternative)
        if literal is None:
            others.append(alternative)
            continue
        word = literal.group("word").replace("\\.", ".")
        lower = word.lower()
        words.update({lower, lower[:1].upper() + lower[1:], word.title(), word.upper(), word})
    body = f"(?:{_trie(sorted(words))})(?!\\w)"
    if others:
        body += "|(?i:" + "|".join(others) + ")"
    return f"(?:{body})"


class TriggerScan:
    """Where trigger words start: the starts of the pattern's matches behind a word-start
    lookbehind, as `finditer` would yield them, found faster.

    A pattern opening with a lookbehind makes the regex engine try it at every character; one
    opening with a consumed non-word character lets it skip from one such character to the
    next in its fast loop and try the words only where one can start (the scan takes ~10% less
    time). The text is read with a space in front, the non-word character before a trigger at
    its very start, and each search resumes on the last character of the previous trigger,
    which may be the non-word character before the next one (as the lookbehind sees it).
    """

    def __init__(self, pattern: str) -> None:
        self._scan = re.compile(rf"\W{pattern}")

    def starts(self, text: str) -> Iterator[int]:
        padded = " " + text
        search = self._scan.search
        position = 0
        while (found := search(padded, position)) is not None:
            start, position = found.start(), found.end() - 1
            if position == start:
                raise ValueError("a trigger alternative matches the empty string")
            yield start  # the trigger's start in `text`: `padded` is one character longer


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = tuple("0123456789")
# A longer sample of the text at a position, to tell apart the many rules that a first word
# like "the" or a number opens: the whole number, or two words and what separates them ("the
# third", "5 years"). A match never ends before a word character, so it covers the first run of
# word characters whole, and then either ends in the separator (it is a prefix of the sample)
# or covers the second run too, as far as the sample reaches (the sample is a prefix of it):
# either way the partial test on the sample keeps its rule.
_NUMBER = re.compile(r"\d+")
_TWO_WORDS = re.compile(r"\w+\W{1,2}\w+")
_TWO_WORDS_CHARS = 32
_REFINE_ABOVE = 4  # rule subsets this small are tried as they are
# A partial test costs about as much as seven rule attempts, so a sample gets its own subset
# only when it recurs: the frequent ones (most positions) soon have theirs, the ones seen once
# (most samples) never cost a test. tag+resolve on TBAQ: first pass 0.26 CPU s (main 0.27),
# the second 0.19 (the samples seen twice get their subsets), from the third on 0.15 (main 0.20).
_REFINE_AFTER = 2
_MAX_SAMPLES = 1 << 16  # bound on the samples counted and on the subsets kept


class Dispatch:
    """Which rules to try at a position, and trying them in file order (first match wins).

    Trying every rule at a position is the tagger's main cost; the first word there rules most of
    them out. Which rules survive is decided once per distinct first word, by partial matching
    (could a match of the rule start with this word?). Words that open many rules ("the", a
    number) are told apart further by a longer sample of the text, once that sample has recurred.
    Rules are compiled one by one, so the result is exactly that of one alternation of all
    rules, without compiling rule subsets.
    """

    def __init__(self, rules: tuple[Rule, ...], patterns: Mapping[str, str]) -> None:
        self.rules = rules
        self.compiled: list[re.Pattern[str]] = []
        self._prefix_tests: list[regex.Pattern[str]] = []
        for rule in rules:
            body = rule_regex(rule, patterns)
            try:
                self.compiled.append(re.compile(rf"(?<![\w])(?i:{body})(?![\w])"))
            except re.error as error:
                raise ValueError(f"rule {rule.name}: {error}") from error
            # Context lookbehinds consume nothing, so a match starts with what the body alone
            # consumes: the partial test leaves them out (they are judged by the full match).
            self._prefix_tests.append(regex.compile(rf"(?i:{rule_regex(rule, patterns, context=False)})"))
        self._all = tuple(range(len(rules)))
        self._by_key: dict[str, tuple[int, ...]] = {}
        self._by_sample: dict[str, tuple[int, ...]] = {}
        self._sightings: dict[str, int] = {}
        # First characters each rule can start with: a cheap filter before the partial matches.
        self._by_first: dict[str, tuple[int, ...]] = {
            char: tuple(i for i in self._all if self._could_start(i, (char,)))
            for char in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        }

    def _could_start(self, index: int, samples: tuple[str, ...]) -> bool:
        test = self._prefix_tests[index]
        return any(test.match(sample, partial=True) is not None for sample in samples)

    def candidates_at(self, text: str, start: int) -> tuple[int, ...]:
        """Indexes of the rules that may match at `start`, in file order."""
        letters = _LETTERS.match(text, start, start + 24)
        if letters is not None:
            key = letters.group()
            samples: tuple[str, ...] = (key,)
        elif text[start : start + 1].isdigit():
            key, samples = "#", _DIGITS
        else:
            return self._all
        subset = self._by_key.get(key)
        if subset is None:
            first = self._by_first.get(key[0], self._all)
            subset = tuple(i for i in first if self._could_start(i, samples))
            self._by_key[key] = subset
        if len(subset) <= _REFINE_ABOVE:
            return subset
        longer = (
            _NUMBER.match(text, start)
            if key == "#"
            else _TWO_WORDS.match(text, start, start + _TWO_WORDS_CHARS)
        )
        if longer is None:
            return subset
        sample = longer.group()
        refined = self._by_sample.get(sample)
        if refined is not None:
            return refined
        seen = self._sightings.get(sample, 0) + 1
        if seen < _REFINE_AFTER or len(self._by_sample) >= _MAX_SAMPLES:
            if len(self._sightings) >= _MAX_SAMPLES:
                self._sightings.clear()
            self._sightings[sample] = seen
            return subset
        self._sightings.pop(sample, None)
        refined = tuple(i for i in subset if self._could_start(i, (sample,)))
        self._by_sample[sample] = refined
        return refined

    def match(self, text: str, start: int) -> tuple[int, re.Match[str]] | None:
        """The first rule (in file order) matching at `start`, with its match."""
        compiled = self.compiled
        for index in self.candidates_at(text, start):
            found = compiled[index].match(text, start)
            if found is not None and found.end() > start:
                return index, found
        return None
