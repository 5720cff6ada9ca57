"""The closed lists of Finnish case endings, possessive suffixes and clitics.

Why a closed list and not a lemmatiser: a memo only ever needs to know whether a word *starts
with a known name* and whether what follows is one of the few dozen endings Finnish puts on a
noun. That question has a small, fixed answer set, so we can enumerate it, test it and read it.
A lemmatiser (Voikko, Omorfi, spaCy models) answers a harder question - what is the base form of
any word - needs a dictionary that does not know our company names, guesses on unknown proper
nouns, is slow to load, and in a study of this problem found fewer mentions with more false hits
than the closed list. The list here over-generates on purpose (both vowel harmonies, endings a
given stem never takes): an over-generated form only matters if stem + ending spells another real
word, and the stems are names, so that is rare and is covered by capitalisation and the
``common_word`` flag.

Everything is lower case and NFC; the matcher lower-cases the text before comparing.
"""

from __future__ import annotations

from functools import cache
from itertools import product

VOWELS = "aeiouyäö"

#: Clitic particles, which follow every other suffix: Petrikin, TKK:ssakaan, Rondossahan.
CLITICS: tuple[str, ...] = (
    "kin",
    "kaan",
    "kään",
    "han",
    "hän",
    "pa",
    "pä",
    "ko",
    "kö",
    "kohan",
    "köhän",
    "pahan",
    "pähän",
    "kaanhan",
    "käänhän",
)

#: Possessive suffixes (nice-to-have): Metropoliassamme, Laitisensa. The third person form
#: "-Vn" (Metropoliassaan) is a lengthened vowel and is generated per ending.
POSSESSIVES: tuple[str, ...] = ("ni", "si", "mme", "nne", "nsa", "nsä")

#: Singular case endings that follow a vowel stem (Metropolia-, Laitise-, Kaupa-, PROksi-).
#: The illative "-Vn" copies the stem's last vowel and is added per stem (see forms_after_vowel).
SINGULAR_CASES: dict[str, tuple[str, ...]] = {
    "genitive": ("n",),
    "partitive": ("a", "ä", "ta", "tä"),
    "inessive": ("ssa", "ssä"),
    "elative": ("sta", "stä"),
    "illative": ("seen", "siin", "hin", "han", "hen", "hon", "hun", "hyn", "hän", "hön"),
    "adessive": ("lla", "llä"),
    "ablative": ("lta", "ltä"),
    "allative": ("lle",),
    "essive": ("na", "nä"),
    "translative": ("ksi", "kse"),  # "kse" only before a possessive: Metropoliakseen
    "abessive": ("tta", "ttä"),
    "instructive": ("n",),
    "comitative": ("ineen",),
}

#: Endings after a consonant stem: Laitis-ta, Tilastokeskus-ta, Reititin-tä, Konet-ta,
#: genitive plural Laitis-ten, comitative Laitis-ineen.
CONSONANT_CASES: tuple[str, ...] = ("ta", "tä", "ten", "ineen")

#: Plural case endings after a plural stem ending in -i (Sanomi-, Laitisi-, Kauppoi-).
PLURAL_CASES: tuple[str, ...] = (
    "en",
    "den",
    "tten",
    "n",  # genitive Sanomien, instructive
    "a",
    "ä",  # partitive Sanomia
    "ssa",
    "ssä",
    "sta",
    "stä",
    "in",
    "hin",
    "siin",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "na",
    "nä",
    "ksi",
    "tta",
    "ttä",
    "neen",
)

#: Endings after a plural stem ending in -j (Kauppoj-a, Kauppoj-en).
PLURAL_J_CASES: tuple[str, ...] = ("a", "ä", "en")


def _with_suffixes(cases: tuple[str, ...], *, bare: bool) -> frozenset[str]:
    """Every ``case [+ possessive] [+ clitic]`` string; ``bare`` also allows nothing at all.

    A possessive straight after the stem (Konee-nsa) is deliberately not a form: it is rare on
    names and turns Yle into "Yleensä" (usually), one of the commonest words in a memo.
    """
    heads: set[str] = {case for case in cases if case != "kse"}  # "kse" needs a possessive
    for case in cases:
        if case == "ksi":
            continue  # translative + possessive is "kse-" + possessive
        possessives = list(POSSESSIVES)
        if case[-1] in VOWELS:  # Metropoliassa + an, Kaupalle + en, Metropoliakse + en
            possessives.append(case[-1] + "n")
        heads.update(case + poss for poss in possessives)
    if bare:
        heads.add("")
    return frozenset(head + clitic for head, clitic in product(heads, ("", *CLITICS)))


@cache
def nominative_forms() -> frozenset[str]:
    """After the name exactly as written: nothing, or a clitic (Petrikin, Rondohan)."""
    return frozenset(("", *CLITICS))


def _singular_cases() -> tuple[str, ...]:
    return tuple(ending for group in SINGULAR_CASES.values() for ending in group)


@cache
def forms_after_vowel(last_vowel: str) -> frozenset[str]:
    """After a vowel stem. ``last_vowel`` gives the illative: Rondo-on, Metropolia-an, PROksi-in.

    A bare vowel stem (Laitise, Kaupa) is not a word, so an ending or possessive is required.
    """
    cases = _singular_cases()
    if last_vowel in VOWELS:
        cases = (*cases, last_vowel + "n")
    return _with_suffixes(cases, bare=False)


@cache
def forms_after_consonant() -> frozenset[str]:
    return _with_suffixes(CONSONANT_CASES, bare=False)


@cache
def forms_after_plural() -> frozenset[str]:
    return _with_suffixes(PLURAL_CASES, bare=False)


@cache
def forms_after_plural_j() -> frozenset[str]:
    return _with_suffixes(PLURAL_J_CASES, bare=False)


@cache
def forms_after_abbreviation() -> frozenset[str]:
    """All-capital abbreviations take endings only after a colon: TKK:n, WSOY:lle, OP:hen.

    Which illative and partitive an abbreviation takes depends on how its last letter or number
    is pronounced (TKK:hon, OP:hen, WSOY:hyn; 3M:ään and 3M:ää for "äm", St1:een for "yksi",
    SAS:ia), so every vowel is allowed, short and long. "TKKn" is not a form.
    """
    cases = (*_singular_cases(), *(vowel + "n" for vowel in VOWELS), *(vowel * 2 + "n" for vowel in VOWELS),
             "t", "iin", "aa", "ää", "ia", "iä")
    after_colon = _with_suffixes(cases, bare=False) | frozenset(CLITICS)
    return frozenset(("", *(":" + form for form in after_colon)))
