/* Prongsai theme script: no inline handlers, no third-party requests.
 *  - "พิมพ์ / บันทึกเป็น PDF" button (.pr-print) calls window.print(); the
 *    404 page's search button (.pr-404-search) opens the header's search
 *  - wide tables (.pr-table-wrap) that scroll sideways become keyboard
 *    focusable regions, so they can be scrolled without a mouse
 *  - numbers the search box writes ("พบ 13 เอกสาร") follow the site's digit
 *    setting (<meta name="prongsai-digits">)
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

  var digitsMeta = document.querySelector('meta[name="prongsai-digits"]');
  var results = document.querySelector('[data-md-component="search-result"]');
  if (digitsMeta && digitsMeta.content === "thai" && results && window.MutationObserver) {
    var toThai = function (text) {
      return text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + +d); });
    };
    var fix = function () {
      var nodes = results.querySelectorAll(".md-search-result__meta, .md-search-result__more summary div");
      Array.prototype.forEach.call(nodes, function (node) {
        var text = node.textContent;
        var thai = toThai(text);
        if (thai !== text) node.textContent = thai;
      });
    };
    new MutationObserver(fix).observe(results, { childList: true, subtree: true, characterData: true });
  }
})();
