/// One problem found in the user's files, printed as `path:line: fejl: message` (the format compilers use, so editors
/// and terminals make it clickable). The problem is a `Message` of the catalogue; it is put into words, Danish or
/// English, only when it is shown (`rendered(in:)`).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable {
        case error, warning

        var word: MessageKey { self == .error ? .severityError : .severityWarning }
    }

    public let severity: Severity
    /// The path as the user knows it, e.g. `Content/artikler/kolding.md`.
    public let path: String
    /// 1-based; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based, in characters of the line; 0 when the problem concerns the whole line (most do). Printed as
    /// `path:line:column:`, which editors also jump to.
    public let column: Int
    let text: Message

    init(_ severity: Severity, _ path: String, line: Int = 0, column: Int = 0, _ text: Message) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.text = text
    }

    static func error(_ path: String, line: Int = 0, _ key: MessageKey, _ arguments: [String: String] = [:],
                      parts: [String: Message] = [:]) -> Diagnostic {
        Diagnostic(.error, path, line: line, Message(key, arguments, parts: parts))
    }

    static func warning(_ path: String, line: Int = 0, column: Int = 0, _ key: MessageKey, _ arguments: [String: String] = [:],
                        parts: [String: Message] = [:]) -> Diagnostic {
        Diagnostic(.warning, path, line: line, column: column, Message(key, arguments, parts: parts))
    }

    static func error(_ path: String, line: Int = 0, _ text: Message) -> Diagnostic {
        Diagnostic(.error, path, line: line, text)
    }

    /// TRANSITION: a message not yet in the catalogue (`Message.untranslated`); prefer the overloads with a key.
    public static func error(_ path: String, line: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: line, .untranslated(message))
    }

    /// TRANSITION: a message not yet in the catalogue (`Message.untranslated`); prefer the overloads with a key.
    static func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: line, column: column, .untranslated(message))
    }

    /// The message in English: what tests and developers' logs compare.
    public var message: String { text.rendered(in: .english) }

    /// `path:line: error: message` in English; `rendered(in:)` is what the editor sees.
    public var description: String { rendered(in: .english) }

    /// One line, always: a line break or control character from a file (a multi-line YAML value, a file name) would
    /// break the `path:line:` form that editors parse, and could send escape sequences to the terminal. Such characters
    /// are shown as `\u{…}`.
    public func rendered(in language: MessageLanguage) -> String {
        let place = line > 0 ? (column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)") : path
        let text = "\(place): \(severity.word.text(in: language)): \(self.text.rendered(in: language))"
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        var printable = ""
        for scalar in text.unicodeScalars {
            if Self.isControl(scalar) {
                printable += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                printable.unicodeScalars.append(scalar)
            }
        }
        return printable
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Equal when they say the same in the same place, whether the message comes from the catalogue or is still a
    /// plain string (`Message.untranslated`): duplicates are removed by what the reader sees.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.severity, lhs.path, lhs.line, lhs.column) == (rhs.severity, rhs.path, rhs.line, rhs.column) && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(message)
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
    }
}

/// Collects what goes wrong so that one build reports every problem at once.
struct Diagnostics: Sendable {
    private(set) var all: [Diagnostic] = []

    init() {}

    mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    mutating func append(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }

    var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and line, duplicates removed, so reports are stable.
    var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}

/// Thrown when a build cannot produce a site; carries every problem found.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    func rendered(in language: MessageLanguage) -> String {
        diagnostics.map { $0.rendered(in: language) }.joined(separator: "\n")
    }
}
