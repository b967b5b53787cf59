/// The growing bytes a page is rendered into: appending a run of bytes is a capacity check and a copy.
/// (`Array.append(contentsOf:)` checks the array's uniqueness and takes the generic sequence path on every call.)
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return start[index]
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Inserts `bytes` at `index`, moving what follows.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        precondition(index >= 0 && index <= count)
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        (start + index + bytes.count).moveInitialize(from: start + index, count: count - index)
        (start + index).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// The bytes, as an array of exactly their size.
    consuming func array() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { base.initialize(from: start, count: count) }
            initialized = count
        }
    }

    private mutating func makeRoom(for extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
