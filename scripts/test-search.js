#!/usr/bin/env node
// Tests Templates/assets/search.js with node (no dependencies): its fold() and words() against the cases Swift's
// SearchText is tested with (scripts/search-normalization-cases.json); stemming, matching, ranking and which pieces
// a query loads on a small index in the format SearchShards.swift writes; and, when a built site is given
// (node scripts/test-search.js Public), the real index: the inflected queries of scripts/search-inflections.json.
"use strict";
const assert = require("assert");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const search = require(path.join(root, "Templates/assets/search.js"));
let checks = 0;
async function check(name, fn) {
  try {
    await fn();
  } catch (error) {
    error.message = name + ": " + error.message;
    throw error;
  }
  checks += 1;
}

// A small index: pages 0 /a/, 1 /b/, 2 /c/; postings page × 8 + rank (field × 2, + 1 for a stem-only match),
// delta-coded; three shards, fragments of two pages.
const files = {
  "/sti/soeg/index.json": { fragmentSize: 2, fragments: ["r/0.json", "r/1.json"], pages: 3, version: 2,
    shards: [["aeblegaard", "t/a.json"], ["helhedsplan", "t/h.json"], ["kolding", "t/k.json"]] },
  "/sti/soeg/t/a.json": { aeblegaard: [1, 20], aeblegaarden: [0, 20], beskaeftig: [5], beskaeftigelse: [4] },
  "/sti/soeg/t/h.json": { helhedsplan: [2, 7, 7], helhedsplaner: [8, 8] },
  "/sti/soeg/t/k.json": { kolding: [0, 12] },
  "/sti/soeg/r/0.json": [["Kolding og Æblegården", "/a/", "Artikel", "Æblegården i Kolding får en helhedsplan."],
                         ["Om helhedsplaner", "/b/", "Artikel", "Helhedsplanerne i Kolding."]],
  "/sti/soeg/r/1.json": [["helhedsplan", "/c/", "Ordforklaring", "En plan for Æblegården."]],
};
function smallIndex() {
  const fetched = [];
  const index = new search.Index("/sti/soeg/index.json", (url) => {
    fetched.push(url);
    return files[url] ? Promise.resolve(JSON.parse(JSON.stringify(files[url]))) : Promise.reject(new Error("404 " + url));
  });
  return { index, fetched };
}
async function urls(query) {
  const { index } = smallIndex();
  return (await index.texts(await index.search(query))).map((text) => text.url);
}

