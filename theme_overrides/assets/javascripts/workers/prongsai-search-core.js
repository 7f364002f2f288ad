/* Prongsai search: the index format and the matching, independent of any theme.
 *
 * The index (made by generator/search_index.py) is in pieces under one folder:
 *   keys/<n>.json   shard n: {key: base64 bitset of the pages whose text has the key}
 *   pages/<p>.json  page p: [[location, title, text], ...] its sections, plain text
 * Keys are the characters and character pairs of normalized text, so Thai words are
 * found inside runs of Thai written without spaces. A query fetches the shards of its
 * keys, keeps the pages holding every key, fetches only those pages and checks that
 * each word really occurs: every page with the words is listed, no page without.
 *
 * Normalization (same for text and query, and in Python): NFC, lower case, Thai digits
 * read as Arabic digits, zero-width characters removed, whitespace collapsed.
 * A query of several words (separated by spaces) lists pages that contain all of them.
 */
"use strict";

var ProngsaiSearch = (function () {
  var MAX_SECTIONS = 20; /* sections listed under one page */

  function normalize(text) {
    return String(text || "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); })
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  /* The keys a word needs: its characters, or its neighbouring pairs. */
  function keysOf(word) {
    var chars = Array.from(word), keys = [];
    if (chars.length === 1) return chars;
    for (var i = 0; i + 1 < chars.length; i++) keys.push(chars[i] + chars[i + 1]);
    return keys;
  }

  /* FNV-1a over code points, as generator/search_index.py shard_of. */
  function shardOf(key, shards) {
    var h = 0x811c9dc5;
    for (var ch of key) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function bits(base64) {
    var raw = atob(base64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0) {
      n += 1;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return n;
  }

  /* Mark the query words in a piece of plain text, returned as HTML. */
  function mark(source, terms) {
    var text = escapeHTML(source.replace(/\s+/g, " ").trim());
    if (!terms.length) return text;
    var pattern = terms
      .map(function (t) { return escapeHTML(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
      .sort(function (a, b) { return b.length - a.length; })
      .join("|");
    try {
      return text.replace(new RegExp(pattern, "gi"), function (m) { return "<mark>" + m + "</mark>"; });
    } catch (err) {
      return text;
    }
  }

  /* A teaser: the part of the text around the first match. */
  function teaser(source, terms) {
    var text = source.replace(/\s+/g, " ").trim();
    var lower = normalize(text);
    var first = -1;
    terms.forEach(function (t) {
      var at = lower.indexOf(t);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (text.length > 320 && first > 80 && lower.length === text.length) {
      /* start at a space before the match, so no word is cut in half */
      var cut = text.lastIndexOf(" ", first - 20);
      text = "… " + text.slice(cut > first - 160 && cut >= 0 ? cut + 1 : first - 60);
    }
    if (text.length > 320) text = text.slice(0, 320) + " …";
    return "<p>" + mark(text, terms) + "</p>";
  }

  /* The result of one page: its sections that hold the words, the page itself first. */
  function pageResult(sections, terms, wanted) {
    var article = sections[0].location.split("#")[0];
    var norms = sections.map(function (s) { return normalize(s.title + " " + s.text); });
    var whole = norms.join(" ");
    if (!terms.every(function (t) { return whole.indexOf(t) >= 0; })) return null;
    var items = [];
    sections.forEach(function (s, i) {
      var hits = 0, titleHits = 0, title = normalize(s.title);
      terms.forEach(function (t) { hits += count(norms[i], t); titleHits += count(title, t); });
      var isArticle = s.location === article;
      if (!hits && !isArticle) return;
      items.push({
        location: s.location,
        title: mark(s.title, terms),
        text: hits ? teaser(s.text, terms) : "",
        score: hits + 10 * titleHits,
        terms: wanted
      });
    });
    if (!items.some(function (i) { return i.location === article; })) {
      items.push({ location: article, title: escapeHTML(sections[0].title), text: "", score: 0, terms: wanted });
    }
    items.sort(function (a, b) {
      if (a.location === article) return -1;
      if (b.location === article) return 1;
      return b.score - a.score;
    });
    return { items: items.slice(0, MAX_SECTIONS + 1), total: items.reduce(function (s, i) { return s + i.score; }, 0) };
  }

  /* An index under `root` (a URL ending in '/'), described by `meta` {pages, shards, version}.
     `fetchJSON(url)` returns a promise of the parsed file. */
  function create(root, meta, fetchJSON) {
    var cache = {};
    function piece(path) {
      if (!(path in cache)) {
        cache[path] = fetchJSON(root + path + "?v=" + encodeURIComponent(meta.version)).catch(function (err) {
          delete cache[path];
          throw err;
        });
      }
      return cache[path];
    }

    /* Page numbers holding every key of every term, in site order. */
    function candidates(terms) {
      var keys = [];
      terms.forEach(function (t) { keys = keys.concat(keysOf(t)); });
      var shards = {};
      keys.forEach(function (k) { shards[shardOf(k, meta.shards)] = true; });
      return Promise.all(Object.keys(shards).map(function (n) { return piece("keys/" + n + ".json"); }))
        .then(function (parts) {
          var byShard = {};
          Object.keys(shards).forEach(function (n, i) { byShard[n] = parts[i]; });
          var set = null;
          keys.forEach(function (k) {
            var found = byShard[shardOf(k, meta.shards)][k];
            var b = found ? bits(found) : new Uint8Array(0);
            if (set === null) { set = b; return; }
            var next = new Uint8Array(set.length);
            for (var i = 0; i < set.length; i++) next[i] = set[i] & (b[i] || 0);
            set = next;
          });
          var pages = [];
          for (var p = 0; p < meta.pages; p++) {
            if (set && set[p >> 3] & (1 << (p & 7))) pages.push(p);
          }
          return pages;
        });
    }

    /* {items: [[section, ...] per page, best first]}, as the theme's result list wants. */
    function query(text) {
      var terms = normalize(text).split(" ").filter(Boolean);
      if (!terms.length) return Promise.resolve({ items: [] });
      var wanted = {};
      terms.forEach(function (t) { wanted[t] = true; });
      return candidates(terms).then(function (pages) {
        return Promise.all(pages.map(function (p) { return piece("pages/" + p + ".json"); })).then(function (loaded) {
          var groups = [];
          loaded.forEach(function (rows, rank) {
            var sections = rows.map(function (r) { return { location: r[0], title: r[1], text: r[2] }; });
            var result = sections.length ? pageResult(sections, terms, wanted) : null;
            if (result) { result.rank = rank; groups.push(result); }
          });
          groups.sort(function (a, b) { return b.total - a.total || a.rank - b.rank; });
          return { items: groups.map(function (g) { return g.items; }) };
        });
      });
    }

    return { query: query };
  }

  return { create: create, normalize: normalize, keysOf: keysOf, shardOf: shardOf };
})();
