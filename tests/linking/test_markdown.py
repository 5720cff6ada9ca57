"""link_markdown: what a memo reader sees (the linked Markdown) and what entity pages get
(the mentions)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muistio.linking import LinkedMarkdown, Matcher, Term, UnknownWikilink, link_markdown

MATCHER = Matcher(
    [
        Term("Petri Laitinen", "person:petri-laitinen"),
        Term("Petri", "person:petri-laitinen"),
        Term("Metropolia", "company:metropolia"),
        Term("Sanoma WSOY", "company:sanoma-wsoy"),
        Term("Kone", "company:kone", common_word=True),
        Term("Valio", "company:valio"),
        Term("Nokia", "company:nokia"),
        Term("PROksi", "offering:proksi"),
        Term("Yle", "company:yle"),
        Term("Draft", "company:draft"),
    ]
)
WIKI = {"sanoma wsoy": "company:sanoma-wsoy", "sanoma-wsoy": "company:sanoma-wsoy", "draft": "company:draft"}


def href(key: str) -> str | None:
    return None if key == "company:draft" else f"../{key.replace(':', 's/')}.md"


def resolve(target: str) -> str | None:
    return WIKI.get(target.lower())


def link(source: str) -> LinkedMarkdown:
    return link_markdown(source, MATCHER, href, resolve)


def test_first_plain_mention_is_linked_and_all_are_reported() -> None:
    result = link("Metropolian kanssa sovittiin.\n\nMetropoliassa on tilaa ja Metropolia kasvaa.\n")
    assert result.text == (
        "[Metropolian](../companys/metropolia.md) kanssa sovittiin.\n\nMetropoliassa on tilaa ja Metropolia kasvaa.\n"
    )
    assert [(m.surface, m.line, m.linked) for m in result.mentions] == [
        ("Metropolian", 1, True),
        ("Metropoliassa", 3, False),
        ("Metropolia", 3, False),
    ]


def test_mention_offsets_and_sentence() -> None:
    source = "# Muistio\n\nAluksi **esiteltiin** [henke](x.md) ja PROksi. Sitten kahvia.\n"
    result = link(source)
    (mention,) = result.mentions
    assert source[mention.start : mention.end] == "PROksi"
    assert mention.sentence == "Aluksi esiteltiin henke ja PROksi."
    assert mention.sentence[mention.sentence_start : mention.sentence_end] == "PROksi"
    assert (mention.key, mention.line, mention.linked, mention.explicit) == (
        "offering:proksi",
        3,
        True,
        False,
    )


@pytest.mark.parametrize(
    "source",
    [
        "```\nValio koodissa\n```\n",
        "    Valio sisennetyssä koodissa\n",
        "Katso `Valio` tästä.\n",
        "Katso [Valio](https://valio.fi) tästä.\n",
        "Katso [Valion sivut][v] tästä.\n\n[v]: https://valio.fi\n",
        "Katso ![Valio](valio.png) tästä.\n",
        "# Valio\n",
        "Valion sivut\n=====\n",
        "Katso https://example.com/Valio ja <https://Valio.fi> tästä.\n",
        "Kirjoita osoitteeseen Info@Valio.fi heti.\n",
        "<div>\nValio HTML-lohkossa\n</div>\n",
        'Katso <a href="x">Valio</a> ja <span title="Valio">x</span>.\n',
        "[Valio]: https://valio.fi\n",
        "---\ntitle: Valio\n---\n",
        "- [ ] @valio Tarkista\n",
    ],
)
def test_never_linked_inside_code_links_headings_urls_html(source: str) -> None:
    result = link(source)
    assert result.text == source
    assert result.mentions == []


def test_names_ending_in_a_digit_or_a_domain_link_when_inflected_but_not_in_urls() -> None:
    matcher = Matcher([Term("St1", "company:st1"), Term("Verkkokauppa.com", "company:verkkokauppa-com")])
    source = ("Katso [Verkkokauppa.com](https://www.verkkokauppa.com) ja https://www.verkkokauppa.com/St1:n.\n\n"
              "St1:n asema avattiin, ja Verkkokauppa.com:lle lähti tarjous.\n")
    result = link_markdown(source, matcher, href, resolve)
    assert result.text == (
        "Katso [Verkkokauppa.com](https://www.verkkokauppa.com) ja https://www.verkkokauppa.com/St1:n.\n\n"
        "[St1:n](../companys/st1.md) asema avattiin, ja "
        "[Verkkokauppa.com:lle](../companys/verkkokauppa-com.md) lähti tarjous.\n"
    )


def test_task_list_item_links_but_keeps_the_assignee() -> None:
    result = link("- [ ] @petri-laitinen Tarkastelee PROksia (due 2012-06-15)\n")
    assert result.text == ("- [ ] @petri-laitinen Tarkastelee [PROksia](../offerings/proksi.md) (due 2012-06-15)\n")
    assert [m.key for m in result.mentions] == ["offering:proksi"]
    assert result.mentions[0].sentence == "Tarkastelee PROksia (due 2012-06-15)"


def test_list_items_tables_and_blockquotes_are_linked() -> None:
    source = "- Valio soitti\n> Nokian mukaan\n\n| Yritys | Huom |\n|---|---|\n| Yle | Metropolian kanssa |\n"
    result = link(source)
    assert result.text == (
        "- [Valio](../companys/valio.md) soitti\n"
        "> [Nokian](../companys/nokia.md) mukaan\n\n"
        "| Yritys | Huom |\n|---|---|\n"
        "| [Yle](../companys/yle.md) | [Metropolian](../companys/metropolia.md) kanssa |\n"
    )


def test_common_word_at_start_of_list_item_or_cell_is_not_a_mention() -> None:
    result = link("- Kone toimitti\n\n| Kone | x |\n|---|---|\n| Kone | y |\n\nTapasimme Koneen.\n")
    assert [(m.surface, m.line) for m in result.mentions] == [("Koneen", 7)]


def test_wikilinks_are_always_linked_and_replaced() -> None:
    source = "Sanoma WSOY soitti. [[Sanoma WSOY]]:n ja [[sanoma-wsoy|Sanoman]] kanssa.\n"
    result = link(source)
    target = "../companys/sanoma-wsoy.md"
    assert result.text == (
        f"[Sanoma WSOY]({target}) soitti. [Sanoma WSOY]({target}):n ja [Sanoman]({target}) kanssa.\n"
    )
    assert [(m.surface, m.linked, m.explicit) for m in result.mentions] == [
        ("Sanoma WSOY", True, False),
        ("Sanoma WSOY", True, True),
        ("Sanoman", True, True),
    ]
    assert result.mentions[2].sentence == "Sanoma WSOY:n ja Sanoman kanssa."


def test_earlier_wikilink_means_plain_mentions_stay_plain() -> None:
    result = link("[[Sanoma WSOY]] ja Sanoma WSOY:n väki.\n")
    assert result.text == "[Sanoma WSOY](../companys/sanoma-wsoy.md) ja Sanoma WSOY:n väki.\n"


def test_unknown_wikilink_is_left_as_written_and_reported() -> None:
    result = link("Tapasimme\n[[Tuntematon Oy|Tuntemattoman]] väkeä.\n")
    assert result.text == "Tapasimme\n[[Tuntematon Oy|Tuntemattoman]] väkeä.\n"
    assert result.unknown_wikilinks == [UnknownWikilink(2, "Tuntematon Oy", "[[Tuntematon Oy|Tuntemattoman]]")]
    assert result.mentions == []


def test_labelled_wikilink_in_a_table_stays_in_its_cell() -> None:
    source = ("| Organisaatio | Huom |\n|---|---|\n"
              "| [[sanoma-wsoy|Sanomalla]] | Metropolia, [[sanoma-wsoy\\|WSOY]] |\n")
    result = link(source)
    assert result.text == ("| Organisaatio | Huom |\n|---|---|\n"
                           "| [Sanomalla](../companys/sanoma-wsoy.md) | [Metropolia](../companys/metropolia.md), "
                           "[WSOY](../companys/sanoma-wsoy.md) |\n")
    assert [(m.surface, m.sentence) for m in result.mentions] == [
        ("Sanomalla", "Sanomalla"), ("Metropolia", "Metropolia, WSOY"), ("WSOY", "Metropolia, WSOY"),
    ]
    assert result.unknown_wikilinks == []


def test_wikilink_label_keeps_its_markdown() -> None:
    result = link("Tapasimme [[sanoma-wsoy|Sanoma\\*WSOY:n]] ja [[sanoma-wsoy|`SWS`]] väen.\n")
    assert result.text == ("Tapasimme [Sanoma\\*WSOY:n](../companys/sanoma-wsoy.md) ja "
                           "[`SWS`](../companys/sanoma-wsoy.md) väen.\n")
    assert "\ufffc" not in "".join(m.surface for m in result.mentions)


def test_empty_wikilinks_are_reported_and_left_as_written() -> None:
    source = "Tyhjät [[]] ja [[Nokia|]] ja [[|Nokialla]] ja [[ ]].\n"
    result = link(source)
    assert result.text == source
    assert [(u.target, u.raw) for u in result.unknown_wikilinks] == [
        ("", "[[]]"), ("", "[[Nokia|]]"), ("", "[[|Nokialla]]"), ("", "[[ ]]"),
    ]
    assert result.mentions == []


def test_wikilinks_in_headings_are_reported_not_linked() -> None:
    source = "## Jatko [[Sanoma WSOY]] ja [[sanoma-wsoy|Sanoman]] kanssa\n\n```\n# [[koodia]]\n```\n"
    result = link(source)
    assert result.text == source
    assert [(u.line, u.raw) for u in result.in_headings] == [(1, "[[Sanoma WSOY]]"), (1, "[[sanoma-wsoy|Sanoman]]")]


def test_entity_without_page_is_reported_but_not_linked() -> None:
    result = link("Draft soitti, [[Draft]] myös.\n")
    assert result.text == "Draft soitti, Draft myös.\n"
    assert [(m.surface, m.linked, m.explicit) for m in result.mentions] == [
        ("Draft", False, False),
        ("Draft", False, True),
    ]


def test_name_over_a_line_break_in_a_blockquote() -> None:
    result = link("> Tapasimme Petri\n> Laitisen eilen.\n")
    assert result.text == "> Tapasimme [Petri\n> Laitisen](../persons/petri-laitinen.md) eilen.\n"
    (mention,) = result.mentions
    assert mention.surface == "Petri Laitisen"
    assert mention.sentence == "Tapasimme Petri Laitisen eilen."


def test_crlf_line_endings_survive() -> None:
    source = "Alku.\r\n\r\nValion kanssa\r\nja Nokian kanssa.\r\n"
    result = link(source)
    assert result.text == (
        "Alku.\r\n\r\n[Valion](../companys/valio.md) kanssa\r\nja [Nokian](../companys/nokia.md) kanssa.\r\n"
    )
    assert [m.line for m in result.mentions] == [3, 4]


def test_href_with_spaces_is_wrapped() -> None:
    result = link_markdown("Valio soitti.", MATCHER, lambda key: "a b/c (1).md", resolve)
    assert result.text == "[Valio](<a b/c (1).md>) soitti."


# ---- the output equals the input apart from the inserted links -------------------------------

MARK = "\u2603"  # hrefs carry a snowman so inserted links can be told from the writer's own
LINK_RE = re.compile(r"\[((?:[^\[\]])*)\]\(" + MARK + r"[^)]*\)")


def unlink(text: str) -> str:
    return LINK_RE.sub(lambda m: m.group(1), text)


def snow_href(key: str) -> str:
    return MARK + key.replace(":", "-")


SEED = (
    "Tapaaminen projektipäällikkö Petri Laitisen kanssa.\nMuistio 16.5.2012\n\n"
    "Aluksi esiteltiin henke ja PROksi.\n\n- [ ] @petri-laitinen Tarkastelee PROksia\n\n"
    "> Lainaus: Petri\n> Laitisen mukaan **Kone** &amp; Kone `Kone` [Kone](x)\n\n"
    "| Kone | Valio |\n|---|---|\n| a | Nokia |\n"
)


def test_removing_inserted_links_gives_back_the_input() -> None:
    result = link_markdown(SEED, MATCHER, snow_href, lambda t: None)
    assert result.text != SEED
    assert unlink(result.text) == SEED
    assert result.text.count(MARK) == sum(m.linked for m in result.mentions) == 5


PIECES = [
    "Kone",
    "Koneen",
    "Valio",
    "Valion",
    "TKK:n",
    "Petri",
    "Laitisen",
    "PROksia",
    "Sanoma",
    "WSOY:n",
    "Yle",
    "[[Sanoma WSOY]]",
    "[[x|Valio]]",
    "[[",
    "]]",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<a>",
    "</a>",
    "<div>",
    "http://x.fi/",
    "@petri",
    "#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "| ",
    "|---|",
    "**",
    "_",
    "~~",
    "&amp;",
    "\\",
    " ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "---\n",
    ":",
    ". ",
    "ä",
    "a\u0308",
    "\0",
    "-",
    "\u00a0",
]
markdownish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
anything = st.text(alphabet=st.characters(blacklist_characters=MARK), max_size=200)

@settings(max_examples=400, deadline=None)
@given(st.one_of(markdownish, anything))
def test_any_text_round_trips(source: str) -> None:
    result = link_markdown(source, MATCHER, snow_href, lambda t: None)
    assert unlink(result.text) == source
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(source)
        assert mention.sentence[mention.sentence_start : mention.sentence_end] or mention.explicit

@settings(max_examples=200, deadline=None)
@given(st.one_of(markdownish, anything))
def test_any_text_with_wikilinks_does_not_crash(source: str) -> None:
    result = link_markdown(source, MATCHER, href, resolve)
    assert isinstance(result.text, str)
