"""The link stage: every name in the knowledge base becomes a term, every memo body is linked.

The matcher is compiled once per build from all names (organisations with their aliases and
former names, people with theirs, offerings), then each memo is linked with it. Mentions found in
the text are added to the backlinks, so a company page lists every memo that names it, even when
the writer did not repeat the company in the memo's front matter.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from muistio import forked
from muistio.knowledge_base import KnowledgeBase, add_mentions
from muistio.linking.matcher import Matcher, Term
from muistio.load import SourceFile
from muistio.names import did_you_mean, slugify
from muistio.pages.markup import relative
from muistio.problems import Problem, Severity
from muistio.records import Company, Memo

if TYPE_CHECKING:
    from muistio.linking.markdown import LinkedMarkdown


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
    company_bodies: dict[str, str] = field(default_factory=dict)
    """Organisation file path → its own text with links inserted (`link_company`)."""
    mentions: dict[str, list[MemoMention]] = field(default_factory=dict)
    """Memo path → its mentions, in text order."""
    by_entity: dict[str, list[MemoMention]] = field(default_factory=dict)
    """Entity key → mentions of it, newest memo first."""
    problems: list[Problem] = field(default_factory=list)
    entities: Entities | None = None
    """The names and pages the memos were linked against."""
    relinked: int = 0
    """Memos linked this time rather than taken from `kept` (see `link_all`)."""


class Entities:
    """Names and pages of everything a memo can link to, built once per build."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.terms: list[Term] = []
        self.uris: dict[str, str] = {}
        self.names: dict[str, str] = {}
        """Entity key → canonical name."""
        self._lookup: dict[str, str] = {}
        self._named: dict[str, list[str]] = {}
        self._slugs: dict[str, list[str]] = {}
        """Slug → the entities that have it (more than one only across kinds: a slip reported as a
        duplicate name)."""
        """Casefolded name → every entity that answers to it (more than one: an ambiguous name)."""
        self.organisation_of: dict[str, str] = {
            f"person:{person.slug}": f"company:{person.company}" for person in kb.people.values()
        }
        """Person key → the key of the organisation whose contact the person is."""
        for company in kb.companies.values():
            key = f"company:{company.slug}"
            meta = company.meta
            names = [meta.name, *meta.aliases, *(former.name for former in meta.former_names)]
            self._add(key, company.name, company.src_uri, company.slug, names,
                      meta.common_word, meta.match_lowercase)
        for person in kb.people.values():
            self._add(f"person:{person.slug}", person.name, person.src_uri, person.slug,
                      [person.name, *person.aliases], person.common_word, False, person.name.split()[0])
        for offering in kb.offerings.values():
            self._add(f"offering:{offering.slug}", offering.name, offering.src_uri, offering.slug,
                      [offering.name, *offering.aliases], offering.common_word, False)
        self.fingerprint = hashlib.sha256(
            repr((self.terms, sorted(self.uris.items()), sorted(self.organisation_of.items()),
                  sorted(kb.withheld))).encode()
        ).hexdigest()
        """Changes whenever any name, flag, page location or person's organisation changes (which
        one of two people called "Petri" a memo means depends on it): cached links are then stale."""

    @cached_property
    def matcher(self) -> Matcher:
        """Compiled on first use: `kb check` links only memos with a `[[wikilink]]`, usually none."""
        return Matcher(self.terms)

    def _add(self, key: str, name: str, uri: str, slug: str, names: list[str],
             common_word: bool, match_lowercase: bool, given_name: str = "") -> None:
        """`given_name`: a person's first name, which as an alias of its own may start someone
        else's full name (see `Term.given_name`)."""
        self.uris[key] = uri
        self.names[key] = name
        self._lookup.setdefault(slug, key)
        self._slugs.setdefault(slug, []).append(key)
        for text in names:
            self.terms.append(Term(text, key, common_word=common_word, match_lowercase=match_lowercase,
                                   given_name=text == given_name))
            self._lookup.setdefault(text.casefold(), key)
            named = self._named.setdefault(text.casefold(), [])
            if key not in named:
                named.append(key)

    def resolve(self, target: str) -> str | None:
        """A wikilink target (a name, alias, former name or slug) → entity key."""
        target = target.strip()
        return self._lookup.get(target.casefold()) or self._lookup.get(slugify(target))

    def named(self, target: str) -> tuple[str, ...]:
        """Every entity whose name, alias or former name `target` is."""
        return tuple(self._named.get(target.strip().casefold(), ()))

    def withheld(self, target: str) -> str | None:
        """A key with no page for a wikilink to something this view leaves out (`kb.withheld`): its
        text is shown, unlinked, and nothing is reported."""
        target = target.strip()
        if target.casefold() in self.kb.withheld or slugify(target) in self.kb.withheld:
            return f"{WITHHELD}:{slugify(target)}"
        return None

    def by_slug(self, target: str) -> str | None:
        """The one entity whose slug `target` is: the handle `[[petri-laitinen|Petrille]]` that the
        messages suggest, which must not be taken for a name someone else answers to."""
        keys = self._slugs.get(target.strip(), [])
        return keys[0] if len(keys) == 1 else None

    def handle(self, key: str) -> str:
        """What to write in `[[...]]` for exactly this entity: its slug, or its full name when
        another entity has the same slug."""
        slug = key.partition(":")[2]
        if self.by_slug(slug) == key:
            return slug
        name = self.names.get(key, slug)
        return name if self.named(name) == (key,) else slug

    def suggestion(self, target: str) -> str | None:
        return did_you_mean(target, [*self.names.values(), *(k for k in self._lookup if "-" in k)])


