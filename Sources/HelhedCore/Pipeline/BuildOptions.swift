import Foundation

/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var templatesFolder: URL
    var outputFolder: URL
    public var site: SiteOptions
    /// Paths in messages are shown relative to this folder (the current folder by default).
    var messageBase: URL

    public init(contentFolder: URL, templatesFolder: URL, outputFolder: URL, site: SiteOptions = SiteOptions(),
                messageBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.site = site
        self.messageBase = messageBase
    }

    /// The site's project folder, the content folder's parent: it holds the picture cache (`.helhed-cache/`).
    var projectFolder: URL { contentFolder.standardizedFileURL.deletingLastPathComponent() }

    /// A folder as the user knows it: relative to `messageBase` where possible.
    func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = messageBase.standardizedFileURL.path
        if path == base { return "." }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
