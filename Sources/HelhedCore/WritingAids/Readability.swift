/// LIX, the Scandinavian readability index (Björnsson 1968): words per sentence plus the percentage of long words
/// (more than six letters), counted on running text — paragraphs, including those of list items and quotes — not on
/// headings, code, or lists that are only links.
///
/// A sentence ends at `.`, `!`, `?` or `:` followed by a word with a capital letter or a digit, and at the end of a
/// paragraph. So "f.eks. en" and "kr. om året" do not end sentences, and a heading-like list item without a full stop
/// still counts as one. A word is a run of letters and digits (joined across `-`, `.` and apostrophes).
struct Readability: Sendable, Equatable {
    private(set) var wordCount = 0
    private(set) var sentenceCount = 0
    private(set) var longWordCount = 0
    /// The three longest sentences, longest first.
    private(set) var longestSentences: [Sentence] = []

    struct Sentence: Sendable, Equatable {
        let wordCount: Int
        /// The file line the sentence starts on.
        let line: Int
        /// Its first words, to recognise it by.
        let beginning: String
    }

    /// Long words have more than this many letters.
    static let longWordLetters = 6

    init() {}

    /// LIX, rounded as it is reported (nil without text).
    var lix: Int? {
        guard wordCount > 0, sentenceCount > 0 else { return nil }
        let value = Double(wordCount) / Double(sentenceCount) + Double(longWordCount) * 100 / Double(wordCount)
        return Int(value.rounded())
    }

    /// The usual Danish bands (as in Björnsson's scale, used by e.g. lix.dk).
    static func verdict(_ lix: Int) -> String {
        switch lix {
        case ..<25: "meget let"
        case 25...34: "let"
        case 35...44: "middel"
        case 45...54: "svær"
        default: "meget svær"
        }
    }

    /// Counts one paragraph; `bytes` is its text with line breaks as `\n`, and `fileLine` is where it starts.
    mutating func add(paragraph bytes: UnsafeBufferPointer<UInt8>, fileLine: Int) {
        let words = WordScanner.words(in: bytes)
        guard !words.isEmpty else { return }
        var sentenceStart = 0
        for (index, word) in words.enumerated() {
            wordCount += 1
            if word.letterCount > Self.longWordLetters { longWordCount += 1 }
            if word.endsSentence || index == words.count - 1 {
                let length = index - sentenceStart + 1
                // Only the few that may be among the longest get a line and a text.
                if longestSentences.count < 3 || length > longestSentences[2].wordCount {
                    let first = words[sentenceStart].range.lowerBound
                    let line = fileLine + bytes[..<first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    note(Sentence(wordCount: length, line: line, beginning: Self.beginning(words[sentenceStart...index], in: bytes)))
                }
                sentenceCount += 1
                sentenceStart = index + 1
            }
        }
    }

    private mutating func note(_ sentence: Sentence) {
        longestSentences.append(sentence)
        longestSentences.sort { $0.wordCount > $1.wordCount }
        if longestSentences.count > 3 { longestSentences.removeLast() }
    }

    /// The first six words of a sentence, then "…" when there are more.
    private static func beginning(_ words: ArraySlice<ScannedWord>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let shown = words.prefix(6)
        let end = shown.last!.range.upperBound
        let text = String(decoding: bytes[shown.first!.range.lowerBound..<end], as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return words.count > shown.count ? text + " …" : text
    }
}
