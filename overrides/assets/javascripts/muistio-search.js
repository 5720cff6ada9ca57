/*
 * Muistio's search worker: Material's search box asks, Pagefind answers.
 *
 * Material starts this file as its search worker (see overrides/main.html) and talks to it with
 * its own messages: 0 = set up (with the index from search/search_index.json, which the hook
 * empties), 1 = ready, 2 = query (the text typed), 3 = results. Pagefind (site/pagefind/) splits
 * its index into chunks and loads only those a query needs, so a reader downloads a few hundred
 * kilobytes instead of Material's whole index. Pagefind stems Finnish (the pages say lang="fi"):
 * "metropoliassa" finds "Metropolia"; "Laitinen" finds a memo that says only "Laitisen" through
 * the canonical names its "Mainitaan tässä muistiossa" line repeats.
 */
"use strict";

/* pagefind.js is written for pages; in a worker there is no window or document. */
self.window = self;
self.document = undefined;

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 20; /* result pages fetched per query; Material shows ten, then more on scroll */
let pagefind = null;
let latest = 0;
let running = Promise.resolve(); /* one search at a time: see the QUERY message below */

function load() {
  if (pagefind === null) {
    const bundle = new URL("../../pagefind/", self.location.href);
    pagefind = import(new URL("pagefind.js", bundle).href).then(async (module) => {
      await module.options({ basePath: bundle.pathname, excerptLength: 24 });
      await module.init();
      return module;
    });
  }
  return pagefind;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function search(query) {
  const words = query.trim();
  if (!words) return { items: [] };
  const module = await load();
  const found = await module.search(words);
  if (!found) return { items: [] };
  const pages = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
  const terms = Object.fromEntries(words.toLowerCase().split(/\s+/).map((term) => [term, true]));
  return {
    items: pages.map((page, rank) => [{
      location: page.url,
      title: escapeHtml((page.meta && page.meta.title) || page.url),
      text: `<p>${page.excerpt}</p>`,
      score: found.results[rank].score,
      terms,
    }]),
  };
}

addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    load().catch((error) => console.warn("Muistio search: Pagefind did not load", error));
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    /* Material sends a query for every key pressed. Searched all at once, they compete for a slow
     * phone's time and the last one, the only one shown, comes last; so each waits for the one
     * before it, and a query typed over while it waited is never searched. */
    const asked = ++latest;
    running = running.then(async () => {
      if (asked !== latest) return;
      let data;
      try {
        data = await search(String(message.data));
      } catch (error) {
        console.warn("Muistio search failed", error);
        data = { items: [] };
      }
      if (asked === latest) postMessage({ type: RESULT, data }); /* typed over while it ran: dropped */
    });
  }
});
