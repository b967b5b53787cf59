import Testing
@testable import HelhedCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Boligsocial helhedsplan", "boligsocial-helhedsplan"),
        ("Æble, Øl & Årstid", "aeble-oel-aarstid"),
        ("Café Noël", "cafe-noel"),
        ("  --Hvem betaler?-- ", "hvem-betaler"),
        ("Straße", "strasse"),
        ("50 planer i 36 kommuner", "50-planer-i-36-kommuner"),
        ("«Spark hinandens døre ind!»", "spark-hinandens-doere-ind"),
        ("", ""),
        ("???", ""),
    ])
    func slugs(title: String, expected: String) {
        #expect(Slug.make(from: title) == expected)
    }

    /// `make` works on bytes with a table for Latin scalars; this is the rule it implements, scalar by scalar.
    static func referenceSlug(_ text: String) -> String {
        let spelledOut: [Unicode.Scalar: String] = ["æ": "ae", "Æ": "ae", "ø": "oe", "Ø": "oe", "å": "aa", "Å": "aa", "ß": "ss"]
        func ascii(_ scalar: Unicode.Scalar) -> String? {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: String(Character(scalar))
            case 0x41...0x5A: String(Character(Unicode.Scalar(scalar.value + 0x20)!))
            default: nil
            }
        }
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            var piece = ascii(scalar) ?? spelledOut[scalar]
            if piece == nil, scalar.value >= 0x80 {
                let letters = String(Character(scalar)).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    .unicodeScalars.compactMap(ascii)
                piece = letters.isEmpty ? nil : letters.joined()
            }
            guard let piece else { pendingDash = true; continue }
            if pendingDash && !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
        }
        return slug
    }

    @Test func matchesTheRuleScalarByScalar() {
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b \(Character(scalar))"
            #expect(Slug.make(from: text) == Self.referenceSlug(text), "U+\(String(value, radix: 16))")
        }
        for text in ["Ωmega ﬁnal", "日本 語", "İstanbul ǅ", "e\u{301}t", "Ærø-Å ß", "  ", "x\u{1F600}y"] {
            #expect(Slug.make(from: text) == Self.referenceSlug(text), "\(text)")
        }
    }

    @Test func validSlugsAreTheirOwnSlug() {
        #expect(Slug.isValid("kolding-2022"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("Kolding"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid(""))
    }
}
