/*
 * Muistio's page of every search result (haku.html?hae=sana, see overrides/haku.html).
 *
 * Pagefind's own result list, started with the query of the address, so that the link under the
 * search box ("näytä kaikki") opens this page with its results. The address follows what is
 * typed here, so that Back from a result comes back to the same results. The parameter is
 * "hae", not "q": Material opens its own search box over any page whose address has a "q".
 */
(function () {
  "use strict";
  if (typeof PagefindUI === "undefined") return; /* no index: pagefind-ui.js is Pagefind's own */
  var query = new URLSearchParams(window.location.search).get("hae") || "";
  var ui = new PagefindUI({
    element: "#muistio-haku",
    showImages: false,
    pageSize: 20, /* as many as the search box lists: "Lataa lisää tuloksia" fetches the next */
    showSubResults: true,
    autofocus: !query,
    processTerm: function (term) {
      var address = new URL(window.location.href);
      var asked = term.replace(/(\p{L}):\p{L}+/gu, "$1"); /* "WSOY:n" → "WSOY", as muistio-search.js does */
      if (term) address.searchParams.set("hae", term);
      else address.searchParams.delete("hae");
      window.history.replaceState(null, "", address);
      return asked;
    },
    processResult: function (result) {
      /* a memo's date before its title, as in the search box (muistio-search.js) */
      if (result.meta && result.meta.pvm) result.meta.title = result.meta.pvm + " " + (result.meta.title || "");
      return result;
    },
  });
  if (query) ui.triggerSearch(query);
})();
