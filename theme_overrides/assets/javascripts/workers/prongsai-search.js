/* Prongsai search worker: the adapter between Material for MkDocs' search box and
 * Prongsai's own index (prongsai-search-core.js). It answers Material's worker
 * messages (SETUP, READY, QUERY, RESULT). Material sends SETUP with its
 * search_index.json, which Prongsai's build reduces to {config: {..., prongsai:
 * {pages, shards, version}}, docs: []}; nothing else is fetched until the visitor types a query.
 * A theme that replaces Material needs only a new adapter like this one.
 */
"use strict";

importScripts("prongsai-search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var index = null;
var latest = 0; /* a slower, older query never overwrites a newer one's result */

function fetchJSON(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + url);
    return response.json();
  });
}

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    var meta = ((message.data || {}).config || {}).prongsai;
    /* the search folder sits at the site root, three levels above this file */
    index = meta ? ProngsaiSearch.create(new URL("../../../search/prongsai/", self.location).href, meta, fetchJSON) : null;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var mine = ++latest;
    var partial = function (result) { if (mine === latest) postMessage({ type: RESULT, data: result }); };
    var answer = index ? index.query(message.data, partial) : Promise.resolve({ items: [] });
    answer.catch(function () { return { items: [] }; }).then(function (result) {
      if (mine === latest) postMessage({ type: RESULT, data: result });
    });
  }
});
