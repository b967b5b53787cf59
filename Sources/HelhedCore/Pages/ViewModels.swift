import HelhedTemplates

/// The typed values templates receive. Field names are the template variables (documented in README.md);
/// every page template gets `layout` for the shared frame (head, header, footer).

struct SiteModel: Sendable, Hashable, Encodable {
    public let title: String
    public let description: String
    public let language: String
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

/// The theme's own files in `Templates/assets/`, by role, with content-hashed names.
struct AssetURLs: Sendable, Hashable, Encodable {
    public let stylesheet: String
    public let script: String
    let searchScript: String
    public let favicon: String
}

struct NavLink: Sendable, Hashable, Encodable {
    public let label: String
    public let url: String
    /// `page` on the page itself, `true` on the section the page belongs to, nil elsewhere (for `aria-current`).
    public let current: String?
}

struct Crumb: Sendable, Hashable, Encodable {
    public let label: String
    public let url: String
}

struct Layout: Sendable, Hashable, Encodable {
    public let site: SiteModel
    public let assets: AssetURLs
    /// The page's own title (its h1).
    public let title: String
    /// `<title>`: the page title and the site title.
    let documentTitle: String
    /// `<meta name="description">` and `og:description`.
    public let description: String
    let canonicalURL: String
    /// `website` or `article`, for `og:type`.
    let openGraphType: String
    public let nav: [NavLink]
    /// The trail above the h1; empty on the front page.
    let breadcrumbs: [Crumb]
    let hasBreadcrumbs: Bool
}

struct TagLink: Sendable, Hashable, Encodable {
    public let name: String
    public let url: String
}

struct ArticleCard: Sendable, Hashable, Encodable {
    public let title: String
    public let url: String
    public let kind: String
    /// `20. august 2022`
    public let date: String
    /// `2022-08-20`, for `<time datetime>`.
    let dateISO: String
    public let summary: String?
    public let tags: [TagLink]
}

struct ContentsLink: Sendable, Hashable, Encodable {
    public let text: String
    public let id: String
}

struct ContentsSection: Sendable, Hashable, Encodable {
    public let text: String
    public let id: String
    let subsections: [ContentsLink]
    let hasSubsections: Bool
}

/// A glossary definition shown on a page that links the term; `id` is what the term links' `aria-describedby` names.
struct Definition: Sendable, Hashable, Encodable {
    public let id: String
    public let title: String
    public let url: String
    public let summary: String
}

struct PageLink: Sendable, Hashable, Encodable {
    public let title: String
    public let url: String
}

struct HomePage: Sendable, Hashable, Encodable {
    public let layout: Layout
    /// Explainers, shown first.
    let featured: [ArticleCard]
    /// Case stories and other articles, newest first.
    public let articles: [ArticleCard]
    let hasArticles: Bool
    let termCount: Int
}

struct ArticlePage: Sendable, Hashable, Encodable {
    public let layout: Layout
    public let title: String
    public let kind: String
    public let date: String
    let dateISO: String
    let updated: String?
    let updatedISO: String?
    public let summary: String?
    public let tags: [TagLink]
    let hasTags: Bool
    public let body: HTML
    public let contents: [ContentsSection]
    let hasContents: Bool
    let definitions: [Definition]
    let hasDefinitions: Bool
}

struct TermCard: Sendable, Hashable, Encodable {
    public let title: String
    public let url: String
    public let summary: String
}

struct LetterGroup: Sendable, Hashable, Encodable {
    let letter: String
    public let id: String
    public let terms: [TermCard]
}

struct LetterLink: Sendable, Hashable, Encodable {
    let letter: String
    public let url: String
    let hasTerms: Bool
}

struct GlossaryPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    let letters: [LetterLink]
    let groups: [LetterGroup]
    let termCount: Int
}

struct TermPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    public let title: String
    public let summary: String
    public let aliases: [String]
    let hasAliases: Bool
    public let body: HTML
    public let related: [PageLink]
    let hasRelated: Bool
    /// "Bruges i": the articles that mention the term, in Danish order.
    let usedIn: [PageLink]
    let hasUsedIn: Bool
    let definitions: [Definition]
    let hasDefinitions: Bool
}

struct NotFoundPage: Sendable, Hashable, Encodable {
    public let layout: Layout
}

struct ArticlesPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    public let articles: [ArticleCard]
}

struct TagSummary: Sendable, Hashable, Encodable {
    public let name: String
    public let url: String
    public let count: Int
    /// "1 artikel" / "3 artikler"
    let countText: String
}

struct TagsPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    public let tags: [TagSummary]
    let hasTags: Bool
}

struct TagPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    public let name: String
    let countText: String
    public let articles: [ArticleCard]
}

/// `/soeg/`: the form, and where `search.js` finds the index built at build time.
struct SearchPage: Sendable, Hashable, Encodable {
    public let layout: Layout
    /// `soeg/index.json`
    let indexURL: String
}

/// What a page template renders: a view model that can be compared with the last run's.
typealias PageModel = Encodable & Hashable & Sendable
