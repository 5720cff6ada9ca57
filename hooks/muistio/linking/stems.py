"""Stem rules: which strings the inflected forms of a name start with.

Finnish changes the end of a word before adding an ending (Laitinen -> Laitise-n, Kauppa ->
Kaupa-n, Reititin -> Reitittime-n), so "name + ending" alone would miss most mentions. These
rules cover the noun types names actually have (-nen surnames, -us/-as/-is words, -in words,
consonant gradation, vowel-final and foreign consonant-final names, plural names). They
over-generate on purpose: a stem that is never used costs nothing, because the matcher only
accepts it together with an ending from :mod:`endings`, and a name's stem plus a case ending
almost never spells another word.

The old e-stem of -i words (Lahti -> Lahde-n, Kivi -> Kive-n) only for the last word of a name
of several words (:func:`multi_word_stems`): surnames like Lahti, Koski, Mäki and Niemi inflect
that way, and the first name before them keeps "Jukka Lahden" from matching anything else. A
name of one word ending in -i takes the endings directly (Petri-n, PROksi-a); an e-stem there
would turn Kari into Karen and Tapani into Tapanen, so a one-word name that does inflect that way
lists the form as an alias.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .endings import VOWELS


class StemKind(Enum):
    """Which list of endings may follow the stem (see :mod:`endings`)."""

    NOMINATIVE = "nominative"  # the word as written: + clitic only
    VOWEL = "vowel"  # Laitise-, Metropolia-: singular case endings
    CONSONANT = "consonant"  # Laitis-, Tilastokeskus-: -ta, -ten
    PLURAL = "plural"  # Sanomi-, Laitisi-: plural case endings
    PLURAL_J = "plural_j"  # Kauppoj-a, Kauppoj-en
    ABBREVIATION = "abbreviation"  # TKK: bare or colon + ending


@dataclass(frozen=True)
class Stem:
    text: str  # lower case, NFC
    kind: StemKind


#: ``add(kind, *texts)``: the local helper that collects stems in :func:`word_stems`.
Adder = Callable[..., None]


# Consonant gradation, strong -> weak, longest pattern first. Several weak forms where the
# language has several (lk -> l in jalka/jalan, lj in kulkea/kuljen).
_WEAKEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kk", ("k",)),
    ("pp", ("p",)),
    ("tt", ("t",)),
    ("nk", ("ng",)),
    ("mp", ("mm",)),
    ("lt", ("ll",)),
    ("rt", ("rr",)),
    ("nt", ("nn",)),
    ("ht", ("hd",)),
    ("lk", ("l", "lj")),
    ("rk", ("r", "rj")),
    ("hk", ("h",)),
    ("lp", ("lv",)),
    ("rp", ("rv",)),
    ("k", ("", "v", "j")),
    ("p", ("v",)),
    ("t", ("d",)),
)

# Inverse gradation for -e, -in and -as words, weak nominative -> strong stem
# (osake -> osakkee-, reititin -> reitittime-, kangas -> kankaa-).
_STRENGTHEN: tuple[tuple[str, str], ...] = (
    ("ng", "nk"),
    ("mm", "mp"),
    ("ll", "lt"),
    ("rr", "rt"),
    ("nn", "nt"),
    ("hd", "ht"),
    ("lv", "lp"),
    ("rv", "rp"),
    ("k", "kk"),
    ("p", "pp"),
    ("t", "tt"),
    ("d", "t"),
    ("v", "p"),
)

_MIN_STEM = 3  # gradation on very short words makes stems like "ai" that match too much


def _is_vowel(char: str) -> bool:
    return char in VOWELS


def _cluster_split(head: str) -> tuple[str, str]:
    """Split ``head`` into (prefix, trailing consonant cluster)."""
    i = len(head)
    while i > 0 and not _is_vowel(head[i - 1]):
        i -= 1
    return head[:i], head[i:]


def weaken(word: str) -> set[str]:
    """Weak-grade versions of a vowel-final word: kauppa -> kaupa, turku -> turu, ranta -> ranna."""
    if len(word) < 3 or not _is_vowel(word[-1]) or _is_vowel(word[-2]):
        return set()
    prefix, cluster = _cluster_split(word[:-1])
    if not prefix:  # no vowel before the cluster: one-syllable word, no gradation
        return set()
    out: set[str] = set()
    for strong, weak_forms in _WEAKEN:
        if cluster.endswith(strong) and (len(strong) == 2 or len(cluster) == 1):
            start = prefix + cluster[: -len(strong)]
            out.update(start + weak + word[-1] for weak in weak_forms)
            break
    return {stem for stem in out if len(stem) >= _MIN_STEM}


def strengthen(head: str) -> str | None:
    """Strong grade of the consonant(s) ending ``head``: reitit -> reititt, osak -> osakk."""
    prefix, cluster = _cluster_split(head)
    if not prefix or not cluster:
        return None
    for weak, strong in _STRENGTHEN:
        if cluster == weak or (len(weak) == 2 and cluster.endswith(weak)):
            return prefix + cluster[: -len(weak)] + strong
    return None


def is_abbreviation(word: str) -> bool:
    """TKK, WSOY, N9: no lower-case letters, so endings go after a colon."""
    return any(char.isalnum() for char in word) and not any(char.islower() for char in word)


COMPANY_FORMS = frozenset({"oy", "oyj", "ab", "abp", "ky", "ay", "ry", "rf", "tmi",
                           "ltd", "inc", "plc", "llc", "gmbh", "ag"})
"""Company-form abbreviations that end a name ("Alfa Oy", "Fazer Oyj", "Apple Inc"): written in
mixed case, yet inflected like TKK, after a colon: "Alfa Oy:n", "Fazer Oyj:lle"."""


def word_stems(word: str) -> frozenset[Stem]:
    """The stems of one word (the last word of a name), with the endings each one takes."""
    original = unicodedata.normalize("NFC", word)
    if is_abbreviation(original) or original.lower() in COMPANY_FORMS:
        return frozenset({Stem(original.lower(), StemKind.ABBREVIATION)})
    w = original.lower()
    out: set[Stem] = {Stem(w, StemKind.NOMINATIVE)}
    if original[-1].isdigit() or original[-1].isupper():
        # St1, Suomi24, Elisa5G, iOS: the end is read as a number or letters, so Finnish puts
        # the ending after a colon (St1:n, iOS:ssä), as it does after TKK.
        out.add(Stem(w, StemKind.ABBREVIATION))

    def add(kind: StemKind, *texts: str | None) -> None:
        out.update(Stem(text, kind) for text in texts if text and len(text) >= 2)

    vowel, consonant = StemKind.VOWEL, StemKind.CONSONANT
    last = w[-1]
    if w.endswith("nen") and len(w) > 4:  # Laitinen -> Laitise-n, Laitis-ta, Laitisi-lle
        base = w[:-3] + "s"
        add(vowel, base + "e")
        add(consonant, base)
        add(StemKind.PLURAL, base + "i")
    elif _is_vowel(last):  # Metropolia, Rondo, PROksi, Kauppa, Kone, Yle
        add(vowel, w, *weaken(w))
        if last == "e":  # Kone -> Konee-n, Konet-ta; Osake -> Osakkee-n
            add(vowel, w + "e")
            add(consonant, w + "t")
            strong = strengthen(w[:-1])
            if strong:
                add(vowel, strong + "ee")
    elif last == "t" and len(w) > 2 and _is_vowel(w[-2]):  # plural names: Sanomat, Uutiset
        _plural_stems(w[:-1], add)
        add(vowel, w + "i", w + "'", w + "’")  # or a foreign name: Vincit -> Vincit-in
    else:
        _consonant_final_stems(w, add)
    return frozenset(out)


def multi_word_stems(word: str) -> frozenset[Stem]:
    """Stems the last word takes only after other words: the e-stem of an -i surname, in both
    grades (Jukka Lahti -> Lahde-n, Lahte-a; Matti Mäki -> Mäe-n, Mäke-ä; Sanna Koski -> Koske-n)."""
    w = unicodedata.normalize("NFC", word).lower()
    if len(w) < 4 or w[-1] != "i" or _is_vowel(w[-2]) or is_abbreviation(word) or w in COMPANY_FORMS:
        return frozenset()
    e_stem = w[:-1] + "e"
    return frozenset(Stem(text, StemKind.VOWEL) for text in {e_stem, *weaken(e_stem)})


def head_word_stems(word: str) -> frozenset[Stem]:
    """Stems a word before the last one of a name takes, or none when it stays as written.

    Only the last word of most names inflects ("Petri Laitisen", "Helsingin yliopiston"), but an
    adjective agrees with the noun it stands before, and most adjectives in organisations' names
    end in -nen: "Teknillisen korkeakoulun", "Tampereen teknillisessä yliopistossa",
    "Taideteolliseen korkeakouluun". Such a word takes the stems of a last word of its kind; the
    rest of the name must still follow, so a surname before another word ("Virtanen Consulting")
    is read the same way at no risk."""
    w = unicodedata.normalize("NFC", word).lower()
    if not w.endswith("nen") or len(w) <= 4 or is_abbreviation(word):
        return frozenset()
    return word_stems(word)


def domain_stems(word: str) -> frozenset[Stem]:
    """Stems the last part of a name takes after a dot: that part is a domain (Verkkokauppa.com,
    Hotels.com), and Finnish keeps an address as written, putting the ending after a colon:
    "Verkkokauppa.com:n", "Verkkokauppa.com:lle". (The ending glued on, "Verkkokauppa.comin",
    is found by `word_stems`.)"""
    return frozenset({Stem(unicodedata.normalize("NFC", word).lower(), StemKind.ABBREVIATION)})


def _plural_stems(singular: str, add: Adder) -> None:
    plural, plural_j = StemKind.PLURAL, StemKind.PLURAL_J
    last = singular[-1]
    if singular.endswith("se") and len(singular) > 3:  # Uutiset -> uutisi-ssa, uutis-ten
        add(plural, singular[:-1] + "i")
        add(StemKind.CONSONANT, singular[:-1])
        return
    strong = strengthen(singular[:-1])
    heads = {singular[:-1]} | ({strong} if strong else set())
    for head in heads:  # Sanomat -> Sanomi-en; Kaupat -> kauppoj-a, kaupoi-ssa
        if last in "aä":
            add(plural, head + "i", head + "oi", head + "öi")
            add(plural_j, head + "oj", head + "öj")
        elif last in "ouyö":
            add(plural, head + last + "i")
            add(plural_j, head + last + "j")
        else:  # -e, -i: Koneet -> konei-ssa
            add(plural, head + "i", head + "ei")


def _consonant_final_stems(w: str, add: Adder) -> None:
    vowel, consonant = StemKind.VOWEL, StemKind.CONSONANT
    add(consonant, w)
    # Foreign and other consonant-final names take a linking -i: Microsoft-in, Fazer-illa,
    # Berlin-iin; written-silent finals take an apostrophe: Bordeaux'-n.
    add(vowel, w + "i", w + "'", w + "’")
    if w.endswith("in") and len(w) > 3:  # Reititin -> Reitittime-n, Puhelin -> Puhelime-n
        head = w[:-2]
        strong = strengthen(head)
        add(vowel, head + "ime", (strong + "ime") if strong else None)
    elif w.endswith(("ton", "tön")) and len(w) > 4:  # Rajaton -> Rajattoma-n
        add(vowel, w[:-3] + ("ttoma" if w[-2] == "o" else "ttömä"))
    elif len(w) > 3 and w[-1] == "s" and _is_vowel(w[-2]):
        head, v = w[:-2], w[-2]
        if v in "uyoö":  # Tilastokeskus -> Tilastokeskukse-n, rakkaus -> rakkaude-n
            add(vowel, w[:-1] + "kse", w[:-1] + "de")
        elif v == "i":  # Kallis -> Kallii-n
            add(vowel, w[:-1] + "i", w[:-1] + "kse")
        else:  # Kangas -> Kankaa-n, Rikas -> Rikkaa-n, Kirves -> Kirvee-n
            strong = strengthen(head)
            add(vowel, head + v + v, (strong + v + v) if strong else None)


def stems(name: str) -> set[str]:
    """The set of strings the inflected forms of ``name`` start with (lower case).

    For a multi-word name only the last word inflects: "Petri Laitinen" -> {"petri laitinen",
    "petri laitise", "petri laitis", "petri laitisi"}.
    """
    name = unicodedata.normalize("NFC", name).strip()
    head, sep, last = name.rpartition(" ")
    if "-" in last and not is_abbreviation(last.rpartition("-")[2]):
        hyphen_head, _, last = last.rpartition("-")
        head, sep = (head + sep + hyphen_head), "-"
    prefix = (head + sep).lower()
    found = word_stems(last) | (multi_word_stems(last) if sep == " " else frozenset())
    return {prefix + stem.text for stem in found}
