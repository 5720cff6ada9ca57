/*
 * Muistio's search count: the line above the results says how many there were, and leads to them.
 *
 * The search worker (muistio-search.js) hands Material's result list the 20 best results only
 * (each costs a download), and Material counts what it is given: "20 täsmäävää dokumenttia"
 * for a word found on 79 pages. The worker also tells this page, on a BroadcastChannel, how
 * many results there were; when there were more than it showed, the line says so and links to
 * the page of every result (haku.html, see overrides/haku.html; the name is
 * muistio.search_index.SEARCH_PAGE): "20 parasta 79 osumasta · näytä kaikki". Material rewrites
 * the line for every query, so a MutationObserver puts it right again. Only a line that is
 * Material's count of the results shown, for the query in the search box, is ever replaced.
 */
(function () {
  "use strict";
  if (!("BroadcastChannel" in window) || !("MutationObserver" in window)) return;
  /* { shown, total } by query. By query, not the last message: the channel reaches every tab
   * of the site, and another tab's search must not stand in for this one's. */
  var counts = new Map();
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base || ".", window.location.href);

  function update() {
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector("input.md-search__input");
    var query = input && input.value.trim();
    var count = query && counts.get(query);
    if (!meta || !count || count.total <= count.shown) return;
    var text = count.shown + " parasta " + count.total.toLocaleString("fi-FI") + " osumasta"; /* 1 182 */
    var href = new URL("haku.html?hae=" + encodeURIComponent(query), root).href;
    var link = meta.querySelector("a.muistio-search-all");
    if (link && link.href === href && meta.textContent.indexOf(text + " ") === 0) return; /* as it should be */
    if (meta.textContent.indexOf(count.shown + " ") !== 0) return; /* not Material's count of these */
    meta.textContent = text + " · ";
    link = document.createElement("a");
    link.className = "muistio-search-all";
    link.href = href;
    /* Material's Enter opens the best of the links in the result list, by the data-md-score of
     * each link's first element: without one, this link made Enter throw, and the browser sent
     * the search form instead. Scored below every result, it is never the one opened. */
    var label = document.createElement("span");
    label.setAttribute("data-md-score", "-1");
    label.textContent = "näytä kaikki";
    link.appendChild(label);
    meta.appendChild(link);
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
