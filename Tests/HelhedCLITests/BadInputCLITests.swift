import Foundation
import Testing

/// Representative cases of the bad-input corpus (Tests/HelhedCoreTests/Fixtures/bad-inputs) through the real `helhed`
/// binary: the same messages on standard error, then the summary line, and the exit code the case expects.
@Suite struct BadInputCLITests {
    static let corpus = CLITests.repository.appendingPathComponent("Tests/HelhedCoreTests/Fixtures/bad-inputs")

    static let representative = [
        "crlf-line-endings", "byte-order-mark", "unknown-field", "file-scheme-link",  // exit 0, with or without warnings
        "malformed-yaml", "invalid-utf8", "binary-file", "missing-site-config", "missing-content-folder", "duplicate-slugs",
        "link-leaves-content", "template-unclosed-section", "yaml-alias-bomb", "picture-openings-and-links", "all-errors-together",
        "output-not-writable", "output-is-content-folder",
    ]

    /// Sections of a case file: `=== header` lines, each with the bytes up to the next one.
    static func sections(of name: String) throws -> [(header: String, body: String)] {
        let text = try String(contentsOf: corpus.appendingPathComponent(name + ".case"), encoding: .utf8)
        var sections: [(String, String)] = []
        for bytes in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            let line = String(decoding: bytes, as: UTF8.self)
            if line.hasPrefix("=== ") {
                sections.append((String(line.dropFirst(4)), ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].1 += line + "\n"
            }
        }
        return sections
    }

    /// The corpus's base site: the real templates, a minimal site.yml and one glossary term.
    static func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/ordforklaringer"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try Data("title: Testsitet\ndescription: Et lille site til tests.\nbase_url: https://example.org/\nlanguage: da\npublisher: Testforlaget".utf8)
            .write(to: root.appendingPathComponent("Content/site.yml"))
        try Data("---\ntitle: \"ord\"\nsummary: \"Et ord i ordforklaringerne.\"\n---\n\n## Betydning\n\nEt ord.\n".utf8)
            .write(to: root.appendingPathComponent("Content/ordforklaringer/ord.md"))
        return root
    }

    @Test(arguments: representative)
    func theBinaryReportsTheCase(_ name: String) throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        var output = "Public"
        var expectedExit: Int32 = 1
        var expected: [String] = []
        var language = "en"
        for (header, body) in try Self.sections(of: name) {
            let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
            let url = { (path: String) in site.appendingPathComponent(path) }
            func prepare(_ path: String) throws {
                try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            switch parts[0] {
            case "language":
                language = parts[1]
            case "expect" where !header.hasPrefix("expect exit"):
                break  // the same messages in another language
            case "expect":
                expectedExit = Int32(header.split(separator: " ").last!)!
                expected = body.split(separator: "\n").map(String.init)
            case "output":
                output = parts[1]
            case "delete":
                try FileManager.default.removeItem(at: url(parts[1]))
            default:
                if header.hasSuffix(" (hex)") {
                    let path = String(header.dropLast(" (hex)".count))
                    let hex = Array(body.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
                    try prepare(path)
                    try Data(stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }).write(to: url(path))
                } else if let open = header.range(of: " (append ") {
                    let handle = try FileHandle(forWritingTo: url(String(header[..<open.lowerBound])))
                    handle.seekToEndOfFile()
                    handle.write(Data(String(repeating: body, count: Int(header[open.upperBound...].dropLast())!).utf8))
                    try handle.close()
                } else {
                    let path = header.hasSuffix(" (head)") ? String(header.dropLast(" (head)".count)) : header
                    try prepare(path)
                    try Data(body.utf8).write(to: url(path))
                }
            }
        }
        // In the case's language, which `--messages` chooses over the tests' HELHED_MESSAGES=en.
        let result = try CLITests.run(["build", "--quiet", "--output", output, "--messages", language], in: site)
        let errors = expected.filter { $0.contains(": error: ") || $0.contains(": fejl: ") }.count
        let summary = expectedExit == 0 ? [] : language == "da"
            ? ["helhed: sitet blev ikke bygget (\(errors) fejl); \(output)/ er ikke ændret"]
            : ["helhed: the build failed with \(errors) error\(errors == 1 ? "" : "s"); \(output)/ is unchanged"]
        #expect(result.status == expectedExit, "\(name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").map(String.init) == expected + summary, "\(name)")
        #expect(result.stdout == "")
    }

    @Test func theMarkdownCommandRefusesTheQuadraticPatternToo() throws {
        let result = try CLITests.run(["markdown"], in: FileManager.default.temporaryDirectory, input: "Før.\n\n" + String(repeating: "![[]()", count: 2_000))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:3: error: this paragraph has 2000 picture openings ('![') and up to 2000 links after them"))
        #expect(result.stdout == "")
    }
}
