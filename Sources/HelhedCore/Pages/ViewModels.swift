/// The typed values templates receive. Field names are the template variables (documented in README.md);
/// every page template gets `layout` for the shared frame (head, header, footer).

public struct SiteModel: Sendable, Hashable {
    public let title: String
    public let description: String
    public let language: String
    public let publisher: String?
    /// Absolute address of the front page, e.g. `https://example.org/boligsocial/`.
    public let absoluteURL: String
    public let homeURL: String
    public let articlesURL: String
    public let glossaryURL: String
    public let tagsURL: String
    public let searchURL: String
    public let feedURL: String
}

/// The theme's own files in `Templates/assets/`, by role, with content-hashed names.
public struct AssetURLs: Sendable, Hashable {
    public let stylesheet: String
    public let script: String
    public let searchScript: String
    public let favicon: String
}

public struct NavLink: Sendable, Hashable {
    public let label: String
    public let url: String
    /// `page` on the page itself, `true` on the section the page belongs to, nil elsewhere (for `aria-current`).
    public let current: String?
}

public struct Crumb: Sendable, Hashable {
    public let label: String
    public let url: String
}

public struct Layout: Sendable, Hashable {
    public let site: SiteModel
    public let assets: AssetURLs
    /// The page's own title (its h1).
    public let title: String
    /// `<title>`: the page title and the site title.
    public let documentTitle: String
    /// `<meta name="description">` and `og:description`.
    public let description: String
    public let canonicalURL: String
    /// `website` or `article`, for `og:type`.
    public let openGraphType: String
    public let nav: [NavLink]
    /// The trail above the h1; empty on the front page.
    public let breadcrumbs: [Crumb]
    public let hasBreadcrumbs: Bool
}

public struct TagLink: Sendable, Hashable {
    public let name: String
    public let url: String
}

public struct ArticleCard: Sendable, Hashable {
    public let title: String
    public let url: String
    public let kind: String
    /// `20. august 2022`
    public let date: String
    /// `2022-08-20`, for `<time datetime>`.
    public let dateISO: String
    public let summary: String?
    public let tags: [TagLink]
}

public struct ContentsLink: Sendable, Hashable {
    public let text: String
    public let id: String
}

public struct ContentsSection: Sendable, Hashable {
    public let text: String
    public let id: String
    public let subsections: [ContentsLink]
    public let hasSubsections: Bool
}

/// A glossary definition shown on a page that links the term; `id` is what the term links' `aria-describedby` names.
public struct Definition: Sendable, Hashable {
    public let id: String
    public let title: String
    public let url: String
    public let summary: String
}

public struct PageLink: Sendable, Hashable {
    public let title: String
    public let url: String
}

public struct HomePage: Sendable, Hashable {
    public let layout: Layout
    /// Explainers, shown first.
    public let featured: [ArticleCard]
    /// Case stories and other articles, newest first.
    public let articles: [ArticleCard]
    public let hasArticles: Bool
    public let termCount: Int
}

public struct ArticlePage: Sendable, Hashable {
    public let layout: Layout
    public let title: String
    public let kind: String
    public let date: String
    public let dateISO: String
    public let updated: String?
    public let updatedISO: String?
    public let summary: String?
    public let tags: [TagLink]
    public let hasTags: Bool
    public let body: HTML
    public let contents: [ContentsSection]
    public let hasContents: Bool
    public let definitions: [Definition]
    public let hasDefinitions: Bool
}

public struct TermCard: Sendable, Hashable {
    public let title: String
    public let url: String
    public let summary: String
}

public struct LetterGroup: Sendable, Hashable {
    public let letter: String
    public let id: String
    public let terms: [TermCard]
}

public struct LetterLink: Sendable, Hashable {
    public let letter: String
    public let url: String
    public let hasTerms: Bool
}

public struct GlossaryPage: Sendable, Hashable {
    public let layout: Layout
    public let letters: [LetterLink]
    public let groups: [LetterGroup]
    public let termCount: Int
}

public struct TermPage: Sendable, Hashable {
    public let layout: Layout
    public let title: String
    public let summary: String
    public let aliases: [String]
    public let hasAliases: Bool
    public let body: HTML
    public let related: [PageLink]
    public let hasRelated: Bool
    /// "Bruges i": the articles that mention the term, in Danish order.
    public let usedIn: [PageLink]
    public let hasUsedIn: Bool
    public let definitions: [Definition]
    public let hasDefinitions: Bool
}

public struct NotFoundPage: Sendable, Hashable {
    public let layout: Layout
}

public struct ArticlesPage: Sendable, Hashable {
    public let layout: Layout
    public let articles: [ArticleCard]
}

public struct TagSummary: Sendable, Hashable {
    public let name: String
    public let url: String
    public let count: Int
    /// "1 artikel" / "3 artikler"
    public let countText: String
}

public struct TagsPage: Sendable, Hashable {
    public let layout: Layout
    public let tags: [TagSummary]
    public let hasTags: Bool
}

public struct TagPage: Sendable, Hashable {
    public let layout: Layout
    public let name: String
    public let countText: String
    public let articles: [ArticleCard]
}

/// `/soeg/`: the form, and where `search.js` finds the index built at build time.
public struct SearchPage: Sendable, Hashable {
    public let layout: Layout
    /// `soeg/index.json`
    public let indexURL: String
}
