import HelhedTemplates

/// The YAML mapping at the top of a file, read field by field into typed values. Every problem becomes a
/// diagnostic that names the file line of the field; nothing stringly-typed leaves this type.
struct FrontMatter {
    let path: String
    private let fields: [String: Field]
    private let fieldOrder: [String]
    /// The file line of the first YAML line.
    private let firstLine: Int

    private struct Field {
        let value: YAMLValue
        let line: Int
    }

    /// Parses `yaml`; `firstLine` is the file line its first line sits on.
    init(yaml: String, path: String, firstLine: Int) throws(Diagnostic) {
        self.path = path
        self.firstLine = firstLine
        if let tabLine = Self.lineIndentedWithTab(yaml) {
            throw .error(path, line: firstLine + tabLine - 1, .fieldTabIndented)
        }
        let read: [YAMLValue.Field]
        do {
            read = try YAMLReader.fields(of: yaml)
        } catch {
            throw .error(path, line: firstLine + error.line - 1, error.text)
        }
        var fields: [String: Field] = [:]
        var order: [String] = []
        // The reader refuses keys that YAML calls the same; a field name is also repeated when only the tags differ
        // (`1:` and `"1":`), because fields are looked up by name.
        for field in read {
            let line = firstLine + field.line - 1
            if fields[field.name] != nil {
                throw .error(path, line: line, .fieldGivenTwice, ["field": field.name])
            }
            fields[field.name] = Field(value: field.value, line: line)
            order.append(field.name)
        }
        self.fields = fields
        self.fieldOrder = order
    }

    func has(_ key: String) -> Bool { fields[key] != nil }

    /// Every field's name, in the order written.
    var names: [String] { fieldOrder }

    /// A field's value as read, with its file line (nil when absent): for groups such as `publish:`, whose own fields
    /// carry YAML lines (`fileLine(_:)` turns them into file lines).
    func value(_ key: String) -> (value: YAMLValue, line: Int)? {
        fields[key].map { ($0.value, $0.line) }
    }

    /// The file line of a line of the YAML text.
    func fileLine(_ yamlLine: Int) -> Int { firstLine + yamlLine - 1 }

    /// The file line of a field, or of the opening fence when it is absent.
    func line(of key: String) -> Int {
        fields[key]?.line ?? 1
    }

    /// Warnings for fields nobody reads, so typos like `titel:` are caught.
    func unknownKeyWarnings(known: [String]) -> [Diagnostic] {
        fieldOrder.filter { !known.contains($0) }.map { key in
            guard let suggestion = Suggestions.closest(to: key, among: known, limit: 1).first else {
                return .warning(path, line: line(of: key), .fieldUnknown, ["field": key])
            }
            return .warning(path, line: line(of: key), .fieldUnknownDidYouMean, ["field": key, "suggestion": suggestion])
        }
    }

    // MARK: Typed fields. Each returns nil after recording a diagnostic when the value is missing or wrong.

    func text(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> String? {
        guard let field = present(key, required: required, into: &diagnostics) else { return nil }
        guard let text = field.value.text else {
            diagnostics.append(.error(path, line: field.line, .fieldNotText, ["field": key], parts: ["value": Self.describe(field.value)]))
            return nil
        }
        let value = text.trimmingWhitespaceAndNewlines()
        if value.isEmpty {
            if required { diagnostics.append(.error(path, line: field.line, .fieldEmpty, ["field": key])) }
            return nil
        }
        return value
    }

    func day(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> Day? {
        guard let field = present(key, required: required, into: &diagnostics) else { return nil }
        guard let text = field.value.text, let day = Day(iso: text) else {
            if let text = field.value.text, Day.hasISOShape(text) {
                diagnostics.append(.error(path, line: field.line, .fieldNotACalendarDay, ["field": key], parts: ["value": Self.describe(field.value)]))
            } else {
                diagnostics.append(.error(path, line: field.line, .fieldNotADate, ["field": key], parts: ["value": Self.describe(field.value)]))
            }
            return nil
        }
        return day
    }

    func flag(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let field = fields[key], !Self.isNull(field.value) else { return nil }
        switch field.value.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(path, line: field.line, .fieldNotTrueOrFalse, ["field": key], parts: ["value": Self.describe(field.value)]))
            return nil
        }
    }

    /// A whole number no smaller than `minimum`.
    func number(_ key: String, minimum: Int, into diagnostics: inout Diagnostics) -> Int? {
        guard let field = fields[key], !Self.isNull(field.value) else { return nil }
        guard let text = field.value.text, let value = Int(text), value >= minimum else {
            diagnostics.append(.error(path, line: field.line, .fieldNotAWholeNumber, ["field": key, "minimum": String(minimum)], parts: ["value": Self.describe(field.value)]))
            return nil
        }
        return value
    }

    /// A list of texts; a single text is accepted as a list of one.
    func textList(_ key: String, into diagnostics: inout Diagnostics) -> [String] {
        locatedTextList(key, into: &diagnostics).map(\.value)
    }

    /// A list of texts with the file line of each entry.
    func locatedTextList(_ key: String, into diagnostics: inout Diagnostics) -> [Located<String>] {
        guard let field = fields[key], !Self.isNull(field.value) else { return [] }
        let items: [YAMLValue]
        if case .list(let list, _) = field.value {
            items = list
        } else if case .text(let text, let isPlain, _) = field.value, !isPlain || Double(text) == nil {
            items = [field.value]
        } else {
            diagnostics.append(.error(path, line: field.line, .fieldNotAList, ["field": key], parts: ["value": Self.describe(field.value)]))
            return []
        }
        var values: [Located<String>] = []
        for item in items {
            let line = firstLine + item.line - 1
            guard let text = item.text?.trimmingWhitespaceAndNewlines(), !text.isEmpty else {
                diagnostics.append(.error(path, line: line, .fieldListEntryNotText, ["field": key], parts: ["value": Self.describe(item)]))
                continue
            }
            values.append(Located(text, line: line))
        }
        return values
    }

    private func present(_ key: String, required: Bool, into diagnostics: inout Diagnostics) -> Field? {
        guard let field = fields[key], !Self.isNull(field.value) else {
            if required { diagnostics.append(.error(path, line: fields[key]?.line ?? 1, .fieldRequired, ["field": key])) }
            return nil
        }
        return field
    }

    // MARK: Helpers

    private static func isNull(_ value: YAMLValue) -> Bool {
        guard case .text(let text, isPlain: true, _) = value else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    static func describe(_ value: YAMLValue) -> Message {
        switch value {
        case .text(let text, _, _):
            return Message(.valueText, ["text": text.count > 40 ? String(text.prefix(40)) + "…" : text])
        case .group: return Message(.valueGroup)
        case .list: return Message(.valueList)
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
}

/// A value from a file, with the line it was written on.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value
    let line: Int

    init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
