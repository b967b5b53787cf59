import Foundation
import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// The writing notes of `serve`. A rebuild hands over what it read once the reload has gone out; the pages are then
/// checked on a thread of its own, so that no reload ever waits for hunspell. The notes go into the store (each page
/// shows its own), to the open tabs through the live-reload stream, and those of the pages just edited to the
/// terminal.
final class NotesLoop: @unchecked Sendable {
    private struct Job {
        var content: SiteContent
        /// What changed since the last check.
        var changed: SiteChange
        var everyPage: Bool
    }

    /// A check of every page changing more pages' notes than this tells tabs to compare their ETag instead of sending
    /// each page's notes: a tab's event stream keeps only the newest 64 messages.
    static let mostPagesSentOneByOne = 50
    /// The notes thread's nice value: a check of every page (the first, or after a glossary change) takes seconds,
    /// and on a machine of two cores it must not take them from the rebuilds that come meanwhile.
    static let niceness: Int32 = 10

    private let store: SiteStore
    private let hub: LiveReloadHub
    private let console: ServeConsole
    /// Guards `pending` and `isStopped`, and wakes the thread.
    private let signal = NSCondition()
    /// The next check to run; rebuilds that come while one runs are merged into it.
    private var pending: Job?
    private var isStopped = false

    // Only touched on the notes thread: hunspell is not thread-safe, so the checker stays on that one thread.
    private let checker: PageNotesChecker
    private var reportedProblems: Set<Diagnostic> = []

    init(options: BuildOptions, store: SiteStore, hub: LiveReloadHub, console: ServeConsole) {
        self.store = store
        self.hub = hub
        self.console = console
        // A check of every page leaves one core to the rebuilds.
        checker = PageNotesChecker(options: options, workers: ProcessInfo.processInfo.activeProcessorCount - 1)
        let thread = Thread { [self] in loop() }
        thread.name = "helhed.serve.notes"
        thread.start()
    }

    /// From the rebuild queue, after the reload has been sent. `everyPage`: a first build (or a new rebuilder, whose
    /// account of what changed means nothing to the notes).
    func check(_ content: SiteContent, changed: SiteChange, everyPage: Bool) {
        signal.lock()
        defer { signal.unlock() }
        if let earlier = pending {
            pending = Job(content: content, changed: Self.merge(earlier.changed, changed), everyPage: earlier.everyPage || everyPage)
        } else {
            pending = Job(content: content, changed: changed, everyPage: everyPage)
        }
        signal.signal()
    }

    /// Drops the scheduled check and ends the thread. A check in progress (of every page, it can take a minute) is
    /// not waited for: it finishes unseen, and stopping stays quick.
    func stop() {
        signal.lock()
        defer { signal.unlock() }
        isStopped = true
        signal.broadcast()
    }

    private func loop() {
        // On Linux the nice value belongs to the thread: this lowers this one thread only.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
        while let job = nextJob() { run(job) }
    }

    /// The next job, once there is one; nil once stopped.
    private func nextJob() -> Job? {
        signal.lock()
        defer { signal.unlock() }
        while pending == nil && !isStopped { signal.wait() }
        guard !isStopped else { return nil }
        defer { pending = nil }
        return pending
    }

    private func run(_ job: Job) {
        let started = DispatchTime.now()
        let report = checker.check(job.content, changed: job.changed, everyPage: job.everyPage)
        guard !signal.withLock({ isStopped }) else { return }

        for problem in report.problems where !reportedProblems.contains(problem) { console.problem(problem.description) }
        reportedProblems = Set(report.problems)
        if report.checkedEveryPage { store.keepNotes(of: Set(report.pages.map(\.sitePath))) }
        var updated: [(file: String, html: String)] = []
        for page in report.pages {
            let html = WritingNotes.html(for: page)
            if store.setNotes(html, for: page.sitePath) { updated.append((page.sitePath, html ?? "")) }
        }
        if updated.count <= Self.mostPagesSentOneByOne {
            for (file, html) in updated { hub.send(event: "notes", json: RebuildLoop.json(["file": file, "html": html])) }
        } else {
            hub.send(event: "notes", json: RebuildLoop.json(["all": true]))
        }

        for page in report.pages where report.changedPages.contains(page.sitePath) {
            for note in page.notes { console.problem(note.description) }
        }
        if report.checkedEveryPage {
            let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
            console.info(WritingNotes.summary(of: report, milliseconds: milliseconds))
        }
    }

    private static func merge(_ earlier: SiteChange, _ later: SiteChange) -> SiteChange {
        SiteChange(added: earlier.added + later.added, removed: earlier.removed + later.removed,
                   modified: earlier.modified + later.modified)
    }
}
