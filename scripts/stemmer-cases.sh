#!/usr/bin/env bash
# Builds the cases that prove Templates/assets/stemmer.js (and DanishStemmer.swift) equal to libstemmer: many real
# Danish words and what libstemmer's `stemwords -l danish` makes of each, as `word<TAB>stem` lines in
# FOLDER/cases.tsv. The words: every stem of Debian's Danish hunspell dictionary, an evenly spread sample of their
# inflected forms (scripts/hunspell-forms.py) up to CAP words in all, and every word of Content/**/*.md; each
# lower-cased in NFC and split into words as search splits them (runs of letters and digits, two or more).
#
#     scripts/stemmer-cases.sh [FOLDER]            # a new temporary folder when none is given
#     CAP=300000 scripts/stemmer-cases.sh /tmp/stem
#     scripts/stemmer-cases.sh --sample            # …and rewrite the committed scripts/stemmer-sample.tsv
#     node scripts/test-stemmer.js FOLDER/cases.tsv
#
# Needs (Debian): libstemmer-tools, hunspell-da, python3, node. About 3 minutes, mostly the affix expansion.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
write_sample=false
if [ "${1:-}" = "--sample" ]; then write_sample=true; shift; fi
folder="${1:-$(mktemp -d -t stemmer-cases.XXXXXX)}"
cap="${CAP:-300000}"
dictionary=/usr/share/hunspell/da_DK
mkdir -p "$folder"

for tool in stemwords python3 node; do
    command -v "$tool" >/dev/null || { echo "stemmer-cases: $tool is missing (apt-get install libstemmer-tools python3 nodejs)" >&2; exit 1; }
done
[ -f "$dictionary.dic" ] || { echo "stemmer-cases: $dictionary.dic is missing (apt-get install hunspell-da)" >&2; exit 1; }

tail -n +2 "$dictionary.dic" | sed 's/[/ \t].*//' > "$folder/dictionary-stems.txt"
python3 "$root/scripts/hunspell-forms.py" "$dictionary.dic" "$dictionary.aff" > "$folder/dictionary-forms.txt"
find "$root/Content" -name '*.md' -print0 | sort -z | xargs -0 cat > "$folder/content.txt"

# The word list: words.txt (all, sorted, each once) and content-words.txt (those of the content).
node - "$folder" "$cap" <<'JS'
const fs = require("fs");
const [folder, cap] = [process.argv[2], Number(process.argv[3])];
const read = (name) => fs.readFileSync(`${folder}/${name}`, "utf8");
// As search finds words, but before its æ/ø/å fold: the stemmer needs those letters.
const words = (text) => text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => Array.from(word).length > 1);
const content = new Set(words(read("content.txt")));
const all = new Set([...content, ...words(read("dictionary-stems.txt"))]);
const forms = [...new Set(words(read("dictionary-forms.txt")))].filter((word) => !all.has(word)).sort();
const room = Math.max(0, cap - all.size);
// Evenly spread over the sorted forms, so that every part of the alphabet (and of the dictionary) is in.
for (let i = 0; i < room && i < forms.length; i++) all.add(forms[Math.floor(i * forms.length / Math.min(room, forms.length))]);
fs.writeFileSync(`${folder}/words.txt`, [...all].sort().join("\n") + "\n");
fs.writeFileSync(`${folder}/content-words.txt`, [...content].sort().join("\n") + "\n");
JS

stemwords -l danish -i "$folder/words.txt" -o "$folder/stems.txt"
paste "$folder/words.txt" "$folder/stems.txt" > "$folder/cases.tsv"
echo "stemmer-cases: $(wc -l < "$folder/cases.tsv") words in $folder/cases.tsv"

if $write_sample; then
    # The committed sample: every content word, up to three words for each way the stemmer changes a word's end
    # (so every rule is met), and an even spread of the rest, about 4,000 words in all.
    node - "$folder" "$root/scripts/stemmer-sample.tsv" <<'JS'
const fs = require("fs");
const [folder, output] = process.argv.slice(2);
const cases = fs.readFileSync(`${folder}/cases.tsv`, "utf8").trim().split("\n").map((line) => line.split("\t"));
const content = new Set(fs.readFileSync(`${folder}/content-words.txt`, "utf8").trim().split("\n"));
const chosen = new Set(cases.filter(([word]) => content.has(word)).map(([word]) => word));
const perChange = new Map();
for (const [word, stem] of cases) {
  let common = 0;
  while (common < stem.length && word[common] === stem[common]) common++;
  // The change, with the letter before it: "erne→" after "n" differs from after "r" for undoubling and s endings.
  const change = word.slice(Math.max(0, common - 1), common) + "|" + word.slice(common) + "→" + stem.slice(common);
  const examples = perChange.get(change) || [];
  if (examples.length < 3) { examples.push(word); perChange.set(change, examples); }
}
for (const examples of perChange.values()) for (const word of examples) chosen.add(word);
const target = 4000;
for (let i = 0; chosen.size < target && i < target; i++) chosen.add(cases[Math.floor(i * cases.length / target)][0]);
const stems = new Map(cases);
const lines = [...chosen].sort().map((word) => `${word}\t${stems.get(word)}`);
fs.writeFileSync(output, lines.join("\n") + "\n");
console.log(`stemmer-cases: ${lines.length} words in ${output} (${perChange.size} kinds of change)`);
JS
fi
