import Foundation
import HelhedTemplates

/// `helhed serve`'s builds: one pipeline whose memos are kept between rebuilds, so a rebuild does only the work a
/// change requires, and the one place that says which files of the site changed. A failed rebuild changes nothing:
/// the next one compares with the last good site.
public final class IncrementalBuild: @unchecked Sendable {
    // @unchecked: every run holds `lock`.
    let options: BuildOptions
    private let pipeline: BuildPipeline
    private let lock = NSLock()
    private var previous: [String: OutputFile] = [:]
    /// The stamps of the source files of copied files, as they were when last compared.
    private var copiedStamps: [String: FileStamp] = [:]

    /// `remembers: false` regenerates everything on every rebuild (still reporting what changed): the benchmark's
    /// reference for the memos.
    public init(options: BuildOptions, remembers: Bool = true) {
        self.options = options
        pipeline = BuildPipeline(options: options, remembers: remembers)
    }

    public func rebuild() throws(BuildFailure) -> RebuildResult {
        lock.lock()
        defer { lock.unlock() }
        let sink = MemorySink()
        let run = pipeline.run(into: sink)
        if run.problems.hasErrors { throw BuildFailure(run.problems.sorted) }

        var change = SiteChange()
        var stamps: [String: FileStamp] = [:]
        let files = sink.sortedFiles
        for file in files {
            let old = previous[file.path]
            var isSame = old?.hasSameContents(as: file) == true
            if case .copy(let source) = file.contents {
                // A copied file names the same source every time: whether its bytes changed, its stamp says.
                stamps[file.path] = FileStamp(path: source.path)
                isSame = isSame && copiedStamps[file.path] != nil && copiedStamps[file.path] == stamps[file.path]
            }
            if old == nil {
                change.added.append(file.path)
            } else if !isSame {
                change.modified.append(file.path)
            }
        }
        change.removed = previous.keys.filter { sink.files[$0] == nil }.sorted()
        previous = sink.files
        copiedStamps = stamps
        return RebuildResult(files: files, change: change, renderedPageCount: run.renderedPageCount, warnings: run.problems.sorted,
                             content: run.site.map(SiteContent.init))
    }
}

/// What one rebuild produced.
public struct RebuildResult: Sendable {
    /// The complete current site, sorted by path.
    public let files: [OutputFile]
    /// What changed since the previous successful rebuild (everything is added the first time).
    public let change: SiteChange
    /// HTML pages rendered through the templates this time (the others were reused).
    public let renderedPageCount: Int
    public let warnings: [Diagnostic]
    /// The published site the rebuild read, for the writing aids (`PageNotesChecker`).
    public let content: SiteContent?

    init(files: [OutputFile], change: SiteChange, renderedPageCount: Int, warnings: [Diagnostic], content: SiteContent? = nil) {
        self.content = content
        self.files = files
        self.change = change
        self.renderedPageCount = renderedPageCount
        self.warnings = warnings
    }
}

/// What a rebuild changed in the site, by path, each list sorted.
public struct SiteChange: Sendable, Equatable {
    public var added: [String] = []
    public var removed: [String] = []
    public var modified: [String] = []

    public init(added: [String] = [], removed: [String] = [], modified: [String] = []) {
        self.added = added
        self.removed = removed
        self.modified = modified
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
    public var count: Int { added.count + removed.count + modified.count }
    public var all: [String] { (added + removed + modified).sorted() }
    /// Paths whose bytes are new or different.
    var changed: [String] { (added + modified).sorted() }
}
