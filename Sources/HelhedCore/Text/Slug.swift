import Foundation

/// URL segments made from titles and headings: lower-case ASCII, æ→ae, ø→oe, å→aa, other accents
/// stripped, every run of anything else → one `-`.
public enum Slug {
    public static func make(from text: String) -> String {
        var slug = ""
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func append(_ piece: String) {
            if pendingDash && !slug.isEmpty { slug.append("-") }
            pendingDash = false
            slug.append(piece)
        }
        for scalar in text.unicodeScalars {
            if let ascii = asciiLetterOrDigit(scalar) {
                append(ascii)
            } else if let spelled = spelledOut[scalar] {
                append(spelled)
            } else if scalar.value >= 0x80, let stripped = strippedOfAccents(scalar) {
                append(stripped)
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Whether `text` is already a valid slug (what editors may write in `slug:`).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text) == text
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "ae", "ø": "oe", "Ø": "oe", "å": "aa", "Å": "aa", "ß": "ss",
    ]

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
