import HelhedTemplates

/// Identifies a page made from a Markdown file.
enum PageID: Hashable, Sendable, Comparable {
    case article(Int)
    case term(Int)
}

/// What to include and where the site will live; from the command line.
public struct SiteOptions: Sendable {
    public var baseURL: BaseURL?
    var includeDrafts: Bool
    var includeFuture: Bool
    /// The day that decides what is "in the future"; injectable for tests.
    var today: Day

    public init(baseURL: BaseURL? = nil, includeDrafts: Bool = false, includeFuture: Bool = false) {
        self.init(baseURL: baseURL, includeDrafts: includeDrafts, includeFuture: includeFuture, today: .today())
    }

    init(baseURL: BaseURL? = nil, includeDrafts: Bool = false, includeFuture: Bool = false, today: Day) {
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.today = today
    }
}

/// The published site: the pages that will be built and the indexes every page is resolved against.
/// Built once, then shared read-only by the parallel page renderers.
struct Site: Sendable {
    let config: SiteConfig
    let articles: [Article]
    let terms: [GlossaryTerm]
    let staticFiles: [StaticFile]
    /// Related terms of each term, both the ones it names and the ones naming it, in Danish order.
    let relatedTerms: [[Int]]
    /// Finds every term's title and aliases in running text.
    let termMatcher: TermMatcher

    let pageByContentPath: [String: PageID]
    /// Markdown files that exist but are left out, with the reason, so a link to one is a clear error.
    let leftOutContentPaths: [String: String]
    let termByFoldedName: [[UInt8]: Int]
    /// Markdown files that could not be read (their errors are already reported).
    let unreadableContentPaths: Set<String>
    /// Names of terms left out (drafts), with the reason.
    let leftOutTermNames: [[UInt8]: String]
    let staticSitePaths: Set<String>
    let allTermNames: [String]

    var baseURL: BaseURL { config.baseURL }

    func sitePath(of page: PageID) -> String {
        switch page {
        case .article(let index): articles[index].sitePath
        case .term(let index): terms[index].sitePath
        }
    }

    /// The page's HTML file in the site, e.g. `artikler/kolding/index.html`.
    func htmlFile(of page: PageID) -> String { sitePath(of: page) + "index.html" }

    func source(of page: PageID) -> SourceText {
        switch page {
        case .article(let index): articles[index].source
        case .term(let index): terms[index].source
        }
    }

    func title(of page: PageID) -> String {
        switch page {
        case .article(let index): articles[index].title
        case .term(let index): terms[index].title
        }
    }

    func page(atContentPath path: String) -> PageID? { pageByContentPath[path] }

    func leftOutReason(forContentPath path: String) -> String? { leftOutContentPaths[path] }

    func isUnreadable(contentPath path: String) -> Bool { unreadableContentPaths.contains(path) }

    func isStaticFile(sitePath: String) -> Bool { staticSitePaths.contains(sitePath) }

    /// The term a name (title or alias, any case) stands for.
    func term(named name: String) -> Int? {
        termByFoldedName[TermMatcher.fold(name.trimmingWhitespace())]
    }

    /// Why a term with this name is not published, if it exists but is left out.
    func leftOutTerm(named name: String) -> String? {
        leftOutTermNames[TermMatcher.fold(name.trimmingWhitespace())]
    }

    func termSuggestions(for name: String) -> [String] {
        Suggestions.closest(to: name, among: allTermNames)
    }

    /// A fingerprint of everything a body's rendering depends on besides its own Markdown: addresses of pages and
    /// files, what is left out, the glossary's names, addresses and definitions, and the site's Markdown settings.
    /// Bodies rendered under the same fingerprint need not be rendered again.
    func linkContextFingerprint(generatedSitePaths: Set<String>) -> Int {
        // Sets and dictionaries enter as the wrapping sum of their elements' own hashes, which does not depend on the
        // order they are visited in: sorting the tens of thousands of paths of a large site first cost more than the
        // hashing, in the serial part of every build.
        func unordered<S: Sequence>(_ elements: S, _ hash: (S.Element, inout Hasher) -> Void) -> Int {
            var sum = 0
            for element in elements {
                var hasher = Hasher()
                hash(element, &hasher)
                sum &+= hasher.finalize()
            }
            return sum
        }
        var hasher = Hasher()
        hasher.combine(config.baseURL.description)
        hasher.combine(config.allowsRawHTML)
        hasher.combine(unordered(pageByContentPath) { entry, hasher in
            hasher.combine(entry.key)
            hasher.combine(entry.value)
            hasher.combine(sitePath(of: entry.value))
        })
        hasher.combine(unordered(leftOutContentPaths) { entry, hasher in
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        })
        hasher.combine(unordered(unreadableContentPaths) { $1.combine($0) })
        for term in terms {
            hasher.combine(term.names)
            hasher.combine(term.slug)
            hasher.combine(term.summary)
        }
        hasher.combine(unordered(leftOutTermNames.keys) { $1.combine($0) })
        hasher.combine(unordered(staticSitePaths) { $1.combine($0) })
        hasher.combine(unordered(generatedSitePaths) { $1.combine($0) })
        return hasher.finalize()
    }

