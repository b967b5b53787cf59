import Foundation
@testable import HelhedCore

/// A content folder in a temporary directory for the writing aids' tests: `site.yml` plus the files given.
struct WritingAidsFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }

    static let siteYAML = "title: Test\ndescription: En testside.\nbase_url: https://example.org/\n"

    init(files: [String: String], siteYAML: String = WritingAidsFixture.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-writing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try write("site.yml", Data(siteYAML.utf8))
        for (path, text) in files { try write(path, Data(text.utf8)) }
    }

    /// A copy of the repository's `Content/`.
    init(copyingRepositoryContent change: (URL) throws -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-writing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PublishFixture.repositoryRoot.appendingPathComponent("Content"), to: content)
        try change(content)
    }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var options: BuildOptions {
        BuildOptions(contentFolder: content, templatesFolder: root.appendingPathComponent("Templates"), outputFolder: root.appendingPathComponent("Public"),
                     site: SiteOptions(today: Day(year: 2030, month: 1, day: 1)!), messageBase: root)
    }

    func check(_ aids: Set<WritingAid>) -> WritingAids.Result {
        WritingAids.checkContent(options, aids: aids).result
    }

    static func article(title: String = "En artikel", kind: String = "case", summary: String = "Et kort resumé.", body: String) -> String {
        "---\ntitle: \"\(title)\"\ndate: 2024-01-01\nkind: \(kind)\nsummary: \"\(summary)\"\n---\n\n\(body)"
    }

    static func term(title: String, summary: String = "En forklaring.", extra: String = "", body: String = "En tekst.") -> String {
        "---\ntitle: \"\(title)\"\nsummary: \"\(summary)\"\n\(extra)---\n\n\(body)"
    }
}
