/// Reads a template's text into `TemplateNode`s, byte by byte.
///
/// Whitespace follows swift-mustache's parser (the reference the theme is rendered against) and the Mustache spec:
/// a line holding only a section, inverted section, comment, partial, parent or block tag (and spaces or tabs) is
/// left out of the output, and a standalone partial's or block's indentation is put in front of each line it renders.
/// Where the two differ, the spec wins: after a section, whether a tag may still be standalone depends on where the
/// section's closing tag stands (swift-mustache looked at the opening tag, so `x{{/a}} {{>p}}` made `{{>p}}` standalone). Delimiter changes, pragmas, transforms and dynamic partials are
/// refused with an error, as Helhed's templates have never needed them.
struct TemplateParser {
    let text: [UInt8]
    var offset = 0
    var line = 1
    /// Just after the "{{" of the tag being read.
    var tagStart = 0
    /// Where the literal text of every template goes (`TemplateNode.text` points into it).
    private var literals: [UInt8]
    /// Every name the templates use, numbered.
    var keys: [String: Int32]
    /// Every tag's name as written (`TagName.spelling`).
    var spellings: [String]
    private let templateNumbers: [String: Int]

    /// The template's nodes; `literals` and `keys` grow with its text and its names.
    static func parse(_ text: String, literals: inout [UInt8], keys: inout [String: Int32], spellings: inout [String],
                      templateNumbers: [String: Int]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(text: Array(text.utf8), literals: literals, keys: keys, spellings: spellings,
                                    templateNumbers: templateNumbers)
        let (nodes, _) = try parser.parse(Level(newLine: true))
        literals = parser.literals
        keys = parser.keys
        spellings = parser.spellings
        return nodes
    }

    private init(text: [UInt8], literals: [UInt8], keys: [String: Int32], spellings: [String], templateNumbers: [String: Int]) {
        self.text = text
        self.literals = literals
        self.keys = keys
        self.spellings = spellings
        self.templateNumbers = templateNumbers
    }

    /// What the nodes being read are inside of.
    private struct Level {
        /// The tag this level ends with `{{/name}}`.
        var open: (name: String, line: Int)?
        /// Only spaces and tabs so far on this line, so a tag here may be standalone.
        var newLine: Bool
        /// Inside `{{<parent}}…{{/parent}}` (swift-mustache's "partial definition").
        var isInParent = false
        /// Directly inside a parent tag, where `{{$name}}` gives a block its content.
        var isParentTopLevel = false
        /// The indentation of a block's first line inside a parent tag, taken off every line of the block (the spec's
        /// "block reindentation": the block is indented where it is used, not where it is written).
        var blockIndent: [UInt8]?

        func inner(_ name: String, line: Int, newLine: Bool) -> Level {
            var level = self
            level.open = (name, line)
            level.newLine = newLine
            level.isParentTopLevel = false
            return level
        }
    }

    /// The nodes up to the end of the text or of `level`'s tag, and whether its closing tag began its line (only
    /// spaces, tabs and standalone tags before it), so that what follows on the line may still be standalone.
    private mutating func parse(_ outer: Level) throws(TemplateSyntaxError) -> ([TemplateNode], Bool) {
        var level = outer
        var nodes: [TemplateNode] = []
        var whitespace: ArraySlice<UInt8> = []
        while offset < text.count {
            if level.newLine { whitespace = readIndentation(&level) }
            let (literal, stop) = readText()
            if stop == .lineEnd {
                appendText(whitespace, literal, to: &nodes)
                whitespace = []
                level.newLine = true
                continue
            }
            if !literal.isEmpty {
                appendText(whitespace, literal, to: &nodes)
                whitespace = []
                level.newLine = false
            }
            guard stop == .tag else { break }
            // After "{{".
            tagStart = offset
            guard offset < text.count else {
                throw TemplateSyntaxError(line: line, message: "a tag opened with '{{' is never closed")
            }
            switch try parseTag(level, nodes: &nodes, whitespace: &whitespace) {
            case .closesLevel(let beganLine): return (nodes, beganLine)
            case .continues(let standalone): level.newLine = standalone
            }
        }
        if let open = level.open {
            throw TemplateSyntaxError(line: open.line, message: "the section '\(open.name)' is never closed with '{{/\(open.name)}}'")
        }
        return (nodes, false)
    }

    /// The spaces and tabs that begin a line: kept as text, except inside a parent's blocks, where the first line's
    /// indentation is the block's own and is taken off every line.
    private mutating func readIndentation(_ level: inout Level) -> ArraySlice<UInt8> {
        let indentation = readSpacesAndTabs()
        guard level.isInParent && !level.isParentTopLevel else { return indentation }
        guard let blockIndent = level.blockIndent else {
            level.blockIndent = Array(indentation)
            return []
        }
        return indentation.dropFirst(min(blockIndent.count, indentation.count))
    }

