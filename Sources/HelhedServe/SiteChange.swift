import Foundation
import HelhedCore

/// What a rebuild changed in the served site, by site path.
struct SiteChange: Sendable, Equatable {
    var added: [String] = []
    var removed: [String] = []
    var modified: [String] = []

    var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
    var count: Int { added.count + removed.count + modified.count }
    var all: [String] { (added + removed + modified).sorted() }
}

/// Turns the files of a rebuild into a snapshot, reusing what did not change: unchanged bytes keep their ETag (so
/// browsers get 304s after a reload) and copied files are not read again while their `FileStamp` stays the same.
struct SnapshotBuilder {
    private struct CopiedFile {
        /// nil when the file could not be stat'ed; such an entry is never reused.
        let stamp: FileStamp?
        let file: ServedFile
    }

    private var copies: [String: CopiedFile] = [:]

    mutating func make(from files: [OutputFile], changedPaths: Set<String>?, previous: SiteSnapshot?,
                       encodedBasePath: String) throws(BuildFailure) -> (SiteSnapshot, SiteChange) {
        let reusable = previous?.encodedBasePath == encodedBasePath ? previous : nil
        var served: [String: ServedFile] = [:]
        served.reserveCapacity(files.count)
        var change = SiteChange()
        var seenCopies: [String: CopiedFile] = [:]

        for output in files {
            let old = reusable?.files[output.path]
            if let old, let changedPaths, !changedPaths.contains(output.path) {
                // The generator vouches that these bytes did not change.
                served[output.path] = old
                if case .copy(let source) = output.contents, let cached = copies[source.path] { seenCopies[source.path] = cached }
                continue
            }
            let file: ServedFile
            switch output.contents {
            case .text(let text):
                file = Self.reuse(old, or: Data(text.utf8), path: output.path)
            case .bytes(let bytes):
                file = Self.reuse(old, or: Data(bytes), path: output.path)
            case .copy(let source):
                file = try copy(source, to: output.path, old: old, into: &seenCopies)
            }
            served[output.path] = file
            if let old {
                if old.etag != file.etag || old.bytes != file.bytes { change.modified.append(output.path) }
            } else {
                change.added.append(output.path)
            }
        }
        if let reusable {
            change.removed = reusable.files.keys.filter { served[$0] == nil }.sorted()
        } else {
            change.added = Array(served.keys)
        }
        change.added.sort()
        change.modified.sort()
        copies = seenCopies
        let generation = (previous?.generation ?? 0) + 1
        let samePaths = reusable != nil && change.added.isEmpty && change.removed.isEmpty
        return (SiteSnapshot(files: served, encodedBasePath: encodedBasePath, generation: generation,
                             folders: samePaths ? reusable?.folders : nil), change)
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
