"""Word tokens of a sentence with character offsets and the coarse word classes anchoring needs."""

from __future__ import annotations

import re
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple

from timeline.events.lexicon import (
    VerbForm,
    auxiliaries,
    case_set,
    demonyms,
    determiners,
    multiword,
    prepositions,
    verb_forms,
    word_set,
)

_TOKEN = re.compile(
    r"""(\s*+)                                            # the whitespace before the token: its
                                                     # length gives the token's offset, and
                                                     # whitespace is skipped without trying
                                                     # every alternative at each space (speed)
    (                                                 # the token
        [A-Za-z]++(?![A-Za-z0-9'\u2019.\-])              # fast path: a plain word that no
                                                     # alternative below would match otherwise
                                                     # (possessive: a shorter run is followed by
                                                     # a letter, so backtracking never matches)
      | (?:[A-Za-z]\.){2,}                               # dotted acronyms: U.N., U.S., p.m.
      | [A-Z]\.(?=\s+[A-Z])                             # an initial: John F. Kennedy
      | [A-Za-z]+(?=n['\u2019]t\b)                       # "did" of "didn't"
      | n['\u2019]t\b
      | ['\u2019](?:s|ve|re|ll|d|m)\b                    # clitics: 's 've 're 'll 'd 'm
      | \d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?(?:-[A-Za-z0-9]+)*  # 9,500, 22nd, 777-200LR
      | [A-Za-z0-9]+(?:-[A-Za-z0-9]+|['\u2019](?!(?:s|ve|re|ll|d|m)\b)[A-Za-z]+)*  # war-torn, O'Brien
      | --+ | `` | ''
      | \S                                               # any other single character
    )
    """,
    re.VERBOSE,
)


# Entries per per-word cache: above the distinct word forms of a news corpus's dated
# sentences (about 6,500 in TBAQ + MEANTIME), small enough to stay a few MB per worker.
WORD_CACHE = 8192


class Kind(Enum):
    """What a token can be for anchoring."""

    OTHER = "other"
    VERB = "verb"
    AUX = "aux"
    EVENT_NOUN = "event_noun"


# The members as module constants, which the rules read in their inner loops: the enum
# metaclass defines __getattr__, and that makes every Kind.VERB a slow attribute lookup, several
# times the cost of reading a global (speed).
OTHER = Kind.OTHER
VERB = Kind.VERB
AUX = Kind.AUX
EVENT_NOUN = Kind.EVENT_NOUN

# Kind pairs the rules test membership in, built once rather than at every test (speed).
PREDICATE_KINDS = (VERB, AUX)
NOMINAL_KINDS = (OTHER, EVENT_NOUN)


