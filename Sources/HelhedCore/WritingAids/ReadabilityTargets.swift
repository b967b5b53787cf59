import Foundation
import Yams

/// `lix:` in `site.yml`: the highest LIX an article of a kind should have, e.g. `lix: { explainer: 40 }` (explainers
/// should be no harder than "middel"). An article above its kind's target is a warning naming its longest sentences.
/// Read here rather than by `SiteConfig` because only `helhed check` uses it.
public struct ReadabilityTargets: Sendable, Equatable {
    public private(set) var targets: [ArticleKind: Int] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    public static let key = "lix"

    public init(targets: [ArticleKind: Int] = [:]) {
        self.targets = targets
    }

    /// Reads `lix` from `<content>/site.yml`; no file, no field or YAML that does not parse (the build reports that)
    /// mean no targets.
    public init(contentFolder: URL, displayPath: String) {
        let url = contentFolder.appendingPathComponent(ContentLoader.configFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            self.init()
            return
        }
        self.init(yaml: String(decoding: data, as: UTF8.self), path: displayPath)
    }

    public init(yaml: String, path: String) {
        guard let root = try? Yams.compose(yaml: yaml), let mapping = root.mapping else { return }
        guard let (keyNode, value) = mapping.first(where: { $0.key.string == Self.key }) else { return }
        let fieldLine = keyNode.mark?.line ?? 1
        guard let kinds = value.mapping else {
            if value.scalar.map({ ["", "~", "null"].contains($0.string) }) == true { return }
            diagnostics.append(.error(path, line: fieldLine, "'lix' must give a target per kind of article, like lix: { explainer: 40, case: 45 }"))
            return
        }
        let names = ArticleKind.allCases.map(\.rawValue)
        for (kindNode, targetNode) in kinds {
            let line = kindNode.mark?.line ?? fieldLine
            let name = kindNode.string ?? ""
            guard let kind = ArticleKind(rawValue: name) else {
                let suggestion = Suggestions.closest(to: name, among: names, limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error(path, line: line, "'lix': unknown kind '\(name)'\(suggestion); the kinds are \(names.joined(separator: ", "))"))
                continue
            }
            guard let text = targetNode.string, let target = Int(text), (1...100).contains(target) else {
                diagnostics.append(.error(path, line: targetNode.mark?.line ?? line, "'lix': the target for \(name) must be a whole number from 1 to 100 (LIX 35–44 is \"middel\"), got \"\(targetNode.string ?? "a group")\""))
                continue
            }
            targets[kind] = target
        }
    }

    /// The warning for an article above its kind's target, naming the longest sentences to shorten; nil otherwise.
    func warning(for article: Article, readability: Readability) -> Diagnostic? {
        guard let target = targets[article.kind], let lix = readability.lix, lix > target else { return nil }
        let sentences = readability.longestSentences.map { "line \($0.line) (\($0.wordCount) words: \"\($0.beginning)\")" }
        let line = readability.longestSentences.first?.line ?? 1
        return .warning(article.source.path, line: line,
                        "LIX \(lix) (\(Readability.verdict(lix))) is above the target \(target) for \(article.kind.rawValue) articles (site.yml); shorten the longest sentences: \(sentences.joined(separator: ", "))")
    }
}
