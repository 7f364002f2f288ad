/* Prongsai search worker: the adapter between Material for MkDocs' search box and
 * Prongsai's own index (prongsai-search-core.js). It answers Material's worker
 * messages (SETUP, READY, QUERY, RESULT). Material sends SETUP with its
 * search_index.json, which Prongsai's build reduces to {config: {..., prongsai:
 * {pages, shards, version, labels}}, docs: []}; nothing else is fetched until the
 * visitor types a query.
 *
 * A query lists the best PAGE pages it has checked, then a last item "แสดงผลเพิ่ม
 * (อีกประมาณ M หน้า)" at #prongsai-more-<ref> (ref: this worker, the query, the pages
 * listed). The page's script (prongsai.js) turns a
 * click on it, or scrolling the list to it, into {type: "more", ref} on the
 * BroadcastChannel "prongsai-search"; the worker then shows "กำลังค้นหา…" in its place
 * (#prongsai-searching-<ref>), checks the next PAGE pages and sends the longer list.
 * On the same channel it sends {type: "meta", ref, query, text} with every list: the line
 * above it ("แสดง 10 หน้า จากประมาณ 200 หน้า…") while a marker item is in it, as
 * Material would count the marker as a page, or text null for Material's own count.
 * Without BroadcastChannel every candidate is checked, PAGE at a time, as before.
 * A theme that replaces Material needs only a new adapter like this one.
 */
"use strict";

importScripts("prongsai-search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* pages checked and shown at a time: with the "more" item, the ten items Material renders
   before the list is scrolled */
var PAGE = 9;
var CHANNEL = "prongsai-search";
var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
var me = Math.random().toString(36).slice(2, 10); /* tells this tab's worker from another's */
var index = null;
var labels = {};
var latest = 0; /* a slower, older query never overwrites a newer one's result */
var current = null; /* {ref, query, search, busy} of the latest query */

function fetchJSON(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + url);
    return response.json();
  });
}

function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
    return name in values ? String(values[name]) : all;
  });
}

/* The list as Material renders it: the listed pages, then a marker item, if any. */
function send(state, searching) {
  var search = state.search, items = search.items(), left = search.left();
  var marker = null, ref = state.ref + "-" + items.length; /* a new ref for each longer list */
  if (searching) {
    marker = ["#prongsai-searching-" + ref, labels.searching];
  } else if (left > 0 && channel) {
    marker = ["#prongsai-more-" + ref, fill(labels.more, { left: left })];
  }
  if (marker) {
    items = items.concat([[{ location: marker[0], title: ProngsaiSearch.escapeHTML(marker[1] || "…"), text: "",
                              score: -1, terms: search.wanted }]]);
  }
  postMessage({ type: RESULT, data: { items: items } });
  if (channel) {
    var shown = search.items().length;
    channel.postMessage({ type: "meta", ref: ref, query: state.query,
                          text: marker ? fill(labels.shown_of, { shown: shown, total: shown + left }) : null });
  }
}

/* Check the next pages of the latest query and send the longer list. */
function grow(state) {
  if (state.busy || !state.search.left()) return;
  state.busy = true;
  if (state.search.items().length) send(state, true);
  state.search.more(PAGE).then(function () {
    state.busy = false;
    if (state !== current) return;
    send(state, !channel && state.search.left() > 0);
    if (!channel) grow(state);
  }, function () {
    state.busy = false;
    if (state === current) send(state, false);
  });
}

if (channel) {
  channel.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "more" && current && message.ref === current.ref + "-" + current.search.items().length) {
      grow(current);
    }
  });
}

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    var meta = ((message.data || {}).config || {}).prongsai;
    labels = (meta && meta.labels) || {};
    /* the search folder sits at the site root, three levels above this file */
    index = meta ? ProngsaiSearch.create(new URL("../../../search/prongsai/", self.location).href, meta, fetchJSON) : null;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var mine = ++latest;
    current = null;
    if (!index) {
      postMessage({ type: RESULT, data: { items: [] } });
      return;
    }
    if (channel) channel.postMessage({ type: "meta", ref: "", text: null });
    index.query(message.data).then(function (search) {
      if (mine !== latest) return;
      current = { ref: me + "-" + mine, query: message.data, search: search, busy: false };
      if (search.left()) grow(current);
      else send(current, false);
    }).catch(function () {
      if (mine === latest) postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
