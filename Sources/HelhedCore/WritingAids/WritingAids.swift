import Dispatch
import Foundation

/// What `helhed check` can tell editors about their Danish, besides broken links.
public enum WritingAid: String, Sendable, CaseIterable {
    /// Unknown words, with hunspell's suggestions (needs `hunspell-da`).
    case spelling
    /// Articles above their kind's LIX target in `site.yml` (`lix: { explainer: 40 }`).
    case readability
    /// Words a glossary term's `avoid:` list asks editors not to use.
    case preferredTerms
}

/// The writing aids over a whole site: spelling that knows the glossary, LIX, preferred terms.
///
/// Runs over pages in parallel, one worker per core. Each worker owns one `SpellChecker` (hunspell is not
/// thread-safe, and loading the dictionary is the expensive part) and one cache of hunspell's answers, so a word is
/// asked once per worker however often the site uses it.
public enum WritingAids {
    /// The LIX of one page.
    struct PageReadability: Sendable {
        let path: String
        let title: String
        let kind: ArticleKind?
        let readability: Readability
    }

    public struct Result: Sendable {
        /// Errors (a missing dictionary, a bad word list or `lix` field) and warnings, in no particular order.
        public var diagnostics: [Diagnostic] = []
        /// Every article's and term's LIX, articles first, in the site's order.
        var readability: [PageReadability] = []
        /// Each article's LIX and verdict, one line each, for `helhed check --lix`.
        public var readabilityLines: [String] { WritingAids.readabilityLines(readability) }
    }

    /// Runs `aids` over the published articles and terms of `site`; `options` says where `site.yml` and
    /// `ordliste.txt` are.
    static func check(site: Site, options: BuildOptions, aids: Set<WritingAid> = Set(WritingAid.allCases)) -> [Diagnostic] {
        run(site: site, options: options, aids: aids).diagnostics
    }

