/// Whether a line starts a CommonMark HTML block (spec 4.6, kinds 1 to 7), for lines after a GFM table: there even
/// kind 7 (a lone complete tag), which cannot interrupt a paragraph, ends the table.
enum HTMLBlockStart {
    static func matches(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let line = Array(bytes[range])
        guard line.first == UInt8(ascii: "<") else { return false }
        func has(_ prefix: String) -> Bool { line.starts(with: prefix.utf8) }
        if has("<!--") || has("<?") || has("<![CDATA[") { return true }
        if line.count > 2, line[1] == UInt8(ascii: "!"), isLetter(line[2]) { return true }
        var index = 1
        let closing = index < line.count && line[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        guard index < line.count, isLetter(line[index]) else { return false }
        while index < line.count, isLetter(line[index]) || isDigit(line[index]) || line[index] == UInt8(ascii: "-") { index += 1 }
        let name = String(decoding: line[nameStart..<index], as: UTF8.self).lowercased()
        let atEnd = index == line.count
        let next: UInt8 = atEnd ? 0 : line[index]
        if !closing, rawTextNames.contains(name), atEnd || isSpace(next) || next == UInt8(ascii: ">") { return true }
        if blockNames.contains(name) {
            if atEnd || isSpace(next) || next == UInt8(ascii: ">") { return true }
            if next == UInt8(ascii: "/"), index + 1 < line.count, line[index + 1] == UInt8(ascii: ">") { return true }
        }
        if rawTextNames.contains(name) { return false }
        // Kind 7: a complete open or closing tag and nothing but white space after it.
        if closing {
            while index < line.count, isSpace(line[index]) { index += 1 }
        } else {
            guard skipAttributes(line, &index) else { return false }
            if index < line.count, line[index] == UInt8(ascii: "/") { index += 1 }
        }
        guard index < line.count, line[index] == UInt8(ascii: ">") else { return false }
        index += 1
        return line[index...].allSatisfy(isSpace)
    }

    /// Attributes as CommonMark defines them: white space, a name, optionally `=` and an unquoted, single- or
    /// double-quoted value. Stops before `/` or `>`; false when the tag is malformed.
    private static func skipAttributes(_ line: [UInt8], _ index: inout Int) -> Bool {
        while true {
            let spaceStart = index
            while index < line.count, isSpace(line[index]) { index += 1 }
            guard index < line.count else { return false }
            let byte = line[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { return true }
            guard index > spaceStart, isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") else { return false }
            while index < line.count, isLetter(line[index]) || isDigit(line[index]) || "_.:-".utf8.contains(line[index]) { index += 1 }
            var look = index
            while look < line.count, isSpace(line[look]) { look += 1 }
            guard look < line.count, line[look] == UInt8(ascii: "=") else { continue }
            look += 1
            while look < line.count, isSpace(line[look]) { look += 1 }
            guard look < line.count else { return false }
            let quote = line[look]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = line[(look + 1)...].firstIndex(of: quote) else { return false }
                index = close + 1
            } else {
                let valueStart = look
                while look < line.count, !isSpace(line[look]), !"\"'=<>`".utf8.contains(line[look]) { look += 1 }
                guard look > valueStart else { return false }
                index = look
            }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D }

    private static let rawTextNames: Set<String> = ["script", "pre", "style", "textarea"]
    private static let blockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes",
        "ol", "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "track", "ul",
    ]
}
