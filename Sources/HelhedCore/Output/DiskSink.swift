import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A site being written into an output folder, changing only what changed. Files come in as many batches as the caller
/// likes (`helhed build` writes pages while it renders the rest, so the whole site is never in memory); each is
/// compared with the output folder's file at once, and only a new or changed file is written, into a staging folder
/// beside the output (on the same file system). `commit` then makes the output folder equal to the new site through
/// `OutputJournal`: files the site no longer has are deleted, staged files are moved in with `rename`, and unchanged
/// files keep their inode and modification time. Into a missing output folder the staged site is renamed as a whole.
///
/// Nothing in the output folder changes before `commit`, so a failed build touches nothing. The staging folder is made
/// at the first write, after the content has been checked. From then on the sink holds the output's lock
/// (`OutputLock`), so what it compared stays what it changes; a file edited by hand in the output folder while a build
/// runs is not seen until the next build. Used from one thread.
final class DiskSink: OutputSink {
    private let output: URL
    private let displayName: String
    private var staging: URL?
    /// The output folder as it was when writing began; nil when there was none.
    private var tree: OutputTree?
    /// Every path of the new site so far, and those of them that were staged (missing or different in the output).
    private var produced: Set<ExactPath> = []
    private var staged: [String] = []
    /// Set once the journal is written: from then on the staging folder belongs to the change and is never discarded.
    private var journaled = false
    private var outputLock: OutputLock?
    /// The staging folder's `flock`, held while it exists: no other build takes it for a leftover meanwhile.
    private var stagingLock: Int32 = -1

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

    private var site: URL { staging!.appendingPathComponent(OutputJournal.siteFolderName) }

    func write(_ files: [OutputFile]) throws(BuildFailure) {
        try prepareOnce()
        let outputPath = output.path
        let unchanged: [Bool] = tree.map { tree in
            files.parallelMap { tree.files.contains(ExactPath($0.path)) && OutputComparison.file(at: outputPath + "/" + $0.path, holds: $0) }
        } ?? Array(repeating: false, count: files.count)
        var changed: [OutputFile] = []
        for (file, isUnchanged) in zip(files, unchanged) {
            produced.insert(ExactPath(file.path))
            if !isUnchanged {
                changed.append(file)
                staged.append(file.path)
            }
        }
        do {
            try OutputWriter.writeFiles(changed, into: site)
        } catch {
            throw writingFailed("\(error)")
        }
    }

    /// Writes one file whose bytes `produce` hands over in pieces (to `write`), so it is never whole in memory. It is
    /// staged, then compared with the output's file, and dropped from the staging folder when they are equal.
    func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure) {
        try prepareOnce()
        let file = site.appendingPathComponent(path)
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
        produced.insert(ExactPath(path))
        if let tree, tree.files.contains(ExactPath(path)), OutputComparison.file(at: output.path + "/" + path, matches: file.path) {
            unlink(file.path)
        } else {
            staged.append(path)
        }
    }

    /// Makes the output folder the new site: renames the staged site into place when there was no output folder,
    /// otherwise journals the changes and carries them out. A build with no change changes nothing.
    func commit() throws(BuildFailure) {
        try prepareOnce()
        guard let staging else { return }
        defer { discard() }
        guard let tree else {
            guard rename(site.path, output.path) == 0 else { throw failure("cannot create the output folder: \(OutputWriter.reason())") }
            return
        }
        let plan = OutputPlan(tree: tree, produced: produced, staged: staged)
        if plan.isEmpty { return }
        do throws(OutputJournal.Failure) {
            let journal = OutputJournal(plan: plan)
            try journal.write(into: staging.path)
            journaled = true
            try journal.carryOut(staging: staging.path, output: output.path)
            OutputJournal.remove(from: staging.path)
            journaled = false
        } catch {
            if !journaled { throw failure("writing the site failed: \(error); nothing in the output folder has changed") }
            throw failure("writing the site stopped half-way: \(error); every file is complete, and the next helhed command finishes the change once that is fixed")
        }
    }

    /// Removes what was staged (unless a journaled change needs it) and lets go of the output folder.
    func discard() {
        if let staging, !journaled { try? FileManager.default.removeItem(at: staging) }
        staging = nil
        tree = nil
        produced = []
        staged = []
        journaled = false
        if stagingLock >= 0 { close(stagingLock) }
        stagingLock = -1
        outputLock?.release()
        outputLock = nil
    }

    private func prepareOnce() throws(BuildFailure) {
        if staging == nil { try prepare() }
    }

    private func prepare() throws(BuildFailure) {
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        let advice = "choose an output folder you can write to with --output"
        if let problem = OutputWriter.makeFolders(parent.path) {
            throw failure("cannot create the folder \(problem.path) (\(problem.reason)); \(advice)")
        }
        outputLock = OutputLock(output: output)
        do throws(OutputJournal.Failure) {
            try OutputRecovery.finishLocked(output: output)
        } catch {
            discard()
            throw failure("cannot finish the change an interrupted build began: \(error)")
        }
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { discard(); throw failure("the output exists but is not a folder; remove the file or \(advice)") }
        if exists && fileManager.fileExists(atPath: output.appendingPathComponent(".git").path) {
            discard()
            throw failure("the output folder holds a git repository; refusing to replace it (choose another --output)")
        }

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent)\(OutputWriter.stagingMarker)\(getpid())")
        try? fileManager.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0, mkdir(staging.appendingPathComponent(OutputJournal.siteFolderName).path, 0o755) == 0 else {
            let reason = OutputWriter.reason()
            try? fileManager.removeItem(at: staging)
            discard()
            throw failure("cannot write in \(parent.path) (\(reason)), where the new site is built before it replaces the output folder; \(advice)")
        }
        // Held until the change is made or discarded (or the process dies): while it is, no other build takes this
        // folder for a leftover.
        stagingLock = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if stagingLock >= 0 { _ = flock(stagingLock, LOCK_EX | LOCK_NB) }
        tree = exists ? OutputTree.read(output.path) : nil
        self.staging = staging
    }
}
