/// The files the build generates besides HTML pages and theme assets: `feed.xml`, `sitemap.xml`, `robots.txt` and
/// `soeg/index.json`. All of them come from the published `Site` only, so drafts and future articles never appear.
public enum PublishingFiles {
    /// The paths of what `make` returns.
    static let paths = [SitePages.feedPath, SitePages.sitemapPath, SitePages.robotsPath, SitePages.searchIndexPath]

    public static func make(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> [OutputFile] {
        [Feed.make(site: site, pages: pages, bodies: bodies)] + makeAllButFeed(site: site, pages: pages, bodies: bodies)
    }

    /// Everything but the feed, which `helhed build` writes to disk piece by piece (see `Feed.write`).
    static func makeAllButFeed(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> [OutputFile] {
        [
            Sitemap.make(site: site, pages: pages),
            Sitemap.robots(site: site),
            SearchIndex.make(site: site, pages: pages, bodies: bodies),
        ]
    }
}
