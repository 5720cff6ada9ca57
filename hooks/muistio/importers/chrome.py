"""Confluence's user-interface text ("chrome"), in one place per site.

A text copy of a page view mixes the page with the wiki's own words: macro errors, the byline,
"No labels", the comment prompt, header and footer links. Those words depend on the site's UI
language and date format, so they live in a `ChromeProfile` and nowhere else; a site that
differs gets its own profile (`ChromeProfile.from_json`) instead of edits scattered over readers.

Patterns are matched against whole lines (stripped), never against parts of a sentence, so a
memo that happens to contain the words "No labels" mid-sentence keeps them.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path

from .model import Byline

MONTHS: dict[str, int] = {
    # Finnish stems first where they share a prefix with English ones ("marras" vs "mar").
    "tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6,
    "heinä": 7, "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


@dataclass(frozen=True)
class ChromeProfile:
    """The UI strings of one Confluence site; every field is a list of regular expressions."""

    name: str
    # (reason, pattern): whole lines that are never page content.
    lines: tuple[tuple[str, str], ...]
    # Lines that frame the byline ("Skip to end of metadata").
    byline_frame: tuple[str, ...]
    # The byline itself; named groups creator, modifier, date (each optional).
    bylines: tuple[str, ...]
    # "No labels", and one label as shown at the end of the page ("  • kontaktointi").
    no_labels: str
    label_item: str
    # Dates as the UI writes them; named groups day, month (number or name), year.
    dates: tuple[str, ...]
    months: dict[str, int] = field(default_factory=lambda: dict(MONTHS))

    @classmethod
    def from_json(cls, path: Path) -> ChromeProfile:
        """A site-specific profile: the same fields as JSON, missing ones taken from English."""
        data = json.loads(path.read_text(encoding="utf-8"))
        base = {f.name: getattr(ENGLISH, f.name) for f in fields(cls)} | {"name": path.stem}
        merged = {key: data.get(key, value) for key, value in base.items()}
        merged["lines"] = tuple(tuple(item) for item in merged["lines"])
        for key in ("byline_frame", "bylines", "dates"):
            merged[key] = tuple(merged[key])
        return cls(**merged)

    @cached_property
    def _lines(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(reason, re.compile(pattern)) for reason, pattern in self.lines]

    @cached_property
    def _frame(self) -> list[re.Pattern[str]]:
        return [re.compile(pattern) for pattern in self.byline_frame]

    @cached_property
    def _bylines(self) -> list[re.Pattern[str]]:
        return [re.compile(pattern) for pattern in self.bylines]

    @cached_property
    def _dates(self) -> list[re.Pattern[str]]:
        return [re.compile(pattern, re.IGNORECASE) for pattern in self.dates]

    def chrome_reason(self, line: str) -> str | None:
        """Why this whole line is chrome, or None when it may be content."""
        text = line.strip()
        if not text:
            return None
        for reason, pattern in self._lines:
            if pattern.fullmatch(text):
                return reason
        if re.fullmatch(self.no_labels, text):
            return "labels"
        if any(pattern.fullmatch(text) for pattern in self._frame):
            return "byline"
        return None

    def label(self, line: str) -> str | None:
        """The label shown on this line at the end of a page, if it is one."""
        match = re.fullmatch(self.label_item, line.rstrip())
        return match.group("label") if match else None

    def byline(self, text: str, line: int = 0) -> Byline | None:
        """Authors and date from a byline in this site's words."""
        text = " ".join(text.split())
        for pattern in self._bylines:
            match = pattern.fullmatch(text)
            if match:
                groups = match.groupdict()
                return Byline(
                    creator=_clean_name(groups.get("creator")),
                    modifier=_clean_name(groups.get("modifier")),
                    date=self.date(groups.get("date") or ""),
                    line=line,
                )
        return None

    def date(self, text: str) -> datetime.date | None:
        """A date written the way this site's UI writes dates; None if none of them fit."""
        text = text.strip()
        for pattern in self._dates:
            match = pattern.fullmatch(text)
            if match:
                found = _to_date(match, self.months)
                if found:
                    return found
        return None


def _clean_name(name: str | None) -> str | None:
    name = (name or "").strip()
    return name or None


def _to_date(match: re.Match[str], months: dict[str, int]) -> datetime.date | None:
    month_text = match.group("month").lower()
    if month_text.isdigit():
        month = int(month_text)
    else:
        month = next(
            (n for stem, n in sorted(months.items(), key=lambda kv: -len(kv[0])) if month_text.startswith(stem)),
            0,
        )
    try:
        return datetime.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


_NUMERIC_DATES = (
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})",
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
)

ENGLISH = ChromeProfile(
    name="en",
    lines=(
        ("macro error", r"Error [\w ]*?macro\b.*"),
        ("macro error", r"Error rendering macro\b.*"),
        ("macro error", r"Unable to render \{\w+\}.*"),
        ("comments", r"You must log in to comment\."),
        ("comments", r"(?:Add|Write a) comment(?:\.\.\.|…)?"),
        ("comments", r"Be the first to like this"),
        ("header", r"Skip to (?:content|main content)"),
        ("header", r"Log in|Sign up|Dashboard|Browse pages|Space tools"),
        ("footer", r"Powered by Atlassian Confluence.*"),
        ("footer", r"Printed by Atlassian Confluence.*"),
        ("footer", r"Report a bug|Atlassian News|Contact Administrators"),
    ),
    byline_frame=(r"Skip to end of metadata", r"Go to start of metadata"),
    bylines=(
        r"(?:Created|Added) by (?P<creator>.+?)"
        r"(?:, last (?:modified|edited|updated)(?: by (?P<modifier>.+?))?)?"
        r"(?: on (?P<date>.+?))?(?: \(view change\))?",
    ),
    no_labels=r"(?:[•·*-]\s*)?No labels",
    label_item=r"\s{2,}[•·]\s*(?P<label>[^\s•·]+)",
    dates=(
        r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}), (?P<year>\d{4})",
        r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9})\.? (?P<year>\d{4})",
        *_NUMERIC_DATES,
    ),
)

FINNISH = ChromeProfile(
    # NOT checked against a Finnish-language Confluence: adjust to the site's real strings.
    name="fi",
    lines=(
        *ENGLISH.lines,
        ("macro error", r"Virhe .*makro.*"),
        ("comments", r"Kirjaudu sisään kommentoidaksesi\.?"),
        ("header", r"Siirry sisältöön"),
    ),
    byline_frame=(*ENGLISH.byline_frame, r"Siirry metatietojen loppuun", r"Siirry metatietojen alkuun"),
    bylines=(
        *ENGLISH.bylines,
        r"(?:Luonut|Lisännyt) (?P<creator>.+?)(?:, viimeksi muokannut (?P<modifier>.+?))?"
        r"(?: (?P<date>\d.+?))?",
    ),
    no_labels=r"(?:[•·*-]\s*)?(?:No labels|Ei tunnisteita)",
    label_item=ENGLISH.label_item,
    dates=(
        r"(?P<day>\d{1,2})\.\s*(?P<month>[a-zäö]+kuuta) (?P<year>\d{4})",
        *ENGLISH.dates,
    ),
)

PROFILES: dict[str, ChromeProfile] = {"en": ENGLISH, "fi": FINNISH}


def profile(name_or_path: str) -> ChromeProfile:
    """A built-in profile by UI language ("en", "fi"), or a JSON file with a site's own strings."""
    if name_or_path in PROFILES:
        return PROFILES[name_or_path]
    return ChromeProfile.from_json(Path(name_or_path))
