import Foundation
import Testing
@testable import HelhedCore

/// `old_addresses:` written by hand, and addresses that disappear because their page was deleted.
@Suite struct OldAddressTests {
    static func site(kolding extra: String = "", fredericia: String = "") throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/artikler/kolding.md": Page.article(title: "Kolding", extra: extra, body: "Om [Fredericia](fredericia.md)."),
            "Content/artikler/fredericia.md": Page.article(title: "Fredericia", extra: fredericia, body: "Om [Kolding](kolding.md)."),
            "Content/ordforklaringer/plan.md": Page.term(title: "helhedsplan", summary: "En samlet plan."),
        ])
    }

    @Test func oldAddressesRedirectToThePage() throws {
        let site = try Self.site(kolding: "old_addresses: [/nyheder/kolding/, /arkiv/kolding.html, /gammel]")
        try site.build()
        for file in ["nyheder/kolding/index.html", "arkiv/kolding.html", "gammel/index.html"] {
            #expect(try site.read(file).contains(#"<meta http-equiv="refresh" content="0; url=/artikler/kolding/">"#), "\(file)")
        }
        #expect(try site.read("_redirects").hasSuffix("""
            /arkiv/kolding.html /artikler/kolding/ 301
            /gammel/ /artikler/kolding/ 301
            /nyheder/kolding/ /artikler/kolding/ 301

            """))
        #expect(try !site.read("sitemap.xml").contains("nyheder"))
        #expect(try !String(contentsOf: site.url("Content/adresser.yml"), encoding: .utf8).contains("nyheder"),
                "addresses written by hand stay in the front matter")
    }

    @Test func oldAddressesUnderABaseURLPath() throws {
        let site = try Self.site(kolding: "old_addresses: [/nyheder/kolding/]")
        try site.build(SiteOptions(baseURL: BaseURL("https://example.org/boligsocial/"), today: Day(iso: "2024-01-01")!))
        #expect(try site.read("nyheder/kolding/index.html").contains(#"url=/boligsocial/artikler/kolding/""#))
        #expect(try site.read("_redirects").hasSuffix("\n/boligsocial/nyheder/kolding/ /boligsocial/artikler/kolding/ 301\n"))
    }

    @Test func theEditorsOwnRedirectsFileComesFirst() throws {
        let site = try Self.site()
        try site.write("Content/_redirects", "/nyhedsbrev https://nyhedsbrev.example.org/ 302")
        try site.build()
        #expect(try site.read("_redirects") == "/nyhedsbrev https://nyhedsbrev.example.org/ 302\n", "copied when the site has no redirects")
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", extra: "old_addresses: [/gammel/]", body: "Om [Fredericia](fredericia.md)."))
        try site.build()
        #expect(try site.read("_redirects") == """
            /nyhedsbrev https://nyhedsbrev.example.org/ 302
            # Old addresses of this site's pages (written by helhed build)
            /gammel/ /artikler/kolding/ 301

            """)
    }

    @Test(arguments: [
        ("../kolding/", "an address starts with '/' at the site's root, e.g. /artikler/gammel-titel/"),
        ("/a/../../kolding/", "the address may not hold '.' or '..' parts; it must stay inside the site"),
        ("https://example.org/kolding/", "write the address without the domain, from the site's root, e.g. /artikler/gammel-titel/"),
        ("/", "the front page cannot be an old address"),
        ("/a//b/", "the address has an empty part ('//')"),
        ("/.git/", "a part of the address starts with '.' (hidden files are not published)"),
        ("/kolding.pdf", "the address ends in '.pdf'; an old address is a page: end it in '/' (a folder) or '.html'"),
        ("/kø/", "the address holds \"ø\"; use only a-z, A-Z, 0-9, '-', '_', '.', '~' and '/'"),
    ])
    func anOldAddressThatIsNoAddressIsAnErrorAtItsLine(written: String, reason: String) throws {
        let site = try Self.site(kolding: "old_addresses:\n  - /fint/\n  - \(Page.quoted(written))")
        #expect(site.failingBuild() == ["Content/artikler/kolding.md:8: error: front matter: 'old_addresses' has \"\(written)\": \(reason)"])
    }

    @Test func anOldAddressMustBeFree() throws {
        let site = try Self.site(kolding: "old_addresses: [/artikler/fredericia/, /emner/, /feed.xml/, /artikler/kolding/, /delt/]",
                                 fredericia: "old_addresses: [/delt/]")
        #expect(site.failingBuild() == [
            "Content/artikler/kolding.md:6: error: front matter: 'old_addresses' has /artikler/fredericia/, which is the address of Content/artikler/fredericia.md; an old address must be free",
            "Content/artikler/kolding.md:6: error: front matter: 'old_addresses' has /artikler/kolding/, which is this page's own address; an old address must be free",
            "Content/artikler/kolding.md:6: error: front matter: 'old_addresses' has /delt/, which is also an old address of Content/artikler/fredericia.md; an old address must be free",
            "Content/artikler/kolding.md:6: error: front matter: 'old_addresses' has /emner/, which is a page or file the build makes; an old address must be free",
            "Content/artikler/kolding.md:6: error: front matter: 'old_addresses' has /feed.xml/, which is the name of a file of the site; an old address must be free",
        ])
    }

    @Test func hugosAliasesOnAnArticleSayWhereOldAddressesGo() throws {
        let site = try Self.site(kolding: "aliases: [/gammel/]")
        let warnings = try site.build().warnings.map(\.description)
        #expect(warnings == ["Content/artikler/kolding.md:6: warning: front matter: unknown field 'aliases'; an article's old addresses go in 'old_addresses'"])
    }

    @Test func aDeletedPageIsAWarningInBuildAndCheckUntilItsAddressIsKeptOrLetGo() throws {
        let site = try Self.site()
        try site.build()
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", body: "Tekst."))
        try site.remove("Content/artikler/fredericia.md")

        let expected = "Content/adresser.yml:4: warning: artikler/fredericia.md was deleted, so its address /artikler/fredericia/ no longer answers; to keep an address, add it to 'old_addresses:' of another page; to confirm it is gone, delete its entry (line 4) from this file"
        #expect(try site.build().warnings.map(\.description) == [expected])
        #expect(try site.build().warnings.map(\.description) == [expected], "the record keeps the address until the editor decides")
        #expect(SiteCheck.run(site.options()).warnings.map(\.description).contains(expected))
        #expect(!site.exists("artikler/fredericia/index.html"))

        // Kept: another page takes the address over, and the record hands it to that page.
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", extra: "old_addresses: [/artikler/fredericia/]", body: "Tekst."))
        #expect(try site.build().warnings.isEmpty)
        #expect(try site.read("artikler/fredericia/index.html").contains(#"url=/artikler/kolding/""#))
        let record = try String(contentsOf: site.url("Content/adresser.yml"), encoding: .utf8)
        #expect(record.contains("artikler/kolding.md:\n  address: /artikler/kolding/\n  earlier:\n    - /artikler/fredericia/\n"))
        #expect(!record.contains("artikler/fredericia.md"))
    }

    @Test func deletingTheEntryConfirmsThatTheAddressIsGone() throws {
        let site = try Self.site()
        try site.build()
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", body: "Tekst."))
        try site.remove("Content/artikler/fredericia.md")
        #expect(try site.build().warnings.count == 1)
        let record = try String(contentsOf: site.url("Content/adresser.yml"), encoding: .utf8)
        try site.write("Content/adresser.yml", record.replacingOccurrences(of: "artikler/fredericia.md: /artikler/fredericia/\n", with: ""))
        #expect(try site.build().warnings.isEmpty)
    }

    @Test func aDraftKeepsItsEntryWithoutAWarning() throws {
        let site = try Self.site()
        try site.build()
        try site.write("Content/artikler/fredericia.md", Page.article(title: "Fredericia", extra: "draft: true", body: "Tekst."))
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", body: "Tekst."))
        #expect(try site.build().warnings.isEmpty)
        #expect(try String(contentsOf: site.url("Content/adresser.yml"), encoding: .utf8).contains("artikler/fredericia.md:"))
    }
}
