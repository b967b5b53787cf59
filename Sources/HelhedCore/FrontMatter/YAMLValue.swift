import CYaml
import Yams

/// A front matter value as Helhed reads it: text (and whether it was written plain, without quotes, which decides
/// whether `null` is nothing and `3` a number), a list, or something it only names in messages. Tags never matter to
/// Helhed, so they are not kept. `line` is the 1-based line of the value in the YAML text.
enum YAMLValue: Equatable, Sendable {
    case text(String, isPlain: Bool, line: Int)
    case list([YAMLValue], line: Int)
    /// A nested mapping: no field of Helhed's is one, so only its place is kept.
    case group(line: Int)
    case alias(line: Int)

    var line: Int {
        switch self {
        case .text(_, _, let line), .list(_, let line), .group(let line), .alias(let line): line
        }
    }

    var text: String? {
        guard case .text(let text, _, _) = self else { return nil }
        return text
    }

    /// As `Yams.compose` gave it.
    init(_ node: Node) {
        let line = node.mark?.line ?? 1
        switch node {
        case .scalar(let scalar): self = .text(scalar.string, isPlain: scalar.style == .plain, line: line)
        case .sequence(let sequence): self = .list(sequence.map(YAMLValue.init), line: line)
        case .mapping: self = .group(line: line)
        case .alias: self = .alias(line: line)
        }
    }

    /// A field of the front matter: its name, the line of its name, its value.
    struct Field: Equatable {
        let name: String
        let line: Int
        let value: YAMLValue
    }

    /// The fields of a front matter read straight from libyaml's events (the parser inside Yams, as `YAMLChecks` uses
    /// it), for the front matter editors write: a mapping of plain-word or quoted names to texts, lists and groups,
    /// without anchors, aliases or a repeated name. That is what `Yams.compose` gives for the same text, without the
    /// objects Yams makes for every event, node and tag, and its check for repeated keys, which took reading a front
    /// matter from about 80,000 instructions to 180,000 (the largest cost of loading a site). Nil is anything else,
    /// including every error: the careful way (`FrontMatter.carefullyRead`) reads it and explains.
    static func quickFields(_ yaml: String) -> [Field]? {
        var yaml = yaml
        // libyaml needs an address even for no bytes.
        guard !yaml.isEmpty else { return [] }
        return yaml.withUTF8 { EventReader($0)?.fields() }
    }

    /// One pass of libyaml over a front matter, building what `quickFields` returns.
    private final class EventReader {
        private var parser = yaml_parser_t()
        private var event = yaml_event_t()
        private var hasEvent = false

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        }

        deinit {
            if hasEvent { yaml_event_delete(&event) }
            yaml_parser_delete(&parser)
        }

        /// The next event's type; nil when libyaml finds an error.
        private func next() -> yaml_event_type_t? {
            if hasEvent { yaml_event_delete(&event) }
            hasEvent = yaml_parser_parse(&parser, &event) == 1
            return hasEvent ? event.type : nil
        }

        private var line: Int { Int(event.start_mark.line) + 1 }

        fileprivate func fields() -> [Field]? {
            guard next() == YAML_STREAM_START_EVENT, let first = next() else { return nil }
            if first == YAML_STREAM_END_EVENT { return [] }
            guard first == YAML_DOCUMENT_START_EVENT, next() == YAML_MAPPING_START_EVENT,
                  event.data.mapping_start.anchor == nil, let fields = mappingFields(),
                  next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return nil }
            return fields
        }

        /// The pairs of the mapping whose start is the current event, through its end; nil when a key is not a plain
        /// word or quoted, a key is repeated, or a value is not one `nextValue` reads.
        private func mappingFields() -> [Field]? {
            var fields: [Field] = []
            var names: Set<String> = []
            while let type = next(), type != YAML_MAPPING_END_EVENT {
                // A plain key must be a word Yams' tag rules read as text (see `YAMLChecks.Scan.keysArePlainText`).
                guard type == YAML_SCALAR_EVENT, event.data.scalar.anchor == nil,
                      event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE
                        || YAMLChecks.isPlainWord(UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length))
                else { return nil }
                let name = scalarText()
                let line = line
                guard names.insert(name).inserted, let value = nextValue() else { return nil }
                fields.append(Field(name: name, line: line, value: value))
            }
            return hasEvent ? fields : nil
        }

        /// The value that starts with the next event: a scalar, a list of such values, or a group.
        private func nextValue() -> YAMLValue? {
            guard let type = next() else { return nil }
            let line = line
            switch type {
            case YAML_SCALAR_EVENT where event.data.scalar.anchor == nil:
                return .text(scalarText(), isPlain: event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line)
            case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor == nil:
                var items: [YAMLValue] = []
                while true {
                    guard let item = nextValue() else {
                        return hasEvent && event.type == YAML_SEQUENCE_END_EVENT ? .list(items, line: line) : nil
                    }
                    items.append(item)
                }
            case YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor == nil:
                return mappingFields().map { _ in .group(line: line) }
            default:
                // The end of a list (seen by the caller), an anchor or alias, or an error.
                return nil
            }
        }

        /// As Yams reads a scalar's text: all of its bytes, valid UTF-8 from libyaml.
        private func scalarText() -> String {
            String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
        }
    }
}
