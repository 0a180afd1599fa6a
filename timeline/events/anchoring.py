"""Anchoring: which word of a sentence is the event that a date expression modifies."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from timeline.events.lexicon import Cue, cues, determiners, prepositions, word_set
from timeline.events.tokens import (
    AUX,
    EVENT_NOUN,
    NOMINAL_KINDS,
    OTHER,
    PREDICATE_KINDS,
    VERB,
    WORD_CACHE,
    Kind,
    Token,
    event_nouns,
    guessed_readings,
)

# Tokens that close a clause for good: a date never reaches across them when it has a
# candidate on its own side (dashes, semicolons, quotes, brackets).
HARD_BOUNDARIES = frozenset(
    {";", "—", "\u2013", "--", "(", ")", "“", "”", '"', ":", "[", "]", "_", "``", "''"}
)
# Prepositions that make the following noun an event in time ("after an airstrike").
TEMPORAL_PREPOSITIONS = frozenset(
    {"after", "before", "during", "following", "since", "until", "amid", "ahead"}
)

# Adverbs that open a fronted time phrase: "Earlier this month, a group indicated ...".
FRONTING_ADVERBS = frozenset({"earlier", "later", "late", "early", "then", "also", "since"})
# Subordinators that are prepositions when a date follows them.
PREPOSITION_LIKE = frozenset({"since", "until", "as", "before", "after", "when"})

# Costs, in token-distance units, of the choices anchoring weighs (why: a date modifies the
# nearest predicate of its own clause; nouns are events less often than verbs).
COMMA_COST = 3
SUBORDINATOR_COST = 4
NOUN_COST = 5
GERUND_COST = 2
ADJACENT_NOUN_BONUS = 3
REPORTING_COST = 2
# A reporting verb after the date across a comma is a parenthetical ("..., police said").
PARENTHETICAL_COST = 8
HARD_BOUNDARY_COST = 8


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class Anchor(NamedTuple):
    """The event word found for a date: its token index, coordinated verbs, how sure we are."""

    trigger: int | None
    conjuncts: tuple[int, ...]
    confidence: float
    mode: str  # left | right | modifier | fallback | none


@cache
def subordinators() -> frozenset[str]:
    return word_set("subordinators.txt")


@cache
def _reporting() -> frozenset[str]:
    return word_set("reporting_verbs.txt")


@cache
def _light() -> frozenset[str]:
    return word_set("light_verbs.txt")


# The hard boundaries and a lone hyphen (whose lowercase form is itself): one set lookup.
_HARD_OR_HYPHEN = HARD_BOUNDARIES | {"-"}


_EVENTISH = (VERB, EVENT_NOUN)


def is_hard_boundary(token: Token) -> bool:
    return token.text in _HARD_OR_HYPHEN


def is_saying(token: Token) -> bool:
    """A form of "say": unlike other reporting verbs ("added", "declared"), what follows it is
    nearly always another clause."""
    return token.lower in ("said", "says", "say", "saying")


def is_reporting(token: Token) -> bool:
    """A form of a verb of saying ("said", "told", "announced")."""
    return _lemma(token) in _reporting()


def is_soft_boundary(token: Token) -> bool:
    return token.text == "," or token.lower in subordinators()


@cache
def _cues_by_first_words() -> dict[str, tuple[dict[str, tuple[Cue, ...]], tuple[Cue, ...]]]:
    """First word -> (second word -> the longer cues, one-word cues), each longest first as in
    cues(): a sentence's second word rules out most cues of "was", "is", ... at once (speed)."""
    longer: dict[str, dict[str, list[Cue]]] = {}
    single: dict[str, list[Cue]] = {}
    for cue in cues():  # longest first, kept in that order per word
        for word in cue.words[0]:
            if len(cue.words) == 1:
                single.setdefault(word, []).append(cue)
                continue
            by_second = longer.setdefault(word, {})
            for second in cue.words[1]:
                by_second.setdefault(second, []).append(cue)
    return {
        word: (
            {second: tuple(found) for second, found in longer.get(word, {}).items()},
            tuple(single.get(word, ())),
        )
        for word in longer.keys() | single.keys()
    }


