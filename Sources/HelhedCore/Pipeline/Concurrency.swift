import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, keeping the order. Each element is transformed independently (one cmark document per
    /// task, no shared nodes), which is what lets a build use every core.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Release the buffer's references before freeing it: without this every result (each rendered page,
            // each body) stayed referenced forever, a leak the size of the site on every build and rebuild.
            _ = results.deinitialize()
            results.deallocate()
        }
        let slots = UncheckedSendable(results)
        withoutActuallyEscaping(transform) { transform in
            let transform = UncheckedSendable(transform)
            self.withUnsafeBufferPointer { input in
                let input = UncheckedSendable(input)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    slots.value[index] = transform.value(input.value[index])
                }
            }
        }
        // Moved out, not copied: a copy retains every reference a result holds, and deinitializing releases them again.
        return (0..<count).map { results[$0].take()! }
    }
}

/// Lets disjoint slots of a buffer be written from `concurrentPerform`; each index is touched by one task only.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Work that runs on another thread while its caller goes on with something else, for the few steps of a build that
/// would otherwise leave the second core idle (the templates load while the content is read). `value` waits for
/// the result; read it from the thread that started the work.
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the worker before `done` is signalled, and read only after waiting.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)
    private var isJoined = false

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    var value: Value {
        if !isJoined {
            done.wait()
            isJoined = true
        }
        return result!
    }
}
