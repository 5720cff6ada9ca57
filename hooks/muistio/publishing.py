"""What the public site may show: the knowledge base without anything marked private.

A knowledge base of contacts is personal data, and a static site is read by more people than
write it. The public build profile (`mkdocs.public.yml`) renders from this view instead of the
whole knowledge base, so what is private never reaches a page, the search index, the sitemap,
the calendar or an export: memos and organisations marked `visibility: internal` are left out
(with their contacts and offerings), and contacts' `email` and `phone` are dropped. A public
memo's reference to a left-out contact drops out too: from its attendees here, and from a
follow-up they own in `followups.collect` (whose `@identifier` is their name).

Front matter and references are checked on everything, so both builds report a problem in an
internal memo; problems found while linking and reading follow-ups are reported by the internal
build only (the public build never reads the internal memos' text).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from muistio.knowledge_base import KnowledgeBase, build_index


def public_view(kb: KnowledgeBase) -> KnowledgeBase:
    companies = [
        dataclasses.replace(company, people=[dataclasses.replace(p, email=None, phone=None) for p in company.people])
        for company in kb.companies.values()
        if company.meta.visibility == "public"
    ]
    memos = [memo for memo in kb.memos if memo.meta.visibility == "public"]
    view, _problems = build_index(memos, companies)  # references into hidden parts just drop out
    view.withheld = frozenset(_names_left_out(kb, view))
    return view


def _names_left_out(kb: KnowledgeBase, view: KnowledgeBase) -> Iterator[str]:
    for company in kb.companies.values():
        if company.slug not in view.companies:
            meta = company.meta
            yield from (name.casefold() for name in (company.slug, meta.name, *meta.aliases,
                                                      *(former.name for former in meta.former_names)))
    for person in kb.people.values():
        if person.slug not in view.people:
            yield from (name.casefold() for name in (person.slug, person.name, *person.aliases))
    for offering in kb.offerings.values():
        if offering.slug not in view.offerings:
            yield from (name.casefold() for name in (offering.slug, offering.name, *offering.aliases))
