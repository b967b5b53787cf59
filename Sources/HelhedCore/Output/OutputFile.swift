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

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// The bytes of the file (reading copied files from disk).
    public func data() throws -> Data {
        switch contents {
        case .text(let text): Data(text.utf8)
        case .bytes(let bytes): Data(bytes)
        case .copy(let url): try Data(contentsOf: url)
        }
    }
}