    /// `reportsReadability`: read every page for its LIX even when no kind has a target (for `check --lix`).
    static func run(site: Site, options: BuildOptions, aids: Set<WritingAid>, reportsReadability: Bool = false) -> Result {
        let knowledge = SiteKnowledge(site: site, options: options, aids: aids)
        var result = Result(diagnostics: knowledge.diagnostics)
        // Nothing to read the pages for (no dictionary, nothing avoided, no targets): `helhed check` stays as fast as it was.
        guard knowledge.needsPages || reportsReadability else { return result }
        let pages = site.articles.indices.map(PageID.article) + site.terms.indices.map(PageID.term)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, pages.count))
        var checkers: [SpellChecker]?
        if let siteWords = knowledge.siteWords {
            let made = makeCheckers(workers, teaching: siteWords)
            checkers = made.checkers
            if let failure = made.failure { result.diagnostics.append(failure) }
        }
        let analyses = analyse(pages, of: site, workers: workers, checkers: checkers, shared: SharedSpellingAnswers(),
                               preferred: knowledge.preferred)
        for (page, analysis) in zip(pages, analyses) {
            result.diagnostics += knowledge.diagnostics(of: page, in: site, analysis: analysis)
            result.readability.append(PageReadability(path: site.source(of: page).path, title: site.title(of: page),
                                                      kind: site.kind(of: page), readability: analysis.readability))
        }
        return result
    }

    /// Words the site itself establishes: every glossary title and alias (each word of one with several), and tags.
    /// Titles and tags are taught to hunspell with their inflections (`SpellChecker.learn`, which asks hunspell about
    /// each); aliases are inflected forms already, so they are added as written, without asking: a site of 1,000
    /// terms has 2,000 aliases, and asking about a long compound takes hunspell milliseconds.
    static func siteWords(_ site: Site) -> SiteWords {
        func words(_ phrases: some Sequence<String>) -> Set<String> {
            var words = Set<String>()
            for phrase in phrases {
                var bytes = Array(phrase.utf8)
                bytes.withUnsafeMutableBufferPointer { buffer in
                    for word in WordScanner.words(in: UnsafeBufferPointer(buffer)) where !word.hasDigit {
                        words.insert(String(decoding: buffer[word.range], as: UTF8.self))
                    }
                }
            }
            return words
        }
        let inflecting = words(site.terms.map(\.title) + site.articles.flatMap(\.tags))
        let aliases = words(site.terms.flatMap { $0.aliases.map(\.value) }).subtracting(inflecting)
        return SiteWords(inflecting: inflecting.sorted(), asWritten: aliases.sorted())
    }

    struct SiteWords: Sendable, Equatable {
        var inflecting: [String]
        var asWritten: [String]
    }

    /// `workers` spelling checkers, each taught the site's words: each first loads its own `SpellChecker` and works
    /// out how to teach hunspell its share of the words (`SpellChecker.learn`: a few milliseconds a word, for the
    /// words hunspell does not know); then every checker is taught all of them. nil (with the error) when the
    /// dictionary could not be read after all: spelling is then left out, not half done.
    static func makeCheckers(_ workers: Int, teaching siteWords: SiteWords) -> (checkers: [SpellChecker]?, failure: Diagnostic?) {
        let failure = FirstFailure()
        let made = UnsafeMutableBufferPointer<(SpellChecker?, [LearnedWord])>.allocate(capacity: workers)
        made.initialize(repeating: (nil, []))
        defer { made.deinitialize(); made.deallocate() }
        let madeSlots = UncheckedSendable(made)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(Diagnostic) {
                let checker = try SpellChecker()
                let words = siteWords.inflecting
                let share = stride(from: worker, to: words.count, by: workers).flatMap { checker.learn(words[$0]) }
                madeSlots.value[worker] = (checker, share)
            } catch {
                failure.record(error)
            }
        }
        let learned = siteWords.asWritten.map { LearnedWord($0) } + made.flatMap(\.1)
        let checkers = made.compactMap(\.0)
        guard checkers.count == workers else { return (nil, failure.first) }
        for checker in checkers { checker.add(learned) }
        return (checkers, nil)
    }

    /// The pages' analyses, in order, made by `workers` workers, each taking the next page as it finishes one. With
    /// `checkers` (one per worker), each worker spells with its own: hunspell is not thread-safe.
    static func analyse(_ pages: [PageID], of site: Site, workers: Int, checkers: [SpellChecker]?,
                        shared: SharedSpellingAnswers, preferred: PreferredTerms?) -> [PageResult] {
        guard !pages.isEmpty else { return [] }
        let results = UnsafeMutableBufferPointer<PageResult>.allocate(capacity: pages.count)
        results.initialize(repeating: PageResult())
        defer { results.deinitialize(); results.deallocate() }
        let slots = UncheckedSendable(results)
        let workers = min(checkers?.count ?? workers, pages.count)
        let next = PageCounter()
        let handedOut = UncheckedSendable(checkers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Each checker is used by its worker alone, on one thread at a time.
            let spelling = handedOut.value.map { SpellingCache(checker: $0[worker], shared: shared) }
            while let index = next.take(below: pages.count) {
                slots.value[index] = analyse(pages[index], of: site, spelling: spelling, preferred: preferred)
            }
        }
        return Array(results)
    }

    private static func analyse(_ page: PageID, of site: Site, spelling: SpellingCache?, preferred: PreferredTerms?) -> PageResult {
        let source = site.source(of: page)
        var analysis: PageAnalysis
        switch page {
        case .article(let index):
            let article = site.articles[index]
            analysis = PageAnalysis(source: source, spelling: spelling, preferredTerms: preferred, ownTerm: nil)
            PageText.read(body: source.body, title: article.title, summary: article.summary, into: &analysis)
        case .term(let index):
            let term = site.terms[index]
            analysis = PageAnalysis(source: source, spelling: spelling, preferredTerms: preferred, ownTerm: index)
            PageText.read(body: source.body, title: term.title, summary: term.summary, into: &analysis)
        }
        return PageResult(diagnostics: analysis.diagnostics, readability: analysis.readability)
    }

    struct PageResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var readability = Readability()
    }
}

/// Hands out page numbers to workers, each once.
private final class PageCounter: @unchecked Sendable {
    // @unchecked: `next` is only touched under `lock`.
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// The first error of the workers.
private final class FirstFailure: @unchecked Sendable {
    // @unchecked: `first` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Diagnostic?

    func record(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if stored == nil { stored = diagnostic }
    }

    var first: Diagnostic? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

extension WritingAids {
    /// `helhed check --spelling` and `--lix`: reads the content (without rendering or building anything) and runs
    /// `aids` alone. Errors that stop a page from being read are reported too, since that page goes unchecked.
    public static func checkContent(_ options: BuildOptions, aids: Set<WritingAid>) -> (result: Result, pageCount: Int) {
        var loading = Diagnostics()
        let loader = ContentLoader(root: options.contentFolder, displayRoot: options.displayName(options.contentFolder))
        guard let content = loader.load(memo: SourceMemo(enabled: false), into: &loading) else { return (Result(diagnostics: loading.errors), 0) }
        let site = Site.assemble(content, options: options.site, matcherMemo: TermMatcherMemo(enabled: false), into: &loading)
        var result = run(site: site, options: options, aids: aids, reportsReadability: aids.contains(.readability))
        result.diagnostics += loading.errors
        return (result, site.articles.count + site.terms.count)
    }

    /// One line per article: its LIX and the verdict, e.g. `Content/artikler/x.md: LIX 38 (middel), 412 words, 27 sentences`.
    static func readabilityLines(_ pages: [PageReadability]) -> [String] {
        pages.filter { $0.kind != nil }.map { page in
            guard let lix = page.readability.lix else { return "\(page.path): no running text" }
            return "\(page.path): LIX \(lix) (\(Readability.verdict(lix))), \(page.readability.wordCount) words, \(page.readability.sentenceCount) sentences"
        }
    }
}
