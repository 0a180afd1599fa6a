"""Word tokens of a sentence with character offsets and the coarse word classes anchoring needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from timeline.events.lexicon import VerbForm, auxiliaries, multiword, verb_forms, word_set

_TOKEN = re.compile(
    r"""(?:[A-Za-z]\.){2,}                     # dotted acronyms: U.N., U.S.
      | [A-Za-z]+(?=n['\u2019]t\b)                  # "did" of "didn't"
      | n['\u2019]t\b
      | ['\u2019](?:s|ve|re|ll|d|m)\b               # clitics: 's 've 're 'll 'd 'm
      | \d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?      # numbers, 9,500, 22nd
      | [A-Za-z]+(?:[-'\u2019][A-Za-z]+)*           # words, war-torn, O'Brien
      | --+
      | \S                                     # any other single character
    """,
    re.VERBOSE,
)


class Kind(Enum):
    """What a token can be for anchoring."""

    OTHER = "other"
    VERB = "verb"
    AUX = "aux"
    EVENT_NOUN = "event_noun"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of text[start:end], offsets relative to the whole text."""
    stop = len(text) if end is None else end
    return tuple(
        Token(m.group(0), m.start(), m.end(), m.group(0).lower().replace("\u2019", "'"))
        for m in _TOKEN.finditer(text, start, stop)
    )


@cache
def _determiners() -> frozenset[str]:
    return word_set("determiners.txt")


@cache
def _prepositions() -> frozenset[str]:
    return word_set("prepositions.txt")


@cache
def _event_nouns() -> frozenset[str]:
    return word_set("event_nouns.txt")


def is_word(token: Token) -> bool:
    return token.text[:1].isalnum() or token.text[:1] in "'\u2019"


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def guessed_readings(token: Token) -> tuple[VerbForm, ...]:
    """Verb readings of a word: from the lexicon, else from regular morphology of a lowercase word."""
    known = verb_forms().get(token.lower)
    if known:
        return known
    word = token.lower
    if not token.text.islower() or not word.isalpha():
        return ()
    if len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
        return (VerbForm(word[:-2], "past"), VerbForm(word[:-2], "participle"))
    if len(word) >= 6 and word.endswith("ing") and not word.endswith(("thing", "ring", "ning")):
        return (VerbForm(word[:-3], "ing"),)
    return ()


def _noun_context(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the word at i stands where a noun or a modifier stands: after a determiner,
    a possessive, a preposition other than infinitival "to", a number, or an adjective-like word
    that itself follows a determiner ("the internationally recognized government")."""
    j = i - 1
    while j >= 0 and tokens[j].lower.endswith("ly") and tokens[j].lower not in ("only",):
        j -= 1  # skip adverbs: "the internationally recognized"
    if j < 0:
        return False
    prev = tokens[j].lower
    if prev in _determiners() or prev in ("'s", "'"):
        return True
    if prev in _prepositions() and prev != "to":
        return True
    return bool(prev[:1].isdigit())


def classify(tokens: tuple[Token, ...]) -> tuple[Kind, ...]:
    """Coarse class of each token in its sentence context."""
    aux = auxiliaries()
    nouns = _event_nouns()
    kinds = [Kind.OTHER] * len(tokens)
    for i, token in enumerate(tokens):
        word = token.lower
        if word in ("have", "has", "had", "do", "does", "did") and not _verb_follows(tokens, i):
            kinds[i] = Kind.VERB  # "had talks", "did the job": a main verb
            continue
        clitic = word in ("'s", "'d")
        if (word in aux and not clitic) or (clitic and _clitic_is_verb(tokens, i)):
            kinds[i] = Kind.AUX
            continue
        in_noun_context = _noun_context(tokens, i)
        if word in nouns or _compound_noun(tokens, i):
            readings = guessed_readings(token)
            if readings and not in_noun_context and _verbal_context(tokens, i):
                kinds[i] = Kind.VERB
            else:
                kinds[i] = Kind.EVENT_NOUN
            continue
        if is_capitalized(token) and i > 0:
            continue  # names are not verbs ("Arms", "Forces")
        readings = guessed_readings(token)
        if readings and not in_noun_context:
            kinds[i] = Kind.VERB
    return tuple(kinds)


def _clitic_is_verb(tokens: tuple[Token, ...], i: int) -> bool:
    """'s after a pronoun is "is"/"has" ("it's"); after a noun it is a possessive."""
    return i > 0 and tokens[i - 1].lower in ("it", "he", "she", "that", "what", "there", "who", "here")


def _verbal_context(tokens: tuple[Token, ...], i: int) -> bool:
    """A noun/verb word used as a verb: after "to", an auxiliary, a pronoun subject."""
    if i == 0:
        return False
    prev = tokens[i - 1].lower
    return prev in (
        "to",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "not",
        "n't",
    ) or (prev in ("they", "we", "he", "she", "i", "you", "who") or prev in auxiliaries())


@cache
def _compounds_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for entries in multiword("event_nouns.txt").values():
        for words in entries:
            if len(words) > 1:
                index.setdefault(words[-1], []).append(words)
    return {last: tuple(entries) for last, entries in index.items()}


def _compound_noun(tokens: tuple[Token, ...], i: int) -> bool:
    """The last word of a multi-word event noun ("air strike")."""
    for words in _compounds_by_last_word().get(tokens[i].lower, ()):
        n = len(words)
        if i - n + 1 >= 0 and tuple(t.lower for t in tokens[i - n + 1 : i + 1]) == words:
            return True
    return False


def _verb_follows(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether a verb form follows within two words (allowing "not", an adverb): auxiliary use."""
    for j in range(i + 1, min(i + 4, len(tokens))):
        word = tokens[j].lower
        if word in (
            "not",
            "n't",
            "never",
            "already",
            "also",
            "just",
            "been",
            "yet",
            "still",
        ) or word.endswith("ly"):
            continue
        return bool(guessed_readings(tokens[j])) and not tokens[j].text[:1].isupper()
    return False


def verb_lemma(token: Token) -> str:
    """The lemma of a verb token (the word itself when unknown)."""
    readings = guessed_readings(token)
    return readings[0].lemma if readings else token.lower


def lemma_of(word: str) -> str:
    """The lemma of a word out of context (verbs lemmatized, other words lowercased)."""
    lower = word.lower().replace("\u2019", "'")
    return verb_lemma(Token(word, 0, len(word), lower))
