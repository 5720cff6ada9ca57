"""Wording of the problems found by the linking checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "unknown_wikilink": {
        "en": ("[[{target}]] does not name any organisation, person or offering.",
               "Did you mean [[{suggestion}]]?", "Create the page, or write the name without brackets."),
        "fi": ("[[{target}]] ei ole minkään organisaation, henkilön tai tarjooman nimi.",
               "Tarkoititko [[{suggestion}]]?", "Luo sivu tai kirjoita nimi ilman hakasulkeita."),
    },
    "malformed_wikilink": {
        "en": ("{raw} is no link: a wikilink is [[name]] or [[name|text]], neither part empty.", "",
               "Write the name inside the brackets, or remove the brackets."),
        "fi": ("{raw} ei ole linkki: wikilinkki on muotoa [[nimi]] tai [[nimi|teksti]], eikä kumpikaan "
               "osa saa olla tyhjä.", "", "Kirjoita nimi hakasulkeiden sisään tai poista hakasulkeet."),
    },
    "ambiguous_name": {
        "en": ("'{surface}' could mean {names}, so it is not linked here or later in this memo.", "",
               "Write the full name, add the person to attendees (or their organisation to companies), "
               "or link it yourself, e.g. {example}."),
        "fi": ("'{surface}' voi tarkoittaa näistä ketä tahansa: {names}; siksi sitä ei linkitetty tässä "
               "eikä myöhemmin tässä muistiossa.", "",
               "Kirjoita koko nimi, lisää henkilö kohtaan attendees (tai hänen organisaationsa kohtaan "
               "companies) tai linkitä itse, esim. {example}."),
    },
}
