import Foundation
import Testing
@testable import HelhedCore

/// The search index: entries, stemmed and folded keys, glossary compounds, the shards and fragments, determinism,
/// and the real content's inflected queries.
@Suite struct SearchIndexTests {
    static func realSite() throws -> GeneratedSite {
        let root = PublishFixture.repositoryRoot
        return try SiteGenerator.generate(BuildOptions(contentFolder: root.appendingPathComponent("Content"),
                                                       templatesFolder: root.appendingPathComponent("Templates"),
                                                       outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("unused")))
    }

    static func entry(_ title: String, names: [String] = [], terms: [String] = [], body: [String]) -> SearchIndex.Entry {
        SearchIndex.Entry(title: title, url: "/\(title)/", kind: SearchIndex.articleKind, snippet: "", names: names, terms: terms, body: body)
    }

    // MARK: Entries

    @Test func theIndexHoldsPublishedPagesWithTheirWordsAndTexts() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let index = try PublishedSearchIndex(try fixture.generate())
        #expect(index.manifest.version == 2)
        #expect(index.manifest.pages == 4)
        #expect(index.titles == ["Kolding prøver noget nyt", "Helhedsplaner forklaret", "beboerrådgiver", "helhedsplan"])
        #expect(index.results.map { $0[2] } == ["Artikel", "Artikel", "Ordforklaring", "Ordforklaring"])
        #expect(index.results.map { $0[1] } == ["/boligsocial/artikler/kolding-proever-noget-nyt/", "/boligsocial/artikler/helhedsplaner-forklaret/",
                                               "/boligsocial/ordforklaringer/beboerraadgiver/", "/boligsocial/ordforklaringer/helhedsplan/"])
        #expect(index.results[0][3] == "Kolding samler kommunen og Æblegården om beskæftigelse.")
        // Title words rank 0; a mentioned term's words 2; text 4; a form found only through its stem one more.
        #expect(index.postings["kolding"]?.first == .init(page: 0, rank: 0))
        #expect(index.postings["helhedsplan"]?.first == .init(page: 0, rank: 2))
        #expect(index.postings["aeblegaarden"] == [.init(page: 0, rank: 4)])
        #expect(index.postings["aeblegaard"] == [.init(page: 0, rank: 5)])  // the stem of Æblegården, folded
        #expect(index.postings["ledigheden"] == [.init(page: 0, rank: 4)])
        #expect(index.postings["ledig"] == [.init(page: 0, rank: 5)])  // the exceptions' stem, not "led"
        #expect(index.postings["helhedsplan"]?.contains(.init(page: 3, rank: 0)) == true)
        // Code spans and alt text count; paragraphs and lines do not run together.
        for word in ["samarbejde", "afsnit", "tegning"] { #expect(index.postings[word]?.contains { $0.page == 1 } == true, "\(word)") }
        #expect(index.postings["afsnitnaeste"] == nil)
        #expect(!index.postings.keys.contains { $0.contains("baggrundplanen") })
    }

    @Test func anArticleWithoutSummaryGetsTheStartOfItsText() throws {
        var files = PublishFixture.files
        files["artikler/kolding.md"] = files["artikler/kolding.md"]!.replacingOccurrences(of: "summary: \"Kolding samler kommunen og Æblegården om beskæftigelse.\"\n", with: "")
            + " " + String(repeating: "Mange ord her. ", count: 30)
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let kolding = try #require(try PublishedSearchIndex(try fixture.generate()).results.first { $0[0].hasPrefix("Kolding") })
        #expect(kolding[3].hasPrefix("I Kolding arbejder Æblegården og kommunen sammen. Læs først forklaringen. Udfordringen Ledigheden"))
        #expect(kolding[3].hasSuffix(" …"))
        #expect(kolding[3].count <= SearchIndex.snippetLength + 2)
    }

    // MARK: Keys

    /// A word is posted as written and under its stem, both folded; a page keeps its best rank per key.
    @Test func wordsArePostedAsWrittenAndUnderTheirStems() {
        let postings = SearchPostings(entries: [
            Self.entry("a", names: ["helhedsplanerne"], body: ["områderne", "helhedsplan"]),
            Self.entry("b", body: ["helhedsplanen", "Boligområde".lowercased()]),
        ], compounds: CompoundSplitter(glossaryNames: []))
        let keys = Dictionary(uniqueKeysWithValues: zip(postings.keys, postings.postings))
        #expect(keys["helhedsplanerne"] == [0 << 3 | 0])
        #expect(keys["helhedsplan"] == [0 << 3 | 1, 1 << 3 | 5])  // a: title stem beats text as written; b: stem in text
        #expect(keys["helhedsplanen"] == [1 << 3 | 4])
        #expect(keys["omraaderne"] == [0 << 3 | 4])
        #expect(keys["omraad"] == [0 << 3 | 5])
        #expect(keys["boligomraad"] == [1 << 3 | 5])
        #expect(postings.keys == postings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(!postings.keys.contains { $0.contains("å") || $0.contains("ø") })
    }

    @Test func compoundsAreFoundUnderTheGlossaryWordTheyEndIn() {
        let splitter = CompoundSplitter(glossaryNames: ["sociale effektinvesteringer", "boligorganisation", "almen bolig", "helhedsplan", "VIVE"])
        let stemmer = DanishStemmer()
        #expect(splitter.heads(of: "velfærdseffektinvesteringerne", stemmer: stemmer) == ["effektinvestering"])
        #expect(splitter.heads(of: "almenboligorganisationernes", stemmer: stemmer) == ["boligorganisation"])
        #expect(splitter.heads(of: "ungdomsboligerne", stemmer: stemmer) == ["bol"])
        #expect(splitter.heads(of: "boligsocialhelhedsplanen", stemmer: stemmer) == ["helhedsplan"])
        // "plan" is no glossary word; "bol" of "symbol" is too short for "bolig"; a word is no compound of itself;
        // glossary words under five letters are no heads; three letters at least come before a head.
        for word in ["helhedsplanerne", "symbol", "boligorganisationernes", "effektinvesteringer", "arkiverne", "ubolig"] {
            #expect(splitter.heads(of: word, stemmer: stemmer) == [], "\(word)")
        }
        let postings = SearchPostings(entries: [Self.entry("a", body: ["ungdomsboligerne"]), Self.entry("b", body: ["bolig"])], compounds: splitter)
        let keys = Dictionary(uniqueKeysWithValues: zip(postings.keys, postings.postings))
        #expect(keys["bol"] == [0 << 3 | 5, 1 << 3 | 5])
    }

    // MARK: Shards

    @Test func shardsHoldEveryKeyInOrderGroupedByTheirFirstLetters() throws {
        // 3,000 words over 30 first-letter pairs, on 400 pages: several shards.
        var random = SeededGenerator(seed: 3)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let entries = (0..<400).map { page in
            Self.entry("side \(page)", body: (0..<60).map { _ in
                String(letters[random.below(5)]) + String(letters[random.below(6)]) + String((0..<(3 + random.below(5))).map { _ in random.pick(letters) })
            })
        }
        let postings = SearchPostings(entries: entries, compounds: CompoundSplitter(glossaryNames: []))
        let shards = SearchShards.shards(postings)
        #expect(shards.count > 5)
        var keys: [String] = []
        for (index, shard) in shards.enumerated() {
            let decoded = try JSONDecoder().decode([String: [Int]].self, from: Data(shard.json))
            let shardKeys = String(decoding: shard.json, as: UTF8.self).matches(of: /[{,]"([^"]*)":\[/).map { String($0.output.1) }
            #expect(Set(shardKeys) == Set(decoded.keys))
            #expect(shardKeys.first == shard.firstKey)
            #expect(shard.json.count < 2 * SearchShards.shardTarget + 4_096)
            // A shard ends below the target only at the very end; between first-letter pairs unless over twice it.
            if index < shards.count - 1 {
                #expect(shard.json.count >= SearchShards.shardTarget)
                let next = shards[index + 1].firstKey
                #expect(next.prefix(2) != shardKeys.last!.prefix(2) || shard.json.count >= 2 * SearchShards.shardTarget)
            }
            for deltas in decoded.values { #expect(deltas.dropFirst().allSatisfy { $0 > 0 }) }
            keys += shardKeys
        }
        #expect(keys == postings.keys)
    }

    /// The same content gives the same files, named by their contents' hash; fragments hold `fragmentSize` pages.
    @Test func theIndexIsDeterministicAndItsFilesAreNamedByTheirContents() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let first = try fixture.generate().files.filter { $0.path.hasPrefix("soeg/") }
        let second = try fixture.generate().files.filter { $0.path.hasPrefix("soeg/") }
        #expect(try first.map { [$0.path, String(decoding: try $0.data(), as: UTF8.self)] } == second.map { [$0.path, String(decoding: try $0.data(), as: UTF8.self)] })
        for file in first where file.path.hasPrefix("soeg/t/") || file.path.hasPrefix("soeg/r/") {
            #expect(file.path.hasSuffix("/\(ContentHash.hex(of: try file.data())).json"))
        }
        let entries = (0..<120).map { Self.entry("side \($0)", body: ["ord"]) }
        let shards = SearchShards(postings: SearchPostings(entries: entries, compounds: CompoundSplitter(glossaryNames: [])), entries: entries)
        let fragments = shards.files.filter { $0.path.hasPrefix("soeg/r/") }
        #expect(try fragments.map { try JSONDecoder().decode([[String]].self, from: try $0.data()).count } == [50, 50, 20])
    }

    // MARK: The real content

    /// The issue's queries, and every glossary term's forms (scripts/search-inflections.json, as test-search.js
    /// runs them in the browser's code), find their pages in the real content's index.
    @Test func theRealContentsInflectedQueriesFindTheirPages() throws {
        struct Inflections: Decodable {
            struct Query: Decodable { let query: String; let term: String? }
            let queries: [Query]
        }
        let site = try Self.realSite()
        let index = try PublishedSearchIndex(site)
        #expect(index.manifest.pages == site.site.articles.count + site.site.terms.count)
        let manifestSize = try #require(site.files.first { $0.path == SitePages.searchIndexPath }).data().count
        #expect(manifestSize < 2_000)
        let data = try Data(contentsOf: SearchTests.scripts.appendingPathComponent("search-inflections.json"))
        let queries = try JSONDecoder().decode(Inflections.self, from: data).queries
        #expect(queries.count > 40)
        for query in queries {
            let found = index.titles(finding: query.query)
            #expect(!found.isEmpty, "\(query.query) finds nothing")
            if let term = query.term { #expect(found.contains(term), "\(query.query) does not find \(term)") }
        }
        #expect(index.titles(finding: "helhedsplanen") == index.titles(finding: "helhedsplan"))
        #expect(index.titles(finding: "helhedsplanerne").count >= 10)
    }
}
