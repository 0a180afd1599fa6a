"""Reported speech: the content clause of a reporting verb, and who reported an event."""

from __future__ import annotations

from timeline.events.anchoring import is_hard_boundary, is_reporting
from timeline.events.tokens import AUX, PREDICATE_KINDS, VERB, Kind, Token

# Words that may stand between a reporting verb and its content clause: "said (on Monday) that".
_COMPLEMENTIZERS = frozenset({"that"})
# How far after a reporting verb its content clause's predicate may be: "said on Monday that the
# country's exports of cars fell".
CONTENT_REACH = 14
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "``", "''", "\u2018", "\u2019"})


def content_predicate(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, dates: frozenset[int]
) -> int | None:
    """The predicate of the clause a reporting verb reports: "said on Monday that exports fell"
    -> fell; "said it would cut" -> cut. None when the verb reports no clause ("said in a
    statement", "told reporters")."""
    if verb not in _reporting_verbs(tokens, kinds):
        return None
    size = len(tokens)
    i = verb + 1
    while i < size and (i in dates or tokens[i].lower in ("on", "in", "at", "late", "early")):
        i += 1  # the date of the saying: "said on Monday"
    if i < size and tokens[i].text == ",":
        return None
    if i < size and tokens[i].lower in _COMPLEMENTIZERS:
        i += 1
    words = 0
    for k in range(i, min(size, i + CONTENT_REACH)):
        if is_hard_boundary(tokens[k]) or tokens[k].text in ".!?":
            return None
        if kinds[k] is VERB and words:
            return k
        if kinds[k] is AUX or kinds[k] in PREDICATE_KINDS:
            if not words:
                return None  # "said was": no subject, not a clause
            continue
        if tokens[k].info.word:
            words += 1
    return None


def quoted_predicate(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int) -> int | None:
    """The first predicate of a quotation that closes before its attribution: "'Our shares fell
    sharply today,' the chief executive said on Tuesday" -> fell."""
    if verb not in _reporting_verbs(tokens, kinds):
        return None
    k = verb - 1
    while k >= 0 and tokens[k].text not in QUOTES and tokens[k].text != ",":
        k -= 1
    # the attribution's subject sits between the quote's closing mark and the verb
    while k >= 0 and (tokens[k].text in QUOTES or tokens[k].text == ","):
        k -= 1
    if k < 0 or k == verb - 1:
        return None
    close = k
    open_ = close
    while open_ >= 0 and tokens[open_].text not in QUOTES:
        open_ -= 1
    return next((i for i in range(open_ + 1, close + 1) if kinds[i] is VERB), None)


def quote_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks ('...' counted only at word edges)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, token in enumerate(tokens):
        if token.text in QUOTES:
            if opened is None:
                opened = i + 1
            else:
                spans.append((opened, i))
                opened = None
    return spans


# The reporting verbs of the last token tuple reporter() saw: each date of a sentence asks about
# the same tuple in turn. Held with its tuple (identity test); replaced in one assignment.
_last_reporting: tuple[tuple[Token, ...], tuple[Kind, ...], list[int]] = ((), (), [])


def _reporting_verbs(tokens: tuple[Token, ...], kinds: tuple[Kind, ...]) -> list[int]:
    global _last_reporting
    seen, seen_kinds, found = _last_reporting
    if seen is not tokens or seen_kinds is not kinds:
        found = [k for k, kind in enumerate(kinds) if kind is VERB and is_reporting(tokens[k])]
        _last_reporting = (tokens, kinds, found)
    return found


def reporter(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], group_start: int, dates: frozenset[int]
) -> int | None:
    """The reporting verb whose content clause holds the verb group starting at group_start:
    "The ministry said (that) exports fell" or "Exports fell on Friday, the ministry said"."""
    if not _reporting_verbs(tokens, kinds):
        return None  # most sentences report nothing (speed)
    for k in range(group_start - 1, -1, -1):
        if is_hard_boundary(tokens[k]):
            break
        if kinds[k] is VERB and is_reporting(tokens[k]):
            found = content_predicate(tokens, kinds, k, dates)
            if found is not None and found <= group_start + 3:
                return k
            break
    # a closing attribution: ", police said." at the end of the clause
    for k in range(group_start + 1, len(tokens)):
        if is_hard_boundary(tokens[k]) and tokens[k].text not in QUOTES:
            break
        if tokens[k].text == ",":
            after = [j for j in range(k + 1, min(len(tokens), k + 8)) if kinds[j] is VERB]
            if after and is_reporting(tokens[after[0]]):
                rest = [j for j in range(after[0] + 1, len(tokens)) if tokens[j].info.word and j not in dates]
                if len(rest) <= 2 and not any(kinds[j] is VERB for j in range(k + 1, after[0])):
                    return after[0]
            continue
    return None
