/*
 * Muistio's search count: the line above the results says how many there were.
 *
 * The search worker (muistio-search.js) hands Material's result list the 20 best results only
 * (each costs a download), and Material counts what it is given: "20 täsmäävää dokumenttia"
 * for a word found on 79 pages. The worker also tells this page, on a BroadcastChannel, how
 * many results there were; when there were more than it showed, the line says so: "20 parasta
 * 79 osumasta". Material rewrites the line for every query, so a MutationObserver puts it
 * right again. Only a line that is Material's count of the results shown, for the query in the
 * search box, is ever replaced.
 */
(function () {
  "use strict";
  if (!("BroadcastChannel" in window) || !("MutationObserver" in window)) return;
  /* { shown, total } by query. By query, not the last message: the channel reaches every tab
   * of the site, and another tab's search must not stand in for this one's. */
  var counts = new Map();

  function update() {
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector("input.md-search__input");
    var count = input && counts.get(input.value.trim());
    if (!meta || !count || count.total <= count.shown) return;
    var text = count.shown + " parasta " + count.total + " osumasta";
    if (meta.textContent !== text && meta.textContent.indexOf(count.shown + " ") === 0) {
      meta.textContent = text;
    }
  }

  new BroadcastChannel("muistio-search").onmessage = function (event) {
    var data = event.data || {};
    if (typeof data.query !== "string") return;
    if (counts.size > 100) counts.clear(); /* a long session's queries: none of them is needed again */
    counts.set(data.query, { shown: data.shown, total: data.total });
    update();
  };
  function watch() {
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
