"""Event fields from an anchored sentence: subject, object, place, participants and a short title."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from timeline.events.anchoring import (
    is_hard_boundary,
    is_saying,
    is_soft_boundary,
    subordinators,
)
from timeline.events.lexicon import (
    countries,
    demonyms,
    determiners,
    multiword,
    place_prepositions,
    prepositions,
    time_adverbs,
    word_set,
)
from timeline.events.tokens import AUX, PREDICATE_KINDS, VERB, Kind, Token

MAX_TITLE_WORDS = 14
# Lowercase particles inside names of people and places.
NAME_PARTICLES = frozenset({"es", "de", "del", "da", "do", "al", "el", "la", "van", "von", "bin", "of"})
_PARTICLES_FOR = NAME_PARTICLES | {"for"}
MAX_SUBJECT_WORDS = 7
MAX_OBJECT_WORDS = 24
PRONOUNS = frozenset({"they", "he", "she", "it", "we", "i", "you", "them"})
RELATIVES = frozenset({"who", "which", "that"})
# Words that end an object phrase: what follows is another clause or a side remark.
OBJECT_STOPS = frozenset({"including", "according", "saying", "while", "as", "because", "although", "after"})
# Auxiliaries a headline leaves out ("Rebels advancing", "Migrants rescued"); "have" stays,
# "Prices have risen" reads better than "Prices risen".
BE_FORMS = frozenset({"is", "are", "am", "was", "were", "be", "been", "being", "'s", "'re"})
GROUP_DROP = frozenset({"already", "also", "just", "still", "now", "then", "recently", "reportedly", "again"})


@cache
def _group_cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    return multiword("org_cues.txt")


@cache
def _place_prepositions_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in place_prepositions():  # longest first
        index.setdefault(words[0], []).append(words)
    return {first: tuple(entries) for first, entries in index.items()}


# A NamedTuple, not a frozen dataclass: built once or more per date, at half the cost (speed).
class Place(NamedTuple):
    phrase: tuple[int, int]  # token range of "in Benghazi" (preposition included)
    name: str  # "Benghazi, Libya"


def join(text: str, tokens: tuple[Token, ...], indices: list[int]) -> str:
    """Text of the tokens at `indices`, keeping the original spacing between neighbours."""
    parts: list[str] = []
    run_start: int | None = None
    previous = -2
    for i in indices:
        if i != previous + 1:
            if run_start is not None:
                parts.append(text[tokens[run_start].start : tokens[previous].end])
            run_start = i
        previous = i
    if run_start is not None:
        parts.append(text[tokens[run_start].start : tokens[previous].end])
    return " ".join(parts)


def _clause_start(tokens: tuple[Token, ...], before: int) -> int:
    """After the last boundary (soft or hard) before token `before`."""
    j = before
    while j > 0 and not is_soft_boundary(tokens[j - 1]) and not is_hard_boundary(tokens[j - 1]):
        j -= 1
    return j


def subject(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], group_start: int, dates: frozenset[int]
) -> list[int]:
    """Token indices of the subject noun phrase before a verb group ("Boris Johnson, this week offered")."""
    j = _skip_date(tokens, group_start - 1, dates)
    if j >= 0 and tokens[j].text == ",":
        j -= 1  # the comma closing an appositive: "Italy's foreign minister, Angelino Alfano, is"
        before = _skip_date(tokens, j, dates)
        if before != j and before >= 0 and tokens[before].text == ",":
            j = before - 1  # "The embassy bombings, on Aug. 7, killed"
        j = _skip_relative_clause(tokens, j)
        j = _skip_apposition(tokens, kinds, j, dates)
    if j < 0 and group_start < len(tokens) and _participle(tokens[group_start]):
        return _main_subject_after(tokens, kinds, group_start, dates)
    if j < 0 or is_hard_boundary(tokens[j]) or tokens[j].text == ",":
        return []
    if tokens[j].lower in ("and", "or", "but"):
        # "Munero fled to Florida in 1998 and returned to Cuba": the first verb's subject
        for k in range(j - 1, -1, -1):
            if is_hard_boundary(tokens[k]):
                break
            if kinds[k] is VERB:
                start = k
                while start > 0 and (kinds[start - 1] is AUX or tokens[start - 1].lower in GROUP_DROP):
                    start -= 1
                return subject(tokens, kinds, start, dates)
        return []
    if tokens[j].lower in RELATIVES and j > 0:
        # "forces, which attacked": the antecedent before the relative pronoun
        k = j - 1
        if tokens[k].text in (",", "—", "\u2013"):
            k -= 1
            k = _skip_apposition(tokens, kinds, k, dates)  # "Paul Grant, 58, who led"
        return _noun_phrase_before(tokens, kinds, k, dates)
    phrase = _noun_phrase_before(tokens, kinds, j, dates)
    if len(phrase) == 1 and tokens[phrase[0]].lower in PRONOUNS:
        # "migrants crowd a boat as they are rescued": the pronoun stands for the sentence's subject
        first = _first_noun_phrase(tokens, kinds, dates)
        if first and first[-1] < phrase[0] and _may_stand_for(tokens, first, phrase[0]):
            return first
    return phrase


# Heads of noun phrases that name groups, never "he" or "she" ("the council said she would").
GROUP_HEADS = frozenset(
    {"council", "company", "ministry", "government", "court", "board", "committee", "police", "party"}
    | {"agency", "bank", "firm", "group", "union", "army", "department", "office", "team", "city"}
)


def _may_stand_for(tokens: tuple[Token, ...], first: list[int], pronoun: int) -> bool:
    """Whether the sentence's first noun phrase may be what the pronoun at `pronoun` stands for:
    any phrase for "they"/"it"; for "he"/"she" a name, or a speaker reporting about himself
    ("the chairman said he expects"), never a group ("the council said she would")."""
    if tokens[pronoun].lower not in ("he", "she"):
        return True
    if tokens[first[0]].info.name:
        return True
    return tokens[first[-1]].lower not in GROUP_HEADS


def _skip_date(tokens: tuple[Token, ...], j: int, dates: frozenset[int]) -> int:
    """The index before a date (and its preposition) that ends at j, or j itself."""
    if j < 0 or j not in dates:
        return j
    while j >= 0 and j in dates:
        j -= 1
    if j >= 0 and tokens[j].lower in prepositions():
        j -= 1  # "The Senate on Thursday approved": the date's preposition goes with it
    return j


# Words a phrase set off by a comma may have: a non-restrictive relative clause (", which is
# also a bank,") or an opening prepositional phrase ("In an interview,").
MAX_COMMA_PHRASE_WORDS = 12


def _skip_apposition(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], j: int, dates: frozenset[int]
) -> int:
    """Before an apposition that is no name, ending at j: the index of the noun it describes.
    "Tom Baker, 71, died" (an age), "The law, passed in 2010, took effect" (a participle phrase),
    "Ana Ruiz, a former judge, said": the subject is the noun before the first comma. A name
    in apposition stays the subject ("Italy's foreign minister, Angelino Alfano, is")."""
    k = j
    while (
        k >= 0
        and tokens[k].text != ","
        and not is_hard_boundary(tokens[k])
        and j - k < MAX_COMMA_PHRASE_WORDS
    ):
        k -= 1
    if k <= 0 or tokens[k].text != "," or k == j:
        return j
    first = tokens[k + 1]
    inner = [i for i in range(k + 1, j + 1) if i not in dates]
    age = bool(inner) and all(tokens[i].text.isdigit() for i in inner)
    lowered = first.text[:1].islower() and first.lower not in RELATIVES
    if not (age or lowered or (k + 1) in dates):
        return j
    if lowered and any(kinds[i] is AUX for i in range(k + 1, j + 1)):
        return j  # a clause, not an apposition
    return k - 1


def _skip_relative_clause(tokens: tuple[Token, ...], j: int) -> int:
    """Before ", which is also a bank," ending at j: the index of the noun it describes."""
    k = j
    while (
        k > 0 and j - k < MAX_COMMA_PHRASE_WORDS and tokens[k].text != "," and not is_hard_boundary(tokens[k])
    ):
        k -= 1
    if k > 0 and tokens[k].text == "," and k + 1 <= j and tokens[k + 1].lower in ("which", "who"):
        return k - 1
    return j


def _participle(token: Token) -> bool:
    return bool(token.info.tenses & {"participle", "ing"})


def _main_subject_after(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], verb: int, dates: frozenset[int]
) -> list[int]:
    """The subject of the main clause after an opening participle phrase: "Rescued on Nov. 25 by
    fishermen, the boy has become ..." -> "the boy"."""
    comma = next(
        (k for k in range(verb + 1, len(tokens)) if tokens[k].text == "," or is_hard_boundary(tokens[k])),
        None,
    )
    if comma is None or tokens[comma].text != ",":
        return []
    indices: list[int] = []
    for k in range(comma + 1, len(tokens)):
        if kinds[k] in PREDICATE_KINDS:
            break
        if is_soft_boundary(tokens[k]) or is_hard_boundary(tokens[k]) or len(indices) >= MAX_SUBJECT_WORDS:
            return []  # no main verb soon after: not a participle phrase opening a clause
        if k not in dates:
            indices.append(k)
    else:
        return []
    return _trim_phrase(tokens, kinds, indices)


