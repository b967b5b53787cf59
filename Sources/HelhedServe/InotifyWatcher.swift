#if os(Linux)
import Foundation
import Glibc

/// Watches folder trees with inotify: one watch per folder, added for new folders as they appear. Catches editors'
/// atomic saves (write a temporary file, rename it over the original) through `IN_MOVED_TO`.
final class InotifyWatcher: FileWatching, @unchecked Sendable {
    private let descriptor: Int32
    /// A pipe `stop()` writes to, to wake the reading thread at once: [read end, write end].
    private let wakeUp: [Int32]
    private let onChange: @Sendable ([String]) -> Void
    /// Watch descriptor → the folder it watches. Written by `init` and then only by the reading thread.
    private let folders = Locked<[Int32: String]>([:])
    private let isStopping = Locked(false)
    /// The watched roots; one that is deleted and created again (a `git checkout`, a restore) is watched anew.
    private let roots: [String]
    private var missingRoots: Set<String> = []
    private let finished = DispatchSemaphore(value: 0)

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify cannot be used (no kernel support, or too few watches left); the caller falls back to polling.
    init?(roots: [URL], onChange: @escaping @Sendable ([String]) -> Void) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        var pipeEnds: [Int32] = [-1, -1]
        let piped = pipe(&pipeEnds) == 0
        wakeUp = pipeEnds
        guard descriptor >= 0, piped else {
            if descriptor >= 0 { close(descriptor) }
            wakeUp.filter { $0 >= 0 }.forEach { close($0) }
            return nil
        }
        self.onChange = onChange
        self.roots = roots.map { $0.standardizedFileURL.path }
        for root in self.roots {
            guard addWatches(under: root) else {
                close(descriptor)
                wakeUp.forEach { close($0) }
                return nil
            }
        }
        let thread = Thread { [self] in readLoop() }
        thread.name = "helhed-inotify"
        thread.start()
    }

    func stop() {
        let wasStopping = isStopping.withLock { stopping in
            defer { stopping = true }
            return stopping
        }
        guard !wasStopping else { return }
        var byte: UInt8 = 1
        _ = write(wakeUp[1], &byte, 1)
        finished.wait()
        close(descriptor)
        wakeUp.forEach { close($0) }
    }

    /// Watches `folder` and every folder below it; returns the files found, so a folder that arrived whole (moved in,
    /// unpacked) counts as changed.
    @discardableResult
    private func addWatches(under folder: String) -> Bool {
        var pending = [folder]
        var added = false
        while let current = pending.popLast() {
            let watch = inotify_add_watch(descriptor, current, Self.mask)
            guard watch >= 0 else {
                // The root must be watchable; a sub-folder that vanished in the meantime need not be.
                if current == folder { return false }
                continue
            }
            added = true
            folders.withLock { $0[watch] = current }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = current + "/" + name
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    pending.append(path)
                }
            }
        }
        return added
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopping.current {
            var requests = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                            pollfd(fd: wakeUp[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&requests, 2, 1000)
            rewatchReturnedRoots()
            guard ready > 0, requests[0].revents & Int16(POLLIN) != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let changed = parse(buffer, count: count)
            if !changed.isEmpty { onChange(changed) }
        }
        finished.signal()
    }

    private func forgetWatches(under root: String) {
        let stale = folders.withLock { folders in
            let stale = folders.filter { $0.value == root || $0.value.hasPrefix(root + "/") }.map(\.key)
            for watch in stale { folders.removeValue(forKey: watch) }
            return stale
        }
        for watch in stale { inotify_rm_watch(descriptor, watch) }
    }

    /// Only called on the reading thread, like `parse`.
    private func rewatchReturnedRoots() {
        guard !missingRoots.isEmpty else { return }
        for root in missingRoots where FileManager.default.fileExists(atPath: root) && addWatches(under: root) {
            missingRoots.remove(root)
            onChange([root])
        }
    }

    private func parse(_ buffer: [UInt8], count: Int) -> [String] {
        var changed: [String] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + nameLength

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost; a rebuild sees everything anyway.
                changed.append("(many files)")
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                if let folder = folders.withLock({ $0.removeValue(forKey: watch) }), roots.contains(folder) {
                    missingRoots.insert(folder)
                    changed.append(folder)
                }
                continue
            }
            guard let folder = folders.withLock({ $0[watch] }) else { continue }
            if mask & UInt32(IN_MOVE_SELF) != 0, roots.contains(folder) {
                // The watches follow the moved folder; whatever appears at the old path is watched anew.
                forgetWatches(under: folder)
                missingRoots.insert(folder)
                changed.append(folder)
                continue
            }
            if name.isEmpty {
                changed.append(folder)
                continue
            }
            if FileWatchers.isNoise(name) { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                addWatches(under: path)
            }
            changed.append(path)
        }
        return changed
    }
}
#endif
