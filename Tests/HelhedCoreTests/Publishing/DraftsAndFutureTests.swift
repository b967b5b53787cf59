import Foundation
import Testing
@testable import HelhedCore

/// A draft and a future-dated article appear nowhere unless `--drafts` / `--future`, and a link to them is an error.
@Suite struct DraftsAndFutureTests {
    /// What gives a left-out article away: its title, its address, words only it uses, its tag.
    static let draftMarks = ["Hemmelig kladde", "hemmelig-kladde", "kladdeord", "Kladdeord", "kladdeemne"]
    static let futureMarks = ["Fremtidig begivenhed", "fremtidig-begivenhed", "fremtidsord", "Fremtidsord", "fremtidsemne"]

    /// Paths and text files of a generated site that show any of `marks`.
    static func traces(of marks: [String], in site: GeneratedSite) -> [String] {
        var found: [String] = []
        for file in site.files {
            if marks.contains(where: file.path.contains) { found.append(file.path) }
            if case .copy = file.contents { continue }
            let text = String(decoding: (try? file.data()) ?? Data(), as: UTF8.self)
            for mark in marks where text.contains(mark) { found.append("\(file.path): \(mark)") }
        }
        return found
    }

    /// The articles listed on the term page's "Bruges i".
    static func usedIn(_ site: GeneratedSite) throws -> [String] {
        let page = try #require(PublishFixture.text(site, "ordforklaringer/helhedsplan/index.html"))
        let section = try #require(page.components(separatedBy: #"<h2 id="bruges-i">"#).last?.components(separatedBy: "</section>").first)
        return HTMLScan.attributes("href", in: section)
    }

    @Test func draftsAndFutureArticlesAppearNowhere() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.generate()
        #expect(site.site.articles.map(\.title).sorted() == ["Helhedsplaner forklaret", "Kolding prøver noget nyt"])
        #expect(Self.traces(of: Self.draftMarks, in: site) == [])
        #expect(Self.traces(of: Self.futureMarks, in: site) == [])
        #expect(try Self.usedIn(site) == ["/boligsocial/artikler/helhedsplaner-forklaret/", "/boligsocial/artikler/kolding-proever-noget-nyt/"])
        let index = try PublishedSearchIndex(site)
        #expect(index.results.filter { $0[2] == SearchIndex.articleKind }.map { $0[0] } == ["Kolding prøver noget nyt", "Helhedsplaner forklaret"])
    }

    @Test func draftsAppearEverywhereWithTheDraftsFlag() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.generate(drafts: true)
        let traces = Self.traces(of: Self.draftMarks, in: site)
        for place in ["artikler/hemmelig-kladde/index.html", "artikler/index.html", "index.html", "feed.xml", "sitemap.xml",
                      "soeg/r/", "emner/index.html", "emner/kladdeemne/index.html"] {
            #expect(traces.contains { $0.hasPrefix(place) }, "the draft is missing from \(place)")
        }
        #expect(try Self.usedIn(site).contains("/boligsocial/artikler/hemmelig-kladde/"))
        #expect(Self.traces(of: Self.futureMarks, in: site) == [])
    }

    @Test func futureArticlesAppearEverywhereWithTheFutureFlag() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.generate(future: true)
        let traces = Self.traces(of: Self.futureMarks, in: site)
        for place in ["artikler/fremtidig-begivenhed/index.html", "artikler/index.html", "index.html", "feed.xml", "sitemap.xml",
                      "soeg/r/", "emner/index.html", "emner/fremtidsemne/index.html"] {
            #expect(traces.contains { $0.hasPrefix(place) }, "the future article is missing from \(place)")
        }
        #expect(try Self.usedIn(site).contains("/boligsocial/artikler/fremtidig-begivenhed/"))
        #expect(Self.traces(of: Self.draftMarks, in: site) == [])
    }

    @Test(arguments: [("kladde.md", "is a draft"), ("fremtid.md", "is dated in the future")])
    func aLinkToALeftOutArticleIsAnError(target: String, reason: String) throws {
        var files = PublishFixture.files
        files["artikler/kolding.md"] = files["artikler/kolding.md"]! + "\n\nSe også [den anden artikel](\(target)).\n"
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let failure = try #require(throws: BuildFailure.self) { try fixture.generate() }
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.path.hasSuffix("Content/artikler/kolding.md"))
        #expect(error.line == 15)  // the appended paragraph
        #expect(error.message.contains(reason))
        #expect(error.description.hasPrefix(error.path + ":15: error: "))
        // With the flag it builds.
        _ = try SiteGenerator.generate(fixture.options(drafts: true, future: true))
    }

    @Test func aReferenceToADraftTermIsAnError() throws {
        var files = PublishFixture.files
        files["ordforklaringer/beboerraadgiver.md"] = files["ordforklaringer/beboerraadgiver.md"]!.replacingOccurrences(of: "aliases:", with: "draft: true\naliases:")
        files["ordforklaringer/helhedsplan.md"] = files["ordforklaringer/helhedsplan.md"]!.replacingOccurrences(of: "related: [beboerrådgiver]\n", with: "")
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let failure = try #require(throws: BuildFailure.self) { try fixture.generate() }
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.description.contains("forklaring.md:10: error: [[beboerrådgiver]] is not a term of the glossary, because it is a draft"))
    }
}
