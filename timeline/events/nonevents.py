"""Dates that date no event: comparisons, durations read as dates, generic "today", datelines."""

from __future__ import annotations

from functools import cache

from timeline.events.anchoring import is_hard_boundary, is_soft_boundary
from timeline.events.lexicon import word_set
from timeline.events.tokens import AUX, VERB, Kind, Token
from timeline.models import Timex

# Units after "in" that make "in a century" a span of comparison ("the wettest in a century").
LONG_UNITS = frozenset({"century", "centuries", "decade", "decades", "generation", "generations", "lifetime"})
# Units after "in" that make "finished in forty minutes" how long something took.
UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"}
    | {"month", "months", "year", "years"}
    | LONG_UNITS
)
GENERIC_NOW = frozenset({"today", "now", "nowadays", "these days"})
# Superlatives are found by their suffix ("biggest"); words shorter than this are not ("best" is
# listed, "nest" is no superlative).
MIN_SUPERLATIVE_CHARS = 6


@cache
def _comparison_words() -> frozenset[str]:
    return word_set("comparisons.txt")


def _comparative(token: Token) -> bool:
    word = token.lower
    return word in _comparison_words() or (
        word.endswith("est") and len(word) >= MIN_SUPERLATIVE_CHARS and token.text.islower()
    )


NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "ninety",
        "hundred",
        "few",
        "several",
    ]
)


def _number_word(word: str) -> bool:
    return word in NUMBER_WORDS or word.split("-")[0] in NUMBER_WORDS


def _clause_before(tokens: tuple[Token, ...], start: int) -> range:
    """The tokens of the date's clause before it (its own preposition included)."""
    k = start - 1 if start > 0 else 0
    while k > 0 and not is_soft_boundary(tokens[k - 1]) and not is_hard_boundary(tokens[k - 1]):
        k -= 1
    return range(k, start)


# How far back an "as ... as" comparison's second "as" may open the date's clause.
AS_REACH = 6


def _after_as(tokens: tuple[Token, ...], start: int) -> bool:
    return any(t.lower == "as" for t in tokens[max(0, start - AS_REACH) : start])


def nonevent(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], start: int, end: int, timex: Timex
) -> str | None:
    """Why the date at tokens[start:end] dates no event, or None when it may date one."""
    before = tokens[start - 1].lower if start > 0 else ""
    if before in ("a", "the", "one") and start > 1:
        before = tokens[start - 2].lower  # "in a century"
    words = [tokens[k].lower for k in range(start, end)]
    if before == "than" or (before == "in" and start > 1 and tokens[start - 2].lower == "than"):
        return "comparison"  # "more than in 2010"
    generic = timex.text.lower() in GENERIC_NOW
    if before not in ("since", "in", "as") and not generic and not _after_as(tokens, start):
        return None  # none of the cues below (speed: most dates)
    clause = _clause_before(tokens, start)
    opener = clause.start - 1 if clause.start > 0 and tokens[clause.start - 1].lower == "as" else clause.start
    if (
        opener < len(tokens)
        and tokens[opener].lower == "as"
        and any(t.lower == "as" for t in tokens[max(0, opener - 4) : opener])
    ):
        return "comparison"  # "as easily as he did a decade ago"
    if before == "since" and any(_comparative(tokens[k]) for k in clause):
        return "comparison"  # "the biggest drop since 2008"
    counted = bool(words) and (words[0] in ("a", "an", "one") or words[0].isdigit() or _number_word(words[0]))
    if before == "in" and counted and words[-1] in UNITS:
        if words[-1] in LONG_UNITS and any(_comparative(tokens[k]) for k in clause):
            return "comparison"  # "the wettest summer in a century"
        verbs = [k for k in clause if kinds[k] in (VERB, AUX)]
        if (
            verbs
            and kinds[verbs[-1]] is VERB
            and "past" in tokens[verbs[-1]].info.tenses
            and not any(kinds[k] is AUX for k in verbs)
        ):
            return "duration"  # "finished in forty minutes" (but "leaves in forty minutes")
    if generic:
        after = [t.lower for t in tokens[end : end + 3]]
        if "than" in after:
            return "generic"  # "families pay more today than ever"
        if clause and tokens[clause.start].lower == "what":
            return "generic"  # "what families pay today"
    return None


def dateline_line(text: str, timex: Timex, sentence: tuple[int, int]) -> bool:
    """Whether the date sits on a line of its own inside a sentence that the splitter fused with
    a headline above it: "Airline shares tumble\\nMarch 01, 2008" (a dateline, no event)."""
    line_start = text.rfind("\n", sentence[0], timex.start)
    if line_start < 0:
        return False
    line_end = text.find("\n", timex.end, sentence[1])
    line_end = sentence[1] if line_end < 0 else line_end
    rest = text[line_start + 1 : timex.start] + " " + text[timex.end : line_end]
    words = [w for w in rest.replace(",", " ").replace("(", " ").replace(")", " ").split() if w[:1].isalnum()]
    # at most a place name in capitals or a news agency: "LONDON, March 1 (Reuters) -"
    return all(w[:1].isupper() or w.isdigit() for w in words) and len(words) <= 3
