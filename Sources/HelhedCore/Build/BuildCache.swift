import Foundation

/// What a generation may reuse from the one before: sources whose files did not change, bodies whose Markdown and
/// link context did not change, pages whose view model and templates did not change, feed and search entries whose
/// inputs did not change, and the term automaton while the terms' names stay the same. A full build starts empty;
/// `IncrementalGenerator` (the preview server) keeps one between rebuilds.
public struct BuildCache: Sendable {
    var sources: [String: CachedSource] = [:]
    var bodies: [String: CachedBody] = [:]
    var pages: [String: CachedPage] = [:]
    var publishing = PublishingFiles.Cache()
    var termMatcher: TermMatcher?
    var renderer = PageRenderer.Reusable()
    var templates: CachedTemplates?

    public init() {}
}

/// A file's identity on disk: if none of these changed, neither did the file.
public struct FileStamp: Hashable, Sendable {
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
    let inode: UInt64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(_ info: stat) {
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

// The cached entries are immutable objects, not structs: a rebuild hands every one of them from the old cache to the
// new one (and through `parallelMap`), and copying a reference costs one retain where copying the struct retained
// every string and array in it (a third of a rebuild's time in `helhed serve` was such retains and releases).

/// A Markdown file as parsed last time.
final class CachedSource: Sendable {
    /// nil when the file could not be stat'ed; such an entry is never reused.
    let stamp: FileStamp?
    let parsed: ParsedSource

    init(stamp: FileStamp?, parsed: ParsedSource) {
        self.stamp = stamp
        self.parsed = parsed
    }
}

/// The result of reading one Markdown file.
struct ParsedSource: Sendable {
    var article: Article?
    var term: GlossaryTerm?
    var diagnostics: [Diagnostic]
}

/// A rendered body and everything it was rendered from.
final class CachedBody: Sendable {
    /// In the order they are compared: the cheap ones first, the Markdown (usually the same storage) last.
    struct Inputs: Equatable, Sendable {
        /// The link context (see `Site.linkContextFingerprint`).
        let context: Int
        let page: PageID
        let autolinksTerms: Bool
        let bodyLineOffset: Int
        let body: [UInt8]
    }

    let inputs: Inputs
    let rendered: RenderedBody

    init(inputs: Inputs, rendered: RenderedBody) {
        self.inputs = inputs
        self.rendered = rendered
    }
}

/// A rendered page, its model (and, for Markdown pages, what the model was made from) and the fingerprint of the
/// templates it was rendered with.
final class CachedPage: Sendable {
    let model: any PageModel
    let inputs: PageInputs?
    let templates: Int
    let file: OutputFile

    init(model: any PageModel, inputs: PageInputs?, templates: Int, file: OutputFile) {
        self.model = model
        self.inputs = inputs
        self.templates = templates
        self.file = file
    }
}

/// What the model of an article or term page is made from. Comparing these is much cheaper than making the model
/// (layout, table of contents, definitions, tag links) to compare it; values that share storage with the previous
/// build (an unchanged source's bytes, a reused body's HTML) compare in constant time.
enum PageInputs: Hashable, Sendable {
    /// `frame`: the site settings, assets and link context the page shows (see `PageRenderer.frame`).
    case article(Article, html: HTML, frame: Int)
    /// `usedIn`: the titles of the articles that mention the term, in order.
    case term(GlossaryTerm, html: HTML, related: [Int], usedIn: [String], frame: Int)
}

/// A piece of a file made from many pages (a feed entry, a search index entry) as made last time, and what it was
/// made from.
final class CachedEntry<Inputs: Hashable & Sendable>: Sendable {
    let inputs: Inputs
    let bytes: [UInt8]

    init(inputs: Inputs, bytes: [UInt8]) {
        self.inputs = inputs
        self.bytes = bytes
    }
}

typealias CachedFeedEntry = CachedEntry<Feed.EntryInputs>
typealias CachedSearchEntry = CachedEntry<SearchIndex.Inputs>

/// The loaded templates and the stamps of the files they came from.
struct CachedTemplates: Sendable {
    let stamps: [String: FileStamp]
    let set: TemplateSet
}

extension Hashable {
    /// Equality with a value of unknown type, opening the existential once (no `AnyHashable` boxes).
    func isEqual(to other: any Hashable) -> Bool {
        (other as? Self) == self
    }
}
