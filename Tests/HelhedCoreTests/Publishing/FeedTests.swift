import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import HelhedCore

/// `feed.xml` is well-formed Atom 1.0 with every required element, newest first, full bodies with `xml:base`.
@Suite struct FeedTests {
    static let atom = "http://www.w3.org/2005/Atom"

    static func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        return try #require(document.rootElement())
    }

    /// An attribute by its qualified name (FoundationXML's `attribute(forName:)` misses them in a namespaced document).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func child(_ element: XMLElement, _ name: String) -> XMLElement? {
        element.elements(forLocalName: name, uri: atom).first
    }

    @Test func feedIsWellFormedAtomWithTheRequiredElements() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.generate()
        let feed = try Self.parse(try #require(PublishFixture.text(site, "feed.xml")))

        #expect(feed.localName == "feed")
        #expect(feed.uri == Self.atom)
        #expect(Self.child(feed, "id")?.stringValue == "https://example.org/boligsocial/")
        #expect(Self.child(feed, "title")?.stringValue == "Boligtest")
        // The newest of updated/date: forklaring was updated 2024-03-01, after kolding's date 2024-02-05.
        #expect(Self.child(feed, "updated")?.stringValue == "2024-03-01T00:00:00Z")
        let links = feed.elements(forLocalName: "link", uri: Self.atom)
        #expect(links.first { Self.attribute($0, "rel") == "self" }.flatMap { Self.attribute($0, "href") }
                == "https://example.org/boligsocial/feed.xml")
        #expect(links.first { Self.attribute($0, "rel") == "alternate" }.flatMap { Self.attribute($0, "href") }
                == "https://example.org/boligsocial/")
        #expect(Self.child(feed, "author").flatMap { Self.child($0, "name") }?.stringValue == "Testforlaget")

        let entries = feed.elements(forLocalName: "entry", uri: Self.atom)
        #expect(entries.compactMap { Self.child($0, "title")?.stringValue } == ["Kolding prøver noget nyt", "Helhedsplaner forklaret"])
        for entry in entries {
            for name in ["id", "title", "updated", "published", "summary", "content"] {
                #expect(Self.child(entry, name) != nil, "entry lacks \(name)")
            }
            let id = try #require(Self.child(entry, "id")?.stringValue)
            #expect(id.hasPrefix("https://example.org/boligsocial/artikler/"))
            let link = entry.elements(forLocalName: "link", uri: Self.atom).first
            #expect(link.flatMap { Self.attribute($0, "href") } == id)
            let content = try #require(Self.child(entry, "content"))
            #expect(Self.attribute(content, "type") == "html")
            #expect(Self.attribute(content, "xml:base") == id)
        }

        let explainer = entries[1]
        #expect(Self.child(explainer, "published")?.stringValue == "2024-01-10T00:00:00Z")
        #expect(Self.child(explainer, "updated")?.stringValue == "2024-03-01T00:00:00Z")
        #expect(Self.child(explainer, "summary")?.stringValue == "Hvad en helhedsplan er, og hvem der er med.")
        #expect(explainer.elements(forLocalName: "category", uri: Self.atom).compactMap { Self.attribute($0, "term") }
                == ["helhedsplaner", "samarbejde"])
        // The content is the full rendered body, as escaped HTML; its links are root-relative and resolve against xml:base.
        let html = try #require(Self.child(explainer, "content")?.stringValue)
        #expect(html == site.bodies[.article(site.site.articles.firstIndex { $0.title == "Helhedsplaner forklaret" }!)]?.html.html)
        let href = "/boligsocial/artikler/kolding-proever-noget-nyt/#udfordringen"
        #expect(html.contains("href=\"\(href)\""))
        let baseText = try #require(Self.child(explainer, "content").flatMap { Self.attribute($0, "xml:base") })
        let base = try #require(URL(string: baseText))
        #expect(URL(string: href, relativeTo: base)?.absoluteString == "https://example.org/boligsocial/artikler/kolding-proever-noget-nyt/#udfordringen")
        #expect(URL(string: "#baggrund", relativeTo: base)?.absoluteString == "https://example.org/boligsocial/artikler/helhedsplaner-forklaret/#baggrund")
        #expect(html.contains("<h2 id=\"baggrund\">"))
    }

    @Test func feedLimitKeepsTheNewestArticles() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let config = "title: Boligtest\ndescription: En testside.\nbase_url: https://example.org/\n"
        try fixture.write("site.yml", config + "feed_limit: 1\n")
        let limited = try Self.parse(try #require(PublishFixture.text(try fixture.generate(), "feed.xml")))
        #expect(limited.elements(forLocalName: "entry", uri: Self.atom).compactMap { Self.child($0, "title")?.stringValue }
                == ["Kolding prøver noget nyt"])
        try fixture.write("site.yml", config + "feed_limit: 0\n")
        let all = try Self.parse(try #require(PublishFixture.text(try fixture.generate(), "feed.xml")))
        #expect(all.elements(forLocalName: "entry", uri: Self.atom).count == 2)
        try fixture.write("site.yml", config + "feed_limit: -3\n")
        #expect(throws: BuildFailure.self) { try fixture.generate() }
        #expect(SiteConfig.defaultFeedLimit == 50)
    }

    @Test func theAuthorIsTheSiteTitleWithoutAPublisher() throws {
        let fixture = try PublishFixture(publisher: nil)
        defer { fixture.remove() }
        let feed = try Self.parse(try #require(PublishFixture.text(try fixture.generate(), "feed.xml")))
        #expect(Self.child(feed, "author").flatMap { Self.child($0, "name") }?.stringValue == "Boligtest")
    }

    @Test func markupQuotesAndControlCharactersStayText() throws {
        var files = PublishFixture.files
        let title = #"<script>alert("x")</script> & 'citat' ]]>"#
        files["artikler/kolding.md"] = """
            ---
            title: '\(title.replacingOccurrences(of: "'", with: "''"))'
            slug: farlig
            date: 2024-02-05
            kind: case
            summary: "Resumé med <b>fed</b> & \\"citat\\""
            ---

            Tekst med et lodret tabulatortegn: \u{0B} og <em>rå HTML</em> og [forklaringen](forklaring.md).

            ## Udfordringen
            """
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let text = try #require(PublishFixture.text(try fixture.generate(), "feed.xml"))
        #expect(!text.contains("<script>"))
        #expect(!text.contains("\u{0B}"))
        let feed = try Self.parse(text)  // throws if the control character or markup broke the XML
        let entry = try #require(feed.elements(forLocalName: "entry", uri: Self.atom).first { Self.child($0, "id")?.stringValue?.hasSuffix("/farlig/") == true })
        #expect(Self.child(entry, "title")?.stringValue == title)
        #expect(Self.child(entry, "summary")?.stringValue == #"Resumé med <b>fed</b> & "citat""#)
    }

    @Test func anEmptySiteStillHasAValidFeedWithAFixedDate() throws {
        var files = PublishFixture.files
        for path in files.keys where path.hasPrefix("artikler/") { files[path] = nil }
        files["ordforklaringer/helhedsplan.md"] = files["ordforklaringer/helhedsplan.md"]!.replacingOccurrences(of: "related: [beboerrådgiver]\n", with: "")
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let feed = try Self.parse(try #require(PublishFixture.text(try fixture.generate(), "feed.xml")))
        #expect(Self.child(feed, "updated")?.stringValue == Feed.emptyFeedUpdated)
        #expect(feed.elements(forLocalName: "entry", uri: Self.atom).isEmpty)
    }
}
