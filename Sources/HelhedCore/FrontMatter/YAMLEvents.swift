import CYAML

/// A problem in a front matter: the 1-based line in the YAML text, and the whole message.
struct YAMLProblem: Error, Equatable {
    let line: Int
    let text: Message

    init(line: Int, text: Message) {
        self.line = line
        self.text = text
    }

    /// TRANSITION: a problem worded in English only (`Message.untranslated`).
    init(line: Int, message: String) {
        self.init(line: line, text: .untranslated(message))
    }

    /// In English; problems are equal when they say the same at the same line, whether or not from the catalogue.
    var message: String { text.rendered(in: .english) }

    static func == (lhs: YAMLProblem, rhs: YAMLProblem) -> Bool {
        lhs.line == rhs.line && lhs.message == rhs.message
    }

    static func invalid(_ detail: Message, line: Int) -> YAMLProblem {
        YAMLProblem(line: line, text: Message(.yamlInvalid, parts: ["detail": detail]))
    }
}

/// libyaml's parser over one front matter, event by event; the only type that calls libyaml. It owns the parser and
/// the current event: each is released exactly once (`yaml_event_delete` before the next event and in `deinit`,
/// `yaml_parser_delete` in `deinit`).
final class YAMLEvents {
    /// Helhed read front matter through Yams, whose copy of libyaml stops nesting at 1,000 levels; Debian's libyaml
    /// 0.2.5 has no such limit (nor `yaml_set_max_nest_level`), so `next()` applies it where that copy did.
    static let maximumNesting = 1_000

    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var hasEvent = false
    private let isInitialized: Bool
    /// The text libyaml reads, to turn a reader error's byte offset into a line.
    private let yaml: String

    /// `bytes` are `yaml`'s UTF-8 and must stay valid while this reader lives: libyaml reads them in place.
    init(_ yaml: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.yaml = yaml
        isInitialized = yaml_parser_initialize(&parser) == 1
        guard isInitialized, let address = bytes.baseAddress else { return }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, address, bytes.count)
    }

    deinit {
        if hasEvent { yaml_event_delete(&event) }
        if isInitialized { yaml_parser_delete(&parser) }
    }

    /// Moves to the next event and gives its type; a problem when libyaml finds one.
    func next() throws(YAMLProblem) -> yaml_event_type_t {
        if hasEvent { yaml_event_delete(&event) }
        guard isInitialized else { throw .invalid(YAMLChecks.libraryProblem("Memory error"), line: 1) }
        hasEvent = yaml_parser_parse(&parser, &event) == 1
        guard hasEvent else { throw problem() }
        if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT) && opensCheckedCollection
            && parser.indents.start.distance(to: parser.indents.top) >= Self.maximumNesting - Int(parser.flow_level) {
            // The check of Yams' copy, with its scanner state: a collection may start while the block indentations
            // plus the open flow collections stay under the limit. It is reported at the collection's token, which
            // is one character ('[' or '{') or none (a block collection), so the event's end is on its line.
            throw .invalid(YAMLChecks.plainProblem(Self.nestingProblem) ?? YAMLChecks.libraryProblem(Self.nestingProblem), line: Int(event.end_mark.line) + 1)
        }
        return event.type
    }

    private static let nestingProblem = "Maximum nesting level reached, set with yaml_set_max_nest_level())"

    /// Whether the collection that just started is one Yams' copy counts against the limit: every one except a list
    /// of '- ' entries at its field's own indentation and the one-pair group in `[a: b]`, which that copy starts
    /// without the check. The state it leaves the parser in tells them apart.
    private var opensCheckedCollection: Bool {
        switch parser.state {
        case YAML_PARSE_FLOW_SEQUENCE_FIRST_ENTRY_STATE, YAML_PARSE_FLOW_MAPPING_FIRST_KEY_STATE,
             YAML_PARSE_BLOCK_SEQUENCE_FIRST_ENTRY_STATE, YAML_PARSE_BLOCK_MAPPING_FIRST_KEY_STATE: true
        default: false
        }
    }

    /// libyaml's error, worded for an editor (`YAMLChecks.plainProblem`), at its line.
    private func problem() -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        switch parser.error {
        case YAML_READER_ERROR:
            return .invalid(YAMLChecks.plainProblem(problem) ?? YAMLChecks.libraryProblem(problem), line: lineOfByte(Int(parser.problem_offset)))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = parser.context.map { " " + String(cString: $0) } ?? ""
            return .invalid(YAMLChecks.plainProblem(problem) ?? YAMLChecks.libraryProblem(problem + context), line: Int(parser.problem_mark.line) + 1)
        default:
            return .invalid(YAMLChecks.libraryProblem("Memory error"), line: 1)
        }
    }

    /// The line of the character at a byte offset, counting every character Swift calls a newline; line 1 when the
    /// offset falls inside a character (as Yams counted for a reader error).
    private func lineOfByte(_ offset: Int) -> Int {
        guard let index = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: offset, limitedBy: yaml.utf8.endIndex)?.samePosition(in: yaml)
        else { return 1 }
        return 1 + yaml[..<index].filter(\.isNewline).count
    }

    // MARK: The current event

    /// The 1-based line the event starts on.
    var line: Int { Int(event.start_mark.line) + 1 }

    /// An alias, or a node with an anchor: the events `YAMLChecks.anchorMessage` refuses.
    var isAnchorOrAlias: Bool {
        switch event.type {
        case YAML_ALIAS_EVENT: true
        case YAML_SCALAR_EVENT: event.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor != nil
        default: false
        }
    }

    /// A scalar's text: all of its bytes (libyaml gives valid UTF-8, and a NUL written as "\0" is kept).
    var scalarText: String {
        String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
    }

    var scalarIsPlain: Bool { event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// A scalar's tag as Yams read it: a quoted scalar without a tag is text, a plain one without a tag is for the
    /// tag rules to decide (nil), and a written tag is kept as libyaml expanded it.
    var scalarTag: String? {
        if event.data.scalar.quoted_implicit == 1 { return YAMLKeys.textTag }
        return event.data.scalar.tag.map { String(cString: $0) }
    }

    /// A collection's written tag; nil when it has none. (Sequence and mapping starts share the same layout.)
    var collectionTag: String? {
        guard event.data.sequence_start.implicit == 0 else { return nil }
        return event.data.sequence_start.tag.map { String(cString: $0) }
    }
}
