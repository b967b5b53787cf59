/// Escaping for text that Helhed itself puts into HTML or XML (custom cmark nodes, feeds, sitemaps).
/// Template variables are escaped by Mustache; this is for everything that does not pass through it.
enum HTMLEscaping {
    /// Works on UTF-8 bytes: the five characters are ASCII and never occur inside a multi-byte sequence, so the runs
    /// between them are copied whole. (The feed escapes every article body with this; going character by character
    /// made it one of the larger costs of a build.)
    static func escape(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(where: needsEscaping) }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
        append(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `text` to `output` (a byte array, or the buffer a page is rendered into).
    static func append<Sink: ByteSink & ~Copyable>(_ text: String, to output: inout Sink) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Appends the escaped `bytes` (UTF-8) to `output`.
    static func append<Sink: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout Sink) {
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
    @inline(__always)
    private static func anyNeedsEscaping(_ word: UInt64) -> Bool {
        ByteWord.hasByte(0x22, in: word) || ByteWord.hasByte(0x26, in: word) || ByteWord.hasByte(0x27, in: word)
            || ByteWord.hasByte(0x3C, in: word) || ByteWord.hasByte(0x3E, in: word)
    }

    @inline(__always)
    private static func appendEntity<Sink: ByteSink & ~Copyable>(_ byte: UInt8, to output: inout Sink) {
        let entity: StaticString = switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
        output.appendBytes(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
    }

    /// Bit `n` is set for each of the five bytes `n` (`"`, `&`, `'`, `<`, `>`, all below 64).
    private static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// One comparison and one bit test: letters and every byte of a multi-byte character are 64 or above.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBytes >> byte & 1 != 0
    }
}
