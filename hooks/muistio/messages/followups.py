"""Wording of the problems found by the followups checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "unknown_owner": {
        "en": ("action item owner @{slug} is not a known person.", "Did you mean @{suggestion}?",
               "Write @ and a person's slug, e.g. @petri-laitinen."),
        "fi": ("toimenpiteen vastuuhenkilö @{slug} on tuntematon.", "Tarkoititko @{suggestion}?",
               "Kirjoita @ ja henkilön tunniste, esim. @petri-laitinen."),
    },
    "owner_missing": {
        "en": ("'{written}' at the start of this action item names no person.", "",
               "Write the owner's slug right after the @, e.g. @petri-laitinen, or delete the @."),
        "fi": ("toimenpiteen alussa oleva '{written}' ei nimeä ketään.", "",
               "Kirjoita vastuuhenkilön tunniste heti @:n perään, esim. @petri-laitinen, tai poista @."),
    },
    "empty_action": {
        "en": ("this action item says nothing to do.", "",
               "Write what was agreed after the owner, e.g. "
               "'- [ ] @petri-laitinen Lähettää tarjouksen (due 2012-06-15)', or delete the line."),
        "fi": ("toimenpiteessä ei sanota, mitä tehdään.", "",
               "Kirjoita vastuuhenkilön perään, mitä sovittiin, esim. "
               "'- [ ] @petri-laitinen Lähettää tarjouksen (due 2012-06-15)', tai poista rivi."),
    },
    "task_malformed": {
        "en": ("'{written}' is not a task box, so this line is shown as text and is not a follow-up.", "",
               "Write '{fixed}': a space inside the brackets (or an x) and one after them."),
        "fi": ("'{written}' ei ole tehtävälistan ruutu, joten rivi näkyy tekstinä eikä ole toimenpide.", "",
               "Kirjoita '{fixed}': sulkeiden sisään välilyönti (tai x) ja niiden perään välilyönti."),
    },
    "due_twice": {
        "en": ("this action item has more than one due date: {written}.", "",
               "Keep the one that was agreed, at the end of the line."),
        "fi": ("toimenpiteellä on useampi määräaika: {written}.", "",
               "Jätä sovittu määräaika rivin loppuun ja poista muut."),
    },
    "due_not_at_end": {
        "en": ("the due date '{written}' is not at the end of the line, so it is not read as the due date.", "",
               "Move it to the end of the line."),
        "fi": ("määräaika '{written}' ei ole rivin lopussa, joten sitä ei lueta määräajaksi.", "",
               "Siirrä se rivin loppuun."),
    },
    "due_not_read": {
        "en": ("'{written}' is not read as a due date.", "Write {suggestion} at the end of the line.",
               "Write it in parentheses at the end of the line, with the year: (due 2012-06-15) or "
               "(määräaika 15.6.2012)."),
        "fi": ("'{written}' ei ole määräajan muodossa, joten sitä ei lueta määräajaksi.",
               "Kirjoita rivin loppuun {suggestion}.",
               "Kirjoita se sulkeisiin rivin loppuun vuoden kanssa: (due 2012-06-15) tai (määräaika 15.6.2012)."),
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
        "en": ("business_id '{value}' is not a valid Finnish business ID (Y-tunnus): {detail_en}.", "",
               "Copy it from the Finnish trade register (ytj.fi), e.g. 1234567-1."),
        "fi": ("business_id '{value}' ei ole kelvollinen Y-tunnus: {detail_fi}.", "",
               "Kopioi se YTJ:stä (ytj.fi), esim. 1234567-1."),
    },
}

BUSINESS_ID_DETAILS: dict[str, dict[str, str]] = {
    "checksum": {"en": "its check digit, the one after the hyphen, does not match the seven digits before it",
                 "fi": "sen tarkistusnumero (viivan jälkeinen numero) ei vastaa viivaa edeltäviä seitsemää numeroa"},
    "length": {"en": "it should have seven digits, a hyphen and one check digit",
               "fi": "siinä pitää olla seitsemän numeroa, viiva ja yksi tarkistusnumero"},
    "format": {"en": "it may hold only digits and the hyphen before the check digit",
               "fi": "siinä saa olla vain numeroita ja viiva ennen tarkistusnumeroa"},
    "other": {"en": "the number is not one the register gives", "fi": "rekisteri ei anna tällaista numeroa"},
}
"""`detail_en` and `detail_fi` of `invalid_business_id`, by why python-stdnum refused the number
(`validate._business_id_problem`): its own message is English only, and would be in a Finnish one."""