def _noun_phrase_before(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], last: int, dates: frozenset[int]
) -> list[int]:
    first = _clause_start(tokens, last + 1)
    indices = [i for i in range(first, last + 1) if i not in dates]
    return _trim_phrase(tokens, kinds, indices)


def _first_noun_phrase(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], dates: frozenset[int]
) -> list[int]:
    indices: list[int] = []
    begin = 0
    if tokens and tokens[0].lower in prepositions():
        # "In an interview, the chairman said he ...": the subject follows the opening phrase
        begin = next((k + 1 for k, t in enumerate(tokens[:MAX_COMMA_PHRASE_WORDS]) if t.text == ","), 0)
    for i in range(begin, len(tokens)):
        token = tokens[i]
        if kinds[i] in PREDICATE_KINDS or is_soft_boundary(token) or is_hard_boundary(token):
            if indices:
                break
            continue
        if i not in dates:
            indices.append(i)
    return _trim_phrase(tokens, kinds, indices)


# Words a subject never starts or ends with (left over from a clause or phrase boundary).
EDGE_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "so", "then", "also", "already", "yet"})


def _trim_phrase(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], indices: list[int]) -> list[int]:
    """A noun phrase: after any verb that precedes it ("..., said it"), without a leading
    preposition or article, without its post-modifying clause, bounded in length."""
    # "..., said it can be tested": a verb opening a new clause ends what came before; a
    # participle modifying a noun does not ("people seeking better lives", "a group led by").
    last_verb = max(
        (
            n
            for n, i in enumerate(indices[:-1])
            if kinds[i] in PREDICATE_KINDS
            and not tokens[i].lower.endswith("ing")
            and (
                tokens[indices[n + 1]].lower in PRONOUNS
                or tokens[indices[n + 1]].lower in determiners()
                or (  # "it said two new flights would leave" (but "said in a statement")
                    is_saying(tokens[i]) and tokens[indices[n + 1]].lower not in prepositions()
                )
            )
        ),
        default=-1,
    )
    if last_verb >= 0:
        indices = indices[last_verb + 1 :]
    while indices and (
        tokens[indices[0]].lower in EDGE_WORDS
        or (tokens[indices[0]].lower in prepositions() and not _quantifier(tokens, indices))
        or tokens[indices[0]].lower in ("'s", "\u2019s", "'")
    ):
        indices = indices[1:]
    for n, i in enumerate(indices):
        if n > 0 and (kinds[i] in PREDICATE_KINDS or tokens[i].lower in RELATIVES):
            indices = indices[:n]
            break
    while (
        indices and not tokens[indices[-1]].text[:1].isalnum() and tokens[indices[-1]].text not in ("%", ")")
    ):
        indices = indices[:-1]
    if len(indices) > MAX_SUBJECT_WORDS:
        # too long: cut before its last prepositional phrase that fits ("herbicide use in some
        # areas of the U.S." -> "herbicide use in some areas"), never in the middle of one
        indices = indices[:MAX_SUBJECT_WORDS]
        cuts = [n for n in range(1, len(indices)) if tokens[indices[n]].lower in prepositions()]
        if cuts:
            indices = indices[: cuts[-1]]
    return indices


