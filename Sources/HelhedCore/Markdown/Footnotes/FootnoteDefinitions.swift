/// Finds GFM footnote definitions (`[^label]: text`, continued by lines indented four columns, spec "Footnotes" of
/// cmark-gfm) and rewrites the text so that CommonMark core parses each into blocks the same way.
///
/// Core cannot be left to read them as they are: a definition is a container of blocks (several paragraphs, lists),
/// and `[^1]: https://x` or `[^1]: Note.` is a link reference definition to core, which drops it from the tree and
/// makes every `[^1]` a link. The rewrite writes each definition's `[^label]:` as the list item marker `1)  `, whose
/// content column is four further, as a definition's is; the items are taken out of the tree again by
/// `FootnoteTransform`. Line numbers do not change.
///
/// Which `[^label]:` start a definition depends on blocks (not in code, not inside a paragraph's line), so a first
/// parse decides: in it every candidate's `]:` is written `]\:`, which is no reference definition, so each candidate
/// that starts a block's line is the line of a paragraph, where its container prefixes say whether it is at the
/// line's start. Two parses in all, only for texts that have a candidate.
struct FootnoteDefinitions {
    struct Definition {
        let label: String
        /// 1-based line of the text.
        let line: Int
    }

    /// The text to parse: the page with definitions rewritten (the page itself when it has none).
    let text: [UInt8]
    /// By line.
    let definitions: [Int: Definition]

    static let itemMarker = Array("1)  ".utf8)

    static func find(in body: [UInt8], options: MarkdownOptions) -> FootnoteDefinitions {
        let candidates = FootnoteReferences.mayHoldReference(body) ? Self.candidates(in: body) : []
        guard !candidates.isEmpty else { return FootnoteDefinitions(text: body, definitions: [:]) }

        var firstText: [UInt8] = []
        firstText.reserveCapacity(body.count + candidates.count)
        var copiedUpTo = 0
        for candidate in candidates {
            firstText += body[copiedUpTo..<candidate.colon]
            firstText.append(UInt8(ascii: "\\"))
            copiedUpTo = candidate.colon
        }
        firstText += body[copiedUpTo...]
        let first = MarkdownDocument(parsing: firstText, options: options)
        let lines = SourceLines(firstText)
        var byLine: [Int: Candidate] = [:]
        for candidate in candidates { byLine[candidate.line] = candidate }

        var paragraphs: [MarkdownNode] = []
        first.walk { node, isEntering in
            guard isEntering, node.kind == .paragraph else { return }
            if (node.startLine...max(node.endLine, node.startLine)).contains(where: { byLine[$0] != nil }) { paragraphs.append(node) }
        }
        var confirmed: [Candidate] = []
        for paragraph in paragraphs {
            for line in lines.lines(of: paragraph) {
                guard let candidate = byLine[line.line] else { continue }
                // Offsets within the line: the first text has one more byte per earlier candidate.
                let (columns, start) = leadingWhitespace(firstText, line.content)
                if columns < 4, start - lines.range(ofLine: line.line).lowerBound == candidate.open - candidate.lineStart { confirmed.append(candidate) }
            }
        }
        guard !confirmed.isEmpty else { return FootnoteDefinitions(text: body, definitions: [:]) }

        var text: [UInt8] = []
        text.reserveCapacity(body.count)
        var definitions: [Int: Definition] = [:]
        var copied = 0
        for candidate in confirmed.sorted(by: { $0.open < $1.open }) {
            text += body[copied..<candidate.open]
            text += itemMarker
            copied = candidate.contentStart
            definitions[candidate.line] = Definition(label: candidate.label, line: candidate.line)
        }
        text += body[copied...]
        return FootnoteDefinitions(text: text, definitions: definitions)
    }

    struct Candidate {
        let line: Int
        let lineStart: Int
        /// Offset of the `[`.
        let open: Int
        /// Offset of the `:` after `]`.
        let colon: Int
        /// After the `:` and the spaces and tabs after it.
        let contentStart: Int
        let label: String
    }

    /// Lines whose first `[^` has only container-like bytes before it (white space, `>`, list markers) and reads
    /// `[^label]:`, the label without white space or `]` (cmark-gfm's `scan_footnote_definition`). One pass.
    static func candidates(in body: [UInt8]) -> [Candidate] {
        var result: [Candidate] = []
        var lineStart = 0
        var line = 1
        while lineStart <= body.count {
            var lineEnd = lineStart
            while lineEnd < body.count, body[lineEnd] != 0x0A { lineEnd += 1 }
            if let candidate = candidate(in: body, lineStart..<lineEnd, line: line) { result.append(candidate) }
            lineStart = lineEnd + 1
            line += 1
        }
        return result
    }

    private static func candidate(in body: [UInt8], _ range: Range<Int>, line: Int) -> Candidate? {
        var index = range.lowerBound
        while index < range.upperBound, isContainerByte(body[index]) { index += 1 }
        guard index + 1 < range.upperBound, body[index] == UInt8(ascii: "["), body[index + 1] == UInt8(ascii: "^") else { return nil }
        let open = index
        index += 2
        let labelStart = index
        while index < range.upperBound, !isLabelEnd(body[index]) { index += 1 }
        guard index > labelStart, index + 1 < range.upperBound, body[index] == UInt8(ascii: "]"), body[index + 1] == UInt8(ascii: ":") else { return nil }
        let label = String(decoding: body[labelStart..<index], as: UTF8.self)
        let colon = index + 1
        var contentStart = colon + 1
        while contentStart < range.upperBound, body[contentStart] == 0x20 || body[contentStart] == 0x09 { contentStart += 1 }
        return Candidate(line: line, lineStart: range.lowerBound, open: open, colon: colon, contentStart: contentStart, label: label)
    }

    private static func isContainerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "."), UInt8(ascii: ")"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    private static func isLabelEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0
    }
}
