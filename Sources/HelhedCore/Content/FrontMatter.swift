import Yams

/// The YAML mapping at the top of a file, read field by field into typed values. Every problem becomes a
/// diagnostic that names the file line of the field; nothing stringly-typed leaves this type.
public struct FrontMatter {
    public let path: String
    private let fields: [String: Field]
    private let fieldOrder: [String]
    /// The file line of the first YAML line.
    private let firstLine: Int

    /// Yams' default constructor, made once: `Constructor.default` builds its tables anew on every call. It is only
    /// read (Helhed composes nodes and never constructs Swift values from them), so all threads may share it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    private struct Field {
        let node: Node
        let line: Int
    }

    /// Parses `yaml`; `firstLine` is the file line its first line sits on.
    public init(yaml: String, path: String, firstLine: Int) throws(Diagnostic) {
        self.path = path
        self.firstLine = firstLine
        if let tabLine = Self.lineIndentedWithTab(yaml) {
            throw .error(path, line: firstLine + tabLine - 1, "front matter: a tab is used for indentation; YAML needs spaces")
        }
        let root: Node?
        if let simple = Self.composedWithoutTagRules(yaml) {
            root = simple
        } else {
            let scan = YAMLChecks.scan(yaml)
            if let anchor = scan.anchorOrAlias {
                throw .error(path, line: firstLine + anchor.line - 1, YAMLChecks.anchorMessage)
            }
            do {
                // Tag rules only when a key needs them (see `YAMLChecks.Scan.keysArePlainText`); UTF-8 as above.
                root = try Yams.compose(yaml: yaml, scan.keysArePlainText ? .basic : .default, Self.constructor, .utf8)
            } catch let error as YamlError {
                throw Self.diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine)
            } catch {
                throw .error(path, line: firstLine, "front matter: \(error)")
            }
        }
        guard let root else {
            fields = [:]
            fieldOrder = []
            return
        }
        guard let mapping = root.mapping else {
            throw .error(path, line: firstLine, "front matter: expected fields like 'title: …', found \(Self.describe(root))")
        }
        var fields: [String: Field] = [:]
        var order: [String] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw .error(path, line: Self.line(of: key, firstLine: firstLine), "front matter: a field name must be a word")
            }
            if fields[name] != nil {
                throw .error(path, line: Self.line(of: key, firstLine: firstLine), "front matter: '\(name)' is given twice")
            }
            fields[name] = Field(node: value, line: Self.line(of: key, firstLine: firstLine))
            order.append(name)
        }
        self.fields = fields
        self.fieldOrder = order
    }

    /// The common case in one parse instead of two: front matter without `&` and `*` has no anchors or aliases (the
    /// only characters that start them), so Yams may compose it before `YAMLChecks.scan` has looked; composed without
    /// the tag rules, it is the very node the careful way gives when every key turns out to be a plain word or quoted
    /// (`YAMLChecks.Scan.keysArePlainText`), which is checked on the result. `.some(nil)` is an empty front matter;
    /// nil sends the text the careful way, as do all errors, so that every message comes from one place.
    static func composedWithoutTagRules(_ yaml: String) -> Node?? {
        // UTF-8 is what Yams picks by default for a Swift string, but deciding that reads the whole process environment
        // (for a YAMS_DEFAULT_ENCODING override) on every call: a third of parsing a front matter.
        var text = yaml
        guard !text.withUTF8({ $0.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") } }),
              let root = try? Yams.compose(yaml: yaml, .basic, constructor, .utf8) else { return nil }
        var open = [root]
        while let node = open.popLast() {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key else { return nil }
                    if scalar.style == .plain {
                        var text = scalar.string
                        guard text.withUTF8(YAMLChecks.isPlainWord) else { return nil }
                    }
                    open.append(value)
                }
            case .sequence(let sequence):
                open.append(contentsOf: sequence)
            case .scalar, .alias:
                continue
            }
        }
        return .some(root)
    }

    public func has(_ key: String) -> Bool { fields[key] != nil }

    /// The file line of a field, or of the opening fence when it is absent.
    public func line(of key: String) -> Int {
        fields[key]?.line ?? 1
    }

    /// Warnings for fields nobody reads, so typos like `titel:` are caught.
    public func unknownKeyWarnings(known: [String]) -> [Diagnostic] {
        fieldOrder.filter { !known.contains($0) }.map { key in
            let suggestion = Suggestions.closest(to: key, among: known, limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
            return .warning(path, line: line(of: key), "front matter: unknown field '\(key)'\(suggestion)")
        }
    }

    // MARK: Typed fields. Each returns nil after recording a diagnostic when the value is missing or wrong.

    public func text(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> String? {
        guard let field = present(key, required: required, into: &diagnostics) else { return nil }
        guard let scalar = field.node.scalar else {
            diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' must be text (got \(Self.describe(field.node)))"))
            return nil
        }
        let value = scalar.string.trimmingWhitespaceAndNewlines()
        if value.isEmpty {
            if required { diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' is empty")) }
            return nil
        }
        return value
    }

    public func day(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> Day? {
        guard let field = present(key, required: required, into: &diagnostics) else { return nil }
        guard let scalar = field.node.scalar, let day = Day(iso: scalar.string) else {
            if let text = field.node.scalar?.string, Day.hasISOShape(text) {
                diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' is not a day of the calendar (got \(Self.describe(field.node))); check the month and the day"))
            } else {
                diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' is not a date (got \(Self.describe(field.node))); write it as YYYY-MM-DD, e.g. 2022-08-20"))
            }
            return nil
        }
        return day
    }

    public func flag(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let field = fields[key], !Self.isNull(field.node) else { return nil }
        switch field.node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' must be true or false (got \(Self.describe(field.node)))"))
            return nil
        }
    }

    /// A whole number no smaller than `minimum`.
    public func number(_ key: String, minimum: Int, into diagnostics: inout Diagnostics) -> Int? {
        guard let field = fields[key], !Self.isNull(field.node) else { return nil }
        guard let text = field.node.scalar?.string, let value = Int(text), value >= minimum else {
            diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' must be a whole number of at least \(minimum) (got \(Self.describe(field.node)))"))
            return nil
        }
        return value
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func textList(_ key: String, into diagnostics: inout Diagnostics) -> [String] {
        locatedTextList(key, into: &diagnostics).map(\.value)
    }

    /// A list of texts with the file line of each entry.
    public func locatedTextList(_ key: String, into diagnostics: inout Diagnostics) -> [Located<String>] {
        guard let field = fields[key], !Self.isNull(field.node) else { return [] }
        let items: [Node]
        if let sequence = field.node.sequence {
            items = Array(sequence)
        } else if let scalar = field.node.scalar, scalar.style != .plain || Double(scalar.string) == nil {
            items = [field.node]
        } else {
            diagnostics.append(.error(path, line: field.line, "front matter: '\(key)' must be a list of words, like [a, b] (got \(Self.describe(field.node)))"))
            return []
        }
        var values: [Located<String>] = []
        for item in items {
            let line = Self.line(of: item, firstLine: firstLine)
            guard let text = item.scalar?.string.trimmingWhitespaceAndNewlines(), !text.isEmpty else {
                diagnostics.append(.error(path, line: line, "front matter: every entry of '\(key)' must be text (got \(Self.describe(item)))"))
                continue
            }
            values.append(Located(text, line: line))
        }
        return values
    }

    private func present(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> Field? {
        guard let field = fields[key], !Self.isNull(field.node) else {
            if required { diagnostics.append(.error(path, line: fields[key]?.line ?? 1, "front matter: '\(key)' is required")) }
            return nil
        }
        return field
    }

    // MARK: Helpers

    private static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func line(of node: Node, firstLine: Int) -> Int {
        (node.mark?.line).map { firstLine + $0 - 1 } ?? firstLine
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let value = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "\"\(value)\""
        case .mapping: return "a group of fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func lineIndentedWithTab(_ yaml: String) -> Int? {
        var yaml = yaml
        // Through the bytes in place: a `String.UTF8View` iterator costs several calls per byte.
        return yaml.withUTF8 { bytes in
            var lineNumber = 1
            var atLineStart = true
            for byte in bytes {
                if byte == 0x0A {
                    lineNumber += 1
                    atLineStart = true
                } else if atLineStart && byte == 0x09 {
                    return lineNumber
                } else if byte != 0x20 {
                    atLineStart = false
                }
            }
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            let detail = YAMLChecks.plainProblem(problem) ?? context.map { "\(problem) \($0.text)" } ?? problem
            return .error(path, line: firstLine + mark.line - 1, "front matter is not valid YAML: \(detail)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return at(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return at(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return at(mark, problem, context)
        case .reader(let problem, let offset, _, let yaml):
            let line = 1 + (offset.map { yaml.prefix($0).filter(\.isNewline).count } ?? 0)
            return .error(path, line: firstLine + line - 1, "front matter is not valid YAML: \(YAMLChecks.plainProblem(problem) ?? problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; the editor needs the line of the repeated field.
            let key = duplicates.first ?? ""
            let repeatLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { $0.element.hasPrefix(key + ":") || $0.element.hasPrefix(key + " :") }
                .dropFirst().first.map { $0.offset + 1 } ?? context.mark.line
            return .error(path, line: firstLine + repeatLine - 1, "front matter: '\(key)' is given twice")
        default: return .error(path, line: firstLine, "front matter is not valid YAML: \(error)")
        }
    }
}

/// A value from a file, with the line it was written on.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