def link_all(kb: KnowledgeBase, kept: dict[str, LinkEntry] | None = None, problems_only: bool = False,
             workers: int = 1) -> Linked:
    """Link every memo's body and collect all mentions; adds text mentions to the backlinks.
    Organisations' own texts are linked too, after the memos, and mention nothing.

    With `problems_only`, only memos that contain a `[[wikilink]]` are linked: the only problems
    linking can find that `kb check` reports are wikilinks that lead nowhere (an unknown or a
    shared name), and `kb check` should not pay for the rest.
    With `workers` > 1, memos not in `kept` are linked in that many processes (see `_link_many`).
    `kept` holds earlier results by memo path (`BuildCache.links`, filled from `link_store` on
    disk); one is used only while the memo's body, the line the body starts on and every name
    it could link to are what they were (`LinkEntry`), and the memos linked anew are put in it.
    """
    entities = Entities(kb)
    linked = Linked(entities=entities)
    memos = [m for m in kb.memos if not problems_only or "[[" in m.source.body]
    results: dict[str, MemoLinks] = {}
    stale: list[tuple[Memo, str]] = []
    for memo in memos:
        entry = kept.get(memo.path) if kept is not None else None
        digest = body_digest(memo.source.body, _context(memo))
        if entry is not None and entry[:3] == (digest, memo.source.body_line, entities.fingerprint):
            results[memo.path] = entry[3]
        else:
            stale.append((memo, digest))
    done = _link_many(entities, [memo for memo, _ in stale], workers)
    for (memo, digest), result in zip(stale, done, strict=True):
        results[memo.path] = result
        if kept is not None:
            kept[memo.path] = (digest, memo.source.body_line, entities.fingerprint, result)
    linked.relinked = len(stale)
    by_entity: dict[str, list[MemoMention]] = defaultdict(list)
    named: list[tuple[Memo, list[str]]] = []
    for memo in memos:  # newest first, so each entity's list is too
        body, mentions, problems = results[memo.path]
        linked.bodies[memo.path] = body
        linked.mentions[memo.path] = mentions
        linked.problems += problems
        for mention in mentions:
            by_entity[mention.key].append(mention)
        if memo.valid:
            named.append((memo, [m.key for m in mentions]))
    add_mentions(kb, named)
    linked.by_entity = dict(by_entity)
    for company in kb.companies.values():
        text = company.source.body
        if text.strip() and (not problems_only or "[[" in text):
            linked.company_bodies[company.path], problems = link_company(entities, company)
            linked.problems += problems
    return linked


WITHHELD = "withheld"
"""The kind of key `Entities.withheld` gives: no page, no mention."""
PARALLEL_FROM = 400
"""Below this many memos to link, starting processes costs more than it saves."""


def _link_many(entities: Entities, memos: list[Memo], workers: int) -> list[MemoLinks]:
    """Link memos, in `workers` forked processes when there are enough of them.

    Linking is most of the knowledge base's share of a build and each memo is independent, while
    MkDocs itself uses one core. Forking lets the workers share the compiled matcher as it is;
    where fork is unavailable (or for a few memos) everything runs here.
    """
    if workers < 2 or len(memos) < PARALLEL_FROM or not forked.available():
        return [link_memo(entities, memo) for memo in memos]
    entities.matcher  # noqa: B018 -- compiled once here, so the forked workers inherit it
    parts = forked.in_workers(_link_chunk, (entities, memos), len(memos), workers)
    if parts is None:  # a worker died (out of memory, say): link here instead
        return [link_memo(entities, memo) for memo in memos]
    return [result for part in parts for result in part]


def _link_chunk(indexes: range) -> list[MemoLinks]:
    entities, memos = forked.job()
    return [link_memo(entities, memos[i]) for i in indexes]


MemoLinks = tuple[str, list[MemoMention], list[Problem]]
"""One memo's linked body, its mentions and its link problems."""

LinkEntry = tuple[str, int, str, MemoLinks]
"""A memo's `MemoLinks` with what they were made from: the hash of its body and of the entities
its front matter names (`body_digest`), the line the body starts on (mentions and problems carry
file lines, which move when the front matter grows) and the names' `Entities.fingerprint`."""


def body_digest(body: str, context: tuple[str, ...] = ()) -> str:
    """The hash a kept result is looked up by; `context` is what `_context` gives the memo."""
    digest = hashlib.blake2b(body.encode(), digest_size=16)
    if context:
        digest.update("\0".join(("", *context)).encode())
    return digest.hexdigest()


