import Foundation

/// The tags of a Mustache template as a tree, read by Helhed itself so that templates can be checked against the
/// view models before anything is rendered (swift-mustache would render a misspelt name as an empty string).
indirect enum TemplateTag: Equatable, Sendable {
    /// `{{name}}`, or `{{{name}}}` / `{{&name}}` when `isRaw`.
    case variable(name: String, isRaw: Bool, line: Int)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(name: String, isInverted: Bool, children: [TemplateTag], line: Int)
    /// `{{>name}}`
    case partial(name: String, line: Int)
    /// `{{<name}}…{{/name}}`: a parent template whose blocks are overridden by `children`.
    case parent(name: String, children: [TemplateTag], line: Int)
    /// `{{$name}}…{{/name}}`
    case block(name: String, children: [TemplateTag], line: Int)
}

struct TemplateOutlineError: Error, Equatable {
    let line: Int
    let message: String
}

enum TemplateOutline {
    static func parse(_ text: String) throws(TemplateOutlineError) -> [TemplateTag] {
        var scanner = Scanner(text: Array(text.utf8))
        let (tags, closing) = try scanner.parseTags(until: nil)
        if let closing { throw TemplateOutlineError(line: closing.line, message: "'{{/\(closing.name)}}' closes nothing") }
        return tags
    }

    private struct Scanner {
        let text: [UInt8]
        var offset = 0
        var line = 1

        init(text: [UInt8]) { self.text = text }

        mutating func parseTags(until open: (name: String, line: Int)?) throws(TemplateOutlineError) -> ([TemplateTag], (name: String, line: Int)?) {
            var tags: [TemplateTag] = []
            while let (sigil, name, tagLine) = try nextTag() {
                switch sigil {
                case "!", "%":
                    continue
                case "=":
                    throw TemplateOutlineError(line: tagLine, message: "changing the delimiters ({{=…=}}) is not supported in Helhed templates")
                case "/":
                    guard let open else { return (tags, (name, tagLine)) }
                    guard open.name == name else {
                        throw TemplateOutlineError(line: tagLine, message: "'{{/\(name)}}' closes '\(open.name)', opened on line \(open.line)")
                    }
                    return (tags, (name, tagLine))
                case "#", "^", "<", "$":
                    let (children, closing) = try parseTags(until: (name, tagLine))
                    guard closing != nil else {
                        throw TemplateOutlineError(line: tagLine, message: "the section '{{\(sigil)\(name)}}' is never closed with '{{/\(name)}}'")
                    }
                    switch sigil {
                    case "<": tags.append(.parent(name: name, children: children, line: tagLine))
                    case "$": tags.append(.block(name: name, children: children, line: tagLine))
                    default: tags.append(.section(name: name, isInverted: sigil == "^", children: children, line: tagLine))
                    }
                case ">":
                    tags.append(.partial(name: name, line: tagLine))
                case "{", "&":
                    tags.append(.variable(name: name, isRaw: true, line: tagLine))
                default:
                    tags.append(.variable(name: name, isRaw: false, line: tagLine))
                }
            }
            if let open {
                throw TemplateOutlineError(line: open.line, message: "the section '\(open.name)' is never closed with '{{/\(open.name)}}'")
            }
            return (tags, nil)
        }

        /// The next tag as (sigil, name, line); the sigil is "" for a plain variable.
        mutating func nextTag() throws(TemplateOutlineError) -> (String, String, Int)? {
            while offset + 1 < text.count {
                if text[offset] == 0x0A { line += 1 }
                if text[offset] == UInt8(ascii: "{") && text[offset + 1] == UInt8(ascii: "{") { break }
                offset += 1
            }
            guard offset + 1 < text.count else { return nil }
            let tagLine = line
            offset += 2
            let isTriple = offset < text.count && text[offset] == UInt8(ascii: "{")
            let closing: [UInt8] = isTriple ? Array("}}}".utf8) : Array("}}".utf8)
            var end = offset
            while end + closing.count <= text.count, !text[end..<(end + closing.count)].elementsEqual(closing) { end += 1 }
            guard end + closing.count <= text.count else {
                throw TemplateOutlineError(line: tagLine, message: "a tag opened with '{{' is never closed")
            }
            var inner = String(decoding: text[offset..<end], as: UTF8.self)
            if inner.contains("{{") {
                throw TemplateOutlineError(line: tagLine, message: "a tag opened with '{{' is not closed with '}}' before the next tag begins")
            }
            for byte in text[offset..<end] where byte == 0x0A { line += 1 }
            offset = end + closing.count
            var sigil = ""
            if isTriple {
                inner.removeFirst()
                sigil = "{"
            } else if let first = inner.first, "#^/!>{&<$=%".contains(first) {
                sigil = String(first)
                inner.removeFirst()
            }
            var name = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            // swift-mustache transforms: `{{uppercased(name)}}` reads `name`.
            if sigil != "!", let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            if sigil != "!" && sigil != "=" && name.isEmpty {
                throw TemplateOutlineError(line: tagLine, message: "an empty tag '{{\(sigil)}}'")
            }
            return (sigil, name, tagLine)
        }
    }
}
