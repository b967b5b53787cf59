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
enum SearchText {
    static func fold(_ text: String) -> String {
        if let bytes = foldedBySimpleTable(text) { return String(decoding: bytes, as: UTF8.self) }
        return foldedByFoundation(text)
    }

    /// Steps 1 and 2 only: what the stemmer is given (it needs æ, ø and å, and accents, as written). The index keys
    /// of a word are `fold(lowered)` and `fold(searchStem(lowered))`; `fold(lower(x)) == fold(x)`.
    static func lower(_ text: String) -> String {
        if let bytes = foldedBySimpleTable(text, table: lowerTable) { return String(decoding: bytes, as: UTF8.self) }
        return loweredByFoundation(text)
    }

    /// Steps 1 and 2 through Foundation (the slow path of `lower`).
    static func loweredByFoundation(_ text: String) -> String {
        var lowered = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            lowered.append(scalar == "ς" ? "σ" : scalar)
        }
        return String(lowered)
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

    /// A per-scalar table of one transformation (`fold` or `lower`) of the scalars in `tableRanges`, flat: the
    /// transform of entry `i` is `foldTable.bytes[foldTable.ends[i - 1] ..< foldTable.ends[i]]`.
    /// (One array of bytes and one of offsets, read through buffer pointers: an array per entry cost a reference
    /// count per scalar of every page.) `maxGrowth` is the most bytes an entry has per byte of its scalar.
    /// `classes` has a byte per byte of `bytes`: `startsScalar` on the first byte of each folded scalar, `inWord` on
    /// every byte of a scalar that belongs to words (`isWordScalar`), so words are found while folding.
    typealias ScalarTable = (bytes: [UInt8], ends: [Int32], classes: [UInt8], maxGrowth: Int, foundation: @Sendable (String) -> String)

    static let foldTable = makeTable(foldedByFoundation)
    /// `lower` per scalar: Latin text is lower-cased (and its words found) as fast as it is folded.
    static let lowerTable = makeTable(loweredByFoundation)

    private static func makeTable(_ transform: @escaping @Sendable (String) -> String) -> ScalarTable {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        var classes: [UInt8] = []
        var maxGrowth = 1
        for range in tableRanges {
            for value in range.start..<range.end {
                let scalar = Unicode.Scalar(value)!
                let folded = transform(String(scalar))
                for foldedScalar in folded.unicodeScalars {
                    let inWord = isWordScalar(foldedScalar) ? ByteClass.inWord : 0
                    for (offset, byte) in String(foldedScalar).utf8.enumerated() {
                        bytes.append(byte)
                        classes.append(inWord | (offset == 0 ? ByteClass.startsScalar : 0))
                    }
                }
                ends.append(Int32(bytes.count))
                let length = String(scalar).utf8.count
                maxGrowth = max(maxGrowth, (folded.utf8.count + length - 1) / length)
            }
        }
        return (bytes, ends, classes, maxGrowth, transform)
    }

    /// Each ASCII byte's fold if it is a letter or digit (`a`–`z`, `0`–`9`), else 0; 0 from 0x80 up: which ASCII bytes
    /// make words, for both word scans.
    static let asciiWordBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        default: 0
        }
    }

    enum ByteClass {
        static let startsScalar: UInt8 = 1
        static let inWord: UInt8 = 2
    }

    @inline(__always)
    static func tableIndex(_ value: UInt32) -> Int? {
        if value < 0x250 { return Int(value) }
        if value >= 0x2000 && value < 0x2070 { return Int(value - 0x2000) + 0x250 }
        if value >= 0x20A0 && value < 0x20D0 { return Int(value - 0x20A0) + 0x2C0 }
        return nil
    }

    /// Where the fold of the scalar that starts at `index` lies in `foldTable.bytes`, and how many bytes the scalar
    /// takes; nil when the table does not hold it. `bytes` is valid UTF-8 (so the lead byte gives the length), and the
    /// scalar is not ASCII.
    @inline(__always)
    static func tableEntry(at index: Int, of bytes: UnsafeBufferPointer<UInt8>,
                                   ends: UnsafeBufferPointer<Int32>) -> (folded: Range<Int>, length: Int)? {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let entry = tableIndex(value) else { return nil }
        return ((entry == 0 ? 0 : Int(ends[entry - 1]))..<Int(ends[entry]), length)
    }

    /// UTF-8 of the fold when every scalar of `text` is in the table; nil otherwise.
    static func foldedBySimpleTable(_ text: String, table: ScalarTable = foldTable) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            table.bytes.withUnsafeBufferPointer { tableBytes in
                table.ends.withUnsafeBufferPointer { ends in
                    var complete = true
                    // Written in place into room for the largest growth; `count` says how much was written.
                    let folded = [UInt8](unsafeUninitializedCapacity: bytes.count * table.maxGrowth) { output, count in
                        var index = 0
                        var written = 0
                        while index < bytes.count {
                            let byte = bytes[index]
                            if byte < 0x80 {
                                output[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                                written += 1
                                index += 1
                                continue
                            }
                            // A Swift string is valid UTF-8.
                            guard let entry = tableEntry(at: index, of: bytes, ends: ends) else {
                                complete = false
                                break
                            }
                            for position in entry.folded {
                                output[written] = tableBytes[position]
                                written += 1
                            }
                            index += entry.length
                        }
                        count = written
                    }
                    return complete ? folded : nil
                }
            }
        }
    }

    /// The UTF-8 of `fold(text)`.
    static func foldedBytes(_ text: String) -> [UInt8] {
        foldedBySimpleTable(text) ?? Array(foldedByFoundation(text).utf8)
    }

    /// The folded words of a text, in order, repeats kept.
    static func words(_ text: String) -> [String] {
        words(ofTransformed: foldedBytes(text))
    }

    /// The lower-cased words of a text (`lower`, then runs of letters and digits, two or more), in order, repeats
    /// kept: the words as the stemmer wants them.
    static func loweredWords(_ text: String) -> [String] {
        words(ofTransformed: foldedBySimpleTable(text, table: lowerTable) ?? Array(loweredByFoundation(text).utf8))
    }

    private static func words(ofTransformed bytes: [UInt8]) -> [String] {
        var words: [String] = []
        bytes.withUnsafeBufferPointer { folded in
            forEachWord(in: folded) { words.append(String(decoding: folded[$0], as: UTF8.self)) }
        }
        return words
    }

    /// Calls `body` with the range of each word of two characters or more (runs of letters and digits) in
    /// `folded` (UTF-8 as `fold` or `lower` leaves it), in order.
    static func forEachWord(in folded: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var wordStart = 0
        var characters = 0
        var index = 0
        while index < folded.count {
            let byte = folded[index]
            let width: Int
            let isWord: Bool
            if byte < 0x80 {
                // ASCII: letters and digits are words; the rest separates them.
                width = 1
                isWord = asciiWordBytes[Int(byte)] != 0
            } else {
                width = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, folded.count - index)
                var decoder = UTF8()
                var iterator = UnsafeBufferPointer(rebasing: folded[index..<(index + width)]).makeIterator()
                if case .scalarValue(let scalar) = decoder.decode(&iterator) { isWord = isWordScalar(scalar) } else { isWord = false }
            }
            if isWord {
                if characters == 0 { wordStart = index }
                characters += 1
            } else {
                if characters > 1 { body(wordStart..<index) }
                characters = 0
            }
            index += width
        }
        if characters > 1 { body(wordStart..<folded.count) }
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
