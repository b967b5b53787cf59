import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import HelhedCore

/// Sitemap, robots.txt, emner (tags), meta tags, hashed assets and byte-identical builds.
@Suite struct PublishingTests {
    static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    static func sitemapEntries(_ text: String) throws -> [String: String?] {
        let root = try #require(try XMLDocument(data: Data(text.utf8), options: []).rootElement())
        #expect(root.localName == "urlset")
        #expect(root.uri == sitemapNamespace)
        var entries: [String: String?] = [:]
        for url in root.elements(forLocalName: "url", uri: sitemapNamespace) {
            let loc = try #require(url.elements(forLocalName: "loc", uri: sitemapNamespace).first?.stringValue)
            entries.updateValue(url.elements(forLocalName: "lastmod", uri: sitemapNamespace).first?.stringValue, forKey: loc)
        }
        return entries
    }

    // MARK: Sitemap and robots.txt

    @Test func theSitemapListsEveryHTMLPageButThe404Page() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let entries = try Self.sitemapEntries(try fixture.read("sitemap.xml"))
        let pages = PublishFixture.files(in: fixture.output).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let expected = Set(pages.map { "https://example.org/boligsocial/" + $0.dropLast("index.html".count) })
        #expect(Set(entries.keys) == expected)
        #expect(entries.count == 12)  // 5 overview pages, 2 articles, 2 terms, 3 tags
        #expect(!entries.keys.contains { $0.contains("404") })
        #expect(expected.contains("https://example.org/boligsocial/soeg/"))
    }

    @Test func sitemapDatesComeFromTheArticles() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let entries = try Self.sitemapEntries(try #require(PublishFixture.text(try fixture.generate(), "sitemap.xml")))
        let base = "https://example.org/boligsocial/"
        #expect(entries[base + "artikler/helhedsplaner-forklaret/"] == "2024-03-01")  // updated
        #expect(entries[base + "artikler/kolding-proever-noget-nyt/"] == "2024-02-05")  // date
        #expect(entries[base] == "2024-03-01")
        #expect(entries[base + "artikler/"] == "2024-03-01")
        #expect(entries[base + "emner/"] == "2024-03-01")
        #expect(entries[base + "emner/beskaeftigelse/"] == "2024-02-05")
        #expect(entries[base + "emner/samarbejde/"] == "2024-03-01")
        // Terms, the glossary and the search page have no date of their own.
        #expect(entries[base + "ordforklaringer/helhedsplan/"] == .some(nil))
        #expect(entries[base + "ordforklaringer/"] == .some(nil))
        #expect(entries[base + "soeg/"] == .some(nil))
    }

    @Test(arguments: [(PublishFixture.subPathBase, "https://example.org/boligsocial/sitemap.xml"), ("https://example.org/", "https://example.org/sitemap.xml")])
    func robotsPointsAtTheSitemap(base: String, sitemap: String) throws {
        let fixture = try PublishFixture(baseURL: base)
        defer { fixture.remove() }
        let robots = try #require(PublishFixture.text(try fixture.generate(), "robots.txt"))
        let lines = robots.split(separator: "\n").map(String.init)
        #expect(lines.contains("User-agent: *"))
        #expect(lines.contains("Sitemap: \(sitemap)"))
        #expect(!lines.contains { $0.hasPrefix("Disallow: /") })
    }

    // MARK: Determinism

    @Test func twoBuildsAreByteIdentical() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let first = fixture.root.appendingPathComponent("eins")
        let second = fixture.root.appendingPathComponent("zwei")
        try fixture.build(output: first)
        try fixture.build(output: second)
        let files = PublishFixture.files(in: first)
        #expect(files == PublishFixture.files(in: second))
        for required in ["feed.xml", "sitemap.xml", "robots.txt", "soeg/index.json", "soeg/index.html"] {
            #expect(files.contains(required))
        }
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between two builds")
        }
    }

    // MARK: Emner

    @Test func tagOverviewListsEveryTagWithItsCount() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let overview = try fixture.read("emner/index.html")
        let links = HTMLScan.attributes("href", in: overview).filter { $0.hasPrefix("/boligsocial/emner/") && $0 != "/boligsocial/emner/" }
        #expect(links == ["/boligsocial/emner/beskaeftigelse/", "/boligsocial/emner/helhedsplaner/", "/boligsocial/emner/samarbejde/"])
        #expect(overview.contains(#"<a href="/boligsocial/emner/samarbejde/">samarbejde</a> <span class="count">(2 artikler)</span>"#))
        #expect(overview.contains(#"<a href="/boligsocial/emner/beskaeftigelse/">beskæftigelse</a> <span class="count">(1 artikel)</span>"#))
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixture.output.appendingPathComponent("emner").path).sorted()
        #expect(folders == ["beskaeftigelse", "helhedsplaner", "index.html", "samarbejde"])
    }

    @Test func aTagPageListsItsArticlesNewestFirst() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let page = try fixture.read("emner/samarbejde/index.html")
        #expect(page.contains("<h1>Emne: samarbejde</h1>"))
        let articleLinks = HTMLScan.attributes("href", in: page).filter { $0.hasPrefix("/boligsocial/artikler/") && $0 != "/boligsocial/artikler/" }
        #expect(articleLinks == ["/boligsocial/artikler/kolding-proever-noget-nyt/", "/boligsocial/artikler/helhedsplaner-forklaret/"])
        let single = try fixture.read("emner/helhedsplaner/index.html")
        #expect(single.contains("1 artikel om helhedsplaner."))
        #expect(!single.contains("kolding-proever-noget-nyt"))
        // Articles link their tags.
        let article = try fixture.read("artikler/helhedsplaner-forklaret/index.html")
        #expect(article.contains(#"<ul class="tags" aria-label="Emner"><li><a href="/boligsocial/emner/helhedsplaner/">helhedsplaner</a></li><li><a href="/boligsocial/emner/samarbejde/">samarbejde</a></li></ul>"#))
    }

    @Test func aSiteWithoutTagsSaysSo() throws {
        var files = PublishFixture.files
        for path in files.keys where path.hasPrefix("artikler/") {
            files[path] = files[path]!.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("tags:") }.joined(separator: "\n")
        }
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let site = try fixture.generate()
        #expect(PublishFixture.text(site, "emner/index.html")?.contains("Ingen artikler har emner endnu.") == true)
        #expect(!site.files.contains { $0.path.hasPrefix("emner/") && $0.path != "emner/index.html" })
    }

    // MARK: Meta

    @Test func pagesHaveADescriptionAndOpenGraph() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let article = try fixture.read("artikler/kolding-proever-noget-nyt/index.html")
        #expect(HTMLScan.meta("description", in: article) == "Kolding samler kommunen og Æblegården om beskæftigelse.")
        #expect(HTMLScan.meta("og:title", in: article) == "Kolding prøver noget nyt")
        #expect(HTMLScan.meta("og:description", in: article) == "Kolding samler kommunen og Æblegården om beskæftigelse.")
        #expect(HTMLScan.meta("og:url", in: article) == "https://example.org/boligsocial/artikler/kolding-proever-noget-nyt/")
        #expect(HTMLScan.meta("og:type", in: article) == "article")
        #expect(HTMLScan.meta("og:site_name", in: article) == "Boligtest")
        #expect(article.contains(#"<title>Kolding prøver noget nyt – Boligtest</title>"#))

        let home = try fixture.read("index.html")
        #expect(HTMLScan.meta("description", in: home) == "En lille testside om boligsociale indsatser.")
        #expect(HTMLScan.meta("og:type", in: home) == "website")
        #expect(HTMLScan.meta("og:url", in: home) == "https://example.org/boligsocial/")

        let term = try fixture.read("ordforklaringer/helhedsplan/index.html")
        #expect(HTMLScan.meta("description", in: term) == "En helhedsplan er en samlet plan for det boligsociale arbejde i et boligområde.")
        #expect(term.contains(#"<link rel="alternate" type="application/atom+xml" title="Boligtest" href="/boligsocial/feed.xml">"#))
    }

    @Test func everyPageLinksTheFeedAndHasDescriptionAndOpenGraph() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let pages = PublishFixture.files(in: fixture.output).filter { $0.hasSuffix(".html") }
        #expect(pages.count == 13)
        for file in pages {
            let html = try fixture.read(file)
            #expect(html.contains(#"<link rel="alternate" type="application/atom+xml" title="Boligtest" href="/boligsocial/feed.xml">"#), "\(file)")
            for key in ["description", "og:title", "og:description", "og:url", "og:type", "og:site_name"] {
                #expect(HTMLScan.meta(key, in: html)?.isEmpty == false, "\(file) lacks \(key)")
            }
            #expect(HTMLScan.meta("og:url", in: html)?.hasPrefix("https://example.org/boligsocial/") == true)
        }
    }

    @Test func scriptTagsAndQuotesInTitleAndSummaryAreEscapedInTheHead() throws {
        var files = PublishFixture.files
        let title = #"Farlig "titel" <script>alert(1)</script>"#
        let summary = #"Et 'resumé' med "citat" & <script>alert(2)</script>"#
        files["artikler/farlig.md"] = """
            ---
            title: '\(title)'
            date: 2024-04-01
            kind: case
            summary: '\(summary.replacingOccurrences(of: "'", with: "''"))'
            ---

            Læs [forklaringen](forklaring.md).
            """
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        try fixture.build()
        let page = try fixture.read("artikler/farlig-titel-script-alert-1-script/index.html")
        #expect(!page.contains("<script>alert"))
        let head = try #require(page.components(separatedBy: "</head>").first)
        #expect(head.contains("content=\"Farlig &quot;titel&quot; &lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(HTMLScan.meta("og:title", in: head) == title)
        #expect(HTMLScan.meta("description", in: head) == summary)
        #expect(HTMLScan.meta("og:description", in: head) == summary)
        // Every attribute in the head is closed where it should be: no value leaks out of its quotes.
        for tag in head.matches(of: /<meta [^>]*>/) {
            #expect(String(tag.output).filter { $0 == "\"" }.count % 2 == 0)
        }
    }

    // MARK: Assets

    @Test func assetNamesCarryTheContentHashAndPagesUseThem() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.build()
        let assets = try FileManager.default.contentsOfDirectory(atPath: fixture.output.appendingPathComponent("assets").path)
        var hashed: [String: String] = [:]
        for name in ["style.css", "site.js", "search.js", "stemmer.js"] {
            let source = try Data(contentsOf: fixture.templates.appendingPathComponent("assets/\(name)"))
            let hash = ContentHash.hex(of: source)
            #expect(hash.count == 10 && hash.allSatisfy(\.isHexDigit))
            let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            let expected = "\(stem).\(hash).\(ext)"
            #expect(assets.contains(expected))
            #expect(!assets.contains(name), "\(name) is also copied without a hash")
            hashed[name] = "/boligsocial/assets/" + expected
        }
        for file in PublishFixture.files(in: fixture.output) where file.hasSuffix(".html") {
            let html = try fixture.read(file)
            #expect(HTMLScan.attributes("href", in: html).contains(hashed["style.css"]!), "\(file) does not use the hashed stylesheet")
            #expect(HTMLScan.attributes("src", in: html).contains(hashed["site.js"]!), "\(file) does not use the hashed script")
        }
        #expect(HTMLScan.attributes("src", in: try fixture.read("soeg/index.html")).contains(hashed["search.js"]!))
        #expect(HTMLScan.attributes("src", in: try fixture.read("soeg/index.html")).contains(hashed["stemmer.js"]!))

        // Changing the stylesheet changes its name.
        let css = fixture.templates.appendingPathComponent("assets/style.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n.ny { color: red; }\n").write(to: css, atomically: true, encoding: .utf8)
        try fixture.build()
        let renamed = try FileManager.default.contentsOfDirectory(atPath: fixture.output.appendingPathComponent("assets").path)
        #expect(!renamed.contains(String(hashed["style.css"]!.dropFirst("/boligsocial/assets/".count))))
        #expect(renamed.contains { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
    }
}
