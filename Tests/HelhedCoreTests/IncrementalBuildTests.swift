import Foundation
import Testing
@testable import HelhedCore

/// Rebuilds for the preview server: only what depends on a change is done again, and the result always equals a
/// full build.
@Suite struct IncrementalBuildTests {
    static func site() throws -> FixtureSite {
        try FixtureSite(files: [
            "Content/artikler/forklaring.md": Page.article(title: "Forklaringen", date: "2022-08-29", kind: "explainer", tags: ["planer"],
                                                          body: "Om [[helhedsplan]] og [Kolding](kolding.md)."),
            "Content/artikler/kolding.md": Page.article(title: "Kolding", date: "2022-09-05", tags: ["samarbejde"], body: "En helhedsplan."),
            "Content/artikler/udsyn.md": Page.article(title: "Udsyn", date: "2022-10-12", kind: "event", body: "Konference."),
            "Content/ordforklaringer/helhedsplan.md": Page.term(title: "helhedsplan", summary: "En samlet plan."),
            "Content/ordforklaringer/fond.md": Page.term(title: "Landsbyggefonden", summary: "Fonden."),
        ])
    }

    static func generator(_ site: FixtureSite) -> IncrementalBuild {
        IncrementalBuild(options: site.options())
    }

    /// Waits until the clock has moved on, so that a rewritten file gets a new modification time even on coarse clocks.
    static func touch(_ site: FixtureSite, _ path: String, _ text: String) throws {
        Thread.sleep(forTimeInterval: 0.01)
        try site.write(path, text)
    }

    static func fullBuild(_ site: FixtureSite) throws -> [OutputFile] {
        try SiteGenerator.generate(site.options()).files
    }

