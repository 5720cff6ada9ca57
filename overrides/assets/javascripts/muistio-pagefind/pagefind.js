/*
 * Pagefind for the page of every result (haku.html), answering in Muistio's order.
 *
 * Pagefind UI lists results in the order its Pagefind's search() gives them, and takes no other
 * order; it imports `${bundlePath}pagefind.js`, so muistio-haku.js names this folder as the
 * bundle. This module is Pagefind's own (site/pagefind/pagefind.js, which finds its index beside
 * itself) but for search(), which muistio-ranking.js orders as the search box's worker does.
 */
import * as pagefind from "../../../pagefind/pagefind.js";
import { search as ranked } from "../muistio-ranking.js";

export * from "../../../pagefind/pagefind.js";

/* Pagefind UI reads the filters of whatever its latest search answered: a null answer (a search
 * Pagefind gave up for a newer one, see muistio-ranking.js) is asked again, as the box's is. */
export async function search(term, options) {
  let found = null;
  for (let asked = 0; !found && asked < 3; asked++) found = await ranked(pagefind, term, options);
  return found;
}
