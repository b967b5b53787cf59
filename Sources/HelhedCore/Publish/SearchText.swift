import Foundation

/// How search compares words: the same fold runs here when the index is built and in
/// `Templates/assets/search.js` (`fold` and `words`) when a reader types, so "æ"/"ae", "ø"/"oe" and "å"/"aa" match
/// each other and case and accents never matter. Keep the two in step; `scripts/test-search.js` and
/// `SearchTextTests` check both against `scripts/search-normalization-cases.json`.
///
/// The steps, in this order, each available in both languages:
/// 1. Unicode NFC (`normalize("NFC")`), so `å` typed as `a` + ring is one letter;
/// 2. lower case (Unicode's default mapping, `toLowerCase()`), and final sigma `ς` as `σ`;
/// 3. `æ` → `ae`, `ø` → `oe`, `å` → `aa`;
/// 4. Unicode NFD, then drop the combining diacritical marks U+0300–U+036F (é → e, ü → u);
/// 5. words are the runs of letters and digits (Unicode categories L and N); words of one character are dropped.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping.lowercased()
        var replaced = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            switch scalar {
            case "æ": replaced.append(contentsOf: "ae".unicodeScalars)
            case "ø": replaced.append(contentsOf: "oe".unicodeScalars)
            case "å": replaced.append(contentsOf: "aa".unicodeScalars)
            case "ς": replaced.append("σ")
            default: replaced.append(scalar)
            }
        }
        var folded = String.UnicodeScalarView()
        for scalar in String(replaced).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }

    /// The folded words of a text, in order, repeats kept.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        func finish() {
            if length > 1 { words.append(String(current)) }
            current = String.UnicodeScalarView()
            length = 0
        }
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
                length += 1
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
