import Foundation

/// How search compares words: the same fold runs here when the index is built and in
/// `Templates/assets/search.js` (`fold` and `words`) when a reader types, so "æ"/"ae", "ø"/"oe" and "å"/"aa" match
/// each other and case and accents never matter. Keep the two in step; `scripts/test-search.js` and
/// `SearchTextTests` check both against `scripts/search-normalization-cases.json`.
///
/// The steps, in this order, each available in both languages:
/// 1. Unicode NFC (`normalize("NFC")`), so `å` typed as `a` + ring is one letter;
/// 2. lower case (Unicode's default mapping, `toLowerCase()`), and final sigma `ς` as `σ`;
/// 3. `æ` → `ae`, `ø` → `oe`, `å` → `aa`;
/// 4. Unicode NFD, then drop the combining diacritical marks U+0300–U+036F (é → e, ü → u);
/// 5. words are the runs of letters and digits (Unicode categories L and N); words of one character are dropped.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        if let bytes = foldedBySimpleTable(text) { return String(decoding: bytes, as: UTF8.self) }
        return foldedByFoundation(text)
    }

    /// The five steps, literally, through Foundation's Unicode tables. Slow (several copies of the text); the table
    /// below answers almost all real text without it.
    static func foldedByFoundation(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping.lowercased()
        var replaced = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            switch scalar {
            case "æ": replaced.append(contentsOf: "ae".unicodeScalars)
            case "ø": replaced.append(contentsOf: "oe".unicodeScalars)
            case "å": replaced.append(contentsOf: "aa".unicodeScalars)
            case "ς": replaced.append("σ")
            default: replaced.append(scalar)
            }
        }
        var folded = String.UnicodeScalarView()
        for scalar in String(replaced).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }

    // MARK: The table

    /// Scalars whose fold does not depend on their neighbours: Latin (U+0000–U+024F), general punctuation
    /// (U+2000–U+206F) and currency signs (U+20A0–U+20CF). None of them is a combining mark, none combines with
    /// another under NFC, and the only context-dependent lower-casing (final sigma) is Greek, so the fold of a text
    /// made only of them is the folds of its scalars, one after the other. Each entry is computed once by the
    /// Foundation path above, so the two agree by construction; any other scalar (a combining mark, Greek, CJK …)
    /// sends the whole text through Foundation.
    private static let tableRanges: [(start: UInt32, end: UInt32, offset: Int)] = [(0x0000, 0x0250, 0), (0x2000, 0x2070, 0x250), (0x20A0, 0x20D0, 0x2C0)]
    private static let foldTable: [[UInt8]] = {
        var table: [[UInt8]] = []
        for range in tableRanges {
            for value in range.start..<range.end {
                table.append(Array(foldedByFoundation(String(Unicode.Scalar(value)!)).utf8))
            }
        }
        return table
    }()

    private static func tableIndex(_ value: UInt32) -> Int? {
        for range in tableRanges where value >= range.start && value < range.end { return Int(value - range.start) + range.offset }
        return nil
    }

    /// UTF-8 of the fold when every scalar of `text` is in the table; nil otherwise.
    static func foldedBySimpleTable(_ text: String) -> [UInt8]? {
        var text = text
        let table = foldTable
        return text.withUTF8 { bytes -> [UInt8]? in
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    folded.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    index += 1
                    continue
                }
                // A Swift string is valid UTF-8, so the lead byte gives the length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                guard let entry = tableIndex(value) else { return nil }
                folded.append(contentsOf: table[entry])
                index += length
            }
            return folded
        }
    }

    /// The folded words of a text, in order, repeats kept.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The folded words of a text, each once, in no particular order. A page has hundreds of words but few distinct
    /// ones, so repeats are recognised on the folded bytes (an open-addressing table of FNV-1a hashes) and a string is
    /// made only for each distinct word. Byte equality is string equality here: a word holds only letters and digits
    /// left by the fold's decomposition, none of which decomposes further.
    static func distinctWords(_ text: String) -> [String] {
        var words: [String] = []
        var hashes: [UInt32] = []
        var slots = [Int32](repeating: -1, count: 256)
        forEachWord(in: text) { word in
            var hash: UInt32 = 2_166_136_261
            for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if hashes[index] == hash && words[index].utf8.elementsEqual(word) { return }
                slot = (slot + 1) & (slots.count - 1)
            }
            words.append(String(decoding: word, as: UTF8.self))
            hashes.append(hash)
            if words.count * 2 <= slots.count {
                slots[slot] = Int32(words.count - 1)
                return
            }
            // Keep the table at most half full.
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (index, hash) in hashes.enumerated() {
                var slot = Int(hash) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(index)
            }
        }
        return words
    }

    /// Calls `body` with the UTF-8 of each folded word of two characters or more, in order. Works on the folded bytes
    /// in place: no string is made for a run of characters until it is known to be a word.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let folded = foldedBySimpleTable(text) ?? Array(foldedByFoundation(text).utf8)
        folded.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var wordStart = 0
            var characters = 0
            func finish(at end: Int) {
                if characters > 1 { body(UnsafeBufferPointer(start: base + wordStart, count: end - wordStart)) }
                characters = 0
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let width: Int
                let isWord: Bool
                if byte < 0x80 {
                    // ASCII: letters and digits are words; the rest separates them.
                    width = 1
                    isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                } else {
                    width = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, bytes.count - index)
                    var decoder = UTF8()
                    var iterator = UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]).makeIterator()
                    if case .scalarValue(let scalar) = decoder.decode(&iterator) { isWord = isWordScalar(scalar) } else { isWord = false }
                }
                if isWord {
                    if characters == 0 { wordStart = index }
                    characters += 1
                } else {
                    finish(at: index)
                }
                index += width
            }
            finish(at: bytes.count)
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
