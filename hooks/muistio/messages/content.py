"""Wording of the problems found by the content checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "html_forbidden_tag": {
        "en": ("raw HTML <{tag}> would run or embed content on the site.", "",
               "Remove it; to show the tag as text, put it in backticks: `<{tag}>`."),
        "fi": ("HTML-tagi <{tag}> suorittaisi tai upottaisi sisältöä sivustolle.", "",
               "Poista se; jos tagin pitää näkyä tekstinä, kirjoita se gravisaksenttien väliin: `<{tag}>`."),
    },
    "html_event_attribute": {
        "en": ("the HTML attribute {attribute} on <{tag}> runs a script on the site.", "",
               "Remove the attribute."),
        "fi": ("HTML-määrite {attribute} tagissa <{tag}> suorittaa skriptin sivustolla.", "",
               "Poista määrite."),
    },
    "javascript_link": {
        "en": ("the link to '{value}' runs a script when clicked.", "",
               "Link to a web address (https://...) instead, or remove the link."),
        "fi": ("linkki kohteeseen '{value}' suorittaa skriptin, kun sitä napsautetaan.", "",
               "Linkitä verkko-osoitteeseen (https://...) tai poista linkki."),
    },
    "email_in_text": {
        "en": ("e-mail address {value} is written in the text, so the site would publish it.",
               "Move it to the contact's `email:` in {suggestion}, which the public site leaves out.",
               "Move it to the contact's `email:` in their organisation's file in companies/, "
               "which the public site leaves out."),
        "fi": ("sähköpostiosoite {value} on kirjoitettu tekstiin, joten sivusto julkaisisi sen.",
               "Siirrä se yhteyshenkilön kenttään `email:` tiedostossa {suggestion}; julkinen sivusto "
               "jättää sen pois.",
               "Siirrä se yhteyshenkilön kenttään `email:` organisaation tiedostossa kansiossa companies/; "
               "julkinen sivusto jättää sen pois."),
    },
    "phone_in_text": {
        "en": ("phone number {value} is written in the text, so the site would publish it.",
               "Move it to the contact's `phone:` in {suggestion}, which the public site leaves out.",
               "Move it to the contact's `phone:` in their organisation's file in companies/, "
               "which the public site leaves out."),
        "fi": ("puhelinnumero {value} on kirjoitettu tekstiin, joten sivusto julkaisisi sen.",
               "Siirrä se yhteyshenkilön kenttään `phone:` tiedostossa {suggestion}; julkinen sivusto "
               "jättää sen pois.",
               "Siirrä se yhteyshenkilön kenttään `phone:` organisaation tiedostossa kansiossa companies/; "
               "julkinen sivusto jättää sen pois."),
    },
}