def cue_matches(tokens: tuple[Token, ...]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every modality/negation cue in the sentence, longest match first."""
    found: list[tuple[int, int, str]] = []
    index = _cues_by_first_words()
    size = len(tokens)
    free = 0  # the first token not inside a cue already found
    for i in [i for i, token in enumerate(tokens) if token.lower in index]:
        if i < free:
            continue
        by_second, single = index[tokens[i].lower]
        # Every longer cue comes before every one-word cue in cues(): the same order.
        candidates = by_second.get(tokens[i + 1].lower, ()) + single if i + 1 < size else single
        for cue in candidates:
            words = cue.words
            n = len(words)
            if i + n > size:
                continue
            for k in range(2, n):
                if tokens[i + k].lower not in words[k]:
                    break
            else:
                found.append((i, i + n, cue.kind))
                free = i + n
                break
    return tuple(found)


# The hard boundaries of the last token tuple hard_segment saw: anchoring and building the
# event of each date of a sentence ask about the same tuple in turn. Held with its tuple, so
# the identity test is sound; replaced in one assignment, so threads at worst recompute.
_last_hard: tuple[tuple[Token, ...], list[int]] = ((), [])


def hard_segment(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int]:
    """Token range [lo, hi) between the hard boundaries around tokens[start:end]."""
    global _last_hard
    seen, hard = _last_hard
    if seen is not tokens:
        marks = _HARD_OR_HYPHEN
        hard = [i for i, token in enumerate(tokens) if token.text in marks]
        _last_hard = (tokens, hard)
    k = bisect_left(hard, start)
    lo = hard[k - 1] + 1 if k else 0
    k = bisect_left(hard, end)
    hi = hard[k] if k < len(hard) else len(tokens)
    return lo, hi


def _lemma(token: Token) -> str:
    readings = guessed_readings(token)
    return readings[0].lemma if readings else token.lower


@lru_cache(maxsize=WORD_CACHE)
def _distance_cost(text: str) -> int:
    """What a word or mark between a date and a candidate adds to the candidate's cost."""
    cost = 1 if text[:1].isalnum() else 0
    if text == ",":
        cost += COMMA_COST
    elif text.lower().replace("\u2019", "'") in subordinators():
        cost += SUBORDINATOR_COST
    elif text in _HARD_OR_HYPHEN:
        cost += HARD_BOUNDARY_COST
    return cost


def _cost(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], i: int, start: int, end: int) -> int:
    """How unlikely it is that the date at tokens[start:end] modifies candidate i."""
    lo, hi = (i + 1, start) if i < start else (end, i)
    cost = sum(map(_distance_cost, [token.text for token in tokens[lo:hi]]))
    if kinds[i] is EVENT_NOUN:
        cost += NOUN_COST
        if tokens[i].lower.endswith("ing") and tokens[i].lower not in event_nouns():
            cost += GERUND_COST  # "in over-the-counter trading yesterday": the verb is the news
        between = range(min(i, end) + 1, max(i, start))
        if any(t.lower in TEMPORAL_PREPOSITIONS for t in tokens[max(0, i - 3) : i]) and not any(
            kinds[k] in PREDICATE_KINDS for k in between
        ):
            cost -= NOUN_COST + 1  # "after an airstrike ... Oct. 22" (but not "since the decision was")
        if i == start - 1 and not _object_of_verb(tokens, kinds, i):
            # "the attacks Aug. 7 at the embassies", "during a television appearance Sunday
            # night" (but "announced the deal last year" dates the announcing)
            cost -= ADJACENT_NOUN_BONUS
    elif _lemma(tokens[i]) in _reporting():
        cost += REPORTING_COST
        if i > end and any(t.text == "," for t in tokens[lo:hi]):
            cost += PARENTHETICAL_COST
    return cost


def _opens_subject(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], lo: int, start: int) -> bool:
    """Whether the date stands in a subject: no predicate between its clause start and it (a
    reporting verb opens the clause it reports: "DSM said net income in the quarter jumped")."""
    for i in range(start - 1, lo - 1, -1):
        if is_soft_boundary(tokens[i]):
            return True
        if kinds[i] in PREDICATE_KINDS:
            return kinds[i] is VERB and _lemma(tokens[i]) in _reporting()
    return True


def _finite(token: Token) -> bool:
    """A verb form that can head a clause by itself: past or present tense, not -ing or base."""
    tenses = token.info.tenses
    return bool(tenses & {"past", "present"}) and "ing" not in tenses


