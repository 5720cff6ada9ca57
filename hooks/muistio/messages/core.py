"""Wording of the problems found while reading and validating files, in English and Finnish."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    # --- reading the file -------------------------------------------------------------------
    "not_utf8": {
        "en": ("the file is not UTF-8: byte {byte} on this line cannot be read.", "",
               "Save the file as UTF-8 in your editor."),
        "fi": ("tiedosto ei ole UTF-8-muodossa: tavua {byte} tällä rivillä ei voi lukea.", "",
               "Tallenna tiedosto editorissa UTF-8-muodossa."),
    },
    "empty_file": {
        "en": ("the file is empty.", "", "Write the front matter and the text, or delete the file."),
        "fi": ("tiedosto on tyhjä.", "", "Kirjoita tiedot ja teksti tai poista tiedosto."),
    },
    "file_too_large": {
        "en": ("the file is {size} MB; the limit is {limit} MB.", "",
               "A memo is text: move attachments and exports out of the knowledge base."),
        "fi": ("tiedosto on {size} Mt; raja on {limit} Mt.", "",
               "Muistio on tekstiä: siirrä liitteet ja viennit pois tietokannasta."),
    },
    "unreadable": {
        "en": ("the file cannot be read: {detail}.", "", "Check the file's permissions."),
        "fi": ("tiedostoa ei voi lukea: {detail}.", "", "Tarkista tiedoston oikeudet."),
    },
    "control_character": {
        "en": ("the front matter contains the invisible control character {char} on this line.", "",
               "Retype the line: delete it and write it again."),
        "fi": ("alun tiedoissa on tällä rivillä näkymätön ohjausmerkki {char}.", "",
               "Kirjoita rivi uudelleen: poista se ja kirjoita se uudestaan."),
    },
    "line_separator": {
        "en": ("the front matter contains the invisible line break character {char} on this line (column "
               "{column}), often pasted from a web page or Word; YAML reads it as a new line.", "",
               "Replace it with a space, or with a line break if a new line was meant."),
        "fi": ("alun tiedoissa on tällä rivillä (sarakkeessa {column}) näkymätön rivinvaihtomerkki {char}, "
               "usein verkkosivulta tai Wordista liitetty; YAML lukee sen uudeksi riviksi.", "",
               "Korvaa se välilyönnillä tai, jos tarkoitit uutta riviä, rivinvaihdolla."),
    },
    "folder_not_file": {
        "en": ("'{name}' is a folder, so it is not read as a file.", "",
               "Rename the folder so that its name does not end in .md."),
        "fi": ("'{name}' on kansio, joten sitä ei lueta tiedostona.", "",
               "Nimeä kansio niin, ettei sen nimi pääty .md."),
    },
    "symlink_broken": {
        "en": ("the file is a link to {target}, which does not exist.", "",
               "Fix the link or delete it."),
        "fi": ("tiedosto on linkki kohteeseen {target}, jota ei ole.", "", "Korjaa linkki tai poista se."),
    },
    "symlink_loop": {
        "en": ("the file is a link to {target}, which leads back to itself.", "",
               "Replace the link with the file itself."),
        "fi": ("tiedosto on linkki kohteeseen {target}, joka johtaa takaisin itseensä.", "",
               "Korvaa linkki itse tiedostolla."),
    },
    "symlink_folder": {
        "en": ("this is a link to the folder {target}; its files are not read.", "",
               "Move the files here instead of linking to the folder."),
        "fi": ("tämä on linkki kansioon {target}; sen tiedostoja ei lueta.", "",
               "Siirrä tiedostot tänne linkin sijaan."),
    },
    "symlink_outside": {
        "en": ("the file is a link to {target}, outside the repository.", "",
               "Copy the file into the repository instead of linking to it."),
        "fi": ("tiedosto on linkki kohteeseen {target}, joka on tietovaraston ulkopuolella.", "",
               "Kopioi tiedosto tietovarastoon linkin sijaan."),
    },
    "no_front_matter": {
        "en": ("the file has no front matter.", "",
               "Start the file with a line '---', the keys (title, date, ... for a memo; name, ... "
               "for a company), and another '---'."),
        "fi": ("tiedostosta puuttuvat alun tiedot (front matter).", "",
               "Aloita tiedosto rivillä '---', sitten avaimet (muistiolla title, date, ...; "
               "organisaatiolla name, ...) ja toinen '---'-rivi."),
    },
    "front_matter_unclosed": {
        "en": ("the front matter starts with '---' but never ends.", "",
               "Add a line '---' after the last key."),
        "fi": ("alun tiedot alkavat rivillä '---' mutta eivät pääty.", "",
               "Lisää '---'-rivi viimeisen avaimen jälkeen."),
    },
    "front_matter_not_mapping": {
        "en": ("the front matter is not a list of 'key: value' lines.", "",
               "Write one 'key: value' per line, e.g. 'title: ...'."),
        "fi": ("alun tiedot eivät ole 'avain: arvo' -rivejä.", "",
               "Kirjoita yksi 'avain: arvo' riviä kohden, esim. 'title: ...'."),
    },
    # --- YAML -------------------------------------------------------------------------------
    "yaml_syntax": {
        "en": ("the front matter is not valid YAML: {detail}.", "",
               "Check the indentation and the quotes on this line and the one before."),
        "fi": ("alun tiedot eivät ole kelvollista YAMLia: {detail}.", "",
               "Tarkista sisennykset ja lainausmerkit tällä ja edellisellä rivillä."),
    },
    "yaml_tab": {
        "en": ("the front matter is indented with a tab.", "", "Indent with spaces, not tabs."),
        "fi": ("alun tiedoissa on sisennys sarkaimella.", "", "Sisennä välilyönneillä, ei sarkaimella."),
    },
    "yaml_unclosed_quote": {
        "en": ("a quoted value starting on this line is never closed.", "",
               "Add the closing quote mark."),
        "fi": ("tällä rivillä alkava lainausmerkeissä oleva arvo ei pääty.", "",
               "Lisää lopettava lainausmerkki."),
    },
    "yaml_alias": {
        "en": ("YAML anchors and aliases (& and *) are not allowed in front matter.", "",
               "Write the value out in full."),
        "fi": ("YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja.", "",
               "Kirjoita arvo kokonaan."),
    },
    "yaml_tag": {
        "en": ("YAML tag {tag} is not allowed in front matter.", "", "Remove the tag; write plain values."),
        "fi": ("YAML-tagi {tag} ei ole sallittu.", "", "Poista tagi ja kirjoita tavallinen arvo."),
    },
    "yaml_too_deep": {
        "en": ("the front matter is nested more than {limit} levels deep.", "",
               "Front matter needs at most three levels: flatten it."),
        "fi": ("alun tiedot ovat sisäkkäin yli {limit} tasoa.", "",
               "Tiedot tarvitsevat enintään kolme tasoa: litistä rakenne."),
    },
    "yaml_complex_key": {
        "en": ("a key must be a plain word.", "", "Write 'key: value'."),
        "fi": ("avaimen on oltava tavallinen sana.", "", "Kirjoita 'avain: arvo'."),
    },
    "duplicate_key": {
        "en": ("key '{key}' appears twice (first on line {first_line}); only the first is used.", "",
               "Remove one of them or merge their values."),
        "fi": ("avain '{key}' on kahdesti (ensin rivillä {first_line}); vain ensimmäinen otetaan käyttöön.",
               "", "Poista toinen tai yhdistä arvot."),
    },
    "yaml11_boolean": {
        "en": ("'{key}: {value}' is read as {truth} by YAML tools, not as the word '{value}'.", "",
               "Put it in quotes: \"{value}\"."),
        "fi": ("YAML-työkalut lukevat '{key}: {value}' totuusarvona {truth}, ei sanana '{value}'.", "",
               "Kirjoita se lainausmerkkeihin: \"{value}\"."),
    },
    # --- schema -----------------------------------------------------------------------------
    "missing_key": {
        "en": ("required key '{key}' is missing.", "", "Add '{key}: ...' to the front matter."),
        "fi": ("pakollinen avain '{key}' puuttuu.", "", "Lisää '{key}: ...' alun tietoihin."),
    },
    "unknown_key": {
        "en": ("unknown key '{key}'.", "Did you mean '{suggestion}'?", "Allowed keys: {allowed}."),
        "fi": ("tuntematon avain '{key}'.", "Tarkoititko '{suggestion}'?", "Sallitut avaimet: {allowed}."),
    },
    "date_finnish_form": {
        "en": ("{key} '{value}' is not in ISO form.", "", "Write {iso}."),
        "fi": ("{key} '{value}' ei ole ISO-muodossa.", "", "Kirjoita {iso}."),
    },
    "date_not_iso": {
        "en": ("{key} '{value}' is not a date in the form YYYY-MM-DD.", "", "Write e.g. 2012-05-16."),
        "fi": ("{key} '{value}' ei ole päivämäärä muodossa VVVV-KK-PP.", "", "Kirjoita esim. 2012-05-16."),
    },
    "date_impossible": {
        "en": ("{key} {value} does not exist in the calendar.", "", "Check the day and the month."),
        "fi": ("päivämäärää {value} ({key}) ei ole kalenterissa.", "", "Tarkista päivä ja kuukausi."),
    },
    "date_type": {
        "en": ("{key} must be a date in the form YYYY-MM-DD.", "", "Write e.g. 2012-05-16."),
        "fi": ("{key} on annettava muodossa VVVV-KK-PP.", "", "Kirjoita esim. 2012-05-16."),
    },
    "not_allowed_value": {
        "en": ("{key} '{value}' is not one of: {allowed}.", "Did you mean '{suggestion}'?", "Write one of them."),
        "fi": ("{key} '{value}' ei ole mikään näistä: {allowed}.", "Tarkoititko '{suggestion}'?",
               "Kirjoita jokin niistä."),
    },
    "number_too_small": {
        "en": ("{key} {value} is too small: the smallest allowed is {limit}.", "", "Write e.g. 2010."),
        "fi": ("{key} {value} on liian pieni: pienin sallittu on {limit}.", "", "Kirjoita esim. 2010."),
    },
    "number_too_large": {
        "en": ("{key} {value} is too large: the largest allowed is {limit}.", "", "Write e.g. 2010."),
        "fi": ("{key} {value} on liian suuri: suurin sallittu on {limit}.", "", "Kirjoita esim. 2010."),
    },
    "not_a_slug": {
        "en": ("'{value}' in {key} is not an identifier (lower-case letters, digits, hyphens).",
               "", "Write '{slug}'."),
        "fi": ("'{value}' ({key}) ei ole tunniste (pienet kirjaimet, numerot, väliviivat).",
               "", "Kirjoita '{slug}'."),
    },
    "wrong_type_string": {
        "en": ("{key} should be text, not {got}.", "", "Write text, in quotes if it looks like a number."),
        "fi": ("{key} pitää olla tekstiä, ei {got}.", "",
               "Kirjoita tekstiä, lainausmerkeissä jos se näyttää numerolta."),
    },
    "wrong_type_list": {
        "en": ("{key} should be a list, not {got}.", "", "Write [a, b] or one '- item' per line."),
        "fi": ("{key} pitää olla luettelo, ei {got}.", "", "Kirjoita [a, b] tai yksi '- kohta' riviä kohden."),
    },
    "wrong_type_bool": {
        "en": ("{key} should be true or false, not '{value}'.", "", "Write true or false."),
        "fi": ("{key} pitää olla true tai false, ei '{value}'.", "", "Kirjoita true tai false."),
    },
    "wrong_type_int": {
        "en": ("{key} should be a whole number, not '{value}'.", "", "Write e.g. 2010."),
        "fi": ("{key} pitää olla kokonaisluku, ei '{value}'.", "", "Kirjoita esim. 2010."),
    },
    "wrong_type_dict": {
        "en": ("{key} should be a group of 'key: value' lines, not {got}.", "", "Write e.g. 'name: ...'."),
        "fi": ("{key} pitää olla 'avain: arvo' -rivejä, ei {got}.", "", "Kirjoita esim. 'name: ...'."),
    },
    "wrong_type_model": {
        "en": ("{key} should be a group of 'key: value' lines, not {got}.", "", "Write e.g. 'name: ...'."),
        "fi": ("{key} pitää olla 'avain: arvo' -rivejä, ei {got}.", "", "Kirjoita esim. 'name: ...'."),
    },
    "empty_value": {
        "en": ("{key} is empty.", "", "Write a value or remove the key."),
        "fi": ("{key} on tyhjä.", "", "Kirjoita arvo tai poista avain."),
    },
    "invalid_value": {
        "en": ("{key} '{value}' is not valid: {detail}.", "", ""),
        "fi": ("{key} '{value}' ei kelpaa: {detail}.", "", ""),
    },
    # --- file names -------------------------------------------------------------------------
    "memo_file_name": {
        "en": ("memo file name '{stem}' is not YYYY-MM-DD-slug.", "",
               "Rename it like 2012-05-16-tapaaminen.md (kb new memo does this for you)."),
        "fi": ("muistion tiedostonimi '{stem}' ei ole muotoa VVVV-KK-PP-tunniste.", "",
               "Nimeä se esim. 2012-05-16-tapaaminen.md (kb new memo tekee tämän puolestasi)."),
    },
    "memo_file_date": {
        "en": ("the date in file name '{stem}' does not exist.", "", "Fix the date in the file name."),
        "fi": ("tiedostonimen '{stem}' päivämäärää ei ole olemassa.", "", "Korjaa päivämäärä tiedostonimeen."),
    },
    "memo_date_mismatch": {
        "en": ("date {date} does not match the file name's date {file_date}.", "",
               "Change one so they agree."),
        "fi": ("päivämäärä {date} ei täsmää tiedostonimen päivämäärään {file_date}.", "",
               "Muuta toista niin, että ne täsmäävät."),
    },
    "memo_wrong_folder": {
        "en": ("a memo from {year} is in folder '{folder}'.", "", "Move it to memos/{year}/."),
        "fi": ("vuoden {year} muistio on kansiossa '{folder}'.", "", "Siirrä se kansioon memos/{year}/."),
    },
    "company_file_name": {
        "en": ("company file name '{stem}' is not an identifier (lower-case letters, digits, hyphens).",
               "", "Rename it to {slug}.md."),
        "fi": ("organisaation tiedostonimi '{stem}' ei ole tunniste (pienet kirjaimet, numerot, väliviivat).",
               "", "Nimeä se uudelleen: {slug}.md."),
    },
    "company_slug_mismatch": {
        "en": ("slug '{slug}' differs from the file name '{stem}'.", "",
               "Rename the file to {slug}.md or remove the slug line."),
        "fi": ("tunniste '{slug}' eroaa tiedostonimestä '{stem}'.", "",
               "Nimeä tiedosto {slug}.md tai poista slug-rivi."),
    },
    "case_collision": {
        "en": ("this file name differs from {other} only in upper/lower case.", "",
               "Merge the two files: on macOS and Windows they are the same file."),
        "fi": ("tiedostonimi eroaa tiedostosta {other} vain kirjainkoon osalta.", "",
               "Yhdistä tiedostot: macOS ja Windows pitävät niitä samana tiedostona."),
    },
    # --- references and duplicates ----------------------------------------------------------
    "unknown_person": {
        "en": ("unknown person '{slug}' in {key}.", "Did you mean '{suggestion}'?",
               "Add them as a contact in their organisation's file in companies/."),
        "fi": ("tuntematon henkilö '{slug}' kentässä {key}.", "Tarkoititko '{suggestion}'?",
               "Lisää henkilö yhteyshenkilöksi organisaationsa tiedostoon kansiossa companies/."),
    },
    "unknown_company": {
        "en": ("unknown company '{slug}' in {key}.", "Did you mean '{suggestion}'?",
               "Create it with: kb new company \"Name\"."),
        "fi": ("tuntematon organisaatio '{slug}' kentässä {key}.", "Tarkoititko '{suggestion}'?",
               "Luo se komennolla: kb new company \"Nimi\"."),
    },
    "owner_not_staff": {
        "en": ("owner '{slug}' is not on our own staff ({unit}); the owner keeps the relationship for us.", "",
               "Choose one of: {staff}, or add them as a contact in {unit_path}."),
        "fi": ("vastuuhenkilö '{slug}' ei ole oman yksikkömme ({unit}) väkeä; vastuuhenkilö hoitaa suhdetta "
               "meidän puolestamme.", "", "Valitse joku näistä: {staff}, tai lisää hänet yhteyshenkilöksi "
               "tiedostoon {unit_path}."),
    },
    "duplicate_person": {
        "en": ("person '{slug}' is already a contact at {first}.", "",
               "Keep one, or give this one its own slug."),
        "fi": ("henkilö '{slug}' on jo yhteyshenkilönä kohdassa {first}.", "",
               "Pidä vain toinen tai anna tälle oma slug."),
    },
    "duplicate_offering": {
        "en": ("offering '{slug}' is already defined at {first}.", "", "Keep one of them."),
        "fi": ("tarjooma '{slug}' on jo määritelty kohdassa {first}.", "", "Pidä vain toinen."),
    },
    "duplicate_name": {
        "en": ("name '{name}' also belongs to '{other}' ({first}), so links to it would be ambiguous.", "",
               "Remove the name or alias from one of them."),
        "fi": ("nimi '{name}' kuuluu myös kohteelle '{other}' ({first}), joten linkki olisi moniselitteinen.",
               "", "Poista nimi tai lisänimi toiselta."),
    },
    # --- extra.muistio in mkdocs.yml ----------------------------------------------------------
    "option_not_mapping": {
        "en": ("extra.muistio is not a list of settings.", "",
               "Indent the settings under it, e.g. 'quiet_days: 180'; the defaults are used meanwhile."),
        "fi": ("extra.muistio ei ole asetusluettelo.", "",
               "Sisennä asetukset sen alle, esim. 'quiet_days: 180'; siihen asti käytetään oletuksia."),
    },
    "option_unknown": {
        "en": ("unknown setting 'extra.muistio.{key}'.", "Did you mean '{suggestion}'?", "Settings: {allowed}."),
        "fi": ("tuntematon asetus 'extra.muistio.{key}'.", "Tarkoititko '{suggestion}'?", "Asetukset: {allowed}."),
    },
    "option_not_number": {
        "en": ("setting '{key}' is '{value}', not a whole number of at least {minimum}.", "",
               "Write e.g. '{key}: {example}'; the default is used meanwhile."),
        "fi": ("asetus '{key}' on '{value}', ei kokonaisluku, joka on vähintään {minimum}.", "",
               "Kirjoita esim. '{key}: {example}'; siihen asti käytetään oletusta."),
    },
    "option_not_bool": {
        "en": ("setting '{key}' is '{value}', not true or false.", "",
               "Write '{key}: true' or '{key}: false', without quotes. Until then the site is built as public, "
               "without internal memos and private details: when in doubt, publish less."),
        "fi": ("asetus '{key}' on '{value}', ei true tai false.", "",
               "Kirjoita '{key}: true' tai '{key}: false' ilman lainausmerkkejä. Siihen asti sivusto tehdään "
               "julkisena, ilman sisäisiä muistioita ja yksityisiä tietoja: epävarmassa julkaistaan vähemmän."),
    },
}
