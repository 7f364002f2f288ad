/* Prongsai search: the index format and the matching, independent of any theme.
 *
 * The index (made by generator/search_index.py) is in pieces under one folder:
 *   pages.json       the chunks that start a page: a base64 bitset (or a list of numbers)
 *   chunks/<c>.json  [section location, section title, text, number of the section's
 *                    first chunk, page title (when the section is not the page's first)]
 *   keys/<n>.json    shard n: {key: [chunks whose text has the key, pages whose title
 *                    has it], each a base64 bitset or a list of numbers}
 * A page's chunks are numbered one after another. Keys are the characters, character
 * pairs and (as "#<bucket>", of meta.trigrams buckets) runs of three characters of
 * normalized text, so Thai words are found inside runs of Thai written without spaces. A query fetches the shards of its keys and pages.json, keeps
 * the pages where each word's keys meet in one chunk (the candidates, ranked: the words
 * in the title first, then the most chunks holding them), and no text yet. Then it
 * checks candidates in rank order, a few at a time, fetching a page's chunks one after
 * another only until each word is found there: a checked page is listed with its words
 * marked, or dropped. `more(n)` checks candidates until n more pages are listed, so what
 * a visitor downloads is the pages they are shown, never the whole site's text; asked
 * often enough, it lists every page with the words and no page without.
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

  /* The keys a chunk holding the word surely has (as generator/search_index.py
     query_keys): its character, its pair, or the buckets of its runs of three. */
  function keysOf(word, buckets) {
    var chars = Array.from(word), keys = [];
    if (chars.length < 3) return [chars.join("")];
    for (var i = 0; i + 2 < chars.length; i++) keys.push("#" + shardOf(chars[i] + chars[i + 1] + chars[i + 2], buckets));
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

  /* What a chunk's keys were made of: the section's title goes with its first chunk. */
  function searched(c) {
    return c.first ? c.title + " " + c.text : c.text;
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
      var norm = normalize(searched(c));
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

  /* A set of numbers below `count` as the index writes it (bitset or list), as a bitset. */
  function bitset(found, count) {
    var b = new Uint8Array((count + 7) >> 3);
    if (Array.isArray(found)) found.forEach(function (n) { b[n >> 3] |= 1 << (n & 7); });
    else if (found) b.set(bits(found).subarray(0, b.length));
    return b;
  }

  function and(set, other) {
    if (set === null) return other;
    for (var i = 0; i < set.length; i++) set[i] &= other[i];
    return set;
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
        return { number: n, location: r[0], title: r[1], text: r[2], first: r[3] === n,
                 pageTitle: r.length > 4 ? r[4] : r[1] };
      });
    }

    /* For each term, the chunks holding all its keys and the pages whose title holds them
       (bitsets). */
    function holders(terms) {
      var keysByTerm = terms.map(function (t) { return keysOf(t, meta.trigrams); });
      var shards = {};
      keysByTerm.forEach(function (keys) { keys.forEach(function (k) { shards[shardOf(k, meta.shards)] = true; }); });
      var names = Object.keys(shards);
      return Promise.all(names.map(function (n) { return piece("keys/" + n + ".json"); })).then(function (parts) {
        var byShard = {};
        names.forEach(function (n, i) { byShard[n] = parts[i]; });
        return keysByTerm.map(function (keys) {
          var inChunks = null, inTitles = null;
          keys.forEach(function (k) {
            var found = byShard[shardOf(k, meta.shards)][k] || [[], []];
            inChunks = and(inChunks, bitset(found[0], meta.chunks));
            inTitles = and(inTitles, bitset(found[1], meta.pages));
          });
          return { chunks: inChunks || bitset([], meta.chunks), titles: inTitles || bitset([], meta.pages) };
        });
      });
    }

    /* The pages where every term's keys meet in some chunk, best first, from the shards
       and the page starts alone. */
    function candidates(starts, sets, terms, wanted) {
      var pages = [], page = -1, mine = null, every = null;
      function close() {
        if (page < 0 || !every.every(Boolean)) return;
        var titled = sets.every(function (set) { return has(set.titles, page); }) ? 1 : 0;
        pages.push({ rank: page, chunks: mine, titled: titled, terms: terms, wanted: wanted });
      }
      for (var c = 0; c < meta.chunks; c++) {
        if (has(starts, c)) {
          close();
          page += 1;
          mine = [];
          every = sets.map(function () { return false; });
        }
        var any = false;
        for (var t = 0; t < sets.length; t++) {
          if (has(sets[t].chunks, c)) { every[t] = true; any = true; }
        }
        if (any) mine.push(c);
      }
      close();
      pages.sort(function (a, b) {
        return b.titled - a.titled || b.chunks.length - a.chunks.length || a.rank - b.rank;
      });
      return pages;
    }

    /* A search: `more(n)` checks candidates in rank order until n more pages are listed
       (or none is left) and resolves when they are; `items()` gives the listed pages'
       results, [[section, ...] per page], in the order they were listed (each batch best
       first), as the theme's result list wants; `left()` the candidates not yet checked. */
    function query(text) {
      var terms = normalize(text).split(" ").filter(Boolean);
      var wanted = {};
      terms.forEach(function (t) { wanted[t] = true; });
      var found = Promise.resolve([]);
      if (terms.length) {
        found = Promise.all([piece("pages.json"), holders(terms)]).then(function (got) {
          return candidates(bitset(got[0], meta.chunks), got[1], terms, wanted);
        });
      }
      return found.then(function (pages) {
        var next = 0, listed = [];
        function more(count) {
          var batch = [];
          function step() {
            var want = count - batch.length;
            if (want <= 0 || next >= pages.length) return Promise.resolve();
            var some = pages.slice(next, next + want);
            next += some.length;
            return Promise.all(some.map(verify)).then(function (results) {
              batch = batch.concat(results.filter(Boolean));
              return step();
            });
          }
          return step().then(function () {
            batch.sort(function (a, b) { return b.total - a.total || a.rank - b.rank; });
            listed = listed.concat(batch.map(function (g) { return g.items; }));
          });
        }
        return {
          terms: terms,
          wanted: wanted,
          more: more,
          items: function () { return listed.slice(); },
          left: function () { return pages.length - next; }
        };
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
          var norm = normalize(searched(c));
          missingTerms = missingTerms.filter(function (t) { return norm.indexOf(t) < 0; });
          return next(i + 1);
        });
      }
      return next(0).then(function (real) {
        if (!real) return null;
        var titles = {};
        pieces.forEach(function (c) { titles[c.location] = c.title; });
        var first = pieces[0];
        var where = { location: first.location.split("#")[0], title: first.pageTitle };
        var result = pageResult(where, pieces, titles, terms, page.wanted);
        /* the chunks holding every key tell how much of the page is about the words */
        result.total += order.length;
        result.rank = page.rank;
        return result;
      });
    }

    return { query: query };
  }

  return { create: create, normalize: normalize, keysOf: keysOf, shardOf: shardOf, escapeHTML: escapeHTML };
})();
