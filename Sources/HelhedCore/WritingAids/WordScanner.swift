/// A word found in a piece of UTF-8 text, by byte offsets into that text.
struct ScannedWord: Equatable {
    /// The word's bytes, without a trailing period or hyphen.
    let range: Range<Int>
    /// Letters in the word (for LIX: a long word has more than six).
    let letterCount: Int
    let hasDigit: Bool
    /// Written right before a `.`: hunspell then also tries the word as an abbreviation ("bl.a.", "kr.").
    let isFollowedByPeriod: Bool
    /// Written right before a `-` that ends it: the first part of a shortened compound ("skole- og socialområdet").
    let isFollowedByHyphen: Bool
    /// Part of a web or mail address written as text (`www.x.dk`, `navn@x.dk`, `https://…`): not words to spell.
    let isInAddress: Bool
    /// Starts with a capital letter (for sentence boundaries).
    let startsWithCapital: Bool
    /// A sentence ends after this word: `.`, `!`, `?` or `:` follows before the next word, and the next word starts
    /// with a capital letter or a digit, or there is no next word in the text.
    var endsSentence: Bool = false
}

/// Splits text into words the way a reader sees them: runs of letters and digits, joined across `-`, `.` and
/// apostrophes written between two of them ("FN's", "bl.a", "it-system"). Works on bytes: it sees every word of every
/// page, and most of them are ASCII.
enum WordScanner {
    static func words(in text: UnsafeBufferPointer<UInt8>) -> [ScannedWord] {
        var words: [ScannedWord] = []
        var index = 0
        var chunkIsAddress = false
        var chunkEnd = 0
        var pendingSentenceMark = false
        while index < text.count {
            if index >= chunkEnd {
                // A new run of text between spaces: decide once whether it is an address.
                chunkEnd = index
                while chunkEnd < text.count, !isSpace(text[chunkEnd]) { chunkEnd += 1 }
                chunkIsAddress = isAddress(text, index..<chunkEnd)
                if chunkEnd == index { index += 1; chunkEnd = index; continue }
            }
            let (scalar, length) = decode(text, at: index)
            guard isWordCharacter(scalar) else {
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" { pendingSentenceMark = true }
                index += length
                continue
            }
            if pendingSentenceMark, !words.isEmpty {
                words[words.count - 1].endsSentence = isCapital(scalar) || isDigit(scalar)
            }
            pendingSentenceMark = false
            let start = index
            var letters = 0
            var hasDigit = false
            while index < text.count {
                let (scalar, length) = decode(text, at: index)
                if isWordCharacter(scalar) {
                    if isDigit(scalar) { hasDigit = true } else if !isMark(scalar) { letters += 1 }
                    index += length
                } else if isJoiner(scalar), index + length < text.count, isWordCharacter(decode(text, at: index + length).0) {
                    index += length
                } else {
                    break
                }
            }
            let next: UInt8? = index < text.count ? text[index] : nil
            let afterNext: UInt8? = index + 1 < text.count ? text[index + 1] : nil
            let endsWithHyphen = next == UInt8(ascii: "-") && (afterNext.map { !isWordByte($0) } ?? true)
            words.append(ScannedWord(range: start..<index, letterCount: letters, hasDigit: hasDigit,
                                     isFollowedByPeriod: next == UInt8(ascii: "."), isFollowedByHyphen: endsWithHyphen,
                                     isInAddress: chunkIsAddress, startsWithCapital: isCapital(decode(text, at: start).0)))
        }
        if pendingSentenceMark, !words.isEmpty { words[words.count - 1].endsSentence = true }
        return words
    }

    /// Counts the first `count` bytes of a line in characters (Unicode scalars), the column editors show.
    static func characterCount(_ line: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
        var characters = 0
        for offset in 0..<min(count, line.count) where line[offset] & 0xC0 != 0x80 { characters += 1 }
        return characters
    }

    // MARK: Characters

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// An ASCII letter or digit, or the start of a non-ASCII character (decided by `isWordCharacter`).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isASCIILetterOrDigit(byte)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIILetterOrDigit(UInt8(scalar.value)) }
        return scalar.properties.isAlphabetic || isMark(scalar) || scalar.properties.numericType != nil
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    private static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    /// Joins two runs of letters into one word when written between them: hyphen, period, apostrophes.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar == "'" || scalar == "\u{2019}"
    }

    private static func isAddress(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let chunk = UnsafeBufferPointer(rebasing: text[range])
        if chunk.contains(UInt8(ascii: "@")) { return true }
        if chunk.starts(with: "www.".utf8) { return true }
        guard chunk.count >= 3 else { return false }
        for offset in 0...(chunk.count - 3) where chunk[offset] == UInt8(ascii: ":") && chunk[offset + 1] == UInt8(ascii: "/") && chunk[offset + 2] == UInt8(ascii: "/") {
            return true
        }
        return false
    }

    /// The scalar at `index` and its length in bytes; invalid UTF-8 (cmark replaces it, so rare) reads as U+FFFD.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = text[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= text.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = text[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
