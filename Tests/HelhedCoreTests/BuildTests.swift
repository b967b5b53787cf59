import Foundation
import Testing
@testable import HelhedCore

/// End-to-end builds of fixture sites in temporary folders, asserting on the files produced.
@Suite struct BuildTests {
    static func smallSite() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/artikler/forklaring.md": Page.article(title: "Hvad er en helhedsplan?", date: "2022-08-29", kind: "explainer",
                                                          tags: ["helhedsplaner"], body: """
                Her forklares [[helhedsplan]] og [Kolding](kolding.md).

                ![Boligblokke](../billeder/blokke.svg)
                """),
            "Content/artikler/kolding.md": Page.article(title: "Kolding", date: "2022-09-05", tags: ["samarbejde", "helhedsplaner"],
                                                       body: "Tilbage til [forklaringen](forklaring.md)."),
            "Content/artikler/udsyn.md": Page.article(title: "Bystrategisk Udsyn", date: "2022-10-12", kind: "event"),
            "Content/ordforklaringer/helhedsplan.md": Page.term(title: "helhedsplan", summary: "En samlet plan for et boligområde.",
                                                               aliases: ["helhedsplaner"], related: ["Landsbyggefonden"]),
            "Content/ordforklaringer/landsbyggefonden.md": Page.term(title: "Landsbyggefonden", summary: "Den almene sektors fond."),
            "Content/ordforklaringer/aarhus.md": Page.term(title: "Aarhus-modellen", summary: "Et eksempel."),
            "Content/ordforklaringer/aeldre.md": Page.term(title: "Ældreboliger", summary: "Boliger til ældre."),
            "Content/billeder/blokke.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>",
            "Content/filer/rapport.pdf": "%PDF-1.4 test",
        ])
    }

    @Test func producesEveryPageType() throws {
        let site = try Self.smallSite()
        let report = try site.build()
        let files = site.outputFiles()
        for expected in [
            "index.html", "404.html", "artikler/index.html", "ordforklaringer/index.html", "emner/index.html",
            "artikler/hvad-er-en-helhedsplan/index.html", "artikler/kolding/index.html", "artikler/bystrategisk-udsyn/index.html",
            "ordforklaringer/helhedsplan/index.html", "ordforklaringer/landsbyggefonden/index.html",
            "emner/helhedsplaner/index.html", "emner/samarbejde/index.html",
            "billeder/blokke.svg", "filer/rapport.pdf", "assets/favicon.svg",
        ] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(files.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(report.articleCount == 3)
        #expect(report.termCount == 4)
        #expect(report.summary.hasPrefix("Built \(report.pageCount) pages (3 articles, 4 terms), copied"))
    }

    @Test func everyInternalLinkPointsAtAProducedFile() throws {
        let site = try Self.smallSite()
        try site.build()
        let files = Set(site.outputFiles())
        var checked = 0
        for file in files where file.hasSuffix(".html") {
            let html = try site.read(file)
            for url in HTMLLinks.attributeValues("href", in: html) + HTMLLinks.attributeValues("src", in: html) where url.hasPrefix("/") {
                let path = String(url.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                let target = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                if target == "soeg/index.html" || target == "feed.xml" { continue }  // made by the publishing stage
                #expect(files.contains(target.removingPercentEncoding ?? target), "\(file) links to \(url)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func homeListsTheExplainerFirstThenNewestFirstWithDanishDates() throws {
        let site = try Self.smallSite()
        try site.build()
        let home = try site.read("index.html")
        let explainer = try #require(home.range(of: "Hvad er en helhedsplan?"))
        let event = try #require(home.range(of: "Bystrategisk Udsyn"))
        let kolding = try #require(home.range(of: ">Kolding<"))
        #expect(explainer.lowerBound < event.lowerBound)
        #expect(event.lowerBound < kolding.lowerBound)
        #expect(home.contains("<time datetime=\"2022-08-29\">29. august 2022</time>"))
        #expect(home.contains("<time datetime=\"2022-10-12\">12. oktober 2022</time>"))
        #expect(home.contains("href=\"/ordforklaringer/\""))
    }

    @Test func articlePageHasTitleDateTagsAndBody() throws {
        let site = try Self.smallSite()
        try site.build()
        let page = try site.read("artikler/kolding/index.html")
        #expect(page.contains("<h1>Kolding</h1>"))
        #expect(page.contains("<html lang=\"da\">"))
        #expect(page.contains("<time datetime=\"2022-09-05\">5. september 2022</time>"))
        #expect(page.contains("<a href=\"/emner/samarbejde/\">samarbejde</a>"))
        #expect(page.contains("Tilbage til <a href=\"/artikler/hvad-er-en-helhedsplan/\">forklaringen</a>."))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/artikler/kolding/\">"))
    }

    @Test func glossaryIsSortedDanishAndGroupedByLetter() throws {
        let site = try Self.smallSite()
        try site.build()
        let glossary = try site.read("ordforklaringer/index.html")
        let order = ["helhedsplan", "Landsbyggefonden", "Ældreboliger", "Aarhus-modellen"].map { term in
            glossary.range(of: ">\(term)</a>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(glossary.contains("<h2 id=\"bogstav-aa\">Å</h2>"))
        #expect(glossary.contains("<h2 id=\"bogstav-ae\">Æ</h2>"))
        #expect(glossary.contains("<a href=\"#bogstav-h\">H</a>"))
        #expect(glossary.contains("<span class=\"letter-empty\" aria-hidden=\"true\">Q</span>"))
    }

    @Test func termPageShowsDefinitionRelatedTermsAndBacklinks() throws {
        let site = try Self.smallSite()
        try site.build()
        let term = try site.read("ordforklaringer/helhedsplan/index.html")
        #expect(term.contains("<p class=\"lead definition\">En samlet plan for et boligområde.</p>"))
        #expect(term.contains("<a href=\"/ordforklaringer/landsbyggefonden/\">Landsbyggefonden</a>"))
        #expect(term.contains("<a href=\"/artikler/hvad-er-en-helhedsplan/\">Hvad er en helhedsplan?</a>"))
        let fund = try site.read("ordforklaringer/landsbyggefonden/index.html")
        #expect(fund.contains("<a href=\"/ordforklaringer/helhedsplan/\">helhedsplan</a>"), "related terms show on both sides")
    }

    @Test func escapesMarkupFromFrontMatterEverywhere() throws {
        let site = try FixtureSite(files: [
            "Content/artikler/x.md": Page.article(title: "<script>alert(\"x\")</script> & 'co'", summary: "<b>fed</b> {{site}}",
                                                 tags: ["<i>emne</i>"]),
        ])
        try site.build()
        for file in site.outputFiles() where file.hasSuffix(".html") {
            let html = try site.read(file)
            #expect(!html.contains("<script>alert"), "\(file)")
            #expect(!html.contains("<b>fed</b>"), "\(file)")
            #expect(!html.contains("<i>emne</i>"), "\(file)")
        }
        let page = try site.read("artikler/script-alert-x-script-co/index.html")
        #expect(page.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1>"))
        #expect(page.contains("&lt;b&gt;fed&lt;/b&gt; {{site}}"))
    }

    @Test func aSubPathBaseURLPrefixesEveryLink() throws {
        let site = try Self.smallSite()
        try site.build(SiteOptions(baseURL: BaseURL("https://example.org/boligsocial/"), today: Day(iso: "2024-01-01")!))
        for file in site.outputFiles() where file.hasSuffix(".html") {
            let html = try site.read(file)
            for url in HTMLLinks.attributeValues("href", in: html) + HTMLLinks.attributeValues("src", in: html) {
                #expect(url.hasPrefix("/boligsocial/") || url.hasPrefix("#") || url.hasPrefix("https://example.org/boligsocial/"),
                        "\(file): \(url)")
            }
        }
        let page = try site.read("artikler/kolding/index.html")
        #expect(page.contains("href=\"https://example.org/boligsocial/artikler/kolding/\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try Self.smallSite()
        try site.build()
        let first = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        try site.build()
        let second = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func aFailedBuildLeavesTheOutputUntouched() throws {
        let site = try Self.smallSite()
        try site.build()
        let before = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", date: "i går"))
        try site.write("Content/artikler/ny.md", Page.article(title: "Ny"))
        let messages = site.failingBuild()
        #expect(messages == ["Content/artikler/kolding.md:3: error: front matter: 'date' is not a date (got \"i går\"); write it as YYYY-MM-DD, e.g. 2022-08-20"])
        let after = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".helhed-") }
        #expect(leftovers.isEmpty)
    }

    @Test func removesPagesOfDeletedArticles() throws {
        let site = try Self.smallSite()
        try site.build()
        #expect(site.exists("artikler/kolding/index.html"))
        try site.remove("Content/artikler/kolding.md")
        try site.write("Content/artikler/forklaring.md", Page.article(title: "Hvad er en helhedsplan?", kind: "explainer"))
        try site.build()
        #expect(!site.exists("artikler/kolding/index.html"))
        #expect(!site.exists("emner/samarbejde/index.html"))
        #expect(site.exists("artikler/bystrategisk-udsyn/index.html"))
    }

    @Test func reportsAllErrorsOfABuildTogether() throws {
        let site = try Self.smallSite()
        try site.write("Content/artikler/a.md", Page.article(title: "A", kind: "story"))
        try site.write("Content/artikler/b.md", Page.article(title: "B", body: "[[ukendt ord]]"))
        try site.write("Templates/term.mustache", "{{<layout}}{{$main}}{{titel}}{{/main}}{{/layout}}")
        let messages = site.failingBuild()
        #expect(messages == [
            "Content/artikler/a.md:4: error: front matter: unknown kind \"story\"; use explainer, case or event",
            "Content/artikler/b.md:8: error: [[ukendt ord]] is not a term of the glossary",
            "Templates/term.mustache:1: error: template: 'titel' is not a field of TermPage here; did you mean 'title'? (fields: aliases, body, definitions, hasAliases, hasDefinitions, hasRelated, hasUsedIn, layout, related, summary, title, usedIn)",
        ])
    }

    @Test func refusesToReplaceAFolderHoldingARepository() throws {
        let site = try Self.smallSite()
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(site.failingBuild() == ["Public: error: the output folder holds a git repository; refusing to replace it (choose another --output)"])
    }

    @Test func cleansUpStagingFoldersOfKilledBuilds() throws {
        let site = try Self.smallSite()
        let leftover = site.root.appendingPathComponent(".Public.helhed-999999999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