def _object_of_verb(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], noun: int) -> bool:
    """Whether the noun phrase ending at `noun` directly follows a verb (is its object)."""
    j = noun - 1
    while j >= 0 and kinds[j] in NOMINAL_KINDS and tokens[j].info.word:
        if tokens[j].lower in prepositions():
            return False
        j -= 1
    return j >= 0 and kinds[j] is VERB


def _relative_clause_verbs(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], end: int, hi: int) -> set[int]:
    """Verbs of relative clauses after the date ("officers who had been searching ... concluded"):
    the first verb after who/which/that belongs to the relative clause, not the main clause."""
    out: set[int] = set()
    pending = False
    for i in range(end, hi):
        word = tokens[i].lower
        if word in ("who", "which", "that", "whom"):
            pending = True
        elif pending and kinds[i] is VERB:
            out.add(i)
            pending = False
        elif (
            kinds[i] is VERB
            and i + 1 < hi
            and tokens[i + 1].lower == "by"
            and kinds[i - 1] is not AUX
            and "participle" in tokens[i].info.tenses
        ):
            out.add(i)  # a reduced relative: "a group led by three directors ... indicated"
    return out


def _fronted_adverbial(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], lo: int, start: int, end: int, hi: int
) -> int | None:
    """The comma closing a verbless phrase that opens the clause with a preposition or adverb and
    holds the date ("In composite trading yesterday, ..."), if any."""
    opener = tokens[lo].lower if lo < start else ""
    if opener not in prepositions() and opener not in FRONTING_ADVERBS:
        return None
    for i in range(lo, hi):
        if start <= i < end:
            continue
        if kinds[i] is AUX or tokens[i].lower in subordinators():
            return None
        if kinds[i] is VERB and not _nominal_gerund(tokens, i, lo):
            return None
        if tokens[i].text == ",":
            return i if i >= end else None
    return None


# Words a closing attribution's subject may have: ", police said.", ", the company's chief said."
ATTRIBUTION_SUBJECT_WORDS = 6


def _closing_attribution(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, end: int, hi: int
) -> bool:
    """Whether the reporting verb at `verb` closes its clause after a comma that follows the date:
    "..., police said." / "..., Castro said Tuesday." (the date belongs to what was said)."""
    if _lemma(tokens[verb]) not in _reporting():
        return False
    comma = next((k for k in range(end, verb) if tokens[k].text == ","), None)
    if comma is None or verb - comma - 1 > ATTRIBUTION_SUBJECT_WORDS:
        return False
    if any(kinds[k] in PREDICATE_KINDS for k in range(comma + 1, verb)):
        return False
    rest = [t for t in tokens[verb + 1 : hi] if t.info.word]
    return len(rest) <= 2


def _nominal_gerund(tokens: tuple[Token, ...], i: int, lo: int) -> bool:
    """An -ing word after a modifier in a prepositional phrase names an activity, not a
    predicate: "In composite trading Friday," "In heavy trading yesterday,"."""
    return (
        tokens[i].lower.endswith("ing")
        and i - 1 > lo
        and tokens[i - 1].text[:1].isalpha()
        and tokens[i - 1].lower not in prepositions()
        and tokens[i - 1].lower not in subordinators()
    )


def _prenominal_noun(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], start: int, end: int) -> int | None:
    """An event noun right after the date that the date modifies: "the 2014 election",
    "Friday's attack", "his Aug. 2 power-grab", "last year's deadly U.S. Embassy blasts",
    "the Dec. 21, 1988, bombing", "the 1959 trade embargo"."""
    j = end
    if j < len(tokens) and tokens[j].lower in ("'s", "'", ","):
        j += 1
    for k in range(j, min(j + 4, len(tokens))):
        if kinds[k] is EVENT_NOUN:
            if (
                k == j
                and j > end
                and tokens[end].text == ","
                and tokens[k].lower.endswith("ing")
                and not (start > 0 and tokens[start - 1].lower in determiners())
            ):
                return None  # a participle afterthought: "crashed in June, killing 228 people"
            return k
        word = tokens[k]
        # only modifiers may come between: no function words, auxiliaries, verb forms other than
        # a bare one ("the 1959 trade embargo"), or punctuation
        if not (word.text.replace(".", "").replace("-", "").isalnum()) or kinds[k] is AUX:
            return None
        if kinds[k] is VERB and word.info.tenses & {"past", "ing"}:
            return None
        if word.lower in _function_words():
            return None
    return None


