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

    /// Cases left out, with the reason (none: swift-mustache skips "Intrinsic indentation" and "Nested block
    /// reindentation", which pass here).
    static let skipped: [String: String] = [:]

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