async function unitChecks() {
  // 1. Normalization: the same expectations as SearchTextTests.
  const { cases } = JSON.parse(fs.readFileSync(path.join(__dirname, "search-normalization-cases.json"), "utf8"));
  for (const testCase of cases) {
    await check("fold " + JSON.stringify(testCase.text), () => assert.strictEqual(search.fold(testCase.text), testCase.fold));
    await check("words " + JSON.stringify(testCase.text), () => assert.deepStrictEqual(search.words(testCase.text), testCase.words));
  }
  // 2. Query words: stemmed before the fold (the stemmer needs æ, ø, å), with the theme's exceptions.
  await check("query words are stemmed, then folded", () => assert.deepStrictEqual(search.queryWords("Helhedsplanerne OMRÅDERNE kommunernes"), [
    { form: "helhedsplanerne", stem: "helhedsplan" }, { form: "omraaderne", stem: "omraad" }, { form: "kommunernes", stem: "kommun" }]));
  await check("the exceptions keep words apart", () => assert.deepStrictEqual(search.queryWords("helheden hele").map((word) => word.stem), ["helhed", "hel"]));
  await check("æ and ae stem alike", () => assert.deepStrictEqual(search.queryWords("boligområderne")[0], search.queryWords("boligomraaderne")[0]));
  // 3. Matching and ranking.
  await check("whole word in a title ranks above body text", async () => assert.deepStrictEqual(await urls("kolding"), ["/a/", "/b/"]));
  await check("æ/ae and å/aa match alike", async () => {
    assert.deepStrictEqual(await urls("Æblegården"), ["/a/", "/c/"]);
    assert.deepStrictEqual(await urls("aeblegaarden"), ["/a/", "/c/"]);
    assert.deepStrictEqual(await urls("ÆBLEGÅ"), ["/a/", "/c/"]);
  });
  await check("the word as written outranks another form; titles outrank glossary terms",
    async () => assert.deepStrictEqual(await urls("helhedsplan"), ["/c/", "/b/", "/a/"]));
  await check("an inflected form finds every form by its stem", async () => {
    assert.deepStrictEqual(await urls("helhedsplanerne"), ["/b/", "/c/", "/a/"]);
    assert.deepStrictEqual(await urls("helhedsplanens"), ["/b/", "/c/", "/a/"]);
    assert.deepStrictEqual(await urls("Æblegårdens"), ["/a/", "/c/"]);
  });
  await check("prefixes match, the middle of a word does not", async () => {
    assert.deepStrictEqual(await urls("beskæf"), ["/a/"]);
    assert.deepStrictEqual(await urls("skæftigelse"), []);
  });
  await check("every word of the query must match", async () => {
    assert.deepStrictEqual(await urls("kolding helhedsplan"), ["/a/", "/b/"]);
    assert.deepStrictEqual(await urls("kolding beskæftigelse"), ["/a/"]);
    assert.deepStrictEqual(await urls("kolding findesikke"), []);
  });
  await check("one-letter words and empty queries find nothing", async () => {
    assert.deepStrictEqual(await urls("k"), []);
    assert.deepStrictEqual(await urls("   "), []);
  });
  // 4. What a query loads: the manifest, its words' shards, the fragments of the results shown.
  await check("a query loads only its shards and fragments", async () => {
    const { index, fetched } = smallIndex();
    const results = await index.search("kolding");
    assert.deepStrictEqual(fetched, ["/sti/soeg/index.json", "/sti/soeg/t/k.json"]);
    await index.texts(results.slice(0, 1));
    assert.deepStrictEqual(fetched.slice(2), ["/sti/soeg/r/0.json"]);
    await index.search("Kolding helhedsplanerne");
    assert.deepStrictEqual(fetched.slice(3), ["/sti/soeg/t/h.json"], "loaded pieces are not fetched again");
  });
  await check("matched words are marked in all their forms, and beginnings", () => {
    const wanted = search.queryWords("helhedsplan æble");
    assert.deepStrictEqual(["Helhedsplanerne", "helhedsplans", "Æblegården", "plan", "i"].map((word) => search.isMatch(word, wanted)),
      [true, true, true, false, false]);
  });
}

// 5. The built site, when given: every inflected query finds its term's page.
async function siteChecks(site) {
  const fetched = [];
  const index = new search.Index("/soeg/index.json", (url) => {
    fetched.push(url);
    return Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, url), "utf8")));
  });
  const titles = async (query) => (await index.texts(await index.search(query))).map((text) => text.title);
  await index.load();
  await check("the index has articles and terms", async () => {
    const all = await index.texts(Array.from({ length: index.manifest.pages }, (_, page) => ({ page })));
    assert.ok(all.some((text) => text.kind === "Artikel"));
    assert.ok(all.some((text) => text.kind === "Ordforklaring"));
  });
  await check("kolding finds the Kolding case first", async () => assert.match((await titles("kolding"))[0], /Kolding/));
  await check("landsbyggefonden finds the term first", async () => assert.strictEqual((await titles("landsbyggefonden"))[0], "Landsbyggefonden"));
  await check("velfaerd and velfærd find the same", async () => assert.deepStrictEqual(await titles("velfaerd"), await titles("velfærd")));
  await check("a prefix finds at least what the whole word finds", async () => assert.ok((await titles("helhedsplan")).length <= (await titles("helhed")).length));
  await check("helhedsplanen finds what helhedsplan finds", async () => assert.deepStrictEqual(new Set(await titles("helhedsplanen")), new Set(await titles("helhedsplan"))));
  const { queries } = JSON.parse(fs.readFileSync(path.join(__dirname, "search-inflections.json"), "utf8"));
  for (const { query, term } of queries) {
    await check(`»${query}« finds ${term ? "the term »" + term + "«" : "pages"}`, async () => {
      const found = await titles(query);
      assert.ok(found.length > 0, "no results");
      if (term) assert.ok(found.includes(term), "found " + JSON.stringify(found));
    });
  }
  console.log(`search index ${site}/soeg: ${index.manifest.pages} pages, ${index.manifest.shards.length} shards, ` +
    `${index.manifest.fragments.length} fragments; ${queries.length} inflected queries found their pages\n`);
}

