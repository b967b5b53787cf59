/// Where escaped bytes go: a page's buffer here, a byte array in the core (feeds, custom cmark nodes).
public protocol ByteSink: ~Copyable {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    @inlinable
    public mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}

extension ByteBuffer: ByteSink {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }
}

/// The one escaping of text into HTML and XML: for `{{name}}` (the same five characters and entities as
/// swift-mustache, `&amp; &lt; &gt; &quot; &#39;`) and for what the core writes itself. Worked on UTF-8 bytes: the
/// five are ASCII and never occur inside a multi-byte sequence, so the runs between them are copied whole.
/// Inlinable so that the core's byte arrays get the same specialised loop as the page buffer.
public enum HTMLEscaping {
    @inlinable
    public static func escape(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(where: needsEscaping) }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
        append(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `text` to `output`.
    @inlinable
    public static func append<Sink: ByteSink & ~Copyable>(_ text: String, to output: inout Sink) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Appends the escaped `bytes` (UTF-8) to `output`.
    @inlinable
    public static func append<Sink: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout Sink) {
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
                output.appendBytes(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                appendEntity(byte, to: &output)
                runStart = index + 1
            }
            index += 1
        }
        output.appendBytes(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
    }

    /// Whether any of the eight bytes of `word` is one of the five.
    @usableFromInline @inline(__always)
    static func anyNeedsEscaping(_ word: UInt64) -> Bool {
        hasByte(0x22, in: word) || hasByte(0x26, in: word) || hasByte(0x27, in: word) || hasByte(0x3C, in: word)
            || hasByte(0x3E, in: word)
    }

    @usableFromInline @inline(__always)
    static func appendEntity<Sink: ByteSink & ~Copyable>(_ byte: UInt8, to output: inout Sink) {
        let entity: StaticString = switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
        output.appendBytes(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
    }

    /// One comparison and one bit test: letters and every byte of a multi-byte character are 64 or above. Bit `n` of
    /// the mask is set for each of the five bytes `n` (`"`, `&`, `'`, `<`, `>`, all below 64).
    @usableFromInline @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        return byte < 64 && escapedBytes >> byte & 1 != 0
    }

    /// Whether some byte of `word` is `byte`: the bytes equal to it become zero (`^`), and `(x - 1…) & ~x & 0x80…` is
    /// non-zero exactly when some byte of `x` is zero.
    @usableFromInline @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
