import Foundation

/// Paths as the user typed them (relative to the current folder where possible), for terminal lines and banners.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        of(url.standardizedFileURL.path)
    }

    static func of(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        if path == current { return "." }
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
