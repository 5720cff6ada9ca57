"""Wording of the problems found by the followups checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "unknown_owner": {
        "en": ("action item owner @{slug} is not a known person.", "Did you mean @{suggestion}?",
               "Write @ and a person's slug, e.g. @petri-laitinen."),
        "fi": ("toimenpiteen vastuuhenkilö @{slug} on tuntematon.", "Tarkoititko @{suggestion}?",
               "Kirjoita @ ja henkilön tunniste, esim. @petri-laitinen."),
    },
    "example_action": {
        "en": ("this action item is still the template's example, '{value}'.", "",
               "Write what was agreed, or delete the line."),
        "fi": ("toimenpide on yhä mallin esimerkki '{value}'.", "",
               "Kirjoita, mitä sovittiin, tai poista rivi."),
    },
    "due_impossible": {
        "en": ("due date '{value}' does not exist in the calendar.", "", "Check the day and the month."),
        "fi": ("määräaikaa '{value}' ei ole kalenterissa.", "", "Tarkista päivä ja kuukausi."),
    },
    "due_unreadable": {
        "en": ("due date '{value}' is not a date.", "", "Write (due 2012-06-15) or (määräaika 15.6.2012)."),
        "fi": ("määräaika '{value}' ei ole päivämäärä.", "", "Kirjoita (due 2012-06-15) tai (määräaika 15.6.2012)."),
    },
    "invalid_business_id": {
        "en": ("business_id '{value}' is not a valid Finnish business ID (Y-tunnus): {detail}.", "",
               "Copy it from the Finnish trade register (ytj.fi), e.g. 1234567-1."),
        "fi": ("business_id '{value}' ei ole kelvollinen Y-tunnus: {detail}.", "",
               "Kopioi se YTJ:stä (ytj.fi), esim. 1234567-1."),
    },
}
