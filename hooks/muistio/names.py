"""Slugs from Finnish names, and "did you mean" suggestions.

Slugs are file names and URLs, so they are plain ASCII: ä→a, ö→o, å→a (the Finnish convention
for URLs), every other run of non-alphanumerics a single hyphen.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_TRANSLITERATE = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})
MAX_SLUG_LENGTH = 60


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """`Tapaaminen Sanoma WSOY:n kanssa` → `tapaaminen-sanoma-wsoyn-kanssa`."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[:'’`]", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate, or None when nothing is close enough to be a useful hint."""
    pool = sorted(set(candidates))
    if not pool:
        return None
    by_slug = {slugify(candidate): candidate for candidate in pool}
    if slugify(wrong) in by_slug and by_slug[slugify(wrong)] != wrong:
        return by_slug[slugify(wrong)]
    starting = [candidate for candidate in pool if candidate.startswith(f"{slugify(wrong)}-")]
    if len(starting) == 1:  # 'petri' → 'petri-laitinen'
        return starting[0]
    matches = difflib.get_close_matches(wrong, pool, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    lowered = {candidate.lower(): candidate for candidate in pool}
    matches = difflib.get_close_matches(wrong.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None
