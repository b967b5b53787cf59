import Foundation

/// One file of the served site, ready to send: bytes, type and the validator browsers send back.
struct ServedFile: Sendable {
    let bytes: Data
    /// Quoted, as it goes into the `ETag` header.
    let etag: String
    let contentType: String

    init(bytes: Data, path: String) {
        self.bytes = bytes
        self.etag = "\"\(Fingerprint.hex(of: bytes))-\(bytes.count)\""
        self.contentType = ContentTypes.forPath(path)
    }

    var isHTML: Bool { ContentTypes.isHTML(contentType) }
}

/// The whole built site in memory, as of one successful rebuild. Immutable: a rebuild makes a new snapshot and the
/// store swaps it in, so a request always sees one complete site, never a mix of two.
struct SiteSnapshot: Sendable {
    /// By site path, e.g. `artikler/kolding/index.html`.
    let files: [String: ServedFile]
    /// Every folder that holds a file, without the trailing slash (`artikler`, `artikler/kolding`).
    let folders: Set<String>
    /// Where the site lives on this server, decoded for matching request paths: `/` or a sub-path like `/boligsocial/`.
    let basePath: String
    /// The same, percent-encoded as in links, for `Location` headers and the URLs sent to browsers.
    let encodedBasePath: String
    /// Counts successful rebuilds; pages carry it so a reconnecting browser can tell that it missed one.
    let generation: Int

    /// `folders`: those of a snapshot with the same paths, when the caller knows them (a rebuild that added and
    /// removed nothing), to save working them out again.
    init(files: [String: ServedFile], encodedBasePath: String, generation: Int, folders known: Set<String>? = nil) {
        self.files = files
        self.encodedBasePath = encodedBasePath
        self.basePath = encodedBasePath.removingPercentEncoding ?? encodedBasePath
        self.generation = generation
        if let known {
            folders = known
            return
        }
        var folders: Set<String> = []
        for path in files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                guard folders.insert(parts.joined(separator: "/")).inserted else { break }
                parts = parts.dropLast()
            }
        }
        self.folders = folders
    }

    enum Lookup: Equatable {
        case file(String)
        /// `x` names a folder: the browser should ask for `x/`, so that relative links inside it resolve.
        case folder
        case missing
    }

    func lookup(_ sitePath: String) -> Lookup {
        if sitePath.isEmpty || sitePath.hasSuffix("/") {
            let index = sitePath + "index.html"
            return files[index] == nil ? .missing : .file(index)
        }
        if files[sitePath] != nil { return .file(sitePath) }
        return folders.contains(sitePath) ? .folder : .missing
    }

    static let notFoundPage = "404.html"

    /// The URL a browser shows for a site path: `artikler/kolding/index.html` → `/artikler/kolding/`.
    func url(of sitePath: String) -> String {
        var path = sitePath
        if path == "index.html" || path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return encodedBasePath + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}

/// FNV-1a, 64 bit, over raw bytes: a validator for `ETag`, not a security measure.
enum Fingerprint {
    static func hex(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }
}
