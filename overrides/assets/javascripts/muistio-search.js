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
const TRIES = 3; /* downloads of a file before Pagefind is told it failed, and askings of a query */
/* How many results there were, for the line above them (muistio-search-count.js). */
const COUNT = typeof BroadcastChannel === "function" ? new BroadcastChannel("muistio-search") : null;
let pagefind = null;
let generation = 0; /* Pagefinds started afresh (restart()): a download is the one's that asked for it */
let failed = 0; /* downloads of the Pagefind running now that failed every time: see fetch below */
let ranking = null; /* muistio-ranking.js: an ES module, so that the page of every result imports it too */
let latest = 0;
let running = Promise.resolve(); /* one search at a time: see the QUERY message below */

/* Pagefind downloads the parts of its index and the text of each result with fetch() and keeps
 * what it got, a failed download too. A part of the index that failed is only logged and searched
 * as if it held no word: every later query needing it listed "Ei täsmääviä dokumentteja" until
 * the page was reloaded. So a download that fails (a dropped connection, a phone between
 * networks) is made again here, and read to its end, before Pagefind sees it; one that fails
 * every time is counted, and the Pagefind that keeps it is not asked again (see search()). */
const download = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const by = generation;
  for (let tried = 1; ; tried++) {
    let response = null;
    try {
      response = await download(resource, options);
      if (response.ok) {
        const body = await response.arrayBuffer(); /* a connection dropped halfway fails here */
        return new Response(body, { status: response.status, statusText: response.statusText,
                                    headers: response.headers });
      }
    } catch (error) {
      if (tried >= TRIES) {
        if (by === generation) failed++;
        throw error;
      }
    }
    if (response && tried >= TRIES) { /* an answer that is no file: the site may have been rebuilt */
      if (by === generation) failed++;
      return response;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * tried));
  }
};

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

/* Pagefind keeps what it fetched, a failed fetch too: one download that failed for good would fail
 * (or empty) every later query that needs that chunk or page, and the reader would see no results.
 * So a query that fails, or comes after a download that failed, is asked of a Pagefind started
 * afresh, which downloads everything again. */
async function restart() {
  const started = pagefind;
  pagefind = null;
  generation++;
  failed = 0;
  const module = started && (await started.catch(() => null));
  if (module) await module.destroy().catch(() => {});
}

/* What Material's result list shows for `query`, or null when there is nothing to show: no longer
 * `wanted()` (typed over), or never answered. A query that fails is asked again of a Pagefind
 * started afresh; one that Pagefind answers with null (a search it gave up for a newer one:
 * Pagefind's debouncedSearch does, see muistio-ranking.js) is asked again as it is. Neither is
 * ever shown as "no results": that would stand under the text typed until the next key. */
async function answer(query, wanted) {
  let failure = null;
  for (let asked = 1; asked <= TRIES && wanted(); asked++) {
    if (failure) {
      console.warn("Muistio search failed; asking again", failure);
      await restart();
    }
    try {
      const data = await search(query);
      if (data) return data;
      failure = null;
    } catch (error) {
      failure = error;
    }
  }
  if (failure) throw failure;
  return null;
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
  if (failed) await restart(); /* a query typed over, or the set-up, left a failed download behind */
  const [module, ranked] = await Promise.all([load(), order()]);
  const found = await ranked.search(module, query);
  if (!found) return null; /* superseded: no answer, not an answer of nothing */
  const results = found.results.slice(0, SHOWN);
  const pages = await Promise.all(results.map((result) => result.data()));
  if (failed) throw new Error("Muistio search: a download failed"); /* see fetch above */
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
    const query = String(message.data);
    const wanted = () => asked === latest;
    running = running.then(async () => {
      if (!wanted()) return;
      let data;
      try {
        data = await answer(query, wanted);
      } catch (error) {
        console.warn("Muistio search failed", error);
        data = { items: [] };
      }
      if (!data || !wanted()) return; /* typed over while it ran: dropped */
      postMessage({ type: RESULT, data: { ...data, query } }); /* the query answered: Material reads only items */
      if (COUNT) {
        const total = Math.max(data.total || 0, data.items.length);
        COUNT.postMessage({ query: query.trim(), shown: data.items.length, total });
      }
    }).catch((error) => console.warn("Muistio search failed", error)); /* the next query runs all the same */
  }
});

/* Material asks nothing before the worker says it is ready, and says so only once its own index
 * (search/search_index.json, which the hook empties) has downloaded: if that download failed, the
 * search box said "Aloitetaan hakua" for good. Pagefind needs none of it; the worker is ready now
 * (a second READY after Material's set-up message changes nothing). This does not always save the
 * box: in about one browser run in six the dropped download was reported twice and the box still
 * listed nothing; why is not known, so no test holds it to this. */
postMessage({ type: READY });
