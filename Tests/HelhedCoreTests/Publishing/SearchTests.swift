import Foundation
import Testing
@testable import HelhedCore

/// Search: the Swift side of the normalization, the index, the page, and (when node is installed) the script.
@Suite struct SearchTests {
    struct NormalizationCases: Decodable {
        struct Case: Decodable {
            let text: String
            let fold: String
            let words: [String]
        }
        let cases: [Case]
    }

    static let scripts = PublishFixture.repositoryRoot.appendingPathComponent("scripts")

    static func normalizationCases() throws -> [NormalizationCases.Case] {
        let data = try Data(contentsOf: scripts.appendingPathComponent("search-normalization-cases.json"))
        return try JSONDecoder().decode(NormalizationCases.self, from: data).cases
    }

    // MARK: Normalization

    /// The same cases `scripts/test-search.js` checks `search.js` against.
    @Test func swiftNormalizationMatchesTheSharedCases() throws {
        let cases = try Self.normalizationCases()
        #expect(cases.count > 10)
        for testCase in cases {
            #expect(SearchText.fold(testCase.text) == testCase.fold, "fold(\(testCase.text.debugDescription))")
            #expect(SearchText.words(testCase.text) == testCase.words, "words(\(testCase.text.debugDescription))")
        }
    }

    @Test func danishLettersAndTheirSpellingsFoldAlike() {
        #expect(SearchText.fold("Æ Ø Å æ ø å") == "ae oe aa ae oe aa")
        #expect(SearchText.words("Velfærd") == SearchText.words("VELFAERD"))
        #expect(SearchText.words("Århus") == SearchText.words("aarhus"))
        #expect(SearchText.words("Søren") == SearchText.words("soeren"))
        #expect(SearchText.words("Crème brûlée") == ["creme", "brulee"])
    }

    // MARK: JSON

    /// `SearchJSON` writes strings as `JSONEncoder` does (slashes unescaped), with `<`, `>` and `&` as `\u003c`,
    /// `\u003e` and `\u0026`: on every ASCII character (control characters included) and some beyond.
    @Test func searchJSONStringsAreWhatJSONEncoderWritesWithMarkupEscaped() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }) + "æ\u{301}\u{2028}😀\u{FEFF} </script> & <b>"
        for strings in [[], [text], ["første", "", text]] {
            var json: [UInt8] = []
            SearchJSON.appendArray(strings, to: &json)
            var expected: [UInt8] = []
            for byte in try encoder.encode(strings) {
                switch byte {
                case UInt8(ascii: "<"): expected += Array(#"\u003c"#.utf8)
                case UInt8(ascii: ">"): expected += Array(#"\u003e"#.utf8)
                case UInt8(ascii: "&"): expected += Array(#"\u0026"#.utf8)
                default: expected.append(byte)
                }
            }
            #expect(json == expected)
        }
        var numbers: [UInt8] = []
        for number in [0, 7, 10, 99, 1_234_567] { SearchJSON.appendNumber(number, to: &numbers); numbers.append(0x20) }
        #expect(String(decoding: numbers, as: UTF8.self) == "0 7 10 99 1234567 ")
    }

    // MARK: The page

    @Test func theSearchPageHasAnAccessibleFormAndWorksWithoutJavaScript() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let html = try fixture.read("soeg/index.html")
        let form = try #require(html.firstMatch(of: /<form [^>]*>/).map { String($0.output) })
        #expect(HTMLScan.attributes("role", in: form) == ["search"])
        #expect(HTMLScan.attributes("action", in: form) == ["/boligsocial/soeg/"])  // submits to itself: ?q= without JavaScript
        #expect(HTMLScan.attributes("method", in: form) == ["get"])
        #expect(HTMLScan.attributes("data-search-index", in: form) == ["/boligsocial/soeg/index.json"])
        let input = try #require(html.firstMatch(of: /<input [^>]*>/).map { String($0.output) })
        #expect(HTMLScan.attributes("type", in: input) == ["search"])
        #expect(HTMLScan.attributes("id", in: input) == ["soegefelt"])
        #expect(HTMLScan.attributes("name", in: input) == ["q"])
        #expect(html.contains(#"<label for="soegefelt">"#))
        let results = try #require(html.firstMatch(of: /<div [^>]*id="soegeresultater"[^>]*>/).map { String($0.output) })
        #expect(HTMLScan.attributes("aria-live", in: results) == ["polite"])
        let noscript = try #require(html.firstMatch(of: /<noscript>(.*?)<\/noscript>/.dotMatchesNewlines()).map { String($0.output.1) })
        #expect(noscript.contains("kræver JavaScript"))
        #expect(HTMLScan.attributes("href", in: noscript).contains("/boligsocial/ordforklaringer/"))
        // The stemmer first: both deferred, so they run in this order.
        let scripts = try #require(html.firstMatch(of: /<script src="[^"]*stemmer\.[0-9a-f]{10}\.js" defer><\/script>\n<script src="[^"]*search\.[0-9a-f]{10}\.js" defer><\/script>/))
        #expect(!scripts.output.isEmpty)
        #expect(html.contains(#"<a href="/boligsocial/soeg/" aria-current="page">Søg</a>"#))
    }

    @Test(arguments: ["search.js", "stemmer.js"]) func theScriptsAreSmallAndDependencyFree(name: String) throws {
        let script = try String(contentsOf: PublishFixture.repositoryTemplates.appendingPathComponent("assets/\(name)"), encoding: .utf8)
        #expect(script.utf8.count < 12_000)
        #expect(!script.contains("import "))
        #expect(!script.contains("innerHTML"))  // results are built with textContent: content can never inject markup
        let code = script.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
        #expect(!code.contains("http"))  // no third-party requests
    }

    // MARK: The script, with node

    static let node: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let candidate = "\(folder)/node"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    @Test(.enabled(if: SearchTests.node != nil, "node is not installed; run node scripts/test-search.js where it is"))
    func searchJSPassesItsTestsWithNode() throws {
        // The real content's index, for the script's searches on real pages: its inflected queries.
        let index = try PublishedSearchIndex(try SearchIndexTests.realSite())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, data) in index.files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.node))
        process.arguments = [Self.scripts.appendingPathComponent("test-search.js").path, folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("checks passed") && output.contains("inflected queries found their pages"), "\(output)")
    }
}