    private enum TagOutcome {
        /// The tag closed the level being parsed.
        case closesLevel(beganLine: Bool)
        /// Parsing goes on; whether the tag stood alone on its line.
        case continues(standalone: Bool)
    }

    /// One tag, its sigil at `offset`: appends its node (parsing a section's body) to `nodes`.
    private mutating func parseTag(_ level: Level, nodes: inout [TemplateNode],
                                   whitespace: inout ArraySlice<UInt8>) throws(TemplateSyntaxError) -> TagOutcome {
        let tagLine = line
        let sigil = text[offset]
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            offset += 1
            let (name, spelled) = try readName(sigil: sigil, tagLine: tagLine)
            let standalone = finishesLine(level)
            if !standalone { appendText(whitespace, [], to: &nodes) }
            whitespace = []
            let (body, closedAlone) = try parse(level.inner(spelled, line: tagLine, newLine: standalone))
            nodes.append(.section(name, isInverted: sigil == UInt8(ascii: "^"), body: body, line: tagLine))
            return .continues(standalone: closedAlone)
        case UInt8(ascii: "/"):
            offset += 1
            let name = try readName(sigil: sigil, tagLine: tagLine).1
            guard let open = level.open else {
                throw TemplateSyntaxError(line: tagLine, message: "'{{/\(name)}}' closes nothing")
            }
            guard open.name == name else {
                throw TemplateSyntaxError(line: tagLine, message: "'{{/\(name)}}' closes '\(open.name)', opened on line \(open.line)")
            }
            // A closing tag that begins its line leaves the line "fresh" even when another tag follows it on the
            // line, as in `{{/block}}{{/parent}}` (the spec's "block reindentation").
            let beganLine = level.newLine
            if !finishesLine(level) { appendText(whitespace, [], to: &nodes) }
            return .closesLevel(beganLine: beganLine)
        case UInt8(ascii: "!"):
            try skipComment(tagLine: tagLine)
            let standalone = finishesLine(level)
            // The whitespace before an inline comment stays, in front of whatever follows.
            if standalone { whitespace = [] }
            return .continues(standalone: standalone)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            offset += 1
            appendText(whitespace, [], to: &nodes)
            whitespace = []
            let (name, _) = try readName(sigil: sigil, tagLine: tagLine)
            nodes.append(.variable(name, isEscaped: false, line: tagLine))
            return .continues(standalone: false)
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            offset += 1
            return .continues(standalone: try parseInclusion(sigil, level, tagLine: tagLine, nodes: &nodes, whitespace: &whitespace))
        case UInt8(ascii: "$"):
            offset += 1
            return .continues(standalone: try parseBlock(level, tagLine: tagLine, nodes: &nodes, whitespace: &whitespace))
        case UInt8(ascii: "="):
            throw TemplateSyntaxError(line: tagLine, message: "changing the delimiters ({{=…=}}) is not supported in Helhed templates")
        case UInt8(ascii: "%"):
            throw TemplateSyntaxError(line: tagLine, message: "pragmas ({{%…}}) are not supported in Helhed templates")
        default:
            appendText(whitespace, [], to: &nodes)
            whitespace = []
            let (name, _) = try readName(sigil: nil, tagLine: tagLine)
            nodes.append(.variable(name, isEscaped: true, line: tagLine))
            return .continues(standalone: false)
        }
    }

    /// A partial (`{{>name}}`) or a parent with its blocks (`{{<name}}…{{/name}}`); whether it stood alone.
    private mutating func parseInclusion(_ sigil: UInt8, _ level: Level, tagLine: Int, nodes: inout [TemplateNode],
                                         whitespace: inout ArraySlice<UInt8>) throws(TemplateSyntaxError) -> Bool {
        let name = try readPartialName(sigil: sigil, tagLine: tagLine)
        appendText(whitespace, [], to: &nodes)
        var standalone = finishesLine(level)
        let template = templateNumbers[name] ?? -1
        if sigil == UInt8(ascii: ">") {
            nodes.append(.partial(name: name, template: template, indentation: standalone ? Array(whitespace) : nil, line: tagLine))
        } else {
            var parentLevel = level.inner(name, line: tagLine, newLine: true)
            parentLevel.isInParent = true
            parentLevel.isParentTopLevel = true
            let (body, closedAlone) = try parse(parentLevel)
            let blocks = try Self.blocks(in: body, parent: name)
            nodes.append(.parent(name: name, template: template, indentation: Array(whitespace), blocks: blocks, line: tagLine))
            standalone = closedAlone
        }
        whitespace = []
        return standalone
    }

    /// A block (`{{$name}}…{{/name}}`): its default content, or inside a parent what replaces it; whether it stood
    /// alone.
    private mutating func parseBlock(_ level: Level, tagLine: Int, nodes: inout [TemplateNode],
                                     whitespace: inout ArraySlice<UInt8>) throws(TemplateSyntaxError) -> Bool {
        let name = try readName(sigil: UInt8(ascii: "$"), tagLine: tagLine).1
        if !level.isParentTopLevel { appendText(whitespace, [], to: &nodes) }
        let alone = finishesLine(level)
        let (body, closedAlone) = try parse(level.inner(name, line: tagLine, newLine: alone))
        let indentation = level.isParentTopLevel ? nil : Array(whitespace)
        // A standalone block's content given from outside is indented as its default content is (the spec's
        // "intrinsic indentation").
        let intrinsic = alone ? leadingSpacesAndTabs(of: body) : []
        nodes.append(.block(name: name, body: body, indentation: indentation,
                            overrideIndentation: (indentation ?? []) + intrinsic, line: tagLine))
        whitespace = []
        return closedAlone
    }

    /// The blocks given inside a parent tag; text there is ignored (as the spec says), anything else is a mistake.
    private static func blocks(in body: [TemplateNode], parent: String) throws(TemplateSyntaxError) -> BlockOverrides {
        var blocks: BlockOverrides = [:]
        for node in body {
            switch node {
            case .text: continue
            case .block(let name, let content, _, _, _): blocks[name] = content
            case .variable(_, _, let line), .section(_, _, _, let line), .partial(_, _, _, let line), .parent(_, _, _, _, let line):
                throw TemplateSyntaxError(line: line, message: "only blocks ({{$name}}…{{/name}}) may stand inside '{{<\(parent)}}'")
            }
        }
        return blocks
    }

    // MARK: Reading

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = offset
        while offset < text.count, text[offset] == 0x20 || text[offset] == 0x09 { offset += 1 }
        return text[start..<offset]
    }

    private enum TextStop { case lineEnd, tag, end }

    /// Text up to "{{" (read past), to a line's end (read past, and part of the text) or to the end of the text.
    private mutating func readText() -> (ArraySlice<UInt8>, TextStop) {
        let start = offset
        while offset < text.count {
            let byte = text[offset]
            if byte == 0x0A {
                offset += 1
                line += 1
                return (text[start..<offset], .lineEnd)
            }
            if byte == UInt8(ascii: "{"), offset + 1 < text.count, text[offset + 1] == UInt8(ascii: "{") {
                let literal = text[start..<offset]
                offset += 2
                return (literal, .tag)
            }
            offset += 1
        }
        return (text[start..<offset], .end)
    }

    /// After a standalone-capable tag: when the tag began its line and only spaces or tabs follow it up to the line's
    /// end (or the text's), reads past them and the line break.
    private mutating func finishesLine(_ level: Level) -> Bool {
        guard level.newLine else { return false }
        var end = offset
        while end < text.count, text[end] == 0x20 || text[end] == 0x09 { end += 1 }
        if end == text.count {
            offset = end
            return true
        }
        if text[end] == 0x0A || (text[end] == 0x0D && end + 1 < text.count && text[end + 1] == 0x0A) {
            offset = end + (text[end] == 0x0D ? 2 : 1)
            line += 1
            return true
        }
        return false
    }

    /// The spaces and tabs that `nodes` begin with.
    private func leadingSpacesAndTabs(of nodes: [TemplateNode]) -> [UInt8] {
        guard case .text(let offset, let count) = nodes.first else { return [] }
        return Array(literals[Int(offset)..<Int(offset + count)].prefix { $0 == 0x20 || $0 == 0x09 })
    }

    private mutating func appendText(_ whitespace: ArraySlice<UInt8>, _ literal: ArraySlice<UInt8>, to nodes: inout [TemplateNode]) {
        guard !whitespace.isEmpty || !literal.isEmpty else { return }
        let count = whitespace.count + literal.count
        // Consecutive text is one node: literals are appended in order, so the previous node's bytes end here.
        if case .text(let previousOffset, let previousCount) = nodes.last, Int(previousOffset) + Int(previousCount) == literals.count {
            nodes[nodes.count - 1] = .text(offset: previousOffset, count: previousCount + Int32(count))
        } else {
            nodes.append(.text(offset: Int32(literals.count), count: Int32(count)))
        }
        literals.append(contentsOf: whitespace)
        literals.append(contentsOf: literal)
    }
}
