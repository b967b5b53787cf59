import Foundation

/// The words of a search index entry: found, folded, deduplicated and sorted in one pass over the bytes.
extension SearchText {
    /// The three word lists of a search entry, each word once, in the order found, as `table` (`lowerTable` for the
    /// index, whose keys are stemmed; `foldTable` for folded words) transforms them:
    /// - `names`: the words of `names` (a page's title and aliases);
    /// - `terms`: `termWords` (already transformed words of the terms the page mentions) but those in `names`;
    /// - `body`: the words of `pieces` (valid UTF-8, read as if joined by spaces, without joining them) in neither.
    /// A page has thousands of words but a few hundred distinct ones, so everything happens on transformed bytes in
    /// one buffer and one set: repeats are recognised by hashing (`WordSet`), and a string is made per distinct word.
    static func entryWords(names: [String], termWords: [String], pieces: [[UInt8]], table: ScalarTable = foldTable)
        -> (names: [String], terms: [String], body: [String]) {
        let buffer = entryWordBuffer(names: names, termWords: termWords, pieces: pieces, table: table)
        let words = buffer.bytes.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        return (Array(words[..<buffer.namesEnd]), Array(words[buffer.namesEnd..<buffer.termsEnd]), Array(words[buffer.termsEnd...]))
    }

    /// `entryWords` in one buffer: each word's bytes followed by a space; `namesEnd` and `termsEnd` count words.
    static func entryWordBuffer(names: [String], termWords: [String], pieces: [[UInt8]], table: ScalarTable = foldTable)
        -> (bytes: [UInt8], namesEnd: Int, termsEnd: Int) {
        // The name words, then the term words go first into the buffer, so that the set holds them, in that order,
        // before the text's words.
        var known: [UInt8] = []
        for name in names {
            let transformed = foldedBySimpleTable(name, table: table) ?? Array(table.foundation(name).utf8)
            transformed.withUnsafeBufferPointer { bytes in
                forEachWord(in: bytes) { word in
                    known.append(contentsOf: bytes[word])
                    known.append(0x20)
                }
            }
        }
        let namesEnd = known.count
        for word in termWords {
            known.append(contentsOf: word.utf8)
            known.append(0x20)
        }
        let capacity = pieces.reduce(known.count) { $0 + ($1.count + 1) * table.maxGrowth }
        let folded = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { folded.deallocate() }
        _ = folded.initialize(from: known)
        var set = WordSet()
        forEachWord(in: UnsafeBufferPointer(rebasing: folded[..<known.count])) { set.insert($0, of: UnsafeBufferPointer(folded)) }
        var scanner = WordScanner(folded: folded, count: known.count, table: table)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { scanner.appendSpace(into: &set) }
            guard piece.withUnsafeBufferPointer({ scanner.appendFolding($0, into: &set) }) else {
                // A scalar beyond the table: the whole text through Foundation, as `fold` and `lower` do.
                let text = String(decoding: Array(pieces.joined(separator: [0x20])), as: UTF8.self)
                let buffer = known + Array(table.foundation(text).utf8)
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

    /// `words` (in the order they were first found) copied out, and how many come before the ends of the names and
    /// the term words in the buffer.
    private static func entryLists(_ words: [Range<Int>], namesEnd: Int, termsEnd: Int, in folded: UnsafeBufferPointer<UInt8>)
        -> (bytes: [UInt8], namesEnd: Int, termsEnd: Int) {
        let names = words.firstIndex { $0.lowerBound >= namesEnd } ?? words.count
        let terms = words[names...].firstIndex { $0.lowerBound >= termsEnd } ?? words.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.count + 1 })
        for word in words {
            bytes.append(contentsOf: folded[word])
            bytes.append(0x20)
        }
        return (bytes, names, terms)
    }

    /// Folds text into a buffer and finds its words in the same pass: what `foldedBySimpleTable` followed by
    /// `forEachWord` would find, each word hashed as its bytes are written. (Three passes over every page's text,
    /// the fold, the word scan and the hashing, were the search index's largest cost.)
    private struct WordScanner {
        let folded: UnsafeMutableBufferPointer<UInt8>
        let table: ScalarTable
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

        init(folded: UnsafeMutableBufferPointer<UInt8>, count: Int, table: ScalarTable) {
            self.folded = folded
            self.table = table
            state = State(count: count)
        }

        mutating func appendSpace(into set: inout WordSet) {
            Self.append(0x20, isWord: false, startsScalar: true, to: folded, state: &state, set: &set)
        }

        /// false when `bytes` (valid UTF-8) holds a scalar the table does not fold; the buffer is then incomplete.
        mutating func appendFolding(_ bytes: UnsafeBufferPointer<UInt8>, into set: inout WordSet) -> Bool {
            let table = self.table
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

}
