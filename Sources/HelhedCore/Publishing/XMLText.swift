import HelhedTemplates

/// Text and attribute values for the XML files the build writes (feed, sitemap).
enum XMLText {
    /// Escapes with `HTMLEscaping.escape` after dropping the characters XML 1.0 does not allow at all (control
    /// characters other than tab, newline and carriage return, and U+FFFE/U+FFFF), which could otherwise reach a
    /// feed from a Markdown file and make the whole document unreadable to a feed reader.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(removingInvalidCharacters(text))
    }

    /// `escape(text)` appended to `output` as UTF-8, without an intermediate string.
    static func append(_ text: String, to output: inout [UInt8]) {
        HTMLEscaping.append(removingInvalidCharacters(text), to: &output)
    }

    static func removingInvalidCharacters(_ text: String) -> String {
        guard mayHoldInvalidCharacters(text) else { return text }
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(cleaned)
    }

    /// A quick byte scan that rules out almost every text: the disallowed characters are single bytes below 0x20,
    /// or U+FFFE/U+FFFF, whose UTF-8 starts with EF BF. (Feeds run every article body through here.)
    static func mayHoldInvalidCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.firstIndex(ofByte: 0xEF) != nil { return true }
            // Eight bytes at a time: only a word with a byte below 0x20 (here mostly a newline) is looked at byte by
            // byte. Reads stay inside the buffer.
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ByteWord.hasByte(below: 0x20, in: word),
                   bytes[index..<(index + 8)].contains(where: isInvalidControl) {
                    return true
                }
                index += 8
            }
            return bytes[index...].contains(where: isInvalidControl)
        }
    }

    /// A control character XML 1.0 does not allow (all but tab, newline and carriage return).
    private static func isInvalidControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
