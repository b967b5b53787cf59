import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that the output folder is only ever the complete old site or the complete new one: everything
/// goes into a staging folder beside it, which is then swapped in with one atomic rename.
public enum OutputWriter {
    static let stagingMarker = ".helhed-"

    public static func write(_ files: [OutputFile], to output: URL, displayName: String) throws(BuildFailure) {
        let staged = StagedOutput(output: output, displayName: displayName)
        do {
            try staged.write(files)
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Staging folders of builds that were killed; a folder whose process is still running is left alone.
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent)\(stagingMarker)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Folders first, then every file, both across all cores. Each page has a folder of its own (`artikler/x/`), so
    /// a site has about as many folders as files: folders are made with `mkdir` directly, a level at a time (the
    /// few top ones first), each level in parallel; one that an earlier batch made already is fine. (Nothing is
    /// remembered between batches: small strings kept from each batch would pin the freed pages around them.)
    static func writeFiles(_ files: [OutputFile], into folder: URL, makingFoldersFor otherPaths: [String] = []) throws {
        let root = folder.path
        var folders: Set<Substring> = [""]
        var foldersByDepth: [[Substring]] = []
        for path in files.map(\.path) + otherPaths {
            var depth = 0
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                let prefix = path[..<slash]
                if folders.insert(prefix).inserted {
                    while foldersByDepth.count <= depth { foldersByDepth.append([]) }
                    foldersByDepth[depth].append(prefix)
                }
                depth += 1
                end = path.index(after: slash)
            }
        }
        for level in foldersByDepth {
            let failures = level.parallelMap { path -> String? in
                Glibc.mkdir(root + "/" + path, 0o755) == 0 || errno == EEXIST ? nil : "\(path): \(String(cString: strerror(errno)))"
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
        guard descriptor >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
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
                throw WriteError(description: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// A site being written: files go into a staging folder beside the output, in as many batches as the caller likes
/// (`helhed build` writes pages while it renders the rest, so the whole site never has to be in memory), and
/// `commit` swaps the staging folder in. The staging folder is made at the first write, after the content has been
/// checked, so a build with content errors reports those and nothing about the output folder. Used from one thread.
public final class StagedOutput {
    private let output: URL
    private let displayName: String
    private var staging: URL?
    private var outputExists = false

    public init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    deinit { discard() }

    private func failure(_ message: String) -> BuildFailure { BuildFailure([.error(displayName, message)]) }

    public func write(_ files: [OutputFile]) throws(BuildFailure) {
        let staging = try stagingFolder()
        do {
            try OutputWriter.writeFiles(files, into: staging)
        } catch {
            discard()
            throw failure("writing the site failed: \(error)")
        }
        // The previous batch's pages have been freed by now; without this, glibc keeps that memory in its
        // per-thread arenas.
        helhed_release_free_memory()
    }

    /// Writes one file whose bytes `produce` hands over in pieces (to `write`), so it is never whole in memory.
    public func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure) {
        let staging = try stagingFolder()
        do {
            try OutputWriter.writeFiles([], into: staging, makingFoldersFor: [path])
        } catch {
            discard()
            throw failure("writing the site failed: \(error)")
        }
        let descriptor = open(staging.path + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw failure("writing the site failed: \(path): \(reason)")
        }
        defer { close(descriptor) }
        try produce { (piece) throws(BuildFailure) in
            do {
                try piece.withUnsafeBytes { try OutputWriter.writeAll($0, to: descriptor) }
            } catch {
                discard()
                throw failure("writing the site failed: \(path): \(error)")
            }
        }
    }

    /// Swaps the staging folder in for the output folder (atomically when there is one already).
    public func commit() throws(BuildFailure) {
        let staging = try stagingFolder()
        let fileManager = FileManager.default
        self.staging = nil
        if outputExists {
            // Atomic swap: there is no moment at which the output folder is missing or half-written.
            guard helhed_exchange_paths(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: staging)
                throw failure("cannot replace the output folder: \(reason)")
            }
            try? fileManager.removeItem(at: staging)  // now the previous site
        } else {
            guard rename(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: staging)
                throw failure("cannot create the output folder: \(reason)")
            }
        }
    }

    /// Removes what was staged; the output folder is left as it was.
    public func discard() {
        guard let staging else { return }
        self.staging = nil
        try? FileManager.default.removeItem(at: staging)
    }

    private func stagingFolder() throws(BuildFailure) -> URL {
        if let staging { return staging }
        return try prepare()
    }

    private func prepare() throws(BuildFailure) -> URL {
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { throw failure("the output exists but is not a folder") }
        if exists && fileManager.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw failure("the output folder holds a git repository; refusing to replace it (choose another --output)")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        OutputWriter.removeLeftovers(of: output)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent)\(OutputWriter.stagingMarker)\(getpid())")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw failure("cannot write beside the output folder (in \(parent.path)): \(error.localizedDescription)")
        }
        outputExists = exists
        self.staging = staging
        return staging
    }
}
