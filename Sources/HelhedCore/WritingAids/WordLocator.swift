import Foundation

/// Gives a word of a page its file line and column (in characters, 1-based, as editors count) by finding it in the
/// source line cmark (or the front matter) says it is on. Only words that are reported are located, so the page is
/// split into lines only when the first one is.
///
/// cmark gives each text node its line and byte column; a text node never spans lines (line breaks are nodes of their
/// own), so the word is on that line, at or after that column. Searching from there, and after the last word found
/// on the same line, finds the right one of two equal words, and never the same word in a link's address before it.
/// A word that is not there as written (it came from an entity like `&aelig;`) gets the node's own place.
struct WordLocator {
    private let source: SourceText
    private var bodyLines: [Range<Int>]?
    private var frontMatterLines: [Range<Int>]?
    private let frontMatterBytes: [UInt8]
    /// Per file line, the byte offset after the last word found on it.
    private var cursors: [Int: Int] = [:]

    init(source: SourceText) {
        self.source = source
        frontMatterBytes = Array(source.frontMatter.utf8)
    }

    /// The file line and column of `word`, a piece of text that was found at `place`.
    mutating func locate(_ word: UnsafeBufferPointer<UInt8>, at place: TextPlace) -> (line: Int, column: Int) {
        switch place {
        case .body(let bodyLine, let byteColumn):
            if bodyLines == nil { bodyLines = Self.lines(of: source.body) }
            let fileLine = source.fileLine(bodyLine: bodyLine)
            guard let lines = bodyLines, bodyLine >= 1, bodyLine <= lines.count else { return (fileLine, 0) }
            let hint = max(0, byteColumn - 1)
            return source.body.withUnsafeBufferPointer { body in
                let line = UnsafeBufferPointer(rebasing: body[lines[bodyLine - 1]])
                let from = max(hint, cursors[fileLine] ?? 0)
                let offset = find(word, in: line, from: from) ?? find(word, in: line, from: 0)
                guard let offset else { return (fileLine, WordScanner.characterCount(line, upTo: hint) + 1) }
                cursors[fileLine] = offset + word.count
                return (fileLine, WordScanner.characterCount(line, upTo: offset) + 1)
            }
        case .frontMatter(let field):
            // A value may go on over the next lines (`summary: >` and long quoted texts): look there too.
            if frontMatterLines == nil { frontMatterLines = Self.lines(of: frontMatterBytes) }
            let lines = frontMatterLines ?? []
            let name = Array((field + ":").utf8)
            let quotedName = Array(("\"" + field + "\":").utf8)
            let first = frontMatterBytes.withUnsafeBufferPointer { yaml in
                lines.firstIndex { let line = yaml[$0]; return line.starts(with: name) || line.starts(with: quotedName) }
            }
            guard let first else { return (1, 0) }
            let fieldLine = first + SourceText.frontMatterFirstLine
            return frontMatterBytes.withUnsafeBufferPointer { yaml in
                for index in first..<min(lines.count, first + 50) {
                    let fileLine = index + SourceText.frontMatterFirstLine
                    let line = UnsafeBufferPointer(rebasing: yaml[lines[index]])
                    // On the field's own line, after its name.
                    let start = index == first ? (line.firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0) : 0
                    if let offset = find(word, in: line, from: max(start, cursors[fileLine] ?? 0)) {
                        cursors[fileLine] = offset + word.count
                        return (fileLine, WordScanner.characterCount(line, upTo: offset) + 1)
                    }
                }
                return (fieldLine, 0)
            }
        }
    }

    /// The first place at or after `start` where `word` stands as a whole word (no letter or digit right before or
    /// after it).
    private func find(_ word: UnsafeBufferPointer<UInt8>, in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !word.isEmpty, word.count <= line.count else { return nil }
        var offset = start
        while offset + word.count <= line.count {
            if line[offset] == word[0], memcmp(line.baseAddress! + offset, word.baseAddress!, word.count) == 0,
               !Self.isWordByte(before: offset, in: line), !Self.isWordByte(at: offset + word.count, in: line) {
                return offset
            }
            offset += 1
        }
        return nil
    }

    private static func isWordByte(at offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < line.count else { return false }
        return WordScanner.isWordCharacter(WordScanner.decode(line, at: offset).0)
    }

    private static func isWordByte(before offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0, line[start] & 0xC0 == 0x80 { start -= 1 }
        return WordScanner.isWordCharacter(WordScanner.decode(line, at: start).0)
    }

    private static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }
}
