import Testing
@testable import HelhedCore

@Suite struct FrontMatterTests {
    private func source(_ text: String) throws -> SourceText {
        try SourceText(path: "Content/artikler/x.md", contentPath: "artikler/x.md", bytes: Array(text.utf8))
    }

    private func parseArticle(_ text: String) throws -> (Article?, [String]) {
        var diagnostics = Diagnostics()
        let article = Article.parse(try source(text), into: &diagnostics)
        return (article, diagnostics.all.map(\.description))
    }

    @Test func readsEveryArticleField() throws {
        let (article, messages) = try parseArticle("""
            ---
            title: "Kolding: sociale effektinvesteringer"
            date: 2022-09-05
            updated: 2022-10-01
            kind: case
            summary: Et resumé.
            tags: [samarbejde, beskæftigelse]
            draft: true
            slug: kolding
            autolink: false
            ---
            Brødtekst.
            """)
        #expect(messages.isEmpty)
        let parsed = try #require(article)
        #expect(parsed.title == "Kolding: sociale effektinvesteringer")
        #expect(parsed.date == Day(iso: "2022-09-05"))
        #expect(parsed.updated == Day(iso: "2022-10-01"))
        #expect(parsed.kind == .caseStory)
        #expect(parsed.summary == "Et resumé.")
        #expect(parsed.tags == ["samarbejde", "beskæftigelse"])
        #expect(parsed.isDraft)
        #expect(parsed.slug == "kolding")
        #expect(parsed.autolinksTerms == false)
        #expect(parsed.sitePath == "artikler/kolding/")
        #expect(String(decoding: parsed.source.body, as: UTF8.self) == "Brødtekst.")
        #expect(parsed.source.fileLine(bodyLine: 1) == 12)
    }

    @Test func makesTheSlugFromTheTitle() throws {
        let (article, _) = try parseArticle("---\ntitle: Fredericia tænker større!\ndate: 2022-09-12\nkind: case\n---\n")
        #expect(article?.slug == "fredericia-taenker-stoerre")
    }

