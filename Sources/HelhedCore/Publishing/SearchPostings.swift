/// The search index inverted: every key with the pages it is found on. A word gives two keys, both folded
/// (`SearchText.fold`): the word as written and its stem (`DanishStemmer.searchStem`, taken before the fold), so
/// "Helhedsplanerne" is found under `helhedsplanerne` and `helhedsplan`; a compound that ends in a glossary word is
/// also found under that word's stem (`CompoundSplitter`). A query word matches a key equal to its form (exact), to
/// its stem, or beginning with its form (see `Templates/assets/search.js`).
struct SearchPostings: Sendable {
    /// The keys in the order of their UTF-8 bytes (Unicode scalar order).
    let keys: [String]
    /// Per key, its postings in page order, each page once: `page × 8 + rank`, where `rank` is `field × 2`, plus 1
    /// when the page has the key only as a stem (not as a word written so): 0 title or alias as written, 1 its stem,
    /// 2 glossary term as written, 3 its stem, 4 text as written, 5 its stem. A page keeps its best (lowest) rank.
    let postings: [[UInt32]]

    init(entries: [SearchIndex.Entry], compounds: CompoundSplitter) {
        // 1. The site's distinct words, each with its pages (`page × 4 + field`) in page order. An entry lists a word
        // once, in its best field. Runs of consecutive pages on all cores (one loop over every word of every page was
        // most of the index's time), joined in order.
        let runLength = max(256, (entries.count + 15) / 16)
        let runs = Array(stride(from: 0, to: entries.count, by: runLength)).parallelMap { start in
            Self.distinctWords(entries[start..<min(start + runLength, entries.count)], firstPage: start)
        }
        var wordNumbers: [String: Int] = [:]
        var words: [String] = []
        var wordPages: [[UInt32]] = []
        for run in runs {
            for (word, pages) in zip(run.words, run.pages) {
                if let number = wordNumbers[word] {
                    wordPages[number] += pages
                } else {
                    wordNumbers[word] = words.count
                    words.append(word)
                    wordPages.append(pages)
                }
            }
        }
        wordNumbers = [:]
        // 2. Each word's keys. A key gathers the pages of every word that has it.
        let stemmer = DanishStemmer()
        var keyNumbers: [String: Int] = [:]
        var keys: [String] = []
        var postings: [[UInt32]] = []
        func post(_ pages: [UInt32], under key: String, stemOnly: Bool) {
            guard !key.isEmpty else { return }
            let ranked = pages.map { ($0 >> 2) << 3 | ($0 & 3) << 1 | (stemOnly ? 1 : 0) }
            if let number = keyNumbers[key] {
                postings[number] += ranked
            } else {
                keyNumbers[key] = keys.count
                keys.append(key)
                postings.append(ranked)
            }
        }
        for (number, word) in words.enumerated() {
            let form = SearchText.fold(word)
            let stem = SearchText.fold(stemmer.searchStem(word))
            post(wordPages[number], under: form, stemOnly: false)
            if stem != form { post(wordPages[number], under: stem, stemOnly: true) }
            for head in compounds.heads(of: word, stemmer: stemmer) where head != stem && head != form {
                post(wordPages[number], under: head, stemOnly: true)
            }
            wordPages[number] = []  // released as soon as posted: the two lists at once were the index's peak memory
        }
        // 3. Keys in order; each key's pages in order, once, with their best rank (the lowest value of a page).
        let order = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
        self.keys = order.map { keys[$0] }
        self.postings = order.map { number in
            defer { postings[number] = [] }
            return Self.bestPerPage(postings[number])
        }
    }

    /// The distinct words of consecutive pages, each with its pages (`page × 4 + field`), in the order found.
    private static func distinctWords(_ entries: ArraySlice<SearchIndex.Entry>, firstPage: Int) -> (words: [String], pages: [[UInt32]]) {
        var numbers: [String: Int] = [:]
        var words: [String] = []
        var pages: [[UInt32]] = []
        for (offset, entry) in entries.enumerated() {
            entry.forEachWord { bytes, field in
                let word = String(decoding: bytes, as: UTF8.self)
                let value = UInt32(firstPage + offset) << 2 | UInt32(field)
                if let number = numbers[word] {
                    pages[number].append(value)
                } else {
                    numbers[word] = words.count
                    words.append(word)
                    pages.append([value])
                }
            }
        }
        return (words, pages)
    }

    private static func bestPerPage(_ postings: [UInt32]) -> [UInt32] {
        // One word's pages: in order, each once, already.
        if !zip(postings, postings.dropFirst()).contains(where: { $0 >> 3 >= $1 >> 3 }) { return postings }
        var sorted = postings
        sorted.sort()
        var best: [UInt32] = []
        best.reserveCapacity(sorted.count)
        for posting in sorted where best.last.map({ $0 >> 3 != posting >> 3 }) ?? true { best.append(posting) }
        return best
    }
}

/// Finds the glossary words a compound ends in: "ungdomsboligerne" ends in "bolig" (from the term "almen bolig"),
/// "boligorganisationernes" in "boligorganisation". The glossary's names (titles and aliases) are the word list, so
/// "helhedsplan" is not taken for a compound of "plan", which is no term.
///
/// A word ends in a glossary word when, at least `minimumPrefix` letters in, its rest has the glossary word's stem
/// (and is at most one letter shorter than the glossary word): the rest "boligerne" stems to "bol", as "bolig" does.
struct CompoundSplitter: Sendable {
    /// Glossary words shorter than this are no compound heads ("by", "vive"): they end too many unrelated words.
    static let minimumHead = 5
    /// Letters a compound has before its head ("u" + "forpligtende" is no compound).
    static let minimumPrefix = 3
    private static let beginningLength = 3

    /// The stems (lower case, before the fold) of the glossary's words, each with the length of its shortest word.
    private var heads: [String: Int] = [:]
    /// The first letters of every stem in `heads`: a cheap test before a rest is stemmed.
    private var beginnings: Set<String> = []

    init(glossaryNames: [String]) {
        let stemmer = DanishStemmer()
        for word in glossaryNames.flatMap(SearchText.loweredWords) where word.unicodeScalars.count >= Self.minimumHead {
            let stem = stemmer.searchStem(word)
            guard stem.unicodeScalars.count >= Self.beginningLength else { continue }
            heads[stem] = min(heads[stem] ?? .max, word.unicodeScalars.count)
            beginnings.insert(String(String.UnicodeScalarView(stem.unicodeScalars.prefix(Self.beginningLength))))
        }
    }

    /// The folded stems of the glossary words that `word` (lower-cased, `SearchText.lower`) ends in as a compound.
    func heads(of word: String, stemmer: DanishStemmer) -> [String] {
        guard !heads.isEmpty else { return [] }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.minimumPrefix + Self.beginningLength else { return [] }
        var found: [String] = []
        for start in Self.minimumPrefix...(scalars.count - Self.beginningLength) {
            let beginning = String(String.UnicodeScalarView(scalars[start..<(start + Self.beginningLength)]))
            guard beginnings.contains(beginning) else { continue }
            let stem = stemmer.searchStem(String(String.UnicodeScalarView(scalars[start...])))
            guard let shortest = heads[stem], scalars.count - start >= shortest - 1 else { continue }
            found.append(SearchText.fold(stem))
        }
        return found
    }
}
