/// A term from `Content/ordforklaringer/`.
public struct GlossaryTerm: Sendable {
    public let source: SourceText
    /// The term as written in running text, e.g. "helhedsplan".
    public let title: String
    /// The one-sentence definition.
    public let summary: String
    /// Other forms that count as the term: "helhedsplanen", "helhedsplaner".
    public let aliases: [String]
    /// Titles (or aliases) of related terms, as the editor wrote them; resolved against the glossary later.
    public let related: [String]
    public let isDraft: Bool
    public let slug: String
    public let autolinksTerms: Bool?

    public var sitePath: String { "ordforklaringer/\(slug)/" }

    /// The title and every alias.
    public var names: [String] { [title] + aliases }

    public static let knownKeys = ["title", "summary", "aliases", "related", "draft", "slug", "autolink"]

    public init(source: SourceText, title: String, summary: String, aliases: [String] = [], related: [String] = [],
                isDraft: Bool = false, slug: String, autolinksTerms: Bool? = nil) {
        self.source = source
        self.title = title
        self.summary = summary
        self.aliases = aliases
        self.related = related
        self.isDraft = isDraft
        self.slug = slug
        self.autolinksTerms = autolinksTerms
    }

    public static func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> GlossaryTerm? {
        guard let fields = FrontMatterReading.fields(of: source, into: &diagnostics) else { return nil }
        diagnostics.append(contentsOf: fields.unknownKeyWarnings(known: knownKeys))
        let title = fields.text("title", required: true, into: &diagnostics)
        let summary = fields.text("summary", required: true, into: &diagnostics)
        let aliases = fields.textList("aliases", into: &diagnostics)
        let related = fields.textList("related", into: &diagnostics)
        let isDraft = fields.flag("draft", into: &diagnostics) ?? false
        let autolinks = fields.flag("autolink", into: &diagnostics)
        let slug = FrontMatterReading.slug(fields, title: title, into: &diagnostics)
        guard let title, let summary, let slug else { return nil }
        return GlossaryTerm(source: source, title: title, summary: summary, aliases: aliases, related: related,
                            isDraft: isDraft, slug: slug, autolinksTerms: autolinks)
    }
}
