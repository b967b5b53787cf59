/// An immutable value kept in one object that every copy of its owner shares. Articles and terms are copied into
/// cards, page inputs, caches and parallel tasks on every core: copying a struct of a dozen strings and arrays retains
/// each of them (on objects both cores share, so the retains contend), copying this retains one object. Equal when
/// the values are; the same object is equal without looking.
final class Shared<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    static func == (lhs: Shared, rhs: Shared) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }
}
