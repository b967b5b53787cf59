/// What an article is: it decides where it is listed.
public enum ArticleKind: String, Sendable, CaseIterable {
    case explainer
    case caseStory = "case"
    case event

    /// The Danish label readers see.
    var label: String {
        switch self {
        case .explainer: "Forklaring"
        case .caseStory: "Case"
        case .event: "Arrangement"
        }
    }
}

/// An article from `Content/artikler/`.
struct Article: Sendable, Hashable {
    /// One object for all the fields (see `Shared`).
    private let fields: Shared<Fields>

    private struct Fields: Sendable, Hashable {
        let source: SourceText
        let title: String
        let date: Day
        let updated: Day?
        let kind: ArticleKind
        let summary: String?
        let tags: [String]
        let isDraft: Bool
        let slug: String
        let addressLine: Int
        let autolinksTerms: Bool?
        let image: Located<String>?
        let publishesOriginals: Bool?
        let sitePath: String
        let oldAddresses: [Located<String>]
    }

    var source: SourceText { fields.value.source }
    var title: String { fields.value.title }
    var date: Day { fields.value.date }
    var updated: Day? { fields.value.updated }
    var kind: ArticleKind { fields.value.kind }
    var summary: String? { fields.value.summary }
    var tags: [String] { fields.value.tags }
    var isDraft: Bool { fields.value.isDraft }
    var slug: String { fields.value.slug }
    /// The line that decides the address: `slug` when given, else `title`.
    var addressLine: Int { fields.value.addressLine }
    /// nil: follow the site's setting.
    var autolinksTerms: Bool? { fields.value.autolinksTerms }
    /// `image:`, the article's picture for cards and Open Graph, as written (relative to the article), with its line.
    var image: Located<String>? { fields.value.image }
    /// `original:`: publish the originals of the article's pictures with a download link; nil follows `site.yml`.
    var publishesOriginals: Bool? { fields.value.publishesOriginals }
    /// `artikler/<slug>/`, made once: links, cards, paths and the sitemap all ask for it.
    var sitePath: String { fields.value.sitePath }
    /// `old_addresses:`: paths inside the site (see `SiteAddress`) that redirect here, with their lines.
    var oldAddresses: [Located<String>] { fields.value.oldAddresses }

    static let knownKeys = ["title", "date", "kind", "summary", "tags", "draft", "slug", "updated", "autolink", "image", "original",
                            "old_addresses"]

    init(source: SourceText, title: String, date: Day, updated: Day? = nil, kind: ArticleKind, summary: String? = nil,
                tags: [String] = [], isDraft: Bool = false, slug: String, addressLine: Int = 1, autolinksTerms: Bool? = nil,
                image: Located<String>? = nil, publishesOriginals: Bool? = nil, oldAddresses: [Located<String>] = []) {
        fields = Shared(Fields(source: source, title: title, date: date, updated: updated, kind: kind, summary: summary, tags: tags,
                               isDraft: isDraft, slug: slug, addressLine: addressLine, autolinksTerms: autolinksTerms,
                               image: image, publishesOriginals: publishesOriginals, sitePath: "artikler/\(slug)/",
                               oldAddresses: oldAddresses))
    }

    /// Reads the front matter of `source`; nil (with diagnostics) when it is not a usable article.
    static func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> Article? {
        guard let fields = FrontMatterReading.fields(of: source, into: &diagnostics) else { return nil }
        diagnostics.append(contentsOf: fields.unknownKeyWarnings(known: knownKeys + ["aliases"]))
        if fields.has("aliases") {
            // Hugo's name for old addresses; in Helhed `aliases` are other names of a glossary term.
            diagnostics.append(.warning(source.path, line: fields.line(of: "aliases"), "front matter: unknown field 'aliases'; an article's old addresses go in 'old_addresses'"))
        }
        let title = fields.text("title", required: true, into: &diagnostics)
        let date = fields.day("date", required: true, into: &diagnostics)
        let updated = fields.day("updated", required: false, into: &diagnostics)
        var kind: ArticleKind?
        if let kindText = fields.text("kind", required: true, into: &diagnostics) {
            kind = ArticleKind(rawValue: kindText)
            if kind == nil {
                diagnostics.append(.error(source.path, line: fields.line(of: "kind"), .articleKindUnknown, ["kind": kindText]))
            }
        }
        let summary = fields.text("summary", required: false, into: &diagnostics)
        let tags = fields.textList("tags", into: &diagnostics)
        let isDraft = fields.flag("draft", into: &diagnostics) ?? false
        let autolinks = fields.flag("autolink", into: &diagnostics)
        let image = fields.text("image", required: false, into: &diagnostics).map { Located($0, line: fields.line(of: "image")) }
        let originals = fields.flag("original", into: &diagnostics)
        let slug = FrontMatterReading.slug(fields, title: title, into: &diagnostics)
        let oldAddresses = FrontMatterReading.oldAddresses(fields, into: &diagnostics)
        if let date, let updated, updated < date {
            diagnostics.append(.error(source.path, line: fields.line(of: "updated"), .updatedBeforeDate, ["updated": "\(updated)", "date": "\(date)"]))
        }
        guard let title, let date, let kind, let slug else { return nil }
        return Article(source: source, title: title, date: date, updated: updated, kind: kind, summary: summary, tags: tags,
                       isDraft: isDraft, slug: slug, addressLine: fields.line(of: fields.has("slug") ? "slug" : "title"), autolinksTerms: autolinks,
                       image: image, publishesOriginals: originals, oldAddresses: oldAddresses)
    }
}

/// The steps articles and terms share when reading their front matter.
enum FrontMatterReading {
    static func fields(of source: SourceText, into diagnostics: inout Diagnostics) -> FrontMatter? {
        do {
            return try FrontMatter(yaml: source.frontMatter, path: source.path, firstLine: SourceText.frontMatterFirstLine)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// `old_addresses:`: each a path inside the site; one that is not is an error at its line.
    static func oldAddresses(_ fields: FrontMatter, into diagnostics: inout Diagnostics) -> [Located<String>] {
        fields.locatedTextList("old_addresses", into: &diagnostics).compactMap { written in
            switch SiteAddress.sitePath(of: written.value) {
            case .success(let sitePath): return Located(sitePath, line: written.line)
            case .failure(let problem):
                diagnostics.append(.error(fields.path, line: written.line, "front matter: 'old_addresses' has \"\(written.value)\": \(problem)"))
                return nil
            }
        }
    }

    /// `slug:` when given (and valid), else the file name: editors rename files to change URLs, as in Hugo.
    static func slug(_ fields: FrontMatter, title: String?, into diagnostics: inout Diagnostics) -> String? {
        if let given = fields.text("slug", required: false, into: &diagnostics) {
            guard Slug.isValid(given) else {
                diagnostics.append(.error(fields.path, line: fields.line(of: "slug"), .slugInvalid, ["slug": given, "suggestion": Slug.make(from: given)]))
                return nil
            }
            return given
        }
        guard let title else { return nil }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            diagnostics.append(.error(fields.path, line: fields.line(of: "title"), .titleGivesEmptyAddress, ["title": title]))
            return nil
        }
        return slug
    }
}
