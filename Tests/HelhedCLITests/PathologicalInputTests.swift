import Foundation
import Testing

/// Pathological Markdown (cmark's classic cases, and inputs aimed at Helhed's own transforms) stays linear in time
/// through the whole build: the real `helhed build` of a site with glossary terms (so automatic term links run and
/// headings get ids) and one article holding the input, at size N and at size 10 N. The ratio of the two builds' CPU
/// time (the child's own, from `wait4`; the smaller of two runs) must stay under 20: a linear step gives at most 10
/// (less, as the build's fixed cost is in both), a quadratic one about 100.
@Suite struct PathologicalInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// N: the number of repetitions at the smaller size.
        let count: Int
        /// Whether the build must succeed (some inputs are errors by design: broken links, refused files).
        let builds: Bool
        let body: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static func backtickRuns(totalBytes: Int) -> String {
        var text = ""
        var length = 1
        while text.utf8.count < totalBytes {
            text += "e" + String(repeating: "`", count: length)
            length = length % 300 + 1
        }
        return text
    }

    static let cases: [Case] = [
        // cmark's pathological tests (test/pathological_tests.py).
        Case(name: "nested brackets", count: 20_000, builds: true) { String(repeating: "[", count: $0) + "|" + String(repeating: "]", count: $0) },
        Case(name: "nested strong and emphasis", count: 2_000, builds: true) {
            String(repeating: "*a **a ", count: $0) + "b" + String(repeating: " a** a*", count: $0)
        },
        Case(name: "nested block quotes", count: 20_000, builds: true) { String(repeating: ">", count: $0) + " a\n" },
        Case(name: "nested lists", count: 10_000, builds: true) { String(repeating: "- ", count: $0) + "a\n" },
        Case(name: "unclosed emphasis openers", count: 10_000, builds: true) { String(repeating: "_a ", count: $0) },
        Case(name: "unmatched emphasis closers", count: 10_000, builds: true) { String(repeating: "a_ ", count: $0) },
        Case(name: "unclosed link openers", count: 10_000, builds: true) { String(repeating: "[a", count: $0) },
        Case(name: "unmatched link closers", count: 10_000, builds: true) { String(repeating: "a]", count: $0) },
        Case(name: "mismatched openers and closers", count: 10_000, builds: true) { String(repeating: "*a_ ", count: $0) },
        Case(name: "link openers and emphasis closers", count: 10_000, builds: true) { String(repeating: "[ a_", count: $0) },
        Case(name: "pattern [ (]( repeated", count: 10_000, builds: true) { String(repeating: "[ (](", count: $0) },
        Case(name: "unclosed link destinations", count: 5_000, builds: true) { String(repeating: "[a](<b", count: $0) },
        Case(name: "long runs of backticks", count: 40_000, builds: true) { backtickRuns(totalBytes: $0) },
        Case(name: "link reference definitions", count: 1_000, builds: true) { count in
            (0..<count).map { "[r\($0)]: https://example.org/\($0)\n" }.joined() + "\n" + (0..<count).map { "[r\($0)] " }.joined()
        },
        Case(name: "identical headings", count: 300, builds: true) { String(repeating: "## Samme overskrift\n\n", count: $0) },
        Case(name: "nested pictures", count: 5_000, builds: true) {
            String(repeating: "![", count: $0) + "a" + String(repeating: "](https://example.org/b.png)", count: $0)
        },
        Case(name: "emphasis nested in a heading", count: 2_000, builds: true) {
            "## " + String(repeating: "*a **a ", count: $0) + "b" + String(repeating: " a** a*", count: $0) + "\n"
        },
        // Helhed's own transforms: glossary references, automatic term links, heading ids, links and their checks.
        Case(name: "glossary references", count: 1_000, builds: true) { String(repeating: "[[helhedsplan]] og [[plan|planen]] ", count: $0) },
        Case(name: "unclosed glossary references", count: 5_000, builds: true) { String(repeating: "[[helhedsplan ", count: $0) },
        Case(name: "term mentions", count: 1_000, builds: true) { String(repeating: "En helhedsplan, boligsocial helhedsplaner og planer. ", count: $0) },
        Case(name: "headings with terms and emphasis", count: 300, builds: true) {
            String(repeating: "## Om helhedsplan *og plan*\n\nEn helhedsplan.\n\n", count: $0)
        },
        Case(name: "links to headings on the page", count: 2_000, builds: true) { "## Afsnit\n\n" + String(repeating: "[x](#afsnit) ", count: $0) },
        Case(name: "links to another page", count: 2_000, builds: true) { String(repeating: "[x](../ordforklaringer/ord.md#betydning) ", count: $0) },
        Case(name: "broken links among many headings", count: 300, builds: false) {
            String(repeating: "## Samme\n\n", count: $0) + String(repeating: "[x](#samme-nr-to) ", count: $0)
        },
        Case(name: "unknown glossary references", count: 1_000, builds: false) { (0..<$0).map { "[[ukendt \($0)]] " }.joined() },
        Case(name: "'![[]()' below the limit, in paragraphs", count: 20, builds: true) {
            String(repeating: String(repeating: "![[](https://example.org/)", count: 500) + "\n\n", count: $0)
        },
        Case(name: "'![[]()' past the limit (refused)", count: 5_000, builds: false) { String(repeating: "![[]()", count: $0) },
        // GFM tables and footnotes (Markdown/Tables, Markdown/Footnotes).
        Case(name: "a table of thousands of columns", count: 2_000, builds: true) {
            String(repeating: "| a ", count: $0) + "|\n" + String(repeating: "|:-:", count: $0) + "|\n" + String(repeating: "| *b* ", count: $0) + "|\n"
        },
        Case(name: "a table of thousands of rows", count: 2_000, builds: true) {
            "| a | b |\n|---|---|\n" + String(repeating: "| En helhedsplan | [x](https://example.org/) |\n", count: $0)
        },
        Case(name: "a wide header over one-cell rows (padded cells)", count: 300, builds: true) {
            String(repeating: "|a", count: $0) + "|\n" + String(repeating: "|-", count: $0) + "|\n" + String(repeating: "b\n", count: $0)
        },
        Case(name: "nested brackets in cells", count: 5_000, builds: true) {
            "| " + String(repeating: "[", count: $0) + " | " + String(repeating: "]", count: $0) + " |\n|---|---|\n| " + String(repeating: "[a](", count: $0) + " | b |\n"
        },
        Case(name: "a very long delimiter row", count: 20_000, builds: true) { "| a | b |\n|" + String(repeating: "-", count: $0) + "|:" + String(repeating: "-", count: $0) + ":|\n" },
        Case(name: "a table in deeply nested list items", count: 2_000, builds: true) {
            String(repeating: "- ", count: $0) + "a | b\n" + String(repeating: "  ", count: $0) + "--|--\n" + String(repeating: "  ", count: $0) + "c | d\n"
        },
        Case(name: "table rows as lazy lines of nested quotes", count: 2_000, builds: true) {
            String(repeating: ">", count: $0) + " | a |\n" + String(repeating: ">", count: $0) + " |---|\n" + String(repeating: "| b |\n", count: $0)
        },
        Case(name: "many tables", count: 500, builds: true) { String(repeating: "Tabel: T\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: $0) },
        Case(name: "a footnote referenced many times", count: 10_000, builds: true) { String(repeating: "x[^1] ", count: $0) + "\n\n[^1]: Note.\n" },
        Case(name: "many footnotes", count: 1_000, builds: true) {
            (0..<$0).map { "x[^n\($0)] " }.joined() + "\n\n" + (0..<$0).map { "[^n\($0)]: Note \($0).\n" }.joined()
        },
        Case(name: "footnote definitions nested in quotes", count: 2_000, builds: true) { String(repeating: ">", count: $0) + " [^1]: a\n\nx[^1]\n" },
        Case(name: "unknown footnote references", count: 2_000, builds: true) { String(repeating: "[^x] ", count: $0) },
    ]

    static let repository = CLITests.repository

    /// A site with two glossary terms (one with aliases) and an article whose body is `body`.
    static func makeSite(body: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-patho-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("artikler"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("ordforklaringer"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        let files = [
            "site.yml": "title: Test\ndescription: Et testsite.\nbase_url: https://example.org/\n",
            "ordforklaringer/ord.md": "---\ntitle: helhedsplan\nsummary: En plan.\naliases: [helhedsplaner, plan, planer]\n---\n\n## Betydning\n\nTekst.\n",
            "ordforklaringer/b.md": "---\ntitle: boligsocial helhedsplan\nsummary: En anden plan.\n---\n\nTekst om en helhedsplan.\n",
            "artikler/a.md": "---\ntitle: Artikel\ndate: 2022-08-20\nkind: case\nsummary: Et resumé.\n---\n\n" + body,
        ]
        for (path, text) in files {
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }
        return root
    }

    struct Measurement {
        let cpuSeconds: Double
        let exit: ChildProcess.Exit
        let bytes: Int
    }

    /// The smaller CPU time of `runs` builds of a site holding `body`.
    static func measure(_ body: String, runs: Int = 2) throws -> Measurement {
        let site = try makeSite(body: body)
        defer { try? FileManager.default.removeItem(at: site) }
        var best: ChildProcess.Exit?
        for _ in 0..<runs {
            let exit = try ChildProcess.run(CLITests.binary, [
                "build", "--quiet", "--content", site.appendingPathComponent("Content").path,
                "--templates", site.appendingPathComponent("Templates").path, "--output", site.appendingPathComponent("Public").path,
            ])
            if best == nil || exit.cpuSeconds < best!.cpuSeconds { best = exit }
        }
        return Measurement(cpuSeconds: best!.cpuSeconds, exit: best!, bytes: body.utf8.count)
    }

    @Test(arguments: cases)
    func staysLinear(_ testCase: Case) throws {
        let small = try Self.measure(testCase.body(testCase.count))
        let large = try Self.measure(testCase.body(testCase.count * 10))
        let ratio = large.cpuSeconds / max(small.cpuSeconds, 0.001)
        print(String(format: "linear-time %@: N=%d (%d bytes) %.3f s, 10N (%d bytes) %.3f s, ratio %.1f",
                     testCase.name, testCase.count, small.bytes, small.cpuSeconds, large.bytes, large.cpuSeconds, ratio))
        for run in [small, large] {
            #expect(run.exit.signal == nil, "\(testCase.name): the build crashed (signal \(run.exit.signal ?? 0)): \(run.exit.stderr.prefix(2000))")
            #expect(run.exit.status == (testCase.builds ? 0 : 1), "\(testCase.name): \(run.exit.stderr.prefix(2000))")
            if !testCase.builds {
                #expect(run.exit.stderr.contains(": error: "), "\(testCase.name): a failure is reported")
            }
        }
        #expect(ratio < 20, "\(testCase.name): N \(small.cpuSeconds) s, 10 N \(large.cpuSeconds) s")
    }

    @Test func theRefusalNamesTheParagraphAndWhy() throws {
        let site = try Self.makeSite(body: "Indledning.\n\n" + String(repeating: "![[]()", count: 1_000) + "\n")
        defer { try? FileManager.default.removeItem(at: site) }
        let exit = try ChildProcess.run(CLITests.binary, [
            "build", "--content", site.appendingPathComponent("Content").path, "--templates", site.appendingPathComponent("Templates").path,
            "--output", site.appendingPathComponent("Public").path,
        ])
        #expect(exit.status == 1)
        #expect(exit.stderr.contains("Content/artikler/a.md:10: error: this paragraph has 1000 picture openings ('![') and up to 1000 links after them"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))
    }
}
