import Foundation

/// The published site one rebuild read, for the writing aids of `helhed serve`; opaque outside the core.
public struct SiteContent: Sendable {
    let site: Site
}

/// The writing aids of one page: spelling, avoided words and its LIX target, as `helhed check` reports them.
public struct PageNotes: Sendable, Equatable {
    /// The page's HTML file in the site, e.g. `artikler/kolding/index.html`.
    public let sitePath: String
    /// The Markdown file, e.g. `Content/artikler/kolding.md`.
    public let sourcePath: String
    /// Warnings, by line and column.
    public let notes: [Diagnostic]
}

/// `helhed serve`'s writing aids: after a rebuild, checks the pages whose HTML changed, and every page when what the
/// site knows changed (its glossary names, tags, `ordliste.txt`, `avoid:` lists, LIX targets) or the first time.
///
/// Keeps one `SpellChecker` taught with the site's words between checks (teaching is the slow part), and hunspell's
/// answers. Not thread-safe (hunspell is not): use it from one task or serial queue at a time.
public final class PageNotesChecker {
    public struct Report: Sendable {
        /// Every page checked, with its notes (none for a page without), in the site's order.
        public var pages: [PageNotes] = []
        /// The checked pages whose HTML changed in the rebuild, by `sitePath`; the others were checked because the
        /// site's knowledge changed.
        public var changedPages: Set<String> = []
        /// Every page was checked: the first time, or the site's knowledge changed.
        public var checkedEveryPage = false
        /// Problems of the site as a whole: a missing dictionary, a bad word list, `lix` or `avoid` field.
        public var problems: [Diagnostic] = []
    }

    private let options: BuildOptions
    private let workers: Int
    private var knowledge: SiteKnowledge?
    private var checker: SpellChecker?
    private var answers = SharedSpellingAnswers()

    /// `workers`: how many cores a check of every page may use.
    public init(options: BuildOptions, workers: Int) {
        self.options = options
        self.workers = max(1, workers)
    }

    /// `changed`: what the rebuilds since the last check changed; `everyPage`: check every page anyway (a first
    /// build); the pages in `changed` are still the report's `changedPages`.
    public func check(_ content: SiteContent, changed: SiteChange, everyPage: Bool = false) -> Report {
        let site = content.site
        let knowledge = SiteKnowledge(site: site, options: options, aids: Set(WritingAid.allCases))
        var report = Report(problems: knowledge.diagnostics)
        let allPages = site.articles.indices.map(PageID.article) + site.terms.indices.map(PageID.term)
        let changedPaths = Set(changed.changed)
        report.changedPages = Set(allPages.lazy.map(site.htmlFile).filter(changedPaths.contains))

        let pages: [PageID]
        if everyPage || knowledge != self.knowledge || (knowledge.siteWords != nil && checker == nil) {
            report.checkedEveryPage = true
            pages = allPages
            self.knowledge = knowledge
            answers = SharedSpellingAnswers()
            checker = nil
            var checkers: [SpellChecker]?
            if let siteWords = knowledge.siteWords {
                let made = WritingAids.makeCheckers(min(workers, max(1, pages.count)), teaching: siteWords)
                checkers = made.checkers
                checker = checkers?.first
                if let failure = made.failure { report.problems.append(failure) }
            }
            guard knowledge.needsPages else { return report.listing(pages, of: site, notes: { _ in [] }) }
            let analyses = WritingAids.analyse(pages, of: site, workers: workers, checkers: checkers, shared: answers,
                                               preferred: knowledge.preferred)
            return report.listing(pages, of: site) { knowledge.diagnostics(of: pages[$0], in: site, analysis: analyses[$0]) }
        }
        pages = allPages.filter { report.changedPages.contains(site.htmlFile(of: $0)) }
        guard knowledge.needsPages else { return report.listing(pages, of: site, notes: { _ in [] }) }
        let analyses = WritingAids.analyse(pages, of: site, workers: 1, checkers: checker.map { [$0] }, shared: answers,
                                           preferred: knowledge.preferred)
        return report.listing(pages, of: site) { knowledge.diagnostics(of: pages[$0], in: site, analysis: analyses[$0]) }
    }
}

extension PageNotesChecker.Report {
    fileprivate func listing(_ pages: [PageID], of site: Site, notes: (Int) -> [Diagnostic]) -> Self {
        var report = self
        report.pages = pages.indices.map { index in
            PageNotes(sitePath: site.htmlFile(of: pages[index]), sourcePath: site.source(of: pages[index]).path,
                      notes: notes(index).sorted())
        }
        return report
    }
}
