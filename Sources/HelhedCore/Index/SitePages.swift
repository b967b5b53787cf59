/// An emne (tag) and the articles that carry it.
struct Tag: Sendable {
    let name: String
    let slug: String
    /// Articles, newest first.
    let articles: [Int]

    var sitePath: String { Self.sitePath(slug: slug) }

    static func sitePath(slug: String) -> String { "\(SitePages.tagsPath)\(slug)/" }
}

/// Which pages the site has and in what order they are listed. Derived once from the `Site`.
struct SitePages: Sendable {
    let site: Site
    /// Every page made from a Markdown file: articles, then terms.
    let markdownPages: [PageID]
    /// Explainers first, then the rest newest first (the front page's order).
    let articlesForHome: [Int]
    /// All articles newest first.
    let articlesNewestFirst: [Int]
    /// Terms in Danish alphabetical order.
    let termsAlphabetically: [Int]
    /// Tags in Danish alphabetical order.
    let tags: [Tag]
    /// The slug of every tag name the articles use, made once: the tag pages and every card's tag links need it.
    let tagSlugs: [String: String]

    static let articlesPath = "artikler/"
    static let glossaryPath = "ordforklaringer/"
    static let tagsPath = "emner/"
    static let searchPath = "soeg/"
    static let notFoundPath = "404.html"
    static let feedPath = "feed.xml"
    static let sitemapPath = "sitemap.xml"
    static let robotsPath = "robots.txt"
    static let searchIndexPath = "soeg/index.json"

    /// Every page and file the build generates besides copied files, as paths inside the site.
    let generatedSitePaths: Set<String>
    /// A fingerprint of everything a body's rendering depends on besides its own Markdown (see
    /// `Site.linkContextFingerprint`); 0 unless asked for, since only a memo compares it.
    let linkContext: Int

    init(site: Site, fingerprintingLinkContext: Bool = false) {
        self.site = site
        markdownPages = site.articles.indices.map(PageID.article) + site.terms.indices.map(PageID.term)
        // Dates and titles read out once: comparing through `site.articles[i]` copied two whole articles per comparison.
        let dates = site.articles.map(\.date)
        let titles = site.articles.map(\.title)
        let newestFirst = site.articles.indices.sorted { lhs, rhs in
            if dates[lhs] != dates[rhs] { return dates[lhs] > dates[rhs] }
            return DanishText.precedes(titles[lhs], titles[rhs])
        }
        articlesNewestFirst = newestFirst
        articlesForHome = newestFirst.filter { site.articles[$0].kind == .explainer } + newestFirst.filter { site.articles[$0].kind != .explainer }
        termsAlphabetically = DanishText.sorted(Array(site.terms.indices)) { site.terms[$0].title }

        let tagSlugs = Dictionary(uniqueKeysWithValues: Set(site.articles.flatMap(\.tags)).map { ($0, Slug.make(from: $0)) })
        self.tagSlugs = tagSlugs
        var bySlug: [String: (name: String, articles: [Int])] = [:]
        for index in newestFirst {
            for name in site.articles[index].tags {
                guard let slug = tagSlugs[name], !slug.isEmpty else { continue }
                // Two names of this article with the same slug: it is listed once. (Its own entries come last, so
                // looking at the last one is enough; searching the whole list made this quadratic in a tag's size.)
                if bySlug[slug]?.articles.last == index { continue }
                bySlug[slug, default: (name, [])].articles.append(index)
            }
        }
        tags = DanishText.sorted(bySlug.map { Tag(name: $0.value.name, slug: $0.key, articles: $0.value.articles) }) { $0.name }
        generatedSitePaths = Self.generatedSitePaths(site: site, markdownPages: markdownPages, tags: tags)
        linkContext = fingerprintingLinkContext ? site.linkContextFingerprint(generatedSitePaths: generatedSitePaths) : 0
    }

    func autolinksTerms(_ page: PageID) -> Bool {
        switch page {
        case .article(let index): site.articles[index].autolinksTerms ?? site.config.autolinksTerms
        case .term(let index): site.terms[index].autolinksTerms ?? site.config.autolinksTerms
        }
    }

    /// Whether the page's pictures link to their published originals (`original:` in its front matter or `site.yml`).
    func publishesOriginals(_ page: PageID) -> Bool {
        switch page {
        case .article(let index): site.articles[index].publishesOriginals ?? site.config.publishesOriginals
        case .term: site.config.publishesOriginals
        }
    }

    private static func generatedSitePaths(site: Site, markdownPages: [PageID], tags: [Tag]) -> Set<String> {
        var paths: Set<String> = ["", Self.articlesPath, Self.glossaryPath, Self.tagsPath, Self.searchPath, Self.notFoundPath,
                                  Self.feedPath, Self.sitemapPath, Self.robotsPath, Self.searchIndexPath, RedirectsFile.path]
        for page in markdownPages { paths.insert(site.sitePath(of: page)) }
        for tag in tags { paths.insert(tag.sitePath) }
        return paths
    }
}
