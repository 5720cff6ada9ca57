"""Wording of the problems found by the linking checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "unknown_wikilink": {
        "en": ("[[{target}]] does not name any organisation, person or offering.",
               "Did you mean [[{suggestion}]]?", "Create the page, or write the name without brackets."),
        "fi": ("[[{target}]] ei ole minkään organisaation, henkilön tai tarjooman nimi.",
               "Tarkoititko [[{suggestion}]]?", "Luo sivu tai kirjoita nimi ilman hakasulkeita."),
    },
}
