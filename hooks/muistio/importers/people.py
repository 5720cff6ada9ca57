"""Finding people and organisations in a page.

Three sources, in order of trust: Confluence mentions (the wiki knew the user), the byline
(the memo's authors), and "Name (Organisation)" in the text. On top of that, known people are
recognised in running text even when Finnish inflects their surname ("Petri Laitisen" →
"Petri Laitinen"): only people the directory knows, so a capitalised word pair that is not a
person never turns up as a false "unknown person".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import Tag

from .directory import Directory
from .tasks import MENTION

_WORD = r"[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:-[A-ZÅÄÖ][\wåäöÅÄÖ]*)?"
_FULL_NAME = re.compile(rf"(?<![\w-])({_WORD}(?: {_WORD}){{1,2}})(?![\w-])")
_NAME_ORG = re.compile(rf"(?<![\w-])({_WORD} {_WORD}) \(({_WORD}[^()\n]{{0,60}})\)")
# Finnish case endings and clitics, longest first; enough to find a nominative to look up.
_ENDINGS = sorted(
    """n a ä ta tä ssa ssä sta stä lla llä lta ltä lle ksi na nä en han hen hin
    kin kaan kään nkin llekin ltakin""".split(),
    key=len,
    reverse=True,
)


@dataclass(frozen=True)
class FoundPerson:
    """A person the page names; `slug` is None when the knowledge base does not know them."""

    name: str
    slug: str | None
    how: str
    organisation: str | None = None
    line: int = 0


def mentions(body: Tag, directory: Directory) -> list[FoundPerson]:
    """Users mentioned with Confluence's @-mention."""
    found = []
    for link in body.select(MENTION):
        name = link.get_text(" ", strip=True)
        if name:
            found.append(FoundPerson(name, directory.person_slug(name), "mention", line=link.sourceline or 0))
    return found


def name_with_organisation(text: str, directory: Directory) -> list[FoundPerson]:
    """ "Petri Laitinen (Metropolia)": a person and where they work."""
    return [
        FoundPerson(
            match.group(1),
            _person(match.group(1), directory),
            "name (organisation)",
            organisation=match.group(2).strip(),
        )
        for match in _NAME_ORG.finditer(text)
    ]


def known_people_in(text: str, directory: Directory) -> list[FoundPerson]:
    """Known people named in running text, inflected surnames included."""
    found = []
    for match in _FULL_NAME.finditer(text):
        words = match.group(1).split(" ")
        # "Mitä Petri Laitisen": try every run of two or three words inside the match.
        for start in range(len(words)):
            for end in range(len(words), start + 1, -1):
                name = " ".join(words[start:end])
                slug = _person(name, directory)
                if slug:
                    found.append(FoundPerson(name, slug, "text"))
                    break
    return found


def _person(name: str, directory: Directory) -> str | None:
    first, _, last = name.rpartition(" ")
    for candidate in _nominatives(last):
        slug = directory.person_slug(f"{first} {candidate}" if first else candidate)
        if slug:
            return slug
    return None


def _nominatives(word: str) -> Iterator[str]:
    """The word itself, then guesses at its base form: Laitisen, Laitista → Laitinen."""
    yield word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            yield stem
            if stem.endswith("se"):
                yield stem[:-2] + "nen"
            elif stem.endswith("s"):
                yield stem[:-1] + "nen"
