import Foundation
@testable import HelhedCore
@testable import HelhedServe

/// A small site in a temporary folder: the repository's real templates, two articles, a glossary term, and one
/// static file of every type the server must label correctly. Next to it lies a secret the server must never show.
struct FixtureSite {
    let root: URL

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Public") }

    static let secret = "TOP-SECRET-FIXTURE"
    static let firstArticleBody = "Første artikel handler om en boligsocial indsats med et Testord i teksten."

    static let staticFiles: [(path: String, contentType: String)] = [
        ("filer/billede.png", "image/png"),
        ("filer/foto.jpg", "image/jpeg"),
        ("filer/foto.webp", "image/webp"),
        ("filer/ikon.ico", "image/x-icon"),
        ("filer/rapport.pdf", "application/pdf"),
        ("filer/data.json", "application/json"),
        ("filer/data.xml", "application/xml"),
        ("filer/noter.txt", "text/plain; charset=utf-8"),
        ("filer/skrift.woff2", "font/woff2"),
        ("filer/tegning.svg", "image/svg+xml"),
    ]

    static func make(baseURL: String = "https://example.org/") throws -> FixtureSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-serve-\(UUID().uuidString)")
        let site = FixtureSite(root: root)
        try FileManager.default.createDirectory(at: site.content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: site.templates)
        try site.write("../secret.txt", secret)
        try site.write("site.yml", """
            title: Testsitet
            description: Et lille site til at prøve helhed serve af.
            base_url: \(baseURL)
            language: da
            # The pictures under filer/ are served as they are (no page shows them): the server's types are tested.
            original: true

            """)
        try site.write("artikler/foerste.md", article(title: "Første artikel", body: firstArticleBody))
        try site.write("artikler/anden.md", """
            ---
            title: "Anden artikel"
            date: 2022-10-01
            kind: explainer
            summary: "Den anden artikel forklarer noget andet."
            tags:
              - test
            ---

            Anden artikel står her for at blive vist i listerne.

            """)
        try site.write("ordforklaringer/testord.md", """
            ---
            title: "Testord"
            summary: "Et ord, som testene slår op."
            aliases: []
            related: []
            ---

            Testord forklares her.

            """)
        // A real 1×1 PNG; the other files only need the right names.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
                            0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
                            0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
                            0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        try Data(png).write(to: site.content.appendingPathComponent("filer/billede.png").creatingFolder())
        for (path, _) in staticFiles where path != "filer/billede.png" {
            try site.write(path, "indhold af \(path)\n")
        }
        return site
    }

    static func article(title: String, body: String) -> String {
        """
        ---
        title: "\(title)"
        date: 2022-09-05
        kind: case
        summary: "Et resumé af \(title.lowercased())."
        tags:
          - test
        ---

        \(body)

        """
    }

    /// Writes the way editors save: a temporary file renamed over the old one.
    func write(_ contentPath: String, _ text: String) throws {
        let url = content.appendingPathComponent(contentPath).standardizedFileURL
        try Data(text.utf8).write(to: url.creatingFolder(), options: .atomic)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func options(port: UInt16 = 0, baseURL: BaseURL? = nil, polling: Bool = false) -> ServeOptions {
        var site = SiteOptions()
        site.baseURL = baseURL
        return ServeOptions(build: BuildOptions(contentFolder: content, templatesFolder: templates, outputFolder: output, site: site),
                            host: "127.0.0.1", port: port, explicitBaseURL: baseURL, forcePolling: polling,
                            debounce: .milliseconds(50))
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

extension URL {
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

/// A running preview of a fixture, with what it printed.
struct RunningPreview {
    let site: FixtureSite
    let server: PreviewServer
    let port: UInt16
    let url: URL
    let lines: LockedText

    static func start(_ site: FixtureSite, baseURL: BaseURL? = nil, polling: Bool = false) async throws -> RunningPreview {
        let lines = LockedText()
        let console = ServeConsole(info: { lines.append($0 + "\n") }, problem: { lines.append($0 + "\n") })
        let server = PreviewServer(options: site.options(baseURL: baseURL, polling: polling), console: console)
        let url = try await server.start()
        guard let port = server.port else { throw RawHTTPError(description: "no port after start") }
        return RunningPreview(site: site, server: server, port: port, url: url, lines: lines)
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPReply {
        try await RawHTTP.get(port, target, method: method, headers: headers)
    }

    func stop() async {
        await server.stop()
        site.remove()
    }
}

extension RunningPreview {
    /// Runs `body` against a started preview and always stops it (and removes the fixture) afterwards.
    static func with(_ site: FixtureSite, baseURL: BaseURL? = nil, polling: Bool = false,
                     _ body: (RunningPreview) async throws -> Void) async throws {
        let preview: RunningPreview
        do {
            preview = try await start(site, baseURL: baseURL, polling: polling)
        } catch {
            site.remove()
            throw error
        }
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }
}
