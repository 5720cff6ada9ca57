"""Find the names of known entities, inflected, in plain text.

Design: the text is cut into word tokens once; each token is looked up in two dictionaries built
once per site build - the exact first word of multi-word names ("petri" for "Petri Laitinen")
and the first three letters of single-word names' stems ("lai" for Laitise-n). Only the few
candidates found there are checked, by ``startswith`` and a set lookup of the remainder in the
closed list of endings. A single regex alternation over thousands of names x dozens of endings
was the alternative; Python's ``re`` tries alternatives one by one, compiling it takes seconds,
and it cannot express "longest of all candidates" - the dictionary route is linear in the text
and measured fast enough (scripts/bench_linking.py).

Rules a reader of a memo would notice:

* Capitalisation: a name stored capitalised only matches text whose first letter is a capital
  ("koneen" is not Kone) unless the term opts in with ``match_lowercase``; an all-capital first
  word must match exactly ("Op" and "op" are not OP). The rest matches in any case, so "Sanoma
  wsoy" is Sanoma WSOY and "OP-pohjola" is OP-Pohjola.
* ``common_word`` names (Kone, Rondo, Reititin) are skipped at the start of a sentence, where the
  capital letter says nothing; they are not reported at all there. An abbreviation's full stop
  ("mm. Posti") and a colon within a line ("Osallistujat: Posti, Kesko") end no sentence. A
  name of several words written with capitals ("Kone Oyj:n") is no common word anywhere.
* A name in capitals takes colon endings even when stored in mixed case: "YLE:n" is Yle.
* A ``given_name`` (the alias "Matti" of Matti Virtanen) followed, as written, by another
  capitalised word is the first name of someone else ("Matti Vanhasen"), not a mention, unless
  that word is a known name or in a case of place ("Matti Fortumilta").
* Longest match wins: "Petri Laitisen" is one mention of Petri Laitinen, not Petri.
* Hyphens: a name *followed* by a hyphen is matched ("Sanoma-konsernin", "PROksi-palvelu" speak
  about Sanoma and PROksi; the first part of a compound is not inflected, so only the name as
  written matches there). A name *preceded* by a hyphen is not ("Keski-Uusimaa" is not Uusimaa,
  "Pohjois-Karjala" is not Karjala); names that contain a hyphen (OP-Pohjola) match as a whole.
* A name glued to "@", "#", "/", "." or "_" is a handle, path, domain or identifier, not a mention.
* Words that name two entities equally well (two contacts both called "Petri") are one match
  that carries both (``Match.others``): the matcher knows names, not which person a memo means.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from . import endings
from .sentences import LEADING_ABBREVIATIONS
from .stems import Stem, StemKind, domain_stems, head_word_stems, is_abbreviation, multi_word_stems, word_stems

# A word token: letters/digits (and combining marks, for text that escaped NFC), optionally
# followed by ":" or an apostrophe and more letters - TKK:n, Bordeaux'n are one token.
_WORD = r"(?:[^\W_]|[\u0300-\u036f])+"
TOKEN_RE = re.compile(rf"{_WORD}(?:[:'’]{_WORD})?")
_HYPHENS = "-\u2010\u2011"
# "!" and "\\" because a link inserted after them would become an image or an escaped bracket.
# "_" only when it joins words (snake_case); as emphasis (_Fazer_) it is fine.
_BLOCKED_BEFORE = frozenset("@#/\\.$!" + _HYPHENS)
_SENTENCE_END = frozenset(".!?…")
# Skipped when looking back for a sentence start: space, Markdown emphasis, quotes, brackets,
# dashes and bullets that open a line.
_OPENERS = frozenset(" \t\r\n\u00a0*_~\"'“”‘’«»([{>#•–—" + _HYPHENS)
_ITEM_MARKERS = frozenset("-*•–—")
_KEY_LEN = 3
_JOINERS = ":'’"
# A word that may start a capitalised name, matched to its end as TOKEN_RE would cut it there:
# a word character that is not a Latin lower-case letter (other lower-case letters are left to
# str.islower in Python), with no word character or combining mark before it. Starting with a
# character class lets `re` skip to the candidates in C instead of trying lookbehinds at every
# character: the linker's largest single regex cost. A word that starts with a combining mark is
# never found, which loses nothing: it cannot start with the capital a capitalised name needs.
_WORD_REST = rf"(?<!(?:[^\W_]|[\u0300-\u036f]).)(?:[^\W_]|[\u0300-\u036f])*(?:[:'’]{_WORD})?"
_CAPITAL_WORD_RE = re.compile(rf"[^\W_a-zß-öø-ÿ]{_WORD_REST}")
_LATIN_LOWER = frozenset(map(chr, [*range(ord("a"), ord("z") + 1), *range(0xDF, 0xF7), *range(0xF8, 0x100)]))
"""The lower-case letters `_CAPITAL_WORD_RE` leaves out."""


@dataclass(frozen=True)
class Term:
    """A name, alias or former name of an entity, as written in front matter."""

    text: str
    key: str
    common_word: bool = False
    match_lowercase: bool = False
    given_name: bool = False
    """A person's first name as an alias ("Matti"): right before another capitalised word it
    starts someone else's full name ("Matti Vanhasen"), so there it is no mention."""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    term: str
    surface: str
    others: tuple[str, ...] = ()
    """Other entities the same words name just as well (two contacts both called "Petri"): `key`
    is only the first of them, and the caller decides, from what else it knows, which is meant."""


