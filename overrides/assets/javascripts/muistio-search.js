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
 *
 * The order of the results is muistio-ranking.js's, which the page of every result (haku.html)
 * shares: the page of a name typed first, then Pagefind's order.
 */
"use strict";

/* pagefind.js is written for pages; in a worker there is no window or document. */
self.window = self;
self.document = undefined;

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 20; /* result pages fetched per query; Material shows ten, then more on scroll */
/* How many results there were, for the line above them (muistio-search-count.js). */
const COUNT = typeof BroadcastChannel === "function" ? new BroadcastChannel("muistio-search") : null;
let pagefind = null;
let ranking = null; /* muistio-ranking.js: an ES module, so that the page of every result imports it too */
let latest = 0;
let running = Promise.resolve(); /* one search at a time: see the QUERY message below */

function load() {
  if (pagefind === null) {
    const bundle = new URL("../../pagefind/", self.location.href);
    const loading = import(new URL("pagefind.js", bundle).href).then(async (module) => {
      await module.options({ basePath: bundle.pathname, excerptLength: 24 });
      await module.init();
      return module;
    });
    pagefind = loading;
    loading.catch(() => { if (pagefind === loading) pagefind = null; }); /* the next query tries again */
  }
  return pagefind;
}

function order() {
  if (ranking === null) {
    const loading = import(new URL("muistio-ranking.js", self.location.href).href);
    ranking = loading;
    loading.catch(() => { if (ranking === loading) ranking = null; }); /* as Pagefind's: tried again */
  }
  return ranking;
}

/* Pagefind keeps what it fetched, a failed fetch too: one dropped connection (a phone between
 * networks) would fail every later query that needs that chunk or page, and the reader would see
 * no results. So a query that fails is asked once more of a Pagefind started afresh. */
async function restart() {
  const started = pagefind;
  pagefind = null;
  const module = started && (await started.catch(() => null));
  if (module) await module.destroy().catch(() => {});
}

async function answer(query) {
  try {
    return await search(query);
  } catch (error) {
    console.warn("Muistio search failed; asking again", error);
    await restart();
    return await search(query);
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/* A memo's title after its date, as the timeline lists it: a dozen memos are all "Tapaaminen
 * Kide Data:n kanssa" (overrides/main.html gives Pagefind the date as `pvm`). */
function titled(page) {
  const meta = page.meta || {};
  const title = meta.title || page.url;
  return meta.pvm ? `${meta.pvm} ${title}` : title;
}

async function search(query) {
  if (!query.trim()) return { items: [] };
  const [module, ranked] = await Promise.all([load(), order()]);
  const found = await ranked.search(module, query);
  if (!found) return { items: [] };
  const results = found.results.slice(0, SHOWN);
  const pages = await Promise.all(results.map((result) => result.data()));
  /* Material's Enter opens the result with the highest score (the first of equals), and the pages
   * of names moved first may have lower scores than the results after them: each result's score
   * is capped by the one above it, so that Enter opens the first one listed. */
  let score = Infinity;
  const terms = Object.fromEntries(ranked.withoutColonEndings(query.trim()).toLowerCase().split(/\s+/)
    .map((term) => [term, true]));
  return {
    total: found.results.length, /* not Material's: see the QUERY message below */
    items: results.map((result, rank) => {
      score = Math.min(score, result.score);
      return [{
        location: pages[rank].url,
        title: escapeHtml(titled(pages[rank])),
        text: `<p>${pages[rank].excerpt}</p>`,
        score,
        terms,
      }];
    }),
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
        data = await answer(String(message.data));
      } catch (error) {
        console.warn("Muistio search failed", error);
        data = { items: [] };
      }
      if (asked !== latest) return; /* typed over while it ran: dropped */
      postMessage({ type: RESULT, data: { ...data, query: String(message.data) } }); /* Material reads only items */
      if (COUNT) {
        const total = Math.max(data.total || 0, data.items.length);
        COUNT.postMessage({ query: String(message.data).trim(), shown: data.items.length, total });
      }
    });
  }
});
