import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The promise that makes changing the output folder file by file safe: before the first change, the whole plan (files
/// to delete, folders to remove, staged files to move in) is written to `journal` in the staging folder and `fsync`ed.
/// A build killed after that leaves a staging folder with a journal; whoever takes that folder next (the next `helhed`
/// command, see `OutputRecovery`) carries the plan out again. Carrying it out is idempotent: a deletion of what is gone
/// and a move whose staged file is gone (it was moved, `rename` is atomic) are done already. Until the journal exists,
/// the output folder is untouched, and a leftover staging folder without one is simply removed.
///
/// Format: "helhed-journal 1\n", then one record per change, a letter (D delete, R remove folder, M move) and a path
/// inside the output folder, each ended by a NUL byte (paths cannot hold NUL, but may hold line breaks).
struct OutputJournal: Equatable {
    static let fileName = "journal"
    static let siteFolderName = "site"
    private static let header = "helhed-journal 1\n"

    let plan: OutputPlan

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the journal into `staging` and makes it durable: written beside, `fsync`ed, renamed into place, and the
    /// folder `fsync`ed, so there is never a partial journal to replay.
    func write(into staging: String) throws(Failure) {
        var bytes = Array(Self.header.utf8)
        for (letter, paths) in [("D", plan.deletions), ("R", plan.folderRemovals), ("M", plan.moves)] {
            for path in paths {
                bytes += letter.utf8
                bytes += path.utf8
                bytes.append(0)
            }
        }
        let temporary = staging + "/" + Self.fileName + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "\(temporary): \(OutputWriter.reason())") }
        do {
            try bytes.withUnsafeBytes { try OutputWriter.writeAll($0, to: descriptor) }
        } catch {
            close(descriptor)
            throw Failure(description: "\(temporary): \(error)")
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, staging + "/" + Self.fileName) == 0 else {
            throw Failure(description: "\(temporary): \(OutputWriter.reason())")
        }
        Self.syncFolder(staging)
    }

    /// The journal in `staging`, or nil when there is none (a build that stopped before changing anything).
    static func read(from staging: String) throws(Failure) -> OutputJournal? {
        let path = staging + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard data.starts(with: header.utf8) else { throw Failure(description: "\(path): not a journal Helhed wrote") }
        var plan = OutputPlan(deletions: [], folderRemovals: [], moves: [])
        for record in data.dropFirst(header.utf8.count).split(separator: 0) {
            let path = String(decoding: record.dropFirst(), as: UTF8.self)
            switch record.first {
            case UInt8(ascii: "D"): plan.deletions.append(path)
            case UInt8(ascii: "R"): plan.folderRemovals.append(path)
            case UInt8(ascii: "M"): plan.moves.append(path)
            default: throw Failure(description: "\(staging)/\(fileName): not a journal Helhed wrote")
            }
        }
        return OutputJournal(plan: plan)
    }

    /// Carries the plan out on `output`, moving staged files from `staging`'s site folder; may be repeated.
    func carryOut(staging: String, output: String) throws(Failure) {
        for path in plan.deletions {
            guard unlink(output + "/" + path) == 0 || errno == ENOENT else {
                throw Failure(description: "cannot delete \(output)/\(path): \(OutputWriter.reason())")
            }
        }
        for path in plan.folderRemovals {
            guard rmdir(output + "/" + path) == 0 || errno == ENOENT else {
                throw Failure(description: "cannot remove the folder \(output)/\(path): \(OutputWriter.reason())")
            }
        }
        let site = staging + "/" + Self.siteFolderName
        var info = stat()
        for path in plan.moves {
            guard lstat(site + "/" + path, &info) == 0 else { continue }  // moved already
            let target = output + "/" + path
            if let problem = OutputWriter.makeFolders((target as NSString).deletingLastPathComponent) {
                throw Failure(description: "cannot create the folder \(problem.path): \(problem.reason)")
            }
            guard rename(site + "/" + path, target) == 0 else {
                throw Failure(description: "cannot move the new \(target) into place: \(OutputWriter.reason())")
            }
        }
    }

    /// After the last change: the journal goes first, so a leftover staging folder is never replayed twice.
    static func remove(from staging: String) {
        unlink(staging + "/" + fileName)
        syncFolder(staging)
    }

    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Finishing what an interrupted build started, before anything else reads or writes the output folder.
public enum OutputRecovery {
    /// Completes the change a killed build had journaled for `output` and removes the staging folders killed builds
    /// left beside it. Called once at the start of every `helhed` command, and by every build before it compares.
    /// Returns a one-line problem when a journaled change cannot be completed (the journal stays for the next try).
    public static func finishInterruptedChanges(of output: URL) -> String? {
        guard let lock = OutputLock(output: output.standardizedFileURL) else { return nil }
        defer { lock.release() }
        do throws(OutputJournal.Failure) {
            try finishLocked(output: output.standardizedFileURL)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The same, for a caller that holds the output's lock already.
    static func finishLocked(output: URL) throws(OutputJournal.Failure) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent)\(OutputWriter.stagingMarker)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let leftover = parent.appendingPathComponent(name)
            let descriptor = open(leftover.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                defer { close(descriptor) }
                guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }  // a running build's
                var isFolder: ObjCBool = false
                if let journal = try OutputJournal.read(from: leftover.path),
                   FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), isFolder.boolValue {
                    try journal.carryOut(staging: leftover.path, output: output.path)
                    OutputJournal.remove(from: leftover.path)
                }
            }
            try? FileManager.default.removeItem(at: leftover)
        }
    }
}

/// One writer of an output folder at a time: an exclusive `flock` on the folder that holds it (which, unlike the
/// output folder, exists before the first build). Builds, and the recovery of a killed build's change, take it for as
/// long as they read and change the output folder; the kernel drops it when the process dies.
struct OutputLock {
    private let descriptor: Int32

    /// Waits for the lock; nil when the folder that holds the output does not exist (so there is no output to guard).
    init?(output: URL) {
        descriptor = open(output.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() { close(descriptor) }
}
