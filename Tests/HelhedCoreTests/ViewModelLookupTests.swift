import Mustache
import Testing
@testable import HelhedCore

/// The view models answer template lookups themselves (`MustacheParent`, see ViewModelLookup.swift) instead of
/// through `Mirror`. These tests keep the two in step: every stored field of every sample, at every depth, is
/// answered by `child(named:)` with the value `Mirror` sees, and names that are not fields give nil.
@Suite struct ViewModelLookupTests {
    /// What a lookup must return for a field: `Mirror`'s value, with an optional unwrapped (nil stays nil), as
    /// swift-mustache's own `Mirror` lookup does.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    static func check(_ value: Any, path: String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            for (index, element) in mirror.children.enumerated() { check(element.value, path: "\(path)[\(index)]") }
        case .optional:
            if let wrapped = mirror.children.first?.value { check(wrapped, path: path) }
        case .struct where !(value is HTML):
            guard let parent = value as? MustacheParent else {
                Issue.record("\(path): \(type(of: value)) does not conform to MustacheParent, so templates fall back to Mirror")
                return
            }
            #expect(parent.child(named: "noSuchField") == nil, "\(path): an unknown name must give nil")
            for child in mirror.children {
                guard let label = child.label else { continue }
                let expected = unwrapped(child.value)
                let answered = parent.child(named: label)
                #expect((expected == nil) == (answered == nil), "\(path).\(label): Mirror has \(String(describing: expected)), the lookup \(String(describing: answered))")
                if let expected, let answered {
                    #expect(type(of: expected) == type(of: answered), "\(path).\(label): \(type(of: expected)) vs \(type(of: answered))")
                    #expect(String(describing: expected) == String(describing: answered), "\(path).\(label) differs")
                }
                check(child.value, path: "\(path).\(label)")
            }
        default:
            break
        }
    }

    @Test(arguments: ViewModels.samples.map(\.name))
    func everyFieldIsAnsweredLikeMirror(template: String) throws {
        let sample = try #require(ViewModels.samples.first { $0.name == template }?.sample)
        Self.check(sample, path: template)
    }

    @Test func emptyOptionalsAreNil() {
        let card = ArticleCard(title: "t", url: "/u/", kind: "k", date: "d", dateISO: "2022-01-01", summary: nil, tags: [])
        #expect(card.child(named: "summary") == nil)
        let page = ArticlePage(layout: .sample, title: "t", kind: "k", date: "d", dateISO: "i", updated: nil, updatedISO: nil, summary: nil,
                               tags: [], hasTags: false, body: HTML(""), contents: [], hasContents: false, definitions: [], hasDefinitions: false)
        #expect(page.child(named: "updated") == nil)
        #expect(page.child(named: "updatedISO") == nil)
    }
}
