/* Prongsai search worker: a drop-in for Material's search worker.
 *
 * Material's worker (lunr) splits text on whitespace, and Thai is written
 * without spaces between words, so a Thai word inside a longer run is never
 * found. This worker answers the same messages (SETUP, READY, QUERY, RESULT)
 * with exact substring matching over normalized text: every page that
 * contains the typed word is listed, and no page that does not.
 *
 * Normalization (same for text and query): tags become spaces, entities are
 * decoded, Unicode NFC, lower case, Thai digits read as Arabic digits, zero
 * width characters removed, whitespace collapsed.
 * A query of several words (separated by spaces) lists the pages that
 * contain all of them.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var MAX_SECTIONS = 20; /* sections listed under one page */

var docs = [];       /* {doc, article, norm} in index order */
var articles = {};   /* article location -> page record */
var order = [];      /* article locations in index order */

var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, name) {
    if (name[0] === "#") {
      var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return isFinite(code) ? String.fromCodePoint(code) : all;
    }
    var value = ENTITIES[name.toLowerCase()];
    return value === undefined ? all : value;
  });
}

function normalize(text) {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); })
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function plain(html) {
  return decode(String(html || "").replace(/<[^>]*>/g, " "));
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

function articleOf(location) {
  var i = location.indexOf("#");
  return i < 0 ? location : location.slice(0, i);
}

function setup(index) {
  docs = [];
  articles = {};
  order = [];
  (index.docs || []).forEach(function (doc) {
    var location = String(doc.location || "");
    var article = articleOf(location);
    var record = {
      doc: doc,
      article: article,
      norm: normalize(plain(doc.title) + " " + plain(doc.text))
    };
    docs.push(record);
    if (!(article in articles)) {
      articles[article] = { sections: [], norm: "" };
      order.push(article);
    }
    var page = articles[article];
    page.sections.push(record);
    page.norm += " " + record.norm;
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

/* Mark the query words in a teaser. Text is cut at tags, so words
   split by markup are not marked (they are still found). */
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
function teaser(html, terms) {
  var text = plain(html).replace(/\s+/g, " ").trim();
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

function search(query) {
  var terms = normalize(String(query || "")).split(" ").filter(Boolean);
  if (!terms.length) return { items: [] };
  var wanted = {};
  terms.forEach(function (t) { wanted[t] = true; });
  var groups = [];
  order.forEach(function (article, rank) {
    var page = articles[article];
    if (!terms.every(function (t) { return page.norm.indexOf(t) >= 0; })) return;
    var items = [];
    page.sections.forEach(function (record) {
      var hits = 0;
      terms.forEach(function (t) { hits += count(record.norm, t); });
      var isArticle = record.doc.location === article;
      if (!hits && !isArticle) return;
      var titleHits = 0;
      terms.forEach(function (t) { titleHits += count(normalize(plain(record.doc.title)), t); });
      items.push({
        location: record.doc.location,
        title: mark(plain(record.doc.title), terms),
        text: hits ? teaser(record.doc.text, terms) : "",
        tags: record.doc.tags,
        score: hits + 10 * titleHits,
        terms: wanted
      });
    });
    if (!items.some(function (i) { return i.location === article; })) {
      items.push({ location: article, title: escapeHTML(plain(page.sections[0].doc.title)), text: "", score: 0, terms: wanted });
    }
    items.sort(function (a, b) {
      if (a.location === article) return -1;
      if (b.location === article) return 1;
      return b.score - a.score;
    });
    var total = items.reduce(function (s, i) { return s + i.score; }, 0);
    groups.push({ items: items.slice(0, MAX_SECTIONS + 1), total: total, rank: rank });
  });
  groups.sort(function (a, b) { return b.total - a.total || a.rank - b.rank; });
  return { items: groups.map(function (g) { return g.items; }) };
}

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    setup(message.data || {});
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var result;
    try {
      result = search(message.data);
    } catch (err) {
      result = { items: [] };
    }
    postMessage({ type: RESULT, data: result });
  }
});
