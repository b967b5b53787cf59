import CHunspell
import Foundation

/// Where a hunspell dictionary is: `<base>.aff` (rules) and `<base>.dic` (words).
struct DictionaryLocation: Sendable, Hashable {
    let affixFile: URL
    let wordFile: URL
    /// The Debian package that installs it, named in the error when it is missing.
    let package: String

    init(base: URL, package: String) {
        affixFile = base.appendingPathExtension("aff")
        wordFile = base.appendingPathExtension("dic")
        self.package = package
    }

    /// Stavekontrolden's Danish dictionary as Debian installs it (`hunspell-da`).
    static let danish = DictionaryLocation(base: URL(fileURLWithPath: "/usr/share/hunspell/da_DK"), package: "hunspell-da")

    /// One error line that says what to install; nil when both files are there.
    var missingDiagnostic: Diagnostic? {
        let manager = FileManager.default
        guard let missing = [affixFile, wordFile].first(where: { !manager.isReadableFile(atPath: $0.path) }) else { return nil }
        return .error(missing.path, "the Danish dictionary for the spelling check is not installed; install it with 'apt-get install \(package)' (as root)")
    }
}

/// hunspell with one dictionary: is a word spelled right, and what might have been meant.
///
/// Owns one `Hunhandle` (made in `init`, freed in `deinit`). hunspell keeps per-call state in the handle, so a
/// `SpellChecker` is NOT thread-safe: use one per thread or task. The type is deliberately not `Sendable`, so Swift 6
/// refuses to share one between tasks. Making one reads the whole dictionary (about 0.2 s and 20 MB for Danish), so
/// make one per worker, not one per page.
///
/// Words are Swift strings; they are converted to the dictionary's encoding (`SET` in the .aff file: UTF-8 for
/// Danish, ISO8859-1 in older dictionaries) on the way in and back on the way out.
final class SpellChecker {
    private let handle: OpaquePointer
    private let encoding: DictionaryEncoding
    /// hunspell refuses words longer than this many bytes (MAXWORDLEN); they are never checked.
    static let longestWord = 100

    init(_ location: DictionaryLocation = .danish) throws(Diagnostic) {
        if let missing = location.missingDiagnostic { throw missing }
        // Hunspell_create never fails: an unreadable file gives an empty dictionary, hence the check above.
        guard let handle = Hunspell_create(location.affixFile.path, location.wordFile.path) else {
            throw .error(location.wordFile.path, "hunspell could not load the dictionary")
        }
        let name = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? "ISO8859-1"
        guard let encoding = DictionaryEncoding(hunspellName: name) else {
            Hunspell_destroy(handle)
            throw .error(location.affixFile.path, "the dictionary's encoding \(name) is not supported (UTF-8 and ISO8859-1 are)")
        }
        self.handle = handle
        self.encoding = encoding
    }

    deinit {
        Hunspell_destroy(handle)
    }

    /// True when the dictionary (or a word added to it) accepts `word`, in the capitalisation hunspell allows: a word
    /// in lower case is also right capitalised or in capitals; a name only as written or in capitals.
    func isCorrect(_ word: String) -> Bool {
        guard let bytes = encoding.encode(word), bytes.count <= Self.longestWord + 1 else { return false }
        return Hunspell_spell(handle, bytes) != 0
    }

    /// hunspell's suggestions, best first, at most `limit`.
    func suggestions(for word: String, limit: Int = 3) -> [String] {
        guard let bytes = encoding.encode(word), bytes.count <= Self.longestWord + 1 else { return [] }
        return Array(list { Hunspell_suggest(handle, &$0, bytes) }.prefix(limit))
    }

    /// The dictionary forms `word` is an inflection of ("planen" → "plan"); a word that is itself a dictionary entry
    /// stems to itself.
    func stems(of word: String) -> [String] {
        guard let bytes = encoding.encode(word), bytes.count <= Self.longestWord + 1 else { return [] }
        return list { Hunspell_stem(handle, &$0, bytes) }
    }

    /// Accepts `word` as written (and capitalised, and in capitals, when it is in lower case), without inflections.
    func add(_ word: String) {
        guard let bytes = encoding.encode(word) else { return }
        _ = Hunspell_add(handle, bytes)
    }

    /// Accepts `word` with every inflection the dictionary gives `example`, a dictionary entry that inflects the
    /// same way ("helhedsplan" like "plan": helhedsplanen, helhedsplaner, helhedsplanernes…). hunspell copies the
    /// example's affix flags; when `example` is not an entry, `word` is added without inflections.
    func add(_ word: String, inflectedLike example: String) {
        guard let bytes = encoding.encode(word), let exampleBytes = encoding.encode(example) else { return }
        _ = Hunspell_add_with_affix(handle, bytes, exampleBytes)
    }

