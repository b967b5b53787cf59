import Foundation
import Testing
@testable import HelhedCore

/// Helhed's tables and footnotes (`helhed markdown`, no `--plain`) are GitHub Flavored Markdown: the GFM spec's table
/// examples (Fixtures/gfm-spec-tables.txt) against the spec's HTML, and those and Helhed's own cases
/// (Fixtures/gfm-extension-cases.txt) against Debian's `cmark-gfm -e table -e footnotes` (0.29.0.gfm.6), the reference.
/// The reference tests are skipped, visibly, where `cmark-gfm` is not installed (`apt-get install cmark-gfm`; it is
/// only ever run here, never linked).
///
/// Both sides go through `normalized` first, which removes exactly what Helhed adds on purpose and nothing else:
/// 1. The table's wrapper `<div class="tabel" …>` and its `</div>` go; a `<caption>` becomes the paragraph
///    `<p>Tabel: …</p>` before `<table>` (what GFM makes of a caption line).
/// 2. Alignment as Helhed writes it (`class="venstre|midt|hoejre"`) becomes GFM's `align="left|center|right"`.
/// 3. The attributes `id`, `class`, `role`, `tabindex`, `scope`, `aria-*` and `data-*` go (ids, the region's name,
///    `scope="col"`, GFM's `data-footnote-ref`, classes of both), and every `href="#…"` becomes `href="#"`: footnote
///    ids differ by design (`fodnote_1` vs `fn-1`), and that each link points where it should is tested in
///    `TableAndFootnoteTests`.
/// 4. A heading's anchor wrapper (`<div class="heading">…<a class="heading-anchor">…</a></div>`) becomes the bare
///    heading.
/// 5. White space next to a tag goes: both put line breaks between block tags in different places.
@Suite struct GFMReferenceTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let markdown: String
        let html: String?
        var testDescription: String { name }
    }

    static func examples(_ file: String) -> [Example] {
        guard let text = try? String(contentsOf: Repository.fixtures.appendingPathComponent(file), encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            guard line.hasPrefix(fence + " example") else { continue }
            let name = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let body = lines.next(), body != fence {
                if !inHTML, body == "." { inHTML = true } else if inHTML { html.append(body) } else { markdown.append(body) }
            }
            let number = examples.count + 1
            examples.append(Example(name: "\(file) \(number): \(name)", markdown: markdown.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t"),
                                    html: html.isEmpty ? nil : html.map { $0 + "\n" }.joined()))
        }
        return examples
    }

    static let specExamples = examples("gfm-spec-tables.txt")
    static let ownCases = examples("gfm-extension-cases.txt")

    static let cmarkGFM: String? = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func theFixturesAreThere() {
        #expect(Self.specExamples.count == 8)
        #expect(Self.ownCases.count >= 50)
    }

    @Test(arguments: specExamples)
    func matchesTheGFMSpec(_ example: Example) throws {
        let html = try MarkdownCommand.render(Array(example.markdown.utf8), plain: false, unsafe: false)
        #expect(Self.normalized(html) == Self.normalized(example.html ?? ""), "\(example.markdown)")
    }

    @Test(.enabled(if: cmarkGFM != nil, "cmark-gfm is not installed: apt-get install cmark-gfm"), arguments: specExamples + ownCases)
    func matchesCmarkGFM(_ example: Example) throws {
        let reference = try Self.runCmarkGFM(example.markdown)
        let html = try MarkdownCommand.render(Array(example.markdown.utf8), plain: false, unsafe: false)
        #expect(Self.normalized(html) == Self.normalized(reference), "\(example.markdown)")
    }

    static func runCmarkGFM(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmarkGFM!)
        process.arguments = ["-e", "table", "-e", "footnotes"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The normalisation described above, step by step.
    static func normalized(_ html: String) -> String {
        var text = html
        func replace(_ pattern: String, _ template: String) {
            let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            text = expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        // 1
        replace(#"<div class="tabel"[^>]*>\s*<table>\s*<caption[^>]*>(.*?)</caption>"#, "<p>Tabel: $1</p><table>")
        replace(#"<div class="tabel"[^>]*>"#, "")
        replace(#"</table>\s*</div>"#, "</table>")
        // 2
        replace(#"class="venstre""#, #"align="left""#)
        replace(#"class="midt""#, #"align="center""#)
        replace(#"class="hoejre""#, #"align="right""#)
        // 4 (before 3, which removes the classes it is found by)
        replace(#"<div class="heading">(<h[1-6])[^>]*>(.*?)(</h[1-6]>)<a class="heading-anchor".*?</a></div>"#, "$1>$2$3")
        // 3
        replace(#"\s(?:id|class|role|tabindex|scope|aria-[a-z]+|data-[a-z-]+)(?:="[^"]*")?(?=[\s>/])"#, "")
        replace(##"href="#[^"]*""##, ##"href="#""##)
        // 5
        replace(#">\s+"#, ">")
        replace(#"\s+<"#, "<")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
