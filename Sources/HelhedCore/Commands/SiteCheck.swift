import Foundation

/// `helhed check`: everything a build would report, without writing anything, plus warnings about the content:
///
/// - broken links and other build errors (from the build itself);
/// - pictures without alt text (the build's warning, at the picture's line);
/// - articles with no or an empty summary, and summaries (of articles and terms) still holding the `TODO`
///   placeholder `helhed new` writes;
/// - glossary terms no article uses: no published article mentions the term (by an automatic link, a `[[term]]` or a
///   Markdown link to its page), so the term's "Bruges i" list is empty;
/// - pages nothing links to: articles and terms that no *other* Markdown page links to in its body — by a Markdown
///   link, a `[[term]]` reference or an automatic term link. The lists the build makes (the front page, the article
///   list, the glossary, tag pages, "Relaterede ord" and "Bruges i") do not count: they link every page, so they
///   would hide nothing. A page linking to itself does not count either.
///
/// The checks on content run on the pages that are published with the same options (`--drafts`, `--future`), and
/// they run even when the build has errors, as long as the content could be read.
public enum SiteCheck {
    public struct Report: Sendable {
        /// Every error and warning, sorted by file and line.
        public let diagnostics: [Diagnostic]
        /// Pages checked (articles and terms); 0 when the content could not be read.
        let pageCount: Int

        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        var summary: String {
            summary(in: .english)
        }

        public func summary(in language: MessageLanguage) -> String {
            Message(.checkSummary, parts: [
                "pages": .count(pageCount, one: .pagesOne, many: .pagesMany),
                "errors": .count(errors.count, one: .errorsOne, many: .errorsMany),
                "warnings": .count(warnings.count, one: .warningsOne, many: .warningsMany),
            ]).rendered(in: language)
        }
    }

    public static func run(_ options: BuildOptions) -> Report {
        // Rendered and thrown away; the content checks read the site and bodies as far as the build got.
        let run = BuildPipeline(options: options, remembers: false).run(into: DiscardingSink())
        guard let site = run.site else { return Report(diagnostics: run.problems.sorted, pageCount: 0) }
        let diagnostics = run.problems.all + contentWarnings(site: site, bodies: run.bodies)
            // LIX targets from site.yml and `avoid:` words of terms; both are off until the content asks for them.
            // Spelling needs hunspell-da and runs with `check --spelling`.
            + WritingAids.check(site: site, options: options, aids: [.readability, .preferredTerms])
        return Report(diagnostics: Array(Set(diagnostics)).sorted(), pageCount: site.articles.count + site.terms.count)
    }

    /// The warnings about content; see the type's documentation for what each one means.
    static func contentWarnings(site: Site, bodies: [PageID: RenderedBody]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []

        for article in site.articles {
            let line = summaryLine(article.source)
            if let summary = article.summary {
                if summary.hasPrefix(NewContent.placeholderPrefix) {
                    warnings.append(.warning(article.source.path, line: line, .articleSummaryPlaceholder, ["summary": summary]))
                }
            } else {
                warnings.append(.warning(article.source.path, line: line, .articleWithoutSummary))
            }
        }
        for term in site.terms where term.summary.hasPrefix(NewContent.placeholderPrefix) {
            warnings.append(.warning(term.source.path, line: summaryLine(term.source), .termSummaryPlaceholder, ["summary": term.summary]))
        }

        var usedByArticles: Set<Int> = []
        var linkedFrom: [PageID: Set<PageID>] = [:]
        for (page, body) in bodies {
            if case .article = page { usedByArticles.formUnion(body.mentionedTerms) }
            for target in body.linkedPages where target != page { linkedFrom[target, default: []].insert(page) }
        }
        for (index, term) in site.terms.enumerated() where !usedByArticles.contains(index) {
            warnings.append(.warning(term.source.path, line: 1, .termUnused, ["term": term.title]))
        }
        let pages = site.articles.indices.map(PageID.article) + site.terms.indices.map(PageID.term)
        for page in pages where linkedFrom[page, default: []].isEmpty {
            let key: MessageKey = if case .article = page { .articleNotLinked } else { .termNotLinked }
            warnings.append(.warning(site.source(of: page).path, line: 1, key, ["title": site.title(of: page)]))
        }
        return warnings
    }

    /// The file line of `summary:`, or the opening `---` when there is none.
    static func summaryLine(_ source: SourceText) -> Int {
        (try? FrontMatter(yaml: source.frontMatter, path: source.path, firstLine: SourceText.frontMatterFirstLine))?.line(of: "summary") ?? 1
    }
}
