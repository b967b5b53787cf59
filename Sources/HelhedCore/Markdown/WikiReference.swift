import Foundation

/// A glossary reference in running text: `[[helhedsplan]]` or `[[helhedsplaner|vist tekst]]`.
struct WikiReference: Equatable {
    /// Byte range of the whole `[[…]]` in the text.
    let range: Range<Int>
    /// The term's title or alias.
    let name: String
    /// What the reader sees.
    let shownText: String

    static func all(in bytes: [UInt8]) -> [WikiReference] {
        bytes.withUnsafeBufferPointer { all(in: $0) }
    }

    /// Every reference in `bytes`; an empty list (nothing allocated) for the usual text without `[[`.
    static func all(in bytes: UnsafeBufferPointer<UInt8>) -> [WikiReference] {
        var references: [WikiReference] = []
        var index = 0
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), bar = UInt8(ascii: "|")
        while index + 1 < bytes.count {
            // Most texts have no `[` at all.
            guard let found = bytes.firstIndex(ofByte: open, from: index) else { break }
            index = found
            guard index + 1 < bytes.count, bytes[index + 1] == open else { index += 1; continue }
            var end = index + 2
            var isValid = true
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) {
                if bytes[end] == open || bytes[end] == close || bytes[end] == 0x0A { isValid = false; break }
                end += 1
            }
            guard isValid, end + 1 < bytes.count, end > index + 2 else { index += 1; continue }
            let inner = bytes[(index + 2)..<end]
            let parts = inner.split(separator: bar, maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: parts[0], as: UTF8.self).trimmingWhitespace()
            let shown = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self).trimmingWhitespace() : name
            if !name.isEmpty {
                references.append(WikiReference(range: index..<(end + 2), name: name, shownText: shown.isEmpty ? name : shown))
                index = end + 2
            } else {
                index += 1
            }
        }
        return references
    }
}
