import Foundation
import Testing
@testable import HelhedCore

/// `helhed check`: build errors, and warnings about alt text, summaries, unused terms and pages nothing links to.
@Suite struct CheckTests {
    static func check(_ change: (inout [String: String]) -> Void = { _ in }) throws -> SiteCheck.Report {
        var files = PublishFixture.files
        change(&files)
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        return SiteCheck.run(fixture.options())
    }

    /// Warnings as `file:line: message-start`, with the temporary folder left out.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.path.components(separatedBy: "/Content/").last!):\($0.line): \($0.severity.rawValue)" }
    }

    @Test func theFixtureIsClean() throws {
        let report = try Self.check()
        #expect(report.diagnostics == [])
        #expect(report.pageCount == 4)
        #expect(report.summary == "Checked 4 pages: 0 errors, 0 warnings")
    }

    @Test func theRealContentIsClean() throws {
        let root = PublishFixture.repositoryRoot
        let report = SiteCheck.run(BuildOptions(contentFolder: root.appendingPathComponent("Content"), templatesFolder: root.appendingPathComponent("Templates"),
                                                outputFolder: root.appendingPathComponent("unused-output")))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.pageCount == 23)
    }

    @Test func aPictureWithoutAltTextIsAWarningAtItsLine() throws {
        let report = try Self.check { files in
            files["artikler/forklaring.md"] = files["artikler/forklaring.md"]!.replacingOccurrences(of: "![Tegning af et hus med have]", with: "![ ]")
        }
        #expect(Self.lines(report.diagnostics) == ["artikler/forklaring.md:12: warning"])
        #expect(report.warnings.first?.message.contains("has no alt text") == true)
        #expect(report.warnings.first?.description.contains("forklaring.md:12: warning: the picture \"../billeder/hus.svg\" has no alt text") == true)
    }

    @Test func theBuildReportsMissingAltTextToo() throws {
        var files = PublishFixture.files
        files["artikler/kolding.md"] = files["artikler/kolding.md"]! + "\n\n![](../billeder/hus.svg)\n"
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        #expect(Self.lines(try fixture.generate().warnings) == ["artikler/kolding.md:15: warning"])
    }

    @Test func missingEmptyAndPlaceholderSummariesAreWarnings() throws {
        let report = try Self.check { files in
            files["artikler/forklaring.md"] = files["artikler/forklaring.md"]!.replacingOccurrences(of: "summary: \"Hvad en helhedsplan er, og hvem der er med.\"\n", with: "")
            files["artikler/kolding.md"] = files["artikler/kolding.md"]!.replacingOccurrences(of: "summary: \"Kolding samler kommunen og Æblegården om beskæftigelse.\"", with: "summary: \"  \"")
            files["ordforklaringer/beboerraadgiver.md"] = files["ordforklaringer/beboerraadgiver.md"]!.replacingOccurrences(of: "summary: \"En beboerrådgiver", with: "summary: \"TODO: En beboerrådgiver")
        }
        #expect(Self.lines(report.diagnostics) == ["artikler/forklaring.md:1: warning", "artikler/kolding.md:5: warning", "ordforklaringer/beboerraadgiver.md:3: warning"])
        #expect(report.warnings[0].message.contains("no summary"))
        #expect(report.warnings[1].message.contains("no summary"))
        #expect(report.warnings[2].message.contains("placeholder"))
        #expect(!report.hasErrors)
    }

    @Test func termsNoArticleUsesAreWarnings() throws {
        // beboerrådgiver is then named only by the other term: linked, but used by no article.
        let report = try Self.check { files in
            files["artikler/forklaring.md"] = files["artikler/forklaring.md"]!.replacingOccurrences(of: ", og mød en [[beboerrådgiver]]", with: "")
        }
        #expect(Self.lines(report.diagnostics) == ["ordforklaringer/beboerraadgiver.md:1: warning"])
        #expect(report.warnings[0].message.contains("no article uses the term \"beboerrådgiver\""))
    }

    @Test func pagesNoOtherPageLinksToAreWarnings() throws {
        let report = try Self.check { files in
            // Kolding no longer links the explainer, and links itself; nothing links Kolding but the lists.
            files["artikler/kolding.md"] = files["artikler/kolding.md"]!.replacingOccurrences(of: "Læs først [forklaringen](forklaring.md).", with: "Læs [denne side](kolding.md).")
            files["artikler/forklaring.md"] = files["artikler/forklaring.md"]!.replacingOccurrences(of: "[Kolding](kolding.md#udfordringen)", with: "Kolding")
            // A new term nothing mentions.
            files["ordforklaringer/beboerhus.md"] = "---\ntitle: beboerhus\nsummary: Et hus for beboerne.\n---\n\nEt sted at mødes.\n"
        }
        #expect(Self.lines(report.diagnostics) == ["artikler/forklaring.md:1: warning", "artikler/kolding.md:1: warning",
                                                   "ordforklaringer/beboerhus.md:1: warning", "ordforklaringer/beboerhus.md:1: warning"])
        #expect(report.warnings[0].message.contains("no other page links to this article (\"Helhedsplaner forklaret\")"))
        #expect(report.warnings[1].message.contains("no other page links to this article (\"Kolding prøver noget nyt\")"))
        #expect(Set(report.warnings[2...].map { String($0.message.prefix(20)) }) == ["no article uses the ", "no other page links "])
        #expect(report.summary == "Checked 5 pages: 0 errors, 4 warnings")
    }

    @Test func errorsFailTheCheckAndTheContentChecksStillRun() throws {
        let report = try Self.check { files in
            files["artikler/kolding.md"] = files["artikler/kolding.md"]!.replacingOccurrences(of: "(forklaring.md)", with: "(findes-ikke.md)")
                .replacingOccurrences(of: "summary: \"Kolding samler kommunen og Æblegården om beskæftigelse.\"\n", with: "")
        }
        #expect(report.hasErrors)
        #expect(report.errors.count == 1)
        #expect(report.errors[0].description.contains("kolding.md:8: error: the link \"findes-ikke.md\" points at artikler/findes-ikke.md, which does not exist"))
        #expect(report.warnings.contains { $0.message.contains("no summary") })
        #expect(report.warnings.contains { $0.path.hasSuffix("forklaring.md") && $0.message.contains("no other page links") })
        #expect(report.summary == "Checked 4 pages: 1 error, 2 warnings")
    }

    @Test func anUnreadableSiteIsOneError() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.delete("site.yml")
        let report = SiteCheck.run(fixture.options())
        #expect(report.hasErrors)
        #expect(report.pageCount == 0)
        #expect(report.errors.first?.message.contains("site configuration is missing") == true)
    }
}
