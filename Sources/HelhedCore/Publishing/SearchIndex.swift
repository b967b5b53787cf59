import Foundation
import HelhedTemplates

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
struct SearchIndex: Codable, Equatable, Sendable {
    struct Entry: Codable, Equatable, Sendable {
        let title: String
        let url: String
        let kind: String
        let summary: String
        let names: String
        let terms: String
        let words: String
    }

    /// Bumped when the format changes, so a cached script can tell.
    let version: Int
    /// The version this build writes.
    static let formatVersion = 1
    let pages: [Entry]

    static let articleKind = "Artikel"
    static let termKind = "Ordforklaring"
    /// How much body text stands in for a missing summary.
    static let snippetLength = 180

    /// What one entry is made from. Equal inputs give an equal entry, which is how a rebuild in `helhed serve` reuses
    /// the entries of pages an edit did not touch.
    struct Inputs: Hashable, Sendable {
        let page: PageID
        let title: String
        let url: String
        let kind: String
        let summary: String?
        let names: [String]
        /// The body's readable text (see `RenderedBody.readableText`).
        let text: [UInt8]
        /// The mentioned terms, by index, with their names (a term's renamed alias changes the entry).
        let mentionedTerms: [Int]
        let mentionedNames: [[String]]
    }

    /// Articles newest first, then terms in Danish order: the order ties are shown in.
    static func inputs(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> [Inputs] {
        let order = pages.articlesNewestFirst.map(PageID.article) + pages.termsAlphabetically.map(PageID.term)
        return order.parallelMap { page in
            // The words come from cmark's AST of the body (text and code), never from the rendered HTML; the
            // transformer kept that text when it parsed the body, so the body is not parsed a second time.
            let body = bodies[page]
            let mentioned = body.map { $0.mentionedTerms.sorted() } ?? []
            let mentionedNames = mentioned.map { site.terms[$0].names }
            switch page {
            case .article(let index):
                let article = site.articles[index]
                return Inputs(page: page, title: article.title, url: site.baseURL.link(to: article.sitePath), kind: articleKind,
                              summary: article.summary, names: [article.title], text: body?.readableText ?? [],
                              mentionedTerms: mentioned, mentionedNames: mentionedNames)
            case .term(let index):
                let term = site.terms[index]
                return Inputs(page: page, title: term.title, url: site.baseURL.link(to: term.sitePath), kind: termKind,
                              summary: term.summary, names: term.names, text: body?.readableText ?? [],
                              mentionedTerms: mentioned, mentionedNames: mentionedNames)
            }
        }
    }

    /// `termWords`: the words of the names of the terms the page mentions.
    /// `text`: the body's readable text, UTF-8.
    static func entry(title: String, url: String, kind: String, summary: String?, names: [String], text: [UInt8], termWords: [String]) -> Entry {
        let words = SearchText.entryWords(names: names, termWords: termWords, pieces: [Array((summary ?? "").utf8), text])
        let snippet = summary ?? Self.snippet(from: String(decoding: text, as: UTF8.self))
        return Entry(title: title, url: url, kind: kind, summary: snippet, names: words.names, terms: words.terms, words: words.body)
    }

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
    func json() -> [UInt8] {
        Self.joined(pages.parallelMap(Self.encoded), version: version)
    }

    /// Writes the index into `sink` in consecutive pieces of about a megabyte: the whole index (19 MB for 10,000
    /// articles) is never copied into one buffer. An entry whose inputs are unchanged since the memo's last run is
    /// reused.
    static func write(pages: SitePages, bodies: [PageID: RenderedBody], memo: SearchMemo, into sink: any OutputSink) throws(BuildFailure) {
        let site = pages.site
        let inputs = inputs(site: site, pages: pages, bodies: bodies)
        let termNameWords = site.terms.parallelMap { $0.names.flatMap(SearchText.words) }
        let entries = memo.map(inputs, key: \.url, inputs: { $0 }) { inputs, _ in
            Self.encoded(entry(title: inputs.title, url: inputs.url, kind: inputs.kind, summary: inputs.summary, names: inputs.names,
                          text: inputs.text, termWords: inputs.mentionedTerms.flatMap { termNameWords[$0] }))
        }
        try sink.writePieces(of: SitePages.searchIndexPath) { (write) throws(BuildFailure) in
            try frame(entries, version: formatVersion, inPiecesOf: 1 << 20, write)
        }
    }

    /// One entry as JSON, with markup characters escaped.
    static func encoded(_ entry: Entry) -> [UInt8] {
        entry.markupSafeJSON()
    }

    static func joined(_ encoded: [[UInt8]], version: Int) -> [UInt8] {
        var json: [UInt8] = []
        // A piece as large as the whole: it comes in one, which is kept rather than copied.
        frame(encoded, version: version, inPiecesOf: encoded.reduce(64) { $0 + $1.count + 1 }) { piece in
            if json.isEmpty { json = piece } else { json += piece }
        }
        return json
    }

    /// `{"pages":[…],"version":…}` around the encoded entries, handed to `deliver` in consecutive pieces of about
    /// `pieceSize` bytes (one piece when that is the whole size).
    private static func frame<Failure: Error>(_ encoded: [[UInt8]], version: Int, inPiecesOf pieceSize: Int,
                                              _ deliver: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var piece = Array(#"{"pages":["#.utf8)
        piece.reserveCapacity(pieceSize + 64 * 1024)
        for (index, entry) in encoded.enumerated() {
            if index > 0 { piece.append(UInt8(ascii: ",")) }
            piece.append(contentsOf: entry)
            if piece.count >= pieceSize {
                try deliver(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        piece.append(contentsOf: #"],"version":\#(version)}"#.utf8)
        try deliver(piece)
    }

    /// The reference encoding `markupSafeJSON` must equal (`SearchTests`).
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
}

/// The search index's memo: each entry's JSON, by the page's address.
typealias SearchMemo = StageMemo<String, SearchIndex.Inputs, [UInt8]>
