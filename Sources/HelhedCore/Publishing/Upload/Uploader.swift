import Foundation

/// Uploads a built site to a web host: rsync over ssh, run as a child process with an argument array.
///
/// Only changed files are sent (compared by content), they switch over together at the end, and what the site no
/// longer has is deleted last; an interrupted upload leaves the old site in place and the next one resumes it.
struct Uploader: Sendable {
    let options: UploadOptions

    static let installAdvice = "apt-get install rsync openssh-client"

    init(_ options: UploadOptions) {
        self.options = options
    }

    /// Runs rsync and waits for it. `started` is called with rsync's process id once it runs, so that a caller (a test)
    /// can interrupt it.
    func upload(started: (@Sendable (Int32) -> Void)? = nil) throws(UploadError) -> UploadSummary {
        try checkSource()
        guard let rsync = RsyncCommand.locate("rsync", searchPath: options.searchPath) else {
            throw UploadError(.toolMissing, "rsync is not installed (publish uploads with it); install it with: \(Self.installAdvice)")
        }
        guard let ssh = RsyncCommand.locate("ssh", searchPath: options.searchPath) else {
            throw UploadError(.toolMissing, "ssh is not installed (publish connects with it); install it with: \(Self.installAdvice)")
        }
        let arguments = try RsyncCommand.arguments(options, ssh: ssh)
        let start = DispatchTime.now()
        let run = try Self.run(rsync, arguments, searchPath: options.searchPath, started: started)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000_000
        guard run.status == 0 else {
            throw UploadFailureReason.explain(status: run.status, signal: run.signal, stderr: run.stderr, target: options.target)
        }
        return UploadSummary(target: options.target, dryRun: options.dryRun, report: RsyncReport(run.stdout), seconds: seconds,
                             rememberedNewHostKey: run.stderr.contains("Permanently added"))
    }

    /// An empty or missing folder would make the upload delete the whole site on the host.
    private func checkSource() throws(UploadError) {
        let path = options.source.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UploadError(.nothingToUpload, "\(path) does not exist; build the site first (helhed build)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard entries.contains("index.html") else {
            throw UploadError(.nothingToUpload, "\(path) has no index.html, so it is not a built site; uploading it would replace the site on the host")
        }
    }

    struct Run {
        let status: Int32?
        let signal: Int32?
        let stdout: String
        let stderr: String
    }

    /// Output goes to files rather than pipes: after rsync is killed, its ssh child may hold a pipe open and keep a
    /// reader waiting; a file is simply read once rsync has ended.
    static func run(_ executable: URL, _ arguments: [String], searchPath: String?,
                    started: (@Sendable (Int32) -> Void)?) throws(UploadError) -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        // English messages, which `UploadFailureReason` recognises.
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "LANGUAGE")
        if let searchPath { environment["PATH"] = searchPath }
        let process: SpawnedProcess
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process = try SpawnedProcess.start(executable.path, arguments, environment: environment,
                                               standardOutput: outURL.path, standardError: errURL.path)
        } catch {
            throw UploadError(.toolMissing, "rsync could not be started (\(error.localizedDescription)); install it with: \(installAdvice)")
        }
        started?(process.pid)
        let ending = process.wait()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        if ending.status != 0 { waitUntilWritten(errURL) }
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Run(status: ending.status, signal: ending.signal, stdout: stdout, stderr: stderr)
    }

    /// After a failure, ssh (rsync's child, which relays what the host's rsync says) may still be writing the host's
    /// explanation when rsync has ended; on a busy machine the file was read empty. It is read once it has had text
    /// and its size has stayed the same for 100 ms (at most 2 s).
    private static func waitUntilWritten(_ file: URL) {
        var size = -1, unchanged = 0
        for _ in 0..<100 where unchanged < 5 {
            let now = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            unchanged = now > 0 && now == size ? unchanged + 1 : 0
            size = now
            usleep(20_000)
        }
    }
}
