/// GFM's table syntax on one line of bytes, as cmark-gfm's table extension reads it (spec "Tables (extension)").
/// Pure functions over bytes: every line is read once, left to right.
enum TableSyntax {
    enum Alignment: Equatable { case none, left, center, right }

    /// A row's cells: split at every `|` that has no backslash right before it, an optional leading and trailing `|`,
    /// each cell with `\|` turned into `|` (also inside code spans, as GFM does) and white space trimmed. nil when the
    /// line has no cell (empty, or a lone `|`), which GFM does not take as a row.
    static func cells(_ bytes: [UInt8], _ range: Range<Int>) -> [[UInt8]]? {
        var index = leadingWhitespace(bytes, range).end
        let end = range.upperBound
        // A pipe and the spaces after it end a cell (cmark-gfm's `scan_table_cell_end`); so does the line's end.
        func skipPipe() {
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == pipe { skipPipe() }
        var cells: [[UInt8]] = []
        while index < end {
            let cellStart = index
            while index < end, bytes[index] != pipe || (index > cellStart && bytes[index - 1] == backslash) { index += 1 }
            let hasPipe = index < end
            if index > cellStart || hasPipe { cells.append(unescapePipes(bytes, cellStart..<index)) }
            if cells.count > TableFinder.maximumCells { return nil }
            if hasPipe { skipPipe() }
        }
        return cells.isEmpty ? nil : cells
    }

    /// The columns' alignments when the line is a delimiter row (`| :-- | :-: | --: |`, pipes optional at the ends),
    /// nil otherwise.
    static func delimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> [Alignment]? {
        var index = leadingWhitespace(bytes, range).end
        var end = range.upperBound
        while end > index, isSpace(bytes[end - 1]) { end -= 1 }
        guard index < end else { return nil }
        if bytes[index] == pipe { index += 1 }
        // One trailing pipe closes the row; a cell before it must follow.
        if end - 1 >= index, bytes[end - 1] == pipe { end -= 1 }
        var alignments: [Alignment] = []
        while true {
            while index < end, isSpace(bytes[index]) { index += 1 }
            let left = index < end && bytes[index] == colon
            if left { index += 1 }
            let dashes = index
            while index < end, bytes[index] == dash { index += 1 }
            guard index > dashes else { return nil }
            let right = index < end && bytes[index] == colon
            if right { index += 1 }
            while index < end, isSpace(bytes[index]) { index += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            if index == end { return alignments }
            guard bytes[index] == pipe else { return nil }
            index += 1
        }
    }

    /// Whether a line that follows a table starts another block instead of a row: GFM's table is not a paragraph, so
    /// every block start ends it, also those that cannot interrupt a paragraph (an empty list item, a list starting
    /// at 2, an HTML tag of kind 7) and indented code. `range` is the line after its containers' prefixes.
    static func startsBlock(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let (columns, start) = leadingWhitespace(bytes, range)
        let end = range.upperBound
        if start == end { return true }  // blank
        if columns >= 4 { return true }  // indented code
        let first = bytes[start]
        switch first {
        case UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "#"):
            var index = start
            while index < end, bytes[index] == first { index += 1 }
            return index - start <= 6 && (index == end || isSpace(bytes[index]))
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            var index = start
            while index < end, bytes[index] == first { index += 1 }
            guard index - start >= 3 else { return false }
            return first == UInt8(ascii: "~") || !bytes[index..<end].contains(first)
        case UInt8(ascii: "<"):
            return HTMLBlockStart.matches(bytes, start..<end)
        case dash, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "+"):
            if first != UInt8(ascii: "+") && isThematicBreak(bytes, start..<end, marker: first) { return true }
            return first != UInt8(ascii: "_") && (start + 1 == end || isSpace(bytes[start + 1]))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = start
            while index < end, index - start < 10, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index - start <= 9, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
            return index + 1 == end || isSpace(bytes[index + 1])
        default:
            return false
        }
    }

    private static func isThematicBreak(_ bytes: [UInt8], _ range: Range<Int>, marker: UInt8) -> Bool {
        var count = 0
        for byte in bytes[range] {
            if byte == marker { count += 1 } else if !isSpace(byte) { return false }
        }
        return count >= 3
    }

    /// cmark-gfm's `unescape_pipes`: a backslash right before a pipe goes, every other byte stays. GFM does it to
    /// cells and to the lines of a paragraph before a table.
    static func unescapedPipes(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == backslash, index + 1 < range.upperBound, bytes[index + 1] == pipe { index += 1 }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    /// `unescapedPipes`, then trimmed, as a cell.
    private static func unescapePipes(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        let result = unescapedPipes(bytes, range)
        var low = 0
        var high = result.count
        while low < high, isWhitespace(result[low]) { low += 1 }
        while high > low, isWhitespace(result[high - 1]) { high -= 1 }
        return low == 0 && high == result.count ? result : Array(result[low..<high])
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }
    private static func isWhitespace(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x0A || byte == 0x0D }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")
}
