/// Encodes a view model into a `ValueTree`: any `Encodable` struct, read through its own (usually synthesized)
/// `encode(to:)`, so a new template field is a new stored property and nothing else. Text, `HTML`, numbers and flags
/// are recognised by type (`T.self == String.self`, no dynamic casts); a field no template names is not encoded at
/// all. A nil optional is left out (synthesized code uses `encodeIfPresent`), so a template's lookup goes on down the
/// context stack, as swift-mustache's does for nil.
final class ValueTreeBuilder {
    /// Unchecked: only this builder's own encoding touches it, one value at a time (a checked class property cost a
    /// runtime access check on every write, several per field).
    @exclusivity(unchecked) var tree = ValueTree()
    /// The numbers of the names templates use (rendering).
    private let keyTable: KeyTable
    /// Learning a model's shape: every field is kept, its name numbered here.
    private let keepsEveryField: Bool
    private var everyKey: [String: Int32] = [:]
    private(set) var names: [String] = []

    /// For rendering: only the fields whose names `keys` holds.
    init(keys: KeyTable, expectedNodes: Int = 256) {
        keyTable = keys
        keepsEveryField = false
        tree.nodes.reserveCapacity(expectedNodes)
        tree.textBytes.reserveCapacity(expectedNodes * 24)
    }

    /// For learning a model's shape: every field.
    init() {
        keyTable = KeyTable([:])
        keepsEveryField = true
    }

    /// Encodes `model` as the root of the tree.
    func encodeRoot<T: Encodable>(_ model: T) throws {
        try append(model, key: -1)
    }

    /// The number of a field's name, or nil when no template asks for it (and it need not be encoded).
    @inline(__always)
    func number(of key: some CodingKey) -> Int32? {
        guard keepsEveryField else { return keyTable.number(of: key.stringValue) }
        let name = key.stringValue
        if let number = everyKey[name] { return number }
        let number = Int32(names.count)
        everyKey[name] = number
        names.append(name)
        return number
    }

    func append<T: Encodable>(_ value: T, key: Int32) throws {
        let index = tree.nodes.count
        let end = Int32(index + 1)
        // Text, HTML, numbers and flags: one node, written whole.
        if T.self == String.self {
            append(text: unsafeBitCast(value, to: String.self), key: key)
        } else if T.self == HTML.self {
            tree.nodes.append(ValueTree.Node(kind: .html, key: key, end: end, count: 0, payload: tree.htmls.count))
            tree.htmls.append(unsafeBitCast(value, to: HTML.self).bytes)
        } else if T.self == Bool.self {
            append(flag: unsafeBitCast(value, to: Bool.self), key: key)
        } else if T.self == Int.self {
            append(integer: unsafeBitCast(value, to: Int.self), key: key)
        } else {
            tree.nodes.append(ValueTree.Node(kind: .null, key: key, end: end, count: 0, payload: 0))
            try fill(index, with: value)
            tree.nodes[index].end = Int32(tree.nodes.count)
        }
    }

    // Non-generic, for the containers' overloads: a generic call from them made the runtime look up `Optional<String>`'s
    // metadata for every field.

    func append(text: String, key: Int32) {
        var text = text
        let offset = tree.textBytes.count
        text.withUTF8 { tree.textBytes.append(contentsOf: $0) }
        let index = tree.nodes.count
        tree.nodes.append(ValueTree.Node(kind: .text, key: key, end: Int32(index + 1), count: Int32(tree.textBytes.count - offset), payload: offset))
    }

    func append(flag: Bool, key: Int32) {
        let index = tree.nodes.count
        tree.nodes.append(ValueTree.Node(kind: .flag, key: key, end: Int32(index + 1), count: 0, payload: flag ? 1 : 0))
    }

    func append(integer: Int, key: Int32) {
        let index = tree.nodes.count
        tree.nodes.append(ValueTree.Node(kind: .integer, key: key, end: Int32(index + 1), count: 0, payload: integer))
    }

    func append(decimal: Double, key: Int32) {
        let index = tree.nodes.count
        tree.nodes.append(ValueTree.Node(kind: .decimal, key: key, end: Int32(index + 1), count: 0,
                                         payload: Int(bitPattern: UInt(decimal.bitPattern))))
    }

    /// Makes the node at `index` the value `value`.
    func fill<T: Encodable>(_ index: Int, with value: T) throws {
        if T.self == String.self {
            fill(index, text: unsafeBitCast(value, to: String.self))
        } else if T.self == HTML.self {
            tree.nodes[index].kind = .html
            tree.nodes[index].payload = tree.htmls.count
            tree.htmls.append(unsafeBitCast(value, to: HTML.self).bytes)
        } else if T.self == Int.self {
            fill(index, integer: unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            fill(index, flag: unsafeBitCast(value, to: Bool.self))
        } else if T.self == Double.self {
            fill(index, decimal: unsafeBitCast(value, to: Double.self))
        } else {
            try value.encode(to: ValueEncoder(builder: self, node: index))
        }
    }

    func fill(_ index: Int, text: String) {
        var text = text
        let offset = tree.textBytes.count
        text.withUTF8 { tree.textBytes.append(contentsOf: $0) }
        tree.nodes[index].kind = .text
        tree.nodes[index].payload = offset
        tree.nodes[index].count = Int32(tree.textBytes.count - offset)
    }

    func fill(_ index: Int, integer: Int) {
        tree.nodes[index].kind = .integer
        tree.nodes[index].payload = integer
    }

    func fill(_ index: Int, flag: Bool) {
        tree.nodes[index].kind = .flag
        tree.nodes[index].payload = flag ? 1 : 0
    }

    func fill(_ index: Int, decimal: Double) {
        tree.nodes[index].kind = .decimal
        tree.nodes[index].payload = Int(bitPattern: UInt(decimal.bitPattern))
    }

    /// Numbers that are not `Int` (rare in view models): as an `Int` when they fit, else as text.
    func fill<N: BinaryInteger>(_ index: Int, number: N) {
        if let integer = Int(exactly: number) { fill(index, integer: integer) } else { fill(index, text: String(number)) }
    }
}

/// The `Encoder` a value is encoded with: it fills one node of the tree.
struct ValueEncoder: Encoder {
    let builder: ValueTreeBuilder
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        builder.tree.nodes[node].kind = .object
        return KeyedEncodingContainer(KeyedValueContainer<Key>(builder: builder, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        builder.tree.nodes[node].kind = .list
        return UnkeyedValueContainer(builder: builder, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(builder: builder, node: node)
    }
}