@cache
def _function_words() -> frozenset[str]:
    return prepositions() | determiners() | subordinators() | frozenset({"and", "or", "not", "than", "to"})


def _coordination_head(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], i: int, lo: int, dates: frozenset[int]
) -> tuple[int, ...]:
    """Verbs coordinated with the verb at i ("trek across deserts and board boats"), head first."""
    conjuncts = [i]
    current = i
    while True:
        j = current - 1
        while j > lo and tokens[j].lower.endswith("ly"):
            j -= 1
        if j <= lo or tokens[j].lower not in ("and", "or"):
            break
        forms = tokens[current].info.tenses
        k = j - 1
        found = None
        while k >= lo and k >= j - 8:
            if is_hard_boundary(tokens[k]) or tokens[k].lower in subordinators() or k in dates:
                break  # a conjunct with its own date is its own event ("attacked on Monday and withdrew")
            if kinds[k] is VERB and forms & tokens[k].info.tenses:
                found = k
                break
            k -= 1
        if found is None:
            break
        conjuncts.insert(0, found)
        current = found
    return tuple(conjuncts)


def _light_verb_object(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], i: int, hi: int) -> int | None:
    """The event noun object of a light verb: "held talks" -> talks, "made a visit" -> visit."""
    if _lemma(tokens[i]) not in _light():
        return None
    for k in range(i + 1, min(i + 5, hi)):
        if kinds[k] is EVENT_NOUN:
            while (
                k + 1 < hi
                and kinds[k + 1] in NOMINAL_KINDS
                and tokens[k + 1].text.isalpha()
                and tokens[k + 1].text.islower()
                and tokens[k + 1].lower not in _function_words()
                and tokens[k].lower.endswith("ing")
            ):
                k += 1  # "gave the opening keynote": a compound's head is its last noun
            return k
        if kinds[k] is not OTHER or not tokens[k].text[:1].isalpha():
            return None
    return None


# Participles that make an unhyphenated compound modifier after a place: "Los Angeles based
# Northrop Grumman" (never a verb between two names: "Acme based X" is not a clause).
LOCATIVE_PARTICIPLES = frozenset({"based", "headquartered"})


def _compound_modifier(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the participle at i sits inside a name's modifier: "Los Angeles based Northrop"."""
    return (
        tokens[i].lower in LOCATIVE_PARTICIPLES
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].info.capitalized
        and tokens[i + 1].info.capitalized
    )


def _in_name(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], i: int) -> bool:
    """Whether the event noun at i is a capitalized word inside a name, after another one."""
    return (
        kinds[i] is EVENT_NOUN
        and i > 1
        and tokens[i].info.capitalized
        and tokens[i - 1].info.capitalized
        and tokens[i - 1].info.word
    )


def _reduced_relative_noun(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, lo: int
) -> int | None:
    """The event noun a participle modifies after a verb: "violates an agreement reached
    between the two companies in 1991" -> agreement (the date dates the agreement)."""
    noun = verb - 1
    if noun - 1 < lo or kinds[noun] is not EVENT_NOUN or "participle" not in tokens[verb].info.tenses:
        return None
    article = noun - 1
    if tokens[article].lower not in ("a", "an", "the") or (
        article > lo and tokens[article - 1].lower in prepositions()
    ):
        return None  # "details of the slaying emerged": the noun is no object
    if not any(kinds[k] is VERB for k in range(lo, article)):
        return None  # "An agreement reached in 1991 ..." opens the clause: its verb comes later
    return noun


def _cheapest(candidates: list[int], key: Callable[[int], tuple[int, ...]]) -> int:
    """min(candidates, key=key), without working out the cost of a lone candidate (speed: half
    the dates have one)."""
    return candidates[0] if len(candidates) == 1 else min(candidates, key=key)


