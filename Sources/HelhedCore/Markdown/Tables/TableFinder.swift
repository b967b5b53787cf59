/// A GFM table found in the lines of a paragraph that CommonMark core parsed (core has no tables, so a table's lines
/// are a paragraph to it): ordinary lines before the header row, the table, and lines after it that start other
/// blocks.
struct FoundTable {
    /// A paragraph, or a setext heading whose text holds the table (GFM sees the table before the underline).
    let paragraph: MarkdownNode
    let prefixes: ContainerPrefixes
    let lines: [BlockLine]
    /// Lines `0 ..< headerIndex` stay a paragraph before the table.
    let headerIndex: Int
    let alignments: [TableSyntax.Alignment]
    let header: [[UInt8]]
    /// Body rows, each padded or cut to the header's number of cells.
    let rows: [(line: Int, cells: [[UInt8]])]
    /// Lines `tailIndex...` are parsed again as blocks after the table.
    let tailIndex: Int
}

enum TableFinder {
    /// cmark-gfm stops adding rows once it has padded this many missing cells (its `MAX_AUTOCOMPLETED_CELLS`): a
    /// header of thousands of columns over thousands of one-cell rows would otherwise make output quadratic in input.
    static let maximumPaddedCells = 0x80000
    /// cmark-gfm counts a row's cells in 16 bits and gives up on a row with more.
    static let maximumCells = Int(UInt16.max)

    /// The first table in the paragraph's lines, as cmark-gfm finds it: a delimiter row (not lazy, indented less than
    /// four columns) right after a line with as many cells, which becomes the header row. One pass over the lines.
    static func table(in paragraph: MarkdownNode, lines source: SourceLines) -> FoundTable? {
        let prefixes = ContainerPrefixes(around: paragraph, lines: source)
        let lines = source.lines(of: paragraph, prefixes: prefixes)
        let bytes = source.bytes
        // A setext heading's underline is no delimiter row: cmark-gfm tries the underline first.
        let delimiterRows = paragraph.kind == .heading ? lines.count - 1 : lines.count
        guard delimiterRows >= 2 else { return nil }
        for index in 1..<delimiterRows {
            let line = lines[index]
            guard !line.lazy, leadingWhitespace(bytes, line.content).columns < 4,
                  let alignments = TableSyntax.delimiterRow(bytes, line.content), alignments.count <= maximumCells,
                  let header = TableSyntax.cells(bytes, lines[index - 1].content), header.count == alignments.count
            else { continue }
            var rows: [(line: Int, cells: [[UInt8]])] = []
            var padded = 0
            var next = index + 1
            while next < lines.count, padded <= maximumPaddedCells {
                let row = lines[next]
                // A lazy line, or one that starts another block, ends the table (GFM's table is no paragraph).
                guard !row.lazy, !TableSyntax.startsBlock(bytes, row.content),
                      var cells = TableSyntax.cells(bytes, row.content), cells.count <= maximumCells
                else { break }
                if cells.count > header.count { cells.removeLast(cells.count - header.count) }
                padded += header.count - cells.count
                while cells.count < header.count { cells.append([]) }
                rows.append((row.line, cells))
                next += 1
            }
            return FoundTable(paragraph: paragraph, prefixes: prefixes, lines: lines, headerIndex: index - 1, alignments: alignments, header: header,
                              rows: rows, tailIndex: next)
        }
        return nil
    }

    /// Whether a block may hold a table: a paragraph or setext heading (a heading of more than one line) of two
    /// lines or more, room for a header and a delimiter row.
    static func mayHoldTable(_ block: MarkdownNode) -> Bool {
        (block.kind == .paragraph || block.kind == .heading) && block.endLine > block.startLine
    }
}
