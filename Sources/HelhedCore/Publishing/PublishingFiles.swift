/// The publishing stage: the files the build makes besides HTML pages and theme assets — `feed.xml`, `soeg/index.json`,
/// `sitemap.xml` and `robots.txt`. All of them come from the published `Site` only, so drafts and future articles
/// never appear.
enum PublishingFiles {
    /// The paths of what `write` makes.
    static let paths = [SitePages.feedPath, SitePages.sitemapPath, SitePages.robotsPath, SitePages.searchIndexPath]

    static func write(pages: SitePages, bodies: [PageID: RenderedBody], memo: PublishingMemo, into sink: any OutputSink) throws(BuildFailure) {
        try Feed.write(pages: pages, bodies: bodies, memo: memo.feed, into: sink)
        try SearchIndex.write(pages: pages, bodies: bodies, memo: memo.search, into: sink)
        try sink.write([Sitemap.make(site: pages.site, pages: pages), Sitemap.robots(site: pages.site)])
    }
}

/// The publishing stage's memos: feed and search index entries, the two made from every page's body.
struct PublishingMemo: Sendable {
    let feed: FeedMemo
    let search: SearchMemo

    init(enabled: Bool) {
        feed = FeedMemo(enabled: enabled)
        search = SearchMemo(enabled: enabled)
    }

    func commit() {
        feed.commit()
        search.commit()
    }

    func discard() {
        feed.discard()
        search.discard()
    }
}
