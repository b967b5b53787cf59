import Foundation
import HelhedCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares a snapshot of every file's size, modification time and inode twice a second. For file systems without
/// inotify (network drives, some container mounts), or when asked with `--poll`.
final class PollingWatcher: FileWatching, @unchecked Sendable {
    private let roots: [String]
    private let onChange: @Sendable ([String]) -> Void
    private let queue = DispatchQueue(label: "helhed.serve.polling")
    private let timer: any DispatchSourceTimer
    /// Only touched on `queue`.
    private var stamps: [String: FileStamp] = [:]

    init(roots: [URL], interval: Duration, onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots.map { $0.standardizedFileURL.path }
        self.onChange = onChange
        timer = DispatchSource.makeTimerSource(queue: queue)
        stamps = scan()
        timer.schedule(deadline: .now() + interval.dispatchInterval, repeating: interval.dispatchInterval)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    func stop() {
        timer.cancel()
        queue.sync {}
    }

    private func tick() {
        let current = scan()
        var changed: [String] = []
        for (path, stamp) in current where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where current[path] == nil { changed.append(path) }
        stamps = current
        if !changed.isEmpty { onChange(changed.sorted()) }
    }

    private func scan() -> [String: FileStamp] {
        var found: [String: FileStamp] = [:]
        var visited: Set<UInt64> = []
        var pending = roots
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !FileWatchers.isNoise(name) {
                let path = folder + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    // Symbolic links may loop back; each real folder is walked once.
                    if visited.insert(UInt64(info.st_ino)).inserted { pending.append(path) }
                } else {
                    found[path] = FileStamp(info)
                }
            }
        }
        return found
    }
}
