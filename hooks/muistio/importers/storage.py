"""Confluence storage format (the XML export's page bodies) → export-shaped HTML.

Converting storage into the same shapes the HTML export uses (`li[data-inline-task-id]`,
`a.user-mention`, `pre` with a language) lets one Markdown converter serve both exports.
Parsed with BeautifulSoup's `html.parser`: its XML mode drops entities such as `&auml;` and
`&nbsp;`, which storage bodies are full of, and would silently corrupt Finnish text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bs4 import BeautifulSoup, Tag

from .model import Message, RemovedLine

Drop = Callable[[Tag, str, str], None]
_QUOTED = {"info", "note", "warning", "tip", "panel"}
_CODE = {"code", "noformat"}
_UNWRAP = [
    "ac:layout",
    "ac:layout-section",
    "ac:layout-cell",
    "ac:inline-comment-marker",
    "ac:rich-text-body",
    "ac:task-body",
    "ac:link-body",
    "ac:plain-text-link-body",
]


def storage_to_html(
    storage: str, users: Mapping[str, str], shown: str, first_line: int = 1
) -> tuple[BeautifulSoup, list[RemovedLine], list[Message]]:
    """The body as HTML; what was dropped (with lines in `shown`) and notes for the report.

    `users` maps a user key or user name to the person's display name; `first_line` is the
    line of `shown` on which the body starts, so removed lines point into the real file.
    """
    soup = BeautifulSoup(storage, "html.parser")
    for tag in soup.find_all(True):
        if tag.sourceline:
            tag.sourceline += first_line - 1
    removed: list[RemovedLine] = []
    notes: list[Message] = []

    def drop(tag: Tag, reason: str, text: str = "") -> None:
        removed.append(RemovedLine(shown, tag.sourceline or first_line, text or str(tag)[:200], reason))
        tag.decompose()

    _tasks(soup)
    for link in soup.find_all("ac:link"):
        _link(soup, link, users, notes)
    for image in soup.find_all("ac:image"):
        _image(soup, image, notes)
    while (macro := soup.find(["ac:structured-macro", "ac:macro"])) is not None:
        _macro(soup, macro, drop, notes)
    for placeholder in soup.find_all("ac:placeholder"):
        drop(placeholder, "editor placeholder (not shown on the page)", placeholder.get_text(" ", strip=True))
    for emoticon in soup.find_all("ac:emoticon"):
        drop(emoticon, "emoticon", f"({emoticon.get('ac:name', '?')})")
    for name in _UNWRAP:
        for tag in soup.find_all(name):
            tag.unwrap()
    for tag in soup.find_all(lambda t: ":" in t.name):
        where = {"path": shown, "line": tag.sourceline or 0}
        notes.append(Message("import_note_unknown_element", {**where, "tag": tag.name}))
        tag.unwrap()
    return soup, removed, notes


def _tasks(soup: BeautifulSoup) -> None:
    for task_list in soup.find_all("ac:task-list"):
        task_list.name = "ul"
        task_list["class"] = "inline-task-list"
    for task in soup.find_all("ac:task"):
        task_id = task.find("ac:task-id")
        status = task.find("ac:task-status")
        task.name = "li"
        task["data-inline-task-id"] = task_id.get_text(strip=True) if task_id else "0"
        if status is not None and status.get_text(strip=True) == "complete":
            task["class"] = "checked"
        for meta in (task_id, status):
            if meta is not None:
                meta.decompose()


def _link(soup: BeautifulSoup, link: Tag, users: Mapping[str, str], notes: list[Message]) -> None:
    user = link.find("ri:user")
    if user is not None:
        key = str(user.get("ri:userkey") or user.get("ri:username") or "")
        mention = soup.new_tag("a", attrs={"class": "user-mention", "data-username": key})
        mention.string = users.get(key, key)
        mention.sourceline = link.sourceline
        link.replace_with(mention)
        return
    body = link.find(["ac:link-body", "ac:plain-text-link-body"])
    target = link.find(["ri:page", "ri:attachment", "ri:blog-post", "ri:space"])
    label = ""
    if target is not None:
        label = str(target.get("ri:content-title") or target.get("ri:filename") or target.get("ri:space-key") or "")
        kind = target.name[3:].replace("-", "_")  # page, attachment, blog_post, space
        notes.append(Message(f"import_note_link_{kind}", {"label": label}))
        target.decompose()
    if body is None or not body.get_text(strip=True):
        link.replace_with(label)
    else:
        link.unwrap()


def _image(soup: BeautifulSoup, image: Tag, notes: list[Message]) -> None:
    url = image.find("ri:url")
    attachment = image.find("ri:attachment")
    src = (
        str(url.get("ri:value"))
        if url is not None
        else (str(attachment.get("ri:filename")) if attachment is not None else "")
    )
    img = soup.new_tag("img", attrs={"src": src, "alt": str(image.get("ac:alt") or "")})
    if attachment is not None:
        notes.append(Message("import_note_image_attachment", {"src": src}))
    image.replace_with(img)


def _macro(soup: BeautifulSoup, macro: Tag, drop: Drop, notes: list[Message]) -> None:
    name = str(macro.get("ac:name") or "")
    if name in _CODE:
        language = macro.find("ac:parameter", attrs={"ac:name": "language"})
        body = macro.find("ac:plain-text-body")
        pre = soup.new_tag("pre")
        if language is not None:
            pre["data-language"] = language.get_text(strip=True)
        pre.string = body.get_text() if body is not None else ""
        macro.replace_with(pre)
        return
    for parameter in macro.find_all("ac:parameter", recursive=False):
        parameter.decompose()
    rich = macro.find(["ac:rich-text-body", "ac:plain-text-body"])
    if rich is None or not rich.get_text(strip=True):
        drop(macro, "macro without content", f"macro {name!r}")
        return
    if name in _QUOTED:
        macro.name = "blockquote"
        macro.attrs = {}
    else:
        notes.append(Message("import_note_macro_kept", {"name": name}))
        macro.name = "div"
        macro.attrs = {}
