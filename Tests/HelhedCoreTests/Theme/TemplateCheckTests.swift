import Foundation
@testable import HelhedCore
import HelhedTemplates
import Testing

/// The check's messages, as HelhedCore shows them ("file:line: error: message"): the same strings its own tests and
/// bad-input cases assert today (Tests/HelhedCoreTests/TemplateTests.swift, BuildTests.swift, Fixtures/bad-inputs).
@Suite struct TemplateCheckTests {
    /// The theme with some templates replaced.
    static func theme(replacing changes: [String: String]) throws -> [String: String] {
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: Repository.templates.path) where file.hasSuffix(".mustache") {
            texts[String(file.dropLast(".mustache".count))] = try String(contentsOf: Repository.templates.appendingPathComponent(file), encoding: .utf8)
        }
        return texts.merging(changes) { _, new in new }
    }

    /// Every problem of the theme with `changes`: parse problems, else the check of every page template against its
    /// sample, each once and sorted (as HelhedCore's diagnostics are).
    static func problems(_ changes: [String: String]) throws -> [String] {
        let texts = try theme(replacing: changes)
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(templates: texts)
        } catch {
            return error.problems.map(Self.shown)
        }
        var problems: Set<String> = []
        for (name, sample) in ViewModels.samples {
            for problem in library.check(name, against: sample) { problems.insert(Self.shown(problem)) }
        }
        return problems.sorted()
    }

    static func shown(_ problem: TemplateProblem) -> String {
        "\(problem.file)\(problem.line.map { ":\($0)" } ?? ""): error: \(problem.message)"
    }

    @Test func theThemeHasNoProblems() throws {
        #expect(try Self.problems([:]) == [])
    }

    @Test func aFieldTheModelLacksIsAnError() throws {
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}\n<p>{{layout.site.titel}}</p>{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:2: error: template: 'layout.site.titel': there is no field 'titel' (fields: absoluteURL, articlesURL, description, feedURL, glossaryURL, homeURL, language, publisher, searchURL, tagsURL, title)",
        ])
        #expect(try Self.problems(["term": "{{<layout}}{{$main}}{{titel}}{{/main}}{{/layout}}"]) == [
            "Templates/term.mustache:1: error: template: 'titel' is not a field of TermPage here; did you mean 'title'? (fields: aliases, body, definitions, hasAliases, hasDefinitions, hasRelated, hasUsedIn, layout, related, summary, title, usedIn)",
        ])
        #expect(try Self.problems(["article": "{{<layout}}{{$main}}\n<h1>{{title}}</h1>\n<p>{{forfatter}}</p>\n{{{body}}}\n{{/main}}{{/layout}}"]) == [
            "Templates/article.mustache:3: error: template: 'forfatter' is not a field of ArticlePage here (fields: body, contents, date, dateISO, definitions, hasContents, hasDefinitions, hasTags, kind, layout, summary, tags, title, updated, updatedISO)",
        ])
        #expect(try Self.problems(["footer": "<footer>{{layout.site.forlag}}</footer>"]) == [
            "Templates/footer.mustache:1: error: template: 'layout.site.forlag': there is no field 'forlag' (fields: absoluteURL, articlesURL, description, feedURL, glossaryURL, homeURL, language, publisher, searchURL, tagsURL, title)",
        ])
    }

    @Test func fieldsOfListItemsAreCheckedInTheirSection() throws {
        let problems = try Self.problems(["articles": "{{<layout}}{{$main}}{{#articles}}{{titel}}{{/articles}}{{/main}}{{/layout}}"])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Templates/articles.mustache:1: error: template: 'titel' is not a field of ArticlesPage here; did you mean 'title'?") == true)
    }

    @Test func onlyHTMLIsInsertedUnescapedAndHTMLOnlySo() throws {
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}{{{layout.title}}}{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:1: error: template: '{{{layout.title}}}' would insert text unescaped; only HTML fields may use triple braces, write '{{layout.title}}'",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}{{&layout.hasBreadcrumbs}}{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:1: error: template: '{{{layout.hasBreadcrumbs}}}' would insert true/false unescaped; only HTML fields may use triple braces, write '{{layout.hasBreadcrumbs}}'",
        ])
        #expect(try Self.problems(["term": "{{<layout}}{{$main}}{{body}}{{/main}}{{/layout}}"]) == [
            "Templates/term.mustache:1: error: template: 'body' is HTML; insert it with '{{{body}}}'",
        ])
    }

    @Test func listsAndGroupsAreNotText() throws {
        #expect(try Self.problems(["tags": "{{<layout}}{{$main}}\n{{tags}}{{/main}}{{/layout}}"]) == [
            "Templates/tags.mustache:2: error: template: 'tags' is a list; use '{{#tags}}…{{/tags}}'",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}{{layout.assets}}{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:1: error: template: 'layout.assets' is a group of fields (favicon, script, searchScript, stemmerScript, stylesheet); name one of them",
        ])
    }

    @Test func missingPartialsAndParentsAreErrors() throws {
        #expect(try Self.problems(["footer": "<footer>\n{{>kolofon}}\n</footer>"]) == [
            "Templates/footer.mustache:2: error: template: the partial 'kolofon' does not exist (no kolofon.mustache)",
        ])
        #expect(try Self.problems(["404": "\n{{<ramme}}{{$main}}x{{/main}}{{/ramme}}"]) == [
            "Templates/404.mustache:2: error: template: the parent template 'ramme' does not exist (no ramme.mustache)",
        ])
    }

    @Test func partialsThatIncludeEachOtherWithoutEndAreAnError() throws {
        let problems = try Self.problems(["header": "<header>{{>footer}}</header>", "footer": "<footer>{{>header}}</footer>"])
        #expect(problems.contains { $0.hasSuffix("error: template: partials include each other without end") })
        #expect(problems.allSatisfy { $0.hasSuffix("error: template: partials include each other without end") })
    }

    @Test func syntaxErrorsCarryTheirLine() throws {
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}\n<h1>{{layout.title</h1>\n{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:2: error: template: a tag opened with '{{' is not closed with '}}' before the next tag begins",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}\n<h1>{{layout.title}}</h1>\n{{#layout.hasBreadcrumbs}}\n{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:4: error: template: '{{/main}}' closes 'layout.hasBreadcrumbs', opened on line 3",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}\n\n{{#layout.hasBreadcrumbs}}x{{/main}}{{/layout}}"]) == [
            "Templates/404.mustache:3: error: template: '{{/main}}' closes 'layout.hasBreadcrumbs', opened on line 3",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}{{/main}}{{/layout}}\n{{#layout.title}}"]) == [
            "Templates/404.mustache:2: error: template: the section 'layout.title' is never closed with '{{/layout.title}}'",
        ])
        #expect(try Self.problems(["404": "x\n{{/main}}", "tag": "{{=<% %>=}}"]) == [
            "Templates/404.mustache:2: error: template: '{{/main}}' closes nothing",
            "Templates/tag.mustache:1: error: template: changing the delimiters ({{=…=}}) is not supported in Helhed templates",
        ])
        #expect(try Self.problems(["404": "a\n\nb {{x"]) == ["Templates/404.mustache:3: error: template: a tag opened with '{{' is never closed"])
        #expect(try Self.problems(["404": "{{ }}"]) == ["Templates/404.mustache:1: error: template: an empty tag '{{}}'"])
        #expect(try Self.problems(["404": "{{uppercased(title)}}"]) == [
            "Templates/404.mustache:1: error: template: '{{uppercased(title)}}': transforms are not supported in Helhed templates",
        ])
        #expect(try Self.problems(["404": "{{<layout}}{{$main}}{{/main}}{{title}}{{/layout}}"]) == [
            "Templates/404.mustache:1: error: template: only blocks ({{$name}}…{{/name}}) may stand inside '{{<layout}}'",
        ])
    }

    @Test func anIncompleteSampleIsReported() throws {
        struct Item: Encodable { let name: String }
        struct Model: Encodable { let items: [Item] }
        let library = try TemplateLibrary(templates: ["main": "{{#items}}{{name}}{{/items}}"])
        #expect(library.check("main", against: Model(items: [])) == [
            TemplateProblem(file: "Templates/main.mustache", line: nil,
                            message: "internal: the sample view model leaves 'items' empty; give it a value so its shape can be checked"),
        ])
        #expect(library.check("main", against: Model(items: [Item(name: "x")])) == [])
    }

    @Test func fingerprintsFollowEveryTemplateUsed() throws {
        let base = try Self.theme(replacing: [:])
        let before = try TemplateLibrary(templates: base)
        let footerChanged = try TemplateLibrary(templates: try Self.theme(replacing: ["footer": "<footer></footer>"]))
        let tagChanged = try TemplateLibrary(templates: try Self.theme(replacing: ["tag": "{{<layout}}{{/layout}}"]))
        #expect(before.fingerprint(of: "article") == (try TemplateLibrary(templates: base)).fingerprint(of: "article"))
        #expect(before.fingerprint(of: "article") != footerChanged.fingerprint(of: "article"))
        #expect(before.fingerprint(of: "article") == tagChanged.fingerprint(of: "article"))
        #expect(before.fingerprint(of: "tag") != tagChanged.fingerprint(of: "tag"))
        #expect(before.names.isSuperset(of: ["layout", "head", "header", "footer", "article", "term"]))
    }
}
