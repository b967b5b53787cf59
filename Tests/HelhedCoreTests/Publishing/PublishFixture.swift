import Foundation
@testable import HelhedCore

/// A small site in a temporary folder for the publishing tests: `site.yml`, two published articles, a draft, an
/// article dated in the future, two terms and a picture, with a copy of the repository's `Templates/`.
/// Files can be replaced or added before building. Remove the folder with `remove()`.
struct PublishFixture {
    let root: URL

    /// The day the fixture is built "on": the future article is dated after it.
    static let today = Day(year: 2024, month: 6, day: 1)!
    static let subPathBase = "https://example.org/boligsocial/"

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var repositoryTemplates: URL { repositoryRoot.appendingPathComponent("Templates") }

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Public") }

    init(baseURL: String = PublishFixture.subPathBase, publisher: String? = "Testforlaget", files: [String: String] = PublishFixture.files) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryTemplates, to: templates)
        var config = """
            title: Boligtest
            description: En lille testside om boligsociale indsatser.
            base_url: \(baseURL)
            language: da

            """
        if let publisher { config += "publisher: \(publisher)\n" }
        try write("site.yml", config)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func options(drafts: Bool = false, future: Bool = false, output: URL? = nil) -> BuildOptions {
        BuildOptions(contentFolder: content, templatesFolder: templates, outputFolder: output ?? self.output,
                     site: SiteOptions(includeDrafts: drafts, includeFuture: future, today: Self.today))
    }

    func generate(drafts: Bool = false, future: Bool = false) throws -> GeneratedSite {
        try SiteGenerator.generate(options(drafts: drafts, future: future))
    }

    /// Builds into `output` (or `Public/` in the fixture) and returns the report.
    @discardableResult
    func build(drafts: Bool = false, future: Bool = false, output: URL? = nil) throws -> BuildReport {
        try SiteBuilder.build(options(drafts: drafts, future: future, output: output))
    }

    /// A built file's text.
    func read(_ sitePath: String, in output: URL? = nil) throws -> String {
        try String(contentsOf: (output ?? self.output).appendingPathComponent(sitePath), encoding: .utf8)
    }

    /// Every file of a built site, by its path inside it, sorted.
    static func files(in folder: URL) -> [String] {
        FixtureSite.files(under: folder)
    }

    /// A generated file's text (for files the build generates as text or bytes).
    static func text(_ site: GeneratedSite, _ path: String) -> String? {
        guard let file = site.files.first(where: { $0.path == path }), let data = try? file.data() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: The content

    static let files: [String: String] = [
        "artikler/forklaring.md": """
            ---
            title: "Helhedsplaner forklaret"
            date: 2024-01-10
            updated: 2024-03-01
            kind: explainer
            summary: "Hvad en helhedsplan er, og hvem der er med."
            tags: [helhedsplaner, samarbejde]
            ---

            En helhedsplan samler mange parter. Læs casen fra [Kolding](kolding.md#udfordringen), og mød en [[beboerrådgiver]].

            ![Tegning af et hus med have](../billeder/hus.svg)

            ## Baggrund

            Planen bygger på `samarbejde` og tillid. Se også [baggrunden](#baggrund).

            Sidste afsnit.
            Næste afsnit.
            """,
        "artikler/kolding.md": """
            ---
            title: "Kolding prøver noget nyt"
            date: 2024-02-05
            kind: case
            summary: "Kolding samler kommunen og Æblegården om beskæftigelse."
            tags: [samarbejde, beskæftigelse]
            ---

            I Kolding arbejder Æblegården og kommunen sammen. Læs først [forklaringen](forklaring.md).

            ## Udfordringen

            Ledigheden er høj i området, og en helhedsplan skal hjælpe.
            """,
        "artikler/kladde.md": """
            ---
            title: "Hemmelig kladde"
            date: 2024-01-20
            kind: case
            summary: "Kladdeord i resuméet."
            tags: [kladdeemne]
            draft: true
            ---

            Kladdeteksten nævner en helhedsplan og ordet kladdeord.
            """,
        "artikler/fremtid.md": """
            ---
            title: "Fremtidig begivenhed"
            date: 2099-01-01
            kind: event
            summary: "Fremtidsord i resuméet."
            tags: [fremtidsemne]
            ---

            Fremtidsteksten nævner en helhedsplan og ordet fremtidsord.
            """,
        "ordforklaringer/helhedsplan.md": """
            ---
            title: "helhedsplan"
            summary: "En helhedsplan er en samlet plan for det boligsociale arbejde i et boligområde."
            aliases: [helhedsplaner, helhedsplanen]
            related: [beboerrådgiver]
            ---

            En helhedsplan løber typisk i fire år, og en beboerrådgiver kan være en del af den.
            """,
        "ordforklaringer/beboerraadgiver.md": """
            ---
            title: "beboerrådgiver"
            summary: "En beboerrådgiver hjælper beboerne med breve, økonomi og kontakt til kommunen."
            aliases: [beboerrådgivere]
            ---

            Beboerrådgiveren arbejder ofte i en helhedsplan.
            """,
        "billeder/hus.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#,
    ]
}

/// Attribute values and small HTML helpers for tests. (Tests may scan HTML; the build never does.)
enum HTMLScan {
    /// Values of `name="…"` attributes, entities decoded.
    static func attributes(_ name: String, in html: String) -> [String] {
        let pattern = try! Regex<(Substring, Substring)>(#"\s"# + name + #"="([^"]*)""#)
        return html.matches(of: pattern).map { decode(String($0.output.1)) }
    }

    /// Every `id="…"` on a page.
    static func ids(in html: String) -> Set<String> { Set(attributes("id", in: html)) }

    /// The `content` of `<meta name=…>` or `<meta property=…>`.
    static func meta(_ key: String, in html: String) -> String? {
        for tag in html.matches(of: /<meta [^>]*>/) {
            let text = String(tag.output)
            if attributes("name", in: text).first == key || attributes("property", in: text).first == key {
                return attributes("content", in: text).first
            }
        }
        return nil
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
