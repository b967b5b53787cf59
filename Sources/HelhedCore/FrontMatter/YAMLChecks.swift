import CYaml

/// Checks on front matter YAML before Yams composes it, and plain-language versions of libyaml's messages.
///
/// Anchors and aliases (`&name`, `*name`) are refused. Editors have no use for them, and Yams compares mapping keys by
/// their whole contents: ten lines of nested aliases used as a key (`? *h`) make a hundred million comparisons, a
/// build that never ends. A value that starts with `&` or `*` was never the text it looks like either (YAML reads it as an
/// anchor or alias), so the message tells the editor to quote it.
///
/// The scan uses libyaml (the C library inside Yams, imported as `CYaml`) event by event, so it sees exactly what Yams
/// will see, in linear time.
enum YAMLChecks {
    struct AnchorOrAlias: Equatable {
        /// 1-based line in the YAML text.
        let line: Int
        let isAlias: Bool
    }

    /// What one pass of libyaml over a front matter finds.
    struct Scan: Equatable {
        /// The first anchor or alias; nil when there is none, or when the text is not valid YAML (Yams then says why).
        var anchorOrAlias: AnchorOrAlias?
        /// Every mapping key is a scalar that Yams' default tag rules read as text: quoted, explicitly tagged, or a
        /// plain word (see `isPlainWord`). Then Yams may compose without those rules (`Resolver.basic`): they only
        /// decide the tags of plain scalars, Helhed reads no tags, and Yams compares keys (to find repeated ones) by
        /// text and tag, so with every key tagged as text either way, the same keys are repeats. The rules are
        /// regular expressions run on every key and cost about half of reading a front matter.
        var keysArePlainText = true
    }

    static func scan(_ yaml: String) -> Scan {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return Scan() }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> Scan in
            var scan = Scan()
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return Scan(anchorOrAlias: nil, keysArePlainText: false) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // Open collections, innermost last; for a mapping, whether its next node is a key.
            var open: [(isMapping: Bool, atKey: Bool)] = []
            func nodeEnded() {
                if let last = open.indices.last, open[last].isMapping { open[last].atKey.toggle() }
            }
            var event = yaml_event_t()
            while true {
                // Not valid YAML: Yams will say why, reading it as it always does.
                guard yaml_parser_parse(&parser, &event) == 1 else { return Scan(anchorOrAlias: nil, keysArePlainText: false) }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let isKey = open.last.map { $0.isMapping && $0.atKey } ?? false
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return scan
                case YAML_ALIAS_EVENT:
                    scan.anchorOrAlias = AnchorOrAlias(line: line, isAlias: true)
                    return scan
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    scan.anchorOrAlias = AnchorOrAlias(line: line, isAlias: false)
                    return scan
                case YAML_SCALAR_EVENT:
                    if isKey, event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, event.data.scalar.tag == nil,
                       !isPlainWord(UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)) {
                        scan.keysArePlainText = false
                    }
                    nodeEnded()
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if isKey { scan.keysArePlainText = false }
                    open.append((event.type == YAML_MAPPING_START_EVENT, true))
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    open.removeLast()
                    nodeEnded()
                default:
                    continue
                }
            }
        }
    }

    /// A plain scalar that Yams' default rules tag as text: an ASCII letter, then letters, digits, `_` and `-`, and
    /// not one of the words they read as a flag or null. (Their other rules need a digit, sign, dot, `~`, `<<`, `=` or
    /// nothing at the start.)
    static func isPlainWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = bytes.first, isLetter(first),
              bytes.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { return false }
        return !flagAndNullWords.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// The words of Yams' default `bool` and `null` rules.
    private static let flagAndNullWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    static let anchorMessage = "front matter: a value starts with '&' or '*', which YAML reads as an anchor or alias (&name, *name); "
        + "Helhed does not support those. Put the value in quotes, e.g. title: \"*Vigtigt* nyt\""

    /// libyaml's problem, said so that an editor can act on it; nil when there is no better wording.
    static func plainProblem(_ problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a ':' where YAML does not expect one. Is this line indented more than the field above it? A value that contains ': ' must be in quotes"
        case "could not find expected ':'":
            return "a line that is not 'field: value' (the ':' is missing), or a quote that is not closed"
        case "did not find expected key":
            return "this line does not line up with the fields above it. Start every field at the same indentation, and put a value that begins with \" or ' entirely in quotes"
        case "did not find expected '-' indicator":
            return "a list entry that does not line up with the entries above it (every '- ' must be indented the same)"
        case "did not find expected ',' or ']'":
            return "a list that starts with '[' is not closed with ']' on the same line, or its entries are not separated by ','"
        case "did not find expected ',' or '}'":
            return "a '{' that is not closed with '}'; a value that starts with '{' must be in quotes"
        case "did not find expected node content":
            return "a value is missing or starts with a character YAML reserves; put the value in quotes"
        case "found character that cannot start any token":
            return "a value starts with a character YAML reserves (such as @, ` or %); put the value in quotes"
        case "found unexpected end of stream":
            return "a quote (\" or ') is opened but never closed"
        case "found unknown escape character":
            return "a backslash in double quotes that YAML does not know; write \\\\ for a backslash, or use single quotes"
        case "block sequence entries are not allowed in this context":
            return "a list entry ('- ') right after a field's value; put the entries on their own lines below the field, indented"
        case "mapping keys are not allowed in this context":
            return "a '?' where YAML does not expect one; put the value in quotes"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return "a tab is used for indentation; YAML needs spaces"
        case "did not find expected alphabetic or numeric character":  // only while scanning an anchor or alias
            return "a value starts with '*' or '&', which YAML reads as an alias or anchor; put the value in quotes, e.g. summary: \"*Vigtigt* nyt\""
        case "found undefined alias":
            return "a value starts with '*', which YAML reads as an alias; put the value in quotes"
        case "control characters are not allowed":
            return "the front matter contains an invisible control character; retype the line"
        case "Maximum nesting level reached, set with yaml_set_max_nest_level())":
            return "lists or fields nested more than a thousand levels deep; front matter holds simple values and lists"
        default:
            return nil
        }
    }
}
