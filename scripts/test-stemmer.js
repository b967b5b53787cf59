#!/usr/bin/env node
// Tests Templates/assets/stemmer.js with node (no dependencies) against libstemmer: every line of a cases file is
// `word<TAB>stem` as libstemmer's `stemwords -l danish` stems the word, and the JavaScript stem must be the same.
//
//     node scripts/test-stemmer.js                      # the committed sample, scripts/stemmer-sample.tsv
//     node scripts/test-stemmer.js /tmp/x/cases.tsv     # a full list from scripts/stemmer-cases.sh
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const { stem } = require(path.join(root, "Templates/assets/stemmer.js"));
const casesPath = process.argv[2] || path.join(__dirname, "stemmer-sample.tsv");

const lines = fs.readFileSync(casesPath, "utf8").split("\n").filter((line) => line !== "");
let passed = 0;
const failures = [];
for (const line of lines) {
  const [word, expected] = line.split("\t");
  if (expected === undefined) throw new Error(`${casesPath}: not "word<TAB>stem": ${JSON.stringify(line)}`);
  const actual = stem(word);
  if (actual === expected) passed += 1;
  else failures.push(`${word}: libstemmer ${expected}, stemmer.js ${actual}`);
}
for (const failure of failures.slice(0, 20)) console.error(failure);
if (failures.length > 20) console.error(`… and ${failures.length - 20} more`);
console.log(`stemmer: ${passed} passed, ${failures.length} failed (${path.relative(process.cwd(), casesPath) || casesPath})`);
if (failures.length > 0 || passed === 0) process.exit(1);
