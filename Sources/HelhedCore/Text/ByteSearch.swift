import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, found by `memchr` (many bytes per step): looking for a
    /// byte that is usually absent (`[`, a carriage return, NUL) is the common case on every file and text node.
    func firstIndex(ofByte byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// Eight bytes read as one number and tested at once (text is scanned a word at a time where the bytes looked for
/// are rare).
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Whether some byte of `word` is below `limit` (at most 0x80): `(x - limit…) & ~x & 0x80…` is non-zero exactly
    /// then (the usual "has a byte less than n" test).
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- (ones &* UInt64(limit))) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