def anchor(
    tokens: tuple[Token, ...],
    kinds: tuple[Kind, ...],
    start: int,
    end: int,
    blocked: frozenset[int],
    dates: frozenset[int] = frozenset(),
) -> Anchor:
    """The event word that the date at tokens[start:end] dates.

    `blocked` holds token indices that cannot be events (dates, modality cue words); `dates`
    the tokens of all date expressions of the sentence.
    """
    lo, hi = hard_segment(tokens, start, end)

    def candidate(i: int) -> bool:
        return kinds[i] in _EVENTISH and i not in blocked and not start <= i < end

    noun = _prenominal_noun(tokens, kinds, start, end)
    if noun is not None and noun not in blocked:
        return Anchor(noun, (noun,), 0.85, "modifier")
    if (
        end < hi
        and kinds[end] is VERB
        and end not in blocked
        and _finite(tokens[end])
        and _opens_subject(tokens, kinds, lo, start)
    ):
        # "net income in the third quarter jumped 63%": the date closes the subject; its verb follows
        return Anchor(end, (end,), 0.8, "right")

    # Where the date's own clause begins: the last comma or subordinator before it. A
    # subordinator right before the date is a preposition there ("suspended since July 24").
    clause = start
    if clause > lo and tokens[clause - 1].lower in PREPOSITION_LIKE:
        clause -= 1
    while clause > lo and not is_soft_boundary(tokens[clause - 1]):
        clause -= 1
    # candidate(i), inlined (speed): tokens left of the date and right of it are outside it.
    left = [i for i in range(lo, start) if kinds[i] in _EVENTISH and i not in blocked]
    right = [i for i in range(end, hi) if kinds[i] in _EVENTISH and i not in blocked]
    if any(tokens[i].lower in LOCATIVE_PARTICIPLES for i in left):
        left = [i for i in left if not _compound_modifier(tokens, i)]
    if any(kinds[i] is EVENT_NOUN and tokens[i].info.capitalized for i in left + right):
        # a noun inside a name is no event: "the Worldwide Developers Conference", "Oscar Awards"
        left = [i for i in left if not _in_name(tokens, kinds, i)]
        right = [i for i in right if not _in_name(tokens, kinds, i)]
    in_clause = [i for i in left if i >= clause]

    chosen: int | None = None
    mode = "none"
    confidence = 0.0
    fronted = _fronted_adverbial(tokens, kinds, lo, start, end, hi)
    if fronted is not None:
        # "In composite trading yesterday, Upjohn shares rose": a verbless opening phrase
        # dates the main clause that follows its comma.
        main = [
            i for i in right if i > fronted and i not in _relative_clause_verbs(tokens, kinds, fronted, hi)
        ]
        verbs = [i for i in main if kinds[i] is VERB]
        if verbs:
            chosen, mode, confidence = verbs[0], "right", 0.8
    if chosen is not None:
        pass
    elif in_clause:
        # The date follows its predicate in its clause: "rescued more than 100 migrants this week".
        chosen = _cheapest(
            in_clause,
            key=lambda i: (_cost(tokens, kinds, i, start, end), kinds[i] is not VERB, start - i),
        )
        mode, confidence = "left", 0.9
    elif right:
        # The date opens its clause or sits between subject and verb: "the EU this month restated".
        relative = _relative_clause_verbs(tokens, kinds, end, hi)
        main = [i for i in right if i not in relative] or right
        chosen = _cheapest(main[:4], key=lambda i: (_cost(tokens, kinds, i, start, end), i))
        mode, confidence = "right", 0.8
        if left:
            # An earlier predicate across a comma can still be the better one ("kidnapped from
            # his small, neighborhood store at 10 p.m. Wednesday, police said"); a closing
            # attribution never is the dated event when there is one before the date.
            best_left = _cheapest(left, key=lambda i: (_cost(tokens, kinds, i, start, end), start - i))
            if _closing_attribution(tokens, kinds, chosen, end, hi) or _cost(
                tokens, kinds, best_left, start, end
            ) < _cost(tokens, kinds, chosen, start, end):
                chosen, mode, confidence = best_left, "left", 0.7
    elif left:
        # Only earlier material across commas: "after an airstrike ..., in Benghazi, Oct. 22".
        chosen = _cheapest(left, key=lambda i: (_cost(tokens, kinds, i, start, end), start - i))
        mode, confidence = "left", 0.75
    else:
        everywhere = [i for i in range(len(tokens)) if candidate(i) and not _in_name(tokens, kinds, i)]
        if everywhere:
            chosen = _cheapest(
                everywhere, key=lambda i: (_cost(tokens, kinds, i, start, end), abs(start - i))
            )
            mode, confidence = "fallback", 0.4
    if chosen is None:
        return Anchor(None, (), 0.2, "none")
    if kinds[chosen] is EVENT_NOUN:
        confidence -= 0.05
    if not any(r for r in guessed_readings(tokens[chosen])) and kinds[chosen] is VERB:
        confidence -= 0.1
    obj = _light_verb_object(tokens, kinds, chosen, hi) if kinds[chosen] is VERB else None
    if obj is not None:
        return Anchor(obj, (obj, chosen), round(confidence, 2), mode)  # "held talks": both words
    if kinds[chosen] is not VERB:
        return Anchor(chosen, (chosen,), round(confidence, 2), mode)
    modified = _reduced_relative_noun(tokens, kinds, chosen, lo)
    if modified is not None and modified not in blocked:
        return Anchor(modified, (modified,), round(confidence - 0.05, 2), mode)
    conjuncts = _coordination_head(tokens, kinds, chosen, lo, dates)
    head = conjuncts[0]
    governor = _governing_verb(tokens, kinds, head, lo, dates)
    if governor is not None and governor in blocked:
        governor = None
    if governor is not None:
        # "began to fall apart in mid-1996", "voted to support the republic Friday": the
        # governing verb is what happened on that date; the infinitive says what it was about.
        return Anchor(governor, (governor, *conjuncts), round(confidence, 2), mode)
    subject_event = _event_subject(tokens, kinds, head, lo)
    if subject_event is not None:
        # "the trial is set to begin on Wednesday": the subject is the event that begins
        return Anchor(subject_event, (subject_event, *conjuncts), round(confidence, 2), mode)
    return Anchor(head, conjuncts, round(confidence, 2), mode)