@dataclass(frozen=True)
class _Candidate:
    term: Term
    order: int  # position in the input: the first term wins a tie
    locked: str  # prefix that must match case-sensitively ("P", "OP", "" for match_lowercase)
    head: tuple[str, ...]  # lower-case words before the last one
    seps: tuple[str, ...]  # normalised separators between the words
    stems: tuple[tuple[str, frozenset[str]], ...]  # last word: (stem, allowed remainders)
    head_stems: tuple[tuple[tuple[str, frozenset[str]], ...] | None, ...]
    """Each word before the last: None when it must be written as in `head`, else its stems like
    `stems`, for an adjective that inflects with the last word ("Teknillisen korkeakoulun")."""
    prefix: str  # common start of all stems: a cheap first test
    capitals: str  # last word, lower case, when it may also be written in capitals + colon ending


def _fold(token: str) -> str:
    token = token.lower()
    return token if token.isascii() else unicodedata.normalize("NFC", token)


_SPACES_RE = re.compile(r"\s+")
_HYPHEN_RE = re.compile(f"[{_HYPHENS}]")


def _norm_sep(sep: str) -> str:
    """Separators compare loosely: any whitespace run is one space, any hyphen is '-'."""
    if sep == " " or sep == "-":
        return sep
    return _HYPHEN_RE.sub("-", _SPACES_RE.sub(" ", sep))


def _forms_key(stem: Stem) -> tuple[StemKind, str]:
    """What the allowed endings of ``stem`` depend on: its kind, and for vowel stems the last
    vowel (the illative copies it)."""
    return stem.kind, stem.text[-1] if stem.kind is StemKind.VOWEL else ""


@cache
def _forms(keys: tuple[tuple[StemKind, str], ...]) -> frozenset[str]:
    """The endings allowed after a stem text that has the given kinds, built once per combination
    (thousands of terms share a handful of combinations)."""
    out: set[str] = set()
    for kind, vowel in keys:
        if kind is StemKind.NOMINATIVE:
            out |= endings.nominative_forms()
        elif kind is StemKind.VOWEL:
            out |= endings.forms_after_vowel(vowel)
        elif kind is StemKind.CONSONANT:
            out |= endings.forms_after_consonant()
        elif kind is StemKind.PLURAL:
            out |= endings.forms_after_plural()
        elif kind is StemKind.PLURAL_J:
            out |= endings.forms_after_plural_j()
        else:
            out |= endings.forms_after_abbreviation()
    return frozenset(out)


