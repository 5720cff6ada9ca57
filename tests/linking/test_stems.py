"""Stem rules: the inflected forms a reader writes must start with one of the name's stems."""

from __future__ import annotations

import pytest

from muistio.linking import stems
from muistio.linking.endings import forms_after_abbreviation, forms_after_vowel


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Laitinen", {"laitise", "laitis"}),  # Laitisen, Laitista
        ("Tilastokeskus", {"tilastokeskukse", "tilastokeskus"}),
        ("Kauppa", {"kaupa", "kauppa"}),  # Kaupan, Kauppaa
        ("Reititin", {"reitittime"}),  # Reitittimen
        ("Puhelin", {"puhelime"}),
        ("Turku", {"turu"}),  # Turun (rk -> r)
        ("Lappeenranta", {"lappeenranna"}),  # nt -> nn
        ("Hanko", {"hango"}),  # nk -> ng
        ("Kangas", {"kankaa"}),  # -as with inverse gradation
        ("Kone", {"konee", "konet"}),  # Koneen, Konetta
        ("Microsoft", {"microsofti"}),  # Microsoftin
        ("Helsingin Sanomat", {"helsingin sanomi"}),  # Helsingin Sanomien, Sanomissa
        ("Petri Laitinen", {"petri laitise"}),  # only the last word inflects
        ("Aalto-yliopisto", {"aalto-yliopisto"}),
    ],
)
def test_stems_include(name: str, expected: set[str]) -> None:
    assert expected <= stems(name)


def test_i_final_names_take_endings_directly() -> None:
    # An e-stem would make Kari match "Karen" and Tapani match "Tapanen".
    assert stems("Petri") == {"petri"}
    assert stems("PROksi") == {"proksi"}


def test_i_final_surname_after_a_first_name_takes_the_e_stem() -> None:
    # Lahti -> Lahden, Lahtea; Mäki -> Mäen, Mäkeä; Koski -> Kosken: only after a first name,
    # which keeps "Lahden kaupunki" and "Kari" -> "Karen" out.
    assert {"jukka lahde", "jukka lahte"} <= stems("Jukka Lahti")
    assert {"liisa mäe", "liisa mäke"} <= stems("Liisa Mäki")
    assert "sanna koske" in stems("Sanna Koski")
    assert not {"lahde", "lahte"} & stems("Lahti")
    assert not any(stem.endswith("e") for stem in stems("Suomen OYJ"))


def test_abbreviation_takes_endings_only_after_colon() -> None:
    forms = forms_after_abbreviation()
    assert {"", ":n", ":ssa", ":lle", ":hon", ":hen", ":kin"} <= forms
    assert "n" not in forms and "ssa" not in forms


def test_vowel_stem_needs_an_ending_and_takes_its_own_illative() -> None:
    forms = forms_after_vowel("o")
    assert {"n", "ssa", "on", "lle", "ssaan", "nkin", "ssahan"} <= forms
    assert "" not in forms  # "Laitise" alone is not a word
    assert "nsä" not in forms  # "Ylee" + "nsä" would be "Yleensä" (usually)
