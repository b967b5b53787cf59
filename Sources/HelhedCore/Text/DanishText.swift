import Foundation

/// Danish collation and dates through Foundation's ICU data (`da_DK`): Æ, Ø, Å after Z, and "Aa" as Å.
enum DanishText {
    static let locale = Locale(identifier: "da_DK")

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        if let decided = quickOrder(lhs, rhs) { return decided }
        switch lhs.compare(rhs, options: [.caseInsensitive], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs < rhs  // a total order keeps the output deterministic
        }
    }

    /// The answer ICU gives, found without ICU when the texts differ first at a plain ASCII letter, digit or space
    /// (nil otherwise). An ICU comparison through Foundation costs tens of thousands of instructions, which made
    /// sorting a large site's titles one of the largest costs of a build; most titles differ early, at such a
    /// character. Up to that point the texts are the same but for ASCII case (so they collate alike at the levels a
    /// case-insensitive comparison uses), and at it the primary weights differ: space < digits < letters, letters
    /// a–z. "aa" is the one Danish contraction made of ASCII letters (it sorts as å), so an "a" next to the
    /// difference leaves the decision to ICU, as does anything beyond ASCII right after it. One text having Æ, Ø or
    /// Å where the other has such an ASCII character is decided too (those three sort after z). `DanishTextTests`
    /// checks this against ICU on many pairs.
    static func quickOrder(_ lhs: String, _ rhs: String) -> Bool? {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b -> Bool? in
                var index = 0
                while index < a.count && index < b.count && lowered(a[index]) == lowered(b[index]) { index += 1 }
                // After an "a", another "a" would make "aa" in one text and not in the other.
                if index > 0 && lowered(a[index - 1]) == UInt8(ascii: "a")
                    && ((index < a.count && lowered(a[index]) == UInt8(ascii: "a")) || (index < b.count && lowered(b[index]) == UInt8(ascii: "a"))) {
                    return nil
                }
                guard index < a.count else {
                    // `lhs` is a prefix of `rhs` (but for case): shorter first when what follows in `rhs` is not ignorable.
                    return index < b.count && (0x20...0x7E).contains(b[index]) ? true : nil
                }
                guard index < b.count else { return (0x20...0x7E).contains(a[index]) ? false : nil }
                let x = primary(a, at: index), y = primary(b, at: index)
                if let x, let y { return x < y }
                // Æ, Ø and Å come after every letter, digit and space: "Sp…" before "Så…".
                if x != nil && isDanishLetter(b, at: index) { return true }
                if y != nil && isDanishLetter(a, at: index) { return false }
                return nil
            }
        }
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Order of a space, digit or letter at `index`; nil for anything else, and when the next character could change
    /// what this one sorts as: "aa" (å), or anything beyond ASCII, such as a combining mark ("o" + ¨ sorts as ø)
    /// or an "å" (whose canonical form begins with an "a").
    private static func primary(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if index + 1 < text.count {
            let next = lowered(text[index + 1])
            if next == UInt8(ascii: "a") && lowered(text[index]) == UInt8(ascii: "a") { return nil }
            // A precomposed Latin letter (U+00C0–U+024F, UTF-8 C3 80 … C9 8F) after anything but an "a" leaves this
            // character's weight alone; a combining mark or anything else beyond ASCII may not.
            if next >= 0x80 {
                guard lowered(text[index]) != UInt8(ascii: "a"), index + 2 < text.count else { return nil }
                let second = text[index + 2]
                guard (0xC3...0xC8).contains(next) || (next == 0xC9 && second <= 0x8F) else { return nil }
            }
        }
        let byte = lowered(text[index])
        switch byte {
        case 0x20: return 0
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 1 + Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return 11 + Int(byte - UInt8(ascii: "a"))
        default: return nil
        }
    }

    /// Æ, Ø or Å (either case) at `index`: C3 86, C3 98, C3 85 or C3 A6, C3 B8, C3 A5. Whatever follows, its weight
    /// at this level is above every ASCII letter's (no contraction of Danish's collation starts with them).
    private static func isDanishLetter(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < text.count, text[index] == 0xC3 else { return false }
        return [0x86, 0x98, 0x85, 0xA6, 0xB8, 0xA5].contains(text[index + 1])
    }

    static func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        items.map { (key($0), $0) }.sorted { precedes($0.0, $1.0) }.map(\.1)
    }

    /// The position of each text in Danish order (equal texts keep their input order, as `sorted` does). Sorting a
    /// site's titles once and comparing positions afterwards replaces many small sorts: every comparison here goes
    /// through ICU and costs microseconds. Large inputs sort their two halves on two cores, then merge.
    static func ranks(of texts: [String]) -> [Int] {
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
    static let alphabet: [String] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) } + ["Æ", "Ø", "Å"]

    /// The letter a word is filed under: its first letter upper-cased, "Aa" as "Å", accented Latin letters under their base
    /// letter, and anything else (digits, symbols) under "#".
    static func filingLetter(of word: String) -> String {
        let upper = word.uppercased(with: locale)
        if upper.hasPrefix("AA") { return "Å" }
        guard let first = upper.first else { return "#" }
        let letter = String(first)
        if alphabet.contains(letter) { return letter }
        let base = letter.folding(options: .diacriticInsensitive, locale: locale)
        return alphabet.contains(base) ? base : "#"
    }
}