def _quantifier(tokens: tuple[Token, ...], indices: list[int]) -> bool:
    """Whether the phrase opens with "at least"/"at most"/"up to": part of the subject."""
    return (
        len(indices) > 1
        and tokens[indices[0]].lower in ("at", "up")
        and tokens[indices[1]].lower in ("least", "most", "to")
    )


def predicate(
    tokens: tuple[Token, ...], group_start: int, trigger: int, dates: frozenset[int], keep_be: bool = False
) -> list[int]:
    """The verb group as a headline says it: no be/have auxiliaries, adverbs or dates
    (`keep_be` keeps "was" in "He was arrested", whose pronoun would otherwise read as the actor)."""
    keep: list[int] = []
    for i in range(group_start, trigger + 1):
        word = tokens[i].lower
        if i in dates or word in GROUP_DROP or tokens[i].text == ",":
            continue
        if word in BE_FORMS and i < trigger and not keep and not keep_be:
            continue  # "Migrants (are) rescued", but "will be delivered" keeps its "be"
        if word.endswith("ly") and i < trigger and tokens[i].text.islower() and len(word) > 4:
            continue
        keep.append(i)
    return keep


def noun_head(tokens: tuple[Token, ...], noun: int, dates: frozenset[int]) -> list[int]:
    """An event noun with its pre-modifiers: "deadly airstrike", "power-sharing talks"."""
    first = noun
    while first > 0:
        prev = tokens[first - 1]
        if first - 1 in dates or not prev.text[:1].isalpha() or prev.lower in determiners():
            break
        if prev.lower in prepositions() or is_soft_boundary(prev):
            break
        first -= 1
    return list(range(first, noun + 1))