    @Test func reportsWrongFieldsWithTheirLines() throws {
        let (article, messages) = try parseArticle("""
            ---
            title: [et, liste]
            date: i går
            kind: story
            tags: 5
            draft: ja
            titel: stavefejl
            slug: Ikke en slug
            ---
            """)
        #expect(article == nil)
        #expect(messages == [
            "Content/artikler/x.md:7: warning: front matter: unknown field 'titel' (did you mean 'title'?)",
            "Content/artikler/x.md:2: error: front matter: 'title' must be text (got a list)",
            "Content/artikler/x.md:3: error: front matter: 'date' is not a date (got \"i går\"); write it as YYYY-MM-DD, e.g. 2022-08-20",
            "Content/artikler/x.md:4: error: front matter: unknown kind \"story\"; use explainer, case or event",
            "Content/artikler/x.md:5: error: front matter: 'tags' must be a list of words, like [a, b] (got \"5\")",
            "Content/artikler/x.md:6: error: front matter: 'draft' must be true or false (got \"ja\")",
            "Content/artikler/x.md:8: error: front matter: 'slug' may only hold a-z, 0-9 and single '-' between them (got \"Ikke en slug\"; try \"ikke-en-slug\")",
        ])
    }

    @Test func reportsMissingRequiredFields() throws {
        let (_, messages) = try parseArticle("---\nsummary: kun et resumé\n---\n")
        #expect(messages == [
            "Content/artikler/x.md:1: error: front matter: 'title' is required",
            "Content/artikler/x.md:1: error: front matter: 'date' is required",
            "Content/artikler/x.md:1: error: front matter: 'kind' is required",
        ])
    }

    @Test func reportsInvalidYAMLAtItsLine() throws {
        let (_, messages) = try parseArticle("---\ntitle: A\n  date: 2022-01-01\n---\n")
        #expect(messages == ["Content/artikler/x.md:3: error: front matter is not valid YAML: a ':' where YAML does not expect one. Is this line indented more than the field above it? A value that contains ': ' must be in quotes"])
    }

    @Test func reportsTabIndentation() throws {
        let (_, messages) = try parseArticle("---\ntitle: A\ntags:\n\t- a\n---\n")
        #expect(messages == ["Content/artikler/x.md:4: error: front matter: a tab is used for indentation; YAML needs spaces"])
    }

    @Test func reportsAFieldGivenTwice() throws {
        let (_, messages) = try parseArticle("---\ntitle: A\ntitle: B\ndate: 2022-01-01\nkind: case\n---\n")
        #expect(messages == ["Content/artikler/x.md:3: error: front matter: 'title' is given twice"])
    }

    /// Keys are the same when their texts and tags are: in a group, a plain `1` (a number) and a quoted "1" (text)
    /// are two keys, `"1"` and `!!str 1` one. The fields themselves are compared by name, so Helhed reports the
    /// repeat at the second one.
    @Test func tagsDecideWhetherKeysRepeat() throws {
        let twice = { (name: String) in YAMLProblem(line: 1, message: "front matter: '\(name)' is given twice") }
        #expect(try YAMLReader.fields(of: "x: {1: a, \"1\": b}\n") == [field("x", 1, .group([field("1", 1, text("a", 1)), field("1", 1, text("b", 1))], line: 1))])
        #expect(try YAMLReader.fields(of: "x: {true: a, \"true\": b}\n") == [field("x", 1, .group([field("true", 1, text("a", 1)), field("true", 1, text("b", 1))], line: 1))])
        #expect(try YAMLReader.fields(of: "x: {? [a]: 1, ? [b]: 2}\n") == [field("x", 1, .group([], line: 1))])
        #expect(throws: twice("1")) { try YAMLReader.fields(of: "x: {1: a, 1: b}\n") }
        #expect(throws: twice("1")) { try YAMLReader.fields(of: "x: {\"1\": a, !!str 1: b}\n") }
        #expect(throws: twice("a")) { try YAMLReader.fields(of: "x: [{a: 1, a: 2}]\n") }
        #expect(throws: twice("<uncovertable>")) { try YAMLReader.fields(of: "x: {? [a]: 1, ? [a]: 2}\n") }
        // A nested group ends, and is checked, before the fields do.
        #expect(throws: YAMLProblem(line: 2, message: "front matter: 'b' is given twice")) { try YAMLReader.fields(of: "a: 1\nx: {b: 1, b: 2}\na: 2\n") }
        let (_, messages) = try parseArticle("---\ntitle: A\n1: x\n\"1\": y\ndate: 2022-01-01\nkind: case\n---\n")
        #expect(messages == ["Content/artikler/x.md:4: error: front matter: '1' is given twice"])
    }

    private func field(_ name: String, _ line: Int, _ value: YAMLValue) -> YAMLValue.Field {
        YAMLValue.Field(name: name, line: line, value: value)
    }

    private func text(_ text: String, _ line: Int, isPlain: Bool = true) -> YAMLValue {
        .text(text, isPlain: isPlain, line: line)
    }

    /// The fields libyaml's events give, with the lines of names and values, and the problems in reading order.
    @Test func readsFieldsFromLibyamlsEvents() throws {
        let read: [(String, [YAMLValue.Field])] = [
            ("title: A\ndate: 2022-01-01\ntags: [a, 1]\nextra: {x-y: 1, z_2: \"3\"}\n",
             [field("title", 1, text("A", 1)), field("date", 2, text("2022-01-01", 2)), field("tags", 3, .list([text("a", 3), text("1", 3)], line: 3)),
              field("extra", 4, .group([field("x-y", 4, text("1", 4)), field("z_2", 4, text("3", 4, isPlain: false))], line: 4))]),
            ("'1': a\n\"true\": b\n", [field("1", 1, text("a", 1)), field("true", 2, text("b", 2))]),
            ("title: \"Om: noget\"\nsummary: >\n  lang\n  tekst\nliste:\n  - a\n  - {b: c}\n  - [d, 'e']\n",
             [field("title", 1, text("Om: noget", 1, isPlain: false)), field("summary", 2, text("lang tekst\n", 2, isPlain: false)),
              field("liste", 5, .list([text("a", 6), .group([field("b", 7, text("c", 7))], line: 7), .list([text("d", 8), text("e", 8, isPlain: false)], line: 8)], line: 6))]),
            ("title: A\nfuture: true\nn: 3\ntom:\nnul: ~\n",
             [field("title", 1, text("A", 1)), field("future", 2, text("true", 2)), field("n", 3, text("3", 3)), field("tom", 4, text("", 4)),
              field("nul", 5, text("~", 5))]),
            ("a: !!str 3\nb: \"nul\\0byte\"\n", [field("a", 1, text("3", 1)), field("b", 2, text("nul\0byte", 2, isPlain: false))]),
            ("# kun en kommentar\n", []), ("   \n", []), ("", []), ("!!map {a: 1}\n", [field("a", 1, text("1", 1))]),
            // Names are their texts, whatever YAML's tag rules make of them.
            ("1: a\n", [field("1", 1, text("a", 1))]), ("true: a\n", [field("true", 1, text("a", 1))]), ("a b: c\n", [field("a b", 1, text("c", 1))]),
            ("æble: a\n", [field("æble", 1, text("a", 1))]), ("~: a\n", [field("~", 1, text("a", 1))]), ("x: {null: 1}\n", [field("x", 1, .group([field("null", 1, text("1", 1))], line: 1))]),
        ]
        for (yaml, fields) in read {
            #expect(try YAMLReader.fields(of: yaml) == fields, "\(yaml)")
        }
        let refused: [(String, YAMLProblem)] = [
            ("? [a]\n: b\n", YAMLProblem(line: 1, message: "front matter: a field name must be a word")),
            ("x: [\n", .invalid(Message(.yamlValueMissing), line: 2)),
            ("a: &x 1\nb: *x\n", YAMLProblem(line: 1, text: YAMLChecks.anchorMessage)),
            ("a: [b, *c]\n", YAMLProblem(line: 1, text: YAMLChecks.anchorMessage)),
            ("title: *Vigtigt*\n", .invalid(Message(.yamlStartsWithAnchorCharacter), line: 1)),
            ("a: 1\na: 2\n", YAMLProblem(line: 2, message: "front matter: 'a' is given twice")),
            ("x: {a: 1, a: 2}\n", YAMLProblem(line: 1, message: "front matter: 'a' is given twice")),
            ("just text\n", YAMLProblem(line: 1, message: "front matter: expected fields like 'title: …', found \"just text\"")),
            ("- a\n", YAMLProblem(line: 1, message: "front matter: expected fields like 'title: …', found a list")),
            ("a: 1\n---\nb: 2\n", .invalid(YAMLChecks.libraryProblem("but found another document expected a single document in the stream"), line: 2)),
        ]
        for (yaml, problem) in refused {
            #expect(throws: problem, "\(yaml)") { try YAMLReader.fields(of: yaml) }
        }
    }

    /// Front matter is read with a stack, not recursion, and nesting stops at 1,000 levels: deeper is an error with
    /// its line, never a crash, also on the build's worker threads.
    @Test func frontMatterNestedTooDeeplyIsAnError() throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let site = try FixtureSite(files: ["Content/artikler/a.md": Page.article(title: "A", extra: "tags: \(deep)"),
                                           "Content/artikler/b.md": Page.article(title: "B")])
        #expect(site.failingBuild() == ["Content/artikler/a.md:6: error: front matter is not valid YAML: lists or fields nested more than a thousand levels deep; front matter holds simple values and lists"])
        let nested = String(repeating: "[", count: 900) + "a" + String(repeating: "]", count: 900)
        var expected = text("a", 1)
        for _ in 0..<900 { expected = .list([expected], line: 1) }
        #expect(try YAMLReader.fields(of: "tags: \(nested)\n") == [field("tags", 1, expected)])
    }

    @Test func acceptsCRLFAndAByteOrderMark() throws {
        let text = "\u{FEFF}---\r\ntitle: A\r\ndate: 2022-01-01\r\nkind: event\r\n---\r\nLinje et\r\nLinje to\r\n"
        let (article, messages) = try parseArticle(text)
        #expect(messages.isEmpty)
        #expect(String(decoding: try #require(article).source.body, as: UTF8.self) == "Linje et\nLinje to\n")
    }

    @Test func requiresFrontMatter() {
        #expect(throws: Diagnostic.error("Content/artikler/x.md", line: 1, "the file must start with front matter: a line '---', the fields, then another '---'")) {
            try source("# Bare en overskrift\n")
        }
        #expect(throws: Diagnostic.error("Content/artikler/x.md", line: 1, "the front matter is not closed: add a line '---' after its last field")) {
            try source("---\ntitle: A\n")
        }
        #expect(throws: Diagnostic.error("Content/artikler/x.md", line: 1, "the file is empty; an article or term starts with front matter between '---' lines")) {
            try source("")
        }
    }

    @Test func rejectsBinaryAndInvalidUTF8() {
        #expect(throws: Diagnostic.error("Content/x.md", line: 2, "the file is not valid UTF-8 (byte 0xE6); save it as UTF-8")) {
            try SourceText(path: "Content/x.md", bytes: Array("---\nsm".utf8) + [0xE6, 0x72] + Array("\n---\n".utf8))
        }
        #expect(throws: Diagnostic.error("Content/x.md", line: 1, "this is not a text file (it contains a NUL byte); is it a binary file named .md?")) {
            try SourceText(path: "Content/x.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A])
        }
    }

    /// UTF-8 is checked eight ASCII bytes at a time; a bad byte is found wherever it sits in such a block.
    @Test func findsTheFirstInvalidUTF8ByteAnywhere() {
        for offset in 0..<40 {
            for bad: [UInt8] in [[0xFF], [0xC3], [0xE6, 0x72], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + Array("æ".utf8) + bad + Array(repeating: UInt8(ascii: "b"), count: 20)
                #expect(SourceText.firstInvalidUTF8Offset(bytes) == offset + 2, "\(offset) \(bad)")
            }
        }
        #expect(SourceText.firstInvalidUTF8Offset(Array(String(repeating: "ascii æøå ", count: 50).utf8)) == nil)
    }

    @Test func readsTermsWithAliasesAndRelated() throws {
        var diagnostics = Diagnostics()
        let term = GlossaryTerm.parse(try source("""
            ---
            title: helhedsplan
            summary: En samlet plan.
            aliases:
              - helhedsplaner
              - helhedsplanen
            related: [Landsbyggefonden]
            ---
            Tekst.
            """), into: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let parsed = try #require(term)
        #expect(parsed.names == ["helhedsplan", "helhedsplaner", "helhedsplanen"])
        #expect(parsed.aliases.map(\.line) == [5, 6])
        #expect(parsed.related.map(\.value) == ["Landsbyggefonden"])
        #expect(parsed.sitePath == "ordforklaringer/helhedsplan/")
    }

    @Test func termsNeedASummary() throws {
        var diagnostics = Diagnostics()
        _ = GlossaryTerm.parse(try source("---\ntitle: ord\n---\n"), into: &diagnostics)
        #expect(diagnostics.all.map(\.description) == ["Content/artikler/x.md:1: error: front matter: 'summary' is required"])
    }

    @Test func readsTheSiteConfiguration() {
        var diagnostics = Diagnostics()
        let config = SiteConfig.parse(yaml: """
            title: Boligsocialt
            description: Om indsatser.
            base_url: https://example.org/boligsocial
            publisher: Forlaget
            unsafe_html: true
            autolink: false
            """, path: "Content/site.yml", into: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(config?.baseURL.path == "/boligsocial/")
        #expect(config?.baseURL.origin == "https://example.org")
        #expect(config?.allowsRawHTML == true)
        #expect(config?.autolinksTerms == false)
    }

    @Test func rejectsABadBaseURLAndLanguage() {
        var diagnostics = Diagnostics()
        _ = SiteConfig.parse(yaml: "title: T\ndescription: D\nbase_url: example.org\nlanguage: en\n", path: "Content/site.yml", into: &diagnostics)
        #expect(diagnostics.all.map(\.description) == [
            "Content/site.yml:4: error: 'language' must be da: the theme's texts, dates and sorting are Danish (got \"en\")",
            "Content/site.yml:3: error: 'base_url' must be an absolute http(s) address like https://example.org/ or https://example.org/sti/ (got \"example.org\")",
        ])
    }
}