def _context(memo: Memo) -> tuple[str, ...]:
    """The entities a memo's front matter names: who a name both of two people have means."""
    meta = memo.meta
    return (*(f"person:{slug}" for slug in (*meta.attendees, *meta.authors)),
            *(f"company:{slug}" for slug in meta.companies))


def chooser(entities: Entities, context: tuple[str, ...]) -> Callable[[tuple[str, ...]], str | None]:
    """Which of the entities that words name equally well a memo means, or None if it cannot say.

    "Petri", the alias of two contacts, is the one among the memo's attendees or authors; failing
    that, the one whose organisation the memo is about. Anything else would be a guess, and a
    wrong link puts the memo on the wrong person's page, so then it is left to the writer.
    """
    named = set(context)

    def choose(keys: tuple[str, ...]) -> str | None:
        for fits in (lambda key: key in named, lambda key: entities.organisation_of.get(key) in named):
            chosen = [key for key in keys if fits(key)]
            if len(chosen) == 1:
                return chosen[0]
            if chosen:
                return None
        return None

    return choose


def link_memo(entities: Entities, memo: Memo) -> MemoLinks:
    body, result, problems = _link_text(entities, memo.source, memo.src_uri, _context(memo))
    offset = memo.source.body_line - 1
    mentions = [
        MemoMention(memo.path, m.key, m.surface, m.line + offset, m.sentence,
                    (m.sentence_start, m.sentence_end), m.linked, m.explicit)
        for m in result.mentions if not m.key.startswith(f"{WITHHELD}:")
    ]
    return body, mentions, problems


def link_company(entities: Entities, company: Company) -> tuple[str, list[Problem]]:
    """An organisation's own text, linked like a memo's: "Petri Laitisella on yhteys Sanoma
    WSOY:hyn" on its page leads to both. Its own name is not linked (it is this page), a name
    its contacts share with others means its contact, and nothing here is a mention: the
    backlinks list memos."""
    context = (f"company:{company.slug}", *(f"person:{person.slug}" for person in company.people))
    body, _, problems = _link_text(entities, company.source, company.src_uri, context, own=context[0])
    return body, problems


def _link_text(entities: Entities, source: SourceFile, src_uri: str, context: tuple[str, ...],
               own: str | None = None) -> tuple[str, LinkedMarkdown, list[Problem]]:
    """A file's body linked, and its link problems at their lines in the file."""
    offset = source.body_line - 1

    def href(key: str) -> str | None:
        uri = entities.uris.get(key) if key != own else None
        return relative(src_uri, uri) if uri else None

    from muistio.linking.markdown import link_markdown  # markdown-it only when a body is linked

    choose = chooser(entities, context)

    def resolve(target: str) -> str | None:
        named = entities.named(target)
        if len(named) > 1:
            return entities.by_slug(target) or choose(named)
        return entities.resolve(target) or entities.withheld(target)

    result = link_markdown(source.body, entities.matcher, href, resolve, choose)
    problems: list[Problem] = []
    for unknown in result.unknown_wikilinks:
        named = entities.named(unknown.target)
        if not unknown.target:
            problems.append(Problem(source.path, unknown.line + offset, "malformed_wikilink", {"raw": unknown.raw}))
        elif len(named) > 1:  # a link the writer asked for and did not get: a warning
            problems.append(_ambiguous(entities, source.path, unknown.line + offset, unknown.raw, named,
                                       Severity.WARNING))
        else:
            suggestion = entities.suggestion(unknown.target) or ""
            problems.append(Problem(source.path, unknown.line + offset, "unknown_wikilink",
                                    {"target": unknown.target, "suggestion": suggestion}))
    problems += [_ambiguous(entities, source.path, name.line + offset, name.surface, name.keys, Severity.NOTICE)
                 for name in result.ambiguous]
    problems += [Problem(source.path, heading.line + offset, "wikilink_in_heading", {"raw": heading.raw},
                         Severity.WARNING) for heading in result.in_headings]
    return result.text, result, sorted(problems, key=lambda problem: problem.line)


def _ambiguous(entities: Entities, path: str, line: int, surface: str, keys: tuple[str, ...],
               severity: Severity) -> Problem:
    """Not an error: the memo is fine as text, but the writer may want to say who is meant."""
    keys = tuple(sorted(keys, key=lambda key: (entities.names.get(key, key).casefold(), key)))
    slugs = [key.partition(":")[2] for key in keys]
    described = [f"{entities.names.get(key, slug)} ({slug})" for key, slug in zip(keys, slugs, strict=True)]
    target, _, label = surface.removeprefix("[[").removesuffix("]]").partition("|")
    example = f"[[{entities.handle(keys[0])}|{(label or target).strip()}]]"
    return Problem(path, line, "ambiguous_name",
                   {"surface": surface, "names": ", ".join(described), "example": example}, severity)
