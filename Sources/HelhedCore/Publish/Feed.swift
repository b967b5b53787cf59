/// `feed.xml`: an Atom 1.0 feed of every published article, newest first, with the full body.
///
/// Everything in it is derived from the content, never from the clock, so two builds of the same content give
/// the same bytes: the feed's `updated` is the newest `updated`/`date` of the articles (1970-01-01 when there are
/// none). Article bodies keep the root-relative links the pages use (`/sti/artikler/x/`); each entry's `content`
/// carries `xml:base` set to the article's absolute address, which makes those links, and the body's
/// `#heading` links, resolve to absolute URLs without rewriting any HTML.
public enum Feed {
    public static let atomNamespace = "http://www.w3.org/2005/Atom"
    /// The feed's `updated` when the site has no articles (Atom requires one, and it must not depend on the clock).
    public static let emptyFeedUpdated = "1970-01-01T00:00:00Z"

    public static func make(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> OutputFile {
        OutputFile(path: SitePages.feedPath, contents: .text(xml(site: site, pages: pages, bodies: bodies)))
    }

    /// The day an article last changed: `updated`, else `date`.
    static func lastChange(_ article: Article) -> Day { article.updated ?? article.date }

    static func xml(site: Site, pages: SitePages, bodies: [PageID: RenderedBody]) -> String {
        let base = site.baseURL
        let config = site.config
        let newest = site.articles.map(lastChange).max()
        var lines: [String] = [
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
        for index in pages.articlesNewestFirst {
            let article = site.articles[index]
            let url = base.absolute(article.sitePath)
            lines.append("<entry>")
            lines.append("<id>\(XMLText.escape(url))</id>")
            lines.append("<title>\(XMLText.escape(article.title))</title>")
            lines.append(#"<link rel="alternate" type="text/html" href="\#(XMLText.escape(url))"/>"#)
            lines.append("<published>\(article.date.rfc3339)</published>")
            lines.append("<updated>\(lastChange(article).rfc3339)</updated>")
            var seenTags: Set<String> = []
            for name in article.tags {
                let slug = Slug.make(from: name)
                guard !slug.isEmpty, seenTags.insert(slug).inserted else { continue }
                lines.append(#"<category term="\#(XMLText.escape(slug))" label="\#(XMLText.escape(name))" scheme="\#(XMLText.escape(base.absolute(SitePages.tagsPath)))"/>"#)
            }
            if let summary = article.summary {
                lines.append("<summary>\(XMLText.escape(summary))</summary>")
            }
            let html = bodies[.article(index)]?.html ?? ""
            lines.append(#"<content type="html" xml:base="\#(XMLText.escape(url))">\#(XMLText.escape(html))</content>"#)
            lines.append("</entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}
