import Testing
@testable import HelhedCore

/// Escaping and XML checks work on bytes, several at a time; they must agree with the character-by-character rules
/// wherever the interesting byte sits.
@Suite struct ByteTextTests {
    @Test func escapingMatchesTheFiveEntities() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for text in ["", "plain", "a&b<c>d\"e'f", "æøå & ÆØÅ <b>", "&&&", "x=1; y>=2 ? 'ja' : \"nej\"", "→ “citat” ←"] {
            let expected = text.map { entities[$0] ?? String($0) }.joined()
            #expect(HTMLEscaping.escape(text) == expected, "\(text)")
            var appended: [UInt8] = Array("før ".utf8)
            HTMLEscaping.append(text, to: &appended)
            #expect(appended == Array(("før " + expected).utf8), "\(text)")
        }
    }

    @Test func invalidXMLCharactersAreFoundAnywhere() {
        for length in [0, 1, 7, 8, 9, 16, 23] {
            for position in 0...length {
                for control: UInt8 in [0x00, 0x01, 0x08, 0x0B, 0x1F] {
                    var bytes = Array(String(repeating: "æ\tb\nc\r", count: 4).utf8.prefix(length))
                    bytes.insert(control, at: min(position, bytes.count))
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(XMLText.mayHoldInvalidCharacters(text), "\(bytes)")
                }
                let clean = String(decoding: Array(String(repeating: "æ\tb\nc\r ~", count: 4).utf8.prefix(length)), as: UTF8.self)
                #expect(XMLText.removingInvalidCharacters(clean) == clean)
            }
        }
        #expect(XMLText.mayHoldInvalidCharacters("abc\u{FFFE}"))
        #expect(XMLText.removingInvalidCharacters("a\u{1}b\u{FFFF}c") == "abc")
    }
}
