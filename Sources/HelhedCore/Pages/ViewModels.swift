import HelhedTemplates

/// The typed values templates receive. Field names are the template variables (documented in README.md);
/// every page template gets `layout` for the shared frame (head, header, footer).

struct SiteModel: Sendable, Hashable, Encodable {
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

/// The theme's own files in `Templates/assets/`, by role, with content-hashed names.
struct AssetURLs: Sendable, Hashable, Encodable {
    let stylesheet: String
    let script: String
    let searchScript: String
    /// The Danish stemmer the search script stems queries with, loaded before it.
    let stemmerScript: String
    let favicon: String
}

struct NavLink: Sendable, Hashable, Encodable {
    let label: String
    let url: String
    /// `page` on the page itself, `true` on the section the page belongs to, nil elsewhere (for `aria-current`).
    let current: String?
}

struct Crumb: Sendable, Hashable, Encodable {
    let label: String
    let url: String
}

struct Layout: Sendable, Hashable, Encodable {
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

/// `og:image`: the card picture's largest JPEG (or PNG), by its absolute address.
struct OpenGraphImage: Sendable, Hashable, Encodable {
    let url: String
    let width: Int
    let height: Int
    let type: String
}

/// A card's picture: the article's `image:` cropped to the card's shape, as WebP and a fallback at every card width.
/// Decorative on the card (the title beside it says what the article is), so the template gives it `alt=""`.
struct CardImage: Sendable, Hashable, Encodable {
    let src: String
    let srcset: String
    let webpSrcset: String
    let width: Int
    let height: Int
}

struct TagLink: Sendable, Hashable, Encodable {
    let name: String
    let url: String
}

struct ArticleCard: Sendable, Hashable, Encodable {
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

struct ContentsLink: Sendable, Hashable, Encodable {
    let text: String
    let id: String
}

struct ContentsSection: Sendable, Hashable, Encodable {
    let text: String
    let id: String
    let subsections: [ContentsLink]
    let hasSubsections: Bool
}

/// A glossary definition shown on a page that links the term; `id` is what the term links' `aria-describedby` names.
struct Definition: Sendable, Hashable, Encodable {
    let id: String
    let title: String
    let url: String
    let summary: String
}

struct PageLink: Sendable, Hashable, Encodable {
    let title: String
    let url: String
}

struct HomePage: Sendable, Hashable, Encodable {
    let layout: Layout
    /// Explainers, shown first.
    let featured: [ArticleCard]
    /// Case stories and other articles, newest first.
    let articles: [ArticleCard]
    let hasArticles: Bool
    let termCount: Int
}

struct ArticlePage: Sendable, Hashable, Encodable {
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

struct TermCard: Sendable, Hashable, Encodable {
    let title: String
    let url: String
    let summary: String
}

struct LetterGroup: Sendable, Hashable, Encodable {
    let letter: String
    let id: String
    let terms: [TermCard]
}

struct LetterLink: Sendable, Hashable, Encodable {
    let letter: String
    let url: String
    let hasTerms: Bool
}

struct GlossaryPage: Sendable, Hashable, Encodable {
    let layout: Layout
    let letters: [LetterLink]
    let groups: [LetterGroup]
    let termCount: Int
}

struct TermPage: Sendable, Hashable, Encodable {
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

struct NotFoundPage: Sendable, Hashable, Encodable {
    let layout: Layout
}

struct ArticlesPage: Sendable, Hashable, Encodable {
    let layout: Layout
    let articles: [ArticleCard]
}

struct TagSummary: Sendable, Hashable, Encodable {
    let name: String
    let url: String
    let count: Int
    /// "1 artikel" / "3 artikler"
    let countText: String
}

struct TagsPage: Sendable, Hashable, Encodable {
    let layout: Layout
    let tags: [TagSummary]
    let hasTags: Bool
}

struct TagPage: Sendable, Hashable, Encodable {
    let layout: Layout
    let name: String
    let countText: String
    let articles: [ArticleCard]
}

/// `/soeg/`: the form, and where `search.js` finds the index built at build time.
struct SearchPage: Sendable, Hashable, Encodable {
    let layout: Layout
    /// `soeg/index.json`
    let indexURL: String
}

/// An old address (see `Redirects`): a page that sends the reader on at once (`<meta http-equiv="refresh">`, which
/// every host serves), names the new address as canonical, keeps itself out of search engines, and shows the link
/// for readers whose browser does not follow. A page of its own, outside the layout: it is shown for a moment at most.
struct RedirectPage: Sendable, Hashable, Encodable {
    let siteTitle: String
    /// The title of the page it points to.
    let title: String
    /// The page's address (with the base URL's path), for the refresh and the link.
    let url: String
    /// The page's absolute address, for `<link rel="canonical">`.
    let canonicalURL: String
    let assets: AssetURLs
}

/// What a page template renders: a view model that can be compared with the last run's.
typealias PageModel = Encodable & Hashable & Sendable
