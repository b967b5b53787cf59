import Foundation

/// What one rebuild produced.
public struct RebuildResult: Sendable {
    /// The complete current site.
    public let files: [OutputFile]
    /// Output paths whose bytes changed since the previous successful rebuild (all paths the first time).
    public let changedPaths: [String]
    /// Output paths that are gone since the previous successful rebuild.
    public let removedPaths: [String]
    /// HTML pages rendered through the templates this time (the others were reused).
    public let renderedPageCount: Int
    public let warnings: [Diagnostic]
}

/// Rebuilds a site again and again (for `helhed serve`), doing only the work a change requires: files whose stamp is
/// unchanged are not parsed again, bodies whose Markdown and link context are unchanged are not rendered again, and
/// pages whose view model and templates are unchanged are not rendered again. A failed rebuild changes nothing, so
/// the next one compares with the last good site.
public final class IncrementalGenerator: @unchecked Sendable {
    public let options: BuildOptions
    private let lock = NSLock()
    private var cache: BuildCache? = BuildCache()
    private var previousFiles: [String: OutputFile] = [:]
    private var copiedStamps: [String: FileStamp] = [:]

    public init(options: BuildOptions) {
        self.options = options
    }

    public func rebuild() throws(BuildFailure) -> RebuildResult {
        lock.lock()
        defer { lock.unlock() }
        // Freeing what the previous rebuild cached (a site's worth of sources, bodies and pages) took milliseconds
        // between the save and the reload: it is let go on another thread instead.
        let replaced = cache
        defer { Self.releaseElsewhere(replaced) }
        let (site, rendered) = try SiteGenerator.generate(options, cache: &cache)

        var changed: [String] = []
        var current: [String: OutputFile] = [:]
        var stamps: [String: FileStamp] = [:]
        for file in site.files {
            current[file.path] = file
            let previous = previousFiles[file.path]
            if case .copy(let url) = file.contents {
                // A copied file is the same source path: whether its bytes changed, its stamp says.
                stamps[file.path] = FileStamp(path: url.path)
                if previous?.hasSameContents(as: file) != true || copiedStamps[file.path] == nil || copiedStamps[file.path] != stamps[file.path] {
                    changed.append(file.path)
                }
            } else if previous?.hasSameContents(as: file) != true {
                changed.append(file.path)
            }
        }
        let removed = previousFiles.keys.filter { current[$0] == nil }.sorted()
        previousFiles = current
        copiedStamps = stamps
        return RebuildResult(files: site.files, changedPaths: changed, removedPaths: removed, renderedPageCount: rendered,
                             warnings: site.warnings)
    }

    private static func releaseElsewhere(_ cache: BuildCache?) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(cache) {} }
    }
}
