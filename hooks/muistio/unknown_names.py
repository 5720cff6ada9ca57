"""Names in a memo that look like organisations or people but have no page yet (for `kb review`).

A heuristic, tuned to say little rather than much: a reviewer who sees three false hints in every
pull request stops reading them. Finnish helps, because it capitalises only proper names (and
the first word of a sentence): months, weekdays, languages and nationalities are lower case.

What counts as a candidate, in the memo's prose (code, links' addresses, HTML, headings, tables
and `[[wikilinks]]` are left out):

1. a capitalised word that does not start a sentence (`lokakuun Rondossa`),
2. a run of capitalised words (`Helsingin Sanomat`); a run that starts a sentence loses its first
   word, which is capitalised only because it comes first,
3. an all-caps abbreviation, anywhere, with or without a colon ending (`YLE`, `VTT:n`); `TKI-toiminta`
   style compounds of an abbreviation and a common noun are not names.

A sentence starts at a paragraph, a list item, a task's `@person` and after `.`, `!`, `?`, `:`,
`;` (but not after `esim.`, `mm.` and the like). Candidates are dropped when they are a known name
or alias or a word of one (`Laitisen` once Petri Laitinen is known), when the link stage already
matched the words, or when they are in the small stop lists below (common abbreviations such as
CRM, Finnish place names, company-form words, office tools).

Names are shown in a rough base form, for the `kb new company` hint: colon endings go
(`TKK:n` → `TKK`), then one common case ending (`Rondossa` → `Rondo`, `Nokian` → `Nokia`,
`Virtasen` → `Virtanen`). Consonant gradation is not undone, so `Helsingin` stays `Helsingi`:
the hint is a starting point for a person, not a name to publish unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

COMMON_ABBREVIATIONS = frozenset(
    """crm erp it ict ai tki tk hr ceo cto cfo coo pdf url api ux ui pr kpi roi b2b b2c saas ok faq
    tv cv usa alv yt huom todo nb ps eu ek vs jne esim mm ns eli ym yms tms amk yamk ylempi""".split()
)
"""All-caps words that are not organisations anyone would make a page for."""
COMPANY_FORMS = frozenset("oy oyj ab ry ltd inc gmbh plc llc ky tmi sa ag".split())
"""Words that end a company's name and mean nothing on their own."""
TOOLS = ("teams", "zoom", "excel", "powerpoint", "outlook", "slack", "confluence", "jira", "whatsapp")
"""Office tools, matched as word beginnings (`Teamsissä`)."""
PLACE_STEMS = (
    "suomi", "suomen", "suomes", "suomea", "suomee", "suomel", "helsin", "espoo", "vantaa", "tamper",
    "turku", "turun", "turus", "oulu", "jyväskyl", "lahti", "lahde", "lahte", "kuopio", "euroop",
    "ruotsi", "ruotsin", "viro", "viron", "norja", "tanska", "saksa", "venäjä", "japani", "amerik",
    "yhdysval", "lontoo", "lontoos", "tukholm", "pohjoismai", "pohjoismaa",
)
"""Beginnings of place names, which are capitalised but are no organisation (single words only)."""
ABBREVIATIONS = frozenset("esim mm ns ym yms jne tms vrt ks n ca klo nro puh os eli".split())
"""Words that end in a full stop without ending the sentence."""

_BLANK = "\u2063"  # stands in for removed text: not a word, not a space, not punctuation
_WORD = re.compile(r"[^\W\d_][\w’'-]*(?::[^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?:;…]")
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:@[a-z0-9-]+\s+)?")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = [
    re.compile(r"<!--.*?-->", re.DOTALL),    # comments
    re.compile(r"`[^`\n]*`"),                 # code spans
    re.compile(r"\[\[[^\]\n]*\]\]"),          # wikilinks: the link stage reports unknown ones
    re.compile(r"\]\([^)\n]*\)"),             # a link's address (its text stays)
    re.compile(r"<[^>\n]*>"),                 # HTML tags and autolinks
    re.compile(r"\bhttps?://\S+"),            # bare addresses
]
_CLITICS = ("kaan", "kään", "kin")
_NEN_ENDINGS = ("sellä", "sella", "selle", "seltä", "selta", "sessä", "sessa", "sestä", "sesta",
                "seksi", "sen")
_CASE_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "na", "nä")
_RUN_ENDING = tuple(ending for ending in _CASE_ENDINGS if len(ending) == 3)
"""A word in one of these cases ends a name: `Rondossa Nokian` is two names, `Helsingin Sanomat` one."""
_MIN_STEM = 3


@dataclass(frozen=True)
class UnknownName:
    name: str
    """Rough base form, e.g. 'Rondo' for 'Rondossa'."""
    surface: str
    """The words as first written."""
    line: int
    """File line of the first occurrence."""
    count: int

    @property
    def command_argument(self) -> str:
        """The name as `kb new company` takes it: quoted when a shell would split it."""
        return self.name if re.fullmatch(r"[\w.-]+", self.name) else f'"{self.name}"'


@dataclass
class _Token:
    text: str
    start: int
    end: int
    sentence_start: bool


