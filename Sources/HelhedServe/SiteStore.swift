import HelhedCore

/// The site being served and the state of the latest rebuild. Requests read it, the rebuild queue swaps it; a lock
/// makes each swap atomic, so a request sees the old site or the new one, whole.
final class SiteStore: Sendable {
    struct State: Sendable {
        /// The last site that built; nil until the first build succeeds.
        var site: SiteSnapshot?
        /// The problems of the latest rebuild when it failed; nil when it succeeded.
        var failure: [Diagnostic]?
        /// The banner shown on every page while `failure` is set.
        var banner: String?
        /// The writing notes shown on each page that has some, by the page's site path; they outlive rebuilds until
        /// the page is checked again.
        var notes: [String: String] = [:]
    }

    private let state = Locked(State())
    /// The language of the banner.
    let messages: MessageLanguage

    init(messages: MessageLanguage) {
        self.messages = messages
    }

    var current: State { state.current }

    func publish(_ site: SiteSnapshot) {
        state.withLock { state in
            state = State(site: site, failure: nil, banner: nil, notes: state.notes)
        }
    }

    /// Keeps the last good site and remembers why the newest one did not build; returns the banner.
    @discardableResult
    func fail(with diagnostics: [Diagnostic]) -> String {
        state.withLock { state in
            let banner = PageInjection.banner(for: diagnostics, hasGoodSite: state.site != nil, in: messages)
            state.failure = diagnostics
            state.banner = banner
            return banner
        }
    }

    /// Sets or (with nil) clears a page's notes; false when they were already so.
    func setNotes(_ html: String?, for sitePath: String) -> Bool {
        state.withLock { state in
            guard state.notes[sitePath] != html else { return false }
            state.notes[sitePath] = html
            return true
        }
    }

    /// Forgets the notes of pages that are gone.
    func keepNotes(of sitePaths: Set<String>) {
        state.withLock { state in
            state.notes = state.notes.filter { sitePaths.contains($0.key) }
        }
    }
}
