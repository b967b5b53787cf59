import Foundation
@testable import HelhedCore
@testable import HelhedTemplates
import Testing

/// How long the real `article.mustache` takes with a realistic article, rendered 20,000 times by this module and by
/// HelhedCore's compiled templates (today's path). Runs only with HELHED_TEMPLATE_TIMING=1, and asserts no time:
///
///     swift build -c release --build-tests -Xswiftc -enable-testing
///     HELHED_TEMPLATE_TIMING=1 swift test -c release --skip-build --filter RenderTimingTests
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HELHED_TEMPLATE_TIMING"] == "1"))
struct RenderTimingTests {
    static let rounds = 20_000

    /// About what an article of the benchmark site holds: a body of some 9 KB, a table of contents, tags, definitions.
    static let body: String = (1...24).map { index in
        "<h2 id=\"afsnit-\(index)\">Afsnit \(index)</h2>\n<p>Beboerne i området har i en længere periode arbejdet med "
            + "<a href=\"/ordforklaringer/ord-\(index)/\" aria-describedby=\"definition-ord-\(index)\">boligsocial indsats</a> "
            + "&amp; fællesskab. Det er \"vigtigt\", siger formanden, at de unge også er med.</p>\n"
    }.joined()

    static let sections = (1...6).map { ("Afsnit \($0) om drift & trivsel", "afsnit-\($0)") }
    static let definitions = (1...5).map { ("definition-ord-\($0)", "Ord \($0)", "/ordforklaringer/ord-\($0)/", "En kort forklaring af ord \($0) på \"dansk\".") }

    static func themeModel() -> Theme.ArticlePage {
        let layout = Theme.Layout.sample
        return Theme.ArticlePage(
            layout: layout, title: "Et længere liv i Gellerupparken", kind: "Case", date: "20. august 2022", dateISO: "2022-08-20",
            updated: "1. september 2022", updatedISO: "2022-09-01", summary: "Om beboere, der flytter ind & bliver.",
            tags: ["Tryghed", "Fællesskab", "Unge"].map { Theme.TagLink(name: $0, url: "/emner/\($0.lowercased())/") }, hasTags: true,
            body: HelhedTemplates.HTML(body),
            contents: sections.map { Theme.ContentsSection(text: $0.0, id: $0.1, subsections: [Theme.ContentsLink(text: "Under", id: $0.1 + "-a")],
                                                           hasSubsections: true) },
            hasContents: true,
            definitions: definitions.map { Theme.Definition(id: $0.0, title: $0.1, url: $0.2, summary: $0.3) }, hasDefinitions: true
        )
    }

    static func coreModel() -> HelhedCore.ArticlePage {
        let layout = HelhedCore.Layout.sample
        return HelhedCore.ArticlePage(
            layout: layout, title: "Et længere liv i Gellerupparken", kind: "Case", date: "20. august 2022", dateISO: "2022-08-20",
            updated: "1. september 2022", updatedISO: "2022-09-01", summary: "Om beboere, der flytter ind & bliver.",
            tags: ["Tryghed", "Fællesskab", "Unge"].map { HelhedCore.TagLink(name: $0, url: "/emner/\($0.lowercased())/") }, hasTags: true,
            body: HelhedCore.HTML(body),
            contents: sections.map { HelhedCore.ContentsSection(text: $0.0, id: $0.1, subsections: [HelhedCore.ContentsLink(text: "Under", id: $0.1 + "-a")],
                                                                hasSubsections: true) },
            hasContents: true,
            definitions: definitions.map { HelhedCore.Definition(id: $0.0, title: $0.1, url: $0.2, summary: $0.3) }, hasDefinitions: true
        )
    }

    static func time(_ label: String, _ body: () -> Int) -> Duration {
        _ = body()
        let clock = ContinuousClock()
        var bytes = 0
        let elapsed = clock.measure {
            for _ in 0..<rounds { bytes &+= body() }
        }
        let perPage = elapsed / rounds
        print("timing: \(label): \(rounds) renders in \(elapsed), \(perPage) per page (\(bytes / rounds) bytes)")
        return elapsed
    }

    @Test func articleRenders() throws {
        let library = try TemplateLibrary(folder: Theme.folder, displayFolder: "Templates")
        let templates = try TemplateSet(folder: Theme.folder, displayFolder: "Templates")
        let model = Self.themeModel()
        let core = Self.coreModel()
        let ours = library.render("article", model)
        guard case .bytes(let theirs) = templates.renderContents("article", core) else {
            Issue.record("HelhedCore did not compile the theme")
            return
        }
        #expect(ours == theirs)
        for _ in 0..<2 {
            _ = Self.time("HelhedCore CompiledTemplates (today)") {
                guard case .bytes(let bytes) = templates.renderContents("article", core) else { return 0 }
                return bytes.count
            }
            _ = Self.time("HelhedTemplates render") { library.render("article", model).count }
            _ = Self.time("HelhedTemplates encoding only") {
                let builder = ValueTreeBuilder(keys: library.keys)
                try? builder.encodeRoot(model)
                return builder.tree.nodes.count
            }
        }
    }
}
