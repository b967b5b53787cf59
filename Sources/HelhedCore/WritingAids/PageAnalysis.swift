import Foundation

/// hunspell's answer for a word.
enum SpellingAnswer: Sendable {
    case known
    case unknown(suggestions: [String])
}

/// The answers every worker has had, so that a word is asked of hunspell once for the whole site: a long Danish
/// compound takes hunspell milliseconds. Workers look in their own `SpellingCache` first, and here only on a miss.
final class SharedSpellingAnswers: @unchecked Sendable {
    // @unchecked: `answers` is only touched under `lock`.
    private let lock = NSLock()
    private var answers: [String: SpellingAnswer] = [:]

    subscript(word: String) -> SpellingAnswer? {
        get { lock.lock(); defer { lock.unlock() }; return answers[word] }
        set { lock.lock(); defer { lock.unlock() }; answers[word] = newValue }
    }
}

/// One worker's spelling: its own `SpellChecker` (not thread-safe, so one per worker) and its own answers, backed by
/// the answers all workers share.
final class SpellingCache {
    let checker: SpellChecker
    private let shared: SharedSpellingAnswers
    private var answers: [String: SpellingAnswer] = [:]

    init(checker: SpellChecker, shared: SharedSpellingAnswers) {
        self.checker = checker
        self.shared = shared
    }

    func answer(_ word: String, isFollowedByPeriod: Bool, isFollowedByHyphen: Bool) -> SpellingAnswer {
        // hunspell tries "kr." without the period first and then as an abbreviation; "skole-" as a shortened compound.
        let asked = isFollowedByPeriod ? word + "." : isFollowedByHyphen ? word + "-" : word
        if let cached = answers[asked] { return cached }
        if let cached = shared[asked] {
            answers[asked] = cached
            return cached
        }
        let answer: SpellingAnswer
        if checker.isCorrect(asked) || (asked != word && checker.isCorrect(word)) {
            answer = .known
        } else {
            answer = .unknown(suggestions: checker.suggestions(for: word, limit: 3))
        }
        answers[asked] = answer
        shared[asked] = answer
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
