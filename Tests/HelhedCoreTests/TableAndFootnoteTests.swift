import Foundation
import Testing
@testable import HelhedCore

/// GFM tables and footnotes as Helhed writes them: the accessible markup, that cells are ordinary Markdown for the
/// site's checks and term links, the footnotes' numbering, ids and back links, and the warnings with their lines.
/// (That the structure equals GitHub's is `GFMReferenceTests`.)
@Suite struct TableAndFootnoteTests {
    static func render(_ markdown: String) -> RenderedBody {
        PageTransformer(site: nil, options: MarkdownOptions()).render(
            PageContext(source: SourceText(standaloneBody: Array(markdown.utf8)), page: nil, autolinksTerms: false))
    }

    // MARK: Tables

    @Test func aTableIsAFocusableNamedScrollRegionWithColumnHeaders() {
        let html = Self.render("| Navn | Beløb |\n|:--|--:|\n| Husleje | 4.000 kr. |\n").html.html
        #expect(html.contains("<div class=\"tabel\" id=\"tabel_1\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel 1\">\n<table>"))
        #expect(html.contains("<th scope=\"col\" class=\"venstre\">Navn</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"hoejre\">Beløb</th>"))
        #expect(html.contains("<td class=\"hoejre\">4.000 kr.</td>"))
        #expect(html.contains("</table>\n</div>"))
    }

    @Test func aTabelParagraphBeforeTheTableIsItsCaptionAndNamesTheRegion() {
        for markdown in ["Tabel: Udgifter i *2023*\n\n| a |\n|---|\n| 1 |\n", "Tabel: Udgifter i *2023*\n| a |\n|---|\n| 1 |\n"] {
            let html = Self.render(markdown).html.html
            #expect(html.contains("role=\"region\" tabindex=\"0\" aria-labelledby=\"tabel_1_titel\">\n<table>\n<caption id=\"tabel_1_titel\">Udgifter i <em>2023</em></caption>"), "\(markdown)")
            #expect(!html.contains("Tabel:"))
        }
    }

    @Test func tablesAreNumberedAndWorkInListsAndQuotes() {
        let html = Self.render("- | a |\n  |---|\n\n> | b |\n> |---|\n> | 2 |\n").html.html
        #expect(html.contains("<li>\n<div class=\"tabel\" id=\"tabel_1\""))
        #expect(html.contains("<blockquote>\n<div class=\"tabel\" id=\"tabel_2\""))
    }

    @Test func cellsUseThePagesReferenceDefinitionsAndEscapedPipes() {
        let html = Self.render("| [a][r] | `x \\| y` |\n|---|---|\n\n[r]: https://example.org/\n").html.html
        #expect(html.contains("<th scope=\"col\"><a href=\"https://example.org/\">a</a></th>"))
        #expect(html.contains("<th scope=\"col\"><code>x | y</code></th>"))
    }

    @Test func plainMarkdownHasNoTablesOrFootnotes() throws {
        let html = try MarkdownCommand.render(Array("| a |\n|---|\n\nx[^1]\n\n[^1]: y z\n".utf8), plain: true, unsafe: false)
        #expect(html == "<p>| a |\n|---|</p>\n<p>x[^1]</p>\n<p>[^1]: y z</p>\n")
    }

    @Test func linksInCellsAreCheckedAtTheirLineAndTermsAreLinked() throws {
        let body = "Indledning.\n\n| Ord | Side |\n|---|---|\n| En helhedsplan | [x](mangler.md) |\n"
        let (_, messages, _) = try MarkdownTransformTests.article(body)
        // The body starts on line 8 of the file (front matter of 6 lines and a blank line), the row is its line 5.
        #expect(messages.contains { $0.contains("artikler/a.md:12: error:") && $0.contains("mangler.md") }, "\(messages)")
        let (html, ok, _) = try MarkdownTransformTests.article("| Ord |\n|---|\n| En helhedsplan |\n")
        #expect(ok.isEmpty)
        #expect(html.contains("<td>En <a class=\"term\""))
    }

    // MARK: Footnotes

