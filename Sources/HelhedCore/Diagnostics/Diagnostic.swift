/// One problem found in the user's files, printed as `path:line: error: message` (the format compilers
/// use, so editors and terminals make it clickable).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public let severity: Severity
    /// The path as the user knows it, e.g. `Content/artikler/kolding.md`.
    public let path: String
    /// 1-based; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based, in characters of the line; 0 when the problem concerns the whole line (most do). Printed as
    /// `path:line:column:`, which editors also jump to.
    public let column: Int
    public let message: String

    init(_ severity: Severity, _ path: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ path: String, line: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: line, message)
    }

    static func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: line, column: column, message)
    }

    /// One line, always: a line break or control character from a file (a multi-line YAML value, a file name) would
    /// break the `path:line:` form that editors parse, and could send escape sequences to the terminal. Such characters
    /// are shown as `\u{…}`.
    public var description: String {
        let place = line > 0 ? (column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)") : path
        let text = "\(place): \(severity.rawValue): \(message)"
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
}