// 6. The page script on a minimal stand-in for the DOM: ?q= runs a search on load, typing updates the results and
// the address, and results are built as elements with text (never HTML).
class FakeElement {
  constructor(tagName) { this.tagName = tagName; this.children = []; this.text = ""; this.attributes = {}; this.listeners = {}; }
  set textContent(value) { this.children = []; this.text = value; }
  get textContent() { return this.text + this.children.map((child) => child.textContent).join(""); }
  appendChild(child) { this.children.push(child); return child; }
  removeChild(child) { this.children = this.children.filter((other) => other !== child); return child; }
  getAttribute(name) { return this.attributes[name]; }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  fire(type) { (this.listeners[type] || []).forEach((listener) => listener({ preventDefault() {} })); }
  find(tagName) { return this.children.flatMap((child) => (child.tagName === tagName ? [child] : []).concat(child.find ? child.find(tagName) : [])); }
}

async function domChecks() {
  const form = new FakeElement("form");
  form.attributes["data-search-index"] = "/sti/soeg/index.json";
  const input = new FakeElement("input");
  input.value = "";
  const region = new FakeElement("div");
  const fetched = [];
  const addresses = [];
  global.document = {
    querySelector: (selector) => (selector === "form[data-search-index]" ? form : null),
    getElementById: (id) => ({ soegefelt: input, soegeresultater: region })[id] || null,
    createElement: (tagName) => new FakeElement(tagName),
    createTextNode: (text) => ({ textContent: text }),
  };
  global.history = { replaceState: (state, title, address) => addresses.push(address) };
  global.window = {
    fetch: (url) => { fetched.push(url); return Promise.resolve({ ok: !!files[url], json: () => Promise.resolve(files[url]) }); },
    URLSearchParams,
    history: global.history,
    location: { href: "https://example.org/sti/soeg/?q=K%C3%B8lding", search: "?q=K%C3%B8lding" },
  };
  global.fetch = global.window.fetch;
  const scriptPath = require.resolve(path.join(root, "Templates/assets/search.js"));
  delete require.cache[scriptPath];
  require(scriptPath);
  const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  await settle(20);

  await check("?q= fills the field and searches once the index is fetched", () => {
    assert.strictEqual(input.value, "Kølding");
    assert.deepStrictEqual(fetched, ["/sti/soeg/index.json", "/sti/soeg/t/h.json"], "koelding lies between helhedsplan and kolding");
    assert.match(region.textContent, /^Ingen resultater for »Kølding«/);
  });
  input.value = "Koldings helhedsplaner";
  input.fire("input");
  await settle(250);
  await check("typing shows the results with title link, kind and snippet, the matched words marked", () => {
    assert.match(region.find("p")[0].textContent, /^2 resultater for »Koldings helhedsplaner«\.$/);
    const links = region.find("a");
    assert.deepStrictEqual(links.map((link) => link.href), ["/a/", "/b/"], "kolding in a title outweighs helhedsplaner in one");
    assert.deepStrictEqual(links.map((link) => link.textContent), ["Kolding og Æblegården", "Om helhedsplaner"]);
    assert.deepStrictEqual(region.find("li")[0].find("p")[0].textContent, "Artikel");
    assert.deepStrictEqual(region.find("mark").map((mark) => mark.textContent), ["Kolding", "Kolding", "helhedsplan", "helhedsplaner", "Helhedsplanerne", "Kolding"]);
    assert.deepStrictEqual(fetched.slice(2), ["/sti/soeg/t/k.json", "/sti/soeg/r/0.json"]);
  });
  await check("the query goes into the address, so results can be linked", () => assert.strictEqual(addresses[addresses.length - 1], "/sti/soeg/?q=Koldings+helhedsplaner"));
  input.value = "<img src=x onerror=alert(1)>";
  form.fire("submit");
  await settle(20);
  await check("a query is shown as text", () => {
    assert.ok(region.find("img").length === 0);
    assert.match(region.textContent, /Ingen resultater for »<img src=x onerror=alert\(1\)>«/);
  });
  input.value = "";
  form.fire("submit");
  await settle(20);
  await check("an empty query clears the results and the address", () => {
    assert.strictEqual(region.textContent, "");
    assert.strictEqual(addresses[addresses.length - 1], "/sti/soeg/");
  });
}

(async () => {
  await unitChecks();
  if (process.argv[2]) await siteChecks(process.argv[2]);
  await domChecks();
  console.log(`search.js: ${checks} checks passed`);
})().catch((error) => { console.error(error); process.exit(1); });
