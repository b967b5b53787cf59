import Foundation
import HelhedTemplates

// HelhedCore's view models (Sources/HelhedCore/Render/ViewModels.swift) and their complete samples
// (ViewModelSamples.swift), copied with `Encodable` added, as HelhedCore will declare them: the theme is rendered with
// them by this module and by swift-mustache, and checked against them.

enum Theme {
    struct SiteModel: Encodable, Sendable, Hashable {
        let title: String
        let description: String
        let language: String
        let publisher: String?
        /// Absolute address of the front page, e.g. `https://example.org/boligsocial/`.
        let absoluteURL: String
        let homeURL: String
        let articlesURL: String
        let glossaryURL: String
        let tagsURL: String
        let searchURL: String
        let feedURL: String
    }

    struct AssetURLs: Encodable, Sendable, Hashable {
        let stylesheet: String
        let script: String
        let searchScript: String
        let favicon: String
    }

    struct NavLink: Encodable, Sendable, Hashable {
        let label: String
        let url: String
        /// `page` on the page itself, `true` on the section the page belongs to, nil elsewhere (for `aria-current`).
        let current: String?
    }

    struct Crumb: Encodable, Sendable, Hashable {
        let label: String
        let url: String
    }

    struct Layout: Encodable, Sendable, Hashable {
        let site: SiteModel
        let assets: AssetURLs
        /// The page's own title (its h1).
        let title: String
        /// `<title>`: the page title and the site title.
        let documentTitle: String
        /// `<meta name="description">` and `og:description`.
        let description: String
        let canonicalURL: String
        /// `website` or `article`, for `og:type`.
        let openGraphType: String
        /// An article's `image:` for `og:image`; nil elsewhere.
        let openGraphImage: OpenGraphImage?
        let nav: [NavLink]
        /// The trail above the h1; empty on the front page.
        let breadcrumbs: [Crumb]
        let hasBreadcrumbs: Bool
    }

    struct OpenGraphImage: Encodable, Sendable, Hashable {
        let url: String
        let width: Int
        let height: Int
        let type: String
    }

    struct CardImage: Encodable, Sendable, Hashable {
        let src: String
        let srcset: String
        let webpSrcset: String
        let width: Int
        let height: Int
    }

    struct TagLink: Encodable, Sendable, Hashable {
        let name: String
        let url: String
    }

    struct ArticleCard: Encodable, Sendable, Hashable {
        let title: String
        let url: String
        let kind: String
        /// `20. august 2022`
        let date: String
        /// `2022-08-20`, for `<time datetime>`.
        let dateISO: String
        let summary: String?
        let tags: [TagLink]
        let image: CardImage?
    }

    struct ContentsLink: Encodable, Sendable, Hashable {
        let text: String
        let id: String
    }

    struct ContentsSection: Encodable, Sendable, Hashable {
        let text: String
        let id: String
        let subsections: [ContentsLink]
        let hasSubsections: Bool
    }

    struct Definition: Encodable, Sendable, Hashable {
        let id: String
        let title: String
        let url: String
        let summary: String
    }

    struct PageLink: Encodable, Sendable, Hashable {
        let title: String
        let url: String
    }

    struct HomePage: Encodable, Sendable, Hashable {
        let layout: Layout
        /// Explainers, shown first.
        let featured: [ArticleCard]
        /// Case stories and other articles, newest first.
        let articles: [ArticleCard]
        let hasArticles: Bool
        let termCount: Int
    }

    struct ArticlePage: Encodable, Sendable, Hashable {
        let layout: Layout
        let title: String
        let kind: String
        let date: String
        let dateISO: String
        let updated: String?
        let updatedISO: String?
        let summary: String?
        let tags: [TagLink]
        let hasTags: Bool
        let body: HTML
        let contents: [ContentsSection]
        let hasContents: Bool
        let definitions: [Definition]
        let hasDefinitions: Bool
    }

    struct TermCard: Encodable, Sendable, Hashable {
        let title: String
        let url: String
        let summary: String
    }

    struct LetterGroup: Encodable, Sendable, Hashable {
        let letter: String
        let id: String
        let terms: [TermCard]
    }

    struct LetterLink: Encodable, Sendable, Hashable {
        let letter: String
        let url: String
        let hasTerms: Bool
    }

    struct GlossaryPage: Encodable, Sendable, Hashable {
        let layout: Layout
        let letters: [LetterLink]
        let groups: [LetterGroup]
        let termCount: Int
    }

    struct TermPage: Encodable, Sendable, Hashable {
        let layout: Layout
        let title: String
        let summary: String
        let aliases: [String]
        let hasAliases: Bool
        let body: HTML
        let related: [PageLink]
        let hasRelated: Bool
        /// "Bruges i": the articles that mention the term, in Danish order.
        let usedIn: [PageLink]
        let hasUsedIn: Bool
        let definitions: [Definition]
        let hasDefinitions: Bool
    }

    struct NotFoundPage: Encodable, Sendable, Hashable {
        let layout: Layout
    }

    struct ArticlesPage: Encodable, Sendable, Hashable {
        let layout: Layout
        let articles: [ArticleCard]
    }

    struct TagSummary: Encodable, Sendable, Hashable {
        let name: String
        let url: String
        let count: Int
        /// "1 artikel" / "3 artikler"
        let countText: String
    }

    struct TagsPage: Encodable, Sendable, Hashable {
        let layout: Layout
        let tags: [TagSummary]
        let hasTags: Bool
    }

    struct TagPage: Encodable, Sendable, Hashable {
        let layout: Layout
        let name: String
        let countText: String
        let articles: [ArticleCard]
    }

    struct SearchPage: Encodable, Sendable, Hashable {
        let layout: Layout
        /// `soeg/index.json`
        let indexURL: String
    }
}

