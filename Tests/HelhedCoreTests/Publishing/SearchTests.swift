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

    static func index(_ site: GeneratedSite) throws -> SearchIndex {
        try JSONDecoder().decode(SearchIndex.self, from: try #require(site.files.first { $0.path == "soeg/index.json" }).data())
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

    // MARK: The index

    /// `json()` encodes entry by entry; the bytes must be what encoding the whole index at once gives.
    @Test func theIndexJSONIsWhatJSONEncoderWrites() throws {
        let entry = { (title: String) in
            SearchIndex.Entry(title: title, url: "/sti/\(title)/", kind: "Artikel", summary: "\"Citat\" / skråstreg\n\u{1}æ </script> & <b>",
                              names: "a b", terms: "", words: "ord")
        }
        for pages in [[], [entry("første")], [entry("første"), entry("anden"), entry("tredje")]] {
            let index = SearchIndex(version: 1, pages: pages)
            #expect(index.json() == SearchIndex.escapingMarkup(try SearchIndex.encoder().encode(index)))
        }
        // Every ASCII character (control characters included) and some beyond, in every field.
        let text = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }) + "æ\u{301}\u{2028}😀\u{FEFF}"
        let all = SearchIndex.Entry(title: text, url: text, kind: text, summary: text, names: text, terms: text, words: text)
        #expect(all.markupSafeJSON() == SearchIndex.escapingMarkup(try SearchIndex.encoder().encode(all)))
    }

    @Test func theIndexHoldsPublishedPagesWithFoldedWordLists() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let index = try Self.index(try fixture.generate())
        #expect(index.version == 1)
        #expect(index.pages.map(\.title) == ["Kolding prøver noget nyt", "Helhedsplaner forklaret", "beboerrådgiver", "helhedsplan"])
        #expect(index.pages.map(\.kind) == ["Artikel", "Artikel", "Ordforklaring", "Ordforklaring"])
        #expect(index.pages.map(\.url) == ["/boligsocial/artikler/kolding-proever-noget-nyt/", "/boligsocial/artikler/helhedsplaner-forklaret/",
                                           "/boligsocial/ordforklaringer/beboerraadgiver/", "/boligsocial/ordforklaringer/helhedsplan/"])

        let kolding = index.pages[0]
        #expect(kolding.summary == "Kolding samler kommunen og Æblegården om beskæftigelse.")
        #expect(kolding.names == "kolding noget nyt proever")
        #expect(kolding.terms == "helhedsplan helhedsplanen helhedsplaner")  // the term it mentions, with its aliases
        let words = kolding.words.split(separator: " ").map(String.init)
        #expect(words == words.sorted())
        #expect(Set(words).count == words.count)
        #expect(words.allSatisfy { $0.count > 1 && $0 == SearchText.fold($0) })
        for expected in ["aeblegaarden", "beskaeftigelse", "udfordringen", "ledigheden", "omraadet"] { #expect(words.contains(expected)) }
        // Words already in the title or terms are not repeated.
        #expect(!words.contains("kolding"))
        #expect(!words.contains("helhedsplan"))

        let explainer = index.pages[1]
        let explainerWords = explainer.words.split(separator: " ").map(String.init)
        // Code spans count; paragraphs and lines do not run together.
        #expect(explainerWords.contains("samarbejde"))
        #expect(explainerWords.contains("afsnit"))
        #expect(!explainerWords.contains("afsnitnaeste"))
        #expect(!explainerWords.contains { $0.contains("baggrundplanen") })
        #expect(explainerWords.contains("tegning"))  // alt text

        let term = index.pages[3]
        #expect(term.names == "helhedsplan helhedsplanen helhedsplaner")
        #expect(term.terms == "beboerraadgiver beboerraadgivere")
    }

    @Test func anArticleWithoutSummaryGetsTheStartOfItsText() throws {
        var files = PublishFixture.files
        files["artikler/kolding.md"] = files["artikler/kolding.md"]!.replacingOccurrences(of: "summary: \"Kolding samler kommunen og Æblegården om beskæftigelse.\"\n", with: "")
            + " " + String(repeating: "Mange ord her. ", count: 30)
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let kolding = try #require(try Self.index(try fixture.generate()).pages.first { $0.title.hasPrefix("Kolding") })
        #expect(kolding.summary.hasPrefix("I Kolding arbejder Æblegården og kommunen sammen. Læs først forklaringen. Udfordringen Ledigheden"))
        #expect(kolding.summary.hasSuffix(" …"))
        #expect(kolding.summary.count <= SearchIndex.snippetLength + 2)
    }

    @Test func theIndexIsSortedJSONWithoutEscapedSlashes() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let text = try #require(PublishFixture.text(try fixture.generate(), "soeg/index.json"))
        #expect(text.hasPrefix(#"{"pages":[{"kind":"Artikel","names":"#))
        #expect(text.contains(#""url":"/boligsocial/artikler/kolding-proever-noget-nyt/""#))
        #expect(!text.contains(#"\/"#))
        #expect(text.hasSuffix(#""version":1}"#))
    }

    /// The real content's index must stay under 100 KB.
    @Test func theRealContentsIndexStaysSmall() throws {
        let root = PublishFixture.repositoryRoot
        let options = BuildOptions(contentFolder: root.appendingPathComponent("Content"), templatesFolder: root.appendingPathComponent("Templates"),
                                   outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("unused"))
        let site = try SiteGenerator.generate(options)
        let index = try #require(site.files.first { $0.path == "soeg/index.json" })
        let size = try index.data().count
        #expect(size < 100_000, "soeg/index.json is \(size) bytes")
        #expect(try Self.index(site).pages.count == site.site.articles.count + site.site.terms.count)
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
        let script = try #require(html.firstMatch(of: /<script src="[^"]*search\.[0-9a-f]{10}\.js" defer><\/script>/))
        #expect(!script.output.isEmpty)
        #expect(html.contains(#"<a href="/boligsocial/soeg/" aria-current="page">Søg</a>"#))
    }

    @Test func searchJSIsSmallAndDependencyFree() throws {
        let script = try String(contentsOf: PublishFixture.repositoryTemplates.appendingPathComponent("assets/search.js"), encoding: .utf8)
        #expect(script.utf8.count < 10_000)
        #expect(!script.contains("import "))
        #expect(!script.contains("innerHTML"))  // results are built with textContent: content can never inject markup
        #expect(!script.contains("http"))  // no third-party requests
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
        // The real content's index, for the script's searches on real pages.
        let root = PublishFixture.repositoryRoot
        let site = try SiteGenerator.generate(BuildOptions(contentFolder: root.appendingPathComponent("Content"),
                                                           templatesFolder: root.appendingPathComponent("Templates"),
                                                           outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("unused")))
        let indexFile = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-search-\(UUID().uuidString).json")
        try site.files.first { $0.path == "soeg/index.json" }!.data().write(to: indexFile)
        defer { try? FileManager.default.removeItem(at: indexFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.node))
        process.arguments = [Self.scripts.appendingPathComponent("test-search.js").path, indexFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("checks passed") && output.contains("search index"), "\(output)")
    }
}
