import Foundation
import Testing
@testable import HelhedCore

/// The guard against the one input on which Debian's cmark 0.30.2 is quadratic (`![[]()` repeated, see
/// `MarkdownLimits`): where it refuses, where it does not, and that what it accepts is parsed quickly.
@Suite struct MarkdownLimitsTests {
    static func check(_ text: String) -> MarkdownLimits.Refusal? { MarkdownLimits.check(Array(text.utf8)) }

    @Test func refusesTheQuadraticPatternPastTheLimit() {
        // n × n steps against 250,000 + 16 × 6n: the limit falls between 540 and 560 repetitions.
        #expect(Self.check(String(repeating: "![[]()", count: 540)) == nil)
        #expect(Self.check(String(repeating: "![[]()", count: 560)) == MarkdownLimits.Refusal(line: 1, pictureOpenings: 560, links: 560))
        #expect(Self.check("Først.\n\nAndet.\n\n" + String(repeating: "![[]()", count: 5_000) + "\n\nSidst.")?.line == 5)
        // Openings and links in any order within the paragraph, over several lines, with other text between.
        let spread = String(repeating: "![x\n", count: 2_000) + String(repeating: "tekst [a](b)\n", count: 2_000)
        #expect(Self.check(spread)?.pictureOpenings == 2_000)
    }

    @Test func anEscapedBangMakesALinkNotAPicture() {
        // `\![` is a '!' and a link's '['; cmark still walks over the open pictures before it.
        #expect(Self.check(String(repeating: "![x ", count: 2_000) + String(repeating: "\\![](u) ", count: 2_000)) != nil)
        // `\\![` is a backslash and a picture opening.
        #expect(Self.check(String(repeating: "\\\\![x ", count: 2_000) + String(repeating: "[a](u) ", count: 2_000))?.pictureOpenings == 2_000)
    }

    @Test func acceptsWhatCmarkParsesInLinearTime() {
        // Blank lines end the paragraph, and cmark's walk with it.
        #expect(Self.check(String(repeating: String(repeating: "![[]()", count: 500) + "\n\n", count: 200)) == nil)
        // Nested pictures close their own openings; there is no link to walk.
        #expect(Self.check(String(repeating: "![", count: 50_000) + "a" + String(repeating: "](b.png)", count: 50_000)) == nil)
        // A gallery: a thousand pictures and a thousand links in one paragraph.
        #expect(Self.check(String(repeating: "![Billede](billeder/1.jpg) [link](https://example.org/)\n", count: 1_000)) == nil)
        // Ordinary text of any length, in paragraphs, list items or headings.
        let line = "Et ord med [et link](a.md) og ![et billede](b.png)."
        #expect(Self.check(String(repeating: line + "\n\n", count: 50_000)) == nil)
        #expect(Self.check(String(repeating: "- " + line + "\n", count: 50_000)) == nil)
        #expect(Self.check(String(repeating: "## " + line + "\n" + line + "\n", count: 25_000)) == nil)
    }

    @Test func onlyABlankLineABulletOrAHeadingEndsAParagraph() {
        let opened = String(repeating: "![x ", count: 2_000)
        let links = String(repeating: "[a](u) ", count: 2_000)
        #expect(Self.check(opened + "\n" + links) != nil, "one paragraph over two lines")
        #expect(Self.check(opened + "\n\n" + links) == nil)
        #expect(Self.check(opened + "\n- " + links) == nil, "a list item interrupts the paragraph")
        #expect(Self.check(opened + "\n## " + links) == nil)
        #expect(Self.check("## " + opened + "\n" + links) == nil, "a heading is one line")
        // Lines the scan does not take for the start of a block (so it can only count too much, never too little): four
        // spaces of indentation, a lone '-', '#' without a space, an ordered item (which only interrupts a paragraph
        // when it is 1.), a quoted line.
        for start in ["    - ", "-\n", "#", "2. ", "> - "] {
            #expect(Self.check(opened + "\n" + start + links) != nil, "\(start)")
        }
    }

    @Test func aRefusedFileIsAnErrorAtItsParagraph() throws {
        let site = try FixtureSite(files: [
            "Content/artikler/a.md": Page.article(title: "A", body: "Indledning.\n\n" + String(repeating: "![[]()", count: 1_000)),
        ])
        #expect(site.failingBuild() == [
            "Content/artikler/a.md:10: error: this paragraph has 1000 picture openings ('![') and up to 1000 links after them: a pattern (like '![[]()' repeated) on which the Markdown parser, cmark 0.30.2, takes time that grows with the square of the paragraph's length, minutes for a few hundred kilobytes; Helhed refuses the file rather than hang. Finish each picture as ![description](address), remove stray '![', or put blank lines between paragraphs",
        ])
    }

    /// The largest paragraph the guard accepts, and a file of them, through cmark itself: bounded work per byte.
    @Test func theWorstAcceptedInputIsFast() {
        let paragraph = String(repeating: "![[]()", count: 540)
        #expect(Self.check(paragraph) == nil)
        let file = Array(String(repeating: paragraph + "\n\n", count: 100).utf8)
        #expect(MarkdownLimits.check(file) == nil)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = MarkdownDocument(parsing: file).renderHTML() }
        #expect(elapsed < .seconds(5), "\(elapsed) for \(file.count) bytes")
    }
}
