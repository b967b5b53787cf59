/// Pieces of a page parsed by cmark a second time, in one parse, each piece as its own blocks, ahead of the page's
/// own text: so a table cell or the lines around a table get the page's link reference definitions (`[x][ref]`),
/// which are valid anywhere in a document and which cmark's API does not give out.
///
/// Pieces come first, each followed by a blank line, which closes every block a piece may open (a piece holds only
/// lines CommonMark reads as a paragraph, its continuation, or blocks a blank line ends); after them the page cannot
/// swallow a piece, as it could if pieces came last (an unclosed fence or `<!--` at the page's end would). Pieces hold
/// no reference definitions of their own: a cell starts with a no-break space, and the rest are paragraph lines that
/// had none. Cost: one more parse of the page, only for pages with a table.
struct SecondParse {
    private var text: [UInt8] = []
    /// Per piece: its first line in `text`, and the page line of each of its lines.
    private var pieces: [(firstLine: Int, pageLines: [Int])] = []
    private var nextLine = 1

    /// cmark treats U+00A0 as text (no block starts with it, it is not stripped) and as white space for emphasis, as
    /// the start of a line is: a cell's `*a*` or `_a_` stays emphasis.
    static let inlineMarker: [UInt8] = [0xC2, 0xA0]

    var isEmpty: Bool { pieces.isEmpty }

    /// A cell: inline Markdown on one line, parsed as one paragraph. Returns the piece's number.
    mutating func addInline(_ cell: [UInt8], pageLine: Int) -> Int {
        text += Self.inlineMarker
        text += cell.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        return close(lineCount: 1, pageLines: [pageLine])
    }

    /// Lines parsed as blocks, each with its page line.
    mutating func addBlocks(_ lines: [[UInt8]], pageLines: [Int]) -> Int {
        for (index, line) in lines.enumerated() {
            if index > 0 { text.append(0x0A) }
            text += line
        }
        return close(lineCount: lines.count, pageLines: pageLines)
    }

    private mutating func close(lineCount: Int, pageLines: [Int]) -> Int {
        text += [0x0A, 0x0A]
        pieces.append((nextLine, pageLines))
        nextLine += lineCount + 1
        return pieces.count - 1
    }

    /// Parses the pieces followed by `page` (its byte-order mark dropped: only the first bytes of a text may be one).
    func parse(before page: [UInt8], options: MarkdownOptions) -> ParsedPieces {
        var all = text
        all += page.starts(with: [0xEF, 0xBB, 0xBF]) ? page.dropFirst(3) : page[...]
        let document = MarkdownDocument(parsing: all, options: options)
        var blocks = Array(repeating: [MarkdownNode](), count: pieces.count)
        var piece = 0
        var node = document.rootNode.firstChild
        while let block = node, piece < pieces.count {
            node = block.next
            let line = block.startLine
            while piece < pieces.count, line >= pieces[piece].firstLine + pieces[piece].pageLines.count { piece += 1 }
            guard piece < pieces.count, line >= pieces[piece].firstLine else { continue }
            let (firstLine, pageLines) = pieces[piece]
            block.setPageLines { pageLines[min(max($0 - firstLine, 0), pageLines.count - 1)] }
            blocks[piece].append(block)
        }
        return ParsedPieces(document: document, blocks: blocks)
    }
}

/// The second parse's tree (kept alive while its nodes move to the page's tree) and each piece's top-level blocks.
struct ParsedPieces {
    let document: MarkdownDocument
    let blocks: [[MarkdownNode]]

    /// The inline nodes of a cell piece, its marker dropped: its paragraph (empty for an empty piece).
    func inlineParagraph(_ piece: Int) -> MarkdownNode? {
        guard let paragraph = blocks[piece].first, paragraph.kind == .paragraph else { return nil }
        if let first = paragraph.firstChild, first.kind == .text,
           first.withLiteralBytes({ $0.starts(with: SecondParse.inlineMarker) }) {
            document.dropLeadingBytes(SecondParse.inlineMarker.count, ofText: first)
        }
        return paragraph
    }
}
