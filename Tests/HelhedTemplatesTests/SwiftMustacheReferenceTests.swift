import Foundation
import HelhedTemplates
import Mustache
import Testing

/// swift-mustache as the reference: the real theme and small templates full of Mustache's corners render to the same
/// bytes with both.
extension HTML: MustacheCustomRenderable {
    public var renderText: String { html }
}

@Suite struct SwiftMustacheReferenceTests {
    static func theme() throws -> (TemplateLibrary, MustacheLibrary) {
        let library = try TemplateLibrary(folder: Theme.folder, displayFolder: "Templates")
        var reference = MustacheLibrary()
        for name in library.names.sorted() {
            let text = try String(contentsOf: Theme.folder.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            reference.register(try MustacheTemplate(string: text), named: name)
        }
        return (library, reference)
    }

    static func render(_ library: TemplateLibrary, _ template: String, _ model: some Encodable) -> String {
        String(decoding: library.render(template, model), as: UTF8.self)
    }

    @Test(arguments: Theme.samples.map(\.name))
    func everySampleRendersAsWithSwiftMustache(template: String) throws {
        let (library, reference) = try Self.theme()
        let sample = try #require(Theme.samples.first { $0.name == template }?.sample)
        let ours = Self.render(library, template, sample)
        #expect(ours == reference.render(sample, withTemplate: template))
        #expect(ours.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
    }

    @Test func emptiedModelsRenderAsWithSwiftMustache() throws {
        let (library, reference) = try Self.theme()
        let site = Theme.SiteModel(title: "S & <co>", description: "d", language: "da", publisher: nil, absoluteURL: "https://x/",
                                   homeURL: "/", articlesURL: "/a/", glossaryURL: "/o/", tagsURL: "/e/", searchURL: "/s/", feedURL: "/f")
        let layout = Theme.Layout(site: site, assets: Theme.Layout.sample.assets, title: "T & <b>", documentTitle: "\"Q\" 'A'",
                                  description: "d", canonicalURL: "https://x/", openGraphType: "website", openGraphImage: nil,
                                  nav: [Theme.NavLink(label: "Forside", url: "/", current: nil), Theme.NavLink(label: "Ord", url: "/o/", current: "true")],
                                  breadcrumbs: [], hasBreadcrumbs: false)
        let card = Theme.ArticleCard(title: "Æble", url: "/a/", kind: "Case", date: "1. maj", dateISO: "2024-05-01", summary: nil, tags: [], image: nil)
        let models: [(String, any Encodable)] = [
            ("article", Theme.ArticlePage(layout: layout, title: "Æble & pære", kind: "Case", date: "1. maj 2024", dateISO: "2024-05-01",
                                          updated: nil, updatedISO: nil, summary: nil, tags: [], hasTags: false, body: HTML(""),
                                          contents: [], hasContents: false, definitions: [], hasDefinitions: false)),
            ("term", Theme.TermPage(layout: layout, title: "t", summary: "s", aliases: [], hasAliases: false, body: HTML("<p>x</p>"),
                                    related: [], hasRelated: false, usedIn: [], hasUsedIn: false, definitions: [], hasDefinitions: false)),
            ("index", Theme.HomePage(layout: layout, featured: [], articles: [card, card], hasArticles: true, termCount: 0)),
            ("tags", Theme.TagsPage(layout: layout, tags: [], hasTags: false)),
            ("glossary", Theme.GlossaryPage(layout: layout, letters: [Theme.LetterLink(letter: "Æ", url: "#ae", hasTerms: false)],
                                            groups: [], termCount: 0)),
        ]
        for (name, model) in models {
            #expect(Self.render(library, name, model) == reference.render(model, withTemplate: name), "\(name)")
        }
    }

    /// Renders `sources["main"]` with both and requires the same text.
    static func compare(_ sources: [String: String], model: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let library = try TemplateLibrary(templates: sources)
        var reference = MustacheLibrary()
        for (name, text) in sources { reference.register(try MustacheTemplate(string: text), named: name) }
        let expected = reference.render(model, withTemplate: "main") ?? ""
        #expect(render(library, "main", model) == expected, "\(sources["main"] ?? "")", sourceLocation: sourceLocation)
    }

    struct Item: Encodable { let name: String }
    struct Inner: Encodable { let value: String }
    struct Nested: Encodable { let inner: Inner }
    /// A nil optional is no value: the lookup goes on to the frames below (as swift-mustache does for nil).
    struct Maybe: Encodable {
        let title: String?
        let name: String?
    }
    struct Corners: Encodable {
        var title = "A & B"
        var html = HTML("<em>x</em>")
        var empty = HTML("")
        var yes = true
        var no = false
        var count = 3
        var zero = 0
        var blank = ""
        var none: String? = nil
        var list = [Item(name: "én"), Item(name: "to")]
        var nothing: [Item] = []
        var words = ["a", "b"]
        var nested = Nested(inner: Inner(value: "dyb"))
        var lines = "a\nb"
        var maybe = Maybe(title: nil, name: "m")
        var maybes = [Maybe(title: "t", name: nil), Maybe(title: nil, name: nil)]
    }

    @Test func mustacheCornersRenderAlike() throws {
        let cases: [[String: String]] = [
            ["main": "{{title}} {{{title}}} {{&title}} {{{html}}} {{html}} {{count}} {{zero}} [{{none}}] [{{blank}}] {{missing}} {{yes}}\n"],
            ["main": "{{#list}}\n  <li>{{name}}</li>\n{{/list}}\n{{^nothing}}\ntom\n{{/nothing}}\n{{#nothing}}x{{/nothing}}"],
            ["main": "{{#yes}}ja{{/yes}}{{^no}}nej{{/no}}{{#no}}x{{/no}}{{^empty}}tom html{{/empty}}{{#empty}}x{{/empty}}{{#html}}{{{.}}}{{/html}}"],
            ["main": "{{#zero}}nul{{.}}{{/zero}}{{#blank}}tom[{{.}}]{{/blank}}{{^zero}}x{{/zero}}{{#none}}x{{/none}}{{^none}}ingen{{/none}}"],
            ["main": "{{nested.inner.value}} {{#nested}}{{inner.value}}{{.inner.value}}{{/nested}} {{#list}}{{title}}{{.title}}[{{.name}}]{{/list}}"],
            ["main": "{{#words}}<{{.}}>{{/words}} {{#list}}{{#yes}}{{name}}{{/yes}}{{/list}} {{#nested}}{{#inner}}{{value}}{{title}}{{/inner}}{{/nested}}"],
            ["main": "a\n  {{>part}}\nb\n", "part": "x\ny\n{{lines}}\nz"],
            ["main": "{{#maybe}}[{{title}}|{{name}}|{{.title}}]{{/maybe}}{{#maybes}}({{title}},{{name}}){{^name}}-{{/name}}{{/maybes}}{{maybe.title}}"],
            ["main": "<ul>\n  {{>items}}\n</ul>\n", "items": "{{#list}}\n<li>\n  {{name}}\n</li>\n{{/list}}\n"],
            ["main": "  {{>outer}}\n", "outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\ni2\n"],
            ["main": "{{<parent}}\n{{$body}}\nindhold {{title}}\n{{/body}}\n{{/parent}}\n",
             "parent": "<html>\n  {{$body}}standard{{/body}}\n{{$foot}}fod{{/foot}}\n</html>\n"],
            ["main": "{{<mid}}{{$a}}A{{/a}}{{/mid}}", "mid": "{{<base}}{{$a}}midA{{/a}}{{$b}}midB{{/b}}{{/base}}", "base": "[{{$a}}a{{/a}}|{{$b}}b{{/b}}]"],
            ["main": "{{<base}}\n{{$outer}}\nfør\n{{$inner}}indre{{/inner}}\nefter\n{{/outer}}\n{{/base}}\n",
             "base": "<div>\n  {{$outer}}ydre{{/outer}}\n</div>\n"],
            ["main": "{{<base}}{{$inner}}ny{{/inner}}{{/base}}", "base": "<{{$outer}}[{{$inner}}gammel{{/inner}}]{{/outer}}>"],
            ["main": "{{! comment }}\n{{#list}}{{#yes}}{{name}}{{/yes}}{{/list}}\n  {{! standalone }}\nend"],
            ["main": "x\r\n{{#yes}}\r\nja\r\n{{/yes}}\r\n{{>part}}\r\n", "part": "1\r\n2\r\n"],
            ["main": "| {{#yes}}\t|\t{{/yes}} | \n  {{#list}}\n    {{name}}\n  {{/list}}\n"],
        ]
        for sources in cases { try Self.compare(sources, model: Corners()) }
    }
}
