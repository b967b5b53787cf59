import Foundation

/// Danish collation and dates through Foundation's ICU data (`da_DK`): Æ, Ø, Å after Z, and "Aa" as Å.
public enum DanishText {
    public static let locale = Locale(identifier: "da_DK")

    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        switch lhs.compare(rhs, options: [.caseInsensitive], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs < rhs  // a total order keeps the output deterministic
        }
    }

    public static func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        items.map { (key($0), $0) }.sorted { precedes($0.0, $1.0) }.map(\.1)
    }

    /// The Danish alphabet as the glossary's jump bar shows it.
    public static let alphabet: [String] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) } + ["Æ", "Ø", "Å"]

    /// The letter a word is filed under: its first letter upper-cased, "Aa" as "Å", accented Latin letters under their base
    /// letter, and anything else (digits, symbols) under "#".
    public static func filingLetter(of word: String) -> String {
        let upper = word.uppercased(with: locale)
        if upper.hasPrefix("AA") { return "Å" }
        guard let first = upper.first else { return "#" }
        let letter = String(first)
        if alphabet.contains(letter) { return letter }
        let base = letter.folding(options: .diacriticInsensitive, locale: locale)
        return alphabet.contains(base) ? base : "#"
    }
}
