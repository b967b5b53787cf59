import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import HelhedCore
import HelhedTemplates

/// Text from front matter is untrusted: a title, summary, tag, alias or site setting holding markup, quotes or
/// Mustache braces must come out escaped in every file it reaches (pages, meta tags, feed, sitemap, search index), and
/// no link that a browser would run as script may reach any output file.
@Suite struct UntrustedOutputTests {
    static let payload = #"<script>alert(1)</script> "dq" 'sq' {{x}} {{{y}}} & </title>"#

    static let siteTitle = "Site " + payload
    static let siteDescription = "Beskrivelse " + payload
    static let articleTitle = "Artikel " + payload
    static let summary = "Resumé " + payload
    static let tag = "emne " + payload
    static let termTitle = "Begreb " + payload
    static let termSummary = "Definition " + payload
    static let alias = "alias " + payload

    /// Links a browser would run (or that cmark and Helhed must recognise through entities, case and white space).
    /// Each is removed with a warning; the build succeeds.
    static let removedLinks = [
        "[a](javascript:alert(1))",
        "[b](JaVaScRiPt:alert(1))",
        "[c](javascript&#58;alert(1))",
        "[d](&#106;avascript:alert(1))",
        "[e](  javascript:alert(1)  )",
        "[f][ond]",
        "![g](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[h](vbscript:msgbox(1))",
        "[i](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[j](<javascript:alert(1)>)",
        "[k](javascript:alert(1) \"titel\")",
        "[l](jav&#x61;script:alert(1))",
        "[m](javascript:%61lert(1))",
        "[n](JAVASCRIPT:alert(1))",
        "[o](file:///etc/passwd)",
        "![p](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    ]

    /// Addresses with a tab, newline, control character or percent-encoded letter inside the scheme. cmark
    /// percent-encodes those characters, so a browser would not run them; Helhed reads them as paths inside the site,
    /// which do not exist, so each is an error and nothing is written.
    static let refusedLinks = [
        "[p](<java\tscript:alert(1)>)",
        "[q](java&#x09;script:alert(1))",
        "[r](%6Aavascript:alert(1))",
        "[s](<\u{01}javascript:alert(1)>)",
        "[t](java&#10;script:alert(1))",
        "[u](&#x20;javascript:alert(1))",
    ]

    static func site(body: String, unsafeHTML: Bool = false) throws -> FixtureSite {
        let q = Page.quoted
        let config = """
            title: \(q(siteTitle))
            description: \(q(siteDescription))
            base_url: https://example.org/
            publisher: \(q("Forlag " + payload))
            unsafe_html: \(unsafeHTML)
            """
        return try FixtureSite(files: [
            "Content/artikler/a.md": Page.article(title: articleTitle, summary: summary, tags: [tag, "almindeligt"], extra: "slug: artikel", body: body),
            "Content/ordforklaringer/ord.md": Page.term(title: "ord", summary: termSummary, body: "Et ord."),
            "Content/ordforklaringer/begreb.md": Page.term(title: termTitle, summary: "Forklaring.", aliases: [alias], extra: "slug: begreb",
                                                          body: "Se [[ord]]."),
        ], config: config)
    }

    static let body = """
        Et ord i teksten, og [begrebet](../ordforklaringer/begreb.md), og alias &lt;script&gt;alert(1)&lt;/script&gt; &quot;dq&quot; 'sq' {{x}} {{{y}}} &amp; &lt;/title&gt; her.

        <a href="javascript:alert(1)">rå HTML</a> <script>alert(1)</script>

        \(removedLinks.joined(separator: "\n\n"))

        [ond]: javascript:alert(1)
        """

    // MARK: Escaping

    @Test func frontMatterTextIsEscapedInEveryFileThatShowsIt() throws {
        let fixture = try Self.site(body: Self.body)
        let report = try fixture.build()
        #expect(report.warnings.filter { $0.message.hasPrefix("removed a") }.count == Self.removedLinks.count,
                "every dangerous Markdown link is reported: \(report.warnings)")
        let files = fixture.outputFiles()
        #expect(files.contains("artikler/artikel/index.html") && files.contains("ordforklaringer/begreb/index.html"))

        // Nowhere, in any file, does the markup survive as markup.
        for path in files {
            let text = try fixture.read(path)
            #expect(!text.lowercased().contains("<script>alert"), "\(path) holds a script tag")
            #expect(!text.contains("</title> "), "\(path) holds the payload's </title> unescaped")
            if path.hasSuffix(".html") {
                let scripts = text.lowercased().components(separatedBy: "<script").count - 1
                let themeScripts = text.components(separatedBy: "<script src=\"/assets/").count - 1
                #expect(scripts == themeScripts, "\(path): only the theme's own scripts")
            }
        }

        let e = HTMLEscaping.escape
        let article = try fixture.read("artikler/artikel/index.html")
        #expect(article.contains("<title>\(e(Self.articleTitle))"))
        #expect(article.contains("<meta name=\"description\" content=\"\(e(Self.summary))\">"))
        #expect(article.contains("<meta property=\"og:title\" content=\"\(e(Self.articleTitle))\">"))
        #expect(article.contains("<meta property=\"og:description\" content=\"\(e(Self.summary))\">"))
        #expect(article.contains("<meta property=\"og:site_name\" content=\"\(e(Self.siteTitle))\">"))
        #expect(article.contains("<h1>\(e(Self.articleTitle))</h1>"))
        #expect(article.contains("<p class=\"lead\">\(e(Self.summary))</p>"))
        #expect(article.contains(">\(e(Self.tag))</a>"))
        #expect(article.contains("data-definition=\"\(e(Self.termSummary))\""), "the automatic term link's tooltip")
        #expect(article.contains("<dd id=\"definition-ord\">\(e(Self.termSummary))</dd>"))
        #expect(article.contains(">\(e(Self.termTitle))</a></dt>"), "the linked term in the definitions list")
        #expect(article.contains("class=\"term\"") && article.contains(">alias &lt;script&gt;alert(1)&lt;/script&gt;"),
                "an alias written with entities in the text is linked and shown escaped")
        #expect(article.contains("{{x}} {{{y}}}"), "Mustache braces in content are text, never expanded")

