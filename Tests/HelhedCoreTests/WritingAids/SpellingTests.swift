import Foundation
import Testing
@testable import HelhedCore

/// The writing aids with the real Danish hunspell dictionary. Skipped, and shown as skipped, without `hunspell-da`.
@Suite(.enabled(if: DictionaryLocation.danish.missingDiagnostic == nil, "needs the Danish dictionary: apt-get install hunspell-da"))
struct SpellingTests {
    /// `path:line:col: message` with the temporary folder left out.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        Array(Set(diagnostics)).sorted().map { "\($0.path.components(separatedBy: "Content/").last!):\($0.line):\($0.column): \($0.message)" }
    }

    @Test func plantedTyposInTheRealContentAreReportedAtTheirLineAndColumn() throws {
        let article = "artikler/fredericia-bydaekkende-helhedsplan.md"
        let clean = try WritingAidsFixture()
        defer { clean.remove() }
        let planted = try WritingAidsFixture { content in
            let url = content.appendingPathComponent(article)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "gode erfaringer med boligsociale helhedsplaner", with: "gode erfaringer med boligsocaile helhedsplaner")
            text = text.replacingOccurrences(of: "## Udfordringen", with: "## Udfordrnigen")
            text = text.replacingOccurrences(of: "title: \"Fredericia tænker større", with: "title: \"Fredericia tænkker større")
            try Data(text.utf8).write(to: url)
        }
        defer { planted.remove() }
        let before = Set(Self.lines(clean.check([.spelling]).diagnostics))
        let after = Self.lines(planted.check([.spelling]).diagnostics).filter { !before.contains($0) }
        // The title is line 2; the planted words' lines are found in the file. Columns are characters ("æ" is one).
        let source = try String(contentsOf: planted.content.appendingPathComponent(article), encoding: .utf8).components(separatedBy: "\n")
        let paragraph = try #require(source.firstIndex { $0.contains("boligsocaile") })
        let heading = try #require(source.firstIndex { $0.contains("## Udfordrnigen") })
        let column = source[paragraph].distance(from: source[paragraph].startIndex, to: source[paragraph].range(of: "boligsocaile")!.lowerBound) + 1
        #expect(after.count == 3)
        #expect(after.contains { $0.hasPrefix("\(article):2:20: unknown word 'tænkker'") })
        #expect(after.contains { $0.hasPrefix("\(article):\(paragraph + 1):\(column): unknown word 'boligsocaile' (did you mean ") && $0.contains("'boligsociale'") })
        #expect(after.contains { $0.hasPrefix("\(article):\(heading + 1):4: unknown word 'Udfordrnigen'") })
    }

    @Test func theWarningReadsLikeACompilersAndSuggestsAtMostThreeWords() throws {
        let fixture = try WritingAidsFixture(files: ["artikler/a.md": WritingAidsFixture.article(body: "Det boligsocail arbejde.\n")])
        defer { fixture.remove() }
        let warnings = fixture.check([.spelling]).diagnostics
        #expect(warnings.count == 1)
        let text = warnings.first?.description ?? ""
        #expect(text.hasSuffix("artikler/a.md:8:5: warning: unknown word 'boligsocail' (did you mean 'boligsocial'?)") || text.contains("artikler/a.md:8:5: warning: unknown word 'boligsocail' (did you mean 'boligsocial'"))
        #expect(text.components(separatedBy: "', '").count <= 3)
    }

    @Test func codeLinksAddressesAndHTMLAreNotSpelled() throws {
        let body = """
            Se `xqzwv` og [teksten](../xqzwv/ord.md) eller <https://xqzwv.example.dk>, www.xqzwv.dk og navn@xqzwv.dk.

            ```
            xqzwv xqzwv
            ```

            <div>xqzwv</div>

            Tal som 2024 og 3b er ikke ord; heller ikke x.

            """
        let fixture = try WritingAidsFixture(files: ["artikler/a.md": WritingAidsFixture.article(body: body)])
        defer { fixture.remove() }
        #expect(Self.lines(fixture.check([.spelling]).diagnostics) == [])
    }

    @Test func glossaryNamesAreKnownInEveryInflectedForm() throws {
        let files = [
            "ordforklaringer/zorbplan.md": WritingAidsFixture.term(title: "zorbplan", extra: "aliases:\n  - zorbplaner\n"),
            // An alias hunspell cannot place: its longest known final part ("uden") is a word that only occurs in compounds.
            "ordforklaringer/tilbud.md": WritingAidsFixture.term(title: "sundhedstilbud", extra: "aliases:\n  - sundhedstilbuden\n"),
            "ordforklaringer/zorbia.md": WritingAidsFixture.term(title: "Zorbia Boligselskab"),
            "artikler/a.md": WritingAidsFixture.article(title: "Zorbplanen virker", summary: "Om zorbplanerne.",
                                                        body: "Zorbplanen og zorbplanerne er gode; zorbplanens mål og Zorbias planer. ZORBPLAN. Men zorbplanxyq er ikke et ord. Sundhedstilbuden.\n"),
        ]
        let fixture = try WritingAidsFixture(files: files)
        defer { fixture.remove() }
        #expect(Self.lines(fixture.check([.spelling]).diagnostics).map { $0.components(separatedBy: " (").first! } == ["artikler/a.md:8:86: unknown word 'zorbplanxyq'"])
    }

    @Test func theSiteWordListAddsNamesAndWords() throws {
        let files = [
            "ordliste.txt": "# Navne på steder og personer\nFredericia\nNina Smith\n\nblørfhus\n",
            "artikler/a.md": WritingAidsFixture.article(body: "Nina Smith fra Fredericias blørfhuse og Blørfhuset. Men fredericia skrives med stort.\n"),
        ]
        let fixture = try WritingAidsFixture(files: files)
        defer { fixture.remove() }
        #expect(Self.lines(fixture.check([.spelling]).diagnostics).map { $0.components(separatedBy: " (").first! } == ["artikler/a.md:8:57: unknown word 'fredericia'"])
    }

    @Test func badWordListLinesAreErrorsWithTheirLine() throws {
        let fixture = try WritingAidsFixture(files: ["artikler/a.md": WritingAidsFixture.article(body: "Godt.\n")])
        defer { fixture.remove() }
        var bytes = Array("Fredericia\n# kommentar\nBl\u{F8}f".utf8)
        bytes += [0xFF, 0x0A]
        bytes += Array(String(repeating: "a", count: 101).utf8) + [0x0A] + Array("...\n".utf8)
        try fixture.write("ordliste.txt", Data(bytes))
        let errors = fixture.check([.spelling]).diagnostics.filter { $0.severity == .error }.sorted()
        #expect(errors.map(\.line) == [3, 4, 5])
        #expect(errors.map { $0.path.hasSuffix("Content/ordliste.txt") } == [true, true, true])
        #expect(errors[0].message.contains("not valid UTF-8"))
        #expect(errors[1].message.contains("101 characters"))
    }

    @Test func aMissingDictionaryIsOneErrorNamingThePackage() {
        let location = DictionaryLocation(base: URL(fileURLWithPath: "/nonexistent/da_DK"), package: "hunspell-da")
        #expect(throws: Diagnostic.self) { try SpellChecker(location) }
        #expect(location.missingDiagnostic?.description.contains("apt-get install hunspell-da") == true)
    }

    @Test func theCheckerAddsWordsAndFreesItsLists() throws {
        let checker = try SpellChecker()
        #expect(checker.isCorrect("helhedsplan"))
        #expect(!checker.isCorrect("boligsocail"))
        #expect(checker.suggestions(for: "boligsocail").contains("boligsocial"))
        #expect(checker.stems(of: "helhedsplanen").contains("helhedsplan"))
        #expect(!checker.isCorrect("qwzplanen"))
        checker.add(checker.learn("qwzplan"))
        #expect(checker.isCorrect("qwzplan") && checker.isCorrect("qwzplanen") && checker.isCorrect("qwzplanerne"))
    }

    @Test func theRealContentHasNoUnknownWords() throws {
        let fixture = try WritingAidsFixture()
        defer { fixture.remove() }
        #expect(Self.lines(fixture.check([.spelling]).diagnostics) == [])
    }
}
