"""The sentence shown next to a mention on an entity page."""

from __future__ import annotations

from muistio.linking.sentences import MAX_SENTENCE, Markup, plain_text, sentence_around


def around(text: str, word: str) -> str:
    start = text.index(word)
    sentence, s, e = sentence_around(text, start, start + len(word))
    assert sentence[s:e] == word
    return sentence


def test_sentence_boundaries() -> None:
    text = "Vastannut mm. TKK:n varainhankinnasta. Pohdittiin esim. Valion roolia! Ja sitten?"
    assert around(text, "TKK:n") == "Vastannut mm. TKK:n varainhankinnasta."
    assert around(text, "Valion") == "Pohdittiin esim. Valion roolia!"


def test_colon_at_line_end_and_date_do_not_glue_sentences() -> None:
    text = "Keskusteltiin kontaktoinnista:\nTyönantajat eivät osaa ostaa. Muistio 16.5.2012 Valio"
    assert around(text, "Työnantajat") == "Työnantajat eivät osaa ostaa."
    assert around(text, "Valio") == "Muistio 16.5.2012 Valio"


def test_whitespace_folded() -> None:
    assert around("Tapasimme   Petri\n  Laitisen\teilen.", "Laitisen") == ("Tapasimme Petri Laitisen eilen.")


def test_long_sentence_is_trimmed_around_the_mention() -> None:
    text = " ".join(["sana"] * 200) + " Valio " + " ".join(["sana"] * 200)
    sentence = around(text, "Valio")
    assert len(sentence) <= MAX_SENTENCE + 10
    assert sentence.startswith("… ") and sentence.endswith(" …")


def test_markdown_is_stripped() -> None:
    block = "**Aluksi** [henke](x.md) ja `koodi` &amp; _Valio_ sekä snake_case"
    markup = [
        Markup(11, 24, 12, 17),  # [henke](x.md)
        Markup(28, 35, 29, 34),  # `koodi`
        Markup(36, 41, replacement="&"),
    ]
    text, index = plain_text(block, markup)
    assert text == "Aluksi henke ja koodi & Valio sekä snake_case"
    assert block[index[text.index("Valio")]] == "V"


def test_a_paragraph_without_sentence_ends_gives_a_short_window_around_each_mention() -> None:
    """A pasted list of thousands of lines is one 'sentence'; each mention shows only its surroundings."""
    text = "\n".join(["Metropoliassa oli kokous"] * 3000)
    start = text.index("Metropoliassa", len(text) // 2)
    sentence, s, e = sentence_around(text, start, start + len("Metropoliassa"))
    assert len(sentence) <= MAX_SENTENCE + 4
    assert sentence.startswith("… ") and sentence.endswith(" …")
    assert sentence[s:e] == "Metropoliassa"
