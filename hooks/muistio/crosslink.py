"""The link stage: every name in the knowledge base becomes a term, every memo body is linked.

The matcher is compiled once per build from all names (organisations with their aliases and
former names, people with theirs, offerings), then each memo is linked with it. Mentions found in
the text are added to the backlinks, so a company page lists every memo that names it, even when
the writer did not repeat the company in the memo's front matter.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from muistio.cache import BuildCache
from muistio.knowledge_base import KnowledgeBase, add_mentions
from muistio.linking import Matcher, Term, link_markdown
from muistio.names import did_you_mean, slugify
from muistio.pages.markup import relative
from muistio.problems import Problem
from muistio.records import Memo


@dataclass(frozen=True)
class MemoMention:
    """One place a memo names an entity, with what a reader needs to see it in context."""

    memo: str
    """Path of the memo file."""
    key: str
    """The entity: `company:<slug>`, `person:<slug>` or `offering:<slug>`."""
    surface: str
    """The words as written, e.g. 'Laitisen'."""
    line: int
    """Line in the memo file."""
    sentence: str
    highlight: tuple[int, int]
    """Where the mention sits in `sentence`."""
    linked: bool
    explicit: bool


@dataclass
class Linked:
    bodies: dict[str, str] = field(default_factory=dict)
    """Memo path → body with links inserted."""
    mentions: dict[str, list[MemoMention]] = field(default_factory=dict)
    """Memo path → its mentions, in text order."""
    by_entity: dict[str, list[MemoMention]] = field(default_factory=dict)
    """Entity key → mentions of it, newest memo first."""
    problems: list[Problem] = field(default_factory=list)
    entities: Entities | None = None
    """The names and pages the memos were linked against."""


class Entities:
    """Names and pages of everything a memo can link to, built once per build."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.terms: list[Term] = []
        self.uris: dict[str, str] = {}
        self.names: dict[str, str] = {}
        """Entity key → canonical name."""
        self._lookup: dict[str, str] = {}
        for company in kb.companies.values():
            key = f"company:{company.slug}"
            meta = company.meta
            names = [meta.name, *meta.aliases, *(former.name for former in meta.former_names)]
            self._add(key, company.name, company.src_uri, company.slug, names,
                      meta.common_word, meta.match_lowercase)
        for person in kb.people.values():
            self._add(f"person:{person.slug}", person.name, person.src_uri, person.slug,
                      [person.name, *person.aliases], False, False)
        for offering in kb.offerings.values():
            self._add(f"offering:{offering.slug}", offering.name, offering.src_uri, offering.slug,
                      [offering.name, *offering.aliases], offering.common_word, False)
        self.matcher = Matcher(self.terms)
        self.fingerprint = hashlib.sha256(repr((self.terms, sorted(self.uris.items()))).encode()).hexdigest()
        """Changes whenever any name, flag or page location changes: cached links are then stale."""

    def _add(self, key: str, name: str, uri: str, slug: str, names: list[str],
             common_word: bool, match_lowercase: bool) -> None:
        self.uris[key] = uri
        self.names[key] = name
        self._lookup.setdefault(slug, key)
        for text in names:
            self.terms.append(Term(text, key, common_word=common_word, match_lowercase=match_lowercase))
            self._lookup.setdefault(text.casefold(), key)

    def resolve(self, target: str) -> str | None:
        """A wikilink target (a name, alias, former name or slug) → entity key."""
        target = target.strip()
        return self._lookup.get(target.casefold()) or self._lookup.get(slugify(target))

    def suggestion(self, target: str) -> str | None:
        return did_you_mean(target, [*self.names.values(), *(k for k in self._lookup if "-" in k)])


def link_all(kb: KnowledgeBase, cache: BuildCache | None = None, problems_only: bool = False) -> Linked:
    """Link every memo's body and collect all mentions; adds text mentions to the backlinks.

    With `problems_only`, only memos that contain a `[[wikilink]]` are linked: the only problem
    linking can find is an unknown wikilink, and `kb check` should not pay for the rest.
    """
    entities = Entities(kb)
    linked = Linked(entities=entities)
    by_entity: dict[str, list[MemoMention]] = defaultdict(list)
    for memo in kb.memos:  # newest first, so each entity's list is too
        if problems_only and "[[" not in memo.source.body:
            continue
        entry = cache.links.get(memo.path) if cache else None
        if entry is not None and entry[0] == memo.source.body and entry[1] == entities.fingerprint:
            result = entry[2]
        else:
            result = link_memo(entities, memo)
            if cache is not None:
                cache.links[memo.path] = (memo.source.body, entities.fingerprint, result)
        body, mentions, problems = result
        linked.bodies[memo.path] = body
        linked.mentions[memo.path] = mentions
        linked.problems += problems
        for mention in mentions:
            by_entity[mention.key].append(mention)
        if memo.valid:
            add_mentions(kb, memo, [m.key for m in mentions])
    linked.by_entity = dict(by_entity)
    return linked


MemoLinks = tuple[str, list[MemoMention], list[Problem]]
"""One memo's linked body, its mentions and its link problems."""


def link_memo(entities: Entities, memo: Memo) -> MemoLinks:
    source = memo.source
    offset = source.body_line - 1

    def href(key: str) -> str | None:
        uri = entities.uris.get(key)
        return relative(memo.src_uri, uri) if uri else None

    result = link_markdown(source.body, entities.matcher, href, entities.resolve)
    mentions = [
        MemoMention(memo.path, m.key, m.surface, m.line + offset, m.sentence,
                    (m.sentence_start, m.sentence_end), m.linked, m.explicit)
        for m in result.mentions
    ]
    problems = [
        Problem(memo.path, unknown.line + offset, "unknown_wikilink",
                {"target": unknown.target, "suggestion": entities.suggestion(unknown.target) or ""})
        for unknown in result.unknown_wikilinks
    ]
    return result.text, mentions, problems
