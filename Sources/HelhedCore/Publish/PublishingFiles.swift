/// The files the build generates besides HTML pages and theme assets: `feed.xml`, `sitemap.xml`, `robots.txt` and
/// `soeg/index.json`. All of them come from the published `Site` only, so drafts and future articles never appear.
public enum PublishingFiles {
    /// The paths of what `make` returns.
    static let paths = [SitePages.feedPath, SitePages.sitemapPath, SitePages.robotsPath, SitePages.searchIndexPath]

    /// Reusing the search entries of `previous` whose pages did not change, and keeping this build's in `cache` unless it
    /// is nil (see `SearchIndex.json`).
    static func make(site: Site, pages: SitePages, bodies: [PageID: RenderedBody], reusing previous: [String: CachedSearchEntry],
                     into cache: inout [String: CachedSearchEntry]?) -> [OutputFile] {
        [Feed.make(site: site, pages: pages, bodies: bodies), SearchIndex.make(site: site, pages: pages, bodies: bodies, reusing: previous, into: &cache)]
            + makeSitemapAndRobots(site: site, pages: pages)
    }

    /// The small ones: `helhed build` writes the feed and the search index to disk piece by piece (see `Feed.write`
    /// and `SearchIndex.write`).
    static func makeSitemapAndRobots(site: Site, pages: SitePages) -> [OutputFile] {
        [Sitemap.make(site: site, pages: pages), Sitemap.robots(site: site)]
    }
}
