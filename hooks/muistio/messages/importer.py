"""Wording of what `kb import` says, in English and Finnish (see the package docstring).

Three kinds of entry, all with codes that start with `import_`:

- problems with an input file (`path:line: what is wrong. How to fix it.`) and the command's own
  lines on standard error;
- the words of the Markdown report: headings, labels, outcomes, reasons and notes. They have no
  fix part; `importers/report.py` puts them into the same Markdown in every language, so only
  words differ between a Finnish and an English report, never its structure;
- `import_removed_*`, `import_action_*`, `import_how_*`: the reasons, outcomes and ways of
  finding a person that the importer keeps as keys (`"macro error"`, `"would write"`); the report
  maps each key to its entry here.

Finnish never inflects a name the report fills in (an organisation, a page title, a file): the
name stands after a colon or in quotes, so "Sanoma WSOY" needs no guessed case ending.
"""

from __future__ import annotations

Entry = dict[str, tuple[str, str, str]]


def _words(en: str, fi: str) -> Entry:
    """A report's word or phrase: nothing is wrong, so there is no fix sentence."""
    return {"en": (en, "", ""), "fi": (fi, "", "")}


MESSAGES: dict[str, Entry] = {
    # --- problems with an input file ------------------------------------------------------------
    "import_unreadable": {
        "en": ("the file cannot be read: {detail}.", "", "Check the path and its permissions."),
        "fi": ("tiedostoa ei voi lukea: {detail}.", "", "Tarkista polku ja tiedoston oikeudet."),
    },
    "import_nothing_to_import": {
        "en": ("no entities.xml, index.html or .txt files in the folder.", "",
               "Give an XML or HTML space export, or text copies of pages."),
        "fi": ("kansiossa ei ole tiedostoa entities.xml tai index.html eikä .txt-tiedostoja.", "",
               "Anna Confluence-tilan XML- tai HTML-vienti tai sivujen tekstikopioita."),
    },
    "import_bad_zip": {
        "en": ("not a readable zip file.", "", "Download the export again; it may be cut short."),
        "fi": ("tiedosto ei ole luettava zip-tiedosto.", "", "Lataa vienti uudelleen; se voi olla katkennut."),
    },
    "import_broken_xml": {
        "en": ("the XML is broken: {detail}.", "",
               "The export may be cut short; export the space again or re-extract the zip."),
        "fi": ("XML on rikki: {detail}.", "",
               "Vienti voi olla katkennut; vie tila uudelleen tai pura zip-tiedosto uudelleen."),
    },
    "import_no_body": {
        "en": ("page {page} has no body in the export.", "", "The export may be incomplete."),
        "fi": ("sivun {page} sisältöä ei ole viennissä.", "", "Vienti voi olla puutteellinen."),
    },
    "import_wiki_markup": {
        "en": ("page {page} is in old wiki markup.", "",
               "Open and save it in Confluence to convert it, then export again."),
        "fi": ("sivu {page} on vanhaa wikimerkintää.", "",
               "Avaa ja tallenna sivu Confluencessa, jolloin se muunnetaan, ja vie tila sitten uudelleen."),
    },
    "import_not_utf8": {
        "en": ("the file is not UTF-8: byte {byte} on this line cannot be read.", "",
               "Save the file as UTF-8 and import it again."),
        "fi": ("tiedosto ei ole UTF-8-muodossa: tavua {byte} tällä rivillä ei voi lukea.", "",
               "Tallenna tiedosto UTF-8-muodossa ja tuo se uudelleen."),
    },
    "import_empty_file": {
        "en": ("the file is empty.", "", "Copy the page text into it first."),
        "fi": ("tiedosto on tyhjä.", "", "Kopioi sivun teksti siihen ensin."),
    },
    "import_only_chrome": {
        "en": ("nothing but Confluence chrome in the file.", "", "Copy the page body as well."),
        "fi": ("tiedostossa on vain Confluencen käyttöliittymän tekstiä.", "",
               "Kopioi myös sivun varsinainen sisältö."),
    },
    "import_no_main_content": {
        "en": ("no element with id 'main-content'.", "", "Is this a page of a Confluence HTML space export?"),
        "fi": ("sivulla ei ole elementtiä, jonka id on 'main-content'.", "",
               "Onko tämä Confluence-tilan HTML-viennin sivu?"),
    },
    "import_no_title": {
        "en": ("the page has no title (#title-text).", "", "Is this a page of a Confluence HTML space export?"),
        "fi": ("sivulla ei ole otsikkoa (#title-text).", "", "Onko tämä Confluence-tilan HTML-viennin sivu?"),
    },
    "import_no_date": {
        "en": ("no date for '{title}': none in the title, the body or a byline.", "",
               "Add the meeting date to the page (e.g. 'Muistio 16.5.2012') or to the copied text, "
               "and import again."),
        "fi": ("sivulta '{title}' ei löytynyt päivämäärää: ei otsikosta, tekstistä eikä tekijätiedoista.", "",
               "Lisää kokouksen päivämäärä sivulle (esim. 'Muistio 16.5.2012') tai kopioituun tekstiin "
               "ja tuo se uudelleen."),
    },
    "import_impossible_date": {
        "en": ("the date '{value}' on '{title}' is not in the calendar, and the page has no other date.", "",
               "Correct the date on the page or in the copied text (e.g. 'Muistio 28.2.2026'), and import again."),
        "fi": ("sivun '{title}' päivämäärää '{value}' ei ole kalenterissa, eikä sivulla ole muuta päivämäärää.", "",
               "Korjaa päivämäärä sivulle tai kopioituun tekstiin (esim. 'Muistio 28.2.2026') ja tuo se uudelleen."),
    },
    "import_write_failed": {
        "en": ("could not write: {detail}.", "", "Check the folder's permissions and free space; nothing was changed."),
        "fi": ("kirjoittaminen epäonnistui: {detail}.", "",
               "Tarkista kansion oikeudet ja vapaa levytila; mitään ei muutettu."),
    },
    # --- the command's own lines (after "kb import: ") ------------------------------------------
    "import_no_such_path": {
        "en": ("no such file or folder: {paths}.", "", "Check the path; it is read from the current folder."),
        "fi": ("tiedostoa tai kansiota ei ole: {paths}.", "", "Tarkista polku; se luetaan nykyisestä kansiosta."),
    },
    "import_bad_chrome": {
        "en": ("--chrome {value}: {detail}.", "", "Use one of {allowed}, or a JSON file with the profile's fields."),
        "fi": ("--chrome {value}: {detail}.", "",
               "Käytä jotain näistä: {allowed}. Voit myös antaa JSON-tiedoston, jossa on profiilin kentät."),
    },
    "import_report_written": _words("report written to {path}.", "raportti kirjoitettiin tiedostoon {path}."),
    "import_report_printed": _words("--dry-run: the report is printed, not written.",
                                    "--dry-run: raportti tulostetaan eikä sitä kirjoiteta."),
    # --- the report: headings and labels --------------------------------------------------------
    "import_report_heading": _words("Confluence import", "Confluence-tuonti"),
    "import_report_heading_dry_run": _words("Confluence import (dry run: nothing was written)",
                                            "Confluence-tuonti (kuivaharjoitus: mitään ei kirjoitettu)"),
    "import_report_summary": _words("{pages} page(s): {counts}; {problems} problem(s).",
                                    "Sivuja: {pages} ({counts}); ongelmia: {problems}."),
    "import_report_summary_no_pages": _words("0 page(s): no pages; {problems} problem(s).",
                                             "Ei sivuja; ongelmia: {problems}."),
    "import_report_count": _words("{count} {action}", "{action}: {count}"),
    "import_report_companies_heading": _words("Organisation files (--create-missing)",
                                              "Organisaatioiden tiedostot (--create-missing)"),
    "import_report_problems_heading": _words("Problems", "Ongelmat"),
    "import_report_from": _words("From", "Lähde"),
    "import_report_not_imported": _words("Not imported", "Ei tuotu"),
    "import_report_file": _words("File", "Tiedosto"),
    "import_report_backup": _words("backup", "varmuuskopio"),
    "import_report_title": _words("Title", "Otsikko"),
    "import_report_date": _words("Date", "Päivämäärä"),
    "import_report_attendees": _words("Attendees", "Osallistujat"),
    "import_report_companies": _words("Companies", "Organisaatiot"),
    "import_report_tags": _words("Tags", "Avainsanat"),
    "import_report_authors": _words("Authors", "Kirjoittajat"),
    "import_report_tasks": _words("Action items", "Toimenpiteet"),
    "import_report_tasks_detail": _words("{owned} with an owner, {due} with a due date",
                                         "vastuuhenkilö nimetty: {owned}, määräaika annettu: {due}"),
    "import_report_undescribed_task": _words(
        "Task without a description: `{where}` (from `{source}`): the task did not say what is to be done, "
        "so it is written as text, not as a follow-up. Write what is to be done and make it one: `{follow_up}`; "
        "or delete the line",
        "Tehtävä ilman kuvausta: `{where}` (lähde `{source}`): tehtävässä ei sanottu, mitä tehdään, joten "
        "se kirjoitettiin tekstiksi eikä toimenpiteeksi. Kirjoita, mitä tehdään, ja tee siitä toimenpide: "
        "`{follow_up}`; tai poista rivi"),
    "import_report_what_to_do": _words("<what is to be done>", "<mitä tehdään>"),
    "import_report_none": _words("none", "ei yhtään"),
    "import_report_removed": _words("Removed lines", "Poistetut rivit"),
    "import_report_note": _words("Note", "Huomio"),
    "import_report_unknown_person": _words("Unknown person", "Tuntematon henkilö"),
    "import_report_add_contact": _words("add them to their organisation with `{command}`",
                                        "lisää hänet organisaationsa yhteyshenkilöksi: `{command}`"),
    "import_report_any_organisation": _words("<organisation>", "<organisaatio>"),
    "import_report_unknown_organisation": _words("Unknown organisation", "Tuntematon organisaatio"),
    # --- where the memo's date came from (after "Date: 2012-05-16, ") ---------------------------
    "import_date_title": _words("from the title (line {line})", "poimittu otsikosta (rivi {line})"),
    "import_date_title_no_line": _words("from the title", "poimittu otsikosta"),
    "import_date_body": _words("from the body (line {line}: {quote})", "poimittu tekstistä (rivi {line}: {quote})"),
    "import_date_body_no_line": _words("from the body ({quote})", "poimittu tekstistä ({quote})"),
    "import_date_byline": _words("from the byline, last modified (line {line})",
                                 "poimittu tekijätiedoista (viimeisin muokkaus, rivi {line})"),
    "import_date_byline_no_line": _words("from the byline, last modified",
                                         "poimittu tekijätiedoista (viimeisin muokkaus)"),
    "import_date_created": _words("from the page's creation date (line {line})",
                                  "poimittu sivun luontipäivästä (rivi {line})"),
    "import_date_created_no_line": _words("from the page's creation date", "poimittu sivun luontipäivästä"),
    # --- what happened to a file (Outcome.action) and why -------------------------------------
    "import_action_written": _words("written", "kirjoitettu"),
    "import_action_updated": _words("updated", "päivitetty"),
    "import_action_unchanged": _words("unchanged", "ennallaan"),
    "import_action_skipped": _words("skipped", "ohitettu"),
    "import_action_would_write": _words("would write", "kirjoitettaisiin"),
    "import_action_would_update": _words("would update", "päivitettäisiin"),
    "import_action_failed": _words("failed", "epäonnistui"),
    "import_action_not_imported": _words("not imported", "ei tuotu"),
    "import_detail_seen_in_this_run": _words("the same page came earlier in this run",
                                             "sama sivu tuli jo aiemmin tässä ajossa"),
    "import_detail_name_taken": _words("{path} is another memo", "{path} on eri muistio"),
    "import_detail_same_content": _words("already imported, same content", "tuotu jo aiemmin, sisältö on sama"),
    "import_detail_already_imported": _words("already imported from this page; --update rewrites it",
                                             "tuotu jo aiemmin tältä sivulta; --update kirjoittaa sen uudelleen"),
    "import_detail_file_exists": _words("the file exists", "tiedosto on jo olemassa"),
    # --- why a page was read but not made a memo ------------------------------------------------
    "import_skip_home_page": _words("the space's home page, not a memo", "tilan etusivu, ei muistio"),
    "import_skip_no_text": _words("the page has no text (a folder page?)",
                                  "sivulla ei ole tekstiä (kansiosivu?)"),
    # --- why a line of the page was removed (RemovedLine.reason) --------------------------------
    "import_removed_macro_error": _words("macro error", "makrovirhe"),
    "import_removed_comments": _words("comments", "kommentit"),
    "import_removed_header": _words("header", "ylätunniste"),
    "import_removed_footer": _words("footer", "alatunniste"),
    "import_removed_labels": _words("labels", "tunnisteet"),
    "import_removed_byline": _words("byline", "tekijätiedot"),
    "import_removed_above_title": _words("header above the title", "ylätunniste otsikon yläpuolella"),
    "import_removed_title": _words("the page title (moved to front matter)",
                                   "sivun otsikko (siirretty alun tietoihin)"),
    "import_removed_page_list": _words("generated page list", "automaattinen sivuluettelo"),
    "import_removed_placeholder": _words("editor placeholder (not shown on the page)",
                                         "editorin paikkamerkki (ei näy sivulla)"),
    "import_removed_emoticon": _words("emoticon", "hymiö"),
    "import_removed_empty_macro": _words("macro without content", "makro ilman sisältöä"),
    # --- how a person was found (FoundPerson.how) -----------------------------------------------
    "import_how_mention": _words("mention", "@-maininta"),
    "import_how_byline": _words("byline", "tekijätiedot"),
    "import_how_name_organisation": _words("name (organisation)", "nimi ja organisaatio"),
    "import_how_text": _words("text", "tekstissä"),
    # --- notes: what could not be carried over as it was ----------------------------------------
    "import_note_attachment": _words("attachment not imported: {name} ({href})",
                                     "liitettä ei tuotu: {name} ({href})"),
    "import_note_byline_unknown": _words("{path}:{line}: byline not understood: {text!r} "
                                         "(add its wording to the chrome profile)",
                                         "{path}:{line}: tekijätietoja ei tunnistettu: {text!r} "
                                         "(lisää niiden sanamuoto --chrome-profiiliin)"),
    "import_note_link_page": _words("link to page {label!r} kept as text",
                                    "linkki sivulle {label!r} säilytettiin tekstinä"),
    "import_note_link_attachment": _words("link to attachment {label!r} kept as text",
                                          "linkki liitteeseen {label!r} säilytettiin tekstinä"),
    "import_note_link_blog_post": _words("link to blog-post {label!r} kept as text",
                                         "linkki blogikirjoitukseen {label!r} säilytettiin tekstinä"),
    "import_note_link_space": _words("link to space {label!r} kept as text",
                                     "linkki tilaan {label!r} säilytettiin tekstinä"),
    "import_note_link_address": _words("link to {href!r} kept as text: {text}",
                                       "linkki kohteeseen {href!r} säilytettiin tekstinä: {text}"),
    "import_note_image_attachment": _words("image attachment {src!r} not copied",
                                           "kuvaliitettä {src!r} ei kopioitu"),
    "import_note_image": _words("image {src!r} not copied; the link points into the export",
                                "kuvaa {src!r} ei kopioitu; linkki osoittaa vientiin"),
    "import_note_macro_kept": _words("macro {name!r}: its content was kept, the macro itself dropped",
                                     "makro {name!r}: sen sisältö säilytettiin, itse makro jätettiin pois"),
    "import_note_unknown_element": _words("{path}:{line}: unknown storage element <{tag}>; its text was kept",
                                          "{path}:{line}: tuntematon tallennusmuodon elementti <{tag}>; "
                                          "sen teksti säilytettiin"),
}
