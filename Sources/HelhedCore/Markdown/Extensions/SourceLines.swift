import CCmark

/// The Markdown source as cmark read it, by line: the extensions (tables, footnotes) read a block's raw lines, which
/// cmark's tree no longer holds once inline parsing is done.
struct SourceLines {
    let bytes: [UInt8]
    /// `starts[i]` is the offset of line i + 1 (cmark counts lines from 1).
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while let newline = buffer.firstIndex(ofByte: 0x0A, from: index) {
                starts.append(newline + 1)
                index = newline + 1
            }
        }
        self.starts = starts
    }

    var lineCount: Int { starts.count }

    /// The bytes of a 1-based line without its line ending (`\n`, `\r\n` or a lone `\r` at its end); empty past the end.
    func range(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= starts.count else { return bytes.count..<bytes.count }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}

/// What a continuation line must start with to stay inside a container: the containers of a block, outermost first,
/// read from cmark's tree and the source (cmark keeps a list item's indentation to itself).
struct ContainerPrefixes {
    enum Container {
        case blockQuote
        /// A list item: its content starts at this column (tabs expanded to stops of 4, as cmark counts).
        case listItem(contentColumn: Int)
    }

    let containers: [Container]
    /// The container blocks themselves, in the same order.
    let nodes: [MarkdownNode]

    /// The containers around `node`, outermost first. Cost: the node's depth, which is at most its first line's length.
    init(around node: MarkdownNode, lines: SourceLines) {
        var nodes: [MarkdownNode] = []
        var current = node.parent
        while let container = current {
            if container.kind == .blockQuote || container.kind == .item { nodes.append(container) }
            current = container.parent
        }
        nodes.reverse()
        // Outermost first, so that list markers nested on one line are measured in one pass along it, not each from
        // the line's start (ten thousand nested items on a line would cost a hundred million steps).
        var measured: (line: Int, index: Int, column: Int)?
        containers = nodes.map { container in
            container.kind == .blockQuote ? .blockQuote : .listItem(contentColumn: Self.contentColumn(of: container, lines: lines, measured: &measured))
        }
        self.nodes = nodes
    }

    /// Where a line's own text starts once every container's marker or indentation is skipped (the first `depth`
    /// containers only, when given). `lazyDepth`: the first container that does not continue on the line, for a
    /// paragraph's lazy continuation line, which for GFM ends a table and closes that container.
    func strip(_ range: Range<Int>, in bytes: [UInt8], depth: Int? = nil) -> (start: Int, lazyDepth: Int?) {
        var index = range.lowerBound
        var column = 0
        for (depthIndex, container) in containers.prefix(depth ?? containers.count).enumerated() {
            switch container {
            case .blockQuote:
                var spaces = 0
                while index < range.upperBound, bytes[index] == 0x20, spaces < 3 { index += 1; spaces += 1; column += 1 }
                guard index < range.upperBound, bytes[index] == UInt8(ascii: ">") else { return (index, depthIndex) }
                index += 1
                column += 1
                if index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 {
                    column = bytes[index] == 0x09 ? (column / 4 + 1) * 4 : column + 1
                    index += 1
                }
            case .listItem(let contentColumn):
                while index < range.upperBound, column < contentColumn, bytes[index] == 0x20 || bytes[index] == 0x09 {
                    column = bytes[index] == 0x09 ? (column / 4 + 1) * 4 : column + 1
                    index += 1
                }
                if column < contentColumn { return (index, depthIndex) }
            }
        }
        return (index, nil)
    }

    /// A list item's content column: its marker (at cmark's start column), then 1–4 spaces (one when there are five
    /// or more, which start indented code, or when the line ends after the marker).
    private static func contentColumn(of item: MarkdownNode, lines: SourceLines, measured: inout (line: Int, index: Int, column: Int)?) -> Int {
        let line = lines.range(ofLine: item.startLine)
        let bytes = lines.bytes
        var index = min(line.lowerBound + max(item.startColumn - 1, 0), line.upperBound)
        var from = (index: line.lowerBound, column: 0)
        if let measured, measured.line == item.startLine, measured.index <= index { from = (measured.index, measured.column) }
        var column = from.column
        for position in from.index..<index {
            column = bytes[position] == 0x09 ? (column / 4 + 1) * 4 : column + 1
        }
        measured = (item.startLine, index, column)
        while index < line.upperBound, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1; column += 1 }
        index += 1  // the bullet, or the ordered list's `.` or `)`
        column += 1
        let markerEnd = column
        while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 {
            column = bytes[index] == 0x09 ? (column / 4 + 1) * 4 : column + 1
            index += 1
        }
        let padding = column - markerEnd
        if index >= line.upperBound || padding > 4 || padding == 0 { return markerEnd + 1 }
        return column
    }
}

/// Columns of leading white space (tabs to stops of 4) and where the text after it starts.
func leadingWhitespace(_ bytes: [UInt8], _ range: Range<Int>) -> (columns: Int, end: Int) {
    var index = range.lowerBound
    var column = 0
    while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 {
        column = bytes[index] == 0x09 ? (column / 4 + 1) * 4 : column + 1
        index += 1
    }
    return (column, index)
}