        let term = try fixture.read("ordforklaringer/begreb/index.html")
        #expect(term.contains("<h1>\(e(Self.termTitle))</h1>"))
        #expect(term.contains("<span class=\"alias\">\(e(Self.alias))</span>"))
        #expect(term.contains(">\(e(Self.articleTitle))</a></li>"), "Bruges i")

        let home = try fixture.read("index.html")
        #expect(home.contains(e(Self.articleTitle)) && home.contains(e(Self.summary)) && home.contains(e(Self.siteDescription)))
        let glossary = try fixture.read("ordforklaringer/index.html")
        #expect(glossary.contains(e(Self.termTitle)) && glossary.contains(e(Self.termSummary)))
        let tags = try fixture.read("emner/index.html")
        #expect(tags.contains(e(Self.tag)))
        let tagPage = try #require(files.first { $0.hasPrefix("emner/emne-script-alert-1-script-dq-sq-x-y-title/") })
        #expect(try fixture.read(tagPage).contains(e(Self.tag)))
    }

    @Test func theFeedAndSitemapAreWellFormedAndCarryTheTextExactly() throws {
        let fixture = try Self.site(body: Self.body)
        try fixture.build()
        let feedText = try fixture.read("feed.xml")
        let feed = try XMLDocument(data: Data(feedText.utf8))
        let root = try #require(feed.rootElement())
        let atom = Feed.atomNamespace
        func child(_ element: XMLElement, _ name: String) -> XMLElement? { element.elements(forLocalName: name, uri: atom).first }
        #expect(child(root, "title")?.stringValue == Self.siteTitle)
        #expect(child(root, "subtitle")?.stringValue == Self.siteDescription)
        let entry = try #require(child(root, "entry"))
        #expect(child(entry, "title")?.stringValue == Self.articleTitle)
        #expect(child(entry, "summary")?.stringValue == Self.summary)
        let labels: [String] = entry.elements(forLocalName: "category", uri: atom).compactMap { category in
            category.attributes?.first { $0.name == "label" }?.stringValue  // attribute(forName:) misses it in a namespaced document
        }
        #expect(labels.contains(Self.tag))
        // The body is HTML inside the feed: escaped once for XML, and its own text escaped by cmark.
        let content = try #require(child(entry, "content")?.stringValue)
        #expect(!content.lowercased().contains("<script"))
        #expect(!content.lowercased().contains("href=\"javascript"))

        let sitemap = try XMLDocument(data: Data(try fixture.read("sitemap.xml").utf8))
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations.contains("https://example.org/artikler/artikel/"))
        #expect(locations.allSatisfy { $0.hasPrefix("https://example.org/") && !$0.contains("<") && !$0.contains("\"") })
    }

    @Test func theSearchIndexIsJSONWithMarkupEscaped() throws {
        let fixture = try Self.site(body: Self.body)
        try fixture.build()
        let index = try PublishedSearchIndex(folder: fixture.output)
        // JSON escapes quotes itself; '<', '>' and '&' are written as \u003c, \u003e and \u0026 as well, so no file of
        // the index can close a <script> element even if someone inlines it in a page.
        #expect(index.files.count > 2)
        for bytes in index.files.values {
            #expect(!bytes.contains(UInt8(ascii: "<")) && !bytes.contains(UInt8(ascii: ">")) && !bytes.contains(UInt8(ascii: "&")))
        }
        let article = try #require(index.results.first { $0[1] == "/artikler/artikel/" })
        #expect(article[0] == Self.articleTitle)
        #expect(article[3] == Self.summary)
        let term = try #require(index.results.first { $0[1] == "/ordforklaringer/begreb/" })
        #expect(term[0] == Self.termTitle)
    }

    // MARK: Script links

    /// The scheme a browser would see in an attribute value: entities decoded, leading and trailing C0 controls and
    /// spaces dropped, tabs and newlines removed anywhere (the URL standard's rules), lower-cased.
    static func browserScheme(_ attribute: String) -> String? {
        var text = attribute
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        var decoded = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            decoded += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) < 10 {
                let name = after[..<semicolon]
                var scalar: Unicode.Scalar?
                if name == "amp" { scalar = "&" }
                else if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                if let scalar {
                    decoded.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            decoded += "&"
            rest = after
        }
        decoded += rest
        let trimmed = decoded.unicodeScalars.drop { $0.value <= 0x20 }.reversed().drop { $0.value <= 0x20 }.reversed()
        let url = String(String.UnicodeScalarView(trimmed.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).lowercased()
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return String(scheme)
    }

    static let runnableSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// Every `href`, `src`, `action`, `formaction` and `xlink:href` value in a file.
    static func addresses(in text: String) -> [String] {
        ["href", "src", "action", "formaction", "xlink:href", "xml:base"].flatMap { HTMLLinks.attributeValues($0, in: text) }
    }

    @Test func scriptLinksNeverReachAnyOutputFile() throws {
        for unsafe in [false, true] {
            let body = unsafe ? Self.removedLinks.joined(separator: "\n\n") + "\n\n[ond]: javascript:alert(1)\n" : Self.body
            let fixture = try Self.site(body: body, unsafeHTML: unsafe)
            try fixture.build()
            for path in fixture.outputFiles() {
                let text = try fixture.read(path)
                for address in Self.addresses(in: text) {
                    let scheme = Self.browserScheme(address)
                    #expect(scheme.map { !Self.runnableSchemes.contains($0) } ?? true, "\(path): \(address) (unsafe_html: \(unsafe))")
                }
                let lower = text.lowercased()
                #expect(!lower.contains("href=\"javascript") && !lower.contains("href=\"vbscript") && !lower.contains("href=\"data:"), "\(path)")
                if !path.hasSuffix(".json") {
                    // The autolink <javascript:alert(1)> keeps its text (harmless), so the words may appear, but never as an address.
                    #expect(lower.components(separatedBy: "javascript:").count <= 2, "\(path): only the autolink's text")
                }
            }
        }
    }

    @Test(arguments: refusedLinks)
    func obfuscatedSchemesAreRefusedAndNothingIsWritten(_ link: String) throws {
        let fixture = try Self.site(body: "Tekst.\n\n" + link + "\n")
        let messages = fixture.failingBuild()
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("Content/artikler/a.md:12: error: the link ") == true, "\(messages)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path), "a failed build writes nothing")
        // And even cmark's own rendering (the `helhed markdown` command, no site to resolve links against) only writes
        // them percent-encoded, which no browser reads as a scheme.
        let html = try MarkdownCommand.render(Array(link.utf8), plain: false, unsafe: false)
        for address in Self.addresses(in: html) {
            #expect(Self.browserScheme(address).map { !Self.runnableSchemes.contains($0) } ?? true, "\(html)")
        }
    }
}