def complement(
    tokens: tuple[Token, ...], kinds: tuple[Kind, ...], after: int, dates: frozenset[int], noun: bool
) -> list[int]:
    """What follows the event word up to the end of its phrase: object, agent, or the noun's
    prepositional phrases ("by forces loyal to ... Haftar"); a leading date is skipped."""
    out: list[int] = []
    i = after
    soft = subordinators()
    measure = time_adverbs()  # "shortly", "just": they measure a date's preposition
    size = len(tokens)
    passed_date = False
    while i < size and len(out) < MAX_OBJECT_WORDS:
        token = tokens[i]
        word = token.lower
        if i in dates:
            passed_date = True
            if any(tokens[k].lower not in prepositions() and tokens[k].lower not in measure for k in out):
                break
            # "election in 2014 was marred": the date and its preposition drop out; a verb's
            # particle stays ("called off on Monday")
            out = [k for k in out[:1] if k == after and tokens[k].lower in PARTICLES and len(out) > 1]
            i += 1
            if i < len(tokens) and tokens[i].lower in ("'s", "'"):
                i += 1  # "today's editions": the possessive goes with the date
            continue
        if token.text == "." and out and tokens[out[-1]].lower in word_set("abbreviations.txt"):
            out.append(i)  # "the shooting of Dr. Slepian"
            i += 1
            continue
        if token.text == "," or is_hard_boundary(token) or word in OBJECT_STOPS or token.text in ".!?":
            break
        if (
            word in soft
            and (word != "that" or not out)
            and not (word == "since" and i + 1 < size and tokens[i + 1].text[:1].isdigit())
        ):
            break
        if (
            word in ("and", "but", "or")
            and i + 1 < size
            and kinds[i + 1] in PREDICATE_KINDS
            and (kinds[i + 1] is AUX or passed_date)
        ):
            # a coordinated predicate after the date is its own event: "rose in 2019 and are
            # expected to double" (but "trek across deserts and board boats this year" is one)
            break
        if word in GROUP_DROP:
            i += 1
            continue
        out.append(i)
        i += 1
    while out and out[-1] == i - 1 and i < size and tokens[out[-1]].lower in measure:
        out.pop()  # "arrived shortly [after 9 p.m.]": the adverb measures the phrase it stops at
    return _trim_tail(tokens, kinds, out)


def _trim_tail(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], out: list[int]) -> list[int]:
    """No dangling function word or participle at the end ("... laptops and the", "... intended");
    a verb particle stays ("took six months off", "called the talks off")."""
    while out:
        last = tokens[out[-1]]
        if (
            (last.lower in prepositions() and not _particle(tokens, kinds, out))
            or last.lower in determiners()
            or last.lower in ("and", "or", "but", "to")
            or (not last.info.word and last.text not in ("%", ")"))
            or (kinds[out[-1]] is VERB and len(out) > 1)
        ):
            out.pop()
            continue
        break
    return out


def _particle(tokens: tuple[Token, ...], kinds: tuple[Kind, ...], out: list[int]) -> bool:
    """Whether the last word of `out` is a verb particle: "took six months off", "called off"."""
    last = out[-1]
    return tokens[last].lower in PARTICLES and (len(out) > 1 or (last > 0 and kinds[last - 1] is VERB))


