import HelhedTemplates

/// `feed.xml`: an Atom 1.0 feed of the newest published articles (`feed_limit` in `site.yml`, 50 by default), newest
/// first, with the full body.
///
/// Everything in it is derived from the content, never from the clock, so two builds of the same content give
/// the same bytes: the feed's `updated` is the newest `updated`/`date` of the articles (1970-01-01 when there are
/// none). Article bodies keep the root-relative links the pages use (`/sti/artikler/x/`); each entry's `content`
/// carries `xml:base` set to the article's absolute address, which makes those links, and the body's
/// `#heading` links, resolve to absolute URLs without rewriting any HTML.
enum Feed {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    /// The feed's `updated` when the site has no articles (Atom requires one, and it must not depend on the clock).
    static let emptyFeedUpdated = "1970-01-01T00:00:00Z"

    /// The day an article last changed: `updated`, else `date`.
    static func lastChange(_ article: Article) -> Day { article.updated ?? article.date }

    /// Writes the feed into `sink`, an entry at a time on all cores, handed over in pieces of `entriesPerPiece`: it
    /// holds every article's full body, escaped, which makes it the largest file of a big site (about 9 KB per
    /// article, 90 MB for 10,000 articles), never whole in memory on its way to disk. An entry whose inputs are
    /// unchanged since the memo's last run is reused (escaping every body again was most of a rebuild's feed).
    static func write(pages: SitePages, bodies: [PageID: RenderedBody], memo: FeedMemo, into sink: any OutputSink) throws(BuildFailure) {
        let site = pages.site
        let articles = Array(Self.articles(site: site, pages: pages))
        try sink.writePieces(of: SitePages.feedPath) { (write) throws(BuildFailure) in
            try write(start(site: site))
            let entriesPerPiece = 1024
            var first = 0
            while first < articles.count {
                let round = articles[first..<min(articles.count, first + entriesPerPiece)].map { index in
                    EntryInputs(index, site: site, pages: pages, bodies: bodies)
                }
                let entries = memo.map(round, key: \.article.sitePath, inputs: { $0 }) { inputs, _ in
                    var bytes: [UInt8] = []
                    appendEntry(inputs, to: &bytes)
                    return bytes
                }
                // Joined 64 entries at a time on all cores: a round is about 9 MB of bytes to copy.
                let pieces = stride(from: 0, to: entries.count, by: 64).map { $0..<min(entries.count, $0 + 64) }.parallelMap { range in
                    var piece: [UInt8] = []
                    piece.reserveCapacity(entries[range].reduce(0) { $0 + $1.count })
                    for entry in entries[range] { piece += entry }
                    return piece
                }
                for piece in pieces { try write(piece) }
                first += entriesPerPiece
            }
            try write(end)
        }
    }

    /// Everything before the first entry, each line ending in a newline.
    private static func start(site: Site) -> [UInt8] {
        let base = site.baseURL
        let config = site.config
        let newest = site.articles.map(lastChange).max()
        let head: [String] = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="\#(atomNamespace)" xml:lang="\#(XMLText.escape(config.language))">"#,
            "<id>\(XMLText.escape(base.absolute("")))</id>",
            "<title>\(XMLText.escape(config.title))</title>",
            "<subtitle>\(XMLText.escape(config.description))</subtitle>",
            "<updated>\(newest?.rfc3339 ?? emptyFeedUpdated)</updated>",
            #"<link rel="self" type="application/atom+xml" href="\#(XMLText.escape(base.absolute(SitePages.feedPath)))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(XMLText.escape(base.absolute("")))"/>"#,
            "<author><name>\(XMLText.escape(config.publisher ?? config.title))</name></author>",
            "<generator>Helhed</generator>",
        ]
        var start: [UInt8] = []
        for line in head {
            start.append(contentsOf: line.utf8)
            start.append(0x0A)
        }
        return start
    }

    private static let end = Array("</feed>\n".utf8)

    /// The articles the feed holds: the newest `feed_limit`, or all of them.
    private static func articles(site: Site, pages: SitePages) -> ArraySlice<Int> {
        pages.articlesNewestFirst.prefix(site.config.feedLimit ?? .max)
    }

    /// What one entry is made from.
    struct EntryInputs: Hashable, Sendable {
        let base: BaseURL
        let article: Article
        let html: HTML
        /// The slug of each of the article's tags.
        let tagSlugs: [String?]

        init(_ index: Int, site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) {
            base = site.baseURL
            article = site.articles[index]
            html = bodies[.article(index)]?.html ?? HTML("")
            tagSlugs = article.tags.map { pages.tagSlugs[$0] }
        }
    }

    /// One `<entry>`, each line ending in a newline.
    private static func appendEntry(_ inputs: EntryInputs, to bytes: inout [UInt8]) {
        let (base, article) = (inputs.base, inputs.article)
        let url = base.absolute(article.sitePath)
        var lines: [String] = [
            "<entry>",
            "<id>\(XMLText.escape(url))</id>",
            "<title>\(XMLText.escape(article.title))</title>",
            #"<link rel="alternate" type="text/html" href="\#(XMLText.escape(url))"/>"#,
            "<published>\(article.date.rfc3339)</published>",
            "<updated>\(lastChange(article).rfc3339)</updated>",
        ]
        var seenTags: Set<String> = []
        for (name, slug) in zip(article.tags, inputs.tagSlugs) {
            guard let slug, !slug.isEmpty, seenTags.insert(slug).inserted else { continue }
            lines.append(#"<category term="\#(XMLText.escape(slug))" label="\#(XMLText.escape(name))" scheme="\#(XMLText.escape(base.absolute(SitePages.tagsPath)))"/>"#)
        }
        if let summary = article.summary {
            lines.append("<summary>\(XMLText.escape(summary))</summary>")
        }
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
        bytes.append(contentsOf: #"<content type="html" xml:base=""#.utf8)
        bytes.append(contentsOf: XMLText.escape(url).utf8)
        bytes.append(contentsOf: #"">"#.utf8)
        XMLText.append(inputs.html.html, to: &bytes)
        bytes.append(contentsOf: "</content>\n</entry>\n".utf8)
    }
}

/// The feed's memo: each entry's bytes, by the article's path.
typealias FeedMemo = StageMemo<String, Feed.EntryInputs, [UInt8]>
