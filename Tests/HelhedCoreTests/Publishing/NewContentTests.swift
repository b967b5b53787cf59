import Foundation
import Testing
@testable import HelhedCore

/// `helhed new artikel` / `helhed new ord`.
@Suite struct NewContentTests {
    static let today = Day(year: 2024, month: 5, day: 17)!

    static func source(_ created: NewContent.Created, contentPath: String) throws -> SourceText {
        try SourceText(path: created.path, contentPath: contentPath, bytes: Array(try Data(contentsOf: created.file)))
    }

    @Test func anArticleGetsFrontMatterTodayAndDraft() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let title = #"Ny plan: "Gellerup" \ <b>fed</b> – 50% færre"#
        let created = try NewContent.create(.article(.event), title: "  " + title + " ", contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        #expect(created.slug == "ny-plan-gellerup-b-fed-b-50-faerre")
        #expect(created.path == "Content/artikler/ny-plan-gellerup-b-fed-b-50-faerre.md")
        #expect(created.file == fixture.content.appendingPathComponent("artikler/ny-plan-gellerup-b-fed-b-50-faerre.md"))

        var diagnostics = Diagnostics()
        let article = try #require(Article.parse(try Self.source(created, contentPath: "artikler/\(created.slug).md"), into: &diagnostics))
        #expect(diagnostics.all == [])
        #expect(article.title == title)
        #expect(article.date == Self.today)
        #expect(article.kind == .event)
        #expect(article.isDraft)
        #expect(article.summary == nil)  // left empty; helhed check flags it
        #expect(article.slug == created.slug)  // the file name and the address agree
    }

    @Test func theDefaultKindIsCase() throws {
        #expect(NewContent.fileText(.article(.caseStory), title: "X", today: Self.today).contains("\nkind: case\n"))
        #expect(NewContent.fileText(.article(.explainer), title: "X", today: Self.today).contains("\nkind: explainer\n"))
        #expect(NewContent.fileText(.article(.caseStory), title: "X", today: Self.today).contains("\ndate: 2024-05-17\n"))
    }

    @Test func aTermGetsAPlaceholderSummaryAndDraft() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let created = try NewContent.create(.term, title: "Fælleshus", contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        #expect(created.path == "Content/ordforklaringer/faelleshus.md")
        var diagnostics = Diagnostics()
        let term = try #require(GlossaryTerm.parse(try Self.source(created, contentPath: "ordforklaringer/faelleshus.md"), into: &diagnostics))
        #expect(diagnostics.all == [])
        #expect(term.title == "Fælleshus")
        #expect(term.isDraft)
        #expect(term.summary.hasPrefix(NewContent.placeholderPrefix))
        #expect(!(try String(contentsOf: created.file, encoding: .utf8)).contains("date:"))
    }

    @Test func itNeverOverwritesAFile() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let existing = fixture.content.appendingPathComponent("ordforklaringer/helhedsplan.md")
        let before = try Data(contentsOf: existing)
        let error = try #require(throws: Diagnostic.self) {
            try NewContent.create(.term, title: "Helhedsplan", contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        }
        #expect(error.severity == .error)
        #expect(error.path == "Content/ordforklaringer/helhedsplan.md")
        #expect(error.message.contains("already exists"))
        #expect(try Data(contentsOf: existing) == before)

        _ = try NewContent.create(.article(.caseStory), title: "To gange", contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        #expect(throws: Diagnostic.self) {
            try NewContent.create(.article(.explainer), title: "To gange!", contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        }
    }

    @Test(arguments: ["", "   ", "???", "to\nlinjer"])
    func unusableTitlesAreRefused(title: String) throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        #expect(throws: Diagnostic.self) {
            try NewContent.create(.article(.caseStory), title: title, contentFolder: fixture.content, displayRoot: "Content", today: Self.today)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.content.appendingPathComponent("artikler").path).count == 4)
    }

    @Test func aMissingContentFolderIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-missing-\(UUID().uuidString)")
        let error = try #require(throws: Diagnostic.self) {
            try NewContent.create(.term, title: "Ord", contentFolder: missing, displayRoot: "Indhold", today: Self.today)
        }
        #expect(error.message.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func createdFilesBuildWithDraftsAndStayOutWithout() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let article = try NewContent.create(.article(.caseStory), title: "Beboerne i Vollsmose", contentFolder: fixture.content, displayRoot: "Content",
                                            today: PublishFixture.today)
        let term = try NewContent.create(.term, title: "Fælleshus", contentFolder: fixture.content, displayRoot: "Content", today: PublishFixture.today)

        let withDrafts = try fixture.generate(drafts: true)
        #expect(withDrafts.warnings.filter { $0.severity == .error } == [])
        #expect(withDrafts.files.contains { $0.path == "artikler/beboerne-i-vollsmose/index.html" })
        #expect(withDrafts.files.contains { $0.path == "ordforklaringer/faelleshus/index.html" })

        let published = try fixture.generate()
        #expect(!published.files.contains { $0.path.contains("vollsmose") || $0.path.contains("faelleshus") })

        // helhed check --drafts points at what is left to do.
        let report = SiteCheck.run(fixture.options(drafts: true))
        #expect(!report.hasErrors)
        #expect(report.warnings.contains { $0.path.hasSuffix(article.path) && $0.message.contains("no summary") && $0.line == 5 })
        #expect(report.warnings.contains { $0.path.hasSuffix(term.path) && $0.message.contains("placeholder") && $0.line == 3 })
    }
}
