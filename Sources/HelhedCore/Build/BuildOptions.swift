import Foundation

/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var templatesFolder: URL
    public var outputFolder: URL
    public var site: SiteOptions

    public init(contentFolder: URL, templatesFolder: URL, outputFolder: URL, site: SiteOptions = SiteOptions()) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.site = site
    }

    /// Folders as the user named them, relative to the current folder where possible, for messages.
    static func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        if path == current { return "." }
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