class Token(NamedTuple):
    """A word or punctuation mark; a tuple because sentences make many of them."""

    text: str
    start: int
    end: int
    lower: str
    # The facts about its word form, looked up once per token while tokenizing: classify and
    # the anchoring and field rules read them without a cache lookup per question (speed).
    info: WordInfo


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of text[start:end], offsets relative to the whole text."""
    stop = len(text) if end is None else end
    new = tuple.__new__  # Token(...) without the generated __new__'s extra call (speed)
    # findall makes no match objects; only whitespace lies between tokens (any other character
    # is a token of its own), so each token starts where the whitespace before it ends (speed).
    tokens: list[Token] = []
    append = tokens.append
    position = start
    known = _INFOS.get
    for space, word in _TOKEN.findall(text, start, stop):
        first = position + len(space)
        position = first + len(word)
        info = known(word) or word_info(word)
        append(new(Token, (word, first, position, info.lower, info)))
    return tuple(tokens)


@lru_cache(maxsize=WORD_CACHE)
def _lower(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@cache
def event_nouns() -> frozenset[str]:
    """The listed event nouns ("attack", "talks"); _event_noun adds the deverbal suffixes."""
    return word_set("event_nouns.txt")


def guessed_readings(token: Token) -> tuple[VerbForm, ...]:
    """Verb readings of a word: from the lexicon, else from regular morphology of a lowercase word."""
    return token.info.readings


@lru_cache(maxsize=WORD_CACHE)
def _readings(text: str) -> tuple[VerbForm, ...]:
    word = text.lower().replace("\u2019", "'")
    known = verb_forms().get(word)
    if known:
        return known
    if not text.islower() or not word.isalpha():
        return ()
    if len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
        return (VerbForm(word[:-2], "past"), VerbForm(word[:-2], "participle"))
    if len(word) >= 6 and word.endswith("ing") and not word.endswith(("thing", "ring", "ning")):
        return (VerbForm(word[:-3], "ing"),)
    return ()


# Words that can stand between a determiner and a noun without being the noun themselves.
_FUNCTION = frozenset({"and", "or", "but", "not", "n't", "to", "as", "than", "then", "so", "if"})


class WordInfo(NamedTuple):
    """Context-free facts about a word form, computed once per distinct form (speed)."""

    lower: str  # lowercase, the typographic apostrophe as "'"
    readings: tuple[VerbForm, ...]  # its verb readings (guessed_readings)
    tenses: frozenset[str]  # the tenses of those readings
    word: bool  # starts with a letter or digit: a word or number, not punctuation
    capitalized: bool  # starts with an uppercase letter
    name: bool  # capitalized and not a word listed as no name (nonnames.txt): may name someone
    aux: bool
    have_do: bool
    clitic: bool
    determiner: bool  # opens a noun phrase ("that" excluded: mostly a complementizer)
    preposition: bool  # other than infinitival "to"
    modifier: bool  # a lowercase content word that may pre-modify a noun
    capital_word: bool  # a capitalized alphabetic word
    adverb: bool  # an -ly adverb
    digit: bool
    event_noun: bool
    gerund_noun: bool  # an -ing form that can be an event noun ("the killing")
    coordinator: bool  # "and", "or"
    finite: bool  # a finite auxiliary ("were", "has", "will")
    quantifier: bool  # "all", "both", "each": a determiner that also stands alone as a subject
    adjective: bool  # looks like an adjective: "first", "new", "economic", "massive"
    # could be anything but OTHER in context: a verb form, event noun, auxiliary, clitic, or
    # the last word of a multi-word event noun ("air strike")
    classifiable: bool


_PAST = frozenset({"past"})
_PAST_ING = frozenset({"past", "ing"})
_PAST_PRESENT = frozenset({"past", "present"})
_PARTICIPLE_PAST = frozenset({"past", "participle"})
_FINITE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "'s", "'re"})
_BASE_ING = frozenset({"base", "ing"})
_QUANTIFIERS = frozenset({"all", "both", "each", "several", "many", "few", "some", "most"})
# Adjectives recognized by form: ordinals and common ones, and derivational suffixes.
_ADJECTIVES = frozenset(
    {
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "old",
        "major",
        "big",
        "small",
        "large",
        "high",
        "low",
    }
    | {"top", "final", "former", "early", "late", "full", "main", "key", "long", "short", "open", "free"}
)
_ADJECTIVE_SUFFIXES = ("al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary", "ern", "ese", "ish")
_HAVE_DO = frozenset({"have", "has", "had", "do", "does", "did"})


# Word form -> WordInfo, read once per token by tokenize: a dict read costs a fraction of an
# lru_cache call. Emptied when full, which bounds it as WORD_CACHE bounds the lru caches.
_INFOS: dict[str, WordInfo] = {}


def word_info(text: str) -> WordInfo:
    """The context-free facts about a word form (cached)."""
    info = _INFOS.get(text)
    if info is None:
        if len(_INFOS) >= WORD_CACHE:
            _INFOS.clear()
        info = _INFOS[text] = _word_info(text)
    return info


def _word_info(text: str) -> WordInfo:
    lower = text.lower().replace("\u2019", "'")
    clitic = lower in ("'s", "'d")
    alpha_lower = text.isalpha() and text.islower()
    readings = _readings(text)
    tenses = frozenset(r.tense for r in readings)
    aux = lower in auxiliaries() and not clitic
    have_do = lower in _HAVE_DO
    event_noun = _event_noun(lower)
    return WordInfo(
        lower=lower,
        readings=readings,
        tenses=tenses,
        word=text[:1].isalnum(),
        capitalized=text[:1].isupper(),
        name=text[:1].isupper() and text not in _nonnames() and text.rstrip(".") not in _nonnames(),
        aux=aux,
        have_do=have_do,
        clitic=clitic,
        determiner=(lower in determiners() and lower != "that") or lower in ("'s", "'"),
        preposition=lower in prepositions() and lower != "to",
        modifier=alpha_lower
        and lower not in _FUNCTION
        and lower not in determiners()
        and lower not in prepositions()
        and lower not in auxiliaries()
        and lower not in _pronouns(),
        capital_word=text[:1].isupper() and text.replace(".", "").isalpha(),
        adverb=lower.endswith("ly") and text.islower() and lower != "only",
        digit=text[:1].isdigit(),
        event_noun=event_noun,
        gerund_noun=lower.endswith("ing") and lower not in _nonevent_nouns(),
        coordinator=lower in ("and", "or"),
        finite=lower in _FINITE_AUX,
        quantifier=lower in _QUANTIFIERS,
        adjective=alpha_lower
        and (lower in _ADJECTIVES or (lower.endswith(_ADJECTIVE_SUFFIXES) and lower not in _suffix_nouns())),
        classifiable=bool(
            tenses or event_noun or have_do or aux or clitic or lower in _compounds_by_last_word()
        ),
    )


def _noun_context(
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    kinds: list[Kind],
    noun_like: list[bool],
    i: int,
    dates: frozenset[int],
) -> bool:
    """Whether the word at i stands where a noun or a modifier stands: after a determiner, a
    possessive, a preposition other than infinitival "to" or a number, possibly with adjectives
    between ("the internationally recognized government", "an economic cooperation plan"), or
    coordinated with such a word ("the man's dismembered and decapitated body")."""
    j = i - 1
    while j >= 0 and infos[j].adverb:
        j -= 1  # skip adverbs
    if j < 0 or j in dates:
        return False
    prev = infos[j]
    readings = infos[i].tenses
    if prev.quantifier and readings & _PAST:
        return False  # "ministers all voted", "both agreed"
    if prev.determiner or prev.preposition:
        return True
    if prev.digit:
        return not readings & _PAST  # "100 migrants", but "iPhone 4 began"
    if prev.coordinator and j > 0:
        return noun_like[j - 1] and bool(infos[j - 1].tenses)
    if readings & _PAST:
        return False  # "the police arrested": subject + verb
    if kinds[j] is VERB:
        return True  # right after a verb, a word is its object: "raised interest rates"
    # "an economic cooperation plan", "the Libyan coast guard", "filed compliance reports",
    # "by government forces", "his small, neighborhood store": modifiers after a determiner,
    # a preposition or a verb
    k = j
    run = 0
    while k >= 1 and run < 4 and k not in dates and kinds[k] in NOMINAL_KINDS:
        if infos[k].modifier or infos[k].capital_word:
            k -= 1
            run += 1
        elif (
            (tokens[k].text == "," or infos[k].coordinator)
            and run
            and (infos[k - 1].modifier or infos[k - 1].capital_word)
        ):
            k -= 1  # a list of adjectives: "his small, neighborhood store", "British and Irish stock"
        else:
            break
    if run == 0 or k < 0:
        return False
    if kinds[k] is VERB:
        return True
    if infos[k].preposition:
        # "by government forces", "in heavy trading in London"; but a participle with an
        # object modifies: "of people seeking better lives"
        return "ing" not in readings or i + 1 >= len(tokens) or _ends_phrase(tokens, infos, i + 1, dates)
    if readings & _BASE_ING:
        return infos[k].determiner
    # "its first seats": an adjective, then the noun; "the company reports": a noun, then a verb
    return infos[j].adjective and infos[k].determiner


def _ends_phrase(tokens: tuple[Token, ...], infos: list[WordInfo], i: int, dates: frozenset[int]) -> bool:
    """Whether the token at i closes a noun phrase: a preposition, punctuation or a date."""
    return i in dates or infos[i].preposition or not tokens[i].info.word


@cache
def _pronouns() -> frozenset[str]:
    return frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "what", "there"})


@cache
def _nonnames() -> frozenset[str]:
    return case_set("nonnames.txt")


@cache
def _suffix_nouns() -> frozenset[str]:
    return word_set("suffix_nouns.txt")


@cache
def _nonevent_nouns() -> frozenset[str]:
    return word_set("nonevent_nouns.txt")


# Suffixes of deverbal nouns that name events ("invasion", "inspection", "settlement").
EVENT_SUFFIXES = ("tion", "sion", "ment")


def _event_noun(word: str) -> bool:
    if word in event_nouns():
        return True
    if word.endswith("s") and len(word) > 3:
        singular = word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
        if singular in event_nouns() or _event_noun(singular):
            return True  # "incidents", "attacks", "bombings", "elections"
    return len(word) >= 7 and word.endswith(EVENT_SUFFIXES) and word not in _nonevent_nouns()


def classify(tokens: tuple[Token, ...], dates: frozenset[int] = frozenset()) -> tuple[Kind, ...]:
    """Coarse class of each token in its sentence context; `dates` are the tokens of date
    expressions (a number in "Aug. 6 ordered" does not make "ordered" a noun)."""
    infos = [t.info for t in tokens]
    kinds = [OTHER] * len(tokens)
    noun_like = [False] * len(tokens)
    compounds = _compounds_by_last_word()
    # The VERB and EVENT_NOUN tokens as first classified, in order, for the passes below.
    verbs: list[int] = []
    nouns: list[int] = []
    # The other tokens stay OTHER whatever their context; noun_like is only read for words with
    # tenses, so skipping them changes nothing.
    for i in [i for i, info in enumerate(infos) if info.classifiable]:
        if i in dates:
            continue
        info = infos[i]
        if info.have_do and not _verb_follows(tokens, i):
            kinds[i] = VERB  # "had talks", "did the job": a main verb
            verbs.append(i)
            continue
        if info.aux or (info.clitic and _clitic_is_verb(tokens, i)):
            kinds[i] = AUX
            continue
        # Only a word with tenses reads its noun context (below, and as noun_like when a later
        # word looks back at it), so no other word works it out (speed; it has no side effects).
        in_noun_context = bool(info.tenses) and _noun_context(tokens, infos, kinds, noun_like, i, dates)
        noun_like[i] = in_noun_context
        if info.event_noun or (tokens[i].lower in compounds and _compound_noun(tokens, i)):
            if info.tenses and not in_noun_context and _verbal_context(tokens, i):
                kinds[i] = VERB
                verbs.append(i)
            else:
                kinds[i] = EVENT_NOUN
                nouns.append(i)
            continue
        if tokens[i].info.capitalized and (i > 0 or not info.tenses & _PAST_ING):
            continue  # names are not verbs ("Arms", "Forces"), nor a sentence's first word
            # unless it is a participle ("Speaking on Tuesday, ...", "Asked about ...")
        if not info.tenses:
            continue
        if not in_noun_context:
            kinds[i] = VERB
            verbs.append(i)
        elif info.gerund_noun:
            kinds[i] = EVENT_NOUN  # a gerund: "the killing", "of blowing up a jet"
            nouns.append(i)
    # "Magna shares closed", "Ratners's shares were up", "the iTunes store passes": an -s or
    # base form right before a finite verb or auxiliary is the subject noun, not a verb.
    # A date between subject and verb does not count: "U.S. forces Thursday launched".
    # Both passes below change only kinds[i] (to OTHER) and read later indices: visiting just
    # the tokens first classified as the kind in question is the same (speed).
    last = len(tokens) - 1
    for i in verbs:
        if i < last and not infos[i].tenses & _PAST_ING and not infos[i].have_do:
            n = i + 1
            while n < last and n in dates:
                n += 1
            following = kinds[n]
            if (following is VERB and infos[n].tenses & _PAST_PRESENT) or (
                following is AUX and infos[n].finite
            ):
                kinds[i] = OTHER
    # "was last seen Nov. 3", "killed a doctor last October": "last" before a participle or a
    # date is an adverb or a determiner, and the participle after it is the verb.
    for i in verbs:
        if i >= last or kinds[i] is not VERB or tokens[i].lower != "last":
            continue
        if i + 1 in dates:
            kinds[i] = OTHER
        elif infos[i + 1].tenses and not infos[i + 1].tenses - _PARTICIPLE_PAST:
            kinds[i] = OTHER
            kinds[i + 1] = VERB
    # An event noun that modifies the next noun is not the head: "abortion providers",
    # "arrest warrant" (but "the attack killed", "talks ended", "the meeting Monday").
    for i in nouns:
        if i < last and i + 1 not in dates and kinds[i + 1] is OTHER:
            nxt = infos[i + 1]
            if nxt.modifier and not nxt.tenses and not nxt.adverb:
                kinds[i] = OTHER
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
        return bool(guessed_readings(tokens[j])) and not tokens[j].info.capitalized
    return False


def verb_lemma(token: Token) -> str:
    """The lemma of a verb token (the word itself when unknown)."""
    readings = guessed_readings(token)
    return readings[0].lemma if readings else token.lower


@lru_cache(maxsize=WORD_CACHE)
def lemma_of(word: str) -> str:
    """The lemma of a word out of context (verbs lemmatized, other words lowercased)."""
    info = word_info(word)
    return verb_lemma(Token(word, 0, len(word), info.lower, info))


@lru_cache(maxsize=WORD_CACHE)
def looks_like_name(word: str) -> bool:
    """Whether a capitalized word out of context is likely a name, not a common word that was
    capitalized as a sentence's or title's first word: not a known verb, event noun, group noun,
    demonym or function word, and not a plural."""
    lower = _lower(word)
    if word.isupper() and len(word) > 1:
        return True  # acronyms: EU, NATO
    return not (
        _readings(lower)
        or _event_noun(lower)
        or lower in word_set("org_cues.txt")
        or lower in word_set("nonnames.txt")
        or lower in determiners()
        or word in demonyms()
        or lower.endswith("s")
    )
