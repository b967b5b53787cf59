/// Finds glossary terms in running text with one Aho–Corasick automaton over every title and alias, so the cost
/// is linear in the text whatever the number of terms. Works on UTF-8 bytes; case is folded for ASCII and
/// Latin-1 (Æ/æ, Ø/ø, Å/å, É/é …), which covers Danish.
///
/// Every text node of every page is scanned, so the loop per byte is kept to three table reads: the byte's class
/// (case folding included), the next state, and a sign test for "a pattern ends here".
struct TermMatcher: Sendable {
    struct Match: Equatable, Sendable {
        /// Byte range in the scanned text.
        let range: Range<Int>
        /// Index of the term (as given to `init`).
        let term: Int
    }

    /// The complete automaton, one row of `classCount` entries per state. An entry is the next state's row offset
    /// (`state * classCount`), so the scan never multiplies; it is stored complemented (`~offset`, negative) when
    /// the next state ends a pattern, directly or along its failure chain, so the common case costs one sign test.
    private let transitions: [Int32]
    private let classCount: Int
    /// The class of a byte, case folded: `byteClass[byte]`, or `byteClass[256 + byte]` right after a 0xC3 lead byte
    /// (where 0x80–0x9E are the Latin-1 capitals). Bytes no pattern uses share class 0.
    private let byteClass: [UInt8]
    /// The pattern that ends at a state, or -1.
    private let patternAtState: [Int32]
    /// The nearest state along the failure chain that ends a pattern, or -1.
    private let nextOutputState: [Int32]
    private let patternLength: [Int]
    private let patternTerm: [Int]
    /// What the automaton was built from, so that a rebuild with the same names can keep it.
    let names: [[String]]

    /// `names[i]` are the forms of term `i`.
    init(names: [[String]]) {
        self.names = names
        let patterns = Self.patterns(names)
        let (classes, classCount) = Self.byteClasses(patterns)
        let (trie, patternAtState) = Self.trie(patterns, classes: classes, classCount: classCount)
        let (flat, nextOutput) = Self.automaton(trie: trie, patternAtState: patternAtState, classCount: classCount)
        // States to row offsets, complemented where a pattern ends (see `transitions`).
        self.transitions = flat.map { next in
            let row = next * Int32(classCount)
            return patternAtState[Int(next)] >= 0 || nextOutput[Int(next)] >= 0 ? ~row : row
        }
        self.classCount = classCount
        self.byteClass = (0..<512).map { index in
            classes[Int(Self.fold(UInt8(truncatingIfNeeded: index), after: index >= 256 ? 0xC3 : 0))]
        }
        self.patternAtState = patternAtState
        self.nextOutputState = nextOutput
        self.patternLength = patterns.map(\.bytes.count)
        self.patternTerm = patterns.map(\.term)
    }

    /// Every distinct folded form, with its term.
    private static func patterns(_ names: [[String]]) -> [(bytes: [UInt8], term: Int)] {
        var patterns: [(bytes: [UInt8], term: Int)] = []
        var seen: Set<[UInt8]> = []
        for (term, forms) in names.enumerated() {
            for form in forms {
                let folded = fold(form)
                if !folded.isEmpty, seen.insert(folded).inserted { patterns.append((folded, term)) }
            }
        }
        return patterns
    }

