#!/usr/bin/env node
// Estimates the sharded search index of scripts/SEARCH-SHARDS.md on a built site: how big the pieces are, and what
// one query downloads, next to today's single soeg/index.json. Only an estimate (the build does not write shards):
// the keys are today's folded words mapped to folded stems through the content's own words (stemmer.js searchStem).
//
//     node scripts/search-shards-estimate.js BUILT-SITE CONTENT-FOLDER [query …]
//     node scripts/search-shards-estimate.js Public Content helhedsplan kommunerne bolig
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { searchStem } = require(path.join(__dirname, "..", "Templates/assets/stemmer.js"));

const SHARD_TARGET = 24 * 1024;   // raw bytes a term shard aims at (about 6–8 KB gzipped)
const FRAGMENT_PAGES = Number(process.env.FRAGMENT_PAGES || 50);  // pages per result fragment (FRAGMENT_PAGES=…)
const SHOWN = 20;                 // results shown at first

const [site, content, ...queries] = process.argv.slice(2);
if (!site || !content) { console.error("usage: search-shards-estimate.js BUILT-SITE CONTENT-FOLDER [query …]"); process.exit(2); }

const fold = (text) => text.normalize("NFC").toLowerCase().replace(/ς/g, "σ").replace(/æ/g, "ae").replace(/ø/g, "oe")
  .replace(/å/g, "aa").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const tokens = (text) => text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => Array.from(word).length > 1);
const gzip = (text) => zlib.gzipSync(Buffer.from(text)).length;
const kb = (bytes) => (bytes / 1024).toFixed(1) + " KB";

// 1. Folded word → folded stem, from every word of the Markdown (stemmed before the fold, as the build would).
const stemOf = new Map();
(function walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith(".md")) for (const word of tokens(fs.readFileSync(file, "utf8"))) stemOf.set(fold(word), fold(searchStem(word)));
  }
})(content);

// 2. Postings: key → page numbers with the best field (2 title/aliases, 1 glossary term, 0 text), from today's index.
const indexText = fs.readFileSync(path.join(site, "soeg/index.json"), "utf8");
const pages = JSON.parse(indexText).pages;
const postings = new Map();
pages.forEach((page, number) => {
  const best = new Map();
  [["words", 0], ["terms", 1], ["names", 2]].forEach(([field, weight]) => {
    for (const word of (page[field] || "").split(" ").filter(Boolean)) {
      const key = stemOf.get(word) || word;
      best.set(key, Math.max(best.get(key) ?? -1, weight));
    }
  });
  for (const [key, weight] of best) (postings.get(key) || postings.set(key, []).get(key)).push(number * 4 + weight);
});
const keys = [...postings.keys()].sort();

// A shard's text: { key: [delta-coded page number × 4 + field, …] }.
const shardText = (shardKeys) => JSON.stringify(Object.fromEntries(shardKeys.map((key) => {
  let previous = 0;
  return [key, postings.get(key).map((value) => { const delta = value - previous * 4; previous = value >> 2; return delta; })];
})));

// 3. Shards: keys in order, by their first two letters; a group over the target is split, small neighbours merged.
const groups = [];
for (const key of keys) {
  const prefix = key.slice(0, 2);
  if (groups.length && groups[groups.length - 1].prefix === prefix) groups[groups.length - 1].keys.push(key);
  else groups.push({ prefix, keys: [key] });
}
const shards = [];
let current = [];
const sizeOf = (shardKeys) => shardKeys.reduce((sum, key) => sum + key.length + 6 + postings.get(key).length * 4, 2);
for (const group of groups) {
  if (current.length && sizeOf(current) + sizeOf(group.keys) > SHARD_TARGET) { shards.push(current); current = []; }
  for (const key of group.keys) {
    if (current.length && sizeOf(current) > SHARD_TARGET && key.slice(0, 2) === current[current.length - 1].slice(0, 2)) {
      shards.push(current);
      current = [];
    }
    current.push(key);
  }
}
if (current.length) shards.push(current);
const shardFiles = shards.map((shardKeys) => { const text = shardText(shardKeys); return { first: shardKeys[0], keys: shardKeys, raw: text.length, gz: gzip(text) }; });

