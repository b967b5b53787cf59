import Foundation

/// `Templates/assets/`, copied to `assets/` in the site. Stylesheets and scripts get a content hash in their names
/// (`style.3f2a9c1d07.css`), so a host can let browsers cache them forever.
struct ThemeAssets: Sendable {
    let files: [OutputFile]
    let urls: AssetURLs
    /// Site paths of every asset, by its name in the theme (`style.css` → `assets/style.3f2a….css`).
    let sitePaths: [String: String]

    static let folder = "assets"

    init(templatesFolder: URL, displayFolder: String, baseURL: BaseURL) throws(BuildFailure) {
        let folder = templatesFolder.appendingPathComponent(Self.folder)
        var files: [OutputFile] = []
        var sitePaths: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for relativePath in Self.listFiles(folder) {
            let source = folder.appendingPathComponent(relativePath)
            var outputName = relativePath
            let ext = (relativePath as NSString).pathExtension
            if ext == "css" || ext == "js" {
                guard let data = FileManager.default.contents(atPath: source.path) else {
                    diagnostics.append(.error("\(displayFolder)/\(Self.folder)/\(relativePath)", .fileUnreadable))
                    continue
                }
                let stem = (relativePath as NSString).deletingPathExtension
                outputName = "\(stem).\(ContentHash.hex(of: data)).\(ext)"
                files.append(OutputFile(path: "\(Self.folder)/\(outputName)", contents: .bytes(Array(data))))
            } else {
                files.append(OutputFile(path: "\(Self.folder)/\(outputName)", contents: .copy(source)))
            }
            sitePaths[relativePath] = "\(Self.folder)/\(outputName)"
        }
        func url(_ name: String) -> String {
            guard let path = sitePaths[name] else {
                diagnostics.append(.error("\(displayFolder)/\(Self.folder)/\(name)", .themeFileMissing))
                return ""
            }
            return baseURL.link(to: path)
        }
        urls = AssetURLs(stylesheet: url("style.css"), script: url("site.js"), searchScript: url("search.js"),
                         stemmerScript: url("stemmer.js"), favicon: url("favicon.svg"))
        self.files = files
        self.sitePaths = sitePaths
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
    }

    private static func listFiles(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

/// A short, stable fingerprint of file contents (FNV-1a, 64 bit). Not for security: only to change a name when the
/// contents change.
enum ContentHash {
    static func hex(of data: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(10))
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
