import Foundation
import Testing
@testable import HelhedCore

/// `helhed markdown --plain --unsafe` must be CommonMark 0.30: every example of the spec, through the same cmark
/// wrapper the build uses. Provenance of the fixture: Fixtures/README.md.
@Suite struct CommonMarkSpecTests {
    struct Example: Decodable, Sendable, CustomTestStringConvertible {
        let example: Int
        let section: String
        let markdown: String
        let html: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static let examples: [Example] = {
        let url = Repository.fixtures.appendingPathComponent("commonmark-0.30-spec.json")
        guard let data = try? Data(contentsOf: url), let examples = try? JSONDecoder().decode([Example].self, from: data) else { return [] }
        return examples
    }()

    @Test func theFixtureHoldsAll652Examples() {
        #expect(Self.examples.count == 652)
        #expect(Self.examples.map(\.example) == Array(1...652))
    }

    @Test(arguments: examples)
    func matchesTheSpec(_ example: Example) throws {
        #expect(try MarkdownCommand.render(Array(example.markdown.utf8), plain: true, unsafe: true) == example.html)
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() throws {
        let html = try MarkdownCommand.render(Array("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>b</b>\n".utf8), plain: true, unsafe: false)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func siteTransformsAddHeadingIDs() throws {
        let html = try MarkdownCommand.render(Array("## Hvem betaler?\n".utf8), plain: false, unsafe: false)
        #expect(html.contains("<h2 id=\"hvem-betaler\">"))
    }
}