def places(tokens: tuple[Token, ...], lo: int, hi: int, dates: frozenset[int]) -> list[Place]:
    """Locative phrases with a proper name: "in Benghazi, Libya", "off Tripoli", "north of Zumarah"."""
    found: list[Place] = []
    index = _place_prepositions_by_first_word()
    i = lo
    # Only a word that opens a locative phrase starts a search: visit just those (speed).
    for opener in [k for k in range(lo, hi) if tokens[k].lower in index]:
        if opener < i:
            continue
        i = opener
        match = None
        for words in index[tokens[i].lower]:
            n = len(words)
            if i + n <= hi and tuple([t.lower for t in tokens[i : i + n]]) == words:
                match = n
                break
        if match is None:
            i += 1
            continue
        j = i + match
        if j < hi and tokens[j].lower in ("the",):
            j += 1
        modifiers = 0
        # "in the eastern city of Tobruk", "in war-torn Libya": a few lowercase words before the name
        while (
            j < hi
            and modifiers < 4
            and tokens[j].text[:1].islower()
            and tokens[j].lower not in determiners()
            and (tokens[j].lower not in prepositions() or (tokens[j].lower == "of" and modifiers))
        ):
            j += 1  # "in war-torn Libya", "in the eastern city of Tobruk", but not "in workshops with Apple"
            modifiers += 1
        name: list[int] = []
        while j < hi and j not in dates:
            if tokens[j].info.name:
                name.append(j)
            elif name and _abbreviated_name(tokens, j, hi):
                name.append(j)  # "St. Louis", "Ft. Worth": the abbreviation's period stays inside
            elif name and tokens[j].lower in NAME_PARTICLES and j + 1 < hi and tokens[j + 1].info.name:
                name.append(j)  # "Dar es Salaam", "Rio de Janeiro"
            else:
                break
            j += 1
        if name and tokens[name[0]].text in demonyms():
            name = []  # "in the Kenyan and Tanzanian capitals": an adjective, not a place
        if name:
            text = " ".join(tokens[k].text for k in name).replace(" .", ".")
            if (
                j + 1 < hi
                and tokens[j].text == ","
                and tokens[j + 1].text in countries()
                and j + 1 not in dates
            ):
                text += ", " + tokens[j + 1].text
            found.append(Place((i, name[-1] + 1), text))
            i = name[-1] + 1
        else:
            i += match
    return found


def _abbreviated_name(tokens: tuple[Token, ...], j: int, hi: int) -> bool:
    """Whether the period at j closes an abbreviation inside a name ("St. Louis")."""
    return (
        tokens[j].text == "."
        and j > 0
        and j + 1 < hi
        and tokens[j - 1].lower in word_set("abbreviations.txt")
        and tokens[j - 1].end == tokens[j].start
        and tokens[j + 1].info.name
    )


def participants(tokens: tuple[Token, ...], indices: list[int], excluded: set[int]) -> tuple[str, ...]:
    """People, organizations and countries named in the given tokens."""
    out: list[str] = []
    cues = _group_cues()
    chosen = [i for i in indices if i not in excluded]
    position = 0
    while position < len(chosen):
        i = chosen[position]
        token = tokens[i]
        if not token.info.name:
            position += 1
            continue
        if i > 1 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in PLACE_NOUNS:
            position += 1
            continue  # "the coast of Valmora", "the city of Leeds": a place
        opens = i == 0 or (not tokens[i - 1].info.word and tokens[i - 1].text != ",")
        if opens and not _looks_like_name_at_start(tokens, i):
            position += 1
            continue
        run = [i]
        k = position + 1
        while k < len(chosen) and chosen[k] == run[-1] + 1:
            nxt = tokens[chosen[k]]
            if _abbreviated_name(tokens, chosen[k], len(tokens)) and k + 1 < len(chosen):
                run.append(chosen[k])
                k += 1
                continue
            if nxt.info.name or (
                nxt.lower in _PARTICLES_FOR and k + 1 < len(chosen) and tokens[chosen[k + 1]].info.name
            ):
                run.append(chosen[k])
                k += 1
                continue
            break
        # A demonym or name followed by a group noun: "Libyan coast guard", "Tripoli government".
        if k < len(chosen):
            for words in cues.get(tokens[chosen[k]].lower, ()):
                n = len(words)
                span = chosen[k : k + n]
                if (
                    len(span) == n
                    and tuple(tokens[s].lower for s in span) == words
                    and span[0] == run[-1] + 1
                ):
                    run.extend(span)
                    k += n
                    break
        text = " ".join(tokens[r].text for r in run).replace(" .", ".")
        single = len(run) == 1
        after = run[-1] + 1
        if (
            after < len(tokens)
            and tokens[after].text[:1] in CURRENCY_SIGNS
            and tokens[after].start == tokens[run[-1]].end
        ):
            position = k
            continue  # "US$ 3", "HK$": a currency, not a participant
        if single and token.text in demonyms() and not text.endswith(tuple(" " + w for w in ("s",))):
            position = k
            continue  # a bare demonym is an adjective ("European shores"), not a participant
        if "-" in text and single and text.split("-")[1][:1].islower():
            position = k
            continue  # "Sub-saharan migrants"
        if text not in out:
            out.append(text)
        position = k
    return tuple(out)


