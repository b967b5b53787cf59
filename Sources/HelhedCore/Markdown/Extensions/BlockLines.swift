/// One line of a paragraph as its container sees it: cmark keeps no paragraph's raw text after parsing, so the
/// extensions read it again from the source.
struct BlockLine {
    /// 1-based line of the source.
    let line: Int
    /// The line after its containers' markers and indentation (block quote `>`, list item indentation).
    let content: Range<Int>
    /// For a lazy continuation line (spec 5.1), the first of the paragraph's containers whose marker or indentation
    /// the line lacks.
    let lazyDepth: Int?

    var lazy: Bool { lazyDepth != nil }
}

extension SourceLines {
    /// The lines of a paragraph (or setext heading): the first from cmark's start column, the others after their
    /// containers' prefixes.
    func lines(of paragraph: MarkdownNode, prefixes: ContainerPrefixes) -> [BlockLine] {
        let first = paragraph.startLine
        let last = max(paragraph.endLine, first)
        guard first >= 1, last <= lineCount else { return [] }
        var result: [BlockLine] = []
        result.reserveCapacity(last - first + 1)
        for line in first...last {
            let range = range(ofLine: line)
            if line == first {
                let start = min(range.lowerBound + max(paragraph.startColumn - 1, 0), range.upperBound)
                result.append(BlockLine(line: line, content: start..<range.upperBound, lazyDepth: nil))
            } else {
                let (start, lazyDepth) = prefixes.strip(range, in: bytes)
                result.append(BlockLine(line: line, content: start..<range.upperBound, lazyDepth: lazyDepth))
            }
        }
        return result
    }

    func lines(of paragraph: MarkdownNode) -> [BlockLine] {
        lines(of: paragraph, prefixes: ContainerPrefixes(around: paragraph, lines: self))
    }
}
