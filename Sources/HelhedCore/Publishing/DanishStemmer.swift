import CStemmer
import Foundation

/// Snowball's Danish stemmer (libstemmer, Debian's `libstemmer-dev`), so that forms of a word meet in search:
/// "helhedsplanen", "helhedsplanerne" and "helhedsplan" all become "helhedsplan".
///
/// `Templates/assets/stemmer.js` is the same algorithm in JavaScript for the browser; `scripts/test-stemmer.js` and
/// `DanishStemmerTests` check both against libstemmer's `stemwords` on the same words.
///
/// The order matters: stem the lower-cased word *before* `SearchText.fold`, since the algorithm needs æ, ø and å
/// (they are vowels to it, and "løst" is a suffix); fold the stem afterwards (`foldedStem`). `stem` is libstemmer's
/// stem, exactly; `searchStem` (and `foldedStem`) first look the word up in `exceptions`.
///
/// Not thread-safe: the handle keeps its working buffer between calls (libstemmer returns a pointer into it), so make
/// one stemmer per thread or task. It is deliberately not `Sendable`.
final class DanishStemmer {
    private let handle: OpaquePointer

    init() {
        // Fails only when memory runs out: "danish" in UTF-8 is built into every libstemmer.
        guard let handle = sb_stemmer_new("danish", "UTF_8") else { fatalError("libstemmer has no Danish stemmer for UTF-8") }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one lower-cased word in NFC, as UTF-8 (what `stemwords -l danish` prints for it).
    func stem(_ word: [UInt8]) -> [UInt8] {
        // An empty array may have no storage to point to; a word of 2 GB is no word.
        guard !word.isEmpty, word.count < Int(Int32.max) else { return word }
        return word.withUnsafeBufferPointer { bytes -> [UInt8] in
            guard let stemmed = sb_stemmer_stem(handle, bytes.baseAddress, Int32(bytes.count)) else {
                return word  // out of memory: the word unstemmed is still a correct (if weaker) search key
            }
            // Copied out at once: the buffer belongs to the handle and changes with the next call.
            return Array(UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(handle))))
        }
    }

    /// The stem of one lower-cased word in NFC.
    func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The stem search should use for one lower-cased word in NFC: its stem in `exceptions`, or else `stem(word)`.
    func searchStem(_ word: String) -> String {
        Self.exceptionStems[word] ?? stem(word)
    }

    /// The search key of one word as written: NFC and lower case, `searchStem`, then folded like every search word
    /// (`SearchText.fold`: æ → ae, ø → oe, å → aa, accents dropped). "Helhedsplanerne" → "helhedsplan",
    /// "Områderne" → "omraad".
    func foldedStem(_ word: String) -> String {
        SearchText.fold(searchStem(word.precomposedStringWithCanonicalMapping.lowercased()))
    }

    /// Words of Helhed's content that the algorithm joins with words of another meaning ("helhed" and "hele" both
    /// become "hel"), and the stem their forms get instead: stem → every form, lower case, before the fold. Only
    /// whole words listed here are affected. The same list as `EXCEPTIONS` in `Templates/assets/stemmer.js`
    /// (`DanishStemmerTests` compares them); the reasons are given there.
    static let exceptions: [String: [String]] = [
        "helhed": ["helhed", "helheden", "helhedens", "helheder", "helhederne", "helheds"],
        "ledig": ["ledig", "ledige", "ledigt", "ledighed", "ledigheden", "ledighedens"],
        "ledelse": ["ledelse", "ledelsen", "ledelsens", "ledelser", "ledelserne", "ledelsers", "ledelses"],
        "tidlig": ["tidlig", "tidlige", "tidligt", "tidligere", "tidligst", "tidligste"],
        "viden": ["viden", "videns"],
        "videre": ["videre"],
        "varig": ["varig", "varige", "varigt", "varighed", "varigheden"],
        "betydelig": ["betydelig", "betydelige", "betydeligt"],
        "blandt": ["blandt"],
        "sammen": ["sammen"],
        "allerede": ["allerede"],
        "site": ["site", "siten", "sites", "sitet"],
    ]

    private static let exceptionStems: [String: String] = {
        var stems: [String: String] = [:]
        for (stem, forms) in exceptions { for form in forms { stems[form] = stem } }
        return stems
    }()
}

@available(*, unavailable, message: "one DanishStemmer per thread or task: libstemmer's handle is not thread-safe")
extension DanishStemmer: Sendable {}
