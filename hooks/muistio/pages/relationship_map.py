"""The relationship map: organisations, people and memos as a graph.

The graph is computed here and embedded in the page as JSON, in an inert `<template>`; a small
script of our own (docs/assets/relationship-map.js, no library, no outside requests) lays it out
and draws SVG.
It shows the whole graph while it is small, one organisation's neighbourhood (chosen from a
list), or, past a few hundred nodes, where the whole graph stops being readable, an overview of
the forty organisations with the most memos, each joined to those it shares the most memos with.
"""

from __future__ import annotations

import json

from muistio.pages import Context, GeneratedPage
from muistio.pages.markup import finnish_date, href, link

MAP = "map.md"


def graph_data(ctx: Context) -> dict[str, object]:
    kb = ctx.kb

    def url(src_uri: str) -> str:
        return href(MAP, src_uri, ctx.settings.directory_urls)

    nodes: list[dict[str, object]] = []
    edges: list[list[str]] = []
    for company in kb.companies.values():
        nodes.append({"id": f"company:{company.slug}", "label": company.name, "kind": "company",
                      "url": url(company.src_uri)})
        for person in company.people:
            edges.append([f"company:{company.slug}", f"person:{person.slug}"])
    for person in kb.people.values():
        nodes.append({"id": f"person:{person.slug}", "label": person.name, "kind": "person",
                      "url": url(person.src_uri)})
    for memo in kb.memos:
        memo_id = f"memo:{memo.path}"
        linked = set(kb.memo_companies(memo)) | {
            m.key.partition(":")[2] for m in ctx.linked.mentions.get(memo.path, []) if m.key.startswith("company:")
        }
        people = set(kb.memo_people(memo))
        if not linked and not people:
            continue
        date = finnish_date(memo.date) if memo.date else ""
        nodes.append({"id": memo_id, "label": f"{date} {memo.title}".strip(), "kind": "memo",
                      "url": url(memo.src_uri)})
        edges += [[memo_id, f"company:{slug}"] for slug in sorted(linked) if slug in kb.companies]
        edges += [[memo_id, f"person:{slug}"] for slug in sorted(people)]
    return {"nodes": nodes, "edges": edges}


def map_page(ctx: Context) -> GeneratedPage:
    data = json.dumps(graph_data(ctx), ensure_ascii=False, separators=(",", ":"))
    safe = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    options = "".join(
        f'<option value="company:{c.slug}">{_attr(c.name)}</option>' for c in ctx.kb.companies.values()
    )
    parts = [
        "Organisaatiot, ihmiset ja muistiot verkkona. Valitse organisaatio nähdäksesi sen lähiverkon; "
        "solmua napsauttamalla pääset sen sivulle.",
        "",
        '<div class="kb-map" markdown="0">',
        '<label>Näytä: <select id="kb-map-focus"><option value="">Koko verkko</option>'
        f"{options}</select></label>",
        '<svg id="kb-map-svg" role="img" aria-label="Suhdekartta" viewBox="0 0 800 560"></svg>',
        # A <template>, not <script type="application/json">: Material's instant navigation
        # re-runs every script in the page it swaps in, without its type or id.
        f'<template id="kb-map-data" data-search-exclude data-pagefind-ignore="all">{safe}</template>',
        "</div>",
        "",
        # said only when the map cannot be drawn: under a drawn map it read as a fault
        "<noscript>Kartta tarvitsee JavaScriptin.</noscript> Organisaatiot löytyvät myös "
        f"{link('hakemistosta', MAP, 'companies/index.md')}.",
        "",
    ]
    return GeneratedPage(MAP, "Suhdekartta", "\n".join(parts), {"hide": ["toc"]})


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
