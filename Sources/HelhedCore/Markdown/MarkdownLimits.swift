/// Markdown that Debian's cmark 0.30.2 cannot parse in linear time, found by one byte scan before cmark sees it.
///
/// cmark 0.30.2 is quadratic on picture openings followed by links in one paragraph, e.g. `![[]()` repeated (fixed
/// upstream in 0.30.3): every link walks back over each `![` that is still open. Measured with the `cmark` command on
/// one paragraph of `![[]()` repeated: 1,000 times 3 ms, 5,000 times 52 ms, 10,000 times 0.18 s, 20,000 times 0.6 s,
/// 50,000 times (300 KB) 4.2 s, so a 5 MB file would take about 20 minutes. Blank lines end a paragraph and with it the
/// walk, so the same text split into paragraphs is fast.
///
/// The scan counts, per paragraph (a run of lines without a blank line), each `]` times the `![` before it. That is an
/// upper bound on cmark's extra steps (it never undercounts, whatever code spans, escapes or HTML hide from cmark) and
/// costs nothing for ordinary text, where a paragraph has a handful of pictures. A paragraph may have
/// `maximumSteps + stepsPerByte × its length` of them: every paragraph is then parsed in linear time, and a normal
/// gallery of a thousand pictures in one paragraph is still accepted.
public enum MarkdownLimits {
    public static let maximumSteps = 250_000
    public static let stepsPerByte = 16

    public struct Refusal: Sendable, Equatable, Error {
        /// 1-based line of the text where the paragraph starts.
        public let line: Int
        public let pictureOpenings: Int
        public let closingBrackets: Int

        public var message: String {
            "this paragraph has \(pictureOpenings) picture openings ('![') followed by \(closingBrackets) ']': a pattern (like '![[]()' repeated) "
                + "on which the Markdown parser, cmark 0.30.2, takes time that grows with the square of the paragraph's length, minutes for a few "
                + "hundred kilobytes; Helhed refuses the file rather than hang. Finish each picture as ![description](address), "
                + "remove stray '![', or put blank lines between paragraphs"
        }
    }

    /// The first paragraph of `text` that exceeds the limit, if any.
    public static func check(_ text: [UInt8]) -> Refusal? {
        text.withUnsafeBufferPointer { bytes in
            var line = 1
            var paragraphLine = 1
            var paragraphStart = 0
            var lineIsBlank = true
            var openings = 0
            var brackets = 0
            var steps = 0
            var previous: UInt8 = 0
            func paragraphEnds(at end: Int) -> Refusal? {
                guard steps > maximumSteps, steps - maximumSteps > stepsPerByte * (end - paragraphStart) else { return nil }
                return Refusal(line: paragraphLine, pictureOpenings: openings, closingBrackets: brackets)
            }
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                switch byte {
                case 0x0A:
                    if lineIsBlank {
                        if let refusal = paragraphEnds(at: offset) { return refusal }
                        openings = 0
                        brackets = 0
                        steps = 0
                        paragraphLine = line + 1
                        paragraphStart = offset + 1
                    }
                    line += 1
                    lineIsBlank = true
                case 0x20, 0x09, 0x0D:
                    break
                case UInt8(ascii: "["):
                    lineIsBlank = false
                    if previous == UInt8(ascii: "!") { openings += 1 }
                case UInt8(ascii: "]"):
                    lineIsBlank = false
                    brackets += 1
                    steps += openings
                default:
                    lineIsBlank = false
                }
                previous = byte
            }
            return paragraphEnds(at: bytes.count)
        }
    }
}
