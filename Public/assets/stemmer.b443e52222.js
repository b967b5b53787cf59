// Snowball's Danish stemmer (https://snowballstem.org/algorithms/danish/stemmer.html) for Helhed's search, no
// dependencies: the same stems as libstemmer's, which the build uses through DanishStemmer.swift.
// scripts/test-stemmer.js checks this file against libstemmer's `stemwords -l danish` word for word.
//
// Published as its own asset, loaded by the search page before search.js (both deferred, so in that order). It works
// as a browser script (window.HelhedStemmer) and as a node module.
//
// stem(word) takes one lower-cased word in NFC *before* Helhed's æ → ae, ø → oe, å → aa fold: the algorithm counts
// æ, ø and å as vowels and "løst" as a suffix. Fold the stem afterwards. searchStem(word) is stem(word) but for the
// EXCEPTIONS below; search should use that one.
(function (root) {
  "use strict";

  var VOWELS = "aeiouyæåø";
  var DOUBLED_CONSONANTS = "bcdfghjklmnpqrstvwxz";  // Snowball's grouping c: which doubled letters are undoubled
  var BEFORE_S = "abcdfghjklmnoprtvyzå";           // s_ending: a final s goes only after one of these
  // Longest first, so the first that fits in R1 is the one Snowball's `among` picks.
  var MAIN_SUFFIXES = byLength(["hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en",
    "heden", "eren", "er", "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres", "ens", "hedens",
    "erens", "ers", "ets", "erets", "et", "eret", "s"]);
  var CONSONANT_PAIRS = ["gd", "dt", "gt", "kt"];
  var OTHER_SUFFIXES = byLength(["ig", "lig", "elig", "els", "løst"]);

  // Words of Helhed's content that the algorithm joins with words of another meaning, and the stem their forms get
  // instead: { stem: [every form, lower case, before the fold] }. Only whole words listed here are affected, so
  // list every form that occurs. Mirrored in DanishStemmer.swift (DanishStemmerTests compares the two).
  var EXCEPTIONS = {
    helhed: ["helhed", "helheden", "helhedens", "helheder", "helhederne", "helheds"],  // not "hel", as hele and helt
    ledig: ["ledig", "ledige", "ledigt", "ledighed", "ledigheden", "ledighedens"],  // not "led", as leder and ledelse
    ledelse: ["ledelse", "ledelsen", "ledelsens", "ledelser", "ledelserne", "ledelsers", "ledelses"],  // not "led" either
    tidlig: ["tidlig", "tidlige", "tidligt", "tidligere", "tidligst", "tidligste"],  // not "tid"
    viden: ["viden", "videns"],  // not "vid", as vide and videre
    videre: ["videre"],
    varig: ["varig", "varige", "varigt", "varighed", "varigheden"],  // not "var"
    betydelig: ["betydelig", "betydelige", "betydeligt"],  // not "betyd", as betyde
    blandt: ["blandt"],  // not "bland", as blandet
    sammen: ["sammen"],  // not "sam", as samme
    allerede: ["allerede"],  // not "all", as alle
    site: ["site", "siten", "sites", "sitet"],  // English; not "sit", the pronoun
  };
  var EXCEPTION_STEMS = {};
  Object.keys(EXCEPTIONS).forEach(function (stem) {
    EXCEPTIONS[stem].forEach(function (form) { EXCEPTION_STEMS[form] = stem; });
  });

  function byLength(suffixes) {
    return suffixes.map(function (suffix) { return Array.from(suffix); })
      .sort(function (a, b) { return b.length - a.length; });
  }

  function isVowel(letter) { return VOWELS.indexOf(letter) >= 0; }

  // Where R1 starts (in letters): after the first non-vowel that follows a vowel, but not before the fourth letter.
  // A word with no such place (or under three letters) has an empty R1, as Snowball's failed mark_regions leaves it.
  function regionStart(letters) {
    var count = letters.length;
    if (count < 3) return count;
    var index = 0;
    while (index < count && !isVowel(letters[index])) index += 1;
    index += 1;
    while (index < count && isVowel(letters[index])) index += 1;
    if (index >= count) return count;
    return Math.max(index + 1, 3);
  }

  function endsWith(letters, suffix, from) {
    var start = letters.length - suffix.length;
    if (start < from) return false;
    for (var i = 0; i < suffix.length; i++) if (letters[start + i] !== suffix[i]) return false;
    return true;
  }

  // The longest of `suffixes` that ends the word and lies wholly in R1, or null.
  function longestSuffix(letters, suffixes, r1) {
    for (var i = 0; i < suffixes.length; i++) if (endsWith(letters, suffixes[i], r1)) return suffixes[i];
    return null;
  }

  // gd, dt, gt or kt in R1 at the end: drop the last letter.
  function consonantPair(letters, r1) {
    for (var i = 0; i < CONSONANT_PAIRS.length; i++) {
      if (endsWith(letters, CONSONANT_PAIRS[i], r1)) { letters.length -= 1; return; }
    }
  }

  function stem(word) {
    var letters = Array.from(word);  // code points, as Snowball counts in UTF-8
    var r1 = regionStart(letters);

    var main = longestSuffix(letters, MAIN_SUFFIXES, r1);
    if (main && main.length === 1 && main[0] === "s") {
      // The letter before the s may lie before R1.
      if (letters.length > 1 && BEFORE_S.indexOf(letters[letters.length - 2]) >= 0) letters.length -= 1;
    } else if (main) {
      letters.length -= main.length;
    }

    consonantPair(letters, r1);

    // "igst" → "ig" anywhere, R1 or not; then the other suffixes in R1.
    if (endsWith(letters, ["i", "g", "s", "t"], 0)) letters.length -= 2;
    var other = longestSuffix(letters, OTHER_SUFFIXES, r1);
    if (other && other.join("") === "løst") {
      letters.length -= 1;  // løst → løs
    } else if (other) {
      letters.length -= other.length;
      consonantPair(letters, r1);
    }

    // A doubled consonant at the end, its last letter in R1: drop it (the one before may lie before R1).
    var last = letters.length - 1;
    if (last >= r1 && last > 0 && DOUBLED_CONSONANTS.indexOf(letters[last]) >= 0 && letters[last - 1] === letters[last]) {
      letters.length -= 1;
    }
    return letters.join("");
  }

  function searchStem(word) {
    return Object.prototype.hasOwnProperty.call(EXCEPTION_STEMS, word) ? EXCEPTION_STEMS[word] : stem(word);
  }

  var api = { stem: stem, searchStem: searchStem, exceptions: EXCEPTIONS };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.HelhedStemmer = api;
})(typeof window === "object" ? window : this);
