// Muistio's sortable tables: the organisation and people directories (table[data-kb-sortable], written
// by muistio.pages.indexes) sort by a column when a reader clicks its heading: A→Ö the first time,
// the other way the next. With a few hundred organisations, "which have we not met for longest"
// and "which are partners" are a click, not a scroll.
//
// A cell's `data-sort` is its key where its text does not sort (16.5.2012 is written 2012-05-16,
// a status is its stage 0–4, a person "Laitinen Petri"); text is compared the Finnish way (Å, Ä, Ö
// after Z; numbers as numbers), and an empty cell ("–") stays last either way. No library and no
// request: the site must work offline.
(function () {
  "use strict";
  var EMPTY = "–";
  var collator = new Intl.Collator("fi", { numeric: true, sensitivity: "base" });

  function key(cell) {
    var written = cell && cell.getAttribute("data-sort");
    return written !== null && written !== undefined ? written : (cell ? cell.textContent.trim() : EMPTY);
  }

  function sort(table, column) {
    var headings = table.tHead.rows[0].cells;
    var direction = headings[column].getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row) {
      return { row: row, key: key(row.cells[column]) };
    });
    rows.sort(function (a, b) { // stable: rows with the same key keep their order
      var emptyA = a.key === EMPTY || a.key === "", emptyB = b.key === EMPTY || b.key === "";
      if (emptyA || emptyB) return emptyA - emptyB;
      var order = collator.compare(a.key, b.key);
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
    Array.prototype.forEach.call(headings, function (heading) { heading.removeAttribute("aria-sort"); });
    headings[column].setAttribute("aria-sort", direction);
  }

  function setUp() {
    document.querySelectorAll("table[data-kb-sortable]").forEach(function (table) {
      if (!table.tHead || !table.tBodies.length || table.dataset.kbSorting) return;
      table.dataset.kbSorting = "on";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "kb-sort";
        button.title = "Järjestä";
        while (heading.firstChild) button.appendChild(heading.firstChild);
        heading.appendChild(button);
        button.addEventListener("click", function () { sort(table, column); });
      });
    });
  }

  // Every page, also those Material's instant navigation swaps in without a DOMContentLoaded.
  if (window.document$) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