extension Theme.Layout {
    static let sample = Theme.Layout(
        site: Theme.SiteModel(title: "«site.title»", description: "«site.description»", language: "da", publisher: "«site.publisher»",
                        absoluteURL: "https://example.org/sti/", homeURL: "/sti/", articlesURL: "/sti/#artikler",
                        glossaryURL: "/sti/ordforklaringer/", tagsURL: "/sti/emner/", searchURL: "/sti/soeg/", feedURL: "/sti/feed.xml"),
        assets: Theme.AssetURLs(stylesheet: "/sti/assets/style.0.css", script: "/sti/assets/site.0.js", searchScript: "/sti/assets/search.0.js",
                          favicon: "/sti/assets/favicon.svg"),
        title: "«layout.title»", documentTitle: "«layout.documentTitle»", description: "«layout.description»",
        canonicalURL: "https://example.org/sti/side/", openGraphType: "article",
        openGraphImage: Theme.OpenGraphImage(url: "https://example.org/sti/billeder/foto-kort-1200w-0.jpg", width: 1200, height: 630, type: "image/jpeg"),
        nav: [Theme.NavLink(label: "«nav.label»", url: "/sti/nav/", current: "page")],
        breadcrumbs: [Theme.Crumb(label: "«crumb.label»", url: "/sti/crumb/")], hasBreadcrumbs: true
    )
}

extension Theme.ArticleCard {
    static let sample = Theme.ArticleCard(title: "«card.title»", url: "/sti/artikler/kort/", kind: "«card.kind»", date: "«card.date»",
                                           dateISO: "2022-08-20", summary: "«card.summary»", tags: [Theme.TagLink.sample],
                                           image: Theme.CardImage(src: "/sti/billeder/foto-kort-600w-0.jpg", srcset: "/sti/billeder/foto-kort-600w-0.jpg 600w",
                                                                  webpSrcset: "/sti/billeder/foto-kort-600w-0.webp 600w", width: 600, height: 315))
}

extension Theme.TagLink {
    static let sample = Theme.TagLink(name: "«tag.name»", url: "/sti/emner/emne/")
}

extension Theme.Definition {
    static let sample = Theme.Definition(id: "definition-ord", title: "«definition.title»", url: "/sti/ordforklaringer/ord/",
                                          summary: "«definition.summary»")
}

extension Theme.HomePage {
    static let sample = Theme.HomePage(layout: .sample, featured: [.sample], articles: [.sample], hasArticles: true, termCount: 1)
}

extension Theme.ArticlePage {
    static let sample = Theme.ArticlePage(
        layout: .sample, title: "«article.title»", kind: "«article.kind»", date: "«article.date»", dateISO: "2022-08-20",
        updated: "«article.updated»", updatedISO: "2022-09-01", summary: "«article.summary»", tags: [.sample], hasTags: true,
        body: HTML("<p>«article.body»</p>"),
        contents: [Theme.ContentsSection(text: "«contents.text»", id: "afsnit", subsections: [Theme.ContentsLink(text: "«subsection.text»", id: "under")],
                                   hasSubsections: true)],
        hasContents: true, definitions: [.sample], hasDefinitions: true
    )
}

extension Theme.GlossaryPage {
    static let sample = Theme.GlossaryPage(
        layout: .sample, letters: [Theme.LetterLink(letter: "«letter»", url: "#bogstav-a", hasTerms: true)],
        groups: [Theme.LetterGroup(letter: "«group.letter»", id: "bogstav-a",
                             terms: [Theme.TermCard(title: "«term.title»", url: "/sti/ordforklaringer/ord/", summary: "«term.summary»")])],
        termCount: 1
    )
}

extension Theme.TermPage {
    static let sample = Theme.TermPage(
        layout: .sample, title: "«term.title»", summary: "«term.summary»", aliases: ["«alias»"], hasAliases: true,
        body: HTML("<p>«term.body»</p>"), related: [Theme.PageLink(title: "«related.title»", url: "/sti/ordforklaringer/andet/")], hasRelated: true,
        usedIn: [Theme.PageLink(title: "«usedIn.title»", url: "/sti/artikler/artikel/")], hasUsedIn: true,
        definitions: [.sample], hasDefinitions: true
    )
}

extension Theme.NotFoundPage {
    static let sample = Theme.NotFoundPage(layout: .sample)
}

extension Theme.ArticlesPage {
    static let sample = Theme.ArticlesPage(layout: .sample, articles: [.sample])
}

extension Theme.TagsPage {
    static let sample = Theme.TagsPage(layout: .sample, tags: [Theme.TagSummary(name: "«tag.name»", url: "/sti/emner/emne/", count: 1, countText: "«tag.countText»")],
                                        hasTags: true)
}

extension Theme.TagPage {
    static let sample = Theme.TagPage(layout: .sample, name: "«tag.name»", countText: "«tag.countText»", articles: [.sample])
}

extension Theme.SearchPage {
    static let sample = Theme.SearchPage(layout: .sample, indexURL: "/sti/soeg/index.json")
}

extension Theme {
    /// Every page template and the model it renders, with a complete sample.
    static let samples: [(name: String, sample: any Encodable & Sendable)] = [
        ("index", Theme.HomePage.sample),
        ("article", Theme.ArticlePage.sample),
        ("glossary", Theme.GlossaryPage.sample),
        ("term", Theme.TermPage.sample),
        ("404", Theme.NotFoundPage.sample),
        ("articles", Theme.ArticlesPage.sample),
        ("tags", Theme.TagsPage.sample),
        ("tag", Theme.TagPage.sample),
        ("search", Theme.SearchPage.sample),
    ]

    /// The theme's templates, read from the repository (nothing copied).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")
}
