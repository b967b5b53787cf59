import Foundation
import Testing
@testable import HelhedCore
@testable import HelhedTemplates

/// The theme's templates against the view models: every template renders every field of a complete model, and
/// template mistakes are caught when templates load, not as silently empty output.
@Suite struct TemplateTests {
    static func themeTemplates() throws -> TemplateSet {
        try TemplateSet(folder: Repository.templates, displayFolder: "Templates")
    }

    /// Every text value in a sample that is shown to readers ("«…»" markers).
    static func markers(in value: Any) -> Set<String> {
        if let text = value as? String { return text.hasPrefix("«") ? [text] : [] }
        if let html = value as? HTML { return [html.html] }
        var found: Set<String> = []
        for child in Mirror(reflecting: value).children { found.formUnion(markers(in: child.value)) }
        return found
    }

    /// Fields a template may leave out on purpose (listed here so that dropping anything else fails). The site's
    /// description is the front page's lead; other pages have their own.
    static func intentionallyHidden(_ template: String) -> Set<String> {
        switch template {
        case "index": ["«tag.name»", "«crumb.label»"]
        case "articles", "tag": ["«site.description»", "«tag.name»"]
        default: ["«site.description»"]
        }
    }

    @Test(arguments: ViewModels.samples.map(\.name))
    func rendersEveryFieldOfACompleteModel(template: String) throws {
        let templates = try Self.themeTemplates()
        let sample = try #require(ViewModels.samples.first { $0.name == template }?.sample)
        let html = String(decoding: templates.render(template, sample), as: UTF8.self)
        let missing = Self.markers(in: sample).subtracting(Self.intentionallyHidden(template)).filter { !html.contains($0) }
        #expect(missing.isEmpty, "\(template).mustache does not show \(missing.sorted())")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        #expect(html.contains("<main id=\"hovedindhold\""))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
    }

    @Test func samplesAreComplete() throws {
        for (name, sample) in ViewModels.samples {
            #expect(throws: Never.self, "\(name)") { try ModelShape.of(sample) }
        }
    }

    private func templatesWith(_ files: [String: String]) throws -> FixtureSite {
        let site = try FixtureSite()
        for (name, text) in files { try site.write("Templates/\(name)", text) }
        return site
    }

    private func loadErrors(_ site: FixtureSite) -> [String] {
        do {
            _ = try TemplateSet(folder: site.url("Templates"), displayFolder: "Templates")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aVariableTheModelLacksIsAnError() throws {
        let site = try templatesWith(["404.mustache": "{{<layout}}{{$main}}\n<p>{{layout.site.titel}}</p>{{/main}}{{/layout}}"])
        #expect(loadErrors(site) == [
            "Templates/404.mustache:2: error: template: 'layout.site.titel': there is no field 'titel' (fields: absoluteURL, articlesURL, description, feedURL, glossaryURL, homeURL, language, publisher, searchURL, tagsURL, title)",
        ])
    }

    @Test func aMissingPartialIsAnError() throws {
        let site = try templatesWith(["footer.mustache": "<footer>\n{{>sidefod}}</footer>"])
        let errors = loadErrors(site)
        #expect(errors.contains("Templates/footer.mustache:2: error: template: the partial 'sidefod' does not exist (no sidefod.mustache)"))
    }

    @Test func aMissingTemplateIsAnError() throws {
        let site = try FixtureSite()
        try site.remove("Templates/term.mustache")
        #expect(loadErrors(site) == ["Templates/term.mustache: error: the theme needs this template, but it is missing"])
    }

    @Test func anUnclosedSectionIsAnError() throws {
        let site = try templatesWith(["404.mustache": "{{<layout}}{{$main}}\n\n{{#layout.hasBreadcrumbs}}x{{/main}}{{/layout}}"])
        #expect(loadErrors(site) == ["Templates/404.mustache:3: error: template: '{{/main}}' closes 'layout.hasBreadcrumbs', opened on line 3"])
        let unclosed = try templatesWith(["404.mustache": "{{<layout}}{{$main}}{{/main}}{{/layout}}\n{{#layout.title}}"])
        #expect(loadErrors(unclosed) == ["Templates/404.mustache:2: error: template: the section 'layout.title' is never closed with '{{/layout.title}}'"])
    }

    @Test func textMayNotBeInsertedUnescaped() throws {
        let site = try templatesWith(["404.mustache": "{{<layout}}{{$main}}{{{layout.title}}}{{/main}}{{/layout}}"])
        #expect(loadErrors(site) == ["Templates/404.mustache:1: error: template: '{{{layout.title}}}' would insert text unescaped; only HTML fields may use triple braces, write '{{layout.title}}'"])
    }

    @Test func htmlMustBeInsertedUnescaped() throws {
        let site = try templatesWith(["term.mustache": "{{<layout}}{{$main}}{{body}}{{/main}}{{/layout}}"])
        #expect(loadErrors(site) == ["Templates/term.mustache:1: error: template: 'body' is HTML; insert it with '{{{body}}}'"])
    }

    @Test func fieldsOfListItemsAreCheckedInTheirSection() throws {
        let site = try templatesWith(["articles.mustache": "{{<layout}}{{$main}}{{#articles}}{{titel}}{{/articles}}{{/main}}{{/layout}}"])
        #expect(loadErrors(site).first?.hasPrefix("Templates/articles.mustache:1: error: template: 'titel' is not a field of ArticlesPage here; did you mean 'title'?") == true)
    }
}
