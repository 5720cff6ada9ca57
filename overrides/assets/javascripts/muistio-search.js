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
 * Typing a name lists the page of that name first. Pagefind ranks by how densely a page holds the
 * words, and memos titled "Tapaaminen Sanoma WSOY:n kanssa", each naming the company again and
 * again, outrank the company's own page, which lists them all. So each query is asked twice: as
 * typed, and of the pages of names alone (overrides/main.html marks them with a filter and lists
 * their names); a page of a name whose names hold every word typed goes first.
 */
"use strict";

/* pagefind.js is written for pages; in a worker there is no window or document. */
self.window = self;
self.document = undefined;

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 20; /* result pages fetched per query; Material shows ten, then more on scroll */
const NAME_PAGES = { sivu: "nimi" }; /* organisations, people, offerings (overrides/main.html) */
const NAMES_TRIED = 5; /* pages of names looked at for the first places: people share first names */
const NAMES_FROM = 3; /* letters in the longest word typed before pages of names are asked for: a
 * shorter word begins so many words that Pagefind takes up to twice as long ("op": 0.47 s → 0.84 s
 * at 5,000 memos), while a name of two letters ("OP") is Pagefind's first result anyway */
/* How many results there were, for the line above them (muistio-search-count.js). */
const COUNT = typeof BroadcastChannel === "function" ? new BroadcastChannel("muistio-search") : null;
let pagefind = null;
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

function wordsOf(text) {
  return String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
}

/* Whether one of the page's names holds every word typed: as the start of one of its words
 * ("sano" for Sanoma WSOY), or inflected ("metropoliassa", "op-pohjolaan": the typed word starts
 * with one of three letters or more). */
function isNamed(typed, page) {
  const meta = page.meta || {};
  const names = [meta.title || "", ...String(meta.nimet || "").split(" | ")];
  return names.some((name) => {
    const words = wordsOf(name);
    return typed.every((word) => words.some((part) => part.startsWith(word) || (part.length > 2 && word.startsWith(part))));
  });
}

async function namedFirst(module, words) {
  const typed = wordsOf(words);
  if (!typed.some((word) => word.length >= NAMES_FROM)) return [];
  const found = await module.search(words, { filters: NAME_PAGES });
  if (!found) return [];
  const pages = await Promise.all(found.results.slice(0, NAMES_TRIED).map((result) => result.data()));
  return pages.filter((page) => isNamed(typed, page));
}

/* Finnish writes an abbreviation's case ending after a colon: "Sanoma WSOY:n", "TKK:lla",
 * "OP:lle". Pagefind's stemmer does not take every such ending off, and "Sanoma WSOY:n" found
 * only a page with that very form, not Sanoma WSOY's own page. The ending goes before Pagefind is
 * asked: the abbreviation alone then finds every form, as a typed word finds the words it begins.
 * (muistio-haku.js does the same on the page of every result.) */
const COLON_ENDING = /(\p{L}):\p{L}+/gu;

function withoutColonEndings(query) {
  return query.replace(COLON_ENDING, "$1");
}

/* A memo's title after its date, as the timeline lists it: a dozen memos are all "Tapaaminen
 * Kide Data:n kanssa" (overrides/main.html gives Pagefind the date as `pvm`). */
function titled(page) {
  const meta = page.meta || {};
  const title = meta.title || page.url;
  return meta.pvm ? `${meta.pvm} ${title}` : title;
}

async function search(query) {
  const words = withoutColonEndings(query.trim());
  if (!words) return { items: [] };
  const module = await load();
  const [found, first] = await Promise.all([module.search(words), namedFirst(module, words)]);
  if (!found) return { items: [] };
  const results = found.results.slice(0, SHOWN);
  const pages = await Promise.all(results.map((result) => result.data()));
  const top = results.length ? results[0].score : 1;
  const shown = new Set(first.map((page) => page.url));
  const ranked = [
    ...first.map((page) => [page, top]),
    ...pages.map((page, rank) => [page, results[rank].score]).filter(([page]) => !shown.has(page.url)),
  ].slice(0, SHOWN);
  const terms = Object.fromEntries(words.toLowerCase().split(/\s+/).map((term) => [term, true]));
  return {
    total: found.results.length, /* not Material's: see the QUERY message below */
    items: ranked.map(([page, score]) => [{
      location: page.url,
      title: escapeHtml(titled(page)),
      text: `<p>${page.excerpt}</p>`,
      score,
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
        data = await answer(String(message.data));
      } catch (error) {
        console.warn("Muistio search failed", error);
        data = { items: [] };
      }
      if (asked !== latest) return; /* typed over while it ran: dropped */
      postMessage({ type: RESULT, data });
      if (COUNT) {
        const total = Math.max(data.total || 0, data.items.length);
        COUNT.postMessage({ query: String(message.data).trim(), shown: data.items.length, total });
      }
    });
  }
});
