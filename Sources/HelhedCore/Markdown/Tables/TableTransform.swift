/// GFM pipe tables as a transform of cmark's tree: each paragraph that holds a table (see `TableFinder`) becomes the
/// paragraph before the table (if any), the table, and the blocks after it, so that PageTransformer's passes (link
/// checks, term links) then see the cells' inline Markdown as ordinary nodes.
enum TableTransform {
    /// Whether some line could be a table's delimiter row: only `|`, `:`, `-`, quote markers and blanks, with a `-`
    /// and a `|` or `:` (a line of only dashes under a paragraph is a setext heading's underline). A table has one,
    /// and a page without one is spared a walk of its tree (`[[term|text]]` puts a `|` on most pages). Only the
    /// lines around each `-` are looked at, found with `memchr`; in running text the byte before a hyphen already
    /// rules its line out.
    static func mayHoldTable(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            var searchFrom = 0
            while let dash = bytes.firstIndex(ofByte: UInt8(ascii: "-"), from: searchFrom) {
                let lineEnd = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: dash) ?? bytes.count
                var hasSeparator = false, isCandidate = true
                var index = dash - 1
                while index >= 0, bytes[index] != UInt8(ascii: "\n"), isCandidate {
                    (isCandidate, hasSeparator) = delimiterRowByte(bytes[index], hasSeparator)
                    index -= 1
                }
                index = dash + 1
                while index < lineEnd, isCandidate {
                    (isCandidate, hasSeparator) = delimiterRowByte(bytes[index], hasSeparator)
                    index += 1
                }
                if isCandidate && hasSeparator { return true }
                searchFrom = lineEnd + 1
            }
            return false
        }
    }

    /// Whether `byte` may stand in a delimiter row, and whether the row now has a `|` or `:`.
    @inline(__always)
    private static func delimiterRowByte(_ byte: UInt8, _ hasSeparator: Bool) -> (Bool, Bool) {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ":"): (true, true)
        case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ">"): (true, hasSeparator)
        default: (false, hasSeparator)
        }
    }

    static func apply(to document: MarkdownDocument, lines: SourceLines, options: MarkdownOptions) {
        var paragraphs: [MarkdownNode] = []
        document.walk { node, isEntering in
            if isEntering, TableFinder.mayHoldTable(node) { paragraphs.append(node) }
        }
        let tables = paragraphs.compactMap { TableFinder.table(in: $0, lines: lines) }
        guard !tables.isEmpty else { return }

        // Every table's pieces in one second parse, then the tables are built from its nodes.
        var second = SecondParse()
        let plans = tables.map { TablePieces(table: $0, source: lines, into: &second) }
        let parsed = second.parse(before: lines.bytes, options: options)
        for (index, (table, plan)) in zip(tables, plans).enumerated() {
            build(table, plan, number: index + 1, parsed: parsed, in: document)
        }
    }

    /// Replaces the table's paragraph by its pieces: blocks before, the table, blocks after.
    private static func build(_ table: FoundTable, _ plan: TablePieces, number: Int, parsed: ParsedPieces, in document: MarkdownDocument) {
        let paragraph = table.paragraph
        var before = plan.before.map { parsed.blocks[$0] } ?? []
        var caption: MarkdownNode?
        if before.count == 1, before[0].kind == .paragraph, Caption.startsCaption(before[0]) {
            caption = before.removeFirst()
        } else if before.isEmpty, let previous = paragraph.previous, previous.kind == .paragraph, Caption.startsCaption(previous) {
            caption = previous
        }
        for block in before { document.insert(block, before: paragraph) }

        let id = "tabel_\(number)"
        let captionID = id + "_titel"
        let name = caption == nil ? "aria-label=\"Tabel \(number)\"" : "aria-labelledby=\"\(captionID)\""
        let wrapper = document.insertCustomBlock(
            Array("<div class=\"tabel\" id=\"\(id)\" role=\"region\" tabindex=\"0\" \(name)>\n<table>".utf8),
            Array("</table>\n</div>".utf8), beforeSibling: paragraph)
        let headerLine = table.lines[table.headerIndex].line
        wrapper.setPageLine(headerLine)
        if let caption {
            let element = document.appendCustomInline(Array("<caption id=\"\(captionID)\">".utf8), Array("</caption>".utf8), to: wrapper)
            Caption.dropMarker(of: caption, in: document)
            document.moveChildren(of: caption, to: element)
            document.remove(caption)
        }

        let head = document.appendCustomBlock(Array("<thead>\n<tr>".utf8), Array("</tr>\n</thead>".utf8), to: wrapper)
        appendCells(plan.header, alignments: table.alignments, tag: "th", line: headerLine, to: head, parsed: parsed, in: document)
        if !table.rows.isEmpty {
            let body = document.appendCustomBlock(Array("<tbody>".utf8), Array("</tbody>".utf8), to: wrapper)
            for (row, cells) in zip(table.rows, plan.rows) {
                let element = document.appendCustomBlock(Array("<tr>".utf8), Array("</tr>".utf8), to: body)
                element.setPageLine(row.line)
                appendCells(cells, alignments: table.alignments, tag: "td", line: row.line, to: element, parsed: parsed, in: document)
            }
        }

        // After a lazy line the table's container is closed (GFM): what follows goes after that container.
        var last = wrapper
        if table.tailIndex < table.lines.count, let depth = table.lines[table.tailIndex].lazyDepth {
            // A list item's list ends with it: the blocks go after the list.
            let closed = table.prefixes.nodes[depth]
            last = closed.kind == .item ? closed.parent ?? closed : closed
        }
        for block in plan.after.map({ parsed.blocks[$0] }) ?? [] {
            document.insert(block, after: last)
            last = block
        }
        document.remove(paragraph)
    }

    /// The cells of a row: `<th scope="col">` or `<td>`, with the column's alignment as a class; a line break between
    /// cells, so the search index reads them as separate words. A run of empty cells (a short row's padding: up to
    /// half a million in a table) is one node holding all their markup.
    private static func appendCells(_ pieces: [Int?], alignments: [TableSyntax.Alignment], tag: String, line: Int, to row: MarkdownNode,
                                    parsed: ParsedPieces, in document: MarkdownDocument) {
        let scope = tag == "th" ? " scope=\"col\"" : ""
        var emptyCells: [UInt8] = []
        func flushEmptyCells() {
            guard !emptyCells.isEmpty else { return }
            document.appendCustomInline(emptyCells, [], to: row).setPageLine(line)
            emptyCells = []
        }
        for (column, piece) in pieces.enumerated() {
            let opening = Array("<\(tag)\(scope)\(alignmentClass(alignments[column]))>".utf8)
            let closing = Array("</\(tag)>".utf8)
            guard let piece, let paragraph = parsed.inlineParagraph(piece) else {
                if column > 0 { emptyCells.append(0x0A) }
                emptyCells += opening + closing
                continue
            }
            flushEmptyCells()
            if column > 0 { document.appendSoftBreak(to: row) }
            let cell = document.appendCustomInline(opening, closing, to: row)
            cell.setPageLine(line)
            document.moveChildren(of: paragraph, to: cell)
        }
        flushEmptyCells()
    }

    private static func alignmentClass(_ alignment: TableSyntax.Alignment) -> String {
        switch alignment {
        case .none: ""
        case .left: " class=\"venstre\""
        case .center: " class=\"midt\""
        case .right: " class=\"hoejre\""
        }
    }
}

