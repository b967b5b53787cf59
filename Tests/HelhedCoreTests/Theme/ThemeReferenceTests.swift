import Foundation
@testable import HelhedCore
import HelhedTemplates
import Mustache
import Testing

/// swift-mustache as the reference: the real theme renders to the same bytes with HelhedTemplates and with it, for
/// the samples and for emptied models. (Mustache's corners are compared in HelhedTemplatesTests.)
extension HTML: MustacheCustomRenderable {
    public var renderText: String { html }
}

@Suite struct ThemeReferenceTests {
    static func theme() throws -> (TemplateLibrary, MustacheLibrary) {
        let library = try TemplateLibrary(folder: Repository.templates, displayFolder: "Templates")
        var reference = MustacheLibrary()
        for name in library.names.sorted() {
            let text = try String(contentsOf: Repository.templates.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            reference.register(try MustacheTemplate(string: text), named: name)
        }
        return (library, reference)
    }

    static func render(_ library: TemplateLibrary, _ template: String, _ model: some Encodable) -> String {
        String(decoding: library.render(template, model), as: UTF8.self)
    }

    @Test(arguments: ViewModels.samples.map(\.name))
    func everySampleRendersAsWithSwiftMustache(template: String) throws {
        let (library, reference) = try Self.theme()
        let sample = try #require(ViewModels.samples.first { $0.name == template }?.sample)
        let ours = Self.render(library, template, sample)
        #expect(ours == reference.render(sample, withTemplate: template))
        #expect(ours.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
    }

    @Test func emptiedModelsRenderAsWithSwiftMustache() throws {
        let (library, reference) = try Self.theme()
        let site = SiteModel(title: "S & <co>", description: "d", language: "da", publisher: nil, absoluteURL: "https://x/",
                                   homeURL: "/", articlesURL: "/a/", glossaryURL: "/o/", tagsURL: "/e/", searchURL: "/s/", feedURL: "/f")
        let layout = Layout(site: site, assets: Layout.sample.assets, title: "T & <b>", documentTitle: "\"Q\" 'A'",
                                  description: "d", canonicalURL: "https://x/", openGraphType: "website", openGraphImage: nil,
                                  nav: [NavLink(label: "Forside", url: "/", current: nil), NavLink(label: "Ord", url: "/o/", current: "true")],
                                  breadcrumbs: [], hasBreadcrumbs: false)
        let card = ArticleCard(title: "Æble", url: "/a/", kind: "Case", date: "1. maj", dateISO: "2024-05-01", summary: nil, tags: [], image: nil)
        let models: [(String, any PageModel)] = [
            ("article", ArticlePage(layout: layout, title: "Æble & pære", kind: "Case", date: "1. maj 2024", dateISO: "2024-05-01",
                                          updated: nil, updatedISO: nil, summary: nil, tags: [], hasTags: false, body: HTML(""),
                                          contents: [], hasContents: false, definitions: [], hasDefinitions: false)),
            ("term", TermPage(layout: layout, title: "t", summary: "s", aliases: [], hasAliases: false, body: HTML("<p>x</p>"),
                                    related: [], hasRelated: false, usedIn: [], hasUsedIn: false, definitions: [], hasDefinitions: false)),
            ("index", HomePage(layout: layout, featured: [], articles: [card, card], hasArticles: true, termCount: 0)),
            ("tags", TagsPage(layout: layout, tags: [], hasTags: false)),
            ("glossary", GlossaryPage(layout: layout, letters: [LetterLink(letter: "Æ", url: "#ae", hasTerms: false)],
                                            groups: [], termCount: 0)),
        ]
        for (name, model) in models {
            #expect(Self.render(library, name, model) == reference.render(model, withTemplate: name), "\(name)")
        }
    }
}