@cache
def _aspectual() -> frozenset[str]:
    return word_set("aspectual_verbs.txt")


def _governing_verb(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, lo: int, dates: frozenset[int]
) -> int | None:
    """The finite verb governing an infinitive: "voted [Friday] to support" -> voted. Not a
    modality cue ("is expected to trek"): cue words are auxiliaries, not events."""
    j = verb - 1
    if j <= lo or tokens[j].lower != "to":
        return None
    k = j - 1
    while k >= lo and (k in dates or (tokens[k].lower.endswith("ly") and tokens[k].text.islower())):
        k -= 1
    if k < lo or kinds[k] is not VERB:
        return None
    return k


def _event_subject(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, lo: int) -> int | None:
    """The event noun heading the subject of an aspectual or scheduling verb: "the trial is set
    to begin on Wednesday" -> trial, "talks between the sides are scheduled for next week" ->
    talks, "the take-off, at 08:30 UTC, ... took place" -> take-off."""
    if _lemma(tokens[verb]) not in _aspectual() and not (
        tokens[verb].lower in ("took", "take", "takes", "taken", "taking")
        and verb + 1 < len(tokens)
        and tokens[verb + 1].lower == "place"
    ):
        return None
    j = verb - 1
    while j >= lo and (
        kinds[j] is AUX
        or tokens[j].lower in ("to", "not", "n't", "set", "due", "expected", "scheduled", "likely")
        or (tokens[j].lower.endswith("ly") and tokens[j].text.islower())
    ):
        j -= 1
    first = j
    while (
        first > lo
        and not is_hard_boundary(tokens[first - 1])
        and tokens[first - 1].lower not in subordinators()
    ):
        first -= 1
    if j == verb - 1 and j >= lo and kinds[j] is EVENT_NOUN:
        return j  # a reduced relative: "a press conference held by Apple on Friday"
    if any(kinds[k] is VERB for k in range(first, j + 1)):
        # another predicate first: this is not a plain subject ("Sales increased in the quarter
        # ended Sept. 30": "ended" is a reduced relative whose subject is not "Sales")
        return None
    for k in range(first, j + 1):
        if kinds[k] is EVENT_NOUN and not _in_prepositional_phrase(tokens, k, first):
            while k + 1 <= j and kinds[k + 1] is EVENT_NOUN:
                k += 1  # a compound's head is its last noun: "test flight"
            return k
    return None


def _in_prepositional_phrase(tokens: tuple[Token, ...], k: int, first: int) -> bool:
    """Whether the noun at k is the object of a preposition ("after the vote")."""
    j = k - 1
    while j >= first and tokens[j].info.word and tokens[j].lower not in prepositions():
        if tokens[j].lower in subordinators():
            return False
        j -= 1
    return j >= first and tokens[j].lower in prepositions()
