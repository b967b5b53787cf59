extension SearchIndex.Entry {
    /// The entry's JSON exactly as `SearchIndex.json()` wants it: what `SearchIndex.encoder()` writes (keys sorted,
    /// slashes not escaped, `"`, `\` and control characters escaped as it does, everything else as it is) with
    /// `<`, `>` and `&` then written as `\u003c`, `\u003e` and `\u0026` (`SearchIndex.escapingMarkup`). Written
    /// directly: `JSONEncoder` builds a tree of boxed values per entry and was a sixth of the search index's cost.
    /// `SearchTests` compares the two on every ASCII character and on whole indexes.
    func markupSafeJSON() -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(words.utf8.count + summary.utf8.count + title.utf8.count + names.utf8.count + terms.utf8.count + 160)
        json.append(UInt8(ascii: "{"))
        // Alphabetical, as `.sortedKeys` orders them.
        for (index, (key, value)) in [("kind", kind), ("names", names), ("summary", summary), ("terms", terms), ("title", title),
                                      ("url", url), ("words", words)].enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: key.utf8)
            json.append(contentsOf: "\":\"".utf8)
            Self.appendEscaped(value, to: &json)
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    private static func appendEscaped(_ text: String, to json: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var runStart = 0
            for (index, byte) in bytes.enumerated() {
                // Everything to escape is below 0x20 or one of `"`, `&`, `<`, `>` and `\`; every other byte is copied.
                guard byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x5C else { continue }
                json.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                runStart = index + 1
                switch byte {
                case 0x22: json.append(contentsOf: #"\""#.utf8)
                case 0x5C: json.append(contentsOf: #"\\"#.utf8)
                case 0x08: json.append(contentsOf: #"\b"#.utf8)
                case 0x09: json.append(contentsOf: #"\t"#.utf8)
                case 0x0A: json.append(contentsOf: #"\n"#.utf8)
                case 0x0C: json.append(contentsOf: #"\f"#.utf8)
                case 0x0D: json.append(contentsOf: #"\r"#.utf8)
                default:
                    // `\u00XX` in lower-case hexadecimal: other control characters, and `&`, `<`, `>`.
                    func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
                    json.append(contentsOf: #"\u00"#.utf8)
                    json.append(hexDigit(byte >> 4))
                    json.append(hexDigit(byte & 0x0F))
                }
            }
            json.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
        }
    }
}
