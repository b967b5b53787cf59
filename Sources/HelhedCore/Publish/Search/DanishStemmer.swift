import CStemmer
import Foundation

/// Snowball's Danish stemmer (libstemmer, Debian's `libstemmer-dev`), so that forms of a word meet in search:
/// "helhedsplanen", "helhedsplanerne" and "helhedsplan" all become "helhedsplan".
///
/// `Templates/search/stemmer.js` is the same algorithm in JavaScript for the browser; `scripts/test-stemmer.js` and
/// `DanishStemmerTests` check both against libstemmer's `stemwords` on the same words.
///
/// The order matters: stem the lower-cased word *before* `SearchText.fold`, since the algorithm needs æ, ø and å
/// (they are vowels to it, and "løst" is a suffix); fold the stem afterwards (`foldedStem`).
///
/// Not thread-safe: the handle keeps its working buffer between calls (libstemmer returns a pointer into it), so make
/// one stemmer per thread or task. It is deliberately not `Sendable`.
public final class DanishStemmer {
    private let handle: OpaquePointer

    public init() {
        // Fails only when memory runs out: "danish" in UTF-8 is built into every libstemmer.
        guard let handle = sb_stemmer_new("danish", "UTF_8") else { fatalError("libstemmer has no Danish stemmer for UTF-8") }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one lower-cased word in NFC, as UTF-8 (what `stemwords -l danish` prints for it).
    public func stem(_ word: [UInt8]) -> [UInt8] {
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
    public func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The search key of one word as written: NFC and lower case, stemmed, then folded like every search word
    /// (`SearchText.fold`: æ → ae, ø → oe, å → aa, accents dropped). "Helhedsplanerne" → "helhedsplan",
    /// "Områderne" → "omraad".
    public func foldedStem(_ word: String) -> String {
        SearchText.fold(stem(word.precomposedStringWithCanonicalMapping.lowercased()))
    }
}

@available(*, unavailable, message: "one DanishStemmer per thread or task: libstemmer's handle is not thread-safe")
extension DanishStemmer: Sendable {}