/// The pieces of one table in the second parse: the lines before it, each non-empty cell, the lines after it.
private struct TablePieces {
    let before: Int?
    let header: [Int?]
    let rows: [[Int?]]
    let after: Int?

    init(table: FoundTable, source: SourceLines, into second: inout SecondParse) {
        let bytes = source.bytes
        if table.headerIndex > 0 {
            // As GFM does: the paragraph's lines (continuation lines without their indentation) with `\|` unescaped.
            let lines = table.lines[..<table.headerIndex]
            before = second.addBlocks(lines.enumerated().map { index, line in
                TableSyntax.unescapedPipes(bytes, index == 0 ? line.content : leadingWhitespace(bytes, line.content).end..<line.content.upperBound)
            }, pageLines: lines.map(\.line))
        } else {
            before = nil
        }
        let headerLine = table.lines[table.headerIndex].line
        header = table.header.map { $0.isEmpty ? nil : second.addInline($0, pageLine: headerLine) }
        rows = table.rows.map { row in row.cells.map { $0.isEmpty ? nil : second.addInline($0, pageLine: row.line) } }
        if table.tailIndex < table.lines.count {
            let lines = table.lines[table.tailIndex...]
            // After a lazy line, the lines keep the markers of the containers the lazy line closed (a later `>` opens
            // a new block quote).
            let contents: [[UInt8]]
            if let depth = lines.first?.lazyDepth {
                contents = lines.map { line in
                    let range = source.range(ofLine: line.line)
                    return Array(bytes[table.prefixes.strip(range, in: bytes, depth: depth).start..<range.upperBound])
                }
            } else {
                contents = lines.map { Array(bytes[$0.content]) }
            }
            after = second.addBlocks(contents, pageLines: lines.map(\.line))
        } else {
            after = nil
        }
    }
}

/// A paragraph that starts with `Tabel:` right before a table is the table's caption (`<caption>`, which also names
/// the scrollable region around the table), without the `Tabel:`.
enum Caption {
    static let marker = Array("Tabel:".utf8)

    static func startsCaption(_ paragraph: MarkdownNode) -> Bool {
        guard let first = paragraph.firstChild, first.kind == .text else { return false }
        return first.withLiteralBytes { $0.starts(with: marker) }
    }

    static func dropMarker(of paragraph: MarkdownNode, in document: MarkdownDocument) {
        guard let first = paragraph.firstChild, first.kind == .text else { return }
        let count = first.withLiteralBytes { bytes in
            var end = marker.count
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            return end
        }
        document.dropLeadingBytes(count, ofText: first)
    }
}
