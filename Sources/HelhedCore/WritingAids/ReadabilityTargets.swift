import Foundation
import HelhedTemplates

/// `lix:` in `site.yml`: the highest LIX an article of a kind should have, e.g. `lix: { explainer: 40 }` (explainers
/// should be no harder than "middel"). An article above its kind's target is a warning naming its longest sentences.
/// Read here rather than by `SiteConfig` because only `helhed check` uses it.
struct ReadabilityTargets: Sendable, Equatable {
    private(set) var targets: [ArticleKind: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    static let key = "lix"

    init(targets: [ArticleKind: Int] = [:]) {
        self.targets = targets
    }

    /// Reads `lix` from `<content>/site.yml`; no file, no field or YAML that does not parse (the build reports that)
    /// mean no targets.
    init(contentFolder: URL, displayPath: String) {
        let url = contentFolder.appendingPathComponent(ContentLoader.configFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            self.init()
            return
        }
        self.init(yaml: String(decoding: data, as: UTF8.self), path: displayPath)
    }

    init(yaml: String, path: String) {
        // A file that does not parse is the build's to report.
        guard let config = try? FrontMatter(yaml: yaml, path: path, firstLine: 1),
              let (value, fieldLine) = config.value(Self.key) else { return }
        guard case .group(let kinds, _) = value else {
            if case .text(let text, isPlain: true, _) = value, ["", "~", "null"].contains(text) { return }
            diagnostics.append(.error(path, line: fieldLine, "'lix' must give a target per kind of article, like lix: { explainer: 40, case: 45 }"))
            return
        }
        let names = ArticleKind.allCases.map(\.rawValue)
        for field in kinds {
            let line = config.fileLine(field.line)
            guard let kind = ArticleKind(rawValue: field.name) else {
                let suggestion = Suggestions.closest(to: field.name, among: names, limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error(path, line: line, "'lix': unknown kind '\(field.name)'\(suggestion); the kinds are \(names.joined(separator: ", "))"))
                continue
            }
            guard let text = field.value.text, let target = Int(text), (1...100).contains(target) else {
                diagnostics.append(.error(path, line: config.fileLine(field.value.line), "'lix': the target for \(field.name) must be a whole number from 1 to 100 (LIX 35–44 is \"middel\"), got \"\(field.value.text ?? "a group")\""))
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
