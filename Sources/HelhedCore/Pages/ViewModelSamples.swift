import HelhedTemplates

/// Complete samples of every page model: every optional set, every list non-empty. The template check reflects
/// them to learn which names each template may use, and the tests render every template with them.
enum ViewModels {
    static let samples: [(name: String, sample: any PageModel)] = [
        ("index", HomePage.sample),
        ("article", ArticlePage.sample),
        ("glossary", GlossaryPage.sample),
        ("term", TermPage.sample),
        ("404", NotFoundPage.sample),
        ("articles", ArticlesPage.sample),
        ("tags", TagsPage.sample),
        ("tag", TagPage.sample),
        ("search", SearchPage.sample),
        ("redirect", RedirectPage.sample),
    ]
}

extension Layout {
    static let sample = Layout(
        site: SiteModel(title: "«site.title»", description: "«site.description»", language: "da", publisher: "«site.publisher»",
                        absoluteURL: "https://example.org/sti/", homeURL: "/sti/", articlesURL: "/sti/#artikler",
                        glossaryURL: "/sti/ordforklaringer/", tagsURL: "/sti/emner/", searchURL: "/sti/soeg/", feedURL: "/sti/feed.xml"),
        assets: AssetURLs(stylesheet: "/sti/assets/style.0.css", script: "/sti/assets/site.0.js", searchScript: "/sti/assets/search.0.js",
                          stemmerScript: "/sti/assets/stemmer.0.js",
                          favicon: "/sti/assets/favicon.svg"),
        title: "«layout.title»", documentTitle: "«layout.documentTitle»", description: "«layout.description»",
        canonicalURL: "https://example.org/sti/side/", openGraphType: "article",
        openGraphImage: OpenGraphImage(url: "https://example.org/sti/billeder/foto-kort-1200w-0.jpg", width: 1200, height: 630, type: "image/jpeg"),
        nav: [NavLink(label: "«nav.label»", url: "/sti/nav/", current: "page")],
        breadcrumbs: [Crumb(label: "«crumb.label»", url: "/sti/crumb/")], hasBreadcrumbs: true
    )
}

extension ArticleCard {
    static let sample = ArticleCard(title: "«card.title»", url: "/sti/artikler/kort/", kind: "«card.kind»", date: "«card.date»",
                                           dateISO: "2022-08-20", summary: "«card.summary»", tags: [TagLink.sample],
                                           image: CardImage(src: "/sti/billeder/foto-kort-600w-0.jpg", srcset: "/sti/billeder/foto-kort-600w-0.jpg 600w",
                                                            webpSrcset: "/sti/billeder/foto-kort-600w-0.webp 600w", width: 600, height: 315))
}

extension TagLink {
    static let sample = TagLink(name: "«tag.name»", url: "/sti/emner/emne/")
}

extension Definition {
    static let sample = Definition(id: "definition-ord", title: "«definition.title»", url: "/sti/ordforklaringer/ord/",
                                          summary: "«definition.summary»")
}

extension HomePage {
    static let sample = HomePage(layout: .sample, featured: [.sample], articles: [.sample], hasArticles: true, termCount: 1)
}

extension ArticlePage {
    static let sample = ArticlePage(
        layout: .sample, title: "«article.title»", kind: "«article.kind»", date: "«article.date»", dateISO: "2022-08-20",
        updated: "«article.updated»", updatedISO: "2022-09-01", summary: "«article.summary»", tags: [.sample], hasTags: true,
        body: HTML("<p>«article.body»</p>"),
        contents: [ContentsSection(text: "«contents.text»", id: "afsnit", subsections: [ContentsLink(text: "«subsection.text»", id: "under")],
                                   hasSubsections: true)],
        hasContents: true, definitions: [.sample], hasDefinitions: true
    )
}

extension GlossaryPage {
    static let sample = GlossaryPage(
        layout: .sample, letters: [LetterLink(letter: "«letter»", url: "#bogstav-a", hasTerms: true)],
        groups: [LetterGroup(letter: "«group.letter»", id: "bogstav-a",
                             terms: [TermCard(title: "«term.title»", url: "/sti/ordforklaringer/ord/", summary: "«term.summary»")])],
        termCount: 1
    )
}

extension TermPage {
    static let sample = TermPage(
        layout: .sample, title: "«term.title»", summary: "«term.summary»", aliases: ["«alias»"], hasAliases: true,
        body: HTML("<p>«term.body»</p>"), related: [PageLink(title: "«related.title»", url: "/sti/ordforklaringer/andet/")], hasRelated: true,
        usedIn: [PageLink(title: "«usedIn.title»", url: "/sti/artikler/artikel/")], hasUsedIn: true,
        definitions: [.sample], hasDefinitions: true
    )
}

extension NotFoundPage {
    static let sample = NotFoundPage(layout: .sample)
}

extension ArticlesPage {
    static let sample = ArticlesPage(layout: .sample, articles: [.sample])
}

extension TagsPage {
    static let sample = TagsPage(layout: .sample, tags: [TagSummary(name: "«tag.name»", url: "/sti/emner/emne/", count: 1, countText: "«tag.countText»")],
                                        hasTags: true)
}

extension TagPage {
    static let sample = TagPage(layout: .sample, name: "«tag.name»", countText: "«tag.countText»", articles: [.sample])
}

extension SearchPage {
    static let sample = SearchPage(layout: .sample, indexURL: "/sti/soeg/index.json")
}

extension RedirectPage {
    static let sample = RedirectPage(siteTitle: "«site.title»", title: "«redirect.title»", url: "/sti/artikler/ny/",
                                     canonicalURL: "https://example.org/sti/artikler/ny/", assets: Layout.sample.assets)
}
