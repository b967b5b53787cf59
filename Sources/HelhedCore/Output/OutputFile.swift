import Foundation

/// A file of the built site, by its path inside the output folder.
public struct OutputFile: Sendable, Equatable {
    public enum Contents: Sendable, Equatable {
        case text(String)
        case bytes([UInt8])
        /// Copied from a file of the content or theme.
        case copy(URL)
    }

    public let path: String
    public let contents: Contents

    init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// Whether both hold the same bytes (copied files: the same source). Byte for byte: `String ==` would call two
    /// texts equal that differ only in Unicode normalization, which for a file means it changed.
    func hasSameContents(as other: OutputFile) -> Bool {
        switch (contents, other.contents) {
        case (.text(var lhs), .text(var rhs)):
            return lhs.withUTF8 { lhs in
                rhs.withUTF8 { rhs in
                    lhs.count == rhs.count
                        && (lhs.baseAddress == rhs.baseAddress || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
                }
            }
        case (.bytes(let lhs), .bytes(let rhs)):
            // `Array ==` compares element by element: the feed and the search index are megabytes.
            return lhs.withUnsafeBytes { lhs in
                rhs.withUnsafeBytes { rhs in
                    lhs.count == rhs.count
                        && (lhs.baseAddress == rhs.baseAddress || lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
                }
            }
        default:
            return contents == other.contents
        }
    }

    /// The bytes of the file (reading copied files from disk).
    func data() throws -> Data {
        switch contents {
        case .text(let text): Data(text.utf8)
        case .bytes(let bytes): Data(bytes)
        case .copy(let url): try Data(contentsOf: url)
        }
    }
}