def _looks_like_name_at_start(tokens: tuple[Token, ...], i: int) -> bool:
    """A capitalized sentence opener is a name when it is an acronym, a country, or followed by a name."""
    token = tokens[i]
    if token.text.isupper() or token.text in countries() or token.text in demonyms():
        return True
    return i + 1 < len(tokens) and tokens[i + 1].info.name


# Nouns whose "of" phrase names a place: "the coast of Valmora" (a place, never a participant).
PLACE_NOUNS = frozenset(
    {"coast", "city", "town", "village", "province", "region", "state", "island", "capital", "port"}
    | {"county", "district", "outskirts", "centre", "center", "streets", "shores", "suburbs", "mayor"}
)
CURRENCY_SIGNS = frozenset("$€£¥")
# Prepositions that also complete phrasal verbs: left at the end of an object, they are particles.
PARTICLES = frozenset({"off", "up", "out", "down", "back", "away", "over"})
# Words before which a phrase may be cut without leaving a dangling fragment.
BREAK_BEFORE = frozenset(
    {"to", "and", "or", "in", "on", "at", "for", "with", "from", "by", "into", "after", "over"}
)


def fit(tokens: tuple[Token, ...], indices: list[int], budget: int) -> list[int]:
    """The longest prefix of a phrase within `budget` words that ends before a natural break."""
    words = [i for i in indices if tokens[i].info.word]
    if len(words) <= budget:
        return indices
    if budget <= 0:
        return []
    limit = words[budget]  # first word that does not fit
    cut = [i for i in indices if i < limit]
    if tokens[limit].lower in BREAK_BEFORE:
        return cut
    for n in range(len(cut) - 1, 0, -1):
        if tokens[cut[n]].lower in BREAK_BEFORE:
            return cut[:n]
    return cut


def word_count(tokens: tuple[Token, ...], indices: list[int]) -> int:
    return len([i for i in indices if tokens[i].info.word])


# Words a title never opens with: a clitic, a relative pronoun, an auxiliary or a demonstrative
# left over from a cut ("'s harvest", "Whose", "Was first elected", "This").
BAD_FIRST_WORDS = frozenset(
    {"'s", "\u2019s", "whose", "who", "which", "whom", "that", "this", "these", "those", "was", "were"}
    | {"is", "are", "be", "been", "being", "has", "have", "had", "and", "but", "or", "of"}
    # an organization's possessive: "Its quarterly profit rose" reads "Quarterly profit rose"
    | {"its", "their"}
)


# Words a title never ends with: an auxiliary, a modal, "to" or a conjunction left by a cut.
BAD_LAST_WORDS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "would", "will", "could"}
    | {"should", "can", "may", "might", "must", "to", "and", "or", "but", "that", "the", "a", "an", "of"}
)


def title(parts: list[str]) -> str:
    """Joined and capitalized (but "iPhone", "eBay" keep their case); the parts were already
    fitted to MAX_TITLE_WORDS. Quotation marks and words a headline never opens with go."""
    # a clitic left at a part's start goes before the quotation marks do ("'s harvest")
    parts = [p[3:] if p.startswith(("'s ", "\u2019s ")) else p for p in parts]
    text = " ".join(p.strip("'\"\u201c\u201d\u2018\u2019 ") for p in parts if p).strip(" ,;:-—'\"")
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in BAD_FIRST_WORDS:
        words = words[1:]
    while len(words) > 2 and words[-1].lower() in BAD_LAST_WORDS:
        words = words[:-1]  # "First flight is", "said they had": a clause cut after its auxiliary
    text = " ".join(words).rstrip(" ,;:")
    first = text.split(" ", 1)[0]
    if first[1:] != first[1:].lower():
        return text
    return text[:1].upper() + text[1:]
