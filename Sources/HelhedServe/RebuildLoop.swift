import Foundation
import HelhedCore

/// Rebuilds the site after saves — debounced, one rebuild at a time, on a queue of its own so that building never
/// blocks the server's tasks — and then tells the store, the open tabs and the terminal.
final class RebuildLoop: @unchecked Sendable {
    struct Settings: Sendable {
        var build: BuildOptions
        /// From `--base-url`; otherwise the path of `base_url` in `site.yml` is used, re-read before every rebuild.
        var explicitBaseURL: BaseURL?
        /// `http://127.0.0.1:8000`: the site is built for the address it is served at.
        var origin: String
        var debounce: Duration
        var makeRebuilder: SiteRebuilderFactory
        var messages: MessageLanguage
    }

    private let settings: Settings
    private let store: SiteStore
    private let hub: LiveReloadHub
    private let console: ServeConsole
    private let notes: NotesLoop
    private let queue = DispatchQueue(label: "helhed.serve.rebuild", qos: .userInitiated)
    /// A steady stream of saves still gets a rebuild this often.
    private let longestWait = DispatchTimeInterval.seconds(1)

    // Only touched on `queue`.
    private var rebuilder: (any SiteRebuilding)?
    private var rebuilderBaseURL: BaseURL?
    private var snapshots = SnapshotBuilder()
    private var pending: [String] = []
    private var firstPendingAt: DispatchTime?
    private var changeMark = 0
    private var reportedWarnings: Set<Diagnostic> = []
    private var lastBasePath = "/"
    private var isStopped = false

    init(settings: Settings, store: SiteStore, hub: LiveReloadHub, console: ServeConsole, notes: NotesLoop) {
        self.notes = notes
        self.settings = settings
        self.store = store
        self.hub = hub
        self.console = console
    }

