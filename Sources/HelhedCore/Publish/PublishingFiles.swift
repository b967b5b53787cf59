/// The files the build generates besides HTML pages and theme assets: `feed.xml`, `sitemap.xml`, `robots.txt` and
/// `soeg/index.json`. All of them come from the published `Site` only, so drafts and future articles never appear.
public enum PublishingFiles {
    /// The paths of what `make` returns.
    static let paths = [SitePages.feedPath, SitePages.sitemapPath, SitePages.robotsPath, SitePages.searchIndexPath]

    /// Reusing the feed and search entries of `previous` whose articles and pages did not change, and keeping this
    /// build's in `cache` unless it is nil (see `Feed.make` and `SearchIndex.json`).
    static func make(site: Site, pages: SitePages, bodies: [PageID: RenderedBody], reusing previous: Cache,
                     into cache: inout Cache?) -> [OutputFile] {
        // Non-nil asks each maker to fill it (a one-shot build keeps nothing).
        var feedEntries: [String: CachedFeedEntry]? = cache == nil ? nil : [:]
        var searchEntries: [String: CachedSearchEntry]? = cache == nil ? nil : [:]
        let files = [Feed.make(site: site, pages: pages, bodies: bodies, reusing: previous.feedEntries, into: &feedEntries),
                     SearchIndex.make(site: site, pages: pages, bodies: bodies, reusing: previous.searchEntries, into: &searchEntries)]
            + makeSitemapAndRobots(site: site, pages: pages)
        if let feedEntries, let searchEntries { cache = Cache(feedEntries: feedEntries, searchEntries: searchEntries) }
        return files
    }

    /// The entries `make` made, by the article's path (feed) and the page's URL (search index).
    struct Cache: Sendable {
        var feedEntries: [String: CachedFeedEntry] = [:]
        var searchEntries: [String: CachedSearchEntry] = [:]
    }

    /// The small ones: `helhed build` writes the feed and the search index to disk piece by piece (see `Feed.write`
    /// and `SearchIndex.write`).
    static func makeSitemapAndRobots(site: Site, pages: SitePages) -> [OutputFile] {
        [Sitemap.make(site: site, pages: pages), Sitemap.robots(site: site)]
    }
}
