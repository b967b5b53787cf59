/// Turns the site and its rendered bodies into view models and renders every HTML page through the templates.
struct PageRenderer: Sendable {
    let site: Site
    let pages: SitePages
    let bodies: [PageID: RenderedBody]
    let templates: TemplateSet
    let assets: AssetURLs
    let siteModel: SiteModel
    /// The main menu and the breadcrumb trails, made once per build (the same few links were made anew for every page).
    private let navigation: Navigation
    /// Articles that mention each term, in Danish order: the terms' "Bruges i".
    let usedIn: [[Int]]
    /// Every article's card, made once: the front page, the article list and the tag pages all show them.
    let cards: [ArticleCard]
    /// Every term's entry in the "Ord i artiklen" box, made once: pages share them as they share the terms.
    private let termDefinitions: [Definition]
    /// A fingerprint of everything outside a Markdown page that its model shows: the site settings, the theme's assets
    /// and the link context (addresses, the glossary's names and definitions).
    let frame: Int
    /// For the next rebuild (nil in a one-shot build).
    let reusable: Reusable?

    /// What the renderer made from the articles alone, for the next rebuild: the Danish ranks of their titles and
    /// their cards. A rebuild after one edit reuses all of it but the edited article's card.
    struct Reusable: Sendable {
        fileprivate var baseURL: BaseURL?
        fileprivate var titleOrder = TitleOrder(titles: [], ranks: [])
        fileprivate var cards: [String: (article: Article, card: ArticleCard)] = [:]

        init() {}
    }

    /// With `reusing`, ranks and cards of unchanged articles come from the previous rebuild and `reusable` keeps
    /// this one's; without it (a one-shot build) nothing is kept.
    /// `titleOrder`: `titleOrder(of: site.articles, reusing: previous)`, worked out before (it needs only the site).
    init(site: Site, pages: SitePages, bodies: [PageID: RenderedBody], templates: TemplateSet, assets: AssetURLs, linkContext: Int,
         titleOrder: TitleOrder, reusing previous: Reusable? = nil) {
        self.site = site
        self.pages = pages
        self.bodies = bodies
        self.templates = templates
        self.assets = assets
        let base = site.baseURL
        siteModel = SiteModel(
            title: site.config.title, description: site.config.description, language: site.config.language,
            publisher: site.config.publisher, absoluteURL: base.absolute(""), homeURL: base.link(to: ""),
            articlesURL: base.link(to: SitePages.articlesPath), glossaryURL: base.link(to: SitePages.glossaryPath),
            tagsURL: base.link(to: SitePages.tagsPath), searchURL: base.link(to: SitePages.searchPath), feedURL: base.link(to: SitePages.feedPath)
        )
        navigation = Navigation(base: base)
        var usedIn: [[Int]] = Array(repeating: [], count: site.terms.count)
        for index in site.articles.indices {
            for term in bodies[.article(index)]?.mentionedTerms ?? [] { usedIn[term].append(index) }
        }
        // One Danish sort of all titles, then each list by position: a Danish sort per term cost more than rendering.
        let titleRank = titleOrder.ranks
        self.usedIn = usedIn.map { articles in articles.sorted { titleRank[$0] < titleRank[$1] } }
        termDefinitions = site.terms.map { term in
            Definition(id: PageTransformer.definitionIDPrefix + term.slug, title: term.title, url: base.link(to: term.sitePath), summary: term.summary)
        }
        let tagSlugs = pages.tagSlugs
        let previousCards = previous?.baseURL == site.baseURL ? previous?.cards ?? [:] : [:]
        cards = site.articles.parallelMap { article in
            if let reused = previousCards[article.sitePath], reused.article == article { return reused.card }
            return Self.card(article, site: site, tagSlugs: tagSlugs)
        }
        if previous != nil {
            var kept = Reusable()
            kept.baseURL = site.baseURL
            kept.titleOrder = titleOrder
            kept.cards = Dictionary(zip(site.articles, cards).map { ($0.sitePath, ($0, $1)) }, uniquingKeysWith: { first, _ in first })
            reusable = kept
        } else {
            reusable = nil
        }
        var frame = Hasher()
        frame.combine(linkContext)
        frame.combine(siteModel)
        frame.combine(assets)
        self.frame = frame.finalize()
    }

    /// The articles' titles and each one's position in their Danish order.
    struct TitleOrder: Sendable {
        let titles: [String]
        let ranks: [Int]
    }

    /// The previous rebuild's order when no title changed.
    static func titleOrder(of articles: [Article], reusing previous: Reusable?) -> TitleOrder {
        let titles = articles.map(\.title)
        if let previous, previous.titleOrder.titles == titles { return previous.titleOrder }
        return TitleOrder(titles: titles, ranks: DanishText.ranks(of: titles))
    }

