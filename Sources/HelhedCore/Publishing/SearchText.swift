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

    /// The table, flat: the fold of entry `i` is `foldTable.bytes[foldTable.ends[i - 1] ..< foldTable.ends[i]]`.
    /// (One array of bytes and one of offsets, read through buffer pointers: an array per entry cost a reference
    /// count per scalar of every page.) `maxGrowth` is the most bytes an entry has per byte of its scalar.
    /// `classes` has a byte per byte of `bytes`: `startsScalar` on the first byte of each folded scalar, `inWord` on
    /// every byte of a scalar that belongs to words (`isWordScalar`), so words are found while folding.
    private static let foldTable: (bytes: [UInt8], ends: [Int32], classes: [UInt8], maxGrowth: Int) = {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        var classes: [UInt8] = []
        var maxGrowth = 1
        for range in tableRanges {
            for value in range.start..<range.end {
                let scalar = Unicode.Scalar(value)!
                let folded = foldedByFoundation(String(scalar))
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
        return (bytes, ends, classes, maxGrowth)
    }()

    /// Each ASCII byte's fold if it is a letter or digit (`a`–`z`, `0`–`9`), else 0; 0 from 0x80 up: which ASCII bytes
    /// make words, for both word scans.
    private static let asciiWordBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        default: 0
        }
    }

    private enum ByteClass {
        static let startsScalar: UInt8 = 1
        static let inWord: UInt8 = 2
    }

    @inline(__always)
    private static func tableIndex(_ value: UInt32) -> Int? {
        if value < 0x250 { return Int(value) }
        if value >= 0x2000 && value < 0x2070 { return Int(value - 0x2000) + 0x250 }
        if value >= 0x20A0 && value < 0x20D0 { return Int(value - 0x20A0) + 0x2C0 }
        return nil
    }

    /// Where the fold of the scalar that starts at `index` lies in `foldTable.bytes`, and how many bytes the scalar
    /// takes; nil when the table does not hold it. `bytes` is valid UTF-8 (so the lead byte gives the length), and the
    /// scalar is not ASCII.
    @inline(__always)
    private static func tableEntry(at index: Int, of bytes: UnsafeBufferPointer<UInt8>,
                                   ends: UnsafeBufferPointer<Int32>) -> (folded: Range<Int>, length: Int)? {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let entry = tableIndex(value) else { return nil }
        return ((entry == 0 ? 0 : Int(ends[entry - 1]))..<Int(ends[entry]), length)
    }

    /// UTF-8 of the fold when every scalar of `text` is in the table; nil otherwise.
    static func foldedBySimpleTable(_ text: String) -> [UInt8]? {
        var text = text
        let table = foldTable
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
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        foldedBytes(text).withUnsafeBufferPointer { folded in
            forEachWord(in: folded) { words.append(String(decoding: folded[$0], as: UTF8.self)) }
        }
        return words
    }

    /// The three word lists of a search entry, each sorted as strings sort and joined by spaces:
    /// - `names`: the folded words of `names` (a page's title and aliases), each once;
    /// - `terms`: `termWords` (folded words of the terms the page mentions) but those in `names`, each once;
    /// - `body`: the folded words of `pieces` (valid UTF-8, read as if joined by spaces, without joining them) in neither.
    /// A page has thousands of words but a few hundred distinct ones, so everything happens on folded bytes in one
    /// buffer and one set: repeats are recognised by hashing (`WordSet`), and ASCII words (nearly all Danish words
    /// fold to ASCII) are sorted by their bytes, which is how such strings sort. No string is made per word.
    static func entryWords(names: [String], termWords: [String], pieces: [[UInt8]]) -> (names: String, terms: String, body: String) {
        // The name words, then the term words go first into the buffer, so that the set holds them, in that order,
        // before the text's words.
        var known: [UInt8] = []
        for word in names.flatMap(words) {
            known.append(contentsOf: word.utf8)
            known.append(0x20)
        }
        let namesEnd = known.count
        for word in termWords {
            known.append(contentsOf: word.utf8)
            known.append(0x20)
        }
        let capacity = pieces.reduce(known.count) { $0 + ($1.count + 1) * foldTable.maxGrowth }
        let folded = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { folded.deallocate() }
        _ = folded.initialize(from: known)
        var set = WordSet()
        forEachWord(in: UnsafeBufferPointer(rebasing: folded[..<known.count])) { set.insert($0, of: UnsafeBufferPointer(folded)) }
        var scanner = WordScanner(folded: folded, count: known.count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { scanner.appendSpace(into: &set) }
            guard piece.withUnsafeBufferPointer({ scanner.appendFolding($0, into: &set) }) else {
                // A scalar beyond the table: the whole text through Foundation's fold, as `fold` does.
                let text = String(decoding: Array(pieces.joined(separator: [0x20])), as: UTF8.self)
                let buffer = known + Array(foldedByFoundation(text).utf8)
                return buffer.withUnsafeBufferPointer { folded in
                    var set = WordSet()
                    forEachWord(in: folded) { set.insert($0, of: folded) }
                    return entryLists(set.words, namesEnd: namesEnd, termsEnd: known.count, in: folded)
                }
            }
        }
        scanner.finish(into: &set)
        return entryLists(set.words, namesEnd: namesEnd, termsEnd: known.count, in: UnsafeBufferPointer(rebasing: folded[..<scanner.count]))
    }

    /// `words` (in the order they were first found) split where the names and the term words end in the buffer.
    private static func entryLists(_ words: [Range<Int>], namesEnd: Int, termsEnd: Int, in folded: UnsafeBufferPointer<UInt8>)
        -> (names: String, terms: String, body: String) {
        let names = words.firstIndex { $0.lowerBound >= namesEnd } ?? words.count
        let terms = words[names...].firstIndex { $0.lowerBound >= termsEnd } ?? words.count
        return (sortedJoined(words[..<names], in: folded), sortedJoined(words[names..<terms], in: folded),
                sortedJoined(words[terms...], in: folded))
    }

    /// The words, sorted as strings sort, joined by spaces.
    private static func sortedJoined(_ found: ArraySlice<Range<Int>>, in folded: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = folded.baseAddress, !found.isEmpty else { return "" }
        var high: UInt8 = 0
        for word in found { for index in word { high |= base[index] } }
        // Beyond ASCII, strings sort by their canonical form, which bytes need not follow.
        let sorted = high < 0x80 ? sortedByBytes(found, in: folded)
            : found.sorted { String(decoding: folded[$0], as: UTF8.self) < String(decoding: folded[$1], as: UTF8.self) }
        let length = sorted.reduce(-1) { $0 + $1.count + 1 }
        // Copied straight into the string's storage: a byte array first, then a string of it, was a copy too many.
        return String(unsafeUninitializedCapacity: length) { joined in
            var end = 0
            for word in sorted {
                if end > 0 {
                    joined[end] = 0x20
                    end += 1
                }
                UnsafeMutableRawPointer(joined.baseAddress! + end).copyMemory(from: base + word.lowerBound, byteCount: word.count)
                end += word.count
            }
            return end
        }
    }

    /// Folds text into a buffer and finds its words in the same pass: what `foldedBySimpleTable` followed by
    /// `forEachWord` would find, each word hashed as its bytes are written. (Three passes over every page's text,
    /// the fold, the word scan and the hashing, were the search index's largest cost.)
    private struct WordScanner {
        let folded: UnsafeMutableBufferPointer<UInt8>
        private var state: State

        /// Where the scan is. Copied into a local while a text is scanned: as a field of the scanner (reached through
        /// `self`), each value was loaded and stored again for every byte, since a byte written to the buffer might,
        /// for all the compiler knew, have changed it.
        private struct State {
            var count: Int
            var wordStart = 0
            var characters = 0
            var hash = WordSet.hashBasis
        }

        var count: Int { state.count }

        init(folded: UnsafeMutableBufferPointer<UInt8>, count: Int) {
            self.folded = folded
            state = State(count: count)
        }

        mutating func appendSpace(into set: inout WordSet) {
            Self.append(0x20, isWord: false, startsScalar: true, to: folded, state: &state, set: &set)
        }

        /// false when `bytes` (valid UTF-8) holds a scalar the table does not fold; the buffer is then incomplete.
        mutating func appendFolding(_ bytes: UnsafeBufferPointer<UInt8>, into set: inout WordSet) -> Bool {
            let table = foldTable
            let folded = self.folded
            var state = self.state
            defer { self.state = state }
            return table.bytes.withUnsafeBufferPointer { tableBytes in
                table.classes.withUnsafeBufferPointer { classes in
                    table.ends.withUnsafeBufferPointer { ends in
                        SearchText.asciiWordBytes.withUnsafeBufferPointer { wordBytes in
                            var index = 0
                            while index < bytes.count {
                                let byte = bytes[index]
                                if byte < 0x80 {
                                    var lower = wordBytes[Int(byte)]
                                    guard lower != 0 else {
                                        // Not a letter or digit, so lower case leaves it as it is.
                                        Self.append(byte, isWord: false, startsScalar: true, to: folded, state: &state, set: &set)
                                        index += 1
                                        continue
                                    }
                                    // A run of ASCII letters and digits (nearly all of a Danish text's letters), copied and
                                    // hashed in a loop of its own: what `append` does byte by byte, with the word's
                                    // bookkeeping once per run.
                                    if state.characters == 0 {
                                        state.wordStart = state.count
                                        state.hash = WordSet.hashBasis
                                    }
                                    let runStart = index
                                    var count = state.count
                                    var hash = state.hash
                                    repeat {
                                        folded[count] = lower
                                        hash = WordSet.hash(hash, lower)
                                        count &+= 1
                                        index &+= 1
                                        guard index < bytes.count else { break }
                                        lower = wordBytes[Int(bytes[index])]
                                    } while lower != 0
                                    state.count = count
                                    state.hash = hash
                                    state.characters += index - runStart
                                    continue
                                }
                                guard let entry = tableEntry(at: index, of: bytes, ends: ends) else { return false }
                                for position in entry.folded {
                                    let byteClass = classes[position]
                                    Self.append(tableBytes[position], isWord: byteClass & ByteClass.inWord != 0,
                                                startsScalar: byteClass & ByteClass.startsScalar != 0, to: folded, state: &state, set: &set)
                                }
                                index += entry.length
                            }
                            return true
                        }
                    }
                }
            }
        }

        /// Ends the last word.
        mutating func finish(into set: inout WordSet) {
            if state.characters > 1 { set.insert(state.wordStart..<state.count, hash: state.hash, of: UnsafeBufferPointer(folded)) }
            state.characters = 0
        }

        /// One folded byte: part of a word (hashed as it goes), or a byte between words, where the word before ends
        /// (if it has two characters or more, it goes into the set).
        @inline(__always)
        private static func append(_ byte: UInt8, isWord: Bool, startsScalar: Bool, to folded: UnsafeMutableBufferPointer<UInt8>,
                                   state: inout State, set: inout WordSet) {
            if isWord {
                if state.characters == 0 {
                    state.wordStart = state.count
                    state.hash = WordSet.hashBasis
                }
                if startsScalar { state.characters += 1 }
                state.hash = WordSet.hash(state.hash, byte)
            } else if startsScalar {
                if state.characters > 1 { set.insert(state.wordStart..<state.count, hash: state.hash, of: UnsafeBufferPointer(folded)) }
                state.characters = 0
            }
            folded[state.count] = byte
            state.count += 1
        }
    }

    /// Ranges of `bytes` in the lexicographic order of their bytes. Each word becomes one number, its first six bytes
    /// above its position in the list, so that plain integers are sorted (a comparison of two pairs through a closure
    /// cost as much as finding the words); words that share their first six bytes are then ordered by the rest.
    private static func sortedByBytes(_ words: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let base = bytes.baseAddress!
        guard words.count <= 1 << 16 else { return words.sorted { precedesInBytes($0, $1, in: base) } }
        var keys = [UInt64](unsafeUninitializedCapacity: words.count) { keys, count in
            for (position, word) in words.enumerated() {
                var key: UInt64 = 0
                for index in 0..<6 { key = key << 8 | UInt64(index < word.count ? base[word.lowerBound + index] : 0) }
                keys[position] = key << 16 | UInt64(position)
            }
            count = words.count
        }
        keys.sort()
        var sorted = keys.map { words[words.startIndex + Int($0 & 0xFFFF)] }
        sorted.withUnsafeMutableBufferPointer { sorted in
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count && keys[end] >> 16 == keys[start] >> 16 { end += 1 }
                // A few words at most share their first six bytes: sorted by insertion, in place (a sort of the slice
                // copied it, and called a closure per comparison).
                for next in (start + 1)..<end {
                    let word = sorted[next]
                    var slot = next
                    while slot > start && precedesInBytes(word, sorted[slot - 1], in: base) {
                        sorted[slot] = sorted[slot - 1]
                        slot -= 1
                    }
                    sorted[slot] = word
                }
                start = end
            }
        }
        return sorted
    }

    /// Whether the bytes of `lhs` come before those of `rhs` (a shorter prefix first).
    @inline(__always)
    private static func precedesInBytes(_ lhs: Range<Int>, _ rhs: Range<Int>, in base: UnsafePointer<UInt8>) -> Bool {
        let order = memcmp(base + lhs.lowerBound, base + rhs.lowerBound, min(lhs.count, rhs.count))
        return order != 0 ? order < 0 : lhs.count < rhs.count
    }

    /// Distinct words, as ranges of one folded buffer: an open-addressing table of FNV-1a hashes of their bytes.
    /// Byte equality is string equality here: a word holds only letters and digits left by the fold's
    /// decomposition, none of which decomposes further.
    private struct WordSet: ~Copyable {
        private(set) var words: [Range<Int>] = []
        /// 0 for an empty slot, else a word's hash above its position in `words` plus one: a probe compares hashes
        /// without reading `words`. Kept at most half full. (With three arrays, each access checked, inserting a
        /// word cost about 130 instructions.)
        private var slots: UnsafeMutableBufferPointer<UInt64>

        static let hashBasis: UInt32 = 2_166_136_261

        init() {
            slots = .allocate(capacity: 256)
            slots.initialize(repeating: 0)
        }

        deinit { slots.deallocate() }

        @inline(__always)
        static func hash(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
            (hash ^ UInt32(byte)) &* 16_777_619
        }

        mutating func insert(_ word: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
            insert(word, hash: word.reduce(Self.hashBasis) { Self.hash($0, bytes[$1]) }, of: bytes)
        }

        /// `hash`: the FNV-1a hash of the word's bytes.
        mutating func insert(_ word: Range<Int>, hash: UInt32, of bytes: UnsafeBufferPointer<UInt8>) {
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while slots[slot] != 0 {
                let entry = slots[slot]
                if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                    let known = words[Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1]
                    if known.count == word.count
                        && memcmp(bytes.baseAddress! + known.lowerBound, bytes.baseAddress! + word.lowerBound, word.count) == 0 { return }
                }
                slot = (slot + 1) & mask
            }
            words.append(word)
            slots[slot] = UInt64(hash) << 32 | UInt64(words.count)
            if words.count * 2 > slots.count { grow() }
        }

        private mutating func grow() {
            let old = slots
            slots = .allocate(capacity: old.count * 2)
            slots.initialize(repeating: 0)
            let mask = slots.count - 1
            for entry in old where entry != 0 {
                var slot = Int(truncatingIfNeeded: entry >> 32) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
            old.deallocate()
        }
    }

    /// Calls `body` with the range of each folded word of two characters or more in `folded` (folded UTF-8), in
    /// order.
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
