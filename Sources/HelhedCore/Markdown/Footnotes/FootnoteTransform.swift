import Foundation

/// GFM footnotes on the tree parsed from `FootnoteDefinitions.text`: `[^label]` in text becomes a numbered reference
/// (numbers in order of first reference), the definitions move to a list at the end of the page with a link back to
/// each reference. Ids are `fodnote_N` and `fodnotehenvisning_N` (`_N_K` for the K-th reference to a note): heading
/// ids are slugs, which never hold `_`, so they cannot clash.
enum FootnoteTransform {
    static func apply(to document: MarkdownDocument, definitions found: FootnoteDefinitions, source: SourceText, diagnostics: inout [Diagnostic]) {
        // One walk: the definitions' list items and the text nodes that may hold references, in document order.
        var items: [(node: MarkdownNode, definition: FootnoteDefinitions.Definition)] = []
        var texts: [MarkdownNode] = []
        document.walk { node, isEntering in
            guard isEntering else { return }
            if node.kind == .item, let definition = found.definitions[node.startLine], node.parent?.isOrderedListWithParenthesis == true {
                items.append((node, definition))
            } else if node.kind == .text, node.withLiteralBytes({ FootnoteReferences.mayHoldReference($0) }) {
                texts.append(node)
            }
        }
        let path = source.path
        var notes: [String: Note] = [:]
        for item in items {
            let key = FootnoteReferences.key(item.definition.label)
            if notes[key] == nil {
                notes[key] = Note(item: item.node, label: item.definition.label, line: item.definition.line)
            } else {
                diagnostics.append(.warning(path, line: source.fileLine(bodyLine: item.definition.line),
                                            "the footnote [^\(item.definition.label)] is defined twice; the first definition is used"))
            }
        }

        var order: [String] = []
        for text in texts {
            FootnoteReferences.replace(in: text, document: document) { label in
                let key = FootnoteReferences.key(label)
                guard var note = notes[key] else {
                    diagnostics.append(.warning(path, line: source.fileLine(bodyLine: lineOf(text)),
                                                "the footnote reference [^\(label)] has no definition (add a line \"[^\(label)]: …\"); it is shown as written"))
                    return nil
                }
                if note.number == 0 {
                    order.append(key)
                    note.number = order.count
                }
                note.references += 1
                notes[key] = note
                return (note.number, note.references)
            }
        }

        appendNotes(order.compactMap { notes[$0] }, to: document)
        // Every definition's item leaves its list; unused ones are dropped with a warning, as cmark-gfm drops them.
        // Last first: a definition nested in another's text is then gone before the outer one is freed with its text.
        let lines = items.isEmpty ? nil : SourceLines(found.text)
        for item in items.reversed() {
            let key = FootnoteReferences.key(item.definition.label)
            if let note = notes[key], note.item.pointer == item.node.pointer, note.number == 0 {
                diagnostics.append(.warning(path, line: source.fileLine(bodyLine: item.definition.line),
                                            "the footnote [^\(item.definition.label)] is never referenced (refer to it with [^\(item.definition.label)]); it is left out"))
            }
            if let lines { removeItem(item.node, lines: lines, in: document) }
        }
    }

    /// The notes in the order of their first reference, as a list at the end of the page.
    private static func appendNotes(_ notes: [Note], to document: MarkdownDocument) {
        guard !notes.isEmpty else { return }
        let section = document.appendCustomBlock(Array("<section class=\"fodnoter\" aria-label=\"Fodnoter\">\n<ol>".utf8),
                                                 Array("</ol>\n</section>".utf8), to: document.rootNode)
        for note in notes {
            let element = document.appendCustomBlock(Array("<li id=\"fodnote_\(note.number)\">".utf8), Array("</li>".utf8), to: section)
            element.setPageLine(note.line)
            document.moveChildren(of: note.item, to: element)
            appendBackLinks(note, to: element, in: document)
        }
    }

    private struct Note {
        let item: MarkdownNode
        let label: String
        let line: Int
        var number = 0
        var references = 0
    }

    /// A link back to each reference: inside the note's last paragraph when it ends with one, otherwise after its
    /// last block, as cmark-gfm puts them.
    private static func appendBackLinks(_ note: Note, to element: MarkdownNode, in document: MarkdownDocument) {
        let paragraph: MarkdownNode
        if let last = element.lastChild, last.kind == .paragraph {
            paragraph = last
            document.appendText(" ", to: paragraph)
        } else {
            paragraph = element
        }
        for reference in 1...max(note.references, 1) {
            if reference > 1 { document.appendText(" ", to: paragraph) }
            let id = FootnoteReferences.referenceID(note.number, reference)
            let label = note.references > 1 ? "Tilbage til henvisning \(reference) til fodnote \(note.number)" : "Tilbage til fodnote \(note.number) i teksten"
            let mark = reference > 1 ? "↩<sup>\(reference)</sup>" : "↩"
            document.appendCustomInline(Array("<a href=\"#\(id)\" class=\"fodnote-tilbage\" aria-label=\"\(label)\">\(mark)".utf8),
                                        Array("</a>".utf8), to: paragraph)
        }
    }

    /// Takes a definition's item out of its list, and the list out when it is left empty. A list of the page's own that
    /// the item's marker joined is split where the definition was (as a definition ends a list in GFM), and each part
    /// starts at its own first number.
    private static func removeItem(_ item: MarkdownNode, lines: SourceLines, in document: MarkdownDocument) {
        guard let list = item.parent else { return }
        let wasFirst = item.previous == nil
        if !wasFirst, let rest = document.splitList(after: item), let first = rest.firstChild {
            document.setListStart(listNumber(of: first, lines: lines), of: rest)
        }
        document.remove(item)
        guard let first = list.firstChild else {
            document.remove(list)
            return
        }
        if wasFirst { document.setListStart(listNumber(of: first, lines: lines), of: list) }
    }

    /// The number an ordered list item's marker gives (read from the text; cmark keeps only the list's).
    private static func listNumber(of item: MarkdownNode, lines: SourceLines) -> Int {
        let text = lines.bytes
        let line = lines.range(ofLine: item.startLine)
        var index = min(line.lowerBound + max(item.startColumn - 1, 0), line.upperBound)
        var number = 0
        while index < line.upperBound, index - line.lowerBound < 64, text[index] >= 0x30, text[index] <= 0x39, number < 100_000_000 {
            number = number * 10 + Int(text[index] - 0x30)
            index += 1
        }
        return number
    }

    private static func lineOf(_ node: MarkdownNode) -> Int {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 { return candidate.startLine }
            current = candidate.parent
        }
        return 0
    }
}
