import Foundation
import Testing
@testable import HelhedCore

/// `helhed serve`'s writing aids: every page at first, then only the pages a rebuild changed, and every page again
/// when what the site knows changes.
@Suite(.enabled(if: DictionaryLocation.danish.missingDiagnostic == nil, "needs the Danish dictionary: apt-get install hunspell-da"))
struct PageNotesCheckerTests {
    static func content(_ fixture: WritingAidsFixture) throws -> SiteContent {
        var problems = Diagnostics()
        let loader = ContentLoader(root: fixture.options.contentFolder, displayRoot: "Content")
        let loaded = try #require(loader.load(memo: SourceMemo(enabled: false), into: &problems))
        let site = Site.assemble(loaded, options: fixture.options.site, matcherMemo: TermMatcherMemo(enabled: false), into: &problems)
        #expect(problems.errors.isEmpty, "\(problems.errors)")
        return SiteContent(site: site)
    }

    @Test func checksEveryPageFirstThenTheChangedOnesAndEveryPageWhenTheWordListChanges() throws {
        let fixture = try WritingAidsFixture(files: [
            "artikler/a.md": WritingAidsFixture.article(title: "Artikel A", body: "Det boligsocail arbejde.\n"),
            "artikler/b.md": WritingAidsFixture.article(title: "Artikel B", body: "En vejrudsigtt her.\n"),
        ])
        defer { fixture.remove() }
        let content = try Self.content(fixture)
        let checker = PageNotesChecker(options: fixture.options, workers: 2)

        let first = checker.check(content, changed: SiteChange(), everyPage: true)
        #expect(first.checkedEveryPage && first.changedPages.isEmpty && first.problems.isEmpty)
        let a = try #require(first.pages.first { $0.sourcePath.hasSuffix("artikler/a.md") })
        let b = try #require(first.pages.first { $0.sourcePath.hasSuffix("artikler/b.md") })
        #expect(a.sitePath.hasPrefix("artikler/") && a.sitePath.hasSuffix("/index.html"))
        #expect(a.notes.map(\.message).first?.hasPrefix("unknown word 'boligsocail'") == true)
        #expect(a.notes.first?.line == 8 && a.notes.first?.column == 5)
        #expect(b.notes.map(\.message).first?.hasPrefix("unknown word 'vejrudsigtt'") == true)

        // One page changed (and a file that is no page): only that page is read.
        let second = checker.check(content, changed: SiteChange(modified: [a.sitePath, "feed.xml"]))
        #expect(!second.checkedEveryPage)
        #expect(second.pages == [a])
        #expect(second.changedPages == [a.sitePath])

        // The word list is part of what the site knows: every page again, with the word accepted.
        try fixture.write("ordliste.txt", Data("vejrudsigtt\n".utf8))
        let third = checker.check(content, changed: SiteChange())
        #expect(third.checkedEveryPage)
        #expect(third.pages.first { $0.sitePath == b.sitePath }?.notes == [])
        #expect(third.pages.first { $0.sitePath == a.sitePath } == a)
    }
}
