/*
 * Muistio's page of every search result (haku.html?hae=sana, see overrides/haku.html).
 *
 * Pagefind's own result list, started with the query of the address, so that the link under the
 * search box ("näytä kaikki") opens this page with its results. The address follows what is
 * typed here, so that Back from a result comes back to the same results. The parameter is
 * "hae", not "q": Material opens its own search box over any page whose address has a "q".
 *
 * The results come in the search box's order: Pagefind UI is given muistio-pagefind/pagefind.js
 * as its Pagefind, which orders them with muistio-ranking.js, as the search box's worker does
 * (the page of a name typed first), and leaves out the ending after a colon ("WSOY:n" → "WSOY").
 */
(function () {
  "use strict";
  if (typeof PagefindUI === "undefined") return; /* no index: pagefind-ui.js is Pagefind's own */
  var query = new URLSearchParams(window.location.search).get("hae") || "";
  var bundle = new URL("muistio-pagefind/", document.currentScript.src).pathname;
  var ui = new PagefindUI({
    element: "#muistio-haku",
    bundlePath: bundle, /* Pagefind, in Muistio's order: see above */
    showImages: false,
    pageSize: 20, /* as many as the search box lists: "Lataa lisää tuloksia" fetches the next */
    showSubResults: true,
    autofocus: !query,
    processTerm: function (term) {
      var address = new URL(window.location.href);
      if (term) address.searchParams.set("hae", term);
      else address.searchParams.delete("hae");
      window.history.replaceState(null, "", address);
      return term;
    },
    processResult: function (result) {
      /* a memo's date before its title, as in the search box (muistio-search.js) */
      if (result.meta && result.meta.pvm) result.meta.title = result.meta.pvm + " " + (result.meta.title || "");
      return result;
    },
  });
  if (query) ui.triggerSearch(query);
})();
