import Foundation

/// `Content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    var description: String
    public var baseURL: BaseURL
    var language: String
    var publisher: String?
    /// Keep raw HTML in Markdown (off by default: it is dropped).
    var allowsRawHTML: Bool
    /// Link glossary terms automatically in running text.
    var autolinksTerms: Bool
    /// How many of the newest articles the feed holds (each with its full text); nil for all of them.
    var feedLimit: Int?
    /// `original: true`: publish every picture's original (as it is, with its metadata) beside its web variants,
    /// with a download link; an article's own `original:` decides for its pictures.
    var publishesOriginals: Bool = false

    /// Feeds are read for what is new; a feed of every article of a large site would be tens of megabytes.
    static let defaultFeedLimit = 50

    /// `publish` (the upload target) is only read by `helhed publish`, through `PublishSettings`; it is listed here so
    /// that a build does not warn about it.
    static let knownKeys = ["title", "description", "base_url", "language", "publisher", "unsafe_html", "autolink", "feed_limit", "publish", "original",
                            ReadabilityTargets.key]  // `lix`, read by the writing aids (helhed check)

    init(title: String, description: String, baseURL: BaseURL, language: String = "da", publisher: String? = nil,
                allowsRawHTML: Bool = false, autolinksTerms: Bool = true, feedLimit: Int? = SiteConfig.defaultFeedLimit) {
        self.feedLimit = feedLimit
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.publisher = publisher
        self.allowsRawHTML = allowsRawHTML
        self.autolinksTerms = autolinksTerms
    }

    /// The content folder's `site.yml` as far as it can be used, or nil; its problems are the build's to report.
    public static func read(contentFolder: URL) -> SiteConfig? {
        let file = contentFolder.appendingPathComponent(ContentLoader.configFile)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        var ignored = Diagnostics()
        return parse(yaml: String(decoding: data, as: UTF8.self), path: ContentLoader.configFile, into: &ignored)
    }

    /// Reads the configuration; problems go to `diagnostics` and the result is nil when it cannot be used.
    static func parse(yaml: String, path: String, into diagnostics: inout Diagnostics) -> SiteConfig? {
        let fields: FrontMatter
        do {
            fields = try FrontMatter(yaml: yaml, path: path, firstLine: 1)
        } catch {
            diagnostics.append(error)
            return nil
        }
        diagnostics.append(contentsOf: fields.unknownKeyWarnings(known: knownKeys))
        let title = fields.text("title", required: true, into: &diagnostics)
        let description = fields.text("description", required: true, into: &diagnostics)
        let baseURLText = fields.text("base_url", required: true, into: &diagnostics)
        let language = fields.text("language", required: false, into: &diagnostics) ?? "da"
        if language != "da" {
            diagnostics.append(.error(path, line: fields.line(of: "language"), .siteLanguageNotDanish, ["language": language]))
        }
        let publisher = fields.text("publisher", required: false, into: &diagnostics)
        let allowsRawHTML = fields.flag("unsafe_html", into: &diagnostics) ?? false
        let autolinks = fields.flag("autolink", into: &diagnostics) ?? true
        // 0 means no limit.
        let feedLimit = fields.number("feed_limit", minimum: 0, into: &diagnostics) ?? defaultFeedLimit
        let originals = fields.flag("original", into: &diagnostics) ?? false
        var baseURL: BaseURL?
        if let baseURLText {
            baseURL = BaseURL(baseURLText)
            if baseURL == nil {
                diagnostics.append(.error(path, line: fields.line(of: "base_url"), .siteBaseURLInvalid, ["url": baseURLText]))
            }
        }
        guard let title, let description, let baseURL else { return nil }
        var config = SiteConfig(title: title, description: description, baseURL: baseURL, language: language, publisher: publisher,
                                allowsRawHTML: allowsRawHTML, autolinksTerms: autolinks, feedLimit: feedLimit == 0 ? nil : feedLimit)
        config.publishesOriginals = originals
        return config
    }
}
