import CYAML

/// Reads the fields of a front matter in one pass over libyaml's events (`YAMLEvents`), with a stack of the open
/// lists and groups instead of recursion, so time is linear and nesting costs no call stack.
///
/// It gives what Helhed gave when it read front matter through Yams, and the same problem for the same text: the
/// first anchor or alias anywhere before libyaml's first error (see `YAMLChecks.anchorMessage`); otherwise the first,
/// in reading order, of libyaml's error, a repeated key in a mapping (checked when the mapping ends, see `YAMLKeys`)
/// and a second document; then a text or list where the fields belong, or a field whose name is a list or group.
struct YAMLReader {
    private let events: YAMLEvents
    private let yaml: String
    private var open: [Collection] = []
    private var fields: [YAMLValue.Field] = []
    private var root: YAMLValue?
    private var documents = 0
    /// The first problem after which Yams stopped reading, held until the end: an anchor later on still comes first.
    private var problem: YAMLProblem?
    /// The line of the first top-level key that is a list or a group.
    private var firstKeyThatIsNoName: Int?
    /// The keys that are collections, flattened (see `YAMLKeys.Token`).
    private var keyTokens: [YAMLKeys.Token] = []

    /// What an open collection's contents are kept for.
    private enum Role {
        /// The top-level mapping: its pairs are the fields.
        case fields
        /// A field's value, or inside one: a list keeps its entries as values, a group only its line.
        case value
        /// A key, or inside one: everything is kept as `YAMLKeys.Token`s.
        case key
        /// Nothing is kept but the keys of its mappings, to find repeated ones.
        case skipped
    }

    private struct Collection {
        let isMapping: Bool
        let line: Int
        let role: Role
        /// For a mapping: whether the next node is a key.
        var atKey = true
        /// A list's entries, when its role is `value`.
        var entries: [YAMLValue] = []
        /// A group's fields, when its role is `value` (`publish: { target: …, port: … }`).
        var groupFields: [YAMLValue.Field] = []
        /// A mapping's keys, and the names among them; `mayRepeat` when a name came twice or two keys are collections.
        var keys: [YAMLKeys.Entry] = []
        var names: Set<String> = []
        var mayRepeat = false
        var collectionKeys = 0
        /// The top-level mapping's current field name and its line; nil while the key is a collection.
        var fieldName: String?
        var fieldLine = 0
        /// Where its tokens start, when its role is `key`.
        var firstToken = 0
    }

    /// A node that has been read, as its parent needs it.
    private struct Node {
        var value: YAMLValue?
        var key: YAMLKeys.Entry
    }

    static func fields(of yaml: String) throws(YAMLProblem) -> [YAMLValue.Field] {
        // libyaml needs an address even for no bytes; no bytes are no fields.
        guard !yaml.isEmpty else { return [] }
        var bytes = yaml
        let result = bytes.withUTF8 { buffer in
            Result { () throws(YAMLProblem) in
                var reader = YAMLReader(events: YAMLEvents(yaml, bytes: buffer), yaml: yaml)
                return try reader.read()
            }
        }
        return try result.get()
    }

    private init(events: YAMLEvents, yaml: String) {
        self.events = events
        self.yaml = yaml
    }

