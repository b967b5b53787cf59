import CCmark

/// Where a piece of a page's text is written, so a word in it can be given its file line and column.
enum TextPlace {
    /// A text node of the body: cmark's 1-based line of the body and byte column where the node starts (cmark's
    /// inline columns can be too small on indented continuation lines, never too large, so words are searched from
    /// there onwards).
    case body(line: Int, byteColumn: Int)
    /// A front matter field (`title`, `summary`), found by its name when a word of it is reported.
    case frontMatter(field: String)
}

/// The part of the page a piece of text belongs to.
enum TextRole {
    case title, summary, heading, body
}

/// What `PageText.read` hands out: the words readers see, and the paragraphs of running text.
protocol PageTextVisitor {
    /// A piece of text readers see (a text node, a title, a summary); `bytes` are valid only during the call.
    mutating func visitText(_ bytes: UnsafeBufferPointer<UInt8>, at place: TextPlace, role: TextRole)
    /// A paragraph of running text (text nodes and line breaks, code left out), for readability; valid during the call.
    mutating func visitRunningText(_ bytes: UnsafeBufferPointer<UInt8>, bodyLine: Int)
}

/// Reads the text of an article or term from cmark's syntax tree, not from HTML: text nodes (link texts and picture
/// descriptions included), never code, code blocks, raw HTML, link addresses, or the text of autolinks (`<https://…>`),
/// which is an address. The body is parsed as written, without Helhed's transforms: `[[helhedsplan]]` stays text, and
/// its words are glossary names, known to the spelling check.
enum PageText {
    static func read(body: [UInt8], title: String?, summary: String?, into visitor: inout some PageTextVisitor) {
        if let title { visit(title, .frontMatter(field: "title"), .title, &visitor) }
        if let summary { visit(summary, .frontMatter(field: "summary"), .summary, &visitor) }
        let document = MarkdownDocument(parsing: body)
        var paragraph: [UInt8] = []
        var paragraphLine = 0
        var inRunningText = false
        var skipDepth = 0   // > 0 inside an autolink, whose text is its address
        var headingDepth = 0
        document.walk { node, isEntering in
            switch node.kind {
            case .paragraph:
                if isEntering {
                    inRunningText = !isInLinkList(node)
                    paragraph.removeAll(keepingCapacity: true)
                    paragraphLine = node.startLine
                } else {
                    if inRunningText { paragraph.withUnsafeBufferPointer { visitor.visitRunningText($0, bodyLine: paragraphLine) } }
                    inRunningText = false
                }
            case .heading:
                headingDepth += isEntering ? 1 : -1
            case .link:
                if isAutolink(node) { skipDepth += isEntering ? 1 : -1 }
            case .text where isEntering && skipDepth == 0:
                node.withLiteralBytes { bytes in
                    let place = TextPlace.body(line: node.startLine, byteColumn: Int(cmark_node_get_start_column(node.pointer)))
                    visitor.visitText(bytes, at: place, role: headingDepth > 0 ? .heading : .body)
                    if inRunningText { paragraph.append(contentsOf: bytes) }
                }
            case .softBreak, .lineBreak:
                // A line feed, so that readability can tell on which line a sentence starts.
                if isEntering && inRunningText { paragraph.append(0x0A) }
            case .code:
                // A code span is not running text, but it sits between words: keep them apart.
                if isEntering && inRunningText { paragraph.append(0x20) }
            default:
                break
            }
        }
    }

    private static func visit(_ text: String, _ place: TextPlace, _ role: TextRole, _ visitor: inout some PageTextVisitor) {
        var text = text
        text.withUTF8 { visitor.visitText($0, at: place, role: role) }
    }

    /// `<https://example.org>` or `<navn@example.org>`: a link whose only text is its own address.
    private static func isAutolink(_ link: MarkdownNode) -> Bool {
        guard let child = link.firstChild, child.kind == .text, child.next == nil else { return false }
        let text = child.literal
        let url = link.url
        return url == text || url == "mailto:" + text
    }

    /// A paragraph of a list whose every item is only a link ("Læs også" lists): not running text.
    private static func isInLinkList(_ paragraph: MarkdownNode) -> Bool {
        guard let item = paragraph.parent, item.kind == .item, let list = item.parent, list.kind == .list else { return false }
        var nextItem: MarkdownNode? = list.firstChild
        while let current = nextItem {
            guard let only = current.firstChild, only.kind == .paragraph, only.next == nil, isOnlyALink(only) else { return false }
            nextItem = current.next
        }
        return true
    }

    /// One Markdown link, or one `[[reference]]` (text until the transforms run), and nothing else but spaces.
    private static func isOnlyALink(_ paragraph: MarkdownNode) -> Bool {
        var links = 0
        var text = ""
        var child = paragraph.firstChild
        while let node = child {
            switch node.kind {
            case .link: links += 1
            case .text: text += node.literal
            case .softBreak, .lineBreak: text += " "
            default: return false
            }
            child = node.next
        }
        let rest = text.trimmingWhitespaceAndNewlines()
        if links == 1 { return rest.isEmpty }
        return links == 0 && rest.hasPrefix("[[") && rest.hasSuffix("]]") && rest.dropFirst(2).dropLast(2).allSatisfy { $0 != "[" && $0 != "]" }
    }
}
