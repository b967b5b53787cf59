import Foundation

/// `soeg/index.json`, the index `Templates/assets/search.js` searches, built from the published articles and terms
/// only (drafts and future articles are not in the `Site`, so they cannot be found).
///
/// To stay small it holds no full text. Per page:
/// - `title`, `url`, `kind` (the label readers see: "Artikel" or "Ordforklaring") and `summary` (the snippet; for an
///   article without a summary, the start of its text);
/// - `names`: the folded words of the title, and of a term's aliases — matches here rank highest;
/// - `terms`: the folded words of the glossary terms the page mentions — ranked next;
/// - `words`: every other folded word of the summary and body, each once, sorted — ranked lowest.
/// Words are space-separated strings rather than JSON arrays, which makes the file about a third smaller.
public struct SearchIndex: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public let title: String
        public let url: String
        public let kind: String
        public let summary: String
        public let names: String
        public let terms: String
        public let words: String
    }

    /// Bumped when the format changes, so a cached script can tell.
    public let version: Int
    public let pages: [Entry]

    public static let articleKind = "Artikel"
    public static let termKind = "Ordforklaring"
    /// How much body text stands in for a missing summary.
    static let snippetLength = 180

    /// Articles newest first, then terms in Danish order: the order ties are shown in.
    public static func build(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> SearchIndex {
        let order = pages.articlesNewestFirst.map(PageID.article) + pages.termsAlphabetically.map(PageID.term)
        // The words of each term's names, once: every page that mentions a term lists them.
        let termNameWords = site.terms.parallelMap { term in term.names.flatMap(SearchText.words) }
        let entries = order.parallelMap { page -> Entry in
            // The words come from cmark's AST of the body (text and code), never from the rendered HTML; the
            // transformer kept that text when it parsed the body, so the body is not parsed a second time.
            let body = bodies[page]
            let text = body?.readableText ?? ""
            // Only the set of the mentioned terms' words matters (the words are sorted below), so no Danish sort here.
            let mentioned = body.map { Array($0.mentionedTerms) } ?? []
            switch page {
            case .article(let index):
                let article = site.articles[index]
                return entry(title: article.title, url: site.baseURL.link(to: article.sitePath), kind: articleKind,
                             summary: article.summary, names: [article.title], text: text, termWords: mentioned.flatMap { termNameWords[$0] })
            case .term(let index):
                let term = site.terms[index]
                return entry(title: term.title, url: site.baseURL.link(to: term.sitePath), kind: termKind,
                             summary: term.summary, names: term.names, text: text, termWords: mentioned.flatMap { termNameWords[$0] })
            }
        }
        return SearchIndex(version: 1, pages: entries)
    }

    /// `termWords`: the words of the names of the terms the page mentions.
    static func entry(title: String, url: String, kind: String, summary: String?, names: [String], text: String, termWords: [String]) -> Entry {
        let nameWords = unique(names.flatMap(SearchText.words))
        let termWords = unique(termWords).subtracting(nameWords)
        let bodyWords = SearchText.sortedDistinctWords((summary ?? "") + " " + text, excluding: nameWords.union(termWords))
        let snippet = summary ?? Self.snippet(from: text)
        return Entry(title: title, url: url, kind: kind, summary: snippet, names: joined(nameWords), terms: joined(termWords),
                     words: bodyWords)
    }

    private static func unique(_ words: [String]) -> Set<String> { Set(words) }
    private static func joined(_ words: Set<String>) -> String { words.sorted().joined(separator: " ") }

    /// The start of the text, cut at a word boundary.
    static func snippet(from text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > snippetLength else { return flat }
        let cut = flat.prefix(snippetLength)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace + " …"
    }

    /// Deterministic JSON: sorted keys, no escaped slashes, no extra white space. `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e` and `\u0026` (as Go's encoder does), so text from front matter such as `</script>` never
    /// appears as markup, even if the index is ever inlined in a page. Those characters can only occur inside JSON
    /// strings, so replacing the bytes is exact.
    ///
    /// The same bytes as `JSONEncoder` encoding the whole index (`{"pages":[…],"version":1}`, keys sorted), but each
    /// entry is encoded (and escaped) on its own, on all cores, and copied once into the result: encoding the index in
    /// one piece held several copies of a large site's index in memory at once and used one core. `SearchTests`
    /// checks the two agree.
    public func json() -> [UInt8] {
        let encoded = pages.parallelMap { entry in entry.markupSafeJSON() }
        var json: [UInt8] = []
        json.reserveCapacity(encoded.reduce(64) { $0 + $1.count + 1 })
        json.append(contentsOf: #"{"pages":["#.utf8)
        for (index, entry) in encoded.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: entry)
        }
        json.append(contentsOf: #"],"version":\#(version)}"#.utf8)
        return json
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026`.
    static func escapingMarkup(_ plain: Data) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(plain.count + 64)
        // Through the bytes in place: `Data`'s iterator costs several calls per byte.
        plain.withUnsafeBytes { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): escaped += #"\u003c"#.utf8
                case UInt8(ascii: ">"): escaped += #"\u003e"#.utf8
                case UInt8(ascii: "&"): escaped += #"\u0026"#.utf8
                default: escaped.append(byte)
                }
            }
        }
        return escaped
    }

    public static func make(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> OutputFile {
        OutputFile(path: SitePages.searchIndexPath, contents: .bytes(build(site: site, pages: pages, bodies: bodies).json()))
    }
}
