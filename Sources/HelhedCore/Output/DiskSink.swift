import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A site being written: files go into a staging folder beside the output, in as many batches as the caller likes
/// (`helhed build` writes pages while it renders the rest, so the whole site never has to be in memory), and
/// `commit` swaps the staging folder in. The staging folder is made at the first write, after the content has been
/// checked, so a build with content errors reports those and nothing about the output folder. Used from one thread.
final class DiskSink: OutputSink {
    private let output: URL
    private let displayName: String
    private var staging: URL?
    private var outputExists = false
    /// The staging folder's `flock`, held while it exists: no other build takes it for a leftover meanwhile.
    private var lock: Int32 = -1

    init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    deinit { discard() }

    private func failure(_ message: String) -> BuildFailure { BuildFailure([.error(displayName, message)]) }

    /// Discards what was staged and says why writing stopped.
    private func writingFailed(_ detail: String) -> BuildFailure {
        discard()
        return failure("writing the site failed: \(detail); nothing in the output folder has changed")
    }

    func write(_ files: [OutputFile]) throws(BuildFailure) {
        let staging = try stagingFolder()
        do {
            try OutputWriter.writeFiles(files, into: staging)
        } catch {
            throw writingFailed("\(error)")
        }
    }

    /// Writes one file whose bytes `produce` hands over in pieces (to `write`), so it is never whole in memory.
    func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure) {
        let staging = try stagingFolder()
        let file = staging.appendingPathComponent(path)
        if let problem = OutputWriter.makeFolders(file.deletingLastPathComponent().path) {
            throw writingFailed("\(problem.path): \(problem.reason)")
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writingFailed("\(path): \(OutputWriter.reason())") }
        defer { close(descriptor) }
        try produce { (piece) throws(BuildFailure) in
            do {
                try piece.withUnsafeBytes { try OutputWriter.writeAll($0, to: descriptor) }
            } catch {
                throw writingFailed("\(path): \(error)")
            }
        }
    }

    /// Swaps the staging folder in for the output folder (atomically when there is one already).
    func commit() throws(BuildFailure) {
        let staging = try stagingFolder()
        let fileManager = FileManager.default
        self.staging = nil
        defer { releaseLock() }
        if outputExists {
            // Atomic swap: there is no moment at which the output folder is missing or half-written.
            guard helhed_exchange_paths(staging.path, output.path) == 0 else {
                let reason = OutputWriter.reason()
                try? fileManager.removeItem(at: staging)
                throw failure("cannot replace the output folder: \(reason)")
            }
            try? fileManager.removeItem(at: staging)  // now the previous site
        } else {
            guard rename(staging.path, output.path) == 0 else {
                let reason = OutputWriter.reason()
                try? fileManager.removeItem(at: staging)
                throw failure("cannot create the output folder: \(reason)")
            }
        }
    }

    /// Removes what was staged; the output folder is left as it was.
    func discard() {
        defer { releaseLock() }
        guard let staging else { return }
        self.staging = nil
        try? FileManager.default.removeItem(at: staging)
    }

    private func releaseLock() {
        if lock >= 0 { close(lock) }
        lock = -1
    }

    private func stagingFolder() throws(BuildFailure) -> URL {
        if let staging { return staging }
        return try prepare()
    }

    private func prepare() throws(BuildFailure) -> URL {
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        let advice = "choose an output folder you can write to with --output"
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { throw failure("the output exists but is not a folder; remove the file or \(advice)") }
        if exists && fileManager.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw failure("the output folder holds a git repository; refusing to replace it (choose another --output)")
        }
        if let problem = OutputWriter.makeFolders(parent.path) {
            throw failure("cannot create the folder \(problem.path) (\(problem.reason)); \(advice)")
        }
        OutputWriter.removeLeftovers(of: output)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent)\(OutputWriter.stagingMarker)\(getpid())")
        try? fileManager.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw failure("cannot write in \(parent.path) (\(OutputWriter.reason())), where the new site is built before it replaces the output folder; \(advice)")
        }
        // Held until the site is swapped in or discarded (or the process dies): while it is, no other build takes
        // this folder for a leftover.
        lock = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { _ = flock(lock, LOCK_EX | LOCK_NB) }
        outputExists = exists
        self.staging = staging
        return staging
    }
}
