// Helhed search for /soeg/: progressive enhancement. Without JavaScript the page says that search needs it.
// The index is in pieces (Sources/HelhedCore/Publishing/SearchShards.swift): a manifest (soeg/index.json), term
// shards of stemmed words and result fragments, loaded as a query needs them. A query word matches a word written
// the same way, a word with the same stem (stemmer.js, Snowball's Danish algorithm, as the build's libstemmer), or a
// word that begins with it; titles rank above glossary terms above body text, and within each the word as written
// above its other forms above word beginnings. fold() and words() must stay equivalent to SearchText in
// Sources/HelhedCore/Publishing/SearchText.swift; scripts/test-search.js checks both against the same cases.
(function () {
  "use strict";

  var stemmer = typeof module === "object" && module.exports ? require("./stemmer.js") : window.HelhedStemmer;

  // Steps 1 and 2: NFC, lower case (final sigma as sigma). What the stemmer is given.
  function lower(text) {
    return text.normalize("NFC").toLowerCase().replace(/ς/g, "σ");
  }

  // 1.–2., 3. æ/ø/å spelled out, 4. NFD without combining marks.
  function fold(text) {
    return lower(text).replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Runs of letters and digits, at least two characters (code points) long.
  function split(text) {
    return text.split(/[^\p{L}\p{N}]+/u).filter(function (word) { return Array.from(word).length > 1; });
  }

  function words(text) { return split(fold(text)); }

  // A query's words as the index keys them: the word as written (folded) and its stem (stemmed, then folded).
  function queryWords(query) {
    return split(lower(query)).map(function (word) {
      return { form: fold(word), stem: fold(stemmer.searchStem(word)) };
    });
  }

  // By posting rank (field × 2 + 1 if the page has the word only in another form): [as written, other form, beginning].
  var WEIGHTS = [[12, 10, 7], [6, 5, 4], [3, 2, 1]];  // title and aliases, glossary terms, text

  // The index behind a manifest, loading pieces through fetchJSON(url) → Promise of the parsed file.
  function Index(manifestURL, fetchJSON) {
    this.url = manifestURL;
    this.fetchJSON = fetchJSON;
    this.manifest = null;
    this.files = {};  // url → Promise of the parsed file
  }

  Index.prototype.get = function (name) {
    var url = this.url.replace(/[^\/]*$/, "") + name;  // names are relative to the manifest's folder: "t/….json"
    if (!this.files[url]) {
      var files = this.files;
      files[url] = this.fetchJSON(url);
      files[url].catch(function () { delete files[url]; });
    }
    return this.files[url];
  };

  Index.prototype.load = function () {
    var index = this;
    if (!this.loading) {
      this.loading = this.fetchJSON(this.url).then(function (manifest) { index.manifest = manifest; });
      this.loading.catch(function () { index.loading = null; });
    }
    return this.loading;
  };

  // The shard that holds `key`: the last whose first key is not after it.
  Index.prototype.shardFor = function (key) {
    var shards = this.manifest.shards;
    var low = 0, high = shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (shards[middle][0] <= key) low = middle; else high = middle - 1;
    }
    return low;
  };

  // The shards a query word needs: the one of its stem, and every one that may hold a key beginning with its form.
  Index.prototype.shardsFor = function (word) {
    var shards = this.manifest.shards;
    var wanted = [this.shardFor(word.stem)];
    for (var i = this.shardFor(word.form); i < shards.length; i++) {
      if (i > this.shardFor(word.form) && shards[i][0].lastIndexOf(word.form, 0) !== 0) break;
      if (wanted.indexOf(i) < 0) wanted.push(i);
    }
    return wanted.map(function (i) { return shards[i][1]; });
  };

  // Every page a query word matches, with its best weight: { page: weight }.
  function matches(shards, word) {
    var best = {};
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (key) {
        var kind = key === word.form ? 0 : key === word.stem ? 1 : key.lastIndexOf(word.form, 0) === 0 ? 2 : -1;
        if (kind < 0) return;
        var value = 0;
        shard[key].forEach(function (delta) {
          value += delta;
          var rank = value % 8, page = (value - rank) / 8;
          var weight = WEIGHTS[rank >> 1][kind === 0 && rank & 1 ? 1 : kind];
          if (!(best[page] >= weight)) best[page] = weight;
        });
      });
    });
    return best;
  }

  // Results for a query: [{ page, score }], every query word matched, best score first, index order (articles newest
  // first, then terms A–Å) among equals.
  Index.prototype.search = function (query) {
    var index = this;
    var wanted = queryWords(query);
    if (wanted.length === 0) return Promise.resolve([]);
    return this.load().then(function () {
      return Promise.all(wanted.map(function (word) {
        return Promise.all(index.shardsFor(word).map(function (name) { return index.get(name); }))
          .then(function (shards) { return matches(shards, word); });
      }));
    }).then(function (perWord) {
      var found = [];
      Object.keys(perWord[0]).forEach(function (page) {
        var score = 0;
        for (var i = 0; i < perWord.length; i++) {
          if (!perWord[i][page]) return;
          score += perWord[i][page];
        }
        found.push({ page: Number(page), score: score });
      });
      return found.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    });
  };

  // What the results show, from their fragments: [{ title, url, kind, snippet }].
  Index.prototype.texts = function (results) {
    var index = this;
    if (results.length === 0) return Promise.resolve([]);
    var size = this.manifest.fragmentSize;
    return Promise.all(results.map(function (result) {
      return index.get(index.manifest.fragments[Math.floor(result.page / size)]).then(function (fragment) {
        var text = fragment[result.page % size];
        return { title: text[0], url: text[1], kind: text[2], snippet: text[3] };
      });
    }));
  };

  // Whether a word of a result's text is one the query looks for (as written, another form, or a beginning).
  function isMatch(part, wanted) {
    if (!/[\p{L}\p{N}]/u.test(part)) return false;
    var word = lower(part), form = fold(word), stem = fold(stemmer.searchStem(word));
    return wanted.some(function (query) { return stem === query.stem || form.lastIndexOf(query.form, 0) === 0; });
  }

  var api = { fold: fold, lower: lower, words: words, queryWords: queryWords, isMatch: isMatch, Index: Index, WEIGHTS: WEIGHTS };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.querySelector("form[data-search-index]");
  var input = document.getElementById("soegefelt");
  var region = document.getElementById("soegeresultater");
  if (!form || !input || !region || !window.fetch || !window.URLSearchParams || !stemmer) return;
  var PAGE = 20;  // results shown at a time
  var index = new Index(form.getAttribute("data-search-index"), function (url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  });
  var timer = null;

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // `text` into `parent`, with every word the query looks for marked.
  function marked(parent, text, wanted) {
    text.split(/([^\p{L}\p{N}]+)/u).forEach(function (part) {
      if (part) parent.appendChild(isMatch(part, wanted) ? element("mark", null, part) : document.createTextNode(part));
    });
    return parent;
  }

  function showStatus(text) {
    region.textContent = "";
    region.appendChild(element("p", "search-status", text));
  }

  // Results from `start` on, PAGE at a time, into `list` (the first time, with the status line before it); a button
  // shows the next ones.
  function showMore(query, wanted, results, list, start) {
    var shown = results.slice(start, start + PAGE);
    return index.texts(shown).then(function (texts) {
      if (input.value !== query) return;
      if (start === 0) {
        showStatus((results.length === 1 ? "1 resultat" : results.length + " resultater") + " for »" + query.trim() + "«.");
        region.appendChild(list);
      }
      texts.forEach(function (text) {
        var item = element("li", "search-result");
        item.appendChild(element("p", "kicker", text.kind));
        var heading = element("h2");
        var link = marked(element("a"), text.title, wanted);
        link.href = text.url;
        heading.appendChild(link);
        item.appendChild(heading);
        if (text.snippet) item.appendChild(marked(element("p", "search-snippet"), text.snippet, wanted));
        list.appendChild(item);
      });
      if (start + PAGE < results.length) {
        var more = element("button", "search-more", "Vis flere resultater");
        more.type = "button";
        more.addEventListener("click", function () {
          region.removeChild(more);
          showMore(query, wanted, results, list, start + PAGE).catch(failed);
        });
        region.appendChild(more);
      }
    });
  }

  function show(query, results) {
    if (results.length === 0) {
      showStatus("Ingen resultater for »" + query.trim() + "«. Prøv et andet ord eller begyndelsen af et ord.");
      return;
    }
    return showMore(query, queryWords(query), results, element("ol", "search-list"), 0);
  }

  function failed() {
    showStatus("Søgningen kunne ikke hentes. Prøv igen om lidt.");
  }

  function run(query, updateAddress) {
    if (updateAddress && window.history && history.replaceState) {
      var address = new URL(window.location.href);
      if (query.trim()) address.searchParams.set("q", query); else address.searchParams.delete("q");
      history.replaceState(null, "", address.pathname + address.search + address.hash);
    }
    if (!query.trim()) { region.textContent = ""; return; }
    if (queryWords(query).length === 0) { showStatus("Skriv mindst to bogstaver."); return; }
    index.search(query).then(function (results) {
      if (input.value === query) return show(query, results);
    }).catch(function () { if (input.value === query) failed(); });
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
  input.addEventListener("focus", function () { index.load().catch(function () {}); }, { once: true });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial, false);
  }
})();
