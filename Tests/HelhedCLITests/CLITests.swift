import Foundation
import Testing

/// The `helhed` command as users run it: exit codes, messages on standard error, what lands on disk.
@Suite struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `helhed` binary SwiftPM built next to the test bundle. The tests read its English messages: children of
    /// this process get `HELHED_MESSAGES=en` (set once, before the first child starts); a test of the Danish passes
    /// `--messages da`.
    static var binary: URL {
        _ = englishMessages
        let beside = Bundle.main.bundleURL.appendingPathComponent("helhed")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("helhed")
    }

    private static let englishMessages: Void = { setenv("HELHED_MESSAGES", "en", 1) }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in folder: URL, input: String? = nil, executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Both pipes at once: a command that fills one (`check` on a large site) would otherwise wait for ever.
        nonisolated(unsafe) var error = Data()
        let errorRead = DispatchGroup()
        DispatchQueue.global().async(group: errorRead) { error = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: error, as: UTF8.self))
    }

    /// A site folder with the real templates and a small content folder.
    static func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/artikler"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try "title: Test\ndescription: Et testsite.\nbase_url: https://example.org/\n".write(to: root.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Hej\ndate: 2022-08-20\nkind: case\n---\n\nHej verden.\n".write(to: root.appendingPathComponent("Content/artikler/hej.md"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func buildsAndSummarises() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Self.run(["build"], in: site)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("Built "))
        #expect(result.stdout.contains("(1 articles, 0 terms)"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/artikler/hej/index.html").path))
        let quiet = try Self.run(["build", "--quiet"], in: site)
        #expect(quiet.status == 0 && quiet.stdout == "")
    }

    @Test func aFailedBuildExitsOneWithMessagesAndKeepsTheOldSite() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try Self.run(["build", "--quiet"], in: site).status == 0)
        let page = site.appendingPathComponent("Public/artikler/hej/index.html")
        let before = try Data(contentsOf: page)
        try "---\ntitle: Hej\ndate: i går\nkind: case\n---\n".write(to: site.appendingPathComponent("Content/artikler/hej.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: To\ndate: 2022-08-20\nkind: nyhed\n---\n".write(to: site.appendingPathComponent("Content/artikler/to.md"), atomically: true, encoding: .utf8)
        let result = try Self.run(["build"], in: site)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            Content/artikler/hej.md:3: error: front matter: 'date' is not a date (got "i går"); write it as YYYY-MM-DD, e.g. 2022-08-20
            Content/artikler/to.md:4: error: front matter: unknown kind "nyhed"; use explainer, case or event
            helhed: the build failed with 2 errors; Public/ is unchanged

            """)
        #expect(try Data(contentsOf: page) == before)
    }

    @Test func warningsDoNotFailTheBuild() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try "---\ntitle: Hej\ndate: 2022-08-20\nkind: case\ntitel: x\n---\n".write(to: site.appendingPathComponent("Content/artikler/hej.md"), atomically: true, encoding: .utf8)
        let result = try Self.run(["build", "--quiet"], in: site)
        #expect(result.status == 0)
        #expect(result.stderr == "Content/artikler/hej.md:5: warning: front matter: unknown field 'titel' (did you mean 'title'?)\n")
    }

    @Test func anOutputFolderThatCannotBeWrittenIsAClearError() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // /proc refuses new folders even to root, which CI runs as.
        let result = try Self.run(["build", "--output", "/proc/helhed-test/Public"], in: site)
        #expect(result.status == 1)
        #expect(result.stderr == """
            /proc/helhed-test/Public: error: cannot create the folder /proc/helhed-test (No such file or directory); choose an output folder you can write to with --output
            helhed: the build failed with 1 error; /proc/helhed-test/Public/ is unchanged

            """)
    }

    /// A disk that fills up while the site is written: the file size limit (`ulimit -f`, with SIGXFSZ ignored so the
    /// write fails with EFBIG instead of killing the process) stands in for a full disk, which root cannot simulate
    /// otherwise without mounting a file system.
    @Test func aWriteThatFailsMidwayLeavesTheOldSiteAndNoLeftovers() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try Self.run(["build", "--quiet"], in: site).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Public").path).sorted()
        let page = try Data(contentsOf: site.appendingPathComponent("Public/artikler/hej/index.html"))
        try "---\ntitle: Hej igen\ndate: 2022-08-21\nkind: case\n---\n\nNy tekst.\n".write(to: site.appendingPathComponent("Content/artikler/hej.md"), atomically: true, encoding: .utf8)
        let result = try Self.run(["-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" build --quiet", Self.binary.path], in: site, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Public: error: writing the site failed: "), "\(result.stderr)")
        #expect(result.stderr.contains(": File too large; nothing in the output folder has changed\n"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("helhed: the build failed with 1 error; Public/ is unchanged\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Public").path).sorted() == before)
        #expect(try Data(contentsOf: site.appendingPathComponent("Public/artikler/hej/index.html")) == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".Public.helhed-") }.isEmpty, "the staging folder is removed")
    }

    @Test func missingContentFolderIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Self.run(["build"], in: empty)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Content: error: the content folder does not exist (run helhed in the site's folder, or pass --content)\n"))
    }

    @Test func aBadBaseURLOptionIsRejected() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Self.run(["build", "--base-url", "example.org"], in: site)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--base-url must be an absolute http(s) address"))
    }

    @Test func markdownCommandRendersStandardInput() throws {
        let folder = FileManager.default.temporaryDirectory
        let plain = try Self.run(["markdown", "--plain", "--unsafe"], in: folder, input: "# Hej *verden*\n\n<b>rå</b>\n")
        #expect(plain.status == 0)
        #expect(plain.stdout == "<h1>Hej <em>verden</em></h1>\n<p><b>rå</b></p>\n")
        let safe = try Self.run(["markdown"], in: folder, input: "## Hvem betaler?\n\n<b>rå</b> [x](javascript:alert(1))\n")
        #expect(safe.stdout.contains("<h2 id=\"hvem-betaler\">"))
        #expect(!safe.stdout.contains("<b>"))
        #expect(!safe.stdout.contains("javascript:"))
    }
}
