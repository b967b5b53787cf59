/// Markdown that Debian's cmark 0.30.2 cannot parse in linear time, found by one byte scan before cmark sees it.
///
/// cmark 0.30.2 is quadratic on picture openings followed by links in one paragraph, e.g. `![[]()` repeated (fixed
/// upstream in 0.30.3): every link it forms walks back over each `![` that is still open. Measured with the `cmark`
/// command on one paragraph of `![[]()` repeated: 1,000 times 3 ms, 5,000 times 52 ms, 10,000 times 0.18 s, 20,000
/// times 0.6 s, 50,000 times (300 KB) 4.2 s, so a 5 MB file would take about 20 minutes. Blank lines end a paragraph
/// and with it the walk, so the same text split into paragraphs is fast.
///
/// Per paragraph (a run of lines without a blank line) the scan counts the picture openings `![` and the possible
/// links: a link needs a `[` that does not open a picture and a `]`, so there are at most min(those `[`, `]`) of them.
/// Their product bounds cmark's extra steps from above, whatever code spans, escapes or HTML hide from cmark (only a
/// backslash before `!` turns `![` into a link's `[`, and the scan honours it). Nested pictures, which cost cmark
/// nothing extra, have no such `[` and are never refused. A paragraph may have `maximumSteps + stepsPerByte × its
/// length in bytes` steps: every paragraph then parses in linear time, and a gallery of a thousand pictures and a
/// thousand links in one paragraph is still accepted. `![[]()` is refused from about 550 repetitions in one paragraph
/// (which cmark parses in about a millisecond), so the limit is far below where cmark becomes slow.
enum MarkdownLimits {
    static let maximumSteps = 250_000
    static let stepsPerByte = 16

    struct Refusal: Sendable, Equatable, Error {
        /// 1-based line of the text where the paragraph starts.
        let line: Int
        let pictureOpenings: Int
        let links: Int

        var message: String {
            "this paragraph has \(pictureOpenings) picture openings ('![') and up to \(links) links after them: a pattern (like '![[]()' "
                + "repeated) on which the Markdown parser, cmark 0.30.2, takes time that grows with the square of the paragraph's length, "
                + "minutes for a few hundred kilobytes; Helhed refuses the file rather than hang. Finish each picture as "
                + "![description](address), remove stray '![', or put blank lines between paragraphs"
        }
    }

    /// The first paragraph of `text` that exceeds the limit, if any.
    static func check(_ text: [UInt8]) -> Refusal? {
        text.withUnsafeBufferPointer { bytes in
            // Without a single `![` there are no picture openings, so nothing to refuse: most files end here, after a
            // `memchr` for each `!` instead of a look at every byte.
            guard mayOpenAPicture(bytes) else { return nil }
            var line = 1
            var paragraph = ParagraphCount(line: 1, start: 0)
            var lineIsBlank = true
            var backslashes = 0  // how many backslashes come right before the current byte
            var pictureBang = false  // the previous byte is a `!` that is not escaped
            var headingLine = false
            var offset = 0
            while offset < bytes.count {
                if offset == 0 || bytes[offset - 1] == 0x0A {
                    // A bullet list item or an ATX heading always starts a new block, so cmark parses its text apart
                    // from the lines before it; a heading also ends at its line's end.
                    let kind = lineStart(bytes, at: offset)
                    if kind != .other {
                        if let refusal = paragraph.refusal(endingAt: offset) { return refusal }
                        paragraph = ParagraphCount(line: line, start: offset)
                    }
                    headingLine = kind == .heading
                }
                let byte = bytes[offset]
                switch byte {
                case 0x0A:
                    if lineIsBlank || headingLine {
                        if let refusal = paragraph.refusal(endingAt: offset) { return refusal }
                        paragraph = ParagraphCount(line: line + 1, start: offset + 1)
                    }
                    line += 1
                    lineIsBlank = true
                case 0x20, 0x09, 0x0D:
                    break
                case UInt8(ascii: "["):
                    lineIsBlank = false
                    if pictureBang { paragraph.pictureOpenings += 1 } else { paragraph.linkOpenings += 1 }
                case UInt8(ascii: "]"):
                    lineIsBlank = false
                    paragraph.closings += 1
                default:
                    lineIsBlank = false
                }
                pictureBang = byte == UInt8(ascii: "!") && backslashes % 2 == 0
                backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
                offset += 1
                // Once the line has text, any other byte only clears `pictureBang` and `backslashes`; skip such runs
                // (most of every file) in one tight loop. A line feed is never skipped, so line starts are all seen.
                if !lineIsBlank {
                    let runStart = offset
                    while offset < bytes.count, !Self.changesState(bytes[offset]) { offset += 1 }
                    if offset > runStart {
                        pictureBang = false
                        backslashes = 0
                    }
                }
            }
            return paragraph.refusal(endingAt: bytes.count)
        }
    }

    /// The brackets of one paragraph (cmark parses each paragraph's inlines apart).
    private struct ParagraphCount {
        let line: Int
        let start: Int
        var pictureOpenings = 0  // `![` with the `!` not escaped
        var linkOpenings = 0  // every other `[`
        var closings = 0  // `]`

        init(line: Int, start: Int) {
            self.line = line
            self.start = start
        }

        /// The refusal of the paragraph when it ends at `end`, if its brackets would make cmark quadratic.
        func refusal(endingAt end: Int) -> Refusal? {
            let links = min(linkOpenings, closings)
            let steps = links * pictureOpenings
            guard steps > maximumSteps, steps - maximumSteps > stepsPerByte * (end - start) else { return nil }
            return Refusal(line: line, pictureOpenings: pictureOpenings, links: links)
        }
    }

    /// Whether `bytes` hold a `!` followed by `[`.
    private static func mayOpenAPicture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let bang = bytes.firstIndex(ofByte: UInt8(ascii: "!"), from: index) {
            if bang + 1 < bytes.count && bytes[bang + 1] == UInt8(ascii: "[") { return true }
            index = bang + 1
        }
        return false
    }

    /// The bytes the scan counts or that start a line: line feed, `[`, `]`, `!` and backslash.
    @inline(__always)
    private static func changesState(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "\\")
    }

    private enum LineStart { case bullet, heading, other }

    /// What a line starts with, by CommonMark's rules for blocks that may interrupt a paragraph: up to three spaces,
    /// then `-`, `*` or `+`, a space or tab and some text (a bullet list item; an empty one may not interrupt), or one
    /// to six `#` and a space, tab or the line's end (a heading). Anything else, including every indented or quoted
    /// line, counts as a possible continuation, which can only make the count larger.
    private static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> LineStart {
        var index = start
        while index < bytes.count, index - start < 3, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return .other }
        func isSpace(_ at: Int) -> Bool { at < bytes.count && (bytes[at] == 0x20 || bytes[at] == 0x09) }
        func isLineEnd(_ at: Int) -> Bool { at >= bytes.count || bytes[at] == 0x0A || bytes[at] == 0x0D }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            guard isSpace(index + 1) else { return .other }
            var rest = index + 1
            while isSpace(rest) { rest += 1 }
            return isLineEnd(rest) ? .other : .bullet
        case UInt8(ascii: "#"):
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "#"), end - index < 7 { end += 1 }
            return end - index <= 6 && (isSpace(end) || isLineEnd(end)) ? .heading : .other
        default:
            return .other
        }
    }
}
