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

    /// The position of each text in Danish order (equal texts keep their input order, as `sorted` does). Sorting a
    /// site's titles once and comparing positions afterwards replaces many small sorts: every comparison here goes
    /// through ICU and costs microseconds. Large inputs sort their two halves on two cores, then merge.
    public static func ranks(of texts: [String]) -> [Int] {
        let order: [Int]
        if texts.count < 1_000 {
            order = sorted(Array(texts.indices)) { texts[$0] }
        } else {
            let middle = texts.count / 2
            let halves = [Array(0..<middle), Array(middle..<texts.count)].parallelMap { half in sorted(half) { texts[$0] } }
            order = merge(halves[0], halves[1]) { precedes(texts[$0], texts[$1]) }
        }
        var rank = [Int](repeating: 0, count: texts.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        return rank
    }

    /// Merges two sorted lists; on ties the left one's element comes first, which keeps the merge stable.
    private static func merge(_ left: [Int], _ right: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(left.count + right.count)
        var (l, r) = (0, 0)
        while l < left.count && r < right.count {
            if precedes(right[r], left[l]) {
                merged.append(right[r])
                r += 1
            } else {
                merged.append(left[l])
                l += 1
            }
        }
        merged.append(contentsOf: left[l...])
        merged.append(contentsOf: right[r...])
        return merged
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
