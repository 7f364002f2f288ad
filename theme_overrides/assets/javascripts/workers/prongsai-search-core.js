/* Prongsai search: the index format and the matching, independent of any theme.
 *
 * The index (made by generator/search_index.py) is in pieces under one folder:
 *   map.json         [[page location, page title, first chunk], ...] in site order
 *   chunks/<c>.json  [section location, section title (in its first chunk only), text,
 *                    number of the section's first chunk]
 *   keys/<n>.json    shard n: {key: chunks whose text has the key, as a base64 bitset
 *                    or a list of chunk numbers}
 * A page's chunks are numbered one after another. Keys are the characters and
 * character pairs of normalized text, so Thai words are found inside runs of Thai
 * written without spaces. A query fetches the shards of its keys, keeps the pages where
 * each word's keys meet in one chunk, and fetches those chunks, a page's one after
 * another only until each word is found there: every page with the words is listed, no
 * page without. The likeliest pages come first, shown while the others are checked.
 *
 * Normalization (same for text and query, and in Python): NFC, lower case, Thai digits
 * read as Arabic digits, zero-width characters removed, whitespace collapsed.
 * A query of several words (separated by spaces) lists pages that contain all of them.
 */
"use strict";

var ProngsaiSearch = (function () {
  var MAX_SECTIONS = 20; /* sections listed under one page */
  var FIRST_PAGES = 8; /* pages checked before the first results are shown */
  var MORE = "#prongsai-searching"; /* the location of the "still searching" line */

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

  /* The result of one page from its fetched chunks: the sections that hold the words,
     the page itself first. `titles` gives a section's title by location. */
  function pageResult(page, pieces, titles, terms, wanted) {
    var article = page.location;
    var sections = {}, order = [];
    pieces.forEach(function (c) {
      var s = sections[c.location];
      if (!s) { s = sections[c.location] = { hits: 0, titleHits: 0, text: null }; order.push(c.location); }
      var found = 0;
      var norm = normalize(c.title + " " + c.text);
      terms.forEach(function (t) { found += count(norm, t); });
      if (c.first) terms.forEach(function (t) { s.titleHits += count(normalize(c.title), t); });
      s.hits += found;
      if (found && s.text === null) s.text = c.text;
    });
    var items = [];
    order.forEach(function (location) {
      var s = sections[location];
      if (!s.hits && location !== article) return;
      items.push({
        location: location,
        title: mark(titles[location] || "", terms),
        text: s.hits ? teaser(s.text, terms) : "",
        score: s.hits + 10 * s.titleHits,
        terms: wanted
      });
    });
    if (!items.some(function (i) { return i.location === article; })) {
      items.push({ location: article, title: escapeHTML(page.title), text: "", score: 0, terms: wanted });
    }
    items.sort(function (a, b) {
      if (a.location === article) return -1;
      if (b.location === article) return 1;
      return b.score - a.score;
    });
    return { items: items.slice(0, MAX_SECTIONS + 1), total: items.reduce(function (s, i) { return s + i.score; }, 0) };
  }

  function has(set, n) {
    return Array.isArray(set) ? set.indexOf(n) >= 0 : (set[n >> 3] & (1 << (n & 7))) !== 0;
  }

  /* An index under `root` (a URL ending in '/'), described by `meta` {chunks, pages,
     shards, version}. `fetchJSON(url)` returns a promise of the parsed file. */
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
    function chunk(n) {
      return piece("chunks/" + n + ".json").then(function (r) {
        return { number: n, location: r[0], title: r[1], text: r[2], first: r[3] === n, sectionFirst: r[3] };
      });
    }

    /* For each term, the chunks holding all its keys (a bitset). */
    function holders(terms) {
      var keysByTerm = terms.map(keysOf);
      var shards = {};
      keysByTerm.forEach(function (keys) { keys.forEach(function (k) { shards[shardOf(k, meta.shards)] = true; }); });
      var names = Object.keys(shards);
      return Promise.all(names.map(function (n) { return piece("keys/" + n + ".json"); })).then(function (parts) {
        var byShard = {};
        names.forEach(function (n, i) { byShard[n] = parts[i]; });
        var size = (meta.chunks + 7) >> 3;
        return keysByTerm.map(function (keys) {
          var set = null;
          keys.forEach(function (k) {
            var found = byShard[shardOf(k, meta.shards)][k], b = new Uint8Array(size);
            if (Array.isArray(found)) found.forEach(function (n) { b[n >> 3] |= 1 << (n & 7); });
            else if (found) b.set(bits(found).subarray(0, size));
            if (set === null) { set = b; return; }
            for (var i = 0; i < size; i++) set[i] &= b[i];
          });
          return set || new Uint8Array(size);
        });
      });
    }

    /* {items: [[section, ...] per page, best first]}, as the theme's result list wants.
       `partial(result)`, if given, is called once with the first pages' results when
       more pages are still being checked. */
    function query(text, partial) {
      var terms = normalize(text).split(" ").filter(Boolean);
      if (!terms.length) return Promise.resolve({ items: [] });
      var wanted = {};
      terms.forEach(function (t) { wanted[t] = true; });
      return Promise.all([piece("map.json"), holders(terms)]).then(function (got) {
        var map = got[0], sets = got[1], pages = [];
        map.forEach(function (row, p) {
          var first = row[2], end = p + 1 < map.length ? map[p + 1][2] : meta.chunks, mine = [];
          var everyTerm = sets.every(function (set) {
            var any = false;
            for (var c = first; c < end; c++) {
              if (has(set, c)) { any = true; if (mine.indexOf(c) < 0) mine.push(c); }
            }
            return any;
          });
          if (everyTerm) {
            pages.push({ location: row[0], title: row[1], rank: p, chunks: mine, terms: terms, wanted: wanted });
          }
        });
        /* The likeliest pages first (the page's title holds the words, then the most
           chunks holding them), so that on a slow line the first results are shown
           while the rest is still on its way: `partial` gets them, `query` resolves
           with every page. */
        var titled = function (page) {
          var title = normalize(page.title);
          return terms.every(function (t) { return title.indexOf(t) >= 0; }) ? 1 : 0;
        };
        pages.sort(function (a, b) {
          return titled(b) - titled(a) || b.chunks.length - a.chunks.length || a.rank - b.rank;
        });
        var done = [];
        function answer() {
          var groups = done.filter(Boolean).slice();
          groups.sort(function (a, b) { return b.total - a.total || a.rank - b.rank; });
          return { items: groups.map(function (g) { return g.items; }) };
        }
        function batch(list) {
          return Promise.all(list.map(verify)).then(function (results) { done = done.concat(results); });
        }
        var first = pages.slice(0, FIRST_PAGES), rest = pages.slice(FIRST_PAGES);
        return batch(first).then(function () {
          if (rest.length && partial) {
            /* first in the list: a line saying that more results are on their way */
            var label = meta.searching || ["…", ""];
            var note = [{ location: MORE, title: escapeHTML(label[0]), text: "<p>" + escapeHTML(label[1]) + "</p>",
                          score: 0, terms: wanted }];
            var shown = answer();
            partial({ items: [note].concat(shown.items) });
          }
          return batch(rest);
        }).then(answer);
      });
    }

    /* One candidate page checked against its chunks, fetched one after another only until
       every word is found (a long page need not send all its text): its result, or null
       when the words are not really there. */
    function verify(page) {
      var terms = page.terms, order = page.chunks.slice().sort(function (a, b) { return a - b; });
      var pieces = [], missingTerms = terms.slice();
      function next(i) {
        if (!missingTerms.length) return Promise.resolve(true);
        if (i >= order.length) return Promise.resolve(false);
        return chunk(order[i]).then(function (c) {
          pieces.push(c);
          var norm = normalize(c.title + " " + c.text);
          missingTerms = missingTerms.filter(function (t) { return norm.indexOf(t) < 0; });
          return next(i + 1);
        });
      }
      return next(0).then(function (real) {
        if (!real) return null;
        /* a section that holds the words but whose first chunk (its title) was not fetched */
        var fetched = pieces.map(function (c) { return c.number; }), missing = [];
        pieces.forEach(function (c) {
          if (fetched.indexOf(c.sectionFirst) < 0 && missing.indexOf(c.sectionFirst) < 0) missing.push(c.sectionFirst);
        });
        return Promise.all(missing.map(chunk)).then(function (extra) {
          var titles = {};
          pieces.concat(extra).forEach(function (c) { if (c.first) titles[c.location] = c.title; });
          var result = pageResult(page, pieces, titles, terms, page.wanted);
          /* the chunks holding every key tell how much of the page is about the words */
          result.total += order.length;
          result.rank = page.rank;
          return result;
        });
      });
    }

    return { query: query };
  }

  return { create: create, normalize: normalize, keysOf: keysOf, shardOf: shardOf, MORE: MORE };
})();
