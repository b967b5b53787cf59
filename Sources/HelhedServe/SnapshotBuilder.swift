import Foundation
import HelhedCore

/// Turns the files of a rebuild into a snapshot, reusing what did not change: unchanged bytes keep their ETag (so
/// browsers get 304s after a reload) and copied files are not read again while their `FileStamp` stays the same.
struct SnapshotBuilder {
    private struct CopiedFile {
        /// nil when the file could not be stat'ed; such an entry is never reused.
        let stamp: FileStamp?
        let file: ServedFile
    }

    private var copies: [String: CopiedFile] = [:]

    /// The snapshot of a rebuild's files. `change` is the core's account of what changed since the rebuild before
    /// (nil: a new rebuilder, whose account means nothing to this snapshot); every other file keeps the old snapshot's
    /// bytes and ETag, so browsers get 304s after a reload.
    mutating func make(from files: [OutputFile], change: SiteChange?, previous: SiteSnapshot?,
                       encodedBasePath: String) throws(BuildFailure) -> (SiteSnapshot, SiteChange) {
        let reusable = previous?.encodedBasePath == encodedBasePath ? previous : nil
        let change = reusable == nil ? nil : change
        let changed = Set(change.map { $0.added + $0.modified } ?? [])
        var served: [String: ServedFile] = [:]
        served.reserveCapacity(files.count)
        var seenCopies: [String: CopiedFile] = [:]

        for output in files {
            if change != nil, !changed.contains(output.path), let old = reusable?.files[output.path] {
                served[output.path] = old
                if case .copy(let source) = output.contents, let cached = copies[source.path] { seenCopies[source.path] = cached }
                continue
            }
            let old = reusable?.files[output.path]
            switch output.contents {
            case .text(let text):
                served[output.path] = Self.reuse(old, or: Data(text.utf8), path: output.path)
            case .bytes(let bytes):
                served[output.path] = Self.reuse(old, or: Data(bytes), path: output.path)
            case .copy(let source):
                served[output.path] = try copy(source, to: output.path, old: old, into: &seenCopies)
            }
        }
        copies = seenCopies
        let generation = (previous?.generation ?? 0) + 1
        let samePaths = change.map { $0.added.isEmpty && $0.removed.isEmpty } ?? false
        let snapshot = SiteSnapshot(files: served, encodedBasePath: encodedBasePath, generation: generation,
                                    folders: samePaths ? reusable?.folders : nil)
        return (snapshot, change ?? SiteChange(added: served.keys.sorted()))
    }

    private static func reuse(_ old: ServedFile?, or bytes: Data, path: String) -> ServedFile {
        if let old, old.bytes == bytes { return old }
        return ServedFile(bytes: bytes, path: path)
    }

    private mutating func copy(_ source: URL, to path: String, old: ServedFile?,
                               into seen: inout [String: CopiedFile]) throws(BuildFailure) -> ServedFile {
        let stamp = FileStamp(path: source.path)
        if let stamp, let cached = copies[source.path], cached.stamp == stamp {
            seen[source.path] = cached
            return cached.file
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: source)
        } catch {
            throw BuildFailure([.error(DisplayPath.of(source), "cannot read this file: \(error.localizedDescription)")])
        }
        let file = Self.reuse(old, or: bytes, path: path)
        seen[source.path] = CopiedFile(stamp: stamp, file: file)
        return file
    }
}
