import Foundation
@testable import HelhedCore

/// The repository, found from this file, for the real `Templates/` and `Content/`.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let content = root.appendingPathComponent("Content")
    static let fixtures = root.appendingPathComponent("Tests/HelhedCoreTests/Fixtures")
}

/// A site in a fresh temporary folder: `Content/`, a copy of the real `Templates/`, output in `Public/`.
/// Removed when the value is released.
final class FixtureSite: @unchecked Sendable {
    let root: URL

    static let minimalConfig = """
        title: Testsitet
        description: Et lille site til tests.
        base_url: https://example.org/
        language: da
        publisher: Testforlaget
        """

    init(files: [String: String] = [:], config: String? = FixtureSite.minimalConfig, copyTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        if copyTemplates {
            try FileManager.default.copyItem(at: Repository.templates, to: root.appendingPathComponent("Templates"))
        }
        if let config { try write("Content/site.yml", config) }
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var output: URL { root.appendingPathComponent("Public") }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func options(_ site: SiteOptions = SiteOptions(today: Day(iso: "2024-01-01")!)) -> BuildOptions {
        BuildOptions(contentFolder: url("Content"), templatesFolder: url("Templates"), outputFolder: output, site: site, messageBase: root)
    }

    @discardableResult
    func build(_ site: SiteOptions = SiteOptions(today: Day(iso: "2024-01-01")!)) throws(BuildFailure) -> BuildReport {
        try SiteBuilder.build(options(site))
    }

    func generate(_ site: SiteOptions = SiteOptions(today: Day(iso: "2024-01-01")!)) throws(BuildFailure) -> GeneratedSite {
        try SiteGenerator.generate(options(site))
    }

    /// The diagnostics of a build that must fail, as printed.
    func failingBuild(_ site: SiteOptions = SiteOptions(today: Day(iso: "2024-01-01")!)) -> [String] {
        do {
            try build(site)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func read(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    /// Every file under the output folder, relative, sorted.
    func outputFiles() -> [String] {
        FixtureSite.files(under: output)
    }

    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

/// Markdown files for fixtures.
enum Page {
    static func article(title: String, date: String = "2022-08-20", kind: String = "case", summary: String? = "Et resumé.",
                        tags: [String] = [], extra: String = "", body: String = "Brødtekst.") -> String {
        var lines = ["---", "title: \(quoted(title))", "date: \(date)", "kind: \(kind)"]
        if let summary { lines.append("summary: \(quoted(summary))") }
        if !tags.isEmpty { lines.append("tags: [\(tags.map(quoted).joined(separator: ", "))]") }
        if !extra.isEmpty { lines.append(extra) }
        lines += ["---", "", body, ""]
        return lines.joined(separator: "\n")
    }

    static func term(title: String, summary: String = "En kort forklaring.", aliases: [String] = [], related: [String] = [],
                     extra: String = "", body: String = "Uddybning af ordet.") -> String {
        var lines = ["---", "title: \(quoted(title))", "summary: \(quoted(summary))"]
        if !aliases.isEmpty { lines.append("aliases: [\(aliases.map(quoted).joined(separator: ", "))]") }
        if !related.isEmpty { lines.append("related: [\(related.map(quoted).joined(separator: ", "))]") }
        if !extra.isEmpty { lines.append(extra) }
        lines += ["---", "", body, ""]
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Attribute values of the generated HTML, for checking links in tests (production code never scans HTML).
enum HTMLLinks {
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let range = rest.range(of: marker) {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = after[end...]
        }
        return values
    }
}
