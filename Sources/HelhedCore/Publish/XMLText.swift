/// Text and attribute values for the XML files the build writes (feed, sitemap).
enum XMLText {
    /// Escapes with `HTMLEscaping.escape` after dropping the characters XML 1.0 does not allow at all (control
    /// characters other than tab, newline and carriage return, and U+FFFE/U+FFFF), which could otherwise reach a
    /// feed from a Markdown file and make the whole document unreadable to a feed reader.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(removingInvalidCharacters(text))
    }

    static func removingInvalidCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(cleaned)
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
