"""The wording of every problem, in English and Finnish.

Messages follow the site's language (`theme.language` in mkdocs.yml): writers on a Finnish site
read Finnish. Each entry is a sentence that says what is wrong and one that says how to fix it;
the fix may depend on whether a suggestion was found ("did you mean ...?").

Entry: code → language → (what is wrong, the fix when there is a suggestion, the fix otherwise).
An empty fix adds nothing. Each part of the system keeps its wording in its own module here
(`core` for reading and validating files, `linking`, `followups`, `content`, `cli`, and
`importer` for `kb import`'s problems and report); this module merges them.
"""

from __future__ import annotations

from typing import Any

from muistio.messages import cli, content, core, followups, importer, linking
from muistio.messages.os_errors import in_language

CATALOGUE: dict[str, dict[str, tuple[str, str, str]]] = {
    **core.MESSAGES,
    **linking.MESSAGES,
    **followups.MESSAGES,
    **content.MESSAGES,
    **cli.MESSAGES,
    **importer.MESSAGES,
}


def render_message(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """Fill in a message; an unknown code or a missing value never raises (problems must print)."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return f"{code} {params}"
    text, with_suggestion, otherwise = entry.get(lang) or entry["en"]
    fix = with_suggestion if params.get("suggestion") and with_suggestion else otherwise
    if params.get("suggestion") and not with_suggestion and not otherwise:
        fix = ""
    sentence = f"{text} {fix}".strip()
    if "errno" in params:
        params = in_language(params, lang)
    try:
        return sentence.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{sentence} {params}"


def language_of(code: str | None) -> str:
    """Finnish for a Finnish site, English for everything else."""
    return "fi" if (code or "").lower().startswith("fi") else "en"
