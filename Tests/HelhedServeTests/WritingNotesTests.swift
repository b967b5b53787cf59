import Foundation
@testable import HelhedCore
import Testing
@testable import HelhedServe

/// The writing notes of `serve` over real HTTP, with the real Danish dictionary: a typo saved in an article shows up
/// in that page and in the terminal, and a broken rebuild still shows the error banner.
@Suite(.serialized, .enabled(if: DictionaryLocation.danish.missingDiagnostic == nil, "needs the Danish dictionary: apt-get install hunspell-da"))
struct WritingNotesTests {
    static let firstPage = "/artikler/foerste-artikel/"
    static let secondPage = "/artikler/anden-artikel/"

    /// The fixture, with a typo in the second article from the start.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite.make()
        try site.write("artikler/anden.md", FixtureSite.article(title: "Anden artikel", body: "Anden artikel har en tastefejl: vejrudsigtt."))
        return site
    }

    /// Waits for the check of every page that follows the first build.
    static func firstCheck(_ preview: RunningPreview) async -> Bool {
        await eventually { preview.lines.value.contains("Checked the writing of ") }
    }

    @Test func aTypoSavedInAnArticleShowsInThatPageAndInTheTerminal() async throws {
        try await RunningPreview.with(try Self.site()) { preview in
            #expect(await Self.firstCheck(preview))
            #expect(preview.lines.value.contains("1 note on 1 page"), "\(preview.lines.value)")
            #expect(!preview.lines.value.contains("vejrudsigtt"), "the first check prints a summary, not every note")
            #expect(try await preview.get(Self.secondPage).text.contains("unknown word &#39;vejrudsigtt&#39;"), "the first check's notes are on their page")
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            // Line 10 is the body's first line; "Her står ordet " is 15 characters.
            try preview.site.write("artikler/foerste.md", FixtureSite.article(title: "Første artikel", body: "Her står ordet boligsocail i teksten."))
            #expect(await listener.waitForEvent("reload") { $0.contains("artikler/foerste-artikel/index.html") } != nil)
            let event = try #require(await listener.waitForEvent("notes") { $0.contains("boligsocail") })
            #expect(event.contains("\"file\":\"artikler/foerste-artikel/index.html\""))
            let reloadIndex = try #require(listener.events.firstIndex { $0.name == "reload" })
            let notesIndex = try #require(listener.events.firstIndex { $0.name == "notes" })
            #expect(reloadIndex < notesIndex, "the reload goes out before the notes are checked")

            let page = try await preview.get(Self.firstPage).text
            #expect(page.contains("<aside id=\"helhed-notes\" aria-labelledby=\"helhed-notes-title\""))
            #expect(page.contains("line 10, column 16: unknown word &#39;boligsocail&#39;"))
            #expect(page.contains("<button type=\"button\" data-helhed-dismiss-notes"))
            #expect(!page.contains("role=\"alert\""), "notes are not errors")
            #expect(!(try await preview.get("/").text.contains("id=\"helhed-notes\"")), "a page without notes has no region")

            #expect(await eventually { preview.lines.value.contains("artikler/foerste.md:10:16: warning: unknown word 'boligsocail'") })
            #expect(!preview.lines.value.contains("vejrudsigtt"), "only the changed file's notes are printed")

            // Fixed: the notes go from the page and the open tabs.
            try preview.site.write("artikler/foerste.md", FixtureSite.article(title: "Første artikel", body: "Her står ordet boligsocial i teksten."))
            #expect(await listener.waitForEvent("notes") { $0.contains("\"html\":\"\"") } != nil)
            #expect(!(try await preview.get(Self.firstPage).text.contains("id=\"helhed-notes\"")))
        }
    }

    @Test func aBuildErrorStillShowsTheBannerAboveTheNotes() async throws {
        try await RunningPreview.with(try Self.site()) { preview in
            #expect(await Self.firstCheck(preview))
            let listener = try EventStreamListener(port: preview.port)
            defer { listener.close() }
            #expect(await listener.waitForEvent("hello") != nil)

            try preview.site.write("artikler/foerste.md", "---\ntitle: [ikke færdig\n---\nNy tekst der ikke bygger.\n")
            #expect(await listener.waitForEvent("failed") { $0.contains("artikler/foerste.md:3:") } != nil)
            let page = try await preview.get(Self.secondPage).text
            let banner = try #require(page.range(of: "<div id=\"helhed-error\" role=\"alert\""))
            let notes = try #require(page.range(of: "<aside id=\"helhed-notes\""))
            #expect(banner.lowerBound < notes.lowerBound)
            #expect(page.contains("artikler/foerste.md:3: fejl:"))
            #expect(page.contains("vejrudsigtt"))
        }
    }
}
