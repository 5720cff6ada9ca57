"""A name two people answer to ("Petri", the alias of two contacts) links to the one the memo
means, and to no one when the memo does not say: a wrong link would put the memo on the wrong
person's page, where a reader would take it as fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import METROPOLIA, TreeWriter
from muistio.cli import main
from muistio.crosslink import LinkEntry, link_all
from muistio.directory import KnowledgeBaseDirectory
from muistio.linking.matcher import Matcher, Term
from muistio.pages.markup import text as md
from muistio.pipeline import analyse, check
from muistio.review import Changes, report
from sitebuild import content, links_to, mkdocs_build, page, site_skeleton

ALFA = """---
name: Alfa Oy
contacts:
  - name: Petri Virtanen
    aliases: [Petri]
---
"""
BY_ORGANISATION = "memos/2024/2024-01-10-alfa.md"
BY_ATTENDEE = "memos/2024/2024-01-11-metropolia.md"
UNSAID = "memos/2024/2024-01-12-puhelu.md"
MEMOS = {
    BY_ORGANISATION: "---\ntitle: Alfa\ndate: 2024-01-10\ncompanies: [alfa]\n---\nPetrin kanssa sovittiin jatkosta.\n",
    BY_ATTENDEE: "---\ntitle: Metropolia\ndate: 2024-01-11\nattendees: [petri-laitinen]\n---\n"
                 "Petri lupasi tarjouksen.\n",
    UNSAID: "---\ntitle: Puhelu\ndate: 2024-01-12\n---\nSoitin Petrille.\n",
}
NOTE = (f"{UNSAID}:5: 'Petrille' could mean Petri Laitinen (petri-laitinen), Petri Virtanen (petri-virtanen), "
           "so it is not linked here or later in this memo. Write the full name, add the person to attendees "
           "(or their organisation to companies), or link it yourself, e.g. [[petri-laitinen|Petrille]].")


def _files() -> dict[str, str]:
    return {"companies/metropolia.md": METROPOLIA, "companies/alfa.md": ALFA, **MEMOS}


def test_the_matcher_tells_which_other_entities_the_same_words_name() -> None:
    matcher = Matcher([Term("Petri Laitinen", "person:petri-laitinen"), Term("Petri", "person:petri-laitinen"),
                       Term("Petri", "person:petri-virtanen")])
    [shared] = matcher.find("Soitin Petrille.")
    assert (shared.key, shared.others) == ("person:petri-laitinen", ("person:petri-virtanen",))
    [whole] = matcher.find("Soitin Petri Laitiselle.")
    assert (whole.key, whole.others) == ("person:petri-laitinen", ())


def test_the_site_links_the_person_the_memo_means(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    for relative, text in _files().items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(root, site, strict=False)
    assert result.returncode == 0, result.stderr

    def memo_dir(path: str) -> str:
        return path.removesuffix(".md")

    assert links_to(page(site, BY_ORGANISATION), memo_dir(BY_ORGANISATION), "people/petri-virtanen")
    assert not links_to(page(site, BY_ORGANISATION), memo_dir(BY_ORGANISATION), "people/petri-laitinen")
    assert links_to(page(site, BY_ATTENDEE), memo_dir(BY_ATTENDEE), "people/petri-laitinen")
    assert not links_to(page(site, BY_ATTENDEE), memo_dir(BY_ATTENDEE), "people/petri-virtanen")
    unsaid = content(page(site, UNSAID))
    assert "Soitin Petrille." in unsaid.get_text()
    assert not [a for a in unsaid.select("a") if "people/" in a.get("href", "")]
    assert not unsaid.select(".admonition"), "a note for the writer is no fault in the memo for its readers"

    laitinen = content(page(site, "people/petri-laitinen.md")).get_text()
    virtanen = content(page(site, "people/petri-virtanen.md")).get_text()
    assert "Metropolia" in laitinen and "Alfa" not in laitinen and "Puhelu" not in laitinen
    assert "Alfa" in virtanen and "Puhelu" not in virtanen
    assert "INFO    -  memos/2024/2024-01-12-puhelu.md:5: 'Petrille' voi tarkoittaa näistä ketä tahansa: " \
           "Petri Laitinen (petri-laitinen), Petri Virtanen (petri-virtanen)" in result.stderr
    # A notice, not a warning: a name left unlinked stops no build.
    strict = mkdocs_build(root, tmp_path / "strict")
    assert strict.returncode == 0, strict.stderr


def test_kb_review_notes_where_the_memo_does_not_say(tree: TreeWriter) -> None:
    """`kb review` shows the reviewer of a new memo the name it leaves unlinked, as a note; `kb
    check`, which does not link plain text, stays quiet about it and passes."""
    root = tree(_files())
    changes = Changes(changed=[UNSAID], removed=[])
    site = analyse(root)
    text = report(site.kb, site.problems, site.context.linked, site.context.items, changes, "main", "en")
    assert "No problems in the changed files." in text
    assert f"**Notes**\n\n- line 5 (note): {md(NOTE.partition(':5: ')[2])}" in text
    assert main(["--root", str(root), "check"]) == 0


def test_a_wikilink_to_the_shared_name_is_told_apart_not_called_unknown(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = "---\ntitle: Puhelu\ndate: 2024-01-12\n---\nSoitin [[Petri|Petrille]].\n"
    root = tree({**_files(), UNSAID: memo})
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == (
        f"{UNSAID}:5: '[[Petri|Petrille]]' could mean Petri Laitinen (petri-laitinen), "
        "Petri Virtanen (petri-virtanen), so it is not linked here or later in this memo. "
        "Write the full name, add the person to attendees "
        "(or their organisation to companies), or link it yourself, e.g. [[petri-laitinen|Petrille]].\n"
    )
    attended = memo.replace("date: 2024-01-12\n", "date: 2024-01-12\nattendees: [petri-virtanen]\n")
    assert main(["--root", str(tree({UNSAID: attended})), "check"]) == 0
    assert capsys.readouterr().out == ""


def test_kept_links_follow_a_change_of_the_memos_organisations(tree: TreeWriter) -> None:
    """The link store keeps a memo's links while its text is the same; who "Petri" is also
    depends on its front matter."""
    kept: dict[str, LinkEntry] = {}
    first = link_all(check(tree(_files())).kb, kept)
    assert [m.key for m in first.mentions[BY_ORGANISATION]] == ["person:petri-virtanen"]
    moved = MEMOS[BY_ORGANISATION].replace("companies: [alfa]", "companies: [metropolia]")
    second = link_all(check(tree({BY_ORGANISATION: moved})).kb, kept)
    assert [m.key for m in second.mentions[BY_ORGANISATION]] == ["person:petri-laitinen"]


def test_the_importer_takes_a_shared_name_for_no_one(tree: TreeWriter) -> None:
    directory = KnowledgeBaseDirectory(check(tree(_files())).kb)
    assert directory.person_slug("Petri") is None
    assert directory.person_slug("Petrille") is None
    assert directory.person_slug("Petri Virtanen") == "petri-virtanen"
