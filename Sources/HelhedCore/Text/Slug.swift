import Foundation

/// URL segments made from titles and headings: lower-case ASCII, æ→ae, ø→oe, å→aa, other accents
/// stripped, every run of anything else → one `-`.
enum Slug {
    /// Every heading, title and tag of a build goes through here, so it works on UTF-8 bytes: ASCII directly, Latin
    /// letters through a table made once, and only other scalars through Foundation (`strippedOfAccents`). Making a
    /// `String` per character and asking Foundation per letter cost thousands of instructions per heading.
    static func make(from text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func append(_ piece: some Sequence<UInt8>) {
            if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(contentsOf: piece)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: append(CollectionOfOne(UInt8(value)))
                case 0x41...0x5A: append(CollectionOfOne(UInt8(value + 0x20)))
                default: pendingDash = true
                }
            } else if Int(value) < latinTable.count {
                // The table says what the two steps below give for the scalar (empty: nothing, a dash).
                let piece = latinTable[Int(value)]
                if piece.isEmpty { pendingDash = true } else { append(piece) }
            } else if let stripped = strippedOfAccents(scalar) {
                append(stripped.utf8)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Whether `text` is already a valid slug (what editors may write in `slug:`).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text) == text
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "ae", "ø": "oe", "Ø": "oe", "å": "aa", "Å": "aa", "ß": "ss",
    ]

    /// What a scalar below U+0250 (ASCII and the Latin blocks) adds to a slug, in UTF-8: its spelling (æ → ae), its
    /// letters without accents (é → e), or nothing. Made once from the same rules, so the two cannot disagree.
    private static let latinTable: [[UInt8]] = (0..<0x250).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        if value < 0x80 { return asciiLetterOrDigit(scalar).map { Array($0.utf8) } ?? [] }
        if let spelled = spelledOut[scalar] { return Array(spelled.utf8) }
        return strippedOfAccents(scalar).map { Array($0.utf8) } ?? []
    }

    private static func asciiLetterOrDigit(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: String(Character(scalar))
        case 0x41...0x5A: String(Character(Unicode.Scalar(scalar.value + 0x20)!))
        default: nil
        }
    }

    private static func strippedOfAccents(_ scalar: Unicode.Scalar) -> String? {
        let folded = String(Character(scalar)).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let letters = folded.unicodeScalars.compactMap(asciiLetterOrDigit)
        return letters.isEmpty ? nil : letters.joined()
    }
}
