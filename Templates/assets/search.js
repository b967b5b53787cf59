// Helhed search for /soeg/: progressive enhancement. Without JavaScript the page says that search needs it.
// Loads the index built at build time (soeg/index.json) once, matches whole words and word beginnings, and ranks
// matches in titles above glossary terms above body text. fold() and words() must stay equivalent to SearchText in
// Sources/HelhedCore/Publish/SearchText.swift; scripts/test-search.js checks both against the same cases.
(function () {
  "use strict";

  // 1. NFC, 2. lower case (final sigma as sigma), 3. æ/ø/å spelled out, 4. NFD without combining marks.
  function fold(text) {
    return text.normalize("NFC").toLowerCase().replace(/ς/g, "σ")
      .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Runs of letters and digits, at least two characters (code points) long.
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return Array.from(word).length > 1; });
  }

  var WEIGHTS = { names: [10, 7], terms: [5, 4], words: [2, 1] };  // [whole word, beginning of a word]

  // Results for a query: every query word must match somewhere; best score first, index order (articles newest
  // first, then terms A–Å) among equals.
  function search(pages, query) {
    var wanted = words(query);
    if (wanted.length === 0) return [];
    var found = [];
    pages.forEach(function (page, position) {
      var score = 0;
      for (var i = 0; i < wanted.length; i++) {
        var best = 0;
        for (var field in WEIGHTS) {
          var list = page["_" + field] || (page["_" + field] = page[field] ? page[field].split(" ") : []);
          for (var j = 0; j < list.length && best < WEIGHTS[field][0]; j++) {
            if (list[j] === wanted[i]) best = Math.max(best, WEIGHTS[field][0]);
            else if (list[j].lastIndexOf(wanted[i], 0) === 0) best = Math.max(best, WEIGHTS[field][1]);
          }
        }
        if (best === 0) return;
        score += best;
      }
      found.push({ page: page, score: score, position: position });
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found.map(function (result) { return result.page; });
  }

  var api = { fold: fold, words: words, search: search };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.querySelector("form[data-search-index]");
  var input = document.getElementById("soegefelt");
  var region = document.getElementById("soegeresultater");
  if (!form || !input || !region || !window.fetch || !window.URLSearchParams) return;
  var pages = null;
  var loading = null;
  var timer = null;

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-search-index"))
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (index) { pages = index.pages; });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The snippet with every word that begins with a query word marked.
  function snippet(text, wanted) {
    var paragraph = element("p", "search-snippet");
    text.split(/([^\p{L}\p{N}]+)/u).forEach(function (part) {
      var folded = fold(part);
      var hit = part && wanted.some(function (word) { return folded.lastIndexOf(word, 0) === 0; });
      paragraph.appendChild(hit ? element("mark", null, part) : document.createTextNode(part));
    });
    return paragraph;
  }

  function show(query) {
    region.textContent = "";
    var wanted = words(query);
    if (!query.trim()) return;
    if (wanted.length === 0) {
      region.appendChild(element("p", "search-status", "Skriv mindst to bogstaver."));
      return;
    }
    var results = search(pages, query);
    var count = results.length === 1 ? "1 resultat" : results.length + " resultater";
    var status = results.length === 0 ? "Ingen resultater for »" + query.trim() + "«. Prøv et andet ord eller begyndelsen af et ord."
                                      : count + " for »" + query.trim() + "«.";
    region.appendChild(element("p", "search-status", status));
    if (results.length === 0) return;
    var list = element("ol", "search-list");
    results.slice(0, 50).forEach(function (page) {
      var item = element("li", "search-result");
      item.appendChild(element("p", "kicker", page.kind));
      var heading = element("h2");
      var link = element("a", null, page.title);
      link.href = page.url;
      heading.appendChild(link);
      item.appendChild(heading);
      if (page.summary) item.appendChild(snippet(page.summary, wanted));
      list.appendChild(item);
    });
    region.appendChild(list);
  }

  function run(query, updateAddress) {
    if (updateAddress && window.history && history.replaceState) {
      var address = new URL(window.location.href);
      if (query.trim()) address.searchParams.set("q", query); else address.searchParams.delete("q");
      history.replaceState(null, "", address.pathname + address.search + address.hash);
    }
    if (!query.trim()) { region.textContent = ""; return; }
    load().then(function () { if (input.value === query) show(query); }, function () {
      region.textContent = "";
      region.appendChild(element("p", "search-status", "Søgningen kunne ikke hentes. Prøv igen om lidt."));
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value, true);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value, true); }, 150);
  });
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial, false);
  }
})();
