import Foundation

/// What one stage made in the last successful run, by key, with the inputs each output was made from. A run asks it
/// for every item and makes only what is new or whose inputs changed; `helhed serve` keeps the memos between
/// rebuilds. A disabled memo (a one-shot build) remembers nothing and never computes an item's inputs.
///
/// What a run makes is held apart until the pipeline commits it, so a failed rebuild leaves the last good run's
/// outputs to compare with.
final class StageMemo<Key: Hashable & Sendable, Inputs: Equatable & Sendable, Output: Sendable>: @unchecked Sendable {
    // @unchecked: a memo is used by one run at a time; `map` reads `kept` from many threads but writes only after
    // the parallel part, on the caller's thread.

    /// Immutable and shared: handing a remembered entry to the next run is one retain, however large its output.
    final class Entry: Sendable {
        let inputs: Inputs
        let output: Output

        init(inputs: Inputs, output: Output) {
            self.inputs = inputs
            self.output = output
        }
    }

    let isEnabled: Bool
    private var kept: [Key: Entry] = [:]
    private var made: [Key: Entry] = [:]
    /// Outputs made (not reused) in the current run.
    private(set) var madeCount = 0

    init(enabled: Bool) {
        isEnabled = enabled
    }

    /// Each item's output, in order, made on all cores: the remembered one when the item's inputs are unchanged,
    /// otherwise `make(item, previous)`, where `previous` is the output the key had last time (nil when disabled).
    func map<Item: Sendable>(_ items: [Item], key: @Sendable (Item) -> Key, inputs: @Sendable (Item) -> Inputs,
                             make: @Sendable (Item, _ previous: Output?) -> Output) -> [Output] {
        guard isEnabled else {
            madeCount += items.count
            return items.parallelMap { make($0, nil) }
        }
        let kept = self.kept
        let results = items.parallelMap { item -> (key: Key, entry: Entry, isNew: Bool) in
            let key = key(item)
            let inputs = inputs(item)
            let previous = kept[key]
            if let previous, previous.inputs == inputs { return (key, previous, false) }
            return (key, Entry(inputs: inputs, output: make(item, previous?.output)), true)
        }
        made.reserveCapacity(made.count + results.count)
        var outputs: [Output] = []
        outputs.reserveCapacity(results.count)
        for result in results {
            made[result.key] = result.entry
            if result.isNew { madeCount += 1 }
            outputs.append(result.entry.output)
        }
        return outputs
    }

    /// One output (a stage's single product, such as the templates).
    func value<Failure: Error>(key: Key, inputs: @autoclosure () -> Inputs,
                              make: (_ previous: Output?) throws(Failure) -> Output) throws(Failure) -> Output {
        guard isEnabled else {
            madeCount += 1
            return try make(nil)
        }
        let inputs = inputs()
        if let previous = kept[key], previous.inputs == inputs {
            made[key] = previous
            return previous.output
        }
        let output = try make(kept[key]?.output)
        made[key] = Entry(inputs: inputs, output: output)
        madeCount += 1
        return output
    }

    /// The current run succeeded: what it made (or reused) is what the next run compares with.
    func commit() {
        kept = made
        made = [:]
        madeCount = 0
    }

    /// The current run failed: the last good run stays remembered.
    func discard() {
        made = [:]
        madeCount = 0
    }
}