    @Test func aSecondRebuildWithoutChangesRendersNothing() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        let first = try generator.rebuild()
        #expect(first.renderedPageCount == first.files.filter { $0.path.hasSuffix(".html") }.count)
        #expect(first.change.changed.count == first.files.count)
        let second = try generator.rebuild()
        #expect(second.renderedPageCount == 0)
        #expect(second.change.changed == [])
        #expect(second.files == first.files)
    }

    @Test func editingAnArticleBodyRendersOnlyThatPage() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        try Self.touch(site, "Content/artikler/udsyn.md", Page.article(title: "Udsyn", date: "2022-10-12", kind: "event", body: "Konference i København."))
        let result = try generator.rebuild()
        #expect(result.renderedPageCount == 1)
        #expect(result.change.changed.filter { !$0.hasPrefix("soeg/") } == ["artikler/udsyn/index.html", "feed.xml"])
        // The search index: the manifest and the shards of the words the article lost or gained.
        #expect(result.change.changed.contains("soeg/index.json"))
        #expect(result.change.changed.contains { $0.hasPrefix("soeg/t/") })
        #expect(result.files == (try Self.fullBuild(site)))
    }

    @Test func mentioningATermReRendersItsBacklinks() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        try Self.touch(site, "Content/artikler/udsyn.md", Page.article(title: "Udsyn", date: "2022-10-12", kind: "event", body: "Om Landsbyggefonden."))
        let result = try generator.rebuild()
        #expect(result.change.changed.contains("ordforklaringer/landsbyggefonden/index.html"))
        #expect(!result.change.changed.contains("ordforklaringer/helhedsplan/index.html"))
        #expect(result.renderedPageCount == 2)
        #expect(result.files == (try Self.fullBuild(site)))
    }

    @Test func retitlingAnArticleReRendersTheListsThatShowIt() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        try Self.touch(site, "Content/artikler/kolding.md", Page.article(title: "Kolding", date: "2022-09-05", summary: "Et nyt resumé.",
                                                                          tags: ["samarbejde"], body: "En helhedsplan."))
        let result = try generator.rebuild()
        #expect(Set(result.change.changed).isSuperset(of: ["index.html", "artikler/index.html", "artikler/kolding/index.html",
                                                         "emner/samarbejde/index.html"]))
        #expect(!result.change.changed.contains("ordforklaringer/index.html"))
        #expect(!result.change.changed.contains("artikler/udsyn/index.html"))
        #expect(result.files == (try Self.fullBuild(site)))
    }

    @Test func aNewAliasLinksTheArticlesThatAlreadyUseIt() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        // "Konference." in udsyn.md is unchanged: only the term's new alias can make it a link.
        try Self.touch(site, "Content/ordforklaringer/fond.md", Page.term(title: "Landsbyggefonden", summary: "Fonden.", aliases: ["konference"]))
        let result = try generator.rebuild()
        #expect(result.change.changed.contains("artikler/udsyn/index.html"))
        let udsyn = try #require(result.files.first { $0.path == "artikler/udsyn/index.html" })
        #expect(String(decoding: try udsyn.data(), as: UTF8.self).contains("ordforklaringer/landsbyggefonden/"))
        #expect(result.files == (try Self.fullBuild(site)))
    }

    @Test func aNewSiteAddressRewritesEveryFeedEntry() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        try Self.touch(site, "Content/site.yml", FixtureSite.minimalConfig.replacingOccurrences(of: "https://example.org/", with: "https://example.org/boligsocial/"))
        let result = try generator.rebuild()
        let feed = try #require(result.files.first { $0.path == "feed.xml" })
        let text = String(decoding: try feed.data(), as: UTF8.self)
        #expect(!text.contains("https://example.org/artikler/"))
        #expect(text.components(separatedBy: "<id>https://example.org/boligsocial/artikler/").count == 4, "all three entries")
        #expect(result.files == (try Self.fullBuild(site)))
    }

    @Test func aTemplateChangeReRendersThePagesThatUseIt() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        let term = try String(contentsOf: site.url("Templates/term.mustache"), encoding: .utf8)
        try Self.touch(site, "Templates/term.mustache", term.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<!-- ændret -->"))
        let result = try generator.rebuild()
        #expect(result.renderedPageCount == 2)
        #expect(result.change.changed == ["ordforklaringer/helhedsplan/index.html", "ordforklaringer/landsbyggefonden/index.html"])
        let layout = try String(contentsOf: site.url("Templates/footer.mustache"), encoding: .utf8)
        try Self.touch(site, "Templates/footer.mustache", layout + "\n")
        let all = try generator.rebuild()
        #expect(all.renderedPageCount == all.files.filter { $0.path.hasSuffix(".html") }.count, "every page uses the footer")
        #expect(all.files == (try Self.fullBuild(site)))
    }

    @Test func aFailedRebuildKeepsTheLastGoodStateToCompareWith() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        let good = try generator.rebuild()
        try Self.touch(site, "Content/artikler/kolding.md", Page.article(title: "Kolding", date: "i går"))
        #expect(throws: BuildFailure.self) { try generator.rebuild() }
        try Self.touch(site, "Content/artikler/kolding.md", Page.article(title: "Kolding", date: "2022-09-05", tags: ["samarbejde"], body: "En helhedsplan."))
        let fixed = try generator.rebuild()
        #expect(fixed.files == good.files)
        #expect(fixed.change.changed == [])
    }

    @Test func addingAndRemovingFilesIsSeen() throws {
        let site = try Self.site()
        let generator = Self.generator(site)
        _ = try generator.rebuild()
        try site.write("Content/billeder/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.write("Content/artikler/ny.md", Page.article(title: "Ny artikel", date: "2022-11-01"))
        let added = try generator.rebuild()
        #expect(added.change.changed.contains("billeder/kort.svg"))
        #expect(added.change.changed.contains("artikler/ny-artikel/index.html"))
        try site.remove("Content/artikler/ny.md")
        let removed = try generator.rebuild()
        #expect(removed.change.removed.filter { !$0.hasPrefix("soeg/") } == ["artikler/ny-artikel/index.html"])
        #expect(removed.files == (try Self.fullBuild(site)))
    }
}