def find_unknown_names(body: str, first_line: int, known: Iterable[str]) -> list[UnknownName]:
    """Candidate names in a memo body; `known` holds names, aliases and matched words to leave out."""
    known_list = sorted({name for name in known if name.strip()}, key=len, reverse=True)
    known_folded = {name.casefold() for name in known_list}
    known_folded |= {word for name in known_folded for word in name.split() if len(word) >= _MIN_STEM}
    found: dict[str, UnknownName] = {}
    at_start = True
    for offset, line in enumerate(_prose_lines(body)):
        if line is None:  # blank, heading, table or code: the next line starts a sentence
            at_start = True
            continue
        marker = _LIST_MARKER.match(line)
        if marker and marker.end() > 0 and line[: marker.end()].strip():
            at_start = True
        text = _blank_known(line[marker.end() if marker else 0 :], known_list)
        tokens, at_start = _tokens(text, at_start)
        for surface in _candidates(text, tokens):
            name = _base_form(surface)
            if _excluded(name, surface, known_folded):
                continue
            key = name.casefold()
            if key in found:
                previous = found[key]
                found[key] = UnknownName(previous.name, previous.surface, previous.line, previous.count + 1)
            else:
                found[key] = UnknownName(name, surface, first_line + offset, 1)
    return list(found.values())  # in the order the memo first uses them


def _prose_lines(body: str) -> list[str | None]:
    """The body's lines with non-prose removed; None for lines that hold no prose at all."""
    text = body
    for pattern in _INLINE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    lines: list[str | None] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(None)
        elif fenced or not line.strip() or line.lstrip().startswith(("#", "|")):
            lines.append(None)
        else:
            lines.append(line.replace("*", " ").replace("_", " "))
    return lines


def _blank_known(text: str, known: list[str]) -> str:
    """Hide names the knowledge base already has, so their words neither count nor join runs."""
    for name in known:
        if name in text:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?::\w+|\w*)", lambda m: _BLANK * len(m.group()), text)
    return text


def _tokens(text: str, at_start: bool) -> tuple[list[_Token], bool]:
    tokens: list[_Token] = []
    position = 0
    previous: str | None = None
    for match in _WORD.finditer(text):
        gap = text[position : match.start()]
        if _ends_sentence(gap, previous):
            at_start = True
        tokens.append(_Token(match.group(), match.start(), match.end(), at_start))
        at_start = False
        previous = match.group()
        position = match.end()
    tail = text[position:].strip()
    ends = bool(tail) and _ends_sentence(tail, previous)
    return tokens, ends


def _ends_sentence(gap: str, previous: str | None) -> bool:
    if not _SENTENCE_END.search(gap):
        return False
    only_a_dot = gap.strip() == "."
    return not (only_a_dot and previous is not None and previous.casefold() in ABBREVIATIONS)


def _candidates(text: str, tokens: list[_Token]) -> list[str]:
    """Runs of capitalised words joined by single spaces, each run a candidate."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for token in tokens:
        if not _is_name_like(token.text):
            current = []
            continue
        joined = (bool(current) and text[current[-1].end : token.start] == " " and not token.sentence_start
                  and not current[-1].text.casefold().endswith(_RUN_ENDING))
        if not joined:
            current = []
            runs.append(current)
        current.append(token)
    candidates = []
    for run in runs:
        if run and run[0].sentence_start and not _is_caps(run[0].text):
            run = run[1:]
        if run:
            candidates.append(text[run[0].start : run[-1].end])
    return candidates


def _is_name_like(word: str) -> bool:
    head, _, tail = word.partition("-")
    if not word[0].isupper():
        return False
    if tail and _is_caps(head) and tail[:1].islower():
        return False  # TKI-toiminta, CRM-järjestelmä: a common noun
    return True


def _is_caps(word: str) -> bool:
    letters = [c for c in word.split(":")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _base_form(surface: str) -> str:
    words = surface.split(" ")
    return " ".join([*words[:-1], _uninflected(words[-1])])


def _uninflected(word: str) -> str:
    if ":" in word:
        return word.split(":")[0]
    if _is_caps(word):
        return word
    lower = word.casefold()
    for clitic in _CLITICS:
        if lower.endswith(clitic) and len(word) - len(clitic) >= _MIN_STEM:
            word, lower = word[: -len(clitic)], lower[: -len(clitic)]
            break
    for ending in _NEN_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)] + "nen"
    for ending in _CASE_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    if len(lower) > _MIN_STEM + 1 and lower[-1] == "n" and lower[-2] == lower[-3] and lower[-2] in "aeiouyäö":
        return word[:-2]  # illative: Rondoon → Rondo
    if len(lower) > _MIN_STEM and lower[-1] == "n" and lower[-2] in "aeiouyäö":
        return word[:-1]  # genitive: Nokian → Nokia
    return word


def _excluded(name: str, surface: str, known: set[str]) -> bool:
    folded = name.casefold()
    words = folded.split()
    if len(folded.replace(" ", "")) < 2 or folded in known or surface.casefold() in known:
        return True
    if any(part in known for part in re.split(r"[-\s]", folded)):
        return True
    if len(words) == 1:
        word, written = words[0], surface.casefold()
        if word in COMMON_ABBREVIATIONS or word in COMPANY_FORMS:
            return True
        if written.startswith(PLACE_STEMS) or written.startswith(TOOLS):
            return True
    return all(word in COMPANY_FORMS for word in words)
