/// Where escaped or copied bytes go: a page being rendered (`ByteBuffer`) or a byte array.
protocol ByteSink: ~Copyable {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}

/// The growing bytes a page is rendered into: appending a run of bytes is a capacity check and a copy.
/// (`Array.append(contentsOf:)` checked the array's uniqueness and took the generic sequence path on every call,
/// about 70 instructions each, half a million calls per 1,000 pages.)
struct ByteBuffer: ByteSink, ~Copyable {
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

    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { appendBytes($0) }
    }

    /// Inserts `text` at `index`, moving what follows.
    mutating func insert(_ text: String, at index: Int) {
        precondition(index >= 0 && index <= count)
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            makeRoom(for: bytes.count)
            (start + index + bytes.count).moveInitialize(from: start + index, count: count - index)
            (start + index).initialize(from: base, count: bytes.count)
            count += bytes.count
        }
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
