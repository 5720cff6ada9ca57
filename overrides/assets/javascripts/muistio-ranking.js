/*
 * Muistio's order of search results, one for the search box and the page of every result.
 *
 * An ES module with no state of its own: the search box's worker (muistio-search.js) imports it,
 * and so does the page of every result (haku.html), through muistio-pagefind/pagefind.js, the
 * Pagefind that its Pagefind UI is given. Each was ordered on its own before, and the same query
 * listed a company's page first in the box and 18th on the page of every result.
 *
 * Typing a name lists the page of that name first. Pagefind ranks by how densely a page holds the
 * words, and memos titled "Tapaaminen Sanoma WSOY:n kanssa", each naming the company again and
 * again, outrank the company's own page, which lists them all. So each query is asked twice: as
 * typed, and of the pages of names alone (overrides/main.html marks them with a filter and lists
 * their names); a page of a name whose names hold every word typed goes first. The rest keep
 * Pagefind's order, which the weights the pages carry shape (muistio.pages.markup.LISTING).
 */

export const NAME_PAGES = { sivu: "nimi" }; /* organisations, people, offerings (overrides/main.html) */
const NAMES_TRIED = 5; /* pages of names looked at for the first places: people share first names */
const NAMES_FROM = 3; /* letters in the longest word typed before pages of names are asked for: a
 * shorter word begins so many words that Pagefind takes up to twice as long ("op": 0.47 s → 0.84 s
 * at 5,000 memos), while a name of two letters ("OP") is Pagefind's first result anyway */

/* Finnish writes an abbreviation's case ending after a colon: "Sanoma WSOY:n", "TKK:lla",
 * "OP:lle". Pagefind's stemmer does not take every such ending off, and "Sanoma WSOY:n" found
 * only a page with that very form, not Sanoma WSOY's own page. The ending goes before Pagefind is
 * asked: the abbreviation alone then finds every form, as a typed word finds the words it begins. */
const COLON_ENDING = /(\p{L}):\p{L}+/gu;

export function withoutColonEndings(query) {
  return query.replace(COLON_ENDING, "$1");
}

function wordsOf(text) {
  return String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
}

/* Whether a word typed is a form of a word of a name: its start ("sano" for Sanoma WSOY), the word
 * inflected ("metropoliassa", "op-pohjolaan": the typed word starts with a name's word of three
 * letters or more), or a -nen name inflected, whose stem ends in s ("Laitisen", "Laitiselle" for
 * Laitinen; Pagefind's Finnish stemmer keeps "laitisen" and "laitinen" apart). */
function formOf(word, part) {
  if (part.startsWith(word) || (part.length > 2 && word.startsWith(part))) return true;
  return part.length > 5 && part.endsWith("nen") && word.startsWith(part.slice(0, -3) + "s");
}

/* Whether one of the page's names holds every word typed. */
function isNamed(typed, page) {
  const meta = page.meta || {};
  const names = [meta.title || "", ...String(meta.nimet || "").split(" | ")];
  return names.some((name) => {
    const words = wordsOf(name);
    return typed.every((word) => words.some((part) => formOf(word, part)));
  });
}

/* The results (Pagefind's, with their data()) of the pages of names that the words typed name;
 * null if Pagefind gave that search up for a newer one (see search below). */
async function namedFirst(pagefind, words, options) {
  const typed = wordsOf(words);
  if (!typed.some((word) => word.length >= NAMES_FROM)) return [];
  const filters = { ...(options.filters || {}), ...NAME_PAGES };
  const found = await pagefind.search(words, { ...options, filters });
  if (!found) return null;
  const tried = found.results.slice(0, NAMES_TRIED);
  const pages = await Promise.all(tried.map((result) => result.data())); /* Pagefind keeps them: shown next */
  return tried.filter((result, index) => isNamed(typed, pages[index]));
}

/*
 * Pagefind's search(term, options), in Muistio's order: the same answer (results, counts,
 * filters), with the pages of the names typed moved first. `pagefind` is Pagefind's module.
 * A search with no words (only filters chosen) or in an order asked for (options.sort) is
 * Pagefind's own.
 *
 * Pagefind answers null to a search another one replaced (its debouncedSearch; the caller asks
 * again). Either of the two searches answered so makes the answer null: half of it would be
 * Pagefind's order alone, shown as if it were Muistio's.
 */
export async function search(pagefind, term, options = {}) {
  const words = typeof term === "string" ? withoutColonEndings(term.trim()) : term;
  if (!words || options.sort) return pagefind.search(words, options);
  const [found, first] = await Promise.all([pagefind.search(words, options), namedFirst(pagefind, words, options)]);
  if (!found || !first) return null;
  const moved = new Set(first.map((result) => result.id));
  return { ...found, results: [...first, ...found.results.filter((result) => !moved.has(result.id))] };
}
