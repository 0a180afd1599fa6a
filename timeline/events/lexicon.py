"""The event layer's word lists, loaded once from package data (timeline/events/data/*.txt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

VOWELS = frozenset("aeiou")


def _lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file."""
    text = files("timeline.events").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list as a set of lowercased entries."""
    return frozenset(line.lower() for line in _lines(name))


@cache  # zero-argument caches: these two are read in the event layer's inner loops
def determiners() -> frozenset[str]:
    return word_set("determiners.txt")


@cache
def prepositions() -> frozenset[str]:
    return word_set("prepositions.txt")


@cache
def linking_verbs() -> frozenset[str]:
    """Linking verbs whose participle or adjective is the event ("will stay closed")."""
    return word_set("linking_verbs.txt")


@cache
def time_adverbs() -> frozenset[str]:
    """Adverbs measuring a date's preposition ("shortly after"): they go with the date."""
    return word_set("time_adverbs.txt")


@cache
def case_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list, case kept (names)."""
    return frozenset(_lines(name))


def _regular_forms(lemma: str) -> tuple[str, str, str]:
    """Third person singular, past, and -ing form of a regular verb."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif (
        len(lemma) <= 4
        and len(lemma) >= 3
        and lemma[-1] not in VOWELS | {"w", "x", "y"}
        and lemma[-2] in VOWELS
        and lemma[-3] not in VOWELS
    ):
        # Short CVC verbs double their last consonant: stop -> stopped, ban -> banned.
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return third, past, ing


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    tense: str  # "base", "present" (3sg), "past", "participle" (-en/-ed), "ing"


@cache
def verb_forms() -> dict[str, tuple[VerbForm, ...]]:
    """Every known inflected form of the news verbs, mapped to its readings."""
    table: dict[str, list[VerbForm]] = {}

    def add(form: str, lemma: str, tense: str) -> None:
        readings = table.setdefault(form, [])
        reading = VerbForm(lemma, tense)
        if reading not in readings:
            readings.append(reading)

    irregular: dict[str, tuple[list[str], list[str]]] = {}
    for line in _lines("irregular_verbs.txt"):
        lemma, past, participle = line.split()
        irregular[lemma] = (past.split("/"), participle.split("/"))
    lemmas = set(word_set("verbs.txt")) | set(irregular) | set(word_set("reporting_verbs.txt"))
    lemmas |= set(word_set("light_verbs.txt"))
    for lemma in sorted(lemmas):
        third, past, ing = _regular_forms(lemma)
        add(lemma, lemma, "base")
        add(third, lemma, "present")
        add(ing, lemma, "ing")
        if lemma in irregular:
            pasts, participles = irregular[lemma]
            for form in pasts:
                add(form, lemma, "past")
            for form in participles:
                add(form, lemma, "participle")
        else:
            add(past, lemma, "past")
            add(past, lemma, "participle")
    return {form: tuple(readings) for form, readings in table.items()}


@cache
def auxiliaries() -> dict[str, str]:
    """Auxiliary form -> the tense it carries."""
    table = {}
    for line in _lines("auxiliaries.txt"):
        form, tense = line.split()
        table[form.lower()] = tense
    return table


BE_FORMS = ("be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m")
HAVE_FORMS = ("have", "has", "had", "having", "'ve")


@dataclass(frozen=True)
class Cue:
    """A modality/negation phrase as a sequence of alternatives per token position."""

    kind: str
    words: tuple[tuple[str, ...], ...]
    text: str


@cache
def cues() -> tuple[Cue, ...]:
    """Modality and negation cues, longest first so "is due to" wins over "to"."""
    out = []
    for line in _lines("modality.txt"):
        kind, phrase = line.split(None, 1)
        words: list[tuple[str, ...]] = []
        for word in phrase.split():
            if word == "BE":
                words.append(BE_FORMS)
            elif word == "HAVE":
                words.append(HAVE_FORMS)
            else:
                words.append((word,))
        out.append(Cue(kind, tuple(words), phrase))
    return tuple(sorted(out, key=lambda cue: -len(cue.words)))


@cache
def demonyms() -> dict[str, str]:
    """Demonym -> country."""
    table = {}
    for line in _lines("demonyms.txt"):
        demonym, country = line.split(None, 1)
        table[demonym] = country
    return table


@cache
def countries() -> frozenset[str]:
    return frozenset(demonyms().values())


@cache
def place_prepositions() -> tuple[tuple[str, ...], ...]:
    """Locative prepositions as token tuples, longest first ("north of" before "of")."""
    return tuple(
        sorted((tuple(line.lower().split()) for line in _lines("place_prepositions.txt")), key=len)[::-1]
    )


@cache
def multiword(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word entries of a list indexed by first word (e.g. "air strike", "coast guard")."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in _lines(name):
        words = tuple(line.lower().split())
        index.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(entries, key=len, reverse=True)) for first, entries in index.items()}
