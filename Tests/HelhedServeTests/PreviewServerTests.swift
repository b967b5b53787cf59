import Foundation
@testable import HelhedCore
import Testing
@testable import HelhedServe

/// The server over real HTTP, on a free port, against a fixture site. Serialized: each test runs its own server and
/// rebuilds, and two cores are better spent on one at a time than on timeouts.
@Suite(.serialized) struct PreviewServerTests {
    // MARK: - Pages and types

    @Test func servesPagesAndFilesWithTheirTypes() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("X-Content-Type-Options") == "nosniff")
            #expect(home.text.contains("Testsitet"))
            #expect(home.text.contains("data-helhed-live-reload"))
            #expect(home.text.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(preview.port)/\">"))

            let article = try await preview.get("/artikler/foerste-artikel/")
            #expect(article.status == 200)
            #expect(article.text.contains(FixtureSite.firstArticleBody.prefix(30)))
            #expect(try await preview.get("/ordforklaringer/testord/").status == 200)

            for (pattern, type) in [("/assets/style\\.[0-9a-f]+\\.css", "text/css; charset=utf-8"),
                                    ("/assets/site\\.[0-9a-f]+\\.js", "text/javascript; charset=utf-8"),
                                    ("/assets/favicon\\.svg", "image/svg+xml")] {
                let path = try #require(home.text.firstMatch(of: try Regex(pattern)).map { String(home.text[$0.range]) })
                let reply = try await preview.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.header("Content-Type") == type, "\(path)")
                #expect(!reply.text.contains("data-helhed-live-reload"), "only HTML gets the script: \(path)")
            }
            for (path, type) in FixtureSite.staticFiles {
                let reply = try await preview.get("/" + path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.header("Content-Type") == type, "\(path)")
            }
            let png = try await preview.get("/filer/billede.png")
            #expect(png.body.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test func foldersRedirectToTheirSlash() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            let plain = try await preview.get("/artikler")
            #expect(plain.status == 302)
            #expect(plain.header("Location") == "/artikler/")
            let withQuery = try await preview.get("/artikler/foerste-artikel?utm=1")
            #expect(withQuery.status == 302)
            #expect(withQuery.header("Location") == "/artikler/foerste-artikel/?utm=1")
            #expect(try await preview.get("/artikler/").status == 200)
            #expect(try await preview.get("/filer").header("Location") == "/filer/")
        }
    }

    @Test func unknownPathsGetTheSites404Page() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            for path in ["/findes-ikke/", "/artikler/findes-ikke", "/filer/mangler.png", "/Content/site.yml", "/Templates/layout.mustache"] {
                let reply = try await preview.get(path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
                #expect(reply.text.contains("Vi kan ikke finde den side"), "\(path)")
                #expect(reply.text.contains("data-file=\"404.html\""), "\(path)")
            }
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            for path in ["/", "/filer/billede.png", "/findes-ikke/"] {
                let get = try await preview.get(path)
                let head = try await preview.get(path, method: "HEAD")
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.isEmpty, "\(path)")
                #expect(head.header("Content-Length") == String(get.body.count), "\(path)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "\(path)")
                #expect(head.header("ETag") == get.header("ETag"), "\(path)")
            }
            #expect(try await preview.get("/", method: "POST").status == 405)
        }
    }

    @Test func unchangedFilesAnswer304() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            for path in ["/", "/filer/billede.png", "/artikler/"] {
                let first = try await preview.get(path)
                let etag = try #require(first.header("ETag"), "\(path)")
                let again = try await preview.get(path, headers: ["If-None-Match": etag])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
                #expect(again.header("ETag") == etag)
                #expect(try await preview.get(path, headers: ["If-None-Match": "W/" + etag]).status == 304)
                #expect(try await preview.get(path, headers: ["If-None-Match": "\"something-else\""]).status == 200)
            }
            // A 404 is never "not modified".
            let missing = try await preview.get("/findes-ikke/")
            #expect(try await preview.get("/findes-ikke/", headers: ["If-None-Match": missing.header("ETag") ?? "*"]).status == 404)
        }
    }

    @Test func pagesCarryTheirOwnETagSoATabCanTellItIsStale() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            for path in ["/", "/findes-ikke/"] {
                let page = try await preview.get(path)
                let etag = try #require(page.header("ETag"))
                let escaped = etag.replacingOccurrences(of: "\"", with: "&quot;")
                #expect(page.text.contains("data-etag=\"\(escaped)\""), "\(path)")
                #expect(try await preview.get(path, method: "HEAD").header("ETag") == etag, "\(path)")
            }
            // While a rebuild is broken the banner is part of the page, so the ETag changes with it.
            let before = try await preview.get("/").header("ETag")
            try preview.site.write("artikler/anden.md", "---\ntitle: [\n---\n")
            #expect(try await eventually { try await preview.get("/", method: "HEAD").header("ETag") != before })
        }
    }

    // MARK: - Nothing outside the site

    static let traversalAttempts: [(target: String, status: Int)] = [
        ("/../secret.txt", 400),
        ("/../../../../etc/passwd", 400),
        ("/artikler/../../secret.txt", 400),
        ("/./secret.txt", 400),
        ("/%2e%2e/secret.txt", 400),
        ("/%2E%2E/%2E%2E/etc/passwd", 400),
        ("/.%2e/secret.txt", 400),
        ("/..%2fsecret.txt", 400),
        ("/%2e%2e%2fsecret.txt", 400),
        ("/..%5csecret.txt", 400),
        ("/..%5C..%5Cetc%5Cpasswd", 400),
        ("/%252e%252e/secret.txt", 400),
        ("/%252e%252e%252fsecret.txt", 400),
        ("/..%252fsecret.txt", 400),
        ("/..\\secret.txt", 400),
        ("/filer\\..\\..\\secret.txt", 400),
        ("/secret.txt%00.png", 400),
        ("/%00", 400),
        ("//etc/passwd", 400),
        ("/%2fetc%2fpasswd", 400),
        ("/%c0%ae%c0%ae/secret.txt", 400),
        ("http://127.0.0.1/../secret.txt", 400),
        ("/etc/passwd", 404),
        ("/secret.txt", 404),
        ("/tmp/secret.txt", 404),
        ("/..secret.txt", 404),
        ("/...", 404),
    ]

    @Test func traversalAttemptsNeverLeakAFile() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            for attempt in Self.traversalAttempts {
                let reply = try await preview.get(attempt.target)
                #expect(reply.status == attempt.status, "\(attempt.target) → \(reply.status)")
                #expect(!reply.text.contains(FixtureSite.secret), "\(attempt.target) leaked the secret")
                #expect(!reply.text.contains("root:x:0:0"), "\(attempt.target) leaked /etc/passwd")
            }
            // A literal NUL byte and a raw backslash in the request line, as no URL library would send them.
            for line in ["GET /secret.txt\u{0}.html HTTP/1.1", "GET /..\\..\\secret.txt HTTP/1.1"] {
                let reply = try await RawHTTP.send(preview.port, Array("\(line)\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
                #expect(reply.status == 400, "\(line.debugDescription) → \(reply.status)")
                #expect(!reply.text.contains(FixtureSite.secret))
            }
        }
    }

    @Test func aSymlinkPointingOutsideIsNeverServed() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            let link = preview.site.content.appendingPathComponent("filer/hemmelig.txt")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: preview.site.root.appendingPathComponent("secret.txt"))
            // The core refuses the link, so the rebuild fails and the last good site (without the file) stays up.
            #expect(await listener.waitForEvent("failed") { $0.contains("hemmelig.txt") } != nil)
            let reply = try await preview.get("/filer/hemmelig.txt")
            #expect(reply.status == 404)
            #expect(!reply.text.contains(FixtureSite.secret))
        }
    }

    // MARK: - Sub-path sites

    @Test func aSubPathSiteIsServedUnderItsSubPath() async throws {
        try await RunningPreview.with(try FixtureSite.make(), baseURL: BaseURL("https://example.org/hjem/")) { preview in

            #expect(preview.url.absoluteString == "http://127.0.0.1:\(preview.port)/hjem/")
            #expect(try await preview.get("/").header("Location") == "/hjem/")
            #expect(try await preview.get("/hjem").header("Location") == "/hjem/")
            let home = try await preview.get("/hjem/")
            #expect(home.status == 200)
            #expect(home.text.contains("href=\"/hjem/artikler/\""))
            #expect(try await preview.get("/hjem/artikler").header("Location") == "/hjem/artikler/")
            #expect(try await preview.get("/hjem/artikler/foerste-artikel/").status == 200)
            #expect(try await preview.get("/artikler/").status == 404)
            #expect(try await preview.get("/hjem/filer/billede.png").header("Content-Type") == "image/png")
        }
    }

    @Test func theSubPathComesFromSiteYmlWithoutBaseURL() async throws {
        try await RunningPreview.with(try FixtureSite.make(baseURL: "https://example.org/boligsocial/")) { preview in

            #expect(try await preview.get("/").header("Location") == "/boligsocial/")
            let home = try await preview.get("/boligsocial/")
            #expect(home.status == 200)
            #expect(home.text.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(preview.port)/boligsocial/\">"))
        }
    }

    // MARK: - Rebuilds and live reload

    @Test func anEditRebuildsAndSendsAReloadEvent() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            try preview.site.write("artikler/foerste.md", FixtureSite.article(title: "Første artikel", body: "Helt ny tekst om boligsocial indsats."))
            let event = await listener.waitForEvent("reload") { $0.contains("artikler/foerste-artikel/index.html") }
            let data = try #require(event)
            #expect(data.contains("\"urls\":[") && data.contains("/artikler/foerste-artikel/"))
            #expect(!data.contains("artikler/anden-artikel/index.html"), "an unrelated page need not reload: \(data)")
            #expect(try await preview.get("/artikler/foerste-artikel/").text.contains("Helt ny tekst"))
            #expect(await eventually { preview.lines.value.contains("Content/artikler/foerste.md ændret → bygget igen på ") })
        }
    }

    @Test func aBrokenEditShowsTheBannerWhileTheLastGoodPageIsServed() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            try preview.site.write("artikler/foerste.md", "---\ntitle: [ikke færdig\n---\nNy tekst der ikke bygger.\n")
            let failed = try #require(await listener.waitForEvent("failed"))
            #expect(failed.contains("artikler/foerste.md:3:"))

            for path in ["/artikler/foerste-artikel/", "/", "/findes-ikke/"] {
                let page = try await preview.get(path)
                #expect(page.text.contains("<div id=\"helhed-error\" role=\"alert\""), "\(path)")
                #expect(page.text.contains("artikler/foerste.md:3: fejl:"), "\(path)")
            }
            let article = try await preview.get("/artikler/foerste-artikel/")
            #expect(article.status == 200)
            #expect(article.text.contains(FixtureSite.firstArticleBody.prefix(30)), "the last good page is still served")
            #expect(!article.text.contains("Ny tekst der ikke bygger"))
            #expect(preview.lines.value.contains("artikler/foerste.md:3: fejl:"), "the terminal shows the same, in Danish")

            try preview.site.write("artikler/foerste.md", FixtureSite.article(title: "Første artikel", body: "Rettet igen."))
            #expect(await listener.waitForEvent("fixed") != nil)
            let fixed = try await preview.get("/artikler/foerste-artikel/")
            #expect(!fixed.text.contains("role=\"alert\""))
            #expect(fixed.text.contains("Rettet igen."))
        }
    }

    @Test func aStylesheetChangeSwapsTheStylesheetWithoutAReload() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            let stylesheet = preview.site.templates.appendingPathComponent("assets/style.css")
            let css = try String(contentsOf: stylesheet, encoding: .utf8)
            try Data((css + "\n.helhed-test { color: red; }\n").utf8).write(to: stylesheet, options: .atomic)
            let swap = try #require(await listener.waitForEvent("css"))
            #expect(swap.contains("/assets/style."))
            #expect(!listener.events.contains { $0.name == "reload" })
        }
    }

    @Test func theTemplateFolderIsWatchedToo() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            let footer = preview.site.templates.appendingPathComponent("footer.mustache")
            let text = try String(contentsOf: footer, encoding: .utf8)
            try Data((text + "<!-- skabelon-ændret -->\n").utf8).write(to: footer, options: .atomic)
            #expect(await listener.waitForEvent("reload") { $0.contains("index.html") } != nil)
            #expect(try await preview.get("/").text.contains("skabelon-ændret"))
        }
    }

    @Test func pollingNoticesChangesWhereInotifyIsNotUsed() async throws {
        try await RunningPreview.with(try FixtureSite.make(), polling: true) { preview in
            #expect(preview.server.watchMethod == .polling)
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            try preview.site.write("artikler/anden.md", FixtureSite.article(title: "Anden artikel", body: "Fundet ved polling."))
            #expect(await listener.waitForEvent("reload") { $0.contains("artikler/anden-artikel/index.html") } != nil)
            #expect(try await preview.get("/artikler/anden-artikel/").text.contains("Fundet ved polling."))
        }
    }

    // MARK: - Starting, stopping, sturdiness

    @Test func aPortInUseIsAClearError() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in

            let second = PreviewServer(options: preview.site.options(port: preview.port), console: .silent)
            do throws(ServeError) {
                _ = try await second.start()
                Issue.record("a second server started on port \(preview.port)")
            } catch {
                guard case .portInUse(_, let port) = error else {
                    Issue.record("expected portInUse, got \(error)")
                    return
                }
                #expect(port == preview.port)
                #expect(error.description.contains("port \(preview.port)"))
            }
            await second.stop()
        }
    }

    @Test func stoppingFreesThePortAndEndsTheEventStreams() async throws {
        let site = try FixtureSite.make()
        defer { site.remove() }
        let first = PreviewServer(options: site.options(), console: .silent)
        _ = try await first.start()
        let port = try #require(first.port)
        let listener = try EventStreamListener(port: port)
        #expect(await listener.waitForEvent("hello") != nil)

        await first.stop()
        listener.close()
        let second = PreviewServer(options: site.options(port: port), console: .silent)
        _ = try await second.start()
        #expect(second.port == port)
        #expect(try await RawHTTP.get(port, "/").status == 200)
        await second.stop()
    }

    @Test func servingNeverWritesTheOutputFolderAndBuildsNeverContainTheScript() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            #expect(try await preview.get("/").status == 200)
            #expect(!FileManager.default.fileExists(atPath: preview.site.output.path))

            let built = try IncrementalBuild(options: preview.site.options().build, remembers: false).rebuild()
            for file in built.files {
                let text = String(decoding: try file.data(), as: UTF8.self)
                #expect(!text.contains("data-helhed-live-reload"), "\(file.path)")
                #expect(!text.contains(LiveReloadHub.path), "\(file.path)")
                #expect(!text.contains("helhed-error"), "\(file.path)")
            }
        }
    }

    @Test func manyClientsAtOnceWhileFilesAreSaved() async throws {
        try await RunningPreview.with(try FixtureSite.make()) { preview in
            let port = preview.port
            let site = preview.site

            let saver = Task.detached {
                for round in 0..<20 {
                    try? site.write("artikler/anden.md", FixtureSite.article(title: "Anden artikel", body: "Gemt for \(round). gang."))
                    try? await Task.sleep(for: .milliseconds(75))
                }
            }
            let paths = ["/", "/artikler/", "/artikler/foerste-artikel/", "/ordforklaringer/testord/", "/filer/billede.png", "/findes-ikke/"]
            let failures = try await withThrowingTaskGroup(of: [String].self) { group in
                for client in 0..<32 {
                    group.addTask {
                        var failures: [String] = []
                        for request in 0..<6 {
                            let path = paths[(client + request) % paths.count]
                            do {
                                let reply = try await RawHTTP.get(port, path)
                                let expected = path == "/findes-ikke/" ? 404 : 200
                                if reply.status != expected { failures.append("\(path): \(reply.status)") }
                            } catch {
                                failures.append("\(path): \(error)")
                            }
                        }
                        return failures
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            await saver.value
            #expect(failures.isEmpty, "\(failures)")
        }
    }
}
