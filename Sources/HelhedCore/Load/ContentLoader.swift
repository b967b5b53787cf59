import Foundation

/// Everything read from `Content/`, before any Markdown is parsed.
struct LoadedContent: Sendable {
    var config: SiteConfig
    var articles: [Article]
    var terms: [GlossaryTerm]
    /// Files copied as they are (images, PDFs), by their path inside `Content/`.
    var staticFiles: [StaticFile]
    /// Paths inside `Content/` of the Markdown sources that could not be read as a page (their errors are reported),
    /// so that links to them are not reported as broken as well.
    var unreadablePaths: Set<String>
}

/// A file copied unchanged into the site.
struct StaticFile: Sendable, Hashable {
    /// Path inside the site, e.g. `billeder/kort.svg`.
    let sitePath: String
    let source: URL
}

/// Reads `Content/`: the site configuration, articles, glossary terms and the files to copy.
struct ContentLoader: Sendable {
    let root: URL
    /// How the folder is named in messages (`Content`).
    let displayRoot: String

    static let articleFolder = "artikler"
    static let glossaryFolder = "ordforklaringer"
    static let configFile = "site.yml"

    init(root: URL, displayRoot: String) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
    }

    func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }

    /// Reads the configuration and every file; a Markdown file whose stamp is unchanged since the memo's last run is
    /// not read again.
    func load(memo: SourceMemo, into diagnostics: inout Diagnostics) -> LoadedContent? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.error(displayRoot, .contentFolderMissing))
            return nil
        }
        let config = loadConfig(into: &diagnostics)

        var markdown: [MarkdownFile] = []
        var staticFiles: [StaticFile] = []
        for (relativePath, stamp) in listFiles(withStamps: memo.isEnabled, into: &diagnostics) {
            // The site's settings, its word list (for `helhed check`) and its record of published addresses are read,
            // never published.
            if relativePath == Self.configFile || relativePath == SiteWordList.fileName || relativePath == AddressRecord.fileName { continue }
            if relativePath.hasSuffix(".md") {
                if let folder = Self.markdownFolder(of: relativePath) {
                    markdown.append(MarkdownFile(relativePath: relativePath, isArticle: folder == Self.articleFolder, stamp: stamp))
                } else {
                    diagnostics.append(.warning(displayPath(relativePath), .markdownOutsideFolders,
                                                    ["articles": displayPath(Self.articleFolder), "glossary": displayPath(Self.glossaryFolder)]))
                }
            } else {
                staticFiles.append(StaticFile(sitePath: relativePath, source: root.appendingPathComponent(relativePath)))
            }
        }

        let loader = self
        let rootPath = root.path
        let parsed = memo.map(markdown, key: \.relativePath, inputs: { file in
            // A string path: building a URL per file costs more than the `stat` that decides whether to read it.
            SourceStamp(file.stamp ?? FileStamp(path: rootPath + "/" + file.relativePath))
        }, make: { file, _ in
            loader.parse(path: rootPath + "/" + file.relativePath, relativePath: file.relativePath, isArticle: file.isArticle)
        })
        for result in parsed { diagnostics.append(contentsOf: result.diagnostics) }
        guard let config else { return nil }
        return LoadedContent(
            config: config,
            articles: parsed.compactMap(\.article),
            terms: parsed.compactMap(\.term),
            staticFiles: staticFiles,
            // Known here: subtracting every page's path from a set of every Markdown path hashed some 30,000 paths
            // of a large site on one core.
            unreadablePaths: Set(zip(markdown, parsed).lazy.filter { $1.article == nil && $1.term == nil }.map(\.0.relativePath))
        )
    }

    private func loadConfig(into diagnostics: inout Diagnostics) -> SiteConfig? {
        let configPath = displayPath(Self.configFile)
        let configURL = root.appendingPathComponent(Self.configFile)
        guard let configData = FileManager.default.contents(atPath: configURL.path) else {
            diagnostics.append(.error(configPath, .siteConfigMissing))
            return nil
        }
        guard let configText = String(data: configData, encoding: .utf8) else {
            diagnostics.append(.error(configPath, .fileNotUTF8))
            return nil
        }
        return SiteConfig.parse(yaml: configText.replacingOccurrences(of: "\r\n", with: "\n"), path: configPath, into: &diagnostics)
    }

    private struct MarkdownFile: Sendable {
        let relativePath: String
        let isArticle: Bool
        /// From the listing, when it read one.
        let stamp: FileStamp?
    }

    /// The folder a Markdown file belongs to, `artikler` or `ordforklaringer`, when it is directly in one of them.
    /// (On the bytes, without splitting: this runs for every file of every rebuild.)
    private static func markdownFolder(of relativePath: String) -> String? {
        let bytes = relativePath.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), !bytes[bytes.index(after: slash)...].contains(UInt8(ascii: "/"))
        else { return nil }
        return [articleFolder, glossaryFolder].first { $0.utf8.elementsEqual(bytes[..<slash]) }
    }

    private func parse(path: String, relativePath: String, isArticle: Bool) -> ParsedSource {
        var diagnostics = Diagnostics()
        let display = displayPath(relativePath)
        guard let bytes = Self.contents(ofFile: path) else {
            return ParsedSource(diagnostics: [.error(display, .fileUnreadable)])
        }
        let source: SourceText
        do throws(Diagnostic) {
            source = try SourceText(path: display, contentPath: relativePath, bytes: bytes)
        } catch {
            return ParsedSource(diagnostics: [error])
        }
        if isArticle {
            return ParsedSource(article: Article.parse(source, into: &diagnostics), diagnostics: diagnostics.all)
        }
        return ParsedSource(term: GlossaryTerm.parse(source, into: &diagnostics), diagnostics: diagnostics.all)
    }
}
