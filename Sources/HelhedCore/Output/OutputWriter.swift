import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files of a site: folders and files across all cores, the system's words for a failure, and the checks on
/// where the output folder may be. (`DiskSink` decides what is written where; `OutputJournal` changes the output.)
///
/// A build stages its files in `.Public.helhed-<pid>` beside the output folder and holds an exclusive `flock` on it for
/// as long as it runs; the kernel drops it when the process dies, however it dies, so the next command knows a
/// leftover by the lock it can take (a process id alone could be reused by an unrelated process).
enum OutputWriter {
    static let stagingMarker = ".helhed-"

    /// The operating system's words for the last error (`No space left on device`).
    static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// `mkdir -p`, with the folder that could not be made and the system's reason.
    static func makeFolders(_ path: String) -> (path: String, reason: String)? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : (path, reason(ENOTDIR))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path, let problem = makeFolders(parent) { return problem }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return (path, reason()) }
        return nil
    }

    /// Where `output` would destroy or swallow the site's own folders: the output folder ends up holding the site alone, so it
    /// must be neither the content or templates folder, nor hold them, nor lie inside them.
    static func overlapProblems(output: URL, sources: [(folder: URL, name: String)], displayName: String) -> [Diagnostic] {
        let outputPath = resolved(output)
        return sources.compactMap { source in
            let sourcePath = resolved(source.folder)
            let relation: String
            if outputPath == sourcePath {
                relation = "is the \(source.name) folder"
            } else if sourcePath.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
                relation = "holds the \(source.name) folder"
            } else if outputPath.hasPrefix(sourcePath + "/") {
                relation = "is inside the \(source.name) folder"
            } else {
                return nil
            }
            return .error(displayName, "the output folder \(relation); a build deletes everything in the output folder that is not part of the site, so choose another --output")
        }
    }

    /// The real path of a folder, or of its nearest existing ancestor followed by the rest.
    private static func resolved(_ url: URL) -> String {
        let standardized = url.standardizedFileURL
        if FileManager.default.fileExists(atPath: standardized.path) { return standardized.resolvingSymlinksInPath().path }
        let parent = standardized.deletingLastPathComponent()
        if parent.path == standardized.path { return standardized.path }
        let base = resolved(parent)
        return (base == "/" ? "" : base) + "/" + standardized.lastPathComponent
    }

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Folders first, then every file, both across all cores. Each page has a folder of its own (`artikler/x/`), so
    /// a site has about as many folders as files: folders are made with `mkdir` directly, a level at a time (the
    /// few top ones first), each level in parallel; one that an earlier batch made already is fine. (Nothing is
    /// remembered between batches: small strings kept from each batch would pin the freed pages around them.)
    static func writeFiles(_ files: [OutputFile], into folder: URL) throws {
        let root = folder.path
        var folders: Set<Substring> = [""]
        var foldersByDepth: [[Substring]] = []
        for path in files.map(\.path) {
            var depth = 0
            var end = path.startIndex
            // Slashes found in the UTF-8, as the file system sees the path (and without breaking it into Characters,
            // which cost more than the rest of this loop for the tens of thousands of paths of a large site).
            while let slash = path.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                let prefix = path[..<slash]
                if folders.insert(prefix).inserted {
                    while foldersByDepth.count <= depth { foldersByDepth.append([]) }
                    foldersByDepth[depth].append(prefix)
                }
                depth += 1
                end = path.utf8.index(after: slash)
            }
        }
        for level in foldersByDepth {
            let failures = level.parallelMap { path -> String? in
                Glibc.mkdir(root + "/" + path, 0o755) == 0 || errno == EEXIST ? nil : "\(path): \(reason())"
            }
            if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
        }
        let failures = files.parallelMap { file -> String? in
            do {
                try write(file, to: root + "/" + file.path)
                return nil
            } catch {
                return "\(file.path): \(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
    }

    /// One `open`, one `write` loop and one `close` per file.
    private static func write(_ file: OutputFile, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: reason()) }
        defer { close(descriptor) }
        switch file.contents {
        case .text(var text):
            try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        case .bytes(let bytes):
            try bytes.withUnsafeBytes { try writeAll($0, to: descriptor) }
        case .copy:
            let data = try file.data()
            try data.withUnsafeBytes { try writeAll($0, to: descriptor) }
        }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: reason())
            }
            offset += written
        }
    }
}
