/* Prongsai theme script: no inline handlers, no third-party requests.
 *  - "พิมพ์ / บันทึกเป็น PDF" button (.pr-print) calls window.print(); the
 *    404 page's search button (.pr-404-search) opens the header's search
 *  - wide tables (.pr-table-wrap) that scroll sideways become keyboard
 *    focusable regions, so they can be scrolled without a mouse
 *  - numbers the search box writes ("พบ 13 เอกสาร") follow the site's digit
 *    setting (<meta name="prongsai-digits">)
 *  - search's "แสดงผลเพิ่ม" item (#prongsai-more-<ref>, made by the search worker):
 *    a click on it, or scrolling the list to it, asks the worker for the next pages
 *    over the BroadcastChannel "prongsai-search" instead of following the link; the
 *    worker's line above the list ("แสดง 10 หน้า จากประมาณ …") replaces the theme's
 *    count of the items it was given
 */
(function () {
  "use strict";

  /* Delegated listener: also works if Material's instant loading
     replaces the page content later. */
  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest(".pr-print") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
    /* the 404 page's "ค้นหาในเว็บไซต์" opens the header's search */
    var search = target && target.closest ? target.closest(".pr-404-search") : null;
    var toggle = document.querySelector('label.md-header__button[for="__search"]');
    if (search && toggle) {
      event.preventDefault();
      toggle.click();
    }
  });

  function markScrollers() {
    var wraps = document.querySelectorAll(".pr-table-wrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label",
          caption ? caption.textContent.trim() : "ตาราง (เลื่อนซ้ายขวาได้)");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  var timer = 0;
  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(markScrollers, 150);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollers);
  } else {
    markScrollers();
  }
  window.addEventListener("resize", later);
  /* Material's instant loading (if ever enabled) emits on document$ */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(later);
  }

  var MORE = "#prongsai-more-", SEARCHING = "#prongsai-searching-";
  var channel = window.BroadcastChannel ? new BroadcastChannel("prongsai-search") : null;
  var asked = {};
  var line = null; /* the worker's line for the list it sent last, if any */
  var theirs = null, written = null; /* the theme's line that ours replaced, and ours */

  function refOf(link, marker) {
    var href = link.getAttribute("href") || "";
    var at = href.indexOf(marker);
    return at < 0 ? "" : href.slice(at + marker.length);
  }

  function askMore(link) {
    var ref = refOf(link, MORE);
    if (!ref || asked[ref] || !channel) return;
    asked[ref] = true;
    channel.postMessage({ type: "more", ref: ref });
  }

  /* Capturing, so the theme's "close search on a result's click" never sees it. */
  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest
      ? target.closest('a[href*="' + MORE + '"], a[href*="' + SEARCHING + '"]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    askMore(link);
  }, true);

  /* Scrolling the result list until the item shows asks too (scroll does not bubble). */
  document.addEventListener("scroll", function (event) {
    var wrap = event.target;
    if (!wrap || !wrap.classList || !wrap.classList.contains("md-search__scrollwrap")) return;
    var link = wrap.querySelector('a[href*="' + MORE + '"]');
    if (link && link.getBoundingClientRect().top < wrap.getBoundingClientRect().bottom) askMore(link);
  }, true);

  var digitsMeta = document.querySelector('meta[name="prongsai-digits"]');
  var thai = !!digitsMeta && digitsMeta.content === "thai";
  var results = document.querySelector('[data-md-component="search-result"]');
  var toThai = function (text) {
    return text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + +d); });
  };
  var fix = function () {
    if (!results) return;
    var meta = results.querySelector(".md-search-result__meta");
    var wanted = line && (thai ? toThai(line) : line);
    if (meta && wanted && meta.textContent !== wanted) {
      if (meta.textContent !== written) theirs = meta.textContent;
      meta.textContent = written = wanted;
    } else if (meta && !wanted && theirs !== null) {
      /* the two messages may come in either order: give the theme's line back */
      if (meta.textContent === written) meta.textContent = theirs;
      theirs = written = null;
    }
    if (!thai) return;
    var nodes = results.querySelectorAll(".md-search-result__meta, .md-search-result__more summary div, " +
      'a[href*="' + MORE + '"] h1');
    Array.prototype.forEach.call(nodes, function (node) {
      var text = node.textContent;
      var converted = toThai(text);
      if (converted !== text) node.textContent = converted;
    });
  };
  if (channel) {
    channel.addEventListener("message", function (event) {
      var message = event.data || {};
      if (message.type === "meta") {
        line = message.text || null;
        fix();
      }
    });
  }
  if (results && window.MutationObserver) {
    new MutationObserver(fix).observe(results, { childList: true, subtree: true, characterData: true });
  }
})();
