"""The home page stays a glance at any size: each list shows the rows that matter most and says
where the rest are."""

from __future__ import annotations

import datetime

from kbtrees import METROPOLIA, TreeWriter
from muistio.pipeline import build_site
from muistio.settings import Settings

TODAY = datetime.date(2013, 1, 1)


def memo(day: int, due: str) -> str:
    return (f"---\ntitle: Tapaaminen {day}\ndate: 2012-05-{day:02d}\ncompanies: [metropolia]\n---\n"
            f"- [ ] @petri-laitinen Tehtävä {day} (due {due})\n")


def home(tree: TreeWriter, files: dict[str, str]) -> str:
    root = tree({"companies/metropolia.md": METROPOLIA, **files})
    site = build_site(root, Settings(today=TODAY))
    [page] = [p for p in site.pages if p.src_uri == "index.md"]
    return page.standalone_markdown


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def test_overdue_shows_the_ten_most_recently_due_and_links_to_all(tree: TreeWriter) -> None:
    files = {f"memos/2012/2012-05-{day:02d}-tapaaminen.md": memo(day, f"2012-06-{day:02d}") for day in range(1, 13)}
    overdue = section(home(tree, files), "Myöhässä olevat toimenpiteet")
    shown = [day for day in range(1, 13) if f"Tehtävä {day}</td>" in overdue]
    assert shown == list(range(3, 13))  # 12.6. to 3.6.; the two oldest are on the follow-ups page
    assert overdue.index("Tehtävä 12</td>") < overdue.index("Tehtävä 3</td>")
    assert "Kaikki 12 myöhässä olevaa: [Seuranta](followups.md)" in overdue


def test_open_items_are_the_upcoming_ones_not_the_overdue_again(tree: TreeWriter) -> None:
    files = {"memos/2012/2012-05-01-tapaaminen.md": memo(1, "2012-06-01"),
             "memos/2012/2012-05-02-tapaaminen.md": memo(2, "2013-02-01")}
    markdown = home(tree, files)
    assert "Tehtävä 1</td>" in section(markdown, "Myöhässä olevat toimenpiteet")
    assert "Tehtävä 1</td>" not in section(markdown, "Tulevat toimenpiteet")
    assert "Tehtävä 2</td>" in section(markdown, "Tulevat toimenpiteet")
    assert "(followups.md)" not in section(markdown, "Myöhässä olevat toimenpiteet")  # nothing left out


def test_done_items_are_folded_away_on_the_followups_page(tree: TreeWriter) -> None:
    files = {"memos/2012/2012-05-01-tapaaminen.md": memo(1, "2013-02-01").replace("[ ]", "[x]"),
             "memos/2012/2012-05-02-tapaaminen.md": memo(2, "2013-02-01")}
    root = tree({"companies/metropolia.md": METROPOLIA, **files})
    site = build_site(root, Settings(today=TODAY))
    [page] = [p for p in site.pages if p.src_uri == "followups.md"]
    folded = page.standalone_markdown.split('<details class="note">', 1)[1]
    assert folded.startswith("\n<summary>Tehdyt toimenpiteet (1)</summary>")
    assert "Tehtävä 1</td>" in folded and "Tehtävä 2</td>" not in folded
    assert folded.index("</details>") > folded.index("Tehtävä 1</td>")


def test_when_every_open_item_is_overdue_the_page_says_so_not_that_none_are_open(tree: TreeWriter) -> None:
    """Under a counter of 530 open follow-ups, "Avoimet toimenpiteet: Ei avoimia." read as a
    contradiction: the section lists the ones not yet due."""
    markdown = home(tree, {"memos/2012/2012-05-01-tapaaminen.md": memo(1, "2012-06-01"),
                           "companies/sanoma-wsoy.md": "---\nname: Sanoma WSOY\nstatus: lead\n---\n",
                           "companies/metropolia.md": METROPOLIA.replace("name: Metropolia\n",
                                                                         "name: Metropolia\nstatus: active\n")})
    assert "1** [avoin toimenpide]" in markdown
    assert section(markdown, "Tulevat toimenpiteet").strip() == "Ei tulevia: kaikki avoimet ovat myöhässä."
    assert "Lisäksi" not in markdown  # "Lisäksi 0 organisaatiota ilman seurattavaa tilaa." said nothing


def test_counts_are_written_as_finnish_writes_them() -> None:
    from muistio.pages.markup import plural

    assert plural(1, "muistio", "muistiota") == "1 muistio"
    assert plural(1000, "muistio", "muistiota") == "1\u00a0000 muistiota"


def test_the_meeting_chart_counts_one_memo_in_the_singular(tree: TreeWriter) -> None:
    from muistio.pages.charts import meetings_per_quarter

    [one] = build_site(tree({"memos/2012/2012-05-01-tapaaminen.md": memo(1, "2012-06-01")}),
                       Settings(today=TODAY)).kb.memos
    assert "(1 muistio)" in meetings_per_quarter([one], TODAY)