    /// A class per byte the patterns use (1…), 0 for every other byte.
    private static func byteClasses(_ patterns: [(bytes: [UInt8], term: Int)]) -> (classes: [UInt8], count: Int) {
        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for pattern in patterns {
            for byte in pattern.bytes where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(truncatingIfNeeded: nextClass)
                nextClass += 1
            }
        }
        // More than 255 distinct bytes cannot occur in practice; if it did, the extra bytes share class 0 and merely never match.
        return (classes, min(nextClass, 256))
    }

    /// The trie, flat: `trie[state * classCount + symbol]` is the child, or -1. (An array per state cost an
    /// allocation per byte of every name, in the serial assembly of the site.)
    private static func trie(_ patterns: [(bytes: [UInt8], term: Int)], classes: [UInt8],
                             classCount: Int) -> (trie: [Int32], patternAtState: [Int32]) {
        var trie = [Int32](repeating: -1, count: classCount)
        var patternAtState: [Int32] = [-1]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.bytes {
                let slot = state * classCount + Int(classes[Int(byte)])
                if trie[slot] < 0 {
                    trie[slot] = Int32(patternAtState.count)
                    trie.append(contentsOf: repeatElement(-1, count: classCount))
                    patternAtState.append(-1)
                }
                state = Int(trie[slot])
            }
            patternAtState[state] = Int32(index)
        }
        return (trie, patternAtState)
    }

    /// Breadth-first over the trie: failure links, the completed transitions and the output links.
    private static func automaton(trie: [Int32], patternAtState: [Int32],
                                  classCount: Int) -> (transitions: [Int32], nextOutput: [Int32]) {
        let stateCount = patternAtState.count
        var failure = [Int32](repeating: 0, count: stateCount)
        var nextOutput = [Int32](repeating: -1, count: stateCount)
        var flat = [Int32](repeating: 0, count: stateCount * classCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for symbol in 1..<max(classCount, 1) {
            let child = trie[symbol]
            if child >= 0 {
                flat[symbol] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            nextOutput[state] = patternAtState[fail] >= 0 ? Int32(fail) : nextOutput[fail]
            for symbol in 0..<classCount {
                let child = trie[state * classCount + symbol]
                if child >= 0 && symbol != 0 {
                    failure[Int(child)] = flat[fail * classCount + symbol]
                    flat[state * classCount + symbol] = child
                    queue.append(Int(child))
                } else {
                    flat[state * classCount + symbol] = flat[fail * classCount + symbol]
                }
            }
        }
        return (flat, nextOutput)
    }

    var isEmpty: Bool { patternLength.isEmpty }

    /// Whole-word matches, leftmost first and longest at each start, never overlapping.
    func matches(in text: [UInt8]) -> [Match] {
        text.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Whole-word matches in `text` (read only during the call), leftmost first and longest at each start, never
    /// overlapping. Offsets count from the start of `text`, which counts as a word boundary, as its end does.
    func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        guard !isEmpty, !text.isEmpty else { return [] }
        // Every whole-word occurrence, as the automaton finds them (by end offset); then by start, longest first, and a
        // left-to-right sweep. Linear in the text; occurrences are few, so nothing is allocated per byte of text.
        var found: [(start: Int, length: Int, pattern: Int)] = []
        transitions.withUnsafeBufferPointer { transitions in
            byteClass.withUnsafeBufferPointer { byteClass in
                var row = 0
                var previous: UInt8 = 0
                for offset in 0..<text.count {
                    let byte = text[offset]
                    // 256 + byte right after a 0xC3 lead byte: there the byte may be a Latin-1 capital to fold.
                    let afterC3 = previous == 0xC3 ? 256 : 0
                    previous = byte
                    let next = Int(transitions[row &+ Int(byteClass[afterC3 | Int(byte)])])
                    guard next < 0 else {
                        row = next
                        continue
                    }
                    row = ~next
                    collectOccurrences(endingAt: offset, state: row / classCount, in: text, into: &found)
                }
            }
        }
        guard !found.isEmpty else { return [] }
        found.sort { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
        var result: [Match] = []
        var cursor = 0
        for occurrence in found where occurrence.start >= cursor {
            result.append(Match(range: occurrence.start..<(occurrence.start + occurrence.length), term: patternTerm[occurrence.pattern]))
            cursor = occurrence.start + occurrence.length
        }
        return result
    }

    /// The whole-word occurrences of the patterns that end at `state` (itself and along its failure chain).
    private func collectOccurrences(endingAt offset: Int, state: Int, in text: UnsafeBufferPointer<UInt8>,
                                    into found: inout [(start: Int, length: Int, pattern: Int)]) {
        var output = patternAtState[state] >= 0 ? state : Int(nextOutputState[state])
        while output >= 0 {
            let pattern = Int(patternAtState[output])
            let length = patternLength[pattern]
            let start = offset + 1 - length
            if Self.canStartWord(text, at: start), Self.canEndWord(text, at: offset + 1) {
                found.append((start, length, pattern))
            }
            output = Int(nextOutputState[output])
        }
    }

    /// The form used for comparing names: case folded as the automaton does.
    static func fold(_ text: String) -> [UInt8] {
        var previous: UInt8 = 0
        return text.utf8.map { raw in
            defer { previous = raw }
            return fold(raw, after: previous)
        }
    }

    @inline(__always)
    static func fold(_ byte: UInt8, after previous: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        // Latin-1 capitals À–Þ (except ×) are C3 80–C3 9E; their small letters are 0x20 further on.
        if previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 { return byte + 0x20 }
        return byte
    }

    /// A word may start at `offset`: no letter or digit right before it.
    static func canStartWord(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset <= 0 || !isWordScalar(endingBefore: offset, in: text)
    }

    /// A word may end at `offset`: no letter or digit right after it.
    static func canEndWord(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset >= text.count || !isWordScalar(startingAt: offset, in: text)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    private static func isWordScalar(startingAt offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < text.count else { return false }
        let byte = text[offset]
        if byte < 0x80 { return isASCIIWordByte(byte) }
        return isWordScalar(decode(text, from: offset))
    }

    private static func isWordScalar(endingBefore offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset - 1
        guard start >= 0 else { return false }
        if text[start] < 0x80 { return isASCIIWordByte(text[start]) }
        while start > 0 && isContinuation(text[start]) { start -= 1 }
        return isWordScalar(decode(text, from: start))
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: text[offset...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return isASCIIWordByte(UInt8(scalar.value)) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
