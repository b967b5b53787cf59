import Foundation

/// The search index `Templates/assets/search.js` reads, built from the published articles and terms only (drafts and
/// future articles are not in the `Site`, so they cannot be found). It is written in pieces (`SearchShards`): a
/// small manifest at `soeg/index.json`, term shards with the stemmed words, and result fragments with the text a
/// result shows; a query loads the manifest, the shards of its words and the fragments of the results it shows.
///
/// This file makes one `Entry` per page, in index order (articles newest first, then terms in Danish order: the order
/// ties are shown in); `SearchPostings` turns the entries' words into keys, `SearchShards` into files.
enum SearchIndex {
    /// One page: what a result shows, and its distinct words, lower-cased (`SearchText.lower`) but neither stemmed
    /// nor folded (the stemmer needs æ, ø and å), each in the best field it occurs in.
    struct Entry: Equatable, Sendable {
        let title: String
        let url: String
        let kind: String
        /// The snippet: the summary, or for a page without one, the start of its text.
        let snippet: String
        /// The words, UTF-8, each followed by a space: first those of the title and of a term's aliases (matches
        /// here rank highest), then those of the glossary terms the page mentions (ranked next), then every other
        /// word of the summary and body. One buffer rather than strings: 10,000 pages' words at once were a fifth of
        /// the build's memory as `[String]`.
        let words: [UInt8]
        /// How many words are names, and how many names and term words together.
        let namesEnd: Int
        let termsEnd: Int

        init(title: String, url: String, kind: String, snippet: String, names: [String], terms: [String], body: [String]) {
            (self.title, self.url, self.kind, self.snippet) = (title, url, kind, snippet)
            words = Array((names + terms + body).map { $0 + " " }.joined().utf8)
            (namesEnd, termsEnd) = (names.count, names.count + terms.count)
        }

        init(title: String, url: String, kind: String, snippet: String, words: [UInt8], namesEnd: Int, termsEnd: Int) {
            (self.title, self.url, self.kind, self.snippet) = (title, url, kind, snippet)
            (self.words, self.namesEnd, self.termsEnd) = (words, namesEnd, termsEnd)
        }

        /// Calls `body` with each word's bytes and its field (0 names, 1 terms, 2 text).
        func forEachWord(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
            words.withUnsafeBufferPointer { bytes in
                var start = 0, number = 0
                for index in bytes.indices where bytes[index] == 0x20 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<index]), number < namesEnd ? 0 : number < termsEnd ? 1 : 2)
                    start = index + 1
                    number += 1
                }
            }
        }
    }

    /// Bumped when the format changes, so a cached script can tell.
    static let formatVersion = 2
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

    /// `termWords`: the lower-cased words of the names of the terms the page mentions.
    /// `text`: the body's readable text, UTF-8.
    static func entry(title: String, url: String, kind: String, summary: String?, names: [String], text: [UInt8], termWords: [String]) -> Entry {
        let words = SearchText.entryWordBuffer(names: names, termWords: termWords, pieces: [Array((summary ?? "").utf8), text],
                                               table: SearchText.lowerTable)
        let snippet = summary ?? Self.snippet(from: String(decoding: text, as: UTF8.self))
        return Entry(title: title, url: url, kind: kind, snippet: snippet, words: words.bytes, namesEnd: words.namesEnd, termsEnd: words.termsEnd)
    }

    /// The start of the text, cut at a word boundary.
    static func snippet(from text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > snippetLength else { return flat }
        let cut = flat.prefix(snippetLength)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace + " …"
    }

    /// Every page's entry (an entry whose inputs are unchanged since the memo's last run is reused).
    static func entries(pages: SitePages, bodies: [PageID: RenderedBody], memo: SearchMemo) -> [Entry] {
        let site = pages.site
        let inputs = inputs(site: site, pages: pages, bodies: bodies)
        let termNameWords = site.terms.parallelMap { $0.names.flatMap(SearchText.loweredWords) }
        return memo.map(inputs, key: \.url, inputs: { $0 }) { inputs, _ in
            entry(title: inputs.title, url: inputs.url, kind: inputs.kind, summary: inputs.summary, names: inputs.names,
                  text: inputs.text, termWords: inputs.mentionedTerms.flatMap { termNameWords[$0] })
        }
    }

    /// The index's files, through `sink` like every other file.
    static func write(pages: SitePages, bodies: [PageID: RenderedBody], memo: SearchMemo, into sink: any OutputSink) throws(BuildFailure) {
        let entries = entries(pages: pages, bodies: bodies, memo: memo)
        let compounds = CompoundSplitter(glossaryNames: pages.site.terms.flatMap(\.names))
        let postings = SearchPostings(entries: entries, compounds: compounds)
        try sink.write(SearchShards(postings: postings, entries: entries).files)
    }
}

/// The search index's memo: each page's entry, by the page's address.
typealias SearchMemo = StageMemo<String, SearchIndex.Inputs, SearchIndex.Entry>
