import Foundation
import Testing
@testable import HelhedCore

/// The corpus of bad inputs in Fixtures/bad-inputs: each case writes files over a small valid site, builds it, and
/// expects exactly the messages (and exit code) in its `=== expect` section. No case may crash or hang; every error
/// of a build is reported together.
///
/// A case is `# description`, then sections `=== header` with a body: `=== path` writes the body to the file,
/// `=== path (hex)` writes bytes given in hex, `=== path (head)` writes the body and `=== path (append N)` appends it N
/// times, `=== symlink path` makes a symbolic link to the body's target, `=== delete path` removes a file or folder,
/// `=== output path` builds into that folder (relative to the site's folder, or absolute), and `=== expect exit N` lists
/// the messages, one a line. The messages are in the case's language: `=== language da` or `=== language en` (the
/// default, for the cases written before Helhed spoke Danish). A case may also give its messages in the other language,
/// in a section `=== expect en` (or `da`): the same build, the same exit code.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let description: String
        let steps: [(header: String, body: String)]
        let expectedExit: Int32
        let expectedMessages: [String]
        let language: MessageLanguage
        /// The messages in other languages, when the case gives them.
        let translations: [MessageLanguage: [String]]
        var testDescription: String { name }
    }

    static let folder = Repository.fixtures.appendingPathComponent("bad-inputs")

    static let cases: [Case] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".case") }.sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return parse(text, name: String(name.dropLast(".case".count)))
        }
    }()

    /// Sections start with a line `=== header`; a section's body is every byte up to the next such line.
    static func parse(_ text: String, name: String) -> Case {
        var description = ""
        var steps: [(String, String)] = []
        var header: String?
        var body = ""
        // Split on bytes: as Characters, "\r\n" is one and would hide the line ends of the CRLF case.
        for bytes in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            let line = String(decoding: bytes, as: UTF8.self)
            if line.hasPrefix("=== ") {
                if let header { steps.append((header, body)) }
                header = String(line.dropFirst(4))
                body = ""
            } else if header == nil {
                description += String(line.drop { $0 == "#" || $0 == " " })
            } else {
                body += line + "\n"
            }
        }
        if let header { steps.append((header, body)) }
        let expect = steps.last { $0.0.hasPrefix("expect exit") }
        let exit = Int32(expect?.0.split(separator: " ").last.flatMap { Int32($0) } ?? 1)
        let lines = { (body: String) in body.split(separator: "\n").map(String.init) }
        let language = steps.last { $0.0.hasPrefix("language ") }.flatMap { MessageLanguage(code: String($0.0.dropFirst("language ".count))) }
        var translations: [MessageLanguage: [String]] = [:]
        for (header, body) in steps where header.hasPrefix("expect ") && !header.hasPrefix("expect exit") {
            if let other = MessageLanguage(code: String(header.dropFirst("expect ".count))) { translations[other] = lines(body) }
        }
        return Case(name: name, description: description, steps: steps.filter { !$0.0.hasPrefix("expect") && !$0.0.hasPrefix("language ") },
                    expectedExit: exit, expectedMessages: expect.map { lines($0.1) } ?? [], language: language ?? .english,
                    translations: translations)
    }

    static let baseFiles = [
        "Content/ordforklaringer/ord.md": Page.term(title: "ord", summary: "Et ord i ordforklaringerne.", body: "## Betydning\n\nEt ord."),
    ]

    static func run(_ testCase: Case, in language: MessageLanguage? = nil) throws -> (exit: Int32, messages: [String]) {
        let language = language ?? testCase.language
        let site = try FixtureSite(files: baseFiles)
        var options = site.options()
        for (header, body) in testCase.steps {
            let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
            if parts[0] == "output" {
                // The output folder, relative to the site's folder (where messages are relative to) or absolute.
                options.outputFolder = parts[1].hasPrefix("/") ? URL(fileURLWithPath: parts[1]) : site.url(parts[1])
            } else if parts[0] == "delete" {
                try site.remove(parts[1])
            } else if parts[0] == "symlink" {
                try FileManager.default.createDirectory(at: site.url(parts[1]).deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: site.url(parts[1]).path, withDestinationPath: body.trimmingCharacters(in: .newlines))
            } else if header.hasSuffix(" (hex)") {
                let hex = Array(body.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
                let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
                try site.write(String(header.dropLast(" (hex)".count)), Data(bytes))
            } else if let open = header.range(of: " (append ") {
                let count = Int(header[open.upperBound...].dropLast())!
                let path = String(header[..<open.lowerBound])
                let handle = try FileHandle(forWritingTo: site.url(path))
                handle.seekToEndOfFile()
                handle.write(Data(String(repeating: body, count: count).utf8))
                try handle.close()
            } else {
                let path = header.hasSuffix(" (head)") ? String(header.dropLast(" (head)".count)) : header
                try site.write(path, body)
            }
        }
        do {
            let report = try SiteBuilder.build(options)
            return (0, report.warnings.map { $0.rendered(in: language) })
        } catch {
            return (1, error.diagnostics.map { $0.rendered(in: language) })
        }
    }

    @Test func theCorpusHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
        #expect(Self.cases.allSatisfy { !$0.description.isEmpty })
    }

    @Test(arguments: cases)
    func reportsExactly(_ testCase: Case) throws {
        let (exit, messages) = try Self.run(testCase)
        #expect(exit == testCase.expectedExit, "\(testCase.name): exit \(exit), messages: \(messages)")
        #expect(messages == testCase.expectedMessages, "\(testCase.name)")
    }

    @Test func aHandfulOfCasesAreWrittenInDanishAndGiveTheirEnglishToo() {
        let danish = Self.cases.filter { $0.language == .danish }
        #expect(danish.count >= 5)
        #expect(danish.filter { $0.translations[.english] != nil }.count >= 4)
    }

    @Test(arguments: cases.filter { !$0.translations.isEmpty })
    func reportsExactlyInTheOtherLanguage(_ testCase: Case) throws {
        for (language, expected) in testCase.translations {
            let (exit, messages) = try Self.run(testCase, in: language)
            #expect(exit == testCase.expectedExit, "\(testCase.name) in \(language.rawValue)")
            #expect(messages == expected, "\(testCase.name) in \(language.rawValue)")
        }
    }
}