// 4. Result fragments: title, address, kind and snippet of FRAGMENT_PAGES pages each, in index order.
const fragments = [];
for (let start = 0; start < pages.length; start += FRAGMENT_PAGES) {
  const text = JSON.stringify(pages.slice(start, start + FRAGMENT_PAGES).map(({ title, url, kind, summary }) => [title, url, kind, summary]));
  fragments.push({ raw: text.length, gz: gzip(text) });
}

// 5. The manifest: each shard's first key and hashed name, the fragments' hashed names, the page count.
const hashName = (prefix, index) => `${prefix}-${String(index).padStart(3, "0")}.0123456789.json`;
const manifest = JSON.stringify({ pages: pages.length, fragmentPages: FRAGMENT_PAGES,
  shards: shardFiles.map((shard, index) => [shard.first, hashName("s", index)]), fragments: fragments.map((_, index) => hashName("r", index)) });

const sum = (list, field) => list.reduce((total, item) => total + item[field], 0);
console.log(`pages ${pages.length}, keys ${keys.length} (words before stemming: ${new Set(pages.flatMap((page) => ["names", "terms", "words"].flatMap((field) => (page[field] || "").split(" ")))).size}), postings ${sum([...postings.values()], "length")}`);
console.log(`today: soeg/index.json ${kb(indexText.length)} raw, ${kb(gzip(indexText))} gzip, all of it for any query`);
console.log(`manifest ${kb(manifest.length)} raw, ${kb(gzip(manifest))} gzip`);
console.log(`term shards: ${shardFiles.length}, ${kb(sum(shardFiles, "raw"))} raw, ${kb(sum(shardFiles, "gz"))} gzip; largest ${kb(Math.max(...shardFiles.map((s) => s.gz)))} gzip, median ${kb(shardFiles.map((s) => s.gz).sort((a, b) => a - b)[shardFiles.length >> 1])} gzip`);
console.log(`result fragments: ${fragments.length} of ${FRAGMENT_PAGES} pages, ${kb(sum(fragments, "raw"))} raw, ${kb(sum(fragments, "gz"))} gzip; ${kb(Math.max(...fragments.map((f) => f.gz)))} gzip the largest`);

// 6. What a query downloads: the manifest, the shards that hold each query word's keys, and the fragments of the
// first SHOWN results (best field first, then index order). A key matches a query word when it is the word's stem
// or begins with the word as typed (folded): "bolig" finds the stem "bol" and "boligomraad", not "bolde".
const inRange = (shard, next, prefix) => shard.first <= prefix + "\uffff" && !(next && next.first <= prefix);
for (const query of queries) {
  const shardIndexes = new Set();
  let matches = null;
  for (const word of tokens(query)) {
    const [typed, stem] = [fold(word), fold(searchStem(word))];
    const pageScores = new Map();
    shardFiles.forEach((shard, index) => {
      const next = shardFiles[index + 1];
      if (!inRange(shard, next, stem) && !inRange(shard, next, typed)) return;
      shardIndexes.add(index);
      for (const key of shard.keys) if (key === stem || key.startsWith(typed)) for (const value of postings.get(key)) {
        const score = (value & 3) * 2 + (key === stem ? 2 : 1);
        pageScores.set(value >> 2, Math.max(pageScores.get(value >> 2) ?? 0, score));
      }
    });
    matches = matches === null ? pageScores
      : new Map([...matches].filter(([page]) => pageScores.has(page)).map(([page, score]) => [page, score + pageScores.get(page)]));
  }
  const shown = [...(matches || new Map())].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHOWN).map(([page]) => page);
  const fragmentIndexes = new Set(shown.map((page) => Math.floor(page / FRAGMENT_PAGES)));
  const shardBytes = [...shardIndexes].reduce((total, index) => total + shardFiles[index].gz, 0);
  const fragmentBytes = [...fragmentIndexes].reduce((total, index) => total + fragments[index].gz, 0);
  const total = gzip(manifest) + shardBytes + fragmentBytes;
  console.log(`query ${JSON.stringify(query)}: ${matches ? matches.size : 0} pages; manifest ${kb(gzip(manifest))} + ${shardIndexes.size} shard(s) ${kb(shardBytes)} + ${fragmentIndexes.size} fragment(s) ${kb(fragmentBytes)} = ${kb(total)} gzip in ${1 + shardIndexes.size + fragmentIndexes.size} requests`);
}
