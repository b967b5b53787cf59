import Testing
@testable import HelhedCore
import HelhedTemplates

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

    /// Text is checked eight bytes at a time: each of the five characters (and bytes next to them, `!`, `%`, `(`,
    /// `;`, `=`, `?`, which must pass) at every position of texts around those lengths, alone and in pairs.
    @Test func escapingFindsTheFiveAtEveryPosition() {
        let entities: [UInt8: String] = [0x26: "&amp;", 0x3C: "&lt;", 0x3E: "&gt;", 0x22: "&quot;", 0x27: "&#39;"]
        // ¢ ¦ § ¼ ¾: bytes 0xA2, 0xA6, 0xA7, 0xBC, 0xBE, the five with the high bit set, which must pass.
        let filler = Array("ab¢¦§¼¾ xyz-Ω".utf8)
        for length in [1, 7, 8, 9, 15, 16, 17, 25] {
            for position in 0..<length {
                for byte: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x21, 0x25, 0x28, 0x3B, 0x3D, 0x3F] {
                    var bytes = (0..<length).map { filler[$0 % filler.count] }
                    bytes[position] = byte
                    bytes[(position * 7 + 3) % length] = byte
                    let text = String(decoding: bytes, as: UTF8.self)
                    let expected = text.unicodeScalars.map { $0.isASCII ? entities[UInt8($0.value)] ?? String($0) : String($0) }.joined()
                    #expect(HTMLEscaping.escape(text) == expected, "\(bytes)")
                }
            }
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
