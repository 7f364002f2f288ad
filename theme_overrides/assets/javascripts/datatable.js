/* Sortable dataset tables (progressive enhancement): the full table is in the
   HTML; this only reorders rows when a column header is pressed. A cell of a
   number, date or ID carries data-sort (a plain number, or an ISO date); any
   other cell sorts by its text. Numbers compare as numbers (negative ones
   too), text in Thai dictionary order (leading vowels such as เ are passed
   over, as in a dictionary), empty cells first. */
(function () {
  "use strict";
  function key(cell) {
    if (!cell) return "";
    var sort = cell.getAttribute("data-sort");
    return sort === null ? cell.textContent : sort;
  }
  function compare(x, y) {
    if (x !== "" && y !== "" && isFinite(x) && isFinite(y)) return Number(x) - Number(y);
    if (x === "" || y === "") return x === y ? 0 : x === "" ? -1 : 1;
    return x.localeCompare(y, "th");
  }
  function enhance(table) {
    if (table.dataset.sortReady) return;
    table.dataset.sortReady = "1";
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pr-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          return compare(key(a.cells[index]), key(b.cells[index])) * (up ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function run() {
    document.querySelectorAll("table.pr-sortable").forEach(enhance);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
