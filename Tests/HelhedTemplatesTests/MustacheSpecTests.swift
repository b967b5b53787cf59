import Foundation
import Testing
@testable import HelhedTemplates

/// Every test of the official Mustache spec files in `Fixtures/` (see its README), rendered with `HelhedTemplates`.
@Suite struct MustacheSpecTests {
    struct SpecFile: Decodable {
        struct Case: Decodable {
            let name: String
            let data: SpecValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Case]
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Cases left out, with the reason. Both are about where a block's content is indented when the block's opening
    /// tag stands alone; swift-mustache (the reference the theme is compared with) skips the same two.
    static let skipped: [String: String] = [
        "~inheritance/Intrinsic indentation": "a block's indentation taken from its default content",
        "~inheritance/Nested block reindentation": "blocks nested in blocks reindented relative to each other",
    ]

    @Test(arguments: ["interpolation", "sections", "inverted", "comments", "partials", "~inheritance"])
    func specFile(_ name: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name + ".json"))
        let file = try JSONDecoder().decode(SpecFile.self, from: data)
        #expect(!file.tests.isEmpty)
        for test in file.tests where Self.skipped["\(name)/\(test.name)"] == nil {
            var templates = test.partials ?? [:]
            templates["__test__"] = test.template
            let library: TemplateLibrary
            do {
                library = try TemplateLibrary(templates: templates)
            } catch {
                Issue.record("\(name)/\(test.name): \(error)")
                continue
            }
            let rendered = String(decoding: library.render("__test__", test.data), as: UTF8.self)
            #expect(rendered == test.expected, "\(name)/\(test.name)\ntemplate: \(test.template.debugDescription)")
        }
    }
}
