import Foundation

/// Everything read from `Content/`, before any Markdown is parsed.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var articles: [Article]
    public var terms: [GlossaryTerm]
    /// Files copied as they are (images, PDFs), by their path inside `Content/`.
    public var staticFiles: [StaticFile]
    /// Paths inside `Content/` of the Markdown sources that could not be read as a page (their errors are reported),
    /// so that links to them are not reported as broken as well.
    public var unreadablePaths: Set<String>
}

/// A file copied unchanged into the site.
public struct StaticFile: Sendable, Hashable {
    /// Path inside the site, e.g. `billeder/kort.svg`.
    public let sitePath: String
    public let source: URL
}

/// Reads `Content/`: the site configuration, articles, glossary terms and the files to copy.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How the folder is named in messages (`Content`).
    public let displayRoot: String

    public static let articleFolder = "artikler"
    public static let glossaryFolder = "ordforklaringer"
    public static let configFile = "site.yml"

    public init(root: URL, displayRoot: String) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
    }

    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }

    public func load(into diagnostics: inout Diagnostics) -> LoadedContent? {
        var cache: [String: CachedSource]? = nil
        return load(into: &diagnostics, reusing: &cache)
    }

    /// Loads, reusing the parse of every Markdown file whose stamp is unchanged since `cache` was filled, and refilling
    /// it; a nil `cache` (a one-shot build) is neither read nor filled.
    func load(into diagnostics: inout Diagnostics, reusing cache: inout [String: CachedSource]?) -> LoadedContent? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.error(displayRoot, "the content folder does not exist (run helhed in the site's folder, or pass --content)"))
            return nil
        }
        let configPath = displayPath(Self.configFile)
        let configURL = root.appendingPathComponent(Self.configFile)
        guard let configData = FileManager.default.contents(atPath: configURL.path) else {
            diagnostics.append(.error(configPath, "the site configuration is missing; create it with title, description and base_url"))
            return nil
        }
        guard let configText = String(data: configData, encoding: .utf8) else {
            diagnostics.append(.error(configPath, "the file is not valid UTF-8; save it as UTF-8"))
            return nil
        }
        let config = SiteConfig.parse(yaml: configText.replacingOccurrences(of: "\r\n", with: "\n"), path: configPath, into: &diagnostics)

        var markdown: [(relativePath: String, folder: String, stamp: FileStamp?)] = []
        var staticFiles: [StaticFile] = []
        for (relativePath, stamp) in listFiles(withStamps: cache != nil, into: &diagnostics) {
            if relativePath == Self.configFile { continue }
            if relativePath.hasSuffix(".md") {
                if let folder = Self.markdownFolder(of: relativePath) {
                    markdown.append((relativePath, folder, stamp))
                } else {
                    diagnostics.append(.warning(displayPath(relativePath), "not part of the site: Markdown files belong directly in \(displayPath(Self.articleFolder))/ or \(displayPath(Self.glossaryFolder))/"))
                }
            } else {
                staticFiles.append(StaticFile(sitePath: relativePath, source: root.appendingPathComponent(relativePath)))
            }
        }

        let loader = self
        let previous = cache ?? [:]
        let keepsStamps = cache != nil
        let rootPath = root.path
        let parsed: [CachedSource] = markdown.parallelMap { entry in
            // A string path: building a URL per file costs more than the `stat` that decides whether to read it.
            let path = rootPath + "/" + entry.relativePath
            let stamp = entry.stamp ?? (keepsStamps ? FileStamp(path: path) : nil)
            if let stamp, let cached = previous[entry.relativePath], cached.stamp == stamp { return cached }
            return CachedSource(stamp: stamp, parsed: loader.parse(path: path, relativePath: entry.relativePath,
                                                                   isArticle: entry.folder == Self.articleFolder))
        }
        for result in parsed { diagnostics.append(contentsOf: result.parsed.diagnostics) }
        if cache != nil {
            cache = Dictionary(uniqueKeysWithValues: zip(markdown.lazy.map(\.relativePath), parsed))
        }
        guard let config else { return nil }
        return LoadedContent(
            config: config,
            articles: parsed.compactMap(\.parsed.article),
            terms: parsed.compactMap(\.parsed.term),
            staticFiles: staticFiles,
            // Known here: subtracting every page's path from a set of every Markdown path hashed some 30,000 paths
            // of a large site on one core.
            unreadablePaths: Set(zip(markdown, parsed).lazy.filter { $1.parsed.article == nil && $1.parsed.term == nil }.map(\.0.relativePath))
        )
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
            return ParsedSource(diagnostics: [.error(display, "the file cannot be read")])
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

    /// The bytes of a regular file, read straight into an array; nil when it cannot be read. (`FileManager.contents`
    /// made a `Data` that was then copied into an array.)
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // Room for one byte more than the size, so that one read normally sees the end; a file that grew since is
        // read on in a second loop.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    return
                } else if errno != EINTR {
                    failed = true
                    return
                }
            }
        }
        var rest = [UInt8](repeating: 0, count: bytes.count > status.st_size ? 64 * 1024 : 0)
        while !failed && !rest.isEmpty {
            let count = rest.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                bytes += rest[..<count]
            } else if count == 0 {
                break
            } else if errno != EINTR {
                failed = true
            }
        }
        return failed ? nil : bytes
    }

    /// Every regular file under the root, sorted, skipping hidden files. A symbolic link is followed only when it
    /// stays inside the root: content must never read from elsewhere.
    /// With each file, its stamp when listing already read it (a file reached through a symbolic link has none).
    /// `withStamps`: read every entry's stamp while listing (a rebuild compares them); without it, entries whose type
    /// the folder listing gives (regular files, folders) are not `lstat`ed at all, which saves a system call per file
    /// in the single-core start of a build.
    private func listFiles(withStamps: Bool, into diagnostics: inout Diagnostics) -> [(path: String, stamp: FileStamp?)] {
        let rootPath = root.resolvingSymlinksInPath().path
        var files: [(path: String, stamp: FileStamp?)] = []
        var folders = [""]
        var visitedFolders: Set<String> = [rootPath]
        // The resolved path of each folder being walked: an entry that is not a symbolic link resolves to its folder's
        // resolved path plus its name, which one `lstat` confirms. Resolving every path afresh cost a system call
        // per path component and made listing a large site a noticeable, single-core part of a build.
        var resolvedFolders: [String: String] = ["": rootPath]
        while let folder = folders.popLast() {
            let folderURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let entries = Self.entries(ofFolder: folderURL.path) else {
                diagnostics.append(.error(displayPath(folder), "the folder cannot be read"))
                continue
            }
            let visible = entries.filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
            let folderResolved = resolvedFolders[folder]
            // What each entry is: the listing says for regular files and folders when no stamp is needed; otherwise
            // one `lstat` each, on all cores (a rebuild in `helhed serve` stats every file of the site).
            let kinds: [EntryKind?] = switch (withStamps, folderResolved) {
            case (true, let resolvedFolder?): Self.kindsIfNotLinks(of: visible.map(\.name), inFolder: resolvedFolder)
            case (true, nil): Array(repeating: nil, count: visible.count)
            case (false, _): visible.map { Self.listedKind($0.type) }
            }
            for ((name, _), listedKind) in zip(visible, kinds) {
                let relativePath = folder.isEmpty ? name : folder + "/" + name
                if let folderResolved, let kind = listedKind ?? Self.kindIfNotALink(folderResolved + "/" + name) {
                    let resolved = folderResolved + "/" + name
                    switch kind {
                    case .folder:
                        if visitedFolders.insert(resolved).inserted {
                            folders.append(relativePath)
                            resolvedFolders[relativePath] = resolved
                        }
                    case .file(let stamp):
                        files.append((relativePath, stamp))
                    }
                    continue
                }
                let url = root.appendingPathComponent(relativePath)
                let resolved = url.resolvingSymlinksInPath().path
                if resolved != rootPath && !resolved.hasPrefix(rootPath + "/") {
                    diagnostics.append(.error(displayPath(relativePath), "a symbolic link that points outside \(displayRoot)/ (to \(resolved)); copy the file into \(displayRoot)/ instead"))
                    continue
                }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
                    diagnostics.append(.error(displayPath(relativePath), "a symbolic link that leads to no file (its target is missing, or links point at each other in a loop); remove it or copy the file here"))
                    continue
                }
                if isFolder.boolValue {
                    // A link back to a folder already seen would make the walk endless.
                    if visitedFolders.insert(resolved).inserted {
                        folders.append(relativePath)
                        resolvedFolders[relativePath] = resolved
                    }
                } else {
                    files.append((relativePath, nil))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private enum EntryKind: Sendable {
        case file(FileStamp?)
        case folder
    }

    /// The names in a folder with their types as the folder lists them (`DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_UNKNOWN`
    /// on file systems that do not say), without `.` and `..`; nil when it cannot be read.
    private static func entries(ofFolder path: String) -> [(name: String, type: UInt8)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }

    /// What the folder listing says an entry is, when that is enough: a regular file or a folder; nil for anything
    /// else (a symbolic link, or a file system that does not say), which `lstat` then decides.
    private static func listedKind(_ type: UInt8) -> EntryKind? {
        switch Int32(type) {
        case Int32(DT_REG): .file(nil)
        case Int32(DT_DIR): .folder
        default: nil
        }
    }

    /// What `lstat` says `path` is, or nil when it is a symbolic link or cannot be read (the caller then resolves it).
    private static func kindIfNotALink(_ path: String) -> EntryKind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return kindIfNotALink(status)
    }

    /// `kindIfNotALink` for each name in one folder, on all cores. Asked relative to the open folder, so that the
    /// kernel does not walk the folder's whole path again for every file.
    private static func kindsIfNotLinks(of names: [String], inFolder path: String) -> [EntryKind?] {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return names.map { kindIfNotALink(path + "/" + $0) } }
        defer { close(folder) }
        return names.parallelMap { name in
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return kindIfNotALink(status)
        }
    }

    private static func kindIfNotALink(_ status: stat) -> EntryKind? {
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return nil
        case S_IFDIR: return .folder
        default: return .file(FileStamp(status))
        }
    }
}
