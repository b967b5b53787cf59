import Foundation
import Testing
@testable import HelhedCore

/// Published addresses keep working: the record in `Content/adresser.yml`, and the redirect a page leaves behind when
/// its address changes. Real builds into real folders.
@Suite struct MovedPageTests {
    static func site() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/artikler/kolding.md": Page.article(title: "Kolding prøver noget nyt", body: "Om [Fredericia](fredericia.md)."),
            "Content/artikler/fredericia.md": Page.article(title: "Fredericia", body: "Om [Kolding](kolding.md)."),
            "Content/ordforklaringer/plan.md": Page.term(title: "helhedsplan", summary: "En samlet plan."),
        ])
    }

    static func record(_ site: FixtureSite) throws -> String {
        try String(contentsOf: site.url("Content/adresser.yml"), encoding: .utf8)
    }

    static func retitle(_ site: FixtureSite, _ title: String) throws {
        try site.write("Content/artikler/kolding.md", Page.article(title: title, body: "Om [Fredericia](fredericia.md)."))
    }

    @Test func theFirstBuildRecordsEveryAddressSorted() throws {
        let site = try Self.site()
        try site.build()
        #expect(try Self.record(site).hasSuffix("""
            artikler/fredericia.md: /artikler/fredericia/
            artikler/kolding.md: /artikler/kolding-proever-noget-nyt/
            ordforklaringer/plan.md: /ordforklaringer/helhedsplan/

            """))
        #expect(!site.exists("adresser.yml"), "the record is never published")
        #expect(!site.exists("_redirects"), "written only when there are redirects")
    }

    @Test func aNewTitleLeavesARedirectAtTheOldAddress() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()

        let page = try site.read("artikler/kolding-proever-noget-nyt/index.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/artikler/kolding-tager-nye-veje/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/artikler/kolding-tager-nye-veje/">"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(page.contains(#"<a href="/artikler/kolding-tager-nye-veje/">Kolding tager nye veje</a>"#))
        #expect(page.contains("<title>Siden er flyttet: Kolding tager nye veje – Testsitet</title>"))
        #expect(page.contains("<main id=\"hovedindhold\"") && page.contains("<h1>Siden er flyttet</h1>"))
        #expect(site.exists("artikler/kolding-tager-nye-veje/index.html"))

        #expect(try site.read("_redirects") == "# Old addresses of this site's pages (written by helhed build)\n/artikler/kolding-proever-noget-nyt/ /artikler/kolding-tager-nye-veje/ 301\n")
        for file in ["sitemap.xml", "feed.xml", "soeg/index.json", "index.html", "artikler/index.html"] {
            #expect(try !site.read(file).contains("kolding-proever-noget-nyt"), "\(file) lists only real pages")
        }
        #expect(try Self.record(site).contains("""
            artikler/kolding.md:
              address: /artikler/kolding-tager-nye-veje/
              earlier:
                - /artikler/kolding-proever-noget-nyt/

            """))
    }

    @Test func laterBuildsKeepTheRedirectAndLeaveTheRecordAlone() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()
        let recordURL = site.url("Content/adresser.yml")
        let before = try FileManager.default.attributesOfItem(atPath: recordURL.path)
        Thread.sleep(forTimeInterval: 0.01)
        try site.build()
        let after = try FileManager.default.attributesOfItem(atPath: recordURL.path)
        #expect(site.exists("artikler/kolding-proever-noget-nyt/index.html"))
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date, "unchanged bytes are not written")
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
    }

    @Test func aPageThatMovesTwiceRedirectsBothOldAddressesStraightToTheNewest() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding tager nye veje", extra: "slug: kolding",
                                                                   body: "Om [Fredericia](fredericia.md)."))
        try site.build()
        for old in ["kolding-proever-noget-nyt", "kolding-tager-nye-veje"] {
            #expect(try site.read("artikler/\(old)/index.html").contains(#"content="0; url=/artikler/kolding/""#), "no chain through \(old)")
        }
        #expect(try site.read("_redirects").hasSuffix("""
            /artikler/kolding-proever-noget-nyt/ /artikler/kolding/ 301
            /artikler/kolding-tager-nye-veje/ /artikler/kolding/ 301

            """))
    }

    @Test func movingBackToAnOldAddressMakesItAPageAgain() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()
        try Self.retitle(site, "Kolding prøver noget nyt")
        try site.build()
        #expect(try site.read("artikler/kolding-proever-noget-nyt/index.html").contains("<h1>Kolding prøver noget nyt</h1>"))
        #expect(try site.read("artikler/kolding-tager-nye-veje/index.html").contains(#"url=/artikler/kolding-proever-noget-nyt/""#))
    }

    @Test func aNewPageAtAnOldAddressTakesItOver() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()
        try site.write("Content/artikler/ny.md", Page.article(title: "Kolding prøver noget nyt", body: "Tekst."))
        try site.build()
        #expect(try site.read("artikler/kolding-proever-noget-nyt/index.html").contains("<h1>Kolding prøver noget nyt</h1>"))
        #expect(!site.exists("_redirects"))
        #expect(try !Self.record(site).contains("  earlier:"), "the address is the new page's now")
    }

    @Test func aFailedBuildRecordsNothing() throws {
        let site = try Self.site()
        try site.build()
        let record = try Self.record(site)
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding tager nye veje", body: "Om [Vejle](vejle.md)."))
        #expect(!site.failingBuild().isEmpty)
        #expect(try Self.record(site) == record)
        #expect(!site.exists("artikler/kolding-tager-nye-veje/index.html"))
    }

    @Test func previewAndCheckShowTheRedirectWithoutRecordingIt() throws {
        let site = try Self.site()
        try site.build()
        let record = try Self.record(site)
        try Self.retitle(site, "Kolding tager nye veje")
        let preview = try IncrementalBuild(options: site.options()).rebuild()
        let redirect = preview.files.first { $0.path == "artikler/kolding-proever-noget-nyt/index.html" }
        #expect(redirect != nil, "the preview shows what the next build publishes")
        _ = SiteCheck.run(site.options())
        #expect(try Self.record(site) == record, "only helhed build records addresses; transient titles never enter the record")
    }

    @Test func aRenamedFileKeepsItsAddressesWithoutAWarning() throws {
        let site = try Self.site()
        try site.build()
        try Self.retitle(site, "Kolding tager nye veje")
        try site.build()
        try site.remove("Content/artikler/kolding.md")
        try site.write("Content/artikler/fredericia.md", Page.article(title: "Fredericia", body: "Tekst."))
        try site.write("Content/artikler/kolding-2022.md", Page.article(title: "Kolding tager nye veje", body: "Tekst."))
        let report = try site.build()
        #expect(report.warnings.filter { $0.path.hasSuffix("adresser.yml") }.isEmpty)
        #expect(try site.read("artikler/kolding-proever-noget-nyt/index.html").contains(#"url=/artikler/kolding-tager-nye-veje/""#))
        let record = try Self.record(site)
        #expect(!record.contains("artikler/kolding.md:"))
        #expect(record.contains("artikler/kolding-2022.md:\n  address: /artikler/kolding-tager-nye-veje/\n  earlier:\n    - /artikler/kolding-proever-noget-nyt/\n"))
    }

    @Test func aBrokenRecordIsAnErrorAtItsLine() throws {
        let site = try Self.site()
        try site.write("Content/adresser.yml", "artikler/fredericia.md: /artikler/fredericia/\nartikler/kolding.md:\n  address: /artikler/kolding/\n  earlier:\n    - ../hemmelig/\n")
        #expect(site.failingBuild() == [
            "Content/adresser.yml:5: error: \"../hemmelig/\" is not an address: an address starts with '/' at the site's root, e.g. /artikler/gammel-titel/; this file records the addresses the site has published (see README)",
        ])
    }
}
