/// A term from `Content/ordforklaringer/`.
public struct GlossaryTerm: Sendable, Hashable {
    public let source: SourceText
    /// The term as written in running text, e.g. "helhedsplan".
    public let title: String
    /// The one-sentence definition.
    public let summary: String
    /// Other forms that count as the term: "helhedsplanen", "helhedsplaner".
    public let aliases: [Located<String>]
    /// Titles (or aliases) of related terms, as the editor wrote them; resolved against the glossary later.
    public let related: [Located<String>]
    /// The line of `title`, for messages about it.
    public let titleLine: Int
    public let isDraft: Bool
    public let slug: String
    /// The line that decides the address: `slug` when given, else `title`.
    public let addressLine: Int
    public let autolinksTerms: Bool?

    /// `ordforklaringer/<slug>/`, made once (see `Article.sitePath`).
    public let sitePath: String

    /// The title and every alias, made once: the matcher, the search index and every page that mentions the term
    /// read them.
    public let names: [String]

    /// The title and every alias, with the line each is written on.
    public var locatedNames: [Located<String>] { [Located(title, line: titleLine)] + aliases }

    public static let knownKeys = ["title", "summary", "aliases", "related", "draft", "slug", "autolink"]

    public init(source: SourceText, title: String, titleLine: Int = 1, summary: String, aliases: [Located<String>] = [],
                related: [Located<String>] = [], isDraft: Bool = false, slug: String, addressLine: Int = 1, autolinksTerms: Bool? = nil) {
        self.source = source
        self.title = title
        self.titleLine = titleLine
        self.summary = summary
        self.aliases = aliases
        self.related = related
        self.isDraft = isDraft
        self.slug = slug
        self.sitePath = "ordforklaringer/\(slug)/"
        self.names = [title] + aliases.map(\.value)
        self.addressLine = addressLine
        self.autolinksTerms = autolinksTerms
    }

    public static func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> GlossaryTerm? {
        guard let fields = FrontMatterReading.fields(of: source, into: &diagnostics) else { return nil }
        diagnostics.append(contentsOf: fields.unknownKeyWarnings(known: knownKeys))
        let title = fields.text("title", required: true, into: &diagnostics)
        let summary = fields.text("summary", required: true, into: &diagnostics)
        let aliases = fields.locatedTextList("aliases", into: &diagnostics)
        let related = fields.locatedTextList("related", into: &diagnostics)
        let isDraft = fields.flag("draft", into: &diagnostics) ?? false
        let autolinks = fields.flag("autolink", into: &diagnostics)
        let slug = FrontMatterReading.slug(fields, title: title, into: &diagnostics)
        guard let title, let summary, let slug else { return nil }
        return GlossaryTerm(source: source, title: title, titleLine: fields.line(of: "title"), summary: summary, aliases: aliases, related: related,
                            isDraft: isDraft, slug: slug, addressLine: fields.line(of: fields.has("slug") ? "slug" : "title"), autolinksTerms: autolinks)
    }
}
