import Foundation
import Testing
@testable import HelhedCore

/// The Danish stemmer on both sides: `DanishStemmer` (libstemmer) against `stemwords -l danish`'s stems of the
/// committed sample (`scripts/stemmer-sample.tsv`, made by `scripts/stemmer-cases.sh --sample`), and
/// `Templates/assets/stemmer.js` against the same sample with node, when node is installed.
@Suite struct DanishStemmerTests {
    /// `word<TAB>stem` lines: every word of the content, and words of the Danish hunspell dictionary chosen so that
    /// every way the stemmer changes a word's end is in.
    static func sample() throws -> [(word: String, stem: String)] {
        let text = try String(contentsOf: SearchTests.scripts.appendingPathComponent("stemmer-sample.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "not word<TAB>stem: \(line)")
            return (String(fields[0]), String(fields[1]))
        }
    }

    @Test func stemsAsStemwordsDoesOnTheSample() throws {
        let stemmer = DanishStemmer()
        let cases = try Self.sample()
        #expect(cases.count > 3_000)
        let wrong = cases.filter { stemmer.stem($0.word) != $0.stem }.map { "\($0.word): \(stemmer.stem($0.word)), not \($0.stem)" }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        // The bytes and the string are the same stem.
        for (word, stem) in cases.prefix(200) { #expect(stemmer.stem(Array(word.utf8)) == Array(stem.utf8)) }
    }

    /// The forms readers search for, from the issue: each group meets in one stem.
    @Test func formsOfAWordMeet() {
        let stemmer = DanishStemmer()
        let groups = [
            ["helhedsplan", "helhedsplanen", "helhedsplaner", "helhedsplanerne", "helhedsplanens"],
            ["kommune", "kommunen", "kommuner", "kommunerne", "kommunernes"],
            ["finansiering", "finansieringen", "finansieringer"],
            ["boligområde", "boligområdet", "boligområder", "boligområderne"],
        ]
        for group in groups {
            #expect(Set(group.map(stemmer.stem)).count == 1, "\(group.map { "\($0) → \(stemmer.stem($0))" })")
        }
        #expect(stemmer.stem("helhedsplanerne") == "helhedsplan")
        #expect(stemmer.stem("kommunernes") == "kommun")
    }

    /// Stemmed before the fold (the algorithm needs æ, ø and å), folded after.
    @Test func foldedStemStemsBeforeFolding() {
        let stemmer = DanishStemmer()
        #expect(stemmer.foldedStem("Boligområderne") == "boligomraad")
        #expect(stemmer.foldedStem("BOLIGOMRÅDER") == "boligomraad")
        #expect(stemmer.foldedStem("Bolig\u{6F}\u{308}mråder") == stemmer.foldedStem("Boligömråder"))  // NFC first
        #expect(stemmer.stem("løst") == "løst")  // too short for R1: "løst" → "løs" only on longer words
        #expect(stemmer.stem("") == "")
    }

    /// The exceptions change only the words they list, to the stems they give.
    @Test func searchStemAppliesTheExceptions() {
        let stemmer = DanishStemmer()
        #expect(stemmer.stem("helheden") == "hel" && stemmer.stem("hele") == "hel")  // what the algorithm joins
        #expect(stemmer.searchStem("helheden") == "helhed")
        #expect(stemmer.searchStem("hele") == "hel")
        #expect(stemmer.searchStem("ledighed") != stemmer.searchStem("ledelse"))
        #expect(stemmer.searchStem("kommunerne") == stemmer.stem("kommunerne"))
        #expect(stemmer.foldedStem("Helhedens") == "helhed")
        for (stem, forms) in DanishStemmer.exceptions { for form in forms { #expect(stemmer.searchStem(form) == stem) } }
    }

    @Test(.enabled(if: SearchTests.node != nil, "node is not installed"))
    func exceptionsAreTheSameInSwiftAndJavaScript() throws {
        let script = "process.stdout.write(JSON.stringify(require(process.argv[1]).exceptions))"
        let output = try Self.runNode(["-e", script, PublishFixture.repositoryTemplates.appendingPathComponent("assets/stemmer.js").path])
        #expect(output.status == 0, "\(output.text)")
        let javaScript = try JSONDecoder().decode([String: [String]].self, from: Data(output.text.utf8))
        #expect(javaScript == DanishStemmer.exceptions)
    }

    /// One stemmer per task: libstemmer's handle is not shared.
    @Test func oneStemmerPerTaskGivesTheSameStems() async throws {
        let words = try Self.sample().map(\.word)
        let expected = DanishStemmer().stemAll(words)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { DanishStemmer().stemAll(words) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4 && results.allSatisfy { $0 == expected })
    }

    @Test(.enabled(if: SearchTests.node != nil, "node is not installed; run node scripts/test-stemmer.js where it is"))
    func stemmerJSPassesItsTestsWithNode() throws {
        let output = try Self.runNode([SearchTests.scripts.appendingPathComponent("test-stemmer.js").path])
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains(" passed, 0 failed"), "\(output.text)")
    }

    /// node's exit status and its output and errors together.
    static func runNode(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(SearchTests.node))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

extension DanishStemmer {
    fileprivate func stemAll(_ words: [String]) -> [String] { words.map(stem) }
}
