"""Chrome patterns are whole lines, configurable per site."""

from __future__ import annotations

import json
from pathlib import Path

from muistio.importers import StaticDirectory, import_paths, render_report
from muistio.importers.chrome import ChromeProfile

PAGE_VIEW = """Skip to content
Reititin
Kokous Rondon kanssa
Skip to end of metadata
Created by Matti Meikäläinen, last modified by Liisa Lehtonen on May 16, 2012
Go to start of metadata
Sovittiin, että No labels -kampanja jatkuu.
Error rendering macro 'jira' : null
Unable to render {include} The included page could not be found.

  • kontaktointi
  • rondo
Powered by Atlassian Confluence 5.4.4, Team Collaboration Software
"""


def test_full_page_view_copy(tmp_path: Path, kb: Path, directory: StaticDirectory):
    copy = tmp_path / "view.txt"
    copy.write_text(PAGE_VIEW, encoding="utf-8")
    run = import_paths([copy], directory, kb)
    result = run.pages[0]
    assert result.memo is not None and result.outcome is not None
    memo = (kb / str(result.outcome.path)).read_text(encoding="utf-8")
    assert memo.endswith("---\n\nSovittiin, että No labels -kampanja jatkuu.\n")
    assert "title: Kokous Rondon kanssa\n" in memo
    assert "date: 2012-05-16\n" in memo  # from the byline
    assert "tags: [kontaktointi, rondo]\n" in memo
    assert "authors: [matti-meikalainen]\n" in memo
    removed = [(item.line, item.reason) for item in result.page.removed]
    assert removed == [
        (1, "header"),
        (2, "header above the title"),
        (3, "the page title (moved to front matter)"),
        (4, "byline"),
        (5, "byline"),
        (6, "byline"),
        (8, "macro error"),
        (9, "macro error"),
        (11, "labels"),
        (12, "labels"),
        (13, "footer"),
    ]
    report = render_report(run)
    assert "view.txt:11: • kontaktointi (labels)" in report
    assert "Unknown person: Liisa Lehtonen (byline)" in report


def test_a_site_profile_from_json(tmp_path: Path, kb: Path, directory: StaticDirectory):
    profile_file = tmp_path / "oma-sivusto.json"
    profile_file.write_text(
        json.dumps(
            {
                "lines": [["comments", "Kommentoi tätä sivua"]],
                "bylines": ["Tekijä (?P<creator>.+?), muokattu (?P<date>.+)"],
                "dates": ["(?P<year>\\d{4})/(?P<month>\\d{2})/(?P<day>\\d{2})"],
            }
        ),
        encoding="utf-8",
    )
    profile = ChromeProfile.from_json(profile_file)
    copy = tmp_path / "fi.txt"
    copy.write_text(
        "Kokous\nTekijä Matti Meikäläinen, muokattu 2013/04/05\nTeksti.\nKommentoi tätä sivua\n", encoding="utf-8"
    )
    run = import_paths([copy], directory, kb, chrome=profile)
    assert run.pages[0].memo is not None
    assert run.pages[0].memo.date.isoformat() == "2013-04-05"
    assert run.pages[0].memo.body == "Teksti.\n"