    /// Every HTML page of the site, rendered in parallel (each task reads only shared, immutable values). A page whose
    /// view model and templates equal those of `previous` is not rendered again.
    func renderAll(reusing previous: [String: CachedPage] = [:]) -> (files: [OutputFile], cache: [String: CachedPage], rendered: Int) {
        let results = jobs.parallelMap { job -> (page: CachedPage, isNew: Bool) in
            let (path, template, inputs) = (path(job), template(job), inputs(job))
            let fingerprint = templates.fingerprints[template] ?? 0
            let cached = previous[path].flatMap { $0.templates == fingerprint ? $0 : nil }
            // A Markdown page whose inputs are unchanged needs no model: most pages of a rebuild end here.
            if let cached, let inputs, cached.inputs == inputs { return (cached, false) }
            let model = model(job)
            if let cached, cached.model.isEqual(to: model) { return (CachedPage(model: model, inputs: inputs, templates: fingerprint, file: cached.file), false) }
            let file = OutputFile(path: path, contents: templates.renderContents(template, model))
            return (CachedPage(model: model, inputs: inputs, templates: fingerprint, file: file), true)
        }
        var cache: [String: CachedPage] = [:]
        cache.reserveCapacity(results.count)
        var files: [OutputFile] = []
        files.reserveCapacity(results.count)
        for result in results {
            files.append(result.page.file)
            cache[result.page.file.path] = result.page
        }
        return (files, cache, results.filter(\.isNew).count)
    }

    /// Every HTML page, handed over `size` pages at a time (each batch rendered in parallel), so that a caller can
    /// write them and let them go instead of holding every page of a large site in memory (`helhed build`; nothing
    /// is cached).
    func renderAll<Failure: Error>(inBatchesOf size: Int, _ deliver: ([OutputFile]) throws(Failure) -> Void) throws(Failure) {
        let jobs = self.jobs
        var start = 0
        while start < jobs.count {
            let end = start + min(size, jobs.count - start)
            try deliver(Array(jobs[start..<end]).parallelMap { job in
                OutputFile(path: path(job), contents: templates.renderContents(template(job), model(job)))
            })
            start = end
        }
    }

    /// The path of every page `renderAll` makes, known before any is rendered.
    var outputPaths: [String] { jobs.map(path) }

    private enum Job: Sendable {
        case home, articles, glossary, tags, search, notFound
        case page(PageID)
        case tag(Int)
    }

    private var jobs: [Job] {
        [.home, .articles, .glossary, .tags, .search, .notFound] + pages.markdownPages.map(Job.page) + pages.tags.indices.map(Job.tag)
    }

    private func path(_ job: Job) -> String {
        switch job {
        case .home: "index.html"
        case .articles: SitePages.articlesPath + "index.html"
        case .glossary: SitePages.glossaryPath + "index.html"
        case .tags: SitePages.tagsPath + "index.html"
        case .search: SitePages.searchPath + "index.html"
        case .notFound: SitePages.notFoundPath
        case .page(let page): site.sitePath(of: page) + "index.html"
        case .tag(let index): pages.tags[index].sitePath + "index.html"
        }
    }

    private func template(_ job: Job) -> String {
        switch job {
        case .home: "index"
        case .articles: "articles"
        case .glossary: "glossary"
        case .tags: "tags"
        case .search: "search"
        case .notFound: "404"
        case .page(.article): "article"
        case .page(.term): "term"
        case .tag: "tag"
        }
    }

    /// What a Markdown page's model is made from, for pages whose model is costly to make (see `PageInputs`).
    private func inputs(_ job: Job) -> PageInputs? {
        switch job {
        case .page(.article(let index)):
            return .article(site.articles[index], html: bodies[.article(index)]?.html ?? HTML(""), frame: frame)
        case .page(.term(let index)):
            let usedIn = usedIn[index].map { site.articles[$0].title }
            return .term(site.terms[index], html: bodies[.term(index)]?.html ?? HTML(""), related: site.relatedTerms[index], usedIn: usedIn, frame: frame)
        default:
            return nil
        }
    }

    private func model(_ job: Job) -> any PageModel {
        switch job {
        case .home: home()
        case .articles: articleList()
        case .glossary: glossary()
        case .tags: tagList()
        case .search: searchPage()
        case .notFound: notFound()
        case .page(.article(let index)): article(index)
        case .page(.term(let index)): term(index)
        case .tag(let index): tag(index)
        }
    }

    // MARK: Shared frame

