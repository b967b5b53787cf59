import Foundation
import Mustache
import Testing
@testable import HelhedCore

/// The compiled templates must render exactly what swift-mustache renders: the theme with every sample model and
/// with emptied ones, and small templates that use swift-mustache's corners (standalone lines, indented partials,
/// parents and blocks, inverted sections, dotted and anchored names, CRLF).
@Suite struct CompiledTemplatesTests {
    @Test func theThemeIsCompiled() throws {
        let templates = try TemplateTests.themeTemplates()
        #expect(templates.compiled != nil)
    }

    @Test(arguments: ViewModels.samples.map(\.name))
    func everySampleRendersAsWithSwiftMustache(template: String) throws {
        let templates = try TemplateTests.themeTemplates()
        let sample = try #require(ViewModels.samples.first { $0.name == template }?.sample)
        #expect(templates.render(template, sample) == templates.renderWithSwiftMustache(template, sample))
    }

    @Test func emptiedModelsRenderAsWithSwiftMustache() throws {
        let templates = try TemplateTests.themeTemplates()
        let layout = Layout(site: Layout.sample.site, assets: Layout.sample.assets, title: "T & <b>", documentTitle: "\"Q\" 'A'",
                            description: "d", canonicalURL: "https://x/", openGraphType: "website", nav: [], breadcrumbs: [], hasBreadcrumbs: false)
        let models: [(String, Any)] = [
            ("article", ArticlePage(layout: layout, title: "Æble & pære", kind: "Case", date: "1. maj 2024", dateISO: "2024-05-01", updated: nil,
                                    updatedISO: nil, summary: nil, tags: [], hasTags: false, body: HTML(""), contents: [], hasContents: false,
                                    definitions: [], hasDefinitions: false)),
            ("term", TermPage(layout: layout, title: "t", summary: "s", aliases: [], hasAliases: false, body: HTML("<p>x</p>"), related: [],
                              hasRelated: false, usedIn: [], hasUsedIn: false, definitions: [], hasDefinitions: false)),
            ("index", HomePage(layout: layout, featured: [], articles: [], hasArticles: false, termCount: 0)),
            ("tags", TagsPage(layout: layout, tags: [], hasTags: false)),
        ]
        for (name, model) in models {
            #expect(templates.render(name, model) == templates.renderWithSwiftMustache(name, model), "\(name)")
        }
    }

    static func compare(_ sources: [String: String], model: Any, render name: String = "main") throws {
        FastHTMLEscaping.register()
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
            library.register(template, named: name)
            parsed[name] = template
        }
        let compiled = try #require(CompiledTemplates(parsed))
        #expect(compiled.render(name, model) == (library.render(model, withTemplate: name) ?? ""), "\(sources[name] ?? "")")
    }

    @Test func swiftMustacheCornersRenderAlike() throws {
        let model: [String: Any] = [
            "title": "A & B", "html": HTML("<em>x</em>"), "empty": HTML(""), "yes": true, "no": false, "count": 3,
            "none": Optional<String>.none as Any, "list": [["name": "én"], ["name": "to"]], "nothing": [Any](),
            "nested": ["inner": ["value": "dyb"]], "lines": "a\nb",
        ]
        let cases: [[String: String]] = [
            ["main": "{{title}} {{{title}}} {{&title}} {{{html}}} {{count}} [{{none}}] {{missing}}\n"],
            ["main": "{{#list}}\n  <li>{{name}}</li>\n{{/list}}\n{{^nothing}}\ntom\n{{/nothing}}\n{{#nothing}}x{{/nothing}}"],
            ["main": "{{#yes}}ja{{/yes}}{{^no}}nej{{/no}}{{#no}}x{{/no}}{{^empty}}tom html{{/empty}}{{#empty}}x{{/empty}}{{#html}}{{{.}}}{{/html}}"],
            ["main": "{{nested.inner.value}} {{#nested}}{{inner.value}}{{.inner.value}}{{/nested}} {{#list}}{{title}}{{.title}}{{/list}}"],
            ["main": "a\n  {{>part}}\nb\n", "part": "x\ny\n{{lines}}\nz"],
            ["main": "{{<parent}}\n{{$body}}\nindhold {{title}}\n{{/body}}\n{{/parent}}\n",
             "parent": "<html>\n  {{$body}}standard{{/body}}\n{{$foot}}fod{{/foot}}\n</html>\n"],
            ["main": "{{<mid}}{{$a}}A{{/a}}{{/mid}}", "mid": "{{<base}}{{$a}}midA{{/a}}{{$b}}midB{{/b}}{{/base}}", "base": "[{{$a}}a{{/a}}|{{$b}}b{{/b}}]"],
            ["main": "x\r\n  {{>part}}\r\n", "part": "1\r\n2\r\n"],
            ["main": "{{! comment }}\n{{#list}}{{#yes}}{{name}}{{/yes}}{{/list}}\n  {{! standalone }}\nend"],
        ]
        for sources in cases { try Self.compare(sources, model: model) }
    }

    @Test func templatesWithTransformsAreLeftToSwiftMustache() throws {
        FastHTMLEscaping.register()
        let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + "{{uppercased(title)}}")
        #expect(CompiledTemplates(["main": template]) == nil)
    }
}
