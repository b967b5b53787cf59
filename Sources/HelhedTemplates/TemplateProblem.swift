/// A problem with a template: its file as the user knows it (`Templates/article.mustache`), the line when the problem
/// has one, and the message as HelhedCore shows it after "error: " (template mistakes start with "template: ").
public struct TemplateProblem: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `Templates/x.mustache:3: template: …`
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Every problem found while loading templates, together.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public let problems: [TemplateProblem]

    public init(_ problems: [TemplateProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