    @Test func footnotesAreNumberedByFirstReferenceWithBackLinks() {
        let html = Self.render("B[^b] A[^a] B[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n").html.html
        #expect(html.contains(##"B<sup class="fodnotehenvisning"><a href="#fodnote_1" id="fodnotehenvisning_1" aria-label="Fodnote 1">1</a></sup>"##))
        #expect(html.contains(##"A<sup class="fodnotehenvisning"><a href="#fodnote_2" id="fodnotehenvisning_2" aria-label="Fodnote 2">2</a></sup>"##))
        #expect(html.contains(##"<a href="#fodnote_1" id="fodnotehenvisning_1_2" aria-label="Fodnote 1">1</a>"##))
        #expect(html.hasSuffix("""
            <section class="fodnoter" aria-label="Fodnoter">
            <ol>
            <li id="fodnote_1">
            <p>Note b. <a href="#fodnotehenvisning_1" class="fodnote-tilbage" aria-label="Tilbage til henvisning 1 til fodnote 1">↩</a> <a href="#fodnotehenvisning_1_2" class="fodnote-tilbage" aria-label="Tilbage til henvisning 2 til fodnote 1">↩<sup>2</sup></a></p>
            </li>
            <li id="fodnote_2">
            <p>Note a. <a href="#fodnotehenvisning_2" class="fodnote-tilbage" aria-label="Tilbage til fodnote 2 i teksten">↩</a></p>
            </li>
            </ol>
            </section>

            """))
    }

    @Test func aDefinitionThatLooksLikeALinkReferenceDefinitionIsAFootnote() {
        let html = Self.render("Se[^1].\n\n[^1]: https://example.org\n").html.html
        #expect(html.contains("<li id=\"fodnote_1\">\n<p>https://example.org <a href=\"#fodnotehenvisning_1\""))
        #expect(!html.contains("<a href=\"https://example.org\">"))
    }

    @Test func footnoteIDsCannotClashWithHeadingIDs() {
        let body = Self.render("## Fodnote 1\n\n## Fodnotehenvisning 1\n\nX[^1].\n\n[^1]: Y.\n")
        #expect(body.headings.map(\.id) == ["fodnote-1", "fodnotehenvisning-1"])
        #expect(body.html.html.contains("id=\"fodnote_1\""))
        #expect(!Slug.make(from: "fodnote_1").contains("_"))
    }

    @Test func unknownReferencesAndUnusedOrRepeatedDefinitionsAreWarningsAtTheirLines() {
        let body = Self.render("Tekst.\n\nEn[^mangler] og[^a].\n\n[^a]: A.\n[^a]: Igen.\n\n[^ubrugt]: Aldrig.\n")
        let messages = body.diagnostics.map(\.description)
        #expect(messages.contains("<stdin>:3: warning: the footnote reference [^mangler] has no definition (add a line \"[^mangler]: …\"); it is shown as written"))
        #expect(messages.contains("<stdin>:6: warning: the footnote [^a] is defined twice; the first definition is used"))
        #expect(messages.contains("<stdin>:8: warning: the footnote [^ubrugt] is never referenced (refer to it with [^ubrugt]); it is left out"))
        #expect(body.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(body.html.html.contains("En[^mangler] og"))
        #expect(!body.html.html.contains("Aldrig"))
    }

    @Test func footnoteWarningsCarryTheFileLineInABuild() throws {
        let site = try FixtureSite(files: ["Content/artikler/a.md": Page.article(title: "A", body: "X[^nej].\n")], config: FixtureSite.minimalConfig)
        let report = try site.build()
        #expect(report.warnings.map(\.description).contains { $0.hasSuffix("artikler/a.md:8: warning: the footnote reference [^nej] has no definition (add a line \"[^nej]: …\"); it is shown as written") },
                "\(report.warnings)")
    }

    // MARK: Bad input

    /// Random lines of table and footnote syntax, containers and escapes: nothing crashes, every table closes.
    @Test func randomTableAndFootnoteSyntaxNeverCrashes() {
        let pieces = ["|", "|", "-", ":", "\\", "`", "[^", "]", "]:", "a", " ", "  ", "    ", "\t", "> ", "- ", "1) ", "*", "[", "(", "\n", "\n", "\n\n", "æ", "Tabel: "]
        var generator = SeededGenerator(seed: 20_261_204)
        for _ in 0..<1_500 {
            let count = Int.random(in: 1...40, using: &generator)
            let markdown = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let html = Self.render(markdown).html.html
            #expect(html.components(separatedBy: "<table>").count == html.components(separatedBy: "</table>").count, "\(markdown.debugDescription)")
        }
    }
}
