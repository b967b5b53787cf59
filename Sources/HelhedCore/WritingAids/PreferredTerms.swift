/// Words the glossary asks editors not to use, each with the term to write instead: a term's front matter
/// `avoid: [ghetto]` makes every "ghetto" (any case, and with the usual Danish endings: ghettoen, ghettoer,
/// ghettoernes…) on another page a warning that names the term. Phrases work too (`avoid: [udsat område]`); their
/// last word may be inflected. Compounds ("ghettoliste") are not matched: they are words of their own.
struct PreferredTerms: Sendable, Equatable {
    struct Avoided: Sendable, Equatable {
        /// The avoided words in lower case.
        let words: [String]
        let written: String
        /// The term to use instead, and the page that explains it.
        let term: Int
        let termTitle: String
    }

    let avoided: [Avoided]
    /// Problems with the `avoid` fields themselves.
    let diagnostics: [Diagnostic]
    /// Lower-case first characters of the avoided words: most words are passed over on their first letter.
    private let firstCharacters: Set<Character>
    /// The most words an avoided phrase has.
    private let longestPhrase: Int

    /// Endings a Danish noun or adjective takes: definite, plural, genitive and their combinations.
    static let endings: Set<String> = ["s", "e", "es", "en", "ens", "er", "ers", "et", "ets", "ne", "nes", "ene", "enes",
                                       "erne", "ernes", "r", "rs", "rne", "rnes", "n", "ns", "t", "ts"]

    init(terms: [GlossaryTerm]) {
        var avoided: [Avoided] = []
        var diagnostics = Diagnostics()
        for (index, term) in terms.enumerated() {
            guard let fields = FrontMatterReading.fields(of: term.source, into: &diagnostics), fields.has("avoid") else { continue }
            for entry in fields.locatedTextList("avoid", into: &diagnostics) {
                let words = Self.lowerCaseWords(entry.value)
                if words.isEmpty { continue }
                if term.names.contains(where: { $0.lowercased() == entry.value.lowercased() }) {
                    diagnostics.append(.error(term.source.path, line: entry.line, "front matter: \"\(entry.value)\" is the term's own name; 'avoid' lists words to write this term instead of"))
                    continue
                }
                avoided.append(Avoided(words: words, written: entry.value, term: index, termTitle: term.title))
            }
        }
        self.avoided = avoided
        self.diagnostics = diagnostics.all
        firstCharacters = Set(avoided.compactMap { $0.words.first?.first })
        longestPhrase = avoided.map(\.words.count).max() ?? 1
    }

    var isEmpty: Bool { avoided.isEmpty }

    static func lowerCaseWords(_ text: String) -> [String] {
        var bytes = Array(text.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            WordScanner.words(in: UnsafeBufferPointer(buffer)).map { String(decoding: buffer[$0.range], as: UTF8.self) }
        }
    }

    /// Follows the words of one page in order and says when the words just read complete an avoided word or phrase.
    struct Matcher {
        let terms: PreferredTerms
        /// The page's own term, whose explanation may name what it replaces.
        let ownTerm: Int?
        private var recent: [String] = []

        init(_ terms: PreferredTerms, ownTerm: Int?) {
            self.terms = terms
            self.ownTerm = ownTerm
        }

        /// The avoided entry that ends with `word`, if any.
        mutating func read(_ word: Substring) -> Avoided? {
            // Most sites avoid single words: a word whose first letter starts none of them is passed over unread.
            if terms.longestPhrase == 1 {
                guard let first = word.first, terms.firstCharacters.contains(Character(first.lowercased())) else { return nil }
                recent.removeAll(keepingCapacity: true)
            }
            recent.append(word.lowercased())
            if recent.count > terms.longestPhrase { recent.removeFirst() }
            for entry in terms.avoided where entry.term != ownTerm && entry.words.count <= recent.count {
                let start = recent.count - entry.words.count
                guard zip(entry.words.dropLast(), recent[start...]).allSatisfy({ $0 == $1 }) else { continue }
                if Self.isInflection(recent.last!, of: entry.words.last!) { return entry }
            }
            return nil
        }

        static func isInflection(_ written: String, of word: String) -> Bool {
            written == word || (written.hasPrefix(word) && PreferredTerms.endings.contains(String(written.dropFirst(word.count))))
        }
    }
}
