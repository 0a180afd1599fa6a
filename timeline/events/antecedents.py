"""Pronoun subjects: the named person an article's "he" or "she" stands for, when unambiguous."""

from __future__ import annotations

from timeline.events.lexicon import countries, place_prepositions
from timeline.events.tokens import tokenize

PERSONAL = frozenset({"he", "she"})
# How much text before a sentence is searched for the antecedent (about three sentences).
REACH_CHARS = 600
# Words that end organization names: "Acme Corp", "Bank of Leeds" is no person.
ORG_WORDS = frozenset(
    {
        "corp",
        "inc",
        "ltd",
        "co",
        "group",
        "bank",
        "company",
        "ministry",
        "party",
        "council",
        "court",
        "university",
        "agency",
        "airlines",
        "times",
        "news",
        "senate",
        "house",
        "department",
        "police",
        "army",
        "force",
        "forces",
        "union",
    }
)


def _person_names(text: str) -> list[tuple[int, str]]:
    """(offset, name) of the runs of two or more capitalized name words that may be people."""
    tokens = tokenize(text, 0, len(text))
    places = {words[0] for words in place_prepositions()}
    out: list[tuple[int, str]] = []
    run: list[int] = []
    for i in range(len(tokens) + 1):
        if i < len(tokens) and tokens[i].info.name and tokens[i].text[:1].isupper():
            run.append(i)
            continue
        if (
            len(run) == 1
            and run[0] > 0
            and tokens[run[0] - 1].info.word
            and tokens[run[0] - 1].lower != "the"
        ):
            # a surname alone inside a sentence ("said Grant had"): another person to tell apart
            word = tokens[run[0]].text
            if (
                word not in countries()
                and tokens[run[0] - 1].lower not in places
                and word.lower() not in ORG_WORDS
            ):
                out.append((tokens[run[0]].start, word))
        elif len(run) >= 2:
            words = [tokens[k].text for k in run]
            before = tokens[run[0] - 1].lower if run[0] > 0 else ""
            if (
                before not in places
                and not any(w.lower().rstrip(".") in ORG_WORDS for w in words)
                and not any(w in countries() for w in words)
            ):
                out.append((tokens[run[0]].start, " ".join(words)))
        run = []
    return out


def antecedent(text: str, before: int) -> str | None:
    """The person a "he"/"she" at offset `before` names: the last full name in the preceding
    text, when the sentence naming it names no other person ("Mark Hale was arrested in June. He
    will be tried ..." -> "Mark Hale"). A surname alone later refers back to the same name."""
    start = max(0, before - REACH_CHARS)
    window = text[start:before]
    names = _person_names(window)
    if not names:
        return None
    full = [(at, name) for at, name in names if " " in name]
    if not full:
        return None
    offset, last = full[-1]
    sentence_start = max(window.rfind(". ", 0, offset), window.rfind("\n", 0, offset)) + 1
    # every person named from that sentence on, a surname of the same person counting once
    later = {name for at, name in names if at >= sentence_start and name not in last.split()}
    if len(later) > 1:
        return None  # two people: "he" could be either
    return last
