/// The publishing stage: the files the build makes besides HTML pages and theme assets — `feed.xml`, `soeg/index.json`,
/// `sitemap.xml`, `robots.txt` and `_redirects`. All of them come from the published `Site` only, so drafts and future articles
/// never appear.
enum PublishingFiles {
    /// The paths of what `write` makes (`_redirects` only when the site has redirects or a `_redirects` of its own).
    static let paths = [SitePages.feedPath, SitePages.sitemapPath, SitePages.robotsPath, SitePages.searchIndexPath, RedirectsFile.path]

    /// Redirects enter only `_redirects`: the feed, the search index and the sitemap list pages, never old addresses.
    static func write(pages: SitePages, bodies: [PageID: RenderedBody], redirects: [Redirect], memo: PublishingMemo,
                      into sink: any OutputSink) throws(BuildFailure) {
        try Feed.write(pages: pages, bodies: bodies, memo: memo.feed, into: sink)
        try SearchIndex.write(pages: pages, bodies: bodies, memo: memo.search, into: sink)
        let redirectsFile = try RedirectsFile.make(redirects, site: pages.site)
        try sink.write([Sitemap.make(site: pages.site, pages: pages), Sitemap.robots(site: pages.site)] + (redirectsFile.map { [$0] } ?? []))
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
