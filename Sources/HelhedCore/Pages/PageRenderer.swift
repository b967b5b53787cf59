import HelhedTemplates

/// The pages stage: turns the site and its rendered bodies into view models and renders every HTML page through the
/// templates, in batches handed to the output sink as they are done, so a large site is never whole in memory.
struct PageRenderer: Sendable {
    let site: Site
    let pages: SitePages
    let bodies: [PageID: RenderedBody]
    /// Old addresses, each rendered as a page that sends the reader on.
    let redirects: [Redirect]
    /// The articles' card pictures (`image:`), for cards and `og:image`.
    let pictures: SitePictures
    let templates: TemplateSet
    let assets: AssetURLs
    let siteModel: SiteModel
    let navigation: Navigation
    /// Articles that mention each term, in Danish order: the terms' "Bruges i".
    let usedIn: [[Int]]
    /// Every article's card, made once: the front page, the article list and the tag pages all show them.
    let cards: [ArticleCard]
    /// Every term's entry in the "Ord i artiklen" box, made once: pages share them as they share the terms.
    let termDefinitions: [Definition]
    /// A fingerprint of everything outside a Markdown page that its model shows: the site settings, the theme's assets
    /// and the link context (addresses, the glossary's names and definitions). Only a memo compares it.
    let frame: Int

    /// How many pages are handed to the sink at once: enough for both cores, few enough to stay small in memory.
    static let batchSize = 512

    init(pages: SitePages, bodies: [PageID: RenderedBody], redirects: [Redirect] = [], pictures: SitePictures = .none,
         templates: TemplateSet, assets: AssetURLs, memo: PageMemo) {
        let site = pages.site
        self.site = site
        self.pages = pages
        self.bodies = bodies
        self.redirects = redirects
        self.pictures = pictures
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
        let titles = site.articles.map(\.title)
        let titleRank = memo.titleRanks.value(key: 0, inputs: titles) { _ in DanishText.ranks(of: titles) }
        self.usedIn = usedIn.map { articles in articles.sorted { titleRank[$0] < titleRank[$1] } }
        termDefinitions = site.terms.map { term in
            Definition(id: PageTransformer.definitionIDPrefix + term.slug, title: term.title, url: base.link(to: term.sitePath), summary: term.summary)
        }
        let tagSlugs = pages.tagSlugs
        let articles = Array(zip(site.articles, site.articles.indices.map { pictures.cards[$0] }))
        cards = memo.cards.map(articles, key: \.0.sitePath, inputs: { CardInputs(article: $0.0, image: $0.1, baseURL: base) }) { article, _ in
            Self.card(article.0, image: article.1, site: site, tagSlugs: tagSlugs)
        }
        frame = memo.pages.isEnabled ? Self.frame(site: site, siteModel: siteModel, assets: assets, pages: pages, pictures: pictures) : 0
    }

    /// Renders every page into `sink`, reusing from the memo each page whose model and templates are unchanged.
    /// Returns how many pages there are and how many were rendered.
    func render(memo: PageMemo, into sink: any OutputSink) throws(BuildFailure) -> (pages: Int, rendered: Int) {
        let jobs = self.jobs
        let renderer = self
        let thisRun = RenderedPage.RunToken()
        var rendered = 0
        var start = 0
        // Each batch is written while the next one renders: writing is one thread's system calls, and the cores
        // would otherwise wait for it. One write at a time, in order, as the sink expects.
        var writing: Concurrently<Result<Void, BuildFailure>>?
        while start < jobs.count {
            let batch = Array(jobs[start..<min(jobs.count, start + Self.batchSize)])
            let made = memo.pages.map(batch, key: renderer.path, inputs: renderer.memoInputs) { job, previous in
                let model = renderer.model(job)
                let fingerprint = renderer.templates.fingerprint(of: renderer.template(job))
                // A Markdown page whose model did not change (a new link context that changed nothing it shows).
                if let previous, previous.templates == fingerprint, previous.model.isEqual(to: model) { return previous }
                let file = OutputFile(path: renderer.path(job), contents: .bytes(renderer.templates.render(renderer.template(job), model)))
                return RenderedPage(model: model, templates: fingerprint, file: file, run: thisRun)
            }
            rendered += made.lazy.filter { $0.run === thisRun }.count
            try writing?.value.get()
            let files = made.map(\.file), target = UncheckedSendable(sink)
            writing = Concurrently { Result { () throws(BuildFailure) in try target.value.write(files) } }
            start += batch.count
        }
        try writing?.value.get()
        return (jobs.count, rendered)
    }

    /// The path of every page `render` makes, known before any is rendered.
    var outputPaths: [String] { jobs.map(path) }

    enum Job: Sendable {
        case home, articles, glossary, tags, search, notFound
        case page(PageID)
        case tag(Int)
        case redirect(Int)
    }

    private var jobs: [Job] {
        [.home, .articles, .glossary, .tags, .search, .notFound] + pages.markdownPages.map(Job.page) + pages.tags.indices.map(Job.tag)
            + redirects.indices.map(Job.redirect)
    }

    func path(_ job: Job) -> String {
        switch job {
        case .home: "index.html"
        case .articles: SitePages.articlesPath + "index.html"
        case .glossary: SitePages.glossaryPath + "index.html"
        case .tags: SitePages.tagsPath + "index.html"
        case .search: SitePages.searchPath + "index.html"
        case .notFound: SitePages.notFoundPath
        case .page(let page): site.htmlFile(of: page)
        case .tag(let index): pages.tags[index].sitePath + "index.html"
        case .redirect(let index): SiteAddress.outputPath(of: redirects[index].from)
        }
    }

    func template(_ job: Job) -> String {
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
        case .redirect: "redirect"
        }
    }

    func model(_ job: Job) -> any PageModel {
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
        case .redirect(let index): redirect(index)
        }
    }
}
