/// The search files' JSON, written directly (`JSONEncoder` builds a tree of boxed values per value and was a sixth of
/// the old index's cost): strings escaped as `JSONEncoder` escapes them (`"`, `\` and control characters; slashes
/// not escaped), and `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026` (as Go's encoder does), so text from front
/// matter such as `</script>` never appears as markup, even if a file is ever inlined in a page. `SearchTests`
/// compares this with `JSONEncoder` on every ASCII character.
enum SearchJSON {
    /// `text` as a JSON string, quotes included.
    static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
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
        json.append(UInt8(ascii: "\""))
    }

    /// `strings` as a JSON array.
    static func appendArray(_ strings: [String], to json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            appendString(string, to: &json)
        }
        json.append(UInt8(ascii: "]"))
    }

    /// A non-negative number in decimal.
    static func appendNumber(_ number: Int, to json: inout [UInt8]) {
        // Digit by digit: postings are millions of small numbers, and a string per number cost more than the rest.
        if number >= 10 { appendNumber(number / 10, to: &json) }
        json.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
