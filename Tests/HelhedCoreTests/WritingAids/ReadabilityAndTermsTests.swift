import Foundation
import Testing
@testable import HelhedCore

/// LIX and preferred terms: neither needs a dictionary.
@Suite struct ReadabilityAndTermsTests {
    /// Counted by hand. Running text: "Det er en lang sætning med mange ord." (8 words, long: sætning) "Kort sætning
    /// her." (3, sætning) and the list item "Første punkt uden punktum" (4, punktum; a sentence without a full stop).
    /// Not counted: the heading, the code block, the list of links, "f.eks. en" is no sentence end.
    /// 15 words, 3 sentences, 3 long words: 15/3 + 3·100/15 = 5 + 20 = 25, "let".
    static let body = """
        Det er en lang sætning med mange ord. Kort sætning her.

        ## Overskrifter med langeordene tælles ikke

        - Første punkt uden punktum

        ```
        kodeblokkene tælles heller ikke
        ```

        - [Læs artiklerne](b.md)
        - [[helhedsplanerne]]

        """

    @Test func lixIsCountedOnRunningTextOnly() throws {
        let fixture = try WritingAidsFixture(files: ["artikler/a.md": WritingAidsFixture.article(body: Self.body)])
        defer { fixture.remove() }
        let page = try #require(fixture.check([.readability]).readability.first)
        #expect(page.readability.wordCount == 15)
        #expect(page.readability.sentenceCount == 3)
        #expect(page.readability.longWordCount == 3)
        #expect(page.readability.lix == 25)
        #expect(Readability.verdict(25) == "let")
        #expect(WritingAids.readabilityLines([page]).first?.hasSuffix("artikler/a.md: LIX 25 (let), 15 words, 3 sentences") == true)
    }

    @Test func theVerdictsAreTheDanishBands() {
        #expect([10, 24, 25, 34, 35, 44, 45, 54, 55, 70].map(Readability.verdict)
                == ["meget let", "meget let", "let", "let", "middel", "middel", "svær", "svær", "meget svær", "meget svær"])
    }

    @Test func abbreviationsDoNotEndSentences() throws {
        let fixture = try WritingAidsFixture(files: ["artikler/a.md": WritingAidsFixture.article(body: "Vi bruger f.eks. en plan og 140 mio. kr. om året. Det virker.\n")])
        defer { fixture.remove() }
        let page = try #require(fixture.check([.readability]).readability.first)
        #expect(page.readability.sentenceCount == 2)
    }

    @Test func anArticleAboveItsKindsTargetNamesItsLongestSentences() throws {
        let files = ["artikler/a.md": WritingAidsFixture.article(kind: "explainer", body: Self.body)]
        let fixture = try WritingAidsFixture(files: files, siteYAML: WritingAidsFixture.siteYAML + "lix: { explainer: 20, case: 40 }\n")
        defer { fixture.remove() }
        let warnings = fixture.check([.readability]).diagnostics
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 8)
        #expect(warnings.first?.message.hasPrefix("LIX 25 (let) is above the target 20 for explainer articles") == true)
        #expect(warnings.first?.message.contains("line 8 (8 words: \"Det er en lang sætning med …\"), line 12 (4 words: \"Første punkt uden punktum\"), line 8 (3 words: \"Kort sætning her\")") == true)
    }

    @Test func badTargetsAreErrors() throws {
        let fixture = try WritingAidsFixture(files: [:], siteYAML: WritingAidsFixture.siteYAML + "lix:\n  explainr: 40\n  case: svær\n")
        defer { fixture.remove() }
        let errors = fixture.check([.readability]).diagnostics.sorted()
        #expect(errors.map(\.line) == [5, 6])
        #expect(errors.first?.message.contains("did you mean 'explainer'") == true)
    }

    @Test func avoidedWordsNameThePreferredTerm() throws {
        let files = [
            "ordforklaringer/udsat.md": WritingAidsFixture.term(title: "udsat boligområde", extra: "avoid: [ghetto, hårde ghetto]\n", body: "Tidligere kaldt ghetto.\n"),
            "artikler/a.md": WritingAidsFixture.article(body: "Ghettoen og ghettoerne. En ghettoliste er et andet ord.\n"),
        ]
        let fixture = try WritingAidsFixture(files: files)
        defer { fixture.remove() }
        let warnings = fixture.check([.preferredTerms]).diagnostics.sorted()
        #expect(warnings.map { "\($0.line):\($0.column)" } == ["8:1", "8:13"])
        #expect(warnings.first?.message == "'Ghettoen': the glossary asks to avoid \"ghetto\"; write \"udsat boligområde\" instead")
    }

    @Test func helhedCheckReportsReadabilityAndAvoidedWordsButNotSpelling() throws {
        var files = PublishFixture.files
        files["artikler/kolding.md"] = files["artikler/kolding.md"]! + "\nEn ghetto og et boligsocail ord.\n"
        files["ordforklaringer/beboerraadgiver.md"] = files["ordforklaringer/beboerraadgiver.md"]!.replacingOccurrences(of: "summary:", with: "avoid: [ghetto]\nsummary:")
        let fixture = try PublishFixture(files: files)
        defer { fixture.remove() }
        let report = SiteCheck.run(fixture.options())
        #expect(report.warnings.filter { $0.message.contains("avoid") }.count == 1)
        #expect(!report.diagnostics.contains { $0.message.contains("boligsocail") || $0.message.contains("unknown field") })
    }
}
