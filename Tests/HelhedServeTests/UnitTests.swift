import Foundation
@testable import HelhedCore
import Testing
@testable import HelhedServe

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.78c21d5465.css", "text/css; charset=utf-8"),
        ("assets/site.23596f20cd.js", "text/javascript; charset=utf-8"),
        ("a.SVG", "image/svg+xml"),
        ("a.png", "image/png"),
        ("a.jpg", "image/jpeg"),
        ("a.jpeg", "image/jpeg"),
        ("a.webp", "image/webp"),
        ("favicon.ico", "image/x-icon"),
        ("a.pdf", "application/pdf"),
        ("a.json", "application/json"),
        ("feed.xml", "application/xml"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("font.woff2", "font/woff2"),
        ("README", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func typesByExtension(path: String, type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }
}

@Suite struct PageInjectionTests {
    @Test func scriptGoesBeforeTheLastBodyEndTag() {
        let html = Data("<html><body class=\"x\"><p>&lt;/body&gt; in text</p></BODY></html>".utf8)
        let result = String(decoding: PageInjection.inject(into: html, script: "<script>S</script>", banner: nil), as: UTF8.self)
        #expect(result == "<html><body class=\"x\"><p>&lt;/body&gt; in text</p><script>S</script></BODY></html>")
    }

    @Test func bannerGoesRightAfterTheOpeningBodyTag() {
        let html = Data("<html><head></head><body class=\"x\">\n<a>skip</a></body></html>".utf8)
        let result = String(decoding: PageInjection.inject(into: html, script: "<script>S</script>", banner: "<div>B</div>"), as: UTF8.self)
        #expect(result == "<html><head></head><body class=\"x\"><div>B</div>\n<a>skip</a><script>S</script></body></html>")
    }

    @Test func pagesWithoutBodyTagsStillGetBoth() {
        let result = String(decoding: PageInjection.inject(into: Data("<p>hej</p>".utf8), script: "<s>", banner: "<b>"), as: UTF8.self)
        #expect(result == "<b><p>hej</p><s>")
    }

    @Test func bannerIsAnAccessibleAlertWithEscapedMessages() {
        let banner = PageInjection.banner(for: [.error("Content/artikler/a.md", line: 3, "bad <tag> & \"quote\"")], hasGoodSite: true, in: .english)
        #expect(banner.contains("role=\"alert\""))
        #expect(banner.contains("Content/artikler/a.md:3: error: bad &lt;tag&gt; &amp; &quot;quote&quot;"))
        #expect(banner.contains("<button type=\"button\" data-helhed-dismiss"))
        #expect(!banner.contains("<tag>"))
    }

    /// The editor's view: a Danish banner, marked as Danish for screen readers, with the Danish severity word.
    @Test func bannerSpeaksDanishByDefault() {
        let options = ServeOptions(build: BuildOptions(contentFolder: URL(fileURLWithPath: "Content"), templatesFolder: URL(fileURLWithPath: "Templates"),
                                                       outputFolder: URL(fileURLWithPath: "Public")))
        #expect(options.messages == .danish)
        let banner = PageInjection.banner(for: [.error("Content/artikler/a.md", line: 3, "x")], hasGoodSite: true, in: options.messages)
        #expect(banner.contains("lang=\"da\""))
        #expect(banner.contains("Sitet blev ikke bygget igen. Du ser den seneste version, der kunne bygges."))
        #expect(banner.contains("Content/artikler/a.md:3: fejl: x"))
        #expect(banner.contains(">Luk</button>"))
    }

    @Test func notesAreALabelledRegionWithEscapedWords() throws {
        let page = PageNotes(sitePath: "artikler/a/index.html", sourcePath: "Content/artikler/<a>.md", notes: [
            .warning("Content/artikler/<a>.md", line: 3, column: 7, "unknown word 'x<y&z' (did you mean 'xy'?)"),
            .warning("Content/artikler/<a>.md", line: 4, "LIX 60 is above the target"),
        ])
        let notes = try #require(WritingNotes.html(for: page))
        #expect(notes.hasPrefix("<aside id=\"helhed-notes\" aria-labelledby=\"helhed-notes-title\" lang=\"en\""))
        #expect(notes.contains("<p id=\"helhed-notes-title\""))
        #expect(notes.contains("2 writing notes on Content/artikler/&lt;a&gt;.md"))
        #expect(notes.contains("<li style=\"margin:2px 0\">line 3, column 7: unknown word &#39;x&lt;y&amp;z&#39; (did you mean &#39;xy&#39;?)</li>"))
        #expect(notes.contains("line 4: LIX 60"))
        #expect(notes.contains("<button type=\"button\" data-helhed-dismiss-notes"))
        #expect(!notes.contains("<y") && !notes.contains("<a>"))
        #expect(WritingNotes.html(for: PageNotes(sitePath: "a/index.html", sourcePath: "Content/a.md", notes: [])) == nil)
    }

    @Test func notesGoAfterTheBanner() {
        let html = Data("<html><body>\n<a>skip</a></body></html>".utf8)
        let result = String(decoding: PageInjection.inject(into: html, script: "<s>", banner: "<div>B</div>", notes: "<aside>N</aside>"), as: UTF8.self)
        #expect(result == "<html><body><div>B</div><aside>N</aside>\n<a>skip</a><s></body></html>")
        let notesOnly = String(decoding: PageInjection.inject(into: html, script: "<s>", banner: nil, notes: "<aside>N</aside>"), as: UTF8.self)
        #expect(notesOnly == "<html><body><aside>N</aside>\n<a>skip</a><s></body></html>")
    }
}

@Suite struct ConditionalRequestTests {
    @Test func ifNoneMatchUsesWeakComparison() {
        #expect(PreviewHandler.matches("\"abc\"", etag: "\"abc\""))
        #expect(PreviewHandler.matches("W/\"abc\"", etag: "\"abc\""))
        #expect(PreviewHandler.matches("\"x\", \"abc\"", etag: "\"abc\""))
        #expect(PreviewHandler.matches("*", etag: "\"abc\""))
        #expect(!PreviewHandler.matches("\"abd\"", etag: "\"abc\""))
        #expect(!PreviewHandler.matches(nil, etag: "\"abc\""))
    }
}

@Suite struct ReloadPlanTests {
    private func snapshot(_ files: [String: String], generation: Int = 1) -> SiteSnapshot {
        SiteSnapshot(files: Dictionary(uniqueKeysWithValues: files.map { ($0.key, ServedFile(bytes: Data($0.value.utf8), path: $0.key)) }),
                     encodedBasePath: "/", generation: generation)
    }

    private func change(_ old: SiteSnapshot, _ new: SiteSnapshot) -> SiteChange {
        var change = SiteChange()
        for (path, file) in new.files {
            if let before = old.files[path] { if before.bytes != file.bytes { change.modified.append(path) } } else { change.added.append(path) }
        }
        change.removed = old.files.keys.filter { new.files[$0] == nil }
        change.added.sort(); change.modified.sort(); change.removed.sort()
        return change
    }

    @Test func hashedNamesPairUp() {
        #expect(ReloadPlan.unhashedName("assets/style.78c21d5465.css") == "assets/style.css")
        #expect(ReloadPlan.unhashedName("assets/plain.css") == "assets/plain.css")
        #expect(ReloadPlan.unhashedName("assets/style.NOTAHASH00.css") == "assets/style.NOTAHASH00.css")
    }

    @Test func aStylesheetOnlyChangeSwapsInPlace() {
        let old = snapshot(["index.html": "<link href=\"/assets/style.0000000000.css\">A",
                            "assets/style.0000000000.css": "a{}", "billede.png": "P"])
        let new = snapshot(["index.html": "<link href=\"/assets/style.1111111111.css\">A",
                            "assets/style.1111111111.css": "b{}", "billede.png": "P"])
        #expect(ReloadPlan.plan(for: change(old, new), from: old, to: new)
                == .swapStylesheets(["/assets/style.0000000000.css": "/assets/style.1111111111.css"]))
    }

    @Test func aPageChangeBesideTheStylesheetReloads() {
        let old = snapshot(["index.html": "<link href=\"/assets/style.0000000000.css\">A", "assets/style.0000000000.css": "a{}"])
        let new = snapshot(["index.html": "<link href=\"/assets/style.1111111111.css\">B", "assets/style.1111111111.css": "b{}"])
        let plan = ReloadPlan.plan(for: change(old, new), from: old, to: new)
        #expect(plan == .reload(["assets/style.0000000000.css", "assets/style.1111111111.css", "index.html"]))
    }

    @Test func noChangeMeansNothingToDo() {
        let site = snapshot(["index.html": "A"])
        #expect(ReloadPlan.plan(for: SiteChange(), from: site, to: site) == .nothing)
    }

    @Test func siteURLsDropIndexHTML() {
        let site = SiteSnapshot(files: [:], encodedBasePath: "/sub/", generation: 1)
        #expect(site.url(of: "index.html") == "/sub/")
        #expect(site.url(of: "artikler/kolding/index.html") == "/sub/artikler/kolding/")
        #expect(site.url(of: "billeder/børn.png") == "/sub/billeder/b%C3%B8rn.png")
    }

    @Test func foldersAreKnownForRedirects() {
        let site = SiteSnapshot(files: ["artikler/kolding/index.html": ServedFile(bytes: Data(), path: "index.html")],
                                encodedBasePath: "/", generation: 1)
        #expect(site.lookup("artikler") == .folder)
        #expect(site.lookup("artikler/kolding") == .folder)
        #expect(site.lookup("artikler/kolding/") == .file("artikler/kolding/index.html"))
        #expect(site.lookup("artikler/") == .missing)
        #expect(site.lookup("nope") == .missing)
    }
}
