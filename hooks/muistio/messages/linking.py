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
    "wikilink_in_heading": {
        "en": ("{raw} is in a heading, where nothing is linked (a link there would be a trap in the "
               "table of contents).", "", "Write the name without brackets; in the text below it links itself."),
        "fi": ("{raw} on otsikossa, jossa mitään ei linkitetä (linkki olisi ansa sisällysluettelossa).", "",
               "Kirjoita nimi ilman hakasulkeita; alla olevassa tekstissä se linkittyy itsestään."),
    },
    "link_no_page": {
        "en": ("the link to '{target}' leads to no page of the site.", "Did you mean '{suggestion}'?",
               "Check the file name; an organisation, person or offering is linked with [[its name]]."),
        "fi": ("linkki kohteeseen '{target}' ei johda millekään sivuston sivulle.", "Tarkoititko '{suggestion}'?",
               "Tarkista tiedoston nimi; organisaation, henkilön tai tarjooman voi linkittää [[nimellä]]."),
    },
    "link_not_published": {
        "en": ("'{target}' is in the repository but not on the site: only memos and organisation files "
               "are published from memos/ and companies/.", "",
               "Put the file in docs/ (e.g. docs/liitteet/) and link it there, or link its web address."),
        "fi": ("'{target}' on tietovarastossa mutta ei sivustolla: kansioista memos/ ja companies/ "
               "julkaistaan vain muistiot ja organisaatioiden tiedostot.", "",
               "Siirrä tiedosto kansioon docs/ (esim. docs/liitteet/) ja linkitä se sieltä, tai linkitä "
               "sen verkko-osoite."),
    },
    "link_outside_site": {
        "en": ("the link to '{target}' leads out of the site's files.", "",
               "Link a page of the site, or the web address of the file."),
        "fi": ("linkki kohteeseen '{target}' johtaa sivuston tiedostojen ulkopuolelle.", "",
               "Linkitä sivuston sivu tai tiedoston verkko-osoite."),
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
