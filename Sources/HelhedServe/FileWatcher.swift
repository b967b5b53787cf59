import Foundation

/// Something that reports changed files under a few folders until it is stopped. Reports arrive on a background
/// thread, as absolute paths; several saves in a row may arrive as several reports (the rebuild loop debounces).
protocol FileWatching: AnyObject, Sendable {
    func stop()
}

public enum FileWatcherKind: String, Sendable {
    case inotify
    case polling
}

enum FileWatchers {
    /// inotify where the kernel offers it (and has watches to spare), polling otherwise or when asked.
    static func start(roots: [URL], forcePolling: Bool, pollInterval: Duration = .milliseconds(500),
                      onChange: @escaping @Sendable ([String]) -> Void) -> (any FileWatching, FileWatcherKind) {
        #if os(Linux)
        if !forcePolling, let watcher = InotifyWatcher(roots: roots, onChange: onChange) {
            return (watcher, .inotify)
        }
        #endif
        return (PollingWatcher(roots: roots, interval: pollInterval, onChange: onChange), .polling)
    }

    /// Editors' scratch files: swap files, backups, vim's `4913` probe and hidden files, which the build ignores
    /// too. Their churn must not trigger rebuilds; the real file's save (often a rename onto it) does.
    static func isNoise(_ name: some StringProtocol) -> Bool {
        name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || (name.hasPrefix("#") && name.hasSuffix("#"))
    }
}
