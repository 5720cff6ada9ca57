"""Wording of what the `kb` command says, in English and Finnish (see the package docstring).

Usage errors of `kb check`, `kb new`, `kb review` and `kb schema`, the lines they print when they
succeed, and the review's "no page yet" hint. Codes start with `cli_` so they never collide with
the problems of the other parts.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    # --- kb check ---------------------------------------------------------------------------
    "cli_summary": {
        "en": ("{count} problem(s), {errors} error(s).", "", ""),
        "fi": ("ongelmia: {count}, joista virheitä: {errors}.", "", ""),
    },
    "cli_unknown_format": {
        "en": ("unknown format '{value}'.", "Did you mean '{suggestion}'?", "Use one of: {allowed}."),
        "fi": ("tuntematon muoto '{value}'.", "Tarkoititko '{suggestion}'?", "Käytä jotain näistä: {allowed}."),
    },
    "cli_no_such_file": {
        "en": ("{path} does not exist.", "", "Check the path; it is read from the current folder."),
        "fi": ("tiedostoa {path} ei ole.", "", "Tarkista polku; se luetaan nykyisestä kansiosta."),
    },
    "cli_not_kb_file": {
        "en": ("{path} is not a memo or a company file.", "",
               "kb checks memos/YYYY/YYYY-MM-DD-slug.md and companies/slug.md under {root}."),
        "fi": ("{path} ei ole muistio eikä organisaation tiedosto.", "",
               "kb tarkistaa tiedostot memos/VVVV/VVVV-KK-PP-tunniste.md ja companies/tunniste.md "
               "kansiossa {root}."),
    },
    # --- every command: where the knowledge base is ------------------------------------------
    "cli_no_kb_here": {
        "en": ("no knowledge base here: neither {path} nor a folder above it has mkdocs.yml, memos/ or "
               "companies/.", "", "Run kb in the repository, or pass --root with its folder."),
        "fi": ("täällä ei ole tietokantaa: kansiossa {path} tai sen yläpuolella ei ole tiedostoa mkdocs.yml "
               "eikä kansiota memos/ tai companies/.", "",
               "Aja kb tietovaraston kansiossa tai anna sen kansio valitsimella --root."),
    },
    "cli_root_missing": {
        "en": ("no knowledge base here: --root {path} does not exist.", "",
               "Run kb in the repository, or pass --root with its folder."),
        "fi": ("täällä ei ole tietokantaa: --root {path} ei ole olemassa.", "",
               "Aja kb tietovaraston kansiossa tai anna sen kansio valitsimella --root."),
    },
    "cli_root_not_kb": {
        "en": ("no knowledge base here: --root {path} is not a folder with mkdocs.yml, memos/ or companies/.", "",
               "Run kb in the repository, or pass --root with its folder."),
        "fi": ("täällä ei ole tietokantaa: --root {path} ei ole kansio, jossa on mkdocs.yml, memos/ tai "
               "companies/.", "", "Aja kb tietovaraston kansiossa tai anna sen kansio valitsimella --root."),
    },
    # --- kb new -----------------------------------------------------------------------------
    "cli_file_exists": {
        "en": ("{path} already exists; nothing was written.", "",
               "Edit that file, or choose another title or date."),
        "fi": ("{path} on jo olemassa; mitään ei kirjoitettu.", "",
               "Muokkaa sitä tiedostoa tai valitse toinen otsikko tai päivämäärä."),
    },
    "cli_company_file_exists": {
        "en": ("{path} already exists; nothing was written.",
               "Edit that file if it is the same organisation; if it is another one, give this one a file "
               "name of its own, e.g. --slug {suggestion}.", "Edit that file if it is the same organisation."),
        "fi": ("{path} on jo olemassa; mitään ei kirjoitettu.",
               "Muokkaa sitä tiedostoa, jos kyse on samasta organisaatiosta; jos kyse on eri organisaatiosta, "
               "anna tälle oma tiedostonimi, esim. --slug {suggestion}.",
               "Muokkaa sitä tiedostoa, jos kyse on samasta organisaatiosta."),
    },
    "cli_write_failed": {
        "en": ("{path} could not be written: {detail}.", "", "Check the folder's permissions and free space."),
        "fi": ("tiedostoa {path} ei voitu kirjoittaa: {detail}.", "",
               "Tarkista kansion oikeudet ja vapaa levytila."),
    },
    "cli_bad_date": {
        "en": ("--date '{value}' is not a date in the form YYYY-MM-DD.", "Write {suggestion}.",
               "Write e.g. 2026-11-27."),
        "fi": ("--date '{value}' ei ole päivämäärä muodossa VVVV-KK-PP.", "Kirjoita {suggestion}.",
               "Kirjoita esim. 2026-11-27."),
    },
    "cli_empty_title": {
        "en": ("the title is empty.", "", "Write it in quotes, e.g. \"Tapaaminen Sanoma WSOY:n kanssa\"."),
        "fi": ("otsikko on tyhjä.", "", "Kirjoita se lainausmerkkeihin, esim. \"Tapaaminen Sanoma WSOY:n kanssa\"."),
    },
    "cli_empty_tag": {
        "en": ("a --tag is empty.", "", "Write the tag after it, e.g. --tag kontaktointi, or leave the option out."),
        "fi": ("--tag on tyhjä.", "",
               "Kirjoita avainsana sen perään, esim. --tag kontaktointi, tai jätä valitsin pois."),
    },
    "cli_empty_option": {
        "en": ("{option} is empty.", "", "Write a slug or a name after it, e.g. {option} {example}, or leave it out."),
        "fi": ("{option} on tyhjä.", "", "Kirjoita sen perään tunniste tai nimi, esim. {option} {example}, tai jätä "
               "valitsin pois."),
    },
    "cli_empty_company_name": {
        "en": ("the organisation's name is empty.", "", "Write it in quotes, e.g. \"Sanoma WSOY\"."),
        "fi": ("organisaation nimi on tyhjä.", "", "Kirjoita se lainausmerkkeihin, esim. \"Sanoma WSOY\"."),
    },
    "cli_empty_contact_name": {
        "en": ("the person's name is empty.", "", "Write their full name in quotes, e.g. \"Petri Laitinen\"."),
        "fi": ("henkilön nimi on tyhjä.", "", "Kirjoita koko nimi lainausmerkkeihin, esim. \"Petri Laitinen\"."),
    },
    "cli_no_slug": {
        "en": ("'{text}' gives no identifier: identifiers and file names take only the letters a-z, digits and "
               "hyphens, and none of its characters becomes one.",
               "Give one with {suggestion}, e.g. {suggestion} huawei.", "Add a word written in Latin letters."),
        "fi": ("'{text}' ei anna tunnistetta: tunnisteisiin ja tiedostonimiin tulee vain kirjaimia a-z, numeroita ja "
               "yhdysmerkkejä, eikä yksikään sen merkeistä muutu sellaiseksi.",
               "Anna se valitsimella {suggestion}, esim. {suggestion} huawei.",
               "Lisää latinalaisin kirjaimin kirjoitettu sana."),
    },
    "cli_unknown_attendee": {
        "en": ("unknown person '{value}' in --attendee.", "Did you mean '{suggestion}'?",
               "Add them as a contact of their organisation first: kb new contact \"Name\" --company organisation."),
        "fi": ("tuntematon henkilö '{value}' (--attendee).", "Tarkoititko '{suggestion}'?",
               "Lisää henkilö ensin yhteyshenkilöksi organisaationsa tiedostoon: "
               "kb new contact \"Nimi\" --company organisaatio."),
    },
    "cli_unknown_company": {
        "en": ("unknown company '{value}' in --company.", "Did you mean '{suggestion}'?",
               "Create it first with: kb new company \"Name\"."),
        "fi": ("tuntematon organisaatio '{value}' (--company).", "Tarkoititko '{suggestion}'?",
               "Luo se ensin komennolla: kb new company \"Nimi\"."),
    },
    "cli_name_is_a_person": {
        "en": ("'{name}' is already the name of a person ({path}); links to it would be ambiguous.", "",
               "Give the organisation its full name, e.g. '{name} Oy'."),
        "fi": ("'{name}' on jo henkilön nimi ({path}); linkit siihen olisivat moniselitteisiä.", "",
               "Anna organisaatiolle sen koko nimi, esim. '{name} Oy'."),
    },
    "cli_name_is_an_organisation": {
        "en": ("'{name}' is already a name of {path}; a person of that name would make links to it ambiguous.", "",
               "Write the person's full name, or leave the alias out."),
        "fi": ("'{name}' on jo tiedoston {path} nimi; samanniminen henkilö tekisi linkeistä moniselitteisiä.", "",
               "Kirjoita henkilön koko nimi tai jätä lisänimi pois."),
    },
    "cli_name_taken": {
        "en": ("'{name}' is already a name of {path}; a second page would make its links ambiguous.", "",
               "Edit that file instead."),
        "fi": ("'{name}' on jo tiedoston {path} nimi; toinen sivu tekisi linkeistä moniselitteisiä.", "",
               "Muokkaa mieluummin sitä tiedostoa."),
    },
    "cli_template_invalid": {
        "en": ("the new file would not pass kb check: {detail}", "", "Change the title, name or tags."),
        "fi": ("uusi tiedosto ei läpäisisi tarkistusta: {detail}", "", "Muuta otsikkoa, nimeä tai avainsanoja."),
    },
    "cli_contact_taken": {
        "en": ("there is already a person '{slug}' (in {path}); nothing was written.", "",
               "If this is someone else, give them an identifier of their own: --slug {suggestion}."),
        "fi": ("henkilö '{slug}' on jo olemassa (tiedostossa {path}); mitään ei kirjoitettu.", "",
               "Jos kyse on eri henkilöstä, anna hänelle oma tunniste: --slug {suggestion}."),
    },
    "cli_not_a_slug": {
        "en": ("--slug '{value}' is not an identifier: lower-case letters, digits and hyphens only.",
               "Write {suggestion}.", ""),
        "fi": ("--slug '{value}' ei ole tunniste: vain pieniä kirjaimia, numeroita ja väliviivoja.",
               "Kirjoita {suggestion}.", ""),
    },
    "cli_company_has_problems": {
        "en": ("{path} has problems, so no contact was added to it.", "", "Fix them first: kb check {path}."),
        "fi": ("tiedostossa {path} on ongelmia, joten yhteyshenkilöä ei lisätty.", "",
               "Korjaa ne ensin: kb check {path}."),
    },
    "cli_contacts_inline": {
        "en": ("contacts in {path} is written on one line (line {line}), so no contact was added to it.", "",
               "Add the contact by hand, or write the list one '- name: ...' item per line and run this again."),
        "fi": ("tiedoston {path} contacts on kirjoitettu yhdelle riville (rivi {line}), joten yhteyshenkilöä "
               "ei lisätty.", "",
               "Lisää yhteyshenkilö käsin tai kirjoita luettelo kohta kerrallaan omille riveilleen "
               "('- name: ...') ja aja komento uudelleen."),
    },
    "cli_file_changed": {
        "en": ("{path} changed while the contact was being added; nothing was written.", "",
               "Run the command again."),
        "fi": ("tiedosto {path} muuttui yhteyshenkilön lisäämisen aikana; mitään ei kirjoitettu.", "",
               "Aja komento uudelleen."),
    },
    # --- kb schema --------------------------------------------------------------------------
    "cli_schema_written": {
        "en": ("wrote {path}.", "", ""),
        "fi": ("kirjoitettiin {path}.", "", ""),
    },
    "cli_schema_current": {
        "en": ("{path} is up to date.", "", ""),
        "fi": ("{path} on ajan tasalla.", "", ""),
    },
    "cli_schema_stale": {
        "en": ("this schema is out of date with muistio/schema.py.", "", "Run kb schema and commit the result."),
        "fi": ("tämä skeema ei vastaa tiedostoa muistio/schema.py.", "", "Aja kb schema ja tallenna tulos gitiin."),
    },
    # --- kb review --------------------------------------------------------------------------
    "cli_git_missing": {
        "en": ("git is not installed or not on PATH.", "", "Install git to compare with a branch."),
        "fi": ("gitiä ei ole asennettu tai se ei ole PATH-polulla.", "", "Asenna git vertaillaksesi haaraan."),
    },
    "cli_not_git": {
        "en": ("{root} is not in a git repository.", "", "Run kb review inside a clone of the site repository."),
        "fi": ("{root} ei ole git-tietovarastossa.", "", "Aja kb review sivuston tietovaraston kloonissa."),
    },
    "cli_git_ref_missing": {
        "en": ("git does not know '{ref}'.", "",
               "Check the name, or fetch it first (git fetch origin main). In GitHub Actions check out with "
               "fetch-depth: 0."),
        "fi": ("git ei tunne viitettä '{ref}'.", "",
               "Tarkista nimi tai hae se ensin (git fetch origin main). GitHub Actionsissa käytä "
               "checkoutissa fetch-depth: 0."),
    },
    "cli_git_failed": {
        "en": ("git failed: {detail}", "", ""),
        "fi": ("git epäonnistui: {detail}", "", ""),
    },
    "unknown_name": {
        "en": ("{name}: no company page — create one with `kb new company {argument}`", "", ""),
        "fi": ("{name}: ei organisaation sivua — luo se komennolla `kb new company {argument}`", "", ""),
    },
    "longer_name": {
        "en": ("'{words}' links to {company} now; if it is another organisation, create its page with "
               "`kb new company` and the name in its base form, and the longer name wins", "", ""),
        "fi": ("'{words}' linkittyy nyt organisaatioon {company}; jos se on toinen organisaatio, luo sille sivu "
               "komennolla `kb new company` ja nimi perusmuodossa, niin pidempi nimi voittaa", "", ""),
    },
    "cli_export_exists": {
        "en": ("{path} already exists.", "", "Choose another --out folder, or add --force to replace the exports."),
        "fi": ("{path} on jo olemassa.", "", "Valitse toinen --out-kansio tai lisää --force korvataksesi viennit."),
    },
    "cli_export_not_folder": {
        "en": ("{path} exists and is not a folder; nothing was written.", "",
               "Give --out a folder, or a path that does not exist yet."),
        "fi": ("{path} on olemassa eikä ole kansio; mitään ei kirjoitettu.", "",
               "Anna --out-valitsimelle kansio tai polku, jota ei vielä ole."),
    },
    "cli_export_target_is_folder": {
        "en": ("{path} is a folder, not an export file; nothing was written.", "",
               "Move or rename that folder, or choose another --out folder."),
        "fi": ("{path} on kansio eikä vientitiedosto; mitään ei kirjoitettu.", "",
               "Siirrä tai nimeä se kansio uudelleen tai valitse toinen --out-kansio."),
    },
    "cli_export_mkdir_failed": {
        "en": ("the folder {path} could not be created: {detail}; nothing was written.", "",
               "Check the path, or choose another --out folder."),
        "fi": ("kansiota {path} ei voitu luoda: {detail}; mitään ei kirjoitettu.", "",
               "Tarkista polku tai valitse toinen --out-kansio."),
    },
    "cli_export_write_failed": {
        "en": ("{path} could not be written: {detail}; no new export file was left behind.", "",
               "Check the folder's permissions and free space."),
        "fi": ("tiedostoa {path} ei voitu kirjoittaa: {detail}; uusia vientitiedostoja ei jätetty.", "",
               "Tarkista kansion oikeudet ja vapaa levytila."),
    },
    "cli_export_empty_out": {
        "en": ("--out is empty.", "", "Give the folder to write the exports into, e.g. --out crm/."),
        "fi": ("--out on tyhjä.", "", "Anna kansio, johon viennit kirjoitetaan, esim. --out crm/."),
    },
    "cli_export_problems": {
        "en": ("the knowledge base has {count} problem(s); exporting what is valid.", "",
               "Run kb check to see them."),
        "fi": ("tietokannassa on {count} ongelmaa; viedään kelvolliset tiedot.", "", "Katso ne komennolla kb check."),
    },
}