    private enum Section {
        case home, articles, glossary, tags, search, none
    }

    private struct Navigation {
        /// The menu's sections: label, path, section, address.
        let sections: [(label: String, path: String, section: Section, url: String)]
        /// The menu on a page inside each section (not the section's own front page, where its link is the page).
        let menuInside: [Section: [NavLink]]
        let homeCrumb, articlesCrumb, glossaryCrumb, tagsCrumb: Crumb

        init(base: BaseURL) {
            let menu: [(String, String, Section)] = [
                ("Forside", "", .home), ("Artikler", SitePages.articlesPath, .articles), ("Ordforklaringer", SitePages.glossaryPath, .glossary),
                ("Emner", SitePages.tagsPath, .tags), ("Søg", SitePages.searchPath, .search),
            ]
            sections = menu.map { label, path, section in (label, path, section, base.link(to: path)) }
            var menuInside: [Section: [NavLink]] = [:]
            for section in [Section.home, .articles, .glossary, .tags, .search, .none] {
                menuInside[section] = sections.map { NavLink(label: $0.label, url: $0.url, current: $0.section == section ? "true" : nil) }
            }
            self.menuInside = menuInside
            homeCrumb = Crumb(label: sections[0].label, url: sections[0].url)
            articlesCrumb = Crumb(label: sections[1].label, url: sections[1].url)
            glossaryCrumb = Crumb(label: sections[2].label, url: sections[2].url)
            tagsCrumb = Crumb(label: sections[3].label, url: sections[3].url)
        }

        func menu(at sitePath: String, in section: Section) -> [NavLink] {
            guard sections.contains(where: { $0.path == sitePath }) else { return menuInside[section] ?? [] }
            return sections.map { NavLink(label: $0.label, url: $0.url, current: $0.path == sitePath ? "page" : $0.section == section ? "true" : nil) }
        }
    }

    private func layout(title: String, description: String?, sitePath: String, section: Section, isArticle: Bool = false,
                        crumbs: [Crumb] = []) -> Layout {
        let base = site.baseURL
        let nav = navigation.menu(at: sitePath, in: section)
        let trail = section == .home ? [] : [navigation.homeCrumb] + crumbs
        return Layout(
            site: siteModel, assets: assets, title: title,
            documentTitle: section == .home ? site.config.title : "\(title) – \(site.config.title)",
            description: description ?? site.config.description,
            canonicalURL: base.absolute(sitePath), openGraphType: isArticle ? "article" : "website",
            nav: nav, breadcrumbs: trail, hasBreadcrumbs: !trail.isEmpty
        )
    }

    // MARK: Pages

    private func home() -> HomePage {
        let cards = pages.articlesForHome.map(card)
        let featured = pages.articlesForHome.filter { site.articles[$0].kind == .explainer }.map(card)
        return HomePage(layout: layout(title: site.config.title, description: nil, sitePath: "", section: .home),
                        featured: featured, articles: Array(cards.dropFirst(featured.count)), hasArticles: cards.count > featured.count,
                        termCount: site.terms.count)
    }

    private func articleList() -> ArticlesPage {
        ArticlesPage(layout: layout(title: "Artikler", description: "Alle artikler, nyeste først.", sitePath: SitePages.articlesPath, section: .articles),
                     articles: pages.articlesNewestFirst.map(card))
    }

    private func article(_ index: Int) -> ArticlePage {
        let article = site.articles[index]
        let body = bodies[.article(index)]!
        return ArticlePage(
            layout: layout(title: article.title, description: article.summary, sitePath: article.sitePath, section: .articles,
                           isArticle: true, crumbs: [navigation.articlesCrumb]),
            title: article.title, kind: article.kind.label, date: article.date.danish, dateISO: article.date.description,
            updated: article.updated?.danish, updatedISO: article.updated?.description, summary: article.summary,
            tags: cards[index].tags, hasTags: !article.tags.isEmpty, body: body.html,
            contents: contents(body), hasContents: !body.tableOfContents.isEmpty,
            definitions: definitions(body), hasDefinitions: !body.linkedTerms.isEmpty
        )
    }

