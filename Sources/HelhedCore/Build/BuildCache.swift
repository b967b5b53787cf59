import Foundation

/// What a generation may reuse from the one before: sources whose files did not change, bodies whose Markdown and
/// link context did not change, and pages whose view model and templates did not change. A full build starts empty;
/// `IncrementalGenerator` (the preview server) keeps one between rebuilds.
public struct BuildCache: Sendable {
    var sources: [String: CachedSource] = [:]
    var bodies: [String: CachedBody] = [:]
    var pages: [String: CachedPage] = [:]
    var searchEntries: [String: CachedSearchEntry] = [:]
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

/// A Markdown file as parsed last time.
struct CachedSource: Sendable {
    /// nil when the file could not be stat'ed; such an entry is never reused.
    let stamp: FileStamp?
    let parsed: ParsedSource
}

/// The result of reading one Markdown file.
struct ParsedSource: Sendable {
    var article: Article?
    var term: GlossaryTerm?
    var diagnostics: [Diagnostic]
}

/// A rendered body and everything it was rendered from.
struct CachedBody: Sendable {
    let body: [UInt8]
    let bodyLineOffset: Int
    let page: PageID
    let autolinksTerms: Bool
    let context: Int
    let rendered: RenderedBody
}

/// A rendered page, its model (and, for Markdown pages, what the model was made from) and the fingerprint of the
/// templates it was rendered with.
struct CachedPage: Sendable {
    let model: any PageModel
    let inputs: PageInputs?
    let templates: Int
    let file: OutputFile
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
