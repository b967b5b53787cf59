#!/usr/bin/env node
// What a query downloads from a built site, computed rather than sniffed: the files Templates/assets/search.js
// loads for it (the manifest, its words' term shards, the result fragments of the first 20 results, as the page shows
// them) plus the two scripts the search page loads, each counted at its gzip size (level 6, nginx's gzip_comp_level
// is 1–9; 6 is zlib's default). Deterministic: the same site and queries give the same numbers.
//
//     node scripts/search-transfer.js BUILT-SITE query …       e.g. node scripts/search-transfer.js /dev/shm/hb/out helhedsplan "tryghed kvinder bolig"
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const search = require(path.join(__dirname, "..", "Templates/assets/search.js"));

const SHOWN = 20;  // results the page shows at first (PAGE in search.js)
const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) { console.error("usage: search-transfer.js BUILT-SITE query …"); process.exit(2); }
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(path.join(site, file)), { level: 6 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1) + " KB";

const page = fs.readFileSync(path.join(site, "soeg/index.html"), "utf8");
const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]).filter((src) => /(stemmer|search)\.[0-9a-f]+\.js$/.test(src));
const base = page.match(/data-search-index="([^"]+)"/)[1].replace(/soeg\/index\.json$/, "");
const local = (url) => url.slice(base.length);
const scriptBytes = scripts.reduce((sum, src) => sum + gzipSize(local(src)), 0);
(async () => {
  for (const query of queries) {
    const loaded = [];
    const index = new search.Index(base + "soeg/index.json", (url) => {
      loaded.push(local(url));
      return Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, local(url)), "utf8")));
    });
    const results = await index.search(query);
    await index.texts(results.slice(0, SHOWN));
    const pieces = loaded.reduce((sum, file) => sum + gzipSize(file), 0);
    const shards = loaded.filter((file) => file.startsWith("soeg/t/")).length;
    const fragments = loaded.filter((file) => file.startsWith("soeg/r/")).length;
    console.log(`${JSON.stringify(query)}: ${results.length} results; ${kb(pieces + scriptBytes)} gzip in all = scripts ${kb(scriptBytes)} ` +
      `+ index ${kb(pieces)} (manifest, ${shards} shards, ${fragments} fragments; ${loaded.length + scripts.length} requests)`);
  }
})();
