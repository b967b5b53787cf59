#!/usr/bin/env node
// Tests Templates/assets/search.js with node (no dependencies): its fold() and words() against the cases Swift's
// SearchText is tested with (scripts/search-normalization-cases.json), its ranking on a small index, and, when a
// built index is given (node scripts/test-search.js Public/soeg/index.json), a few searches on the real content.
"use strict";
const assert = require("assert");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const search = require(path.join(root, "Templates/assets/search.js"));
let checks = 0;
function check(name, fn) {
  fn();
  checks += 1;
}

// 1. Normalization: the same expectations as SearchTextTests.
const { cases } = JSON.parse(fs.readFileSync(path.join(__dirname, "search-normalization-cases.json"), "utf8"));
for (const testCase of cases) {
  check("fold " + JSON.stringify(testCase.text), () => assert.strictEqual(search.fold(testCase.text), testCase.fold, "fold(" + JSON.stringify(testCase.text) + ")"));
  check("words " + JSON.stringify(testCase.text), () => assert.deepStrictEqual(search.words(testCase.text), testCase.words, "words(" + JSON.stringify(testCase.text) + ")"));
}

// 2. Matching and ranking on a small index in the format SearchIndex.swift writes.
const pages = [
  { title: "Kolding og Æblegården", url: "/a/", kind: "Artikel", summary: "", names: "aeblegaarden kolding og", terms: "helhedsplan", words: "beskaeftigelse boligomraade" },
  { title: "Om helhedsplaner", url: "/b/", kind: "Artikel", summary: "", names: "helhedsplaner om", terms: "", words: "kolding" },
  { title: "helhedsplan", url: "/c/", kind: "Ordforklaring", summary: "", names: "helhedsplan helhedsplaner", terms: "", words: "aeblegaarden plan" },
];
const urls = (query) => search.search(JSON.parse(JSON.stringify(pages)), query).map((page) => page.url);
check("whole word in a title ranks above body text", () => assert.deepStrictEqual(urls("kolding"), ["/a/", "/b/"]));
check("æ/ae and å/aa match alike", () => {
  assert.deepStrictEqual(urls("Æblegården"), ["/a/", "/c/"]);
  assert.deepStrictEqual(urls("aeblegaarden"), ["/a/", "/c/"]);
  assert.deepStrictEqual(urls("ÆBLEGÅ"), ["/a/", "/c/"]);
});
check("ø/oe match alike", () => assert.deepStrictEqual(urls("boligområ"), ["/a/"]));
check("a whole word outranks a prefix; titles outrank glossary terms", () => assert.deepStrictEqual(urls("helhedsplan"), ["/c/", "/b/", "/a/"]));
check("prefixes match, the middle of a word does not", () => {
  assert.deepStrictEqual(urls("beskæf"), ["/a/"]);
  assert.deepStrictEqual(urls("skæftigelse"), []);
});
check("every word of the query must match", () => {
  assert.deepStrictEqual(urls("kolding helhedsplan"), ["/a/", "/b/"]);
  assert.deepStrictEqual(urls("kolding beskæftigelse"), ["/a/"]);
  assert.deepStrictEqual(urls("kolding findesikke"), []);
});
check("one-letter words and empty queries find nothing", () => {
  assert.deepStrictEqual(urls("k"), []);
  assert.deepStrictEqual(urls("   "), []);
});

// 3. The real index, when given.
const indexPath = process.argv[2];
if (indexPath) {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  const titles = (query) => search.search(index.pages, query).map((page) => page.title);
  check("the index has articles and terms", () => {
    assert.ok(index.pages.some((page) => page.kind === "Artikel"));
    assert.ok(index.pages.some((page) => page.kind === "Ordforklaring"));
  });
  check("kolding finds the Kolding case first", () => assert.match(titles("kolding")[0], /Kolding/));
  check("landsbyggefonden finds the term first", () => assert.strictEqual(titles("landsbyggefonden")[0], "Landsbyggefonden"));
  check("velfaerd and velfærd find the same", () => assert.deepStrictEqual(titles("velfaerd"), titles("velfærd")));
  check("a prefix finds more than the whole word", () => assert.ok(titles("helhedsplan").length <= titles("helhed").length));
  console.log(`search index ${indexPath}: ${fs.statSync(indexPath).size} bytes, ${index.pages.length} pages`);
}
// 4. The page script on a minimal stand-in for the DOM: ?q= runs a search on load, typing updates the results and
// the address, and results are built as elements with text (never HTML).
class FakeElement {
  constructor(tagName) { this.tagName = tagName; this.children = []; this.text = ""; this.attributes = {}; this.listeners = {}; }
  set textContent(value) { this.children = []; this.text = value; }
  get textContent() { return this.text + this.children.map((child) => child.textContent).join(""); }
  appendChild(child) { this.children.push(child); return child; }
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
    fetch: (url) => { fetched.push(url); return Promise.resolve({ ok: true, json: () => Promise.resolve({ version: 1, pages }) }); },
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

  check("?q= fills the field and searches once the index is fetched", () => {
    assert.strictEqual(input.value, "Kølding");
    assert.deepStrictEqual(fetched, ["/sti/soeg/index.json"]);
    assert.match(region.textContent, /^Ingen resultater for »Kølding«/);
  });
  input.value = "Kolding";
  input.fire("input");
  await settle(250);
  check("typing shows the results with title link, kind and snippet", () => {
    assert.match(region.find("p")[0].textContent, /^2 resultater for »Kolding«\.$/);
    const links = region.find("a");
    assert.deepStrictEqual(links.map((link) => link.href), ["/a/", "/b/"]);
    assert.deepStrictEqual(links.map((link) => link.textContent), ["Kolding og Æblegården", "Om helhedsplaner"]);
    assert.deepStrictEqual(region.find("li")[0].find("p")[0].textContent, "Artikel");
    assert.strictEqual(fetched.length, 1);
  });
  check("the query goes into the address, so results can be linked", () => assert.strictEqual(addresses[addresses.length - 1], "/sti/soeg/?q=Kolding"));
  input.value = "<img src=x onerror=alert(1)>";
  form.fire("submit");
  await settle(20);
  check("a query is shown as text", () => {
    assert.ok(region.find("img").length === 0);
    assert.match(region.textContent, /Ingen resultater for »<img src=x onerror=alert\(1\)>«/);
  });
  input.value = "";
  form.fire("submit");
  await settle(20);
  check("an empty query clears the results and the address", () => {
    assert.strictEqual(region.textContent, "");
    assert.strictEqual(addresses[addresses.length - 1], "/sti/soeg/");
  });
}

domChecks().then(() => console.log(`search.js: ${checks} checks passed`), (error) => { console.error(error); process.exit(1); });
