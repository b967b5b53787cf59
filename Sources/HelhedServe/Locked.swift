import Foundation

/// A value shared between the server's tasks, the watcher's thread and the rebuild queue. A plain lock rather than
/// an actor, because the rebuild queue and the watcher thread are not async contexts and must not block on one.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value {
        withLock { $0 }
    }
}
