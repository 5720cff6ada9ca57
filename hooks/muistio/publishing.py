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

from muistio.knowledge_base import KnowledgeBase, build_index


def public_view(kb: KnowledgeBase) -> KnowledgeBase:
    companies = [
        dataclasses.replace(company, people=[dataclasses.replace(p, email=None, phone=None) for p in company.people])
        for company in kb.companies.values()
        if company.meta.visibility == "public"
    ]
    memos = [memo for memo in kb.memos if memo.meta.visibility == "public"]
    view, _problems = build_index(memos, companies)  # references into hidden parts just drop out
    return view
