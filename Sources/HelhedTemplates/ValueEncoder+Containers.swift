/// The containers `ValueEncoder` hands out. Each appends to the tree after its own node. A nested container keeps
/// its node's `end` up to date itself, so nested containers work as long as each is filled before its parent goes on
/// (as every `encode(to:)` written by hand does; synthesized ones never nest); any other node's `end` is set when its
/// value has encoded itself.
struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ValueTreeBuilder
    let node: Int
    var isNested = false

    var codingPath: [any CodingKey] { [] }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        try builder.append(value, key: number)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    /// An explicit nil is a missing field, as a nil optional is.
    mutating func encodeNil(forKey key: Key) throws {}
    // The overloads synthesized code calls for text, flags and numbers: a node appended whole, nothing generic.
    mutating func encode(_ value: String, forKey key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        builder.append(text: value, key: number)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        builder.append(flag: value, key: number)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        builder.append(integer: value, key: number)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        builder.append(decimal: value, key: number)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    // Optionals as synthesized code hands them over (one call fewer than the protocol's default).
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }

    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeNumber(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeNumber(value, key) }

    private mutating func encodeNumber<N: BinaryInteger & Encodable>(_ value: N, _ key: Key) throws {
        guard let number = builder.number(of: key) else { return }
        let index = builder.tree.nodes.count
        builder.tree.nodes.append(ValueTree.Node(kind: .null, key: number, end: Int32(index + 1), count: 0, payload: 0))
        builder.fill(index, number: value)
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let index = appendNested(key, kind: .object)
        return KeyedEncodingContainer(KeyedValueContainer<NestedKey>(builder: builder, node: index, isNested: true))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(builder: builder, node: appendNested(key, kind: .list))
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(builder: builder, node: appendNested(SuperKey.super, kind: .null))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(builder: builder, node: appendNested(key, kind: .null))
    }

    /// A node for a nested container (kept even when no template names it: its contents may still be written).
    private mutating func appendNested(_ key: some CodingKey, kind: ValueTree.Kind) -> Int {
        let index = builder.tree.nodes.count
        builder.tree.nodes.append(ValueTree.Node(kind: kind, key: builder.number(of: key) ?? -1, end: Int32(index + 1), count: 0, payload: 0))
        if isNested { builder.tree.nodes[node].end = Int32(builder.tree.nodes.count) }
        return index
    }
}

private enum SuperKey: String, CodingKey {
    case `super`
}

struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let builder: ValueTreeBuilder
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { Int(builder.tree.nodes[node].count) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try builder.append(value, key: -1)
        added()
    }

    mutating func encodeNil() throws {
        let index = builder.tree.nodes.count
        builder.tree.nodes.append(ValueTree.Node(kind: .null, key: -1, end: Int32(index + 1), count: 0, payload: 0))
        added()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = appendNested(kind: .object)
        return KeyedEncodingContainer(KeyedValueContainer<NestedKey>(builder: builder, node: index, isNested: true))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(builder: builder, node: appendNested(kind: .list))
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(builder: builder, node: appendNested(kind: .null))
    }

    private mutating func appendNested(kind: ValueTree.Kind) -> Int {
        let index = builder.tree.nodes.count
        builder.tree.nodes.append(ValueTree.Node(kind: kind, key: -1, end: Int32(index + 1), count: 0, payload: 0))
        added()
        return index
    }

    private func added() {
        builder.tree.nodes[node].count += 1
        builder.tree.nodes[node].end = Int32(builder.tree.nodes.count)
    }
}

/// Fills the encoder's own node: `HTML` and `RawRepresentable` enums, for instance, encode themselves this way.
struct SingleValueContainer: SingleValueEncodingContainer {
    let builder: ValueTreeBuilder
    let node: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { builder.tree.nodes[node].kind = .null }
    mutating func encode(_ value: Bool) throws { builder.fill(node, flag: value) }
    mutating func encode(_ value: String) throws { builder.fill(node, text: value) }
    mutating func encode(_ value: Double) throws { builder.fill(node, decimal: value) }
    mutating func encode(_ value: Float) throws { builder.fill(node, decimal: Double(value)) }
    mutating func encode(_ value: Int) throws { builder.fill(node, integer: value) }
    mutating func encode(_ value: Int8) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: Int16) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: Int32) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: Int64) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: UInt) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: UInt8) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: UInt16) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: UInt32) throws { builder.fill(node, number: value) }
    mutating func encode(_ value: UInt64) throws { builder.fill(node, number: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try builder.fill(node, with: value) }
}