    private func glossary() -> GlossaryPage {
        var groups: [(letter: String, terms: [TermCard])] = []
        for index in pages.termsAlphabetically {
            let term = site.terms[index]
            let letter = DanishText.filingLetter(of: term.title)
            let card = TermCard(title: term.title, url: site.baseURL.link(to: term.sitePath), summary: term.summary)
            if groups.last?.letter == letter {
                groups[groups.count - 1].terms.append(card)
            } else {
                groups.append((letter, [card]))
            }
        }
        let withTerms = Set(groups.map(\.letter))
        let letters = (DanishText.alphabet + (withTerms.contains("#") ? ["#"] : [])).map { letter in
            LetterLink(letter: letter, url: "#" + Self.letterID(letter), hasTerms: withTerms.contains(letter))
        }
        return GlossaryPage(
            layout: layout(title: "Ordforklaringer", description: "Ordforklaringer: de vigtigste begreber om boligsociale indsatser, fra A til Å.",
                           sitePath: SitePages.glossaryPath, section: .glossary),
            letters: letters,
            groups: groups.map { LetterGroup(letter: $0.letter, id: Self.letterID($0.letter), terms: $0.terms) },
            termCount: site.terms.count
        )
    }

    static func letterID(_ letter: String) -> String {
        letter == "#" ? "bogstav-andre" : "bogstav-" + Slug.make(from: letter)
    }

    private func term(_ index: Int) -> TermPage {
        let term = site.terms[index]
        let body = bodies[.term(index)]!
        let related = site.relatedTerms[index].map { PageLink(title: site.terms[$0].title, url: site.baseURL.link(to: site.terms[$0].sitePath)) }
        let usedIn = usedIn[index].map { PageLink(title: site.articles[$0].title, url: site.baseURL.link(to: site.articles[$0].sitePath)) }
        return TermPage(
            layout: layout(title: term.title, description: term.summary, sitePath: term.sitePath, section: .glossary, crumbs: [navigation.glossaryCrumb]),
            title: term.title, summary: term.summary, aliases: term.aliases.map(\.value), hasAliases: !term.aliases.isEmpty, body: body.html,
            related: related, hasRelated: !related.isEmpty, usedIn: usedIn, hasUsedIn: !usedIn.isEmpty,
            definitions: definitions(body), hasDefinitions: !body.linkedTerms.isEmpty
        )
    }

    private func tagList() -> TagsPage {
        let summaries = pages.tags.map { tag in
            TagSummary(name: tag.name, url: site.baseURL.link(to: tag.sitePath), count: tag.articles.count, countText: Self.articleCount(tag.articles.count))
        }
        return TagsPage(layout: layout(title: "Emner", description: "Artiklerne samlet efter emne.", sitePath: SitePages.tagsPath, section: .tags),
                        tags: summaries, hasTags: !summaries.isEmpty)
    }

    private func tag(_ index: Int) -> TagPage {
        let tag = pages.tags[index]
        return TagPage(
            layout: layout(title: "Emne: \(tag.name)", description: "Artikler om \(tag.name).", sitePath: tag.sitePath, section: .tags, crumbs: [navigation.tagsCrumb]),
            name: tag.name, countText: Self.articleCount(tag.articles.count), articles: tag.articles.map(card)
        )
    }

    private func searchPage() -> SearchPage {
        SearchPage(layout: layout(title: "Søg", description: "Søg i artikler og ordforklaringer om boligsociale indsatser.",
                                  sitePath: SitePages.searchPath, section: .search),
                   indexURL: site.baseURL.link(to: SitePages.searchIndexPath))
    }

    private func notFound() -> NotFoundPage {
        NotFoundPage(layout: layout(title: "Siden findes ikke", description: nil, sitePath: SitePages.notFoundPath, section: .none))
    }

    // MARK: Parts

    private func card(_ index: Int) -> ArticleCard {
        cards[index]
    }

    private static func card(_ article: Article, site: Site, tagSlugs: [String: String]) -> ArticleCard {
        ArticleCard(title: article.title, url: site.baseURL.link(to: article.sitePath), kind: article.kind.label,
                    date: article.date.danish, dateISO: article.date.description, summary: article.summary,
                    tags: tagLinks(article.tags, site: site, tagSlugs: tagSlugs))
    }

    private static func tagLinks(_ names: [String], site: Site, tagSlugs: [String: String]) -> [TagLink] {
        var seen: Set<String> = []
        return names.compactMap { name in
            guard let slug = tagSlugs[name], !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return TagLink(name: name, url: site.baseURL.link(to: Tag.sitePath(slug: slug)))
        }
    }

    private func contents(_ body: RenderedBody) -> [ContentsSection] {
        body.tableOfContents.map { entry in
            ContentsSection(text: entry.text, id: entry.id, subsections: entry.children.map { ContentsLink(text: $0.text, id: $0.id) },
                            hasSubsections: !entry.children.isEmpty)
        }
    }

    private func definitions(_ body: RenderedBody) -> [Definition] {
        body.linkedTerms.map { termDefinitions[$0] }
    }

    static func articleCount(_ count: Int) -> String {
        count == 1 ? "1 artikel" : "\(count) artikler"
    }
}
