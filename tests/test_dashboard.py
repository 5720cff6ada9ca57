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
    assert "Tehtävä 1</td>" not in section(markdown, "Avoimet toimenpiteet")
    assert "Tehtävä 2</td>" in section(markdown, "Avoimet toimenpiteet")
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