    private mutating func read() throws(YAMLProblem) -> [YAMLValue.Field] {
        while true {
            let type: yaml_event_type_t
            do { type = try events.next() } catch { throw problem ?? error }
            if events.isAnchorOrAlias { throw YAMLProblem(line: events.line, text: YAMLChecks.anchorMessage) }
            if let problem {
                if type == YAML_STREAM_END_EVENT { throw problem }
                continue
            }
            switch type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    problem = .invalid(YAMLChecks.libraryProblem("but found another document expected a single document in the stream"), line: events.line)
                }
            case YAML_SCALAR_EVENT:
                readScalar()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                openCollection(isMapping: type == YAML_MAPPING_START_EVENT)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                closeCollection()
            case YAML_STREAM_END_EVENT:
                return try finish()
            default:
                continue
            }
        }
    }

    private func finish() throws(YAMLProblem) -> [YAMLValue.Field] {
        switch root {
        case nil:
            return []
        case .group?:
            if let line = firstKeyThatIsNoName { throw YAMLProblem(line: line, text: Message(.yamlFieldNameNotAWord)) }
            return fields
        case let root?:
            throw YAMLProblem(line: 1, text: Message(.yamlNotFields, parts: ["value": FrontMatter.describe(root)]))
        }
    }

    /// The role of a collection that starts here.
    private func roleOfNewCollection(isMapping: Bool) -> Role {
        guard let parent = open.last else { return isMapping ? .fields : .skipped }
        if parent.isMapping && parent.atKey { return .key }
        switch parent.role {
        case .fields: return .value
        // A list in a group is kept (the address record's `earlier:`); a group in a group keeps only its place.
        case .value: return parent.isMapping && isMapping ? .skipped : .value
        case .key: return .key
        case .skipped: return .skipped
        }
    }

    private mutating func openCollection(isMapping: Bool) {
        var collection = Collection(isMapping: isMapping, line: events.line, role: roleOfNewCollection(isMapping: isMapping))
        if collection.role == .key {
            collection.firstToken = keyTokens.count
            keyTokens.append(.open(isMapping: isMapping, tag: YAMLKeys.tag(ofCollection: events.collectionTag, isMapping: isMapping)))
        }
        open.append(collection)
    }

    private mutating func closeCollection() {
        let collection = open.removeLast()
        if collection.mayRepeat, let repeated = YAMLKeys.repeatProblem(among: collection.keys, tokens: keyTokens, yaml: yaml) {
            problem = repeated
            return
        }
        var range = 0..<0
        if collection.role == .key {
            keyTokens.append(.close)
            range = collection.firstToken..<keyTokens.count
        }
        let value: YAMLValue = collection.isMapping ? .group(collection.groupFields, line: collection.line)
            : .list(collection.entries, line: collection.line)
        add(Node(value: value, key: .collection(range, line: collection.line)))
    }

    private mutating func readScalar() {
        let line = events.line
        guard let last = open.indices.last else {
            root = .text(events.scalarText, isPlain: events.scalarIsPlain, line: line)
            return
        }
        // Only flags are read from the parent: a copy of it would share its arrays, and `add` would then copy them.
        let (isMapping, atKey, role) = (open[last].isMapping, open[last].atKey, open[last].role)
        let isKey = isMapping && atKey
        // Texts nobody keeps are not made.
        guard isKey || role == .fields || role == .key || role == .value else {
            if isMapping { open[last].atKey = true }
            return
        }
        let text = events.scalarText
        let tag = isKey || role == .key ? events.scalarTag : nil
        if role == .key { keyTokens.append(.scalar(text, tag: YAMLKeys.tag(ofScalar: text, written: tag))) }
        add(Node(value: .text(text, isPlain: events.scalarIsPlain, line: line), key: .scalar(text, tag: tag, line: line)))
    }

    /// Gives a node that has been read to the collection it is in, or makes it the root.
    private mutating func add(_ node: Node) {
        guard let index = open.indices.last else {
            root = node.value
            return
        }
        if !open[index].isMapping {
            if open[index].role == .value, let value = node.value { open[index].entries.append(value) }
        } else if open[index].atKey {
            open[index].atKey = false
            addKey(node.key, to: index)
        } else {
            open[index].atKey = true
            guard let name = open[index].fieldName, let value = node.value else { return }
            let field = YAMLValue.Field(name: name, line: open[index].fieldLine, value: value)
            switch open[index].role {
            case .fields: fields.append(field)
            case .value: open[index].groupFields.append(field)
            case .key, .skipped: break
            }
        }
    }

    private mutating func addKey(_ key: YAMLKeys.Entry, to index: Int) {
        open[index].keys.append(key)
        switch key {
        case .scalar(let name, _, let line):
            if !open[index].names.insert(name).inserted { open[index].mayRepeat = true }
            open[index].fieldName = name
            open[index].fieldLine = line
        case .collection(_, let line):
            open[index].collectionKeys += 1
            if open[index].collectionKeys > 1 { open[index].mayRepeat = true }
            open[index].fieldName = nil
            if open[index].role == .fields && firstKeyThatIsNoName == nil { firstKeyThatIsNoName = line }
        }
    }
}