    /// Chooses what is published, checks that addresses and names are unique, and builds the indexes.
    /// `matcherMemo` keeps the term automaton while the terms' names stay the same (building it was about 4 % of a
    /// rebuild's instructions).
    static func assemble(_ content: LoadedContent, options: SiteOptions, matcherMemo: TermMatcherMemo,
                         into diagnostics: inout Diagnostics) -> Site {
        var config = content.config
        if let baseURL = options.baseURL { config.baseURL = baseURL }

        var leftOut: [String: String] = [:]
        var articles: [Article] = []
        for article in content.articles {
            if article.isDraft && !options.includeDrafts {
                leftOut[article.source.contentPath] = "is a draft (draft: true); build with --drafts to include it"
            } else if article.date > options.today && !options.includeFuture {
                leftOut[article.source.contentPath] = "is dated in the future (\(article.date)); build with --future to include it"
            } else {
                articles.append(article)
            }
        }
        var terms: [GlossaryTerm] = []
        var leftOutTermNames: [[UInt8]: String] = [:]
        for term in content.terms {
            if term.isDraft && !options.includeDrafts {
                leftOut[term.source.contentPath] = "is a draft (draft: true); build with --drafts to include it"
                for name in term.names { leftOutTermNames[TermMatcher.fold(name)] = "is a draft (\(term.source.path))" }
            } else {
                terms.append(term)
            }
        }

        // The term automaton needs only the names: built on another core while this one checks the pages and names.
        let names = terms.map(\.names)
        let termMatcher = Concurrently { matcherMemo.value(key: 0, inputs: names) { _ in TermMatcher(names: names) } }

        var pageByContentPath: [String: PageID] = [:]
        var pageBySitePath: [String: SourceText] = [:]
        pageByContentPath.reserveCapacity(articles.count + terms.count)
        pageBySitePath.reserveCapacity(articles.count + terms.count)
        func register(_ page: PageID, source: SourceText, sitePath: String, line: Int) {
            pageByContentPath[source.contentPath] = page
            if let other = pageBySitePath[sitePath] {
                diagnostics.append(.error(source.path, line: line, "two pages would have the address /\(sitePath): this one and \(other.path); give one of them another title or a 'slug'"))
            } else {
                pageBySitePath[sitePath] = source
            }
        }
        for (index, article) in articles.enumerated() { register(.article(index), source: article.source, sitePath: article.sitePath, line: article.addressLine) }
        for (index, term) in terms.enumerated() { register(.term(index), source: term.source, sitePath: term.sitePath, line: term.addressLine) }

        var termByFoldedName: [[UInt8]: Int] = [:]
        for (index, term) in terms.enumerated() {
            for (position, located) in term.locatedNames.enumerated() {
                let name = located.value
                let folded = TermMatcher.fold(name)
                guard let other = termByFoldedName[folded] else {
                    termByFoldedName[folded] = index
                    continue
                }
                guard other != index else { continue }
                let otherTerm = terms[other]
                let what = position == 0 ? "the title" : "the alias"
                let clash = TermMatcher.fold(otherTerm.title) == folded ? "the title of another term" : "also an alias of another term"
                diagnostics.append(.error(term.source.path, line: located.line, "\(what) \"\(name)\" is \(clash) (\(otherTerm.source.path)); every name must point at one term"))
            }
        }

        let allTermNames = terms.flatMap(\.names)
        var declared: [Set<Int>] = Array(repeating: [], count: terms.count)
        for (index, term) in terms.enumerated() {
            for located in term.related {
                let name = located.value
                guard let target = termByFoldedName[TermMatcher.fold(name)] else {
                    let hint = Suggestions.closest(to: name, among: allTermNames)
                    let suggestion = hint.isEmpty ? "" : " (did you mean \(hint.map { "\"\($0)\"" }.joined(separator: ", "))?)"
                    diagnostics.append(.error(term.source.path, line: located.line, "front matter: 'related' names \"\(name)\", which is not a term of the glossary\(suggestion)"))
                    continue
                }
                if target != index {
                    declared[index].insert(target)
                    declared[target].insert(index)
                }
            }
        }
        let relatedTerms = declared.map { set in DanishText.sorted(Array(set)) { terms[$0].title } }

        return Site(
            config: config,
            articles: articles,
            terms: terms,
            staticFiles: content.staticFiles,
            relatedTerms: relatedTerms,
            termMatcher: termMatcher.value,
            pageByContentPath: pageByContentPath,
            leftOutContentPaths: leftOut,
            termByFoldedName: termByFoldedName,
            unreadableContentPaths: content.unreadablePaths,
            leftOutTermNames: leftOutTermNames,
            staticSitePaths: Set(content.staticFiles.map(\.sitePath)),
            allTermNames: allTermNames
        )
    }
}

/// The index stage's memo: the term automaton, by the terms' names.
typealias TermMatcherMemo = StageMemo<Int, [[String]], TermMatcher>
