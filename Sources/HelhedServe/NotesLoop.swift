import Dispatch
import Foundation
import HelhedCore

/// The writing notes of `serve`. A rebuild hands over what it read once the reload has gone out; the pages are then
/// checked on a queue of their own, so that no reload ever waits for hunspell. The notes go into the store (each page
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

    private let store: SiteStore
    private let hub: LiveReloadHub
    private let console: ServeConsole
    private let queue = DispatchQueue(label: "helhed.serve.notes", qos: .utility)
    /// The next check to run; rebuilds that come while one runs are merged into it.
    private let pending = Locked<Job?>(nil)
    private let isStopped = Locked(false)

    // Only touched on `queue`: hunspell is not thread-safe, so the checker stays on this one queue.
    private let checker: PageNotesChecker
    private var reportedProblems: Set<Diagnostic> = []

    init(options: BuildOptions, store: SiteStore, hub: LiveReloadHub, console: ServeConsole) {
        self.store = store
        self.hub = hub
        self.console = console
        // A check of every page leaves one core to the rebuilds.
        checker = PageNotesChecker(options: options, workers: ProcessInfo.processInfo.activeProcessorCount - 1)
    }

    /// From the rebuild queue, after the reload has been sent. `everyPage`: a first build (or a new rebuilder, whose
    /// account of what changed means nothing to the notes).
    func check(_ content: SiteContent, changed: SiteChange, everyPage: Bool) {
        let isScheduled = pending.withLock { job -> Bool in
            guard let earlier = job else {
                job = Job(content: content, changed: changed, everyPage: everyPage)
                return false
            }
            job = Job(content: content, changed: Self.merge(earlier.changed, changed), everyPage: earlier.everyPage || everyPage)
            return true
        }
        if !isScheduled { queue.async { [self] in runPending() } }
    }

    /// Waits for a check in progress and drops the one that is scheduled.
    func stop() {
        isStopped.withLock { $0 = true }
        queue.sync {}
    }

    private func runPending() {
        guard let job = pending.withLock({ job in defer { job = nil }; return job }), !isStopped.current else { return }
        let started = DispatchTime.now()
        let report = checker.check(job.content, changed: job.changed, everyPage: job.everyPage)
        guard !isStopped.current else { return }

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
