"""Matching rules of the issue, one test each, on what the matcher reports."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muistio.linking import Match, Matcher, Term
from muistio.linking.matcher import TOKEN_RE, _Folded, _Words

TERMS = [
    Term("Petri Laitinen", "person:petri-laitinen"),
    Term("Petri", "person:petri-laitinen"),
    Term("Laitinen", "person:petri-laitinen"),
    Term("Metropolia", "company:metropolia"),
    Term("Sanoma WSOY", "company:sanoma-wsoy"),
    Term("Sanoma", "company:sanoma"),
    Term("OP-Pohjola", "company:op-pohjola"),
    Term("OP", "company:op-pohjola"),
    Term("TKK", "company:aalto-yliopisto"),
    Term("Rondo", "magazine:rondo", common_word=True),
    Term("Kone", "company:kone", common_word=True),
    Term("Reititin", "unit:reititin", common_word=True),
    Term("PROksi", "offering:proksi"),
    Term("Valio", "company:valio"),
    Term("Yle", "company:yle"),
    Term("Tilastokeskus", "company:tilastokeskus"),
    Term("Kauppa", "magazine:kauppa", common_word=True),
    Term("Helsingin Sanomat", "magazine:hs"),
    Term("Aalto-yliopisto", "company:aalto-yliopisto"),
    Term("Puhelin", "x:puhelin", match_lowercase=True),
]
MATCHER = Matcher(TERMS)


def surfaces(text: str) -> list[str]:
    return [m.surface for m in MATCHER.find(text)]


def keys(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.key) for m in MATCHER.find(text)]


@pytest.mark.parametrize(
    "word",
    [
        "Metropolia",
        "Metropolian",
        "Metropoliaa",
        "Metropoliassa",
        "Metropoliasta",
        "Metropoliaan",
        "Metropolialla",
        "Metropolialta",
        "Metropolialle",
        "Metropoliana",
        "Metropoliaksi",
        "Metropoliatta",
        "Metropoliakin",
        "Metropoliassakaan",
        "Metropoliassahan",
        "Metropoliallapa",
        "Metropoliastako",
        "Metropoliassamme",
        "Metropoliassaan",
    ],
)
def test_case_endings_and_clitics(word: str) -> None:
    assert surfaces(f"Puhuimme {word} asiasta.") == [word]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Sovimme Laitisen kanssa.", "Laitisen"),
        ("Sovimme Laitista kohtaan.", "Laitista"),
        ("Soitimme Laitiselle.", "Laitiselle"),
        ("Luvut tulivat Tilastokeskuksen sivuilta.", "Tilastokeskuksen"),
        ("Soitimme Tilastokeskukseen.", "Tilastokeskukseen"),
        ("Juttu on Rondossa.", "Rondossa"),
        ("Juttu on Rondon sivuilla.", "Rondon"),
        ("Lehdet: Helsingin Sanomien juttu.", "Helsingin Sanomien"),
        ("Se oli Helsingin Sanomissa.", "Helsingin Sanomissa"),
        ("Asia kuuluu Reitittimelle.", "Reitittimelle"),
        ("Tarjoamme PROksia kaikille.", "PROksia"),
        ("Tarjoamme PROksin esitteen.", "PROksin"),
        ("Soitimme PROksille.", "PROksille"),
        ("Sovimme Sanoma WSOY:n kanssa.", "Sanoma WSOY:n"),
        ("Tapasimme Petri Laitisen.", "Petri Laitisen"),
        ("Juttu julkaistaan Kaupan sivuilla.", "Kaupan"),
    ],
)
def test_stem_rules_find_inflected_forms(text: str, surface: str) -> None:
    assert surfaces(text) == [surface]


def test_an_adjective_in_a_name_inflects_with_the_last_word() -> None:
    """"Teknillinen korkeakoulu" is written "Teknillisen korkeakoulun": a -nen adjective agrees
    with its noun, first in the name or after a word that stays ("Tampereen"). It was a known miss
    of the evaluation set; written in lower case, or before some other word, it is no name."""
    matcher = Matcher([Term("Teknillinen korkeakoulu", "company:aalto-yliopisto"),
                       Term("Tampereen teknillinen yliopisto", "company:tampereen-yliopisto"),
                       Term("Nokia", "company:nokia")])
    text = ("Hän opetti Teknillisen korkeakoulun kursseilla ja Tampereen teknillisessä yliopistossa, "
            "sitten Teknilliseen korkeakouluun; teknillisen korkeakoulun tapaiset opinnot ja "
            "Teknillisen alan kurssit Nokialla.")
    assert [(m.surface, m.key) for m in matcher.find(text)] == [
        ("Teknillisen korkeakoulun", "company:aalto-yliopisto"),
        ("Tampereen teknillisessä yliopistossa", "company:tampereen-yliopisto"),
        ("Teknilliseen korkeakouluun", "company:aalto-yliopisto"),
        ("Nokialla", "company:nokia"),
    ]


def test_abbreviations_take_endings_after_a_colon_only() -> None:
    assert keys("TKK, TKK:n, TKK:ssa ja OP:n sekä WSOY:lle") == [
        ("TKK", "company:aalto-yliopisto"),
        ("TKK:n", "company:aalto-yliopisto"),
        ("TKK:ssa", "company:aalto-yliopisto"),
        ("OP:n", "company:op-pohjola"),
    ]
    assert surfaces("Sana TKKn ei ole muoto, eikä TKKssa.") == []


def test_an_abbreviation_takes_the_long_vowel_its_last_letter_or_number_is_read_with() -> None:
    """The illative and partitive follow how the end is read: 3M ("äm") 3M:ään and 3M:ää, St1
    ("yksi") St1:een, SAS ("äs") SAS:ia; a colon and the ending are still required."""
    matcher = Matcher([Term("3M", "company:3m"), Term("St1", "company:st1"), Term("SAS", "company:sas")])
    found = matcher.find("3M:ään ja 3M:ää, St1:een ja SAS:ia; 3Mää, St1een ja SAS:iaa eivät ole muotoja.")
    assert [(m.surface, m.key) for m in found] == [
        ("3M:ään", "company:3m"),
        ("3M:ää", "company:3m"),
        ("St1:een", "company:st1"),
        ("SAS:ia", "company:sas"),
    ]


def test_a_company_form_at_the_end_of_a_name_takes_its_ending_after_a_colon() -> None:
    """Finnish writes "Alfa Oy:n", "Fazer Oyj:lle", "Apple Inc:n": a company form is an
    abbreviation even though it is not in capitals."""
    matcher = Matcher([Term("Alfa Oy", "company:alfa"), Term("Fazer Oyj", "company:fazer"),
                       Term("Apple Inc", "company:apple")])
    found = matcher.find("Alfa Oy:n kumppani, Alfa Oy, Fazer Oyj:lle ja Apple Inc:n tuote; Alfa Oyn ei ole muoto.")
    assert [(m.surface, m.key) for m in found] == [
        ("Alfa Oy:n", "company:alfa"),
        ("Alfa Oy", "company:alfa"),
        ("Fazer Oyj:lle", "company:fazer"),
        ("Apple Inc:n", "company:apple"),
    ]


@pytest.mark.parametrize("lower_case_names", [[], [Term("Puhelin", "x:puhelin", match_lowercase=True)]])
def test_a_name_ending_in_a_digit_or_a_capital_takes_its_ending_after_a_colon(lower_case_names: list[Term]) -> None:
    """Finnish writes "St1:n", "Suomi24:ssä", "Elisa5G:lle", as it writes "TKK:n": the end of the
    name is read as a number or letters. A longer word, a glued dot or a lower-case start is no
    mention. (Both ways the matcher finds words: with and without a lower-case name.)"""
    matcher = Matcher([Term("St1", "company:st1"), Term("Suomi24", "company:suomi24"),
                       Term("Elisa5G", "offering:elisa5g"), *lower_case_names])
    found = matcher.find("St1:n asema, St1:lle ja St1:ltä; Suomi24:ssä ja Elisa5G:lle. "
                         "St1 vastasi, mutta St12, ASt1, St1.5, st1:n ja Suomi245 eivät ole nimiä.")
    assert [(m.surface, m.key) for m in found] == [
        ("St1:n", "company:st1"),
        ("St1:lle", "company:st1"),
        ("St1:ltä", "company:st1"),
        ("Suomi24:ssä", "company:suomi24"),
        ("Elisa5G:lle", "offering:elisa5g"),
        ("St1", "company:st1"),
    ]


@pytest.mark.parametrize("lower_case_names", [[], [Term("Puhelin", "x:puhelin", match_lowercase=True)]])
def test_a_name_ending_in_a_domain_takes_its_ending_after_a_colon(lower_case_names: list[Term]) -> None:
    """"Verkkokauppa.com:n", "Verkkokauppa.com:lle": the address stays as written and the ending
    follows a colon; glued on ("Verkkokauppa.comista") it is found too. A sentence that ends after
    "Verkkokauppa.", an address and a longer domain are no mention."""
    matcher = Matcher([Term("Verkkokauppa.com", "company:verkkokauppa-com"), *lower_case_names])
    found = matcher.find("Verkkokauppa.com:n myymälä, Verkkokauppa.com:lle ja Verkkokauppa.comista. "
                         "Ei Verkkokauppa. Com-osoitteet, www.Verkkokauppa.com:n ja Verkkokauppa.com.au eivät.")
    assert [m.surface for m in found] == ["Verkkokauppa.com:n", "Verkkokauppa.com:lle", "Verkkokauppa.comista"]


def test_capitalised_name_needs_a_capital_but_rest_is_case_insensitive() -> None:
    assert surfaces("Ostimme koneen ja luimme sanomalehteä.") == []
    assert keys("Sanoma wsoy ja OP-pohjola soittivat.") == [
        ("Sanoma wsoy", "company:sanoma-wsoy"),
        ("OP-pohjola", "company:op-pohjola"),
    ]


def test_all_capital_first_word_must_match_exactly() -> None:
    assert surfaces("Kurssista saa 5 op, ja Op-kurssi alkaa.") == []


def test_match_lowercase_opts_in() -> None:
    assert surfaces("Vaihdoimme puhelimen ja Puhelimen.") == ["puhelimen", "Puhelimen"]


def test_common_word_is_skipped_at_sentence_start_only() -> None:
    text = "Kone toimitti hissit. Tapasimme Koneen edustajan. Kone lupasi. Rondo ilmestyy ja Rondo myy."
    assert surfaces(text) == ["Koneen", "Rondo"]
    assert surfaces("**Kone** toimitti hissit.") == []
    assert surfaces("– Reititin esittäytyi.") == []
    assert surfaces("Hinnat, aikataulut jne. Kone vastaa.") == []
    assert surfaces("Osallistujat:\n- Kone\n- Rondo") == []


def test_capital_after_a_leading_abbreviation_or_a_colon_is_the_names_own() -> None:
    assert surfaces("Paikalla oli mm. Kone ja esim. Rondo (ks. Kaupan numero).") == ["Kone", "Rondo", "Kaupan"]
    assert surfaces("Osallistujat: Kone, Valio ja Rondo.") == ["Kone", "Valio", "Rondo"]


def test_a_common_word_name_of_several_words_is_linked_at_a_sentence_start() -> None:
    matcher = Matcher([Term("Kone", "company:kone", common_word=True),
                       Term("Kone Oyj", "company:kone", common_word=True)])
    found = matcher.find("Kone Oyj:n hissiyksikkö esitteli. Kone toimitti.")
    assert [m.surface for m in found] == ["Kone Oyj:n"]


def test_a_mixed_case_name_written_in_capitals_takes_colon_endings() -> None:
    assert keys("YLE:n toimittaja, VALIO:lle ja METROPOLIA:ssa") == [
        ("YLE:n", "company:yle"), ("VALIO:lle", "company:valio"), ("METROPOLIA:ssa", "company:metropolia"),
    ]
    assert surfaces("Yle:n ja Valio:lle") == []  # a colon ending belongs to capitals only


def test_given_name_before_another_capitalised_word_is_someone_else() -> None:
    matcher = Matcher([Term("Matti Virtanen", "person:matti-virtanen"),
                       Term("Matti", "person:matti-virtanen", given_name=True)])
    found = matcher.find("Matti Vanhasen selvitys. Matti kertoi, Matin mukaan, Matti Virtaselle. Matti, Liisa.")
    assert [m.surface for m in found] == ["Matti", "Matin", "Matti Virtaselle", "Matti"]
    assert [m.surface for m in MATCHER.find("Petri Nygård kertoi.")] == ["Petri"]  # no given_name: linked


def test_given_name_before_a_place_is_the_person() -> None:
    """"Matti Fortumilta", "Matti Nordealta": the word after is where Matti is from, a known name
    or a word in a case of place, which a surname after a first name is not in."""
    matcher = Matcher([Term("Matti Virtanen", "person:matti-virtanen"),
                       Term("Matti", "person:matti-virtanen", given_name=True), Term("Fortum", "company:fortum")])
    found = matcher.find("Paikalla olivat Matti Fortumin ja Matti Nordealta, mutta ei Matti Vanhanen.")
    assert [(m.surface, m.key) for m in found] == [
        ("Matti", "person:matti-virtanen"), ("Fortumin", "company:fortum"), ("Matti", "person:matti-virtanen")]


def test_a_common_word_name_of_several_words_needs_its_capitals() -> None:
    """An organisation "Uusi Suunta" (common_word) is the phrase "Uusi suunta" at a sentence start."""
    matcher = Matcher([Term("Uusi Suunta", "company:uusi-suunta", common_word=True)])
    assert [m.surface for m in matcher.find("Uusi suunta on tarpeen. Uusi Suunta esitteli.")] == ["Uusi Suunta"]


def test_longest_match_wins() -> None:
    assert keys("Tapasimme Petri Laitisen ja Sanoma WSOY:n.") == [
        ("Petri Laitisen", "person:petri-laitinen"),
        ("Sanoma WSOY:n", "company:sanoma-wsoy"),
    ]
    assert keys("Sanoman väki ja Petri.") == [
        ("Sanoman", "company:sanoma"),
        ("Petri", "person:petri-laitinen"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Konepaja teki työn.",
        "Asia meni valiokuntaan, Valiokunta päätti.",
        "Yleinen mielipide ja Yleensä näin.",
        "Sanomalehti kirjoitti.",
        "Yleisö taputti.",
        "Keski-Sanoma ja Pohjois-Metropolia.",
        "petri@metropolia.fi",
        "@petri-laitinen",
        "www.Valio.fi",
        "Valio_data ja data_Valio",
        "Metropolit ja Metropolin.",
    ],
)
def test_look_alikes_and_glued_names_are_not_matched(text: str) -> None:
    assert surfaces(text) == []


def test_hyphen_after_a_name_is_a_compound_about_it() -> None:
    assert keys("Sanoma-konsernin ja PROksi-palvelun edustajat") == [
        ("Sanoma", "company:sanoma"),
        ("PROksi", "offering:proksi"),
    ]
    assert keys("Aalto-yliopiston väki") == [("Aalto-yliopiston", "company:aalto-yliopisto")]


def test_match_offsets_and_term() -> None:
    text = "Sovimme Laitisen kanssa."
    (match,) = MATCHER.find(text)
    assert match == Match(8, 16, "person:petri-laitinen", "Laitinen", "Laitisen")
    assert text[match.start : match.end] == match.surface


def test_names_split_over_a_line_break() -> None:
    assert surfaces("Tapasimme Petri\nLaitisen.") == ["Petri\nLaitisen"]


def test_decomposed_text_still_matches() -> None:
    matcher = Matcher([Term("Wärtsilä", "company:wartsila")])
    text = "Soitimme Wa\u0308rtsila\u0308lle."
    assert [m.surface for m in matcher.find(text)] == ["Wa\u0308rtsila\u0308lle"]


def test_first_term_wins_a_tie_and_empty_terms_are_ignored() -> None:
    matcher = Matcher([Term("Kesko", "a"), Term("Kesko", "b"), Term("  ", "c"), Term("!", "d")])
    assert [m.key for m in matcher.find("Kesko ja Keskon")] == ["a", "a"]


_NAMES = [Term("Sakke Oksa", "person:sakke"), Term("SÄKÄ", "company:saka"), Term("Oksa", "company:oksa"),
          Term("Äsa", "company:asa", common_word=True), Term("Яндекс", "company:yandex"),
          Term("Ωmega", "company:omega"), Term("3M", "company:3m")]
_LOWER_CASE_NAMES = [Term("Puhelin", "x:puhelin", match_lowercase=True), Term("eBay", "company:ebay"),
                     Term("Ämmä", "x:amma", match_lowercase=True)]
_PIECES = ["Sakke", "Oksa", "Oksan", "SÄKÄ", "Säkä", "Äsa", "Äsan", "oksa", "A\u0308sa", "\u0308Oksa",
           "Яндекс", "яндекс", "Яндексин", "Ωmegan", "ωmega", "3M", "3M:n", "3m",
           "puhelin", "Puhelimen", "puhelimeen", "eBay", "eBayn", "ebay", "EBAY:n", "ämmä", "a\u0308mmän", "pu",
           " ", " ", "\n", ".", ":", "'", "-", "x", "Ok", "TKK:Oksa", "@"]


def cut_every_word(matcher: Matcher, text: str) -> list[Match]:
    """The plain way to find mentions, which `Matcher.find` must agree with: every word cut and
    tried in turn, leftmost-longest."""
    tokens = [m.span() for m in TOKEN_RE.finditer(text)]
    words = _Words(_Folded(text), tokens)
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        best = matcher._best_at(text, tokens, words, i)
        if best is None:
            i += 1
            continue
        last, candidate, others = best
        start, end = tokens[i][0], tokens[last][1]
        found.append(Match(start, end, candidate.term.key, candidate.term.text, text[start:end], others))
        i = last + 1
    return found


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.booleans())
@settings(max_examples=int(os.environ.get("MUISTIO_EXAMPLES", "300")), deadline=None)
def test_names_are_found_as_if_every_word_were_cut(text: str, lower_case: bool) -> None:
    """The matcher jumps from one word that may start a name to the next instead of cutting every
    word: a word that does not start in lower case, or (with names that may be written in lower
    case: `match_lowercase`, "eBay") one that starts with such a name's first letter. Whatever the
    text (combining marks, words joined by ":" or "'", hyphens, handles), it must find what
    cutting every word finds."""
    matcher = Matcher([*_NAMES, *_LOWER_CASE_NAMES] if lower_case else _NAMES)
    assert matcher.find(text) == cut_every_word(matcher, text)