def _candidate(term: Term, order: int) -> _Candidate | None:
    text = unicodedata.normalize("NFC", term.text).strip()
    tokens = list(TOKEN_RE.finditer(text))
    if not tokens:
        return None
    words = [m.group() for m in tokens]
    seps = tuple(_norm_sep(text[a.end() : b.start()]) for a, b in zip(tokens, tokens[1:], strict=False))
    first = words[0]
    if term.match_lowercase:
        locked = ""
    elif len(first) > 1 and is_abbreviation(first):
        locked = first
    elif first[0].isupper() or first[0].isdigit():
        # a digit has no lower case to allow: locking it keeps "7-Eleven" and "3M" among the names
        # that need no lower-case word, which `find` skips (one such name read every word of every
        # memo, two thirds more linking)
        locked = first[0]
    else:
        locked = ""
    last_stems = word_stems(words[-1]) | (multi_word_stems(words[-1]) if len(words) > 1 else frozenset())
    if seps and seps[-1] == ".":
        last_stems |= domain_stems(words[-1])
    stems = _stem_forms(last_stems)
    head = tuple(_fold(word) for word in words[:-1])
    head_stems = tuple(_stem_forms(found) if (found := head_word_stems(word)) else None for word in words[:-1])
    prefix = os.path.commonprefix([stem for stem, _ in stems])
    capitals = "" if is_abbreviation(words[-1]) else _fold(words[-1])
    return _Candidate(term, order, locked, head, seps, stems, head_stems, prefix, capitals)


