/// `[^label]` in a text node: cmark leaves a footnote reference as text (`[`, `^label`, `]` merged into one text
/// node), since no link reference definition has such a label once `FootnoteDefinitions` rewrote them.
enum FootnoteReferences {
    static func mayHoldReference(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { mayHoldReference($0) }
    }

    /// Whether the bytes hold `[^`: most text nodes do not, and are left without a copy.
    static func mayHoldReference(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let open = bytes.firstIndex(ofByte: UInt8(ascii: "["), from: index) {
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "^") { return true }
            index = open + 1
        }
        return false
    }

    /// Labels match as cmark-gfm matches them: without regard to case.
    static func key(_ label: String) -> String { label.lowercased() }

    static func referenceID(_ number: Int, _ reference: Int) -> String {
        reference == 1 ? "fodnotehenvisning_\(number)" : "fodnotehenvisning_\(number)_\(reference)"
    }

    /// Replaces each `[^label]` (a label without white space or `]`) for which `resolve` gives a note number and the
    /// reference's count by a numbered link to the note; the rest stays text. One pass over the text.
    static func replace(in node: MarkdownNode, document: MarkdownDocument, resolve: (String) -> (number: Int, reference: Int)?) {
        let bytes = node.literalBytes
        var nodes: [MarkdownNode] = []
        var copied = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, !isLabelEnd(bytes[end]) { end += 1 }
            guard end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "]"),
                  let (number, reference) = resolve(String(decoding: bytes[(index + 2)..<end], as: UTF8.self))
            else {
                index = max(end, index + 1)
                continue
            }
            if index > copied { nodes.append(document.makeText(String(decoding: bytes[copied..<index], as: UTF8.self))) }
            let id = referenceID(number, reference)
            let link = document.makeCustomInline(
                before: "<sup class=\"fodnotehenvisning\"><a href=\"#fodnote_\(number)\" id=\"\(id)\" aria-label=\"Fodnote \(number)\">",
                after: "</a></sup>", text: String(number))
            link.setPageLine(node.startLine)
            nodes.append(link)
            index = end + 1
            copied = index
        }
        guard !nodes.isEmpty else { return }
        if copied < bytes.count { nodes.append(document.makeText(String(decoding: bytes[copied...], as: UTF8.self))) }
        document.replace(node, with: nodes)
    }

    private static func isLabelEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
