import Foundation

/// A Markdown file as read from disk: checked to be UTF-8 text, with a byte-order mark dropped and line endings
/// made `\n`, split into its front matter and its body.
struct SourceText: Sendable, Hashable {
    /// The path as shown in messages, e.g. `Content/artikler/kolding.md`.
    let path: String
    /// The path inside `Content/`, e.g. `artikler/kolding.md`; empty for text that is not a site file.
    let contentPath: String
    /// The YAML between the `---` lines.
    let frontMatter: String
    /// The Markdown after the closing `---`, as UTF-8 bytes for cmark.
    let body: [UInt8]
    /// How many lines of the file come before the body, to turn a body line into a file line.
    let bodyLineOffset: Int

    /// The file line of line 1 of `frontMatter`.
    static let frontMatterFirstLine = 2

    init(path: String, contentPath: String = "", bytes: [UInt8]) throws(Diagnostic) {
        let text = try Self.decode(bytes, path: path)
        let (frontMatter, body, bodyLineOffset) = try Self.split(text, path: path)
        if let refusal = MarkdownLimits.check(body) {
            throw .error(path, line: refusal.line + bodyLineOffset, refusal.message)
        }
        self.path = path
        self.contentPath = contentPath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
    }

    /// Markdown that is not a site file (standard input): no front matter.
    init(standaloneBody body: [UInt8]) {
        path = "<stdin>"
        contentPath = ""
        frontMatter = ""
        self.body = body
        bodyLineOffset = 0
    }

    /// A file line for a line of the body (1-based as cmark counts).
    func fileLine(bodyLine: Int) -> Int {
        bodyLine > 0 ? bodyLine + bodyLineOffset : 0
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> [UInt8] {
        if bytes.isEmpty {
            throw .error(path, line: 1, .fileEmpty)
        }
        if let nul = bytes.withUnsafeBufferPointer({ $0.firstIndex(ofByte: 0) }) {
            throw .error(path, line: lineNumber(at: nul, in: bytes), .fileNotText)
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw .error(path, line: lineNumber(at: bad, in: bytes), .fileNotUTF8AtByte, ["byte": String(format: "%02X", bytes[bad])])
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        // Most files have no carriage return: nothing to normalize, and without a byte-order mark nothing to copy.
        if bytes.withUnsafeBufferPointer({ $0.firstIndex(ofByte: 0x0D) }) == nil { return start == 0 ? bytes : Array(bytes[start...]) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                normalized.append(0x0A)
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return normalized
    }

    private static func split(_ text: [UInt8], path: String) throws(Diagnostic) -> (String, [UInt8], Int) {
        var lineStart = 0
        var lineNumber = 1
        // Lines are scanned only up to the closing fence; the body is never split into lines.
        while true {
            let end = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            let line = text[lineStart..<end]
            if lineNumber == 1 {
                guard isFence(line, closing: false) else {
                    throw .error(path, line: 1, .frontMatterMissing)
                }
            } else if isFence(line, closing: true) {
                let yamlStart = min(text.count, (text.firstIndex(of: 0x0A) ?? text.count) + 1)
                let yaml = String(decoding: text[yamlStart..<lineStart], as: UTF8.self)
                let body = end < text.count ? Array(text[(end + 1)...]) : []
                return (yaml, body, lineNumber)
            }
            if end >= text.count { break }
            lineStart = end + 1
            lineNumber += 1
        }
        throw .error(path, line: 1, .frontMatterNotClosed)
    }

    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }

    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset)
    }

    private static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Eight ASCII bytes at a time (no byte has its top bit set); reads stay inside the buffer.
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
