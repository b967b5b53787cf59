import Foundation
import Testing
@testable import HelhedCore

/// `SearchText.fold` answers most text from a table of per-scalar folds and sends the rest through Foundation.
/// The two must agree on every text, which these tests check on the shared cases, on every table scalar next to
/// letters, combining marks and Greek, and on seeded random mixes.
@Suite struct SearchTextTableTests {
    static let tableScalars: [Unicode.Scalar] = [(0x0000, 0x0250), (0x2000, 0x2070), (0x20A0, 0x20D0)]
        .flatMap { range in (range.0..<range.1).compactMap(Unicode.Scalar.init) }

    static func expectAgreement(_ text: String) {
        let viaFoundation = SearchText.foldedByFoundation(text)
        #expect(SearchText.fold(text) == viaFoundation, "fold(\(text.debugDescription))")
        #expect(SearchText.lower(text) == SearchText.loweredByFoundation(text), "lower(\(text.debugDescription))")
        #expect(SearchText.fold(SearchText.lower(text)) == viaFoundation, "fold(lower(\(text.debugDescription)))")
    }

    @Test func theSharedCasesFoldAlikeBothWays() throws {
        for testCase in try SearchTests.normalizationCases() { Self.expectAgreement(testCase.text) }
    }

    @Test func everyTableScalarFoldsAlikeInContext() {
        for scalar in Self.tableScalars {
            let character = String(scalar)
            for text in ["a\(character)b", "\(character)\(character)", "Σ\(character)", "\(character)\u{301}", "Å\(character)æ"] {
                Self.expectAgreement(text)
            }
        }
    }

    @Test func randomMixesFoldAlike() {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let extra: [Unicode.Scalar] = ["\u{301}", "\u{30A}", "\u{308}", "Σ", "ς", "İ", "ﬁ", "Å", "Ω", "K", "\u{1E9E}", "é"]
        let pool = Self.tableScalars + extra
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + next() % 12) { text.append(pool[next() % pool.count]) }
            let string = String(text)
            Self.expectAgreement(string)
            #expect(SearchText.words(string) == Self.wordsViaFoundation(string), "words(\(string.debugDescription))")
        }
    }

    /// `entryWords` (hashing folded bytes) must find exactly the set of `words`.
    @Test func distinctWordsAreTheSetOfWords() throws {
        var texts = try SearchTests.normalizationCases().map(\.text)
        texts.append(String(repeating: "Helhedsplan helhedsplanen HELHEDSPLAN Århus aarhus Søren soeren crème creme 2024 ", count: 200))
        texts.append((0..<3_000).map { "ord\($0 % 700)" }.joined(separator: " "))
        for text in texts {
            let distinct = SearchText.entryWords(names: [], termWords: [], pieces: [Array(text.utf8)]).body
            #expect(distinct.count == Set(distinct).count, "no repeats in \(text.prefix(40).debugDescription)")
            #expect(Set(distinct) == Set(SearchText.words(text)), "\(text.prefix(40).debugDescription)")
        }
    }

    /// `entryWords` folds (or lower-cases) and finds words in one pass (and sends text beyond the table through
    /// Foundation): on seeded random mixes of table scalars and others, its three lists must be what their
    /// definitions say, from `words` and sets: the names' words; the term words but those; the words of the pieces
    /// joined by a space but both. Each word once, in the order found.
    @Test(arguments: [false, true]) func entryWordsOfRandomMixesMatchTheDefinition(lowered: Bool) {
        var random = SeededGenerator(seed: 11)
        let letters: [Unicode.Scalar] = ["a", "b", "Æ", "ø", "å", "é", "ß", " ", "-", "1"]
        let pool = letters + letters + Self.tableScalars + ["\u{301}", "Σ", "ς", "İ", "ﬁ", "Ω"]
        func randomText(_ length: Int) -> String {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(length) { text.append(random.pick(pool)) }
            return String(text)
        }
        let transform = { (text: String) -> String in lowered ? SearchText.loweredByFoundation(text) : SearchText.foldedByFoundation(text) }
        let table = lowered ? SearchText.lowerTable : SearchText.foldTable
        for _ in 0..<2_000 {
            let pieces = [randomText(40), randomText(40)]
            let names = [randomText(12), randomText(12)]
            let bodyWords = Self.wordsViaFoundation(pieces.joined(separator: " "), transform)
            let termWords = bodyWords.filter { _ in random.below(3) == 0 } + Self.wordsViaFoundation(randomText(12), transform)
            let nameWords = Set(names.flatMap { Self.wordsViaFoundation($0, transform) })
            let terms = Set(termWords).subtracting(nameWords)
            let words = SearchText.entryWords(names: names, termWords: termWords, pieces: pieces.map { Array($0.utf8) }, table: table)
            for list in [words.names, words.terms, words.body] { #expect(list.count == Set(list).count) }
            #expect(Set(words.names) == nameWords, "\(names.map(\.debugDescription))")
            #expect(Set(words.terms) == terms, "\(termWords)")
            #expect(Set(words.body) == Set(bodyWords).subtracting(nameWords).subtracting(terms), "\(pieces.map(\.debugDescription))")
        }
    }

    /// The original definition of `words`: runs of letters and digits in the folded text, one-character words dropped.
    static func wordsViaFoundation(_ text: String, _ transform: (String) -> String = SearchText.foldedByFoundation) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in transform(text).unicodeScalars {
            if SearchText.isWordScalar(scalar) {
                current.append(scalar)
            } else {
                if current.count > 1 { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if current.count > 1 { words.append(String(current)) }
        return words
    }
}
