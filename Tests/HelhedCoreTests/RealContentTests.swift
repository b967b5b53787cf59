import Foundation
import Testing
@testable import HelhedCore

/// The real `Content/`: it builds with no errors and no warnings, says what the source says, and copies none of
/// the source's sentences.
@Suite struct RealContentTests {
    static func build() throws -> (GeneratedSite, FixtureSite) {
        let scratch = try FixtureSite(config: nil, copyTemplates: false)
        let options = BuildOptions(contentFolder: Repository.content, templatesFolder: Repository.templates, outputFolder: scratch.output,
                                   site: SiteOptions(), messageBase: Repository.root)
        return (try SiteGenerator.generate(options), scratch)
    }

    @Test func buildsWithoutErrorsOrWarnings() throws {
        let (site, _) = try Self.build()
        #expect(site.warnings.map(\.description) == [])
        #expect(site.site.articles.count >= 4)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func bodyWords(_ article: Article) -> Int {
        words(String(decoding: article.source.body, as: UTF8.self)).count
    }

    @Test func hasTheArticlesTheSiteIsAbout() throws {
        let (site, _) = try Self.build()
        let articles = site.site.articles
        let explainers = articles.filter { $0.kind == .explainer }
        let cases = articles.filter { $0.kind == .caseStory }
        #expect(explainers.count == 1)
        #expect(explainers.allSatisfy { Self.bodyWords($0) >= 800 })
        #expect(cases.count >= 2)
        #expect(cases.allSatisfy { Self.bodyWords($0) >= 400 })
        #expect(articles.contains { $0.kind == .event && $0.title.contains("Bystrategisk Udsyn") })
        for story in cases {
            let body = String(decoding: story.source.body, as: UTF8.self)
            for section in ["## Udfordringen", "## Indsatsen", "## Samarbejdspartnere", "## Hvad andre kan lære"] {
                #expect(body.contains(section), "\(story.source.path) lacks \(section)")
            }
        }
    }

    @Test func hasTheGlossary() throws {
        let (site, _) = try Self.build()
        let terms = site.site.terms
        #expect(terms.count >= 15)
        for required in ["helhedsplan", "boligsocial helhedsplan", "boligsocial indsats", "Landsbyggefonden", "almen bolig", "almen boligafdeling",
                         "boligorganisation", "forpligtende partnerskab", "sociale effektinvesteringer", "bydækkende helhedsplan",
                         "velfærdslaboratorium", "Reformkommissionen", "VIVE", "Boligsocialnet", "blandet by", "udsat boligområde"] {
            #expect(site.site.term(named: required) != nil, "missing term \(required)")
        }
        let plan = try #require(site.site.term(named: "helhedsplan"))
        for form in ["helhedsplaner", "helhedsplanerne"] { #expect(site.site.term(named: form) == plan) }
        #expect(terms.allSatisfy { !$0.summary.isEmpty })
    }

    /// Every fact, figure, name and date of the source article, as the site must state them.
    static let facts = [
        "Landsbyggefonden", "140 mio. kr.", "2026", "august 2022", "50 boligsociale helhedsplaner", "36 kommuner", "200.000",
        "45.000", "Nina Smith", "økonomiprofessor", "Reformkommissionen", "velfærdslaboratori", "ufortalt succes", "Mandag Morgen",
        "forpligtende", "Fredericia", "Aarhus", "Viborg", "Randers", "Kolding", "sociale effektinvesteringer", "bydækkende helhedsplan",
        "Spark hinandens døre ind!", "Gunvor Christensen", "projektchef", "VIVE", "Det Nationale Forsknings- og Analysecenter for Velfærd",
        "Boligsocial Konference 2022", "Boligsocialnet", "sensommeren", "renoveringsstøtte", "driftsstøtte", "byggeteknisk",
        "Bystrategisk Udsyn", "21. november 2022", "København", "Blandet By Prisen", "blandet by", "land og by", "lavthængende frugter",
        "silotænkning", "almene boligafdelinger", "sindssyg dyrt",
    ]

    @Test func statesEveryFactOfTheSource() throws {
        let (site, _) = try Self.build()
        let text = site.site.articles.map { String(decoding: $0.source.body, as: UTF8.self) + $0.title + ($0.summary ?? "") }.joined()
            + site.site.terms.map { String(decoding: $0.source.body, as: UTF8.self) + $0.title + $0.summary }.joined()
        let flattened = text.replacingOccurrences(of: "\n", with: " ")
        for fact in Self.facts {
            #expect(flattened.localizedCaseInsensitiveContains(fact), "the site never says \"\(fact)\"")
        }
    }

    // MARK: Originality

    static func fingerprint(_ words: ArraySlice<String>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in words.joined(separator: " ").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func fingerprints(of text: String) -> Set<UInt64> {
        let tokens = words(text)
        guard tokens.count >= 8 else { return [] }
        return Set((0...(tokens.count - 8)).map { fingerprint(tokens[$0..<($0 + 8)]) })
    }

    static func sourceFingerprints() throws -> Set<UInt64> {
        let text = try String(contentsOf: Repository.fixtures.appendingPathComponent("source-shingles.txt"), encoding: .utf8)
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { UInt64($0, radix: 16) })
    }

    @Test func copiesNoRunOfEightWordsFromTheSource() throws {
        let source = try Self.sourceFingerprints()
        #expect(source.count > 900)
        let files = FixtureSite.files(under: Repository.content).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOf: Repository.content.appendingPathComponent(file), encoding: .utf8)
            let tokens = Self.words(text)
            for start in 0..<max(0, tokens.count - 7) where source.contains(Self.fingerprint(tokens[start..<(start + 8)])) {
                Issue.record("Content/\(file) copies the source: \"\(tokens[start..<(start + 8)].joined(separator: " "))\"")
            }
        }
    }

    @Test func theCheckFindsACopiedRunWhateverItsCaseAndPunctuation() {
        let original = Self.fingerprints(of: "Alle otte ord i træk fra en kilde tæller som kopi, også her.")
        #expect(!Self.fingerprints(of: "— ALLE otte ord, i træk: fra en KILDE tæller!").isDisjoint(with: original))
        #expect(Self.fingerprints(of: "Alle otte ord i træk fra en anden kilde tæller").isDisjoint(with: original))
    }

    @Test func fingerprintsMatchTheSourceWhenItIsAvailable() throws {
        let seed = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seed")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seed.path))?.filter { $0.hasSuffix(".txt") } ?? []
        guard !files.isEmpty else { return }  // the source is not part of the repository; CI checks the fingerprints only
        var fromSource: Set<UInt64> = []
        for file in files {
            fromSource.formUnion(Self.fingerprints(of: try String(contentsOf: seed.appendingPathComponent(file), encoding: .utf8)))
        }
        #expect(fromSource == (try Self.sourceFingerprints()))
    }
}
