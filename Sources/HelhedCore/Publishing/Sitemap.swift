/// `sitemap.xml` and `robots.txt`.
///
/// The sitemap lists every HTML page except `404.html`, with absolute addresses. `lastmod` is only given where the
/// content says when something changed:
/// - an article: its `updated`, else its `date`;
/// - the front page and the article list: the newest `lastmod` of the articles they list;
/// - the tag overview: the newest of all tagged articles; a tag page: the newest of its articles;
/// - glossary terms, the glossary overview and the search page: no `lastmod`. Terms have no date in their front
///   matter, and borrowing an article's date would claim changes that did not happen (search engines learn to
///   ignore a `lastmod` that is wrong).
enum Sitemap {
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    struct Entry: Equatable, Sendable {
        /// Path inside the site (`artikler/x/`).
        let sitePath: String
        let lastModified: Day?
    }

    /// Every page the sitemap lists, sorted by address.
    static func entries(site: Site, pages: SitePages) -> [Entry] {
        let lastChanges = site.articles.map(Feed.lastChange)
        func newest(_ articles: [Int]) -> Day? { articles.map { lastChanges[$0] }.max() }
        var entries: [Entry] = [
            Entry(sitePath: "", lastModified: newest(Array(site.articles.indices))),
            Entry(sitePath: SitePages.articlesPath, lastModified: newest(Array(site.articles.indices))),
            Entry(sitePath: SitePages.glossaryPath, lastModified: nil),
            Entry(sitePath: SitePages.tagsPath, lastModified: newest(pages.tags.flatMap(\.articles))),
            Entry(sitePath: SitePages.searchPath, lastModified: nil),
        ]
        for (index, article) in site.articles.enumerated() {
            entries.append(Entry(sitePath: article.sitePath, lastModified: lastChanges[index]))
        }
        for term in site.terms {
            entries.append(Entry(sitePath: term.sitePath, lastModified: nil))
        }
        for tag in pages.tags {
            entries.append(Entry(sitePath: tag.sitePath, lastModified: newest(tag.articles)))
        }
        return entries.sorted { $0.sitePath < $1.sitePath }
    }

    static func make(site: Site, pages: SitePages) -> OutputFile {
        // Written into one buffer: a line per page of a large site, made from several strings each, was a noticeable
        // part of the serial end of a build. Escaping works byte by byte, so the escaped site address is made once
        // and each page's path escaped after it.
        var xml = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + [0x0A] + Array(#"<urlset xmlns="\#(namespace)">"#.utf8) + [0x0A]
        var base: [UInt8] = []
        XMLText.append(site.baseURL.absolute(""), to: &base)
        for entry in entries(site: site, pages: pages) {
            xml.append(contentsOf: "<url><loc>".utf8)
            xml.append(contentsOf: base)
            XMLText.append(entry.sitePath, to: &xml)
            xml.append(contentsOf: "</loc>".utf8)
            if let lastModified = entry.lastModified {
                xml.append(contentsOf: "<lastmod>".utf8)
                xml.append(contentsOf: lastModified.description.utf8)
                xml.append(contentsOf: "</lastmod>".utf8)
            }
            xml.append(contentsOf: "</url>\n".utf8)
        }
        xml.append(contentsOf: "</urlset>\n".utf8)
        return OutputFile(path: SitePages.sitemapPath, contents: .bytes(xml))
    }

    /// `robots.txt`: everything may be crawled; the sitemap's absolute address. (Crawlers read robots.txt only at a
    /// domain's root; under a sub-path the file is harmless and the host's own robots.txt decides.)
    static func robots(site: Site) -> OutputFile {
        let text = """
            User-agent: *
            Disallow:

            Sitemap: \(site.baseURL.absolute(SitePages.sitemapPath))

            """
        return OutputFile(path: SitePages.robotsPath, contents: .text(text))
    }
}
