/// Escaping for `{{name}}`: the same five characters and entities as HelhedCore's `HTMLEscaping` (and swift-mustache),
/// `&amp; &lt; &gt; &quot; &#39;`, worked on UTF-8 bytes: the five are ASCII and never occur inside a multi-byte
/// sequence, so the runs between them are copied whole.
enum HTMLEscaping {
    /// Appends the escaped `bytes` (UTF-8) to `output`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them is one of the five (most text has none for dozens of bytes).
            if index + 8 <= bytes.count, !anyNeedsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if needsEscaping(byte) {
                output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                appendEntity(byte, to: &output)
                runStart = index + 1
            }
            index += 1
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
    }

    /// Whether any of the eight bytes of `word` is one of the five.
    @inline(__always)
    private static func anyNeedsEscaping(_ word: UInt64) -> Bool {
        hasByte(0x22, in: word) || hasByte(0x26, in: word) || hasByte(0x27, in: word) || hasByte(0x3C, in: word)
            || hasByte(0x3E, in: word)
    }

    @inline(__always)
    private static func appendEntity(_ byte: UInt8, to output: inout ByteBuffer) {
        let entity: StaticString = switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
        output.append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
    }

    /// Bit `n` is set for each of the five bytes `n` (`"`, `&`, `'`, `<`, `>`, all below 64).
    private static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// One comparison and one bit test: letters and every byte of a multi-byte character are 64 or above.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBytes >> byte & 1 != 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Whether some byte of `word` is `byte`: the bytes equal to it become zero (`^`), and `(x - 1…) & ~x & 0x80…` is
    /// non-zero exactly when some byte of `x` is zero.
    @inline(__always)
    private static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
