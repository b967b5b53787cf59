import Foundation

/// `Content/ordliste.txt`: words the site uses that the dictionary does not know (names of places, people,
/// organisations), one a line. `#` starts a comment line; blank lines are ignored. A line with more than one word
/// ("Nina Smith") adds each of them. A word is accepted as written: "Fredericia" (and its genitive "Fredericias")
/// but not "fredericia"; a word in lower case also capitalised and with the dictionary's inflections of its last part.
struct SiteWordList: Sendable, Equatable {
    static let fileName = "ordliste.txt"
    /// Longer lines are not words but pasted text.
    static let longestLine = 100

    private(set) var words: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads `<content>/ordliste.txt`; a missing file is an empty list.
    init(contentFolder: URL, displayPath: String) {
        let url = contentFolder.appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            self.init(bytes: [], path: displayPath)
            return
        }
        self.init(bytes: Array(data), path: displayPath)
    }

    init(bytes: [UInt8], path: String) {
        var lineNumber = 0
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            guard SourceText.firstInvalidUTF8Offset(Array(line)) == nil else {
                diagnostics.append(.error(path, line: lineNumber, "this line is not valid UTF-8; save \(Self.fileName) as UTF-8"))
                continue
            }
            let entry = String(decoding: line, as: UTF8.self).trimmingWhitespace()
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            guard entry.count <= Self.longestLine else {
                diagnostics.append(.error(path, line: lineNumber, "the line is \(entry.count) characters long; write one word or name a line (at most \(Self.longestLine) characters)"))
                continue
            }
            var entryBytes = Array(entry.utf8)
            let found = entryBytes.withUnsafeMutableBufferPointer { buffer in
                WordScanner.words(in: UnsafeBufferPointer(buffer)).map { String(decoding: buffer[$0.range], as: UTF8.self) }
            }
            if found.isEmpty {
                diagnostics.append(.error(path, line: lineNumber, "no word on this line (\"\(entry)\"); write a word or a name, or start the line with # for a comment"))
            }
            words.append(contentsOf: found)
        }
    }
}