    /// The first build, before the watcher starts.
    func buildInitially() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [self] in
                rebuild(trigger: [])
                continuation.resume()
            }
        }
    }

    /// From the watcher's thread. Rebuilds once the saves have been quiet for the debounce interval.
    func noteChanges(_ paths: [String]) {
        queue.async { [self] in
            for path in paths where !pending.contains(path) { pending.append(path) }
            if firstPendingAt == nil { firstPendingAt = .now() }
            changeMark += 1
            let mark = changeMark
            queue.asyncAfter(deadline: .now() + settings.debounce.dispatchInterval) { [self] in
                guard !pending.isEmpty, let firstPendingAt else { return }
                guard mark == changeMark || DispatchTime.now() >= firstPendingAt + longestWait else { return }
                let trigger = pending
                pending = []
                self.firstPendingAt = nil
                rebuild(trigger: trigger)
            }
        }
    }

    /// Waits for a rebuild in progress and drops any that are scheduled.
    func stop() {
        queue.sync { isStopped = true }
    }

    // MARK: - One rebuild

    private func rebuild(trigger: [String]) {
        guard !isStopped else { return }
        let started = DispatchTime.now()
        let (options, encodedBasePath) = currentOptions()
        let rebuilder: any SiteRebuilding
        let isFresh: Bool
        if let existing = self.rebuilder, rebuilderBaseURL == options.site.baseURL {
            rebuilder = existing
            isFresh = false
        } else {
            rebuilder = settings.makeRebuilder(options)
            self.rebuilder = rebuilder
            rebuilderBaseURL = options.site.baseURL
            isFresh = true
        }
        let before = store.current
        let cause = Self.describe(trigger)

        do {
            let output = try rebuilder.rebuild()
            // A new rebuilder's first "changed since last time" means nothing to this snapshot: everything is new.
            let (snapshot, change) = try snapshots.make(from: output.files, change: isFresh ? nil : output.change,
                                                        previous: before.site, encodedBasePath: encodedBasePath)
            store.publish(snapshot)
            report(output.warnings)
            if before.failure != nil { hub.send(event: "fixed", json: "{}") }
            let plan = before.site == nil ? ReloadPlan.reloadEverything : ReloadPlan.plan(for: change, from: before.site, to: snapshot)
            announce(plan, in: snapshot)
            let milliseconds = String(Self.milliseconds(since: started))
            if trigger.isEmpty {
                console.info(say(Message(.firstBuilt, ["milliseconds": milliseconds, "pages": String(output.renderedPageCount),
                                                       "files": String(snapshot.files.count)])))
            } else {
                console.info(say(Message(output.renderedPageCount == 1 ? .rebuiltOnePage : .rebuilt,
                                         ["clock": Self.clock(), "milliseconds": milliseconds, "pages": String(output.renderedPageCount)],
                                         parts: ["cause": cause, "change": Self.describe(change), "plan": Self.describe(plan)])))
            }
            // The writing notes come after the reload, from their own queue: a rebuild never waits for hunspell.
            if let content = output.content { notes.check(content, changed: isFresh ? SiteChange() : output.change, everyPage: isFresh) }
        } catch {
            // The problems in the files just saved come first: the others are usually their consequences.
            let saved = Set(trigger.map { DisplayPath.of($0) })
            let diagnostics = error.diagnostics.filter { saved.contains($0.path) } + error.diagnostics.filter { !saved.contains($0.path) }
            let banner = store.fail(with: diagnostics)
            hub.send(event: "failed", json: Self.json(["html": banner]))
            for diagnostic in diagnostics { console.problem(diagnostic.rendered(in: settings.messages)) }
            let count = diagnostics.filter { $0.severity == .error }.count
            let errors = Message.count(count, one: .errorsOne, many: .errorsMany)
            let milliseconds = String(Self.milliseconds(since: started))
            let still = Message(before.site == nil ? .nothingToServe : .stillServing)
            console.problem(say(trigger.isEmpty
                ? Message(.firstBuildFailed, ["milliseconds": milliseconds], parts: ["errors": errors, "still": still])
                : Message(.rebuildFailed, ["clock": Self.clock(), "milliseconds": milliseconds],
                          parts: ["cause": cause, "errors": errors, "still": still])))
        }
    }

    private func currentOptions() -> (BuildOptions, String) {
        let path = settings.explicitBaseURL?.path ?? configuredBasePath() ?? lastBasePath
        lastBasePath = path
        var options = settings.build
        guard let baseURL = BaseURL(settings.origin + path) else { return (options, "/") }
        options.site.baseURL = baseURL
        return (options, baseURL.path)
    }

    /// Only the path of `base_url` matters here; the build reports any problem with the file itself.
    private func configuredBasePath() -> String? {
        SiteConfig.read(contentFolder: settings.build.contentFolder)?.baseURL.path
    }

    /// Warnings are printed when they first appear, not again on every rebuild.
    private func report(_ warnings: [Diagnostic]) {
        let current = Set(warnings)
        for warning in warnings where !reportedWarnings.contains(warning) { console.problem(warning.rendered(in: settings.messages)) }
        reportedWarnings = current
    }

    private func announce(_ plan: ReloadPlan, in site: SiteSnapshot) {
        switch plan {
        case .nothing:
            break
        case .swapStylesheets(let swaps):
            hub.send(event: "css", json: Self.json(["swaps": swaps]))
        case .reload(let paths) where paths.count <= 1000:
            hub.send(event: "reload", json: Self.json(ReloadMessage(all: false, files: paths, urls: paths.map(site.url(of:)))))
        case .reload, .reloadEverything:
            hub.send(event: "reload", json: Self.json(ReloadMessage(all: true, files: [], urls: [])))
        }
    }

    private struct ReloadMessage: Encodable {
        let all: Bool
        let files: [String]
        let urls: [String]
    }

    // MARK: - Words for the terminal

    private func say(_ message: Message) -> String { message.rendered(in: settings.messages) }

    static func describe(_ trigger: [String]) -> Message {
        // Editors' temporary files (`sed -i`'s `sedAb12Cd`, a save's `x.md.tmp`) are gone by now; name what is left,
        // unless nothing is, which is what a deletion looks like.
        let existing = trigger.filter { FileManager.default.fileExists(atPath: $0) }
        let names = (existing.isEmpty ? trigger : existing).map { DisplayPath.of($0) }
        switch names.count {
        case 0: return Message(.causeStart)
        case 1: return Message(.causeOneFile, ["file": names[0]])
        case 2: return Message(.causeTwoFiles, ["file": names[0], "other": names[1]])
        default: return Message(.causeManyFiles, ["file": names[0], "count": String(names.count - 1)])
        }
    }

    static func describe(_ change: SiteChange) -> Message {
        switch change.count {
        case 0: return Message(.noOutputChanged)
        case 1: return Message(.outputFileChanged, ["files": change.all.joined(separator: ", ")])
        case 2: return Message(.outputFilesChanged, ["count": "2", "files": change.all.joined(separator: ", ")])
        default: return Message(.outputManyFilesChanged, ["count": String(change.count)])
        }
    }

    static func describe(_ plan: ReloadPlan) -> Message {
        switch plan {
        case .nothing: Message(.nothing)
        case .swapStylesheets: Message(.stylesheetSwapped)
        case .reload, .reloadEverything: Message(.tabsReload)
        }
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    private static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Duration {
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