    /// Makes hunspell accept a word the site establishes (a glossary name, a tag, a word of `ordliste.txt`) with its
    /// inflections. A word hunspell already knows needs no inflections: Danish compounds it accepts are inflected
    /// through their last part ("helhedsplanen", "boligorganisationerne"). Otherwise:
    ///
    /// - a name (a capital letter) is added as written and with the genitive "s" ("Fredericias"), the one ending
    ///   Danish gives names;
    /// - a word in lower case is added with the affixes of the longest final part of it that is a dictionary entry
    ///   (`add(_:inflectedLike:)`: Danish compounds inflect like their last word, and the longest part is the most
    ///   specific: "beboerrådgiver" like "rådgiver", not "giver"), and with each ending that part takes: hunspell
    ///   copies the flags of the *first* entry spelled like the example, and "plan" is also an adjective, which
    ///   would give "…planer" but not "…planen".
    ///
    /// Returns the words added, so other checkers can be given the same without asking hunspell again.
    ///
    /// The word itself is always added as written, even when hunspell knows it: adding the alias "sundhedstilbuden"
    /// made hunspell refuse the compound "sundhedstilbud", the term's title (da_DK.aff has CHECKCOMPOUNDREP, which
    /// refuses a compound that a REP replacement turns into a dictionary word; that is the likely cause). A word
    /// added in its own right is found before any compound analysis.
    func learn(_ word: String) -> [LearnedWord] {
        if word.first?.isUppercase == true {
            return [LearnedWord(word), LearnedWord(word + "s")]
        }
        guard !isCorrect(word) else { return [LearnedWord(word)] }
        guard let example = inflectionExample(for: word) else { return [LearnedWord(word)] }
        // The word itself is added plainly too: the example's flags may say "only inside compounds" ("uden" in
        // "tilbuden" would), which would make the word itself unknown.
        return [LearnedWord(word), LearnedWord(word, inflectedLike: example)]
            + Self.endings.filter { isCorrect(example + $0) }.map { LearnedWord(word + $0) }
    }

    /// Adds what `learn` found (here or in another checker).
    func add(_ learned: [LearnedWord]) {
        for entry in learned {
            if let example = entry.example { add(entry.word, inflectedLike: example) } else { add(entry.word) }
        }
    }

    /// The endings of Danish nouns and adjectives: definite, plural, genitive and their combinations.
    static let endings = ["s", "e", "es", "en", "ens", "er", "ers", "et", "ets", "ne", "nes", "ene", "enes",
                          "erne", "ernes", "r", "rs", "rne", "rnes", "n", "ns", "t", "ts"]

    /// The longest proper final part of `word` (at least three letters) that is its own dictionary entry.
    func inflectionExample(for word: String) -> String? {
        let characters = Array(word)
        guard characters.count > 3 else { return nil }
        for start in 1...(characters.count - 3) {
            let part = String(characters[start...])
            if stems(of: part).contains(part) { return part }
        }
        return nil
    }

    /// Calls a hunspell function that fills a list of C strings, copies the list into Swift and frees it the way
    /// hunspell requires (`Hunspell_free_list`, with the count it returned).
    private func list(_ fill: (inout UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32) -> [String] {
        var raw: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = fill(&raw)
        guard count > 0, let items = raw else { return [] }
        defer { Hunspell_free_list(handle, &raw, count) }
        return (0..<Int(count)).compactMap { items[$0].map(encoding.decode) }
    }
}

/// A word to add to a `SpellChecker`, with the dictionary entry whose inflections it takes.
struct LearnedWord: Sendable, Hashable {
    let word: String
    let example: String?

    init(_ word: String, inflectedLike example: String? = nil) {
        self.word = word
        self.example = example
    }
}

/// The character set of a hunspell dictionary, which is also the set hunspell expects words in.
enum DictionaryEncoding {
    case utf8, latin1

    init?(hunspellName: String) {
        switch hunspellName.uppercased().replacingOccurrences(of: "-", with: "") {
        case "UTF8": self = .utf8
        case "ISO88591", "LATIN1": self = .latin1
        default: return nil
        }
    }

    /// A NUL-terminated C string; nil when the word cannot be written in this set (then no dictionary word matches).
    func encode(_ word: String) -> [CChar]? {
        switch self {
        case .utf8:
            return word.utf8.map { CChar(bitPattern: $0) } + [0]
        case .latin1:
            var bytes: [CChar] = []
            for scalar in word.unicodeScalars {
                guard scalar.value <= 0xFF else { return nil }
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            }
            return bytes + [0]
        }
    }

    func decode(_ text: UnsafeMutablePointer<CChar>) -> String {
        switch self {
        case .utf8:
            return String(cString: text)
        case .latin1:
            let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
            return String(String.UnicodeScalarView((0..<strlen(text)).map { Unicode.Scalar(bytes[$0]) }))
        }
    }
}
