import Foundation

/// What the writing aids know about the site as a whole, before reading any page: the words it establishes (for
/// spelling), the words its glossary avoids, its LIX targets, and the problems with those. Equal knowledge means a
/// page's notes depend on the page alone, which is how `helhed serve` knows to re-check only the pages that changed.
struct SiteKnowledge: Equatable {
    /// Glossary names, tags and `ordliste.txt`; nil without spelling (not asked for, or no dictionary).
    var siteWords: WritingAids.SiteWords?
    var preferred: PreferredTerms?
    var targets = ReadabilityTargets()
    /// Errors: a missing dictionary, a bad word list, `lix` or `avoid` field.
    var diagnostics: [Diagnostic] = []

    init(site: Site, options: BuildOptions, aids: Set<WritingAid>) {
        let loader = ContentLoader(root: options.contentFolder, displayRoot: options.displayName(options.contentFolder))
        if aids.contains(.spelling) {
            if let missing = DictionaryLocation.danish.missingDiagnostic {
                diagnostics.append(missing)
            } else {
                let wordList = SiteWordList(contentFolder: options.contentFolder, displayPath: loader.displayPath(SiteWordList.fileName))
                diagnostics += wordList.diagnostics
                siteWords = WritingAids.siteWords(site)
                siteWords?.inflecting += wordList.words
            }
        }
        if aids.contains(.preferredTerms) {
            preferred = PreferredTerms(terms: site.terms)
            diagnostics += preferred?.diagnostics ?? []
        }
        if aids.contains(.readability) {
            targets = ReadabilityTargets(contentFolder: options.contentFolder, displayPath: loader.displayPath(ContentLoader.configFile))
            diagnostics += targets.diagnostics
        }
    }

    /// Whether any aid needs the pages read: a dictionary, an avoided word or a LIX target.
    var needsPages: Bool {
        siteWords != nil || preferred.map { !$0.isEmpty } == true || !targets.targets.isEmpty
    }

    /// A page's warnings: what reading it found, and an article's LIX above its kind's target.
    func diagnostics(of page: PageID, in site: Site, analysis: WritingAids.PageResult) -> [Diagnostic] {
        guard case .article(let index) = page,
              let warning = targets.warning(for: site.articles[index], readability: analysis.readability) else { return analysis.diagnostics }
        return analysis.diagnostics + [warning]
    }
}

extension Site {
    /// An article's kind; nil for a glossary term.
    func kind(of page: PageID) -> ArticleKind? {
        guard case .article(let index) = page else { return nil }
        return articles[index].kind
    }
}
