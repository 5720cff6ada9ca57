"""A Confluence task that says only who and when ("@Petri Laitinen 16.5.2012"), from each input
that can hold a task (a text copy has no task markup: its line is kept as written).

`kb check` refuses a follow-up with nothing to do, so such a task is imported as a line of text
that keeps the name and the date, and the report says where it is and what to write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from muistio.cli import main
from sitebuild import repository_organisations

MEMO = "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md"
MENTION = '<a class="confluence-userlink user-mention" data-username="plaitinen">Petri Laitinen</a>'
DUE = '<time datetime="2012-06-15">15 Jun 2012</time>'
HTML_PAGE = f"""<html><head><title>Reititin : Tapaaminen</title></head><body>
<h1><span id="title-text">Tapaaminen Petri Laitisen kanssa</span></h1>
<div id="main-content">
<p>Muistio 16.5.2012</p>
<ul class="inline-task-list">
<li data-inline-task-id="1"><span>{MENTION} <time datetime="2012-05-16">16 May 2012</time></span></li>
<li data-inline-task-id="2"><span>{MENTION} tarkastelee PROksia {DUE}</span></li>
</ul>
</div></body></html>
"""
PETRI = '<ac:link><ri:user ri:userkey="k-petri" /></ac:link>'


def _task(number: int, status: str) -> str:
    return f"<ac:task><ac:task-id>{number}</ac:task-id><ac:task-status>{status}</ac:task-status><ac:task-body>"


ENTITIES = f"""<?xml version="1.0" encoding="UTF-8"?>
<hibernate-generic datetime="2012-10-20 12:00:00">
<object class="ConfluenceUserImpl" package="com.atlassian.confluence.user">
<id name="key"><![CDATA[k-petri]]></id>
<property name="name"><![CDATA[plaitinen]]></property>
</object>
<object class="InternalUser" package="com.atlassian.crowd.model.user">
<id name="id">1</id>
<property name="name"><![CDATA[plaitinen]]></property>
<property name="displayName"><![CDATA[Petri Laitinen]]></property>
</object>
<object class="Page" package="com.atlassian.confluence.pages">
<id name="id">65545</id>
<property name="title"><![CDATA[Tapaaminen Petri Laitisen kanssa]]></property>
<property name="contentStatus"><![CDATA[current]]></property>
</object>
<object class="BodyContent" package="com.atlassian.confluence.core">
<id name="id">65547</id>
<property name="body"><![CDATA[<p>Muistio 16.5.2012</p>
<ac:task-list>
{_task(1, "complete")}{PETRI}&nbsp;</ac:task-body></ac:task>
{_task(2, "incomplete")}<time datetime="2012-05-16" /><ac:task-list>
{_task(3, "incomplete")}{PETRI} soittaa Rondoon</ac:task-body></ac:task>
</ac:task-list></ac:task-body></ac:task>
</ac:task-list>]]></property>
<property name="content" class="Page" package="com.atlassian.confluence.pages"><id name="id">65545</id>
</property>
<property name="bodyType">2</property>
</object>
</hibernate-generic>
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The repository's organisations (Petri Laitinen is a contact of Metropolia) and config."""
    return repository_organisations(tmp_path / "kb")


def _in_english(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\n  language: fi\n", "\n  language: en\n"),
                      encoding="utf-8")


def _import(site: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], list[str]]:
    """`kb import` then `kb check`, as the person who imports runs them: the memo's lines and the report's."""
    assert main(["--root", str(site), "import", str(path)]) == 0
    report = capsys.readouterr().out.splitlines()
    assert main(["--root", str(site), "check"]) == 0, capsys.readouterr().err
    return (site / MEMO).read_text(encoding="utf-8").splitlines(), report


def _line_of(lines: list[str], text: str) -> int:
    return lines.index(text) + 1


REPORT = {
    "fi": "- Tehtävä ilman kuvausta: `{where}` (lähde `{source}`): tehtävässä ei sanottu, mitä tehdään, joten "
          "se kirjoitettiin tekstiksi eikä toimenpiteeksi. Kirjoita, mitä tehdään, ja tee siitä toimenpide: "
          "`{follow_up}`; tai poista rivi",
    "en": "- Task without a description: `{where}` (from `{source}`): the task did not say what is to be done, "
          "so it is written as text, not as a follow-up. Write what is to be done and make it one: `{follow_up}`; "
          "or delete the line",
}
WHAT = {"fi": "<mitä tehdään>", "en": "<what is to be done>"}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_html_export_task_of_a_mention_and_a_date_is_text_and_reported(
    site: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if lang == "en":
        _in_english(site)
    page = tmp_path / "Tapaaminen_65538.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    memo, report = _import(site, page, capsys)
    text = "- Tehtävä ilman kuvausta: Petri Laitinen, määräaika 16.5.2012"  # the memo is Finnish on any site
    assert text in memo
    assert "- [ ] @petri-laitinen tarkastelee PROksia (due 2012-06-15)" in memo  # words to do: a follow-up
    follow_up = f"- [ ] @petri-laitinen {WHAT[lang]} (due 2012-05-16)"
    where = f"{MEMO}:{_line_of(memo, text)}"
    assert REPORT[lang].format(where=where, source=f"{page}:6", follow_up=follow_up) in report
    tasks = {"fi": "- Toimenpiteet: 1 (vastuuhenkilö nimetty: 1, määräaika annettu: 1)",
             "en": "- Action items: 1 (1 with an owner, 1 with a due date)"}
    assert tasks[lang] in report  # the line of text is no action item


def test_xml_export_task_of_a_mention_alone_or_a_date_alone_is_text_and_reported(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "entities.xml").write_text(ENTITIES, encoding="utf-8")
    memo, report = _import(site, export, capsys)
    done = "- Tehtävä ilman kuvausta (tehty): Petri Laitinen"  # ticked on the page: the tick is kept
    dated = "- Tehtävä ilman kuvausta: määräaika 16.5.2012"
    assert done in memo
    assert memo[_line_of(memo, dated):][:1] == ["  - [ ] @petri-laitinen soittaa Rondoon"]  # its sub-task stays
    body_line = next(n for n, line in enumerate(ENTITIES.splitlines(), 1) if ">complete<" in line)
    for text, source, follow_up in (
        (done, body_line, "- [x] @petri-laitinen <mitä tehdään>"),
        (dated, body_line + 1, "- [ ] <mitä tehdään> (due 2012-05-16)"),
    ):
        where = f"{MEMO}:{_line_of(memo, text)}"
        source_at = f"{export}/entities.xml:{source}"
        assert REPORT["fi"].format(where=where, source=source_at, follow_up=follow_up) in report


def test_a_tasks_due_date_stays_on_its_own_line_above_its_sub_tasks(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A due date was written after everything nested under the task, on its last sub-task's
    line, where it became that sub-task's date."""
    nested = ENTITIES.replace(
        '<time datetime="2012-05-16" /><ac:task-list>',
        f'{PETRI} valmistelee sopimuksen <time datetime="2012-05-16" /><ac:task-list>')
    export = tmp_path / "export"
    export.mkdir()
    (export / "entities.xml").write_text(nested, encoding="utf-8")
    memo, _ = _import(site, export, capsys)
    task = "- [ ] @petri-laitinen valmistelee sopimuksen (due 2012-05-16)"
    assert memo[_line_of(memo, task):][:1] == ["  - [ ] @petri-laitinen soittaa Rondoon"]