def _stem_forms(found: Iterable[Stem]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each stem text with every ending its kinds allow, in a stable order."""
    merged: dict[str, set[tuple[StemKind, str]]] = {}
    for stem in found:
        merged.setdefault(stem.text, set()).add(_forms_key(stem))
    return tuple(
        (text, _forms(tuple(sorted(keys, key=lambda k: (k[0].value, k[1]))))) for text, keys in sorted(merged.items())
    )


def _inflected(word: str, stems: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    return any(word.startswith(stem) and word[len(stem) :] in forms for stem, forms in stems)


class _Index:
    """Candidates by the words they start with."""

    def __init__(self) -> None:
        # exact first word -> first two letters of the second word -> candidates: people share
        # first names, so "petri" alone would leave hundreds of candidates to check.
        self.multi: dict[str, dict[str, list[_Candidate]]] = {}
        self.single: dict[str, list[_Candidate]] = {}  # first letters of a stem -> candidates
        self.short_keys: set[int] = set()  # key lengths < _KEY_LEN in use

    def add(self, candidate: _Candidate) -> None:
        first_stems = candidate.head_stems[0] if candidate.head else None
        if first_stems is not None:  # "Teknillisen korkeakoulun": found by its first word's stems
            self._add_single(candidate, first_stems)
            return
        if candidate.head:
            if len(candidate.head) > 1:
                seconds = {candidate.head[1][:2]}
            else:
                seconds = {stem[:2] for stem, _ in candidate.stems}
            by_second = self.multi.setdefault(candidate.head[0], {})
            for second in seconds:
                by_second.setdefault(second, []).append(candidate)
            return
        self._add_single(candidate, candidate.stems)

    def _add_single(self, candidate: _Candidate, stems: tuple[tuple[str, frozenset[str]], ...]) -> None:
        for key in {stem[:_KEY_LEN] for stem, _ in stems}:
            if len(key) < _KEY_LEN:
                self.short_keys.add(len(key))
            self.single.setdefault(key, []).append(candidate)

    def may_start(self, word: str) -> bool:
        """False when no candidate can start at ``word``: the cheap test most words fail."""
        if word in self.multi or word[:_KEY_LEN] in self.single:
            return True
        return any(len(word) >= length and word[:length] in self.single for length in self.short_keys)

    def lookup(self, word: str, second: str | None) -> list[_Candidate]:
        found: list[_Candidate] = []
        by_second = self.multi.get(word)
        if by_second and second is not None:
            found += by_second.get(second[:2], ())
        found += self.single.get(word[:_KEY_LEN], ())
        for length in self.short_keys:
            if len(word) >= length:
                found += self.single.get(word[:length], ())
        return found

    def __bool__(self) -> bool:
        return bool(self.multi or self.single)


class Matcher:
    """All terms of a build, compiled once; :meth:`find` is then linear in the text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        # Most names need a capital first letter, and most words of a memo start in lower case:
        # keeping those names apart lets find() skip lower-case words with one check.
        self._capital = _Index()
        self._any_case = _Index()
        heads = 0
        for order, term in enumerate(terms):
            candidate = _candidate(term, order)
            if candidate is not None:
                (self._capital if candidate.locked else self._any_case).add(candidate)
                heads = max(heads, len(candidate.head))
        self._reach = heads + 2
        """Words a match can span, plus one: all `_best_at` ever reads after its first word."""
        self._starts = _word_starts(self._any_case)
        """Where `find` looks for a mention to start."""

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions, leftmost-longest, sorted by start.

        Most words of a memo start no name, so instead of cutting the whole text into words, a
        regex jumps from one word that may start a name to the next (`_starts`: a word that does
        not start in lower case, or starts with the first letter of a name that may be written in
        lower case), and only the few words a name could span are cut from there. Cutting every
        word of every memo was the largest single cost of linking.

        Words are cut the same way from any word start (``TOKEN_RE`` from there on), so the
        result is the same as cutting the whole text (the tests compare the two), except right
        after a ":" or apostrophe joined to a word ("TKK:Nokia" is one word): such a start is
        checked by cutting its whole run."""
        folded = _Folded(text)
        capital, any_case, has_any_case = self._capital, self._any_case, bool(self._any_case)
        reach = self._reach
        matches: list[Match] = []
        pos = 0
        run: tuple[int, int, frozenset[int]] = (0, 0, frozenset())
        while True:
            found = self._starts.search(text, pos)
            if found is None:
                return matches
            start = found.start()
            pos = start + 1
            lower = text[start].islower()
            if lower and not has_any_case:  # the regex leaves out Latin lower case only
                continue
            if start > 0 and text[start - 1] in _JOINERS:
                if not run[0] <= start < run[1]:
                    run = _token_run(text, start)
                if start not in run[2]:
                    continue
            word = folded.word(start, found.end())
            if not ((not lower and capital.may_start(word)) or (has_any_case and any_case.may_start(word))):
                continue
            tokens = [m.span() for m in islice(TOKEN_RE.finditer(text, start), reach)]
            words = _Words(folded, tokens)
            best = self._best_at(text, tokens, words, 0)
            if best is None:
                continue
            last, candidate, others = best
            end = tokens[last][1]
            term = candidate.term
            matches.append(Match(start, end, term.key, term.text, text[start:end], others))
            pos = end

    def _best_at(
        self, text: str, tokens: list[tuple[int, int]], words: _Words, i: int
    ) -> tuple[int, _Candidate, tuple[str, ...]] | None:
        """The longest match starting at word `i`, and the other entities it names as well."""
        start = tokens[i][0]
        if start > 0 and (
            text[start - 1] in _BLOCKED_BEFORE or (text[start - 1] == "_" and text[start - 2 : start - 1].isalnum())
        ):
            return None
        word = words[i]
        second = words[i + 1] if i + 1 < len(tokens) else None
        candidates = self._any_case.lookup(word, second)
        if not text[start].islower():
            candidates += self._capital.lookup(word, second)
        if not candidates:
            return None
        best: tuple[int, _Candidate] | None = None
        matched: list[tuple[int, _Candidate]] = []
        sentence_start: bool | None = None
        for candidate in candidates:
            last = _match_end(text, tokens, words, i, candidate)
            if last is None:
                continue
            if candidate.term.common_word and not (candidate.head and _capitalised_after_first(text, tokens, i, last)):
                if sentence_start is None:
                    sentence_start = is_sentence_start(text, start)
                if sentence_start:
                    continue
            matched.append((last, candidate))
            if best is None or last > best[0] or (last == best[0] and candidate.order < best[1].order):
                best = (last, candidate)
        if best is None:
            return None
        last, winner = best
        if (winner.term.given_name and _before_another_name(text, tokens, words, last, winner)
                and self._best_at(text, tokens, words, last + 1) is None):
            return None  # "Matti Vanhasen"; but "Matti Fortumilta" is Matti, from a known organisation
        others = tuple(dict.fromkeys(
            c.term.key for end, c in matched if end == last and c.term.key != winner.term.key
        ))
        return last, winner, others


def _word_starts(any_case: _Index) -> re.Pattern[str]:
    """`_CAPITAL_WORD_RE`, letting through the lower-case letters the names that may be written in
    lower case start with (``match_lowercase``, "eBay"): the regex still skips in C from one
    possible start to the next, where cutting every word because of one such name made linking
    80 % slower. A letter written as a base letter and a combining mark ("a" + "̈" for "ä") is
    let through by its base letter too."""
    if not any_case:
        return _CAPITAL_WORD_RE
    firsts = {key[0] for key in (*any_case.multi, *any_case.single) if key}
    firsts |= {unicodedata.normalize("NFD", letter)[0] for letter in firsts}
    skipped = "".join(sorted(_LATIN_LOWER - firsts))
    return re.compile(rf"[^\W_{re.escape(skipped)}]{_WORD_REST}")


class _Folded:
    """A text's lower-case form, computed once; words are NFC-normalised only when needed."""

    def __init__(self, text: str) -> None:
        lower = text.lower()
        self.fast = len(lower) == len(text) and unicodedata.is_normalized("NFC", lower)
        self.lower = lower if self.fast else text

    def word(self, start: int, end: int) -> str:
        return self.lower[start:end] if self.fast else _fold(self.lower[start:end])


class _Words:
    """Lower-case NFC form of each token, computed only when asked for."""

    def __init__(self, folded: _Folded, tokens: list[tuple[int, int]]) -> None:
        self.tokens = tokens
        self.folded = folded
        self.cache: dict[int, str] = {}

    def __getitem__(self, k: int) -> str:
        start, end = self.tokens[k]
        if self.folded.fast:
            return self.folded.lower[start:end]
        word = self.cache.get(k)
        if word is None:
            word = self.cache[k] = _fold(self.folded.lower[start:end])
        return word


def _is_word_char(char: str) -> bool:
    """What ``_WORD`` matches: a letter or digit (regex ``[^\\W_]``) or a combining mark."""
    return char.isalnum() or "\u0300" <= char <= "\u036f"


def _token_run(text: str, pos: int) -> tuple[int, int, frozenset[int]]:
    """(start, end, word starts) of the run of words joined by ":" or apostrophes around ``pos``,
    as cutting the whole text into words would start them ("TKK:Nokia" is one word). Computed
    once a run: asked at every capital of "ABC:ABC:ABC:...", a scan from the run's start each
    time made a long run quadratic."""
    start = pos
    while start > 0 and (
        _is_word_char(text[start - 1]) or (text[start - 1] in _JOINERS and start > 1 and _is_word_char(text[start - 2]))
    ):
        start -= 1
    end = pos
    while end < len(text) and (
        _is_word_char(text[end]) or (text[end] in _JOINERS and end + 1 < len(text) and _is_word_char(text[end + 1]))
    ):
        end += 1
    return start, end, frozenset(token.start() for token in TOKEN_RE.finditer(text, start, end))


def _match_end(text: str, tokens: list[tuple[int, int]], words: _Words, i: int, cand: _Candidate) -> int | None:
    """Index of the last token of ``cand`` matched at token ``i``, or None."""
    n_head = len(cand.head)
    last = i + n_head
    if last >= len(tokens):
        return None
    for k in range(n_head):
        if words[i + k] != cand.head[k]:
            inflecting = cand.head_stems[k]
            if inflecting is None or not _inflected(words[i + k], inflecting):
                return None
        between = text[tokens[i + k][1] : tokens[i + k + 1][0]]
        if _norm_sep(between) != cand.seps[k]:
            return None
    word = words[last]
    if not word.startswith(cand.prefix) or not _inflected(word, cand.stems):
        if ":" not in word or not _in_capitals(text, tokens[last], word, cand.capitals):
            return None
    if cand.locked:
        first = text[tokens[i][0] : tokens[i][1]]
        if not first.isascii():
            first = unicodedata.normalize("NFC", first)
        if not first.startswith(cand.locked):
            return None
    end = tokens[last][1]
    after = text[end : end + 2]
    if after[:1] == "@" or (after[:1] in "._" and after[1:2].isalnum()):
        return None
    return last


def _in_capitals(text: str, token: tuple[int, int], word: str, capitals: str) -> bool:
    """"YLE:n", "KONE:lle": a mixed-case name written in capitals, inflected like TKK."""
    if not capitals or not word.startswith(capitals + ":"):
        return False
    return word[len(capitals) :] in endings.forms_after_abbreviation() and is_abbreviation(
        text[token[0] : token[0] + len(capitals)]
    )


def _before_another_name(text: str, tokens: list[tuple[int, int]], words: _Words, last: int,
                         winner: _Candidate) -> bool:
    """Whether a given name, uninflected, is followed by a space and a capitalised word that may
    be a surname: "Matti Vanhasen" names someone else (only a full name's last word inflects).
    A word in a case of place ("Matti Fortumilta", "Sanna Postista") says where Matti is from."""
    if last + 1 >= len(tokens) or words[last] != _fold(winner.term.text):
        return False
    following = tokens[last + 1][0]
    if text[tokens[last][1] : following] != " " or not text[following].isupper():
        return False
    return not words[last + 1].endswith(_PLACE_CASES)


_PLACE_CASES = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle")
"""The local cases: "from", "at", "to" somewhere, which a surname after a first name is not in."""


def _capitalised_after_first(text: str, tokens: list[tuple[int, int]], first: int, last: int) -> bool:
    """Whether every word of a match after its first is capitalised as written: "Kone Oyj" is a
    name at a sentence start, "Uusi suunta" (an organisation "Uusi Suunta" that is also a phrase)
    is not."""
    return all(text[tokens[k][0]].isupper() for k in range(first + 1, last + 1))


def is_sentence_start(text: str, pos: int) -> bool:
    """True if only openers (space, emphasis, quotes, dashes) stand between ``pos`` and the
    start of the text or a sentence-ending mark (. ! ? …), as `sentences` cuts them: the full stop
    of an abbreviation that leads into a name ("mm. Posti") ends no sentence on its line, and a colon ends one only at
    the end of its line ("Osallistujat:" above a list), not within it ("Osallistujat: Posti"). A
    list item starts a sentence even when the line before it ends in none ("- Posti")."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    skipped = text[i + 1 : pos]
    newline = "\n" in skipped
    if newline and skipped.rpartition("\n")[2].strip()[:1] in _ITEM_MARKERS:
        return True  # a list item: "Osallistujat:\n- Kone\n- Rondo"
    if text[i] == ":":
        return newline
    if text[i] == "." and not newline:
        start = i
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if text[start:i].lower() in LEADING_ABBREVIATIONS:
            return False
    return text[i] in _SENTENCE_END
