/* Tables (progressive enhancement: the full table is in the HTML).
 *  - Labels: every cell of a table with column headers gets data-label (its
 *    header's text) unless the template wrote one, and the table the class
 *    pr-cards, so the stylesheet shows it as one card per row on phones.
 *    Dataset tables are labelled here rather than in the HTML: a 220-row
 *    contract list would double in size.
 *  - Sorting: pressing a column header of table.pr-sortable reorders rows. A
 *    cell of a number, date or ID carries data-sort (a plain number, or an ISO
 *    date); any other cell sorts by its text. Numbers compare as numbers
 *    (negative ones too), text in Thai dictionary order (localeCompare 'th':
 *    leading vowels such as เ are passed over), empty cells first.
 *  - Long datasets (more than PAGE rows): a filter box above the table and a
 *    "show more" button below it; the rows counted follow the site's digits.
 *  - Header row in view: a table box (.pr-table-wrap) whose table fits it gets
 *    the class pr-fits, so it need not scroll and its header row can stick
 *    below the page's header bar; a box that must scroll sideways keeps its
 *    header row at its own top (the stylesheet does both).
 */
(function () {
  "use strict";
  var PAGE = 20;
  var meta = document.querySelector('meta[name="prongsai-digits"]');
  var thai = !!meta && meta.content === "thai";
  function digits(n) {
    var text = String(n);
    return thai ? text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + +d); }) : text;
  }
  function plain(text) {
    return text.replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); })
      .replace(/,/g, "").toLowerCase();
  }

  function label(table) {
    if (table.dataset.labelReady) return;
    table.dataset.labelReady = "1";
    var head = table.tHead && table.tHead.rows[0];
    if (!head || head.cells.length < 3) return; // two columns fit any screen
    var names = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (b) { rows.push.apply(rows, b.rows); });
    if (table.tFoot) rows.push.apply(rows, table.tFoot.rows);
    rows.forEach(function (row) {
      if (row.cells.length === 1 && row.cells[0].colSpan > 1) return; // a group heading
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (!cell.hasAttribute("data-label") && names[i]) cell.setAttribute("data-label", names[i]);
      });
    });
    table.classList.add("pr-cards");
  }

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

  /* Sorting by a header button, or (on phones, where the header row is
     hidden behind the cards) by the "เรียงตาม" list above the table. */
  function sortable(table, update, tools) {
    var heads = table.tHead.rows[0].cells;
    var choice = null;
    function sortBy(index, up) {
      Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
      heads[index].setAttribute("aria-sort", up ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        return compare(key(a.cells[index]), key(b.cells[index])) * (up ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
      if (choice) choice.value = index + (up ? ":up" : ":down");
      update();
    }
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pr-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        sortBy(index, th.getAttribute("aria-sort") !== "ascending");
      });
    });
    if (!tools) return;
    var field = document.createElement("label");
    field.className = "pr-sort-by";
    var name = document.createElement("span");
    name.textContent = "เรียงตาม";
    choice = document.createElement("select");
    var none = document.createElement("option");
    none.value = "";
    none.textContent = "ลำดับเดิม";
    choice.appendChild(none);
    Array.prototype.forEach.call(heads, function (th, index) {
      [["up", "น้อยไปมาก / ก-ฮ"], ["down", "มากไปน้อย / ฮ-ก"]].forEach(function (way) {
        var option = document.createElement("option");
        option.value = index + ":" + way[0];
        option.textContent = th.textContent.trim() + " (" + way[1] + ")";
        choice.appendChild(option);
      });
    });
    var original = Array.prototype.slice.call(table.tBodies[0].rows);
    choice.addEventListener("change", function () {
      if (!choice.value) {
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        original.forEach(function (row) { table.tBodies[0].appendChild(row); });
        update();
        return;
      }
      var parts = choice.value.split(":");
      sortBy(+parts[0], parts[1] === "up");
    });
    field.appendChild(name);
    field.appendChild(choice);
    tools.insertBefore(field, tools.lastChild);
  }

  /* Filter box and "show more" for a long table; returns the function that
     re-applies them (after sorting) and the box above the table. */
  function pager(table) {
    var body = table.tBodies[0];
    var wrap = table.closest(".pr-table-wrap") || table;
    if (!body || body.rows.length <= PAGE) return {update: function () {}, tools: null};
    var texts = new Map();
    var shown = PAGE;
    var query = "";

    var tools = document.createElement("div");
    tools.className = "pr-table-tools";
    var field = document.createElement("label");
    field.className = "pr-filter";
    var name = document.createElement("span");
    name.textContent = "ค้นหาในตาราง";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "พิมพ์คำ ชื่อ หรือตัวเลข";
    input.setAttribute("autocomplete", "off");
    field.appendChild(name);
    field.appendChild(input);
    var count = document.createElement("p");
    count.className = "pr-table-count";
    count.setAttribute("aria-live", "polite");
    tools.appendChild(field);
    tools.appendChild(count);
    wrap.parentNode.insertBefore(tools, wrap);

    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button pr-more";
    wrap.parentNode.insertBefore(more, wrap.nextSibling);

    function update() {
      var matching = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = texts.get(row);
        if (text === undefined) { text = plain(row.textContent); texts.set(row, text); }
        var hit = !query || text.indexOf(query) !== -1;
        row.classList.toggle("pr-row-filtered", !hit);
        if (hit) matching += 1;
        row.classList.toggle("pr-row-more", hit && matching > shown);
      });
      var visible = Math.min(matching, shown);
      count.textContent = "แสดง " + digits(visible) + " จาก " + digits(matching) + " แถว" +
        (query ? " ที่ตรงกับคำค้น (ทั้งหมด " + digits(body.rows.length) + " แถว)" : "");
      var rest = matching - visible;
      more.hidden = rest <= 0;
      more.textContent = "แสดงเพิ่มอีก " + digits(Math.min(PAGE, rest)) + " แถว (เหลือ " + digits(rest) + " แถว)";
    }
    input.addEventListener("input", function () {
      query = plain(input.value.trim());
      shown = PAGE;
      update();
    });
    more.addEventListener("click", function () {
      shown += PAGE;
      update();
    });
    update();
    return {update: update, tools: tools};
  }

  var fitting = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { fit(entry.target); });
  }) : null;
  function fit(wrap) {
    var table = wrap.querySelector("table");
    wrap.classList.toggle("pr-fits", !!table && table.getBoundingClientRect().width <= wrap.clientWidth + 1);
  }

  function enhance(table) {
    if (table.dataset.tableReady) return;
    table.dataset.tableReady = "1";
    label(table);
    var wrap = table.parentElement;
    if (wrap && wrap.classList.contains("pr-table-wrap")) {
      fit(wrap);
      if (fitting) { fitting.observe(wrap); fitting.observe(table); }
    }
    if (!table.classList.contains("pr-dataset")) return;
    var paged = pager(table);
    if (table.classList.contains("pr-sortable")) sortable(table, paged.update, paged.tools);
  }

  function run() {
    document.querySelectorAll(".md-content article table").forEach(function (t) {
      if (t.tHead) enhance(t);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
