/// hunspell's answers for one worker: each distinct word is asked once. Owns the worker's `SpellChecker`, so it is
/// not thread-safe either; one per worker.
final class SpellingCache {
    enum Answer {
        case known
        case unknown(suggestions: [String])
    }

    private let checker: SpellChecker
    private var answers: [String: Answer] = [:]

    /// A checker that knows the site's own words (see `WritingAids.siteWords`).
    init(siteWords: [String]) throws(Diagnostic) {
        checker = try SpellChecker()
        for word in siteWords { checker.addWithInflections(word) }
    }

    func answer(_ word: String, isFollowedByPeriod: Bool, isFollowedByHyphen: Bool) -> Answer {
        // hunspell tries "kr." without the period first, and as an abbreviation after; "skole-" as a shortened compound.
        let asked = isFollowedByPeriod ? word + "." : isFollowedByHyphen ? word + "-" : word
        if let cached = answers[asked] { return cached }
        let answer: Answer
        if checker.isCorrect(asked) || (isFollowedByHyphen && checker.isCorrect(word)) {
            answer = .known
        } else {
            answer = .unknown(suggestions: checker.suggestions(for: word, limit: 3))
        }
        answers[asked] = answer
        return answer
    }
}

/// The writing aids' pass over one page: reads its words once (`PageText`) and feeds them to the spelling check, the
/// preferred-terms check and the LIX count, locating only the words it reports.
struct PageAnalysis: PageTextVisitor {
    private let path: String
    private var locator: WordLocator
    private let spelling: SpellingCache?
    private var preferred: PreferredTerms.Matcher?
    private let bodyLineOffset: Int
    private(set) var readability = Readability()
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText, spelling: SpellingCache?, preferredTerms: PreferredTerms?, ownTerm: Int?) {
        path = source.path
        locator = WordLocator(source: source)
        self.spelling = spelling
        preferred = preferredTerms.flatMap { $0.isEmpty ? nil : PreferredTerms.Matcher($0, ownTerm: ownTerm) }
        bodyLineOffset = source.bodyLineOffset
    }

    mutating func visitText(_ bytes: UnsafeBufferPointer<UInt8>, at place: TextPlace, role: TextRole) {
        guard spelling != nil || preferred != nil else { return }
        for word in WordScanner.words(in: bytes) where !word.isInAddress {
            let wordBytes = UnsafeBufferPointer(rebasing: bytes[word.range])
            if let spelling, !word.hasDigit, word.letterCount > 1 {
                let text = String(decoding: wordBytes, as: UTF8.self)
                if case .unknown(let suggestions) = spelling.answer(text, isFollowedByPeriod: word.isFollowedByPeriod, isFollowedByHyphen: word.isFollowedByHyphen) {
                    let (line, column) = locator.locate(wordBytes, at: place)
                    let hint = suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
                    diagnostics.append(.warning(path, line: line, column: column, "unknown word '\(text)'\(hint)"))
                }
            }
            if preferred != nil, let avoided = preferred!.read(Substring(decoding: wordBytes, as: UTF8.self)) {
                let (line, column) = locator.locate(wordBytes, at: place)
                let written = String(decoding: wordBytes, as: UTF8.self)
                diagnostics.append(.warning(path, line: line, column: column,
                                            "'\(written)': the glossary asks to avoid \"\(avoided.written)\"; write \"\(avoided.termTitle)\" instead"))
            }
        }
    }

    mutating func visitRunningText(_ bytes: UnsafeBufferPointer<UInt8>, bodyLine: Int) {
        readability.add(paragraph: bytes, fileLine: bodyLine + bodyLineOffset)
    }
}
