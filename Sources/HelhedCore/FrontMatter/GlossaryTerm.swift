/// A term from `Content/ordforklaringer/`.
struct GlossaryTerm: Sendable, Hashable {
    /// One object for all the fields (see `Shared`).
    private let fields: Shared<Fields>

    private struct Fields: Sendable, Hashable {
        let source: SourceText
        let title: String
        let summary: String
        let aliases: [Located<String>]
        let related: [Located<String>]
        let titleLine: Int
        let isDraft: Bool
        let slug: String
        let addressLine: Int
        let autolinksTerms: Bool?
        let sitePath: String
        let names: [String]
        let oldAddresses: [Located<String>]
    }

    var source: SourceText { fields.value.source }
    /// The term as written in running text, e.g. "helhedsplan".
    var title: String { fields.value.title }
    /// The one-sentence definition.
    var summary: String { fields.value.summary }
    /// Other forms that count as the term: "helhedsplanen", "helhedsplaner".
    var aliases: [Located<String>] { fields.value.aliases }
    /// Titles (or aliases) of related terms, as the editor wrote them; resolved against the glossary later.
    var related: [Located<String>] { fields.value.related }
    /// The line of `title`, for messages about it.
    var titleLine: Int { fields.value.titleLine }
    var isDraft: Bool { fields.value.isDraft }
    var slug: String { fields.value.slug }
    /// The line that decides the address: `slug` when given, else `title`.
    var addressLine: Int { fields.value.addressLine }
    var autolinksTerms: Bool? { fields.value.autolinksTerms }
    /// `ordforklaringer/<slug>/`, made once (see `Article.sitePath`).
    var sitePath: String { fields.value.sitePath }
    /// The title and every alias, made once: the matcher, the search index and every page that mentions the term
    /// read them.
    var names: [String] { fields.value.names }
    /// `old_addresses:`, as for articles.
    var oldAddresses: [Located<String>] { fields.value.oldAddresses }

    /// The title and every alias, with the line each is written on.
    var locatedNames: [Located<String>] { [Located(title, line: titleLine)] + aliases }

    static let knownKeys = ["title", "summary", "aliases", "related", "draft", "slug", "autolink", "old_addresses",
                            "avoid"]  // words to write this term instead of, read by the writing aids (helhed check)

    init(source: SourceText, title: String, titleLine: Int = 1, summary: String, aliases: [Located<String>] = [],
                related: [Located<String>] = [], isDraft: Bool = false, slug: String, addressLine: Int = 1, autolinksTerms: Bool? = nil,
                oldAddresses: [Located<String>] = []) {
        fields = Shared(Fields(source: source, title: title, summary: summary, aliases: aliases, related: related, titleLine: titleLine,
                               isDraft: isDraft, slug: slug, addressLine: addressLine, autolinksTerms: autolinksTerms,
                               sitePath: "ordforklaringer/\(slug)/", names: [title] + aliases.map(\.value), oldAddresses: oldAddresses))
    }

    static func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> GlossaryTerm? {
        guard let fields = FrontMatterReading.fields(of: source, into: &diagnostics) else { return nil }
        diagnostics.append(contentsOf: fields.unknownKeyWarnings(known: knownKeys))
        let title = fields.text("title", required: true, into: &diagnostics)
        let summary = fields.text("summary", required: true, into: &diagnostics)
        let aliases = fields.locatedTextList("aliases", into: &diagnostics)
        let related = fields.locatedTextList("related", into: &diagnostics)
        let isDraft = fields.flag("draft", into: &diagnostics) ?? false
        let autolinks = fields.flag("autolink", into: &diagnostics)
        let slug = FrontMatterReading.slug(fields, title: title, into: &diagnostics)
        let oldAddresses = FrontMatterReading.oldAddresses(fields, into: &diagnostics)
        guard let title, let summary, let slug else { return nil }
        return GlossaryTerm(source: source, title: title, titleLine: fields.line(of: "title"), summary: summary, aliases: aliases, related: related,
                            isDraft: isDraft, slug: slug, addressLine: fields.line(of: fields.has("slug") ? "slug" : "title"), autolinksTerms: autolinks,
                            oldAddresses: oldAddresses)
    }
}
