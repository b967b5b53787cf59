/// The inside of tags: names, partial names, comments, and what to say when a tag is not what it should be.
extension TemplateParser {
    /// `name }}` (or `name }}}` after `{{{`), with whitespace around the name; `sigil` is nil for a plain variable.
    mutating func readName(sigil: UInt8?, tagLine: Int) throws(TemplateSyntaxError) -> (TagName, String) {
        skipWhitespace()
        let start = offset
        while offset < text.count, Self.isNameByte(text[offset]) { offset += 1 }
        let name = String(decoding: text[start..<offset], as: UTF8.self)
        skipWhitespace()
        let closing: StaticString = sigil == UInt8(ascii: "{") ? "}}}" : "}}"
        guard read(closing) else { throw malformedTag(sigil: sigil, tagLine: tagLine) }
        guard !name.isEmpty else { throw emptyTag(sigil: sigil, tagLine: tagLine) }
        return (tagName(name), name)
    }

    /// `name }}` after `{{>` or `{{<`: template names may also hold "/" (templates in subfolders).
    mutating func readPartialName(sigil: UInt8, tagLine: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if offset < text.count, text[offset] == UInt8(ascii: "*") {
            throw TemplateSyntaxError(line: tagLine, message: "dynamic partials ('{{\(Character(UnicodeScalar(sigil)))*name}}') are not supported in Helhed templates")
        }
        let start = offset
        while offset < text.count, Self.isNameByte(text[offset]) || text[offset] == UInt8(ascii: "/") { offset += 1 }
        let name = String(decoding: text[start..<offset], as: UTF8.self)
        skipWhitespace()
        guard read("}}") else { throw malformedTag(sigil: sigil, tagLine: tagLine) }
        guard !name.isEmpty else { throw emptyTag(sigil: sigil, tagLine: tagLine) }
        return name
    }

    /// `{{! anything, over lines }}`
    mutating func skipComment(tagLine: Int) throws(TemplateSyntaxError) {
        while offset + 1 < text.count {
            if text[offset] == UInt8(ascii: "}") && text[offset + 1] == UInt8(ascii: "}") {
                offset += 2
                return
            }
            if text[offset] == 0x0A { line += 1 }
            offset += 1
        }
        throw TemplateSyntaxError(line: tagLine, message: "a tag opened with '{{' is never closed")
    }

    /// Names are ASCII letters, digits and `. - _ ?` (swift-mustache's set, less transforms' parentheses).
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }

    private mutating func tagName(_ name: String) -> TagName {
        let scope: TagName.Scope = name == "." ? .current : name.hasPrefix(".") ? .top : .stack
        // As swift-mustache reads a name: empty parts ("a..b", ".a") are dropped.
        let parts = scope == .current ? [] : name.split(separator: ".").map(String.init)
        var numbers: [Int32] = []
        for part in parts {
            if let number = keys[part] {
                numbers.append(number)
            } else {
                let number = Int32(keys.count)
                keys[part] = number
                numbers.append(number)
            }
        }
        spellings.append(name)
        return TagName(scope: scope, spelling: Int32(spellings.count - 1), keys: numbers)
    }

    private mutating func skipWhitespace() {
        while offset < text.count {
            switch text[offset] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C: break
            default: return
            }
            offset += 1
        }
    }

    private mutating func read(_ expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard offset + count <= text.count else { return false }
        for index in 0..<count where text[offset + index] != expected.utf8Start[index] { return false }
        offset += count
        return true
    }

    private func emptyTag(sigil: UInt8?, tagLine: Int) -> TemplateSyntaxError {
        let shown = sigil.map { String(Character(UnicodeScalar($0))) } ?? ""
        return TemplateSyntaxError(line: tagLine, message: "an empty tag '{{\(shown)}}'")
    }

    /// Why the tag that began at `tagLine` does not end where its name does: it never ends, another tag begins inside
    /// it, it calls a transform, or its name holds something a name may not.
    private func malformedTag(sigil: UInt8?, tagLine: Int) -> TemplateSyntaxError {
        var end = offset
        while end + 1 < text.count, !(text[end] == UInt8(ascii: "}") && text[end + 1] == UInt8(ascii: "}")) { end += 1 }
        guard end + 1 < text.count else {
            return TemplateSyntaxError(line: tagLine, message: "a tag opened with '{{' is never closed")
        }
        let inner = text[tagStart..<end]
        if inner.indices.contains(where: { $0 + 1 < end && text[$0] == UInt8(ascii: "{") && text[$0 + 1] == UInt8(ascii: "{") }) {
            return TemplateSyntaxError(line: tagLine, message: "a tag opened with '{{' is not closed with '}}' before the next tag begins")
        }
        let shown = String(decoding: inner, as: UTF8.self).trimmingWhitespace
        if shown.contains("(") {
            return TemplateSyntaxError(line: tagLine, message: "'{{\(shown)}}': transforms are not supported in Helhed templates")
        }
        if sigil == UInt8(ascii: "{") {
            return TemplateSyntaxError(line: tagLine, message: "'{{\(shown)}}' is opened with '{{{' but not closed with '}}}'")
        }
        return TemplateSyntaxError(line: tagLine, message: "'{{\(shown)}}' is not a name: names are made of letters, digits and . - _ ?")
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
